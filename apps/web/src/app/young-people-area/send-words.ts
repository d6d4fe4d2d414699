import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { COMMON } from './my-space-words';
import type { Sender } from './sender';

/**
 * The box a young person writes in and the button that sends it, with the plain words when it did
 * not go: one markup for the pages that send one thing (a worry, a deletion request, a one-to-one).
 */
@Component({
  selector: 'heard-send-words',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  template: `
    <label [for]="fieldId()">{{ label() }}</label>
    <textarea [id]="fieldId()" [formControl]="control()" [attr.maxlength]="max()"></textarea>
    @if (post().problem()) {
      <p class="problem" role="alert">{{ post().problem() }}</p>
    }
    <div class="actions">
      <button type="button" class="big primary" [disabled]="post().sending()" (click)="send.emit()">
        {{ post().sending() ? sending : sendLabel() }}
      </button>
    </div>
  `,
  // The folder's one stylesheet: a page's styles do not reach inside a child component.
  styleUrl: './my-space.scss',
})
export class SendWords {
  readonly fieldId = input.required<string>();
  readonly label = input.required<string>();
  readonly control = input.required<FormControl<string>>();
  readonly max = input.required<number>();
  readonly post = input.required<Sender<unknown>>();
  readonly sendLabel = input.required<string>();
  readonly send = output();
  protected readonly sending = COMMON.sending;
}
