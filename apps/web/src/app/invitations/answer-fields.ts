import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import type { InvitationAnswerRequest } from '@heard/domain';

export type RecordAnswerForm = FormGroup<{
  answer: FormControl<'yes' | 'no' | null>;
  reason: FormControl<string>;
}>;

/** The answer a young person gave someone, to record for them: yes or no, and why not if they said. */
export function recordAnswerForm(): RecordAnswerForm {
  return new FormGroup({
    answer: new FormControl<'yes' | 'no' | null>(null, { validators: [Validators.required] }),
    reason: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(300)] }),
  });
}

/** The request for `POST /api/invitations/:id/answer`: a reason only with a no, and only if given. */
export function answerRequestFrom(form: RecordAnswerForm): InvitationAnswerRequest {
  const { answer, reason } = form.getRawValue();
  return {
    answer: answer ?? 'yes',
    ...(answer === 'no' && reason.trim() ? { reason: reason.trim() } : {}),
  };
}

/**
 * The fields of "record their answer", shared by the officer's invitations tab and the trusted
 * adult's hand-over page; each page keeps its own form element, buttons and words around it.
 */
@Component({
  selector: 'heard-answer-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatRadioModule],
  template: `
    <div class="answer-fields" [formGroup]="form()">
      <mat-radio-group formControlName="answer" [attr.aria-label]="question()">
        <mat-radio-button value="yes">{{ yesLabel() }}</mat-radio-button>
        <mat-radio-button value="no">{{ noLabel() }}</mat-radio-button>
      </mat-radio-group>
      @if (form().controls.answer.touched && form().controls.answer.invalid) {
        <p class="field-error">Choose yes or no.</p>
      }
      @if (form().controls.answer.value === 'no') {
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Why not</mat-label>
          <textarea matInput formControlName="reason" rows="2" maxlength="300"></textarea>
          <mat-hint>{{ reasonHint() }}</mat-hint>
          <mat-error>
            @if (form().controls.reason.getError('server'); as message) {
              {{ message }}
            } @else {
              Keep the reason under 300 characters.
            }
          </mat-error>
        </mat-form-field>
      }
      <p class="help">If it is full, a yes puts them on the waiting list.</p>
    </div>
  `,
  styles: `
    .answer-fields {
      display: flex;
      flex-direction: column;
      gap: 8px;
      max-width: 40rem;
    }
    mat-radio-group {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .help {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .field-error {
      margin: 0;
      color: var(--mat-sys-error);
      font-weight: 600;
    }
  `,
})
export class AnswerFields {
  readonly form = input.required<RecordAnswerForm>();
  /** What screen readers hear for the choice, like "Is Sam coming?". */
  readonly question = input.required<string>();
  readonly yesLabel = input('Yes, coming');
  readonly noLabel = input('No, not coming');
  readonly reasonHint = input('Optional.');
}
