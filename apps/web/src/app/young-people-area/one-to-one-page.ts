import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { MAX_ONE_TO_ONE_ABOUT } from '@heard/domain';
import { MySpaceApi } from './my-space-api';
import { COMMON, ONE_TO_ONE } from './my-space-words';
import { SendWords } from './send-words';
import { sender } from './sender';

/** Asking for a one-to-one: it reaches the officers' list as asked for by the young person. */
@Component({
  selector: 'heard-my-one-to-one-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, SendWords],
  template: `
    <h1>{{ words.title }}</h1>
    @if (post.sent()) {
      <p role="status">{{ post.sent() }}</p>
    } @else {
      @for (line of words.intro; track line) {
        <p>{{ line }}</p>
      }
      <heard-send-words
        fieldId="about"
        [label]="words.aboutLabel"
        [control]="about"
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
export default class OneToOnePage {
  private readonly api = inject(MySpaceApi);
  protected readonly words = ONE_TO_ONE;
  protected readonly common = COMMON;
  protected readonly max = MAX_ONE_TO_ONE_ABOUT;
  protected readonly about = new FormControl('', {
    nonNullable: true,
    validators: [Validators.maxLength(MAX_ONE_TO_ONE_ABOUT)],
  });
  protected readonly post = sender<string>();

  protected send(): void {
    this.post.send(this.api.askForOneToOne(this.about.value.trim() || null), (received) =>
      received.message ? this.words.sent : null,
    );
  }
}
