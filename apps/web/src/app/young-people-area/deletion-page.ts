import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { MAX_DELETION_WHAT } from '@heard/domain';
import { MySpaceApi } from './my-space-api';
import { COMMON, DELETION } from './my-space-words';
import { SendWords } from './send-words';
import { sender } from './sender';

/** Asking for something to be deleted: it reaches the officers, and deletes nothing by itself. */
@Component({
  selector: 'heard-my-deletion-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, SendWords],
  template: `
    <h1>{{ words.title }}</h1>
    @if (post.sent()) {
      <p role="status">{{ words.sent }}</p>
    } @else {
      @for (line of words.intro; track line) {
        <p>{{ line }}</p>
      }
      <heard-send-words
        fieldId="what"
        [label]="words.whatLabel"
        [control]="what"
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
export default class DeletionPage {
  private readonly api = inject(MySpaceApi);
  protected readonly words = DELETION;
  protected readonly common = COMMON;
  protected readonly max = MAX_DELETION_WHAT;
  protected readonly what = new FormControl('', { nonNullable: true });
  protected readonly post = sender<true>();

  protected send(): void {
    const what = this.what.value.trim();
    if (!what) {
      this.post.problem.set(this.words.whatFirst);
      return;
    }
    this.post.send(this.api.askToDelete(what), () => true);
  }
}
