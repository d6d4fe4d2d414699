import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { WORRY_BEFORE_YOU_SEND, WORRY_WORDS_MAX } from '@heard/domain';
import { MySpaceApi } from './my-space-api';
import { COMMON, WORRY } from './my-space-words';
import { SendWords } from './send-words';
import { sender } from './sender';

/**
 * "I'm worried about something": first who will see it and what happens next (the one copy of
 * those words), then their words, sent at once to the safeguarding contacts.
 */
@Component({
  selector: 'heard-my-worry-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, SendWords],
  template: `
    <h1>{{ words.title }}</h1>
    @if (post.sent()) {
      <p role="status">{{ post.sent() }}</p>
    } @else {
      <h2>{{ words.beforeHeading }}</h2>
      <ul>
        @for (line of beforeYouSend; track line) {
          <li>{{ line }}</li>
        }
      </ul>
      <heard-send-words
        fieldId="worry"
        [label]="words.label"
        [control]="worry"
        [max]="max"
        [post]="post"
        [sendLabel]="words.send"
        (send)="send()"
      />
    }
    <a class="big" routerLink="..">{{ common.back }}</a>
  `,
  styleUrl: './my-space.scss',
  host: { class: 'heard-page heard-young' },
})
export default class WorryPage {
  private readonly api = inject(MySpaceApi);
  protected readonly words = WORRY;
  protected readonly common = COMMON;
  protected readonly beforeYouSend = WORRY_BEFORE_YOU_SEND;
  protected readonly max = WORRY_WORDS_MAX;
  protected readonly worry = new FormControl('', { nonNullable: true });
  /** Once sent, what the server said: sent to the contacts, or saved with no one yet to read it. */
  protected readonly post = sender<string>();

  protected send(): void {
    const words = this.worry.value.trim();
    if (!words) {
      this.post.problem.set(this.words.writeFirst);
      return;
    }
    this.post.send(this.api.raiseWorry(words), (received) => received.message);
  }
}
