import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  HELD_CHANGE_REASON_MAX,
  HeldChangeApplyRequestSchema,
  HeldChangeDiscardRequestSchema,
  mayApplyHeld,
} from '@heard/domain';
import type { HeldChangeResponse, ProblemDetails } from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { finalize } from 'rxjs';
import { instantWords } from '../action-log/action-log-words';
import { pageFocus } from '../core/focus';
import { toProblem } from '../core/problem';
import { redAfterSubmit } from '../shared/error-state';
import { HeldChangesApi } from './held-changes-api';
import { heldKindWords, heldWhyWords } from './held-change-words';

type Decision = 'apply' | 'discard';

/**
 * One change kept aside, with its two decisions. Keeping it asks for a reason when mayApplyHeld
 * says so (a "came" mark for someone whose consent is now withdrawn); the server decides again and
 * its message lands on the field.
 */
@Component({
  selector: 'heard-held-change-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, ProblemAlert],
  template: `
    @let change = this.change();
    <article [attr.aria-labelledby]="'held-' + change.id">
      <h3 [id]="'held-' + change.id">{{ kind() }}</h3>
      <p class="detail">{{ change.detail }}</p>
      <dl class="heard-facts">
        <dt>Made on your device</dt>
        <dd>{{ madeAt() }}</dd>
        <dt>Why it was kept aside</dt>
        <dd>{{ why() }}</dd>
      </dl>
      @if (problem(); as problem) {
        <heard-problem-alert [problem]="problem" />
      }
      <form class="heard-form" (submit)="$event.preventDefault()" novalidate>
        <mat-form-field class="wide">
          <mat-label>Reason</mat-label>
          <textarea
            matInput
            [id]="'reason-' + change.id"
            [formControl]="reason"
            [errorStateMatcher]="redAfterSubmit"
            rows="2"
            [attr.maxlength]="maxReason"
          ></textarea>
          <mat-hint>{{ reasonHint() }}</mat-hint>
          <mat-error>{{ reason.getError('reason') }}</mat-error>
        </mat-form-field>
        <div class="heard-buttons">
          <button mat-flat-button type="button" [attr.aria-disabled]="saving()" (click)="decide('apply')">
            Keep it
          </button>
          <button
            mat-stroked-button
            type="button"
            [attr.aria-disabled]="saving()"
            (click)="decide('discard')"
          >
            Let it go
          </button>
        </div>
      </form>
    </article>
  `,
})
export class HeldChangeItem {
  private readonly api = inject(HeldChangesApi);
  private readonly focus = pageFocus();

  readonly change = input.required<HeldChangeResponse>();
  /** Decided: the words to tell the officer what became of it. */
  readonly decided = output<string>();

  protected readonly maxReason = HELD_CHANGE_REASON_MAX;
  protected readonly redAfterSubmit = redAfterSubmit;
  protected readonly saving = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly reason = new FormControl('', { nonNullable: true });

  protected readonly kind = computed(() => heldKindWords(this.change().kind));
  protected readonly madeAt = computed(() => instantWords(this.change().deviceTime));
  protected readonly why = computed(() => heldWhyWords(this.change().why));
  /** Whether keeping it asks for a reason: mayApplyHeld, for what the mark says. */
  private readonly keepNeedsReason = computed(
    () => !mayApplyHeld(this.change().why, this.change().came, undefined).ok,
  );
  protected readonly reasonHint = computed(() =>
    this.keepNeedsReason()
      ? 'Needed either way: why their coming is recorded anyway, or why you let it go.'
      : 'Needed only to let it go: say why it does not stand.',
  );

  protected decide(decision: Decision): void {
    if (this.saving()) return;
    const typed = this.reason.value.trim();
    const message = this.invalidReason(decision, typed);
    this.problem.set(null);
    if (message) {
      this.reason.setErrors({ reason: message });
      this.reason.markAsTouched();
      this.focus.later(`#reason-${this.change().id}`);
      return;
    }
    const id = this.change().id;
    this.saving.set(true);
    const request =
      decision === 'apply' ? this.api.apply(id, typed || undefined) : this.api.discard(id, typed);
    request.pipe(finalize(() => this.saving.set(false))).subscribe({
      next: () =>
        this.decided.emit(
          decision === 'apply'
            ? `${this.kind()} is kept: it is on the register now.`
            : `${this.kind()} is let go: nothing was stored.`,
        ),
      error: (error: unknown) => {
        const problem = toProblem(error);
        const onField = problem.errors?.['reason'];
        if (onField?.length) {
          this.reason.setErrors({ reason: onField.join(' ') });
          this.reason.markAsTouched();
          this.focus.later(`#reason-${id}`);
          return;
        }
        this.problem.set(problem);
        this.focus.problemLater();
      },
    });
  }

  /** The reason checked by the API's own schemas (and mayApplyHeld for keeping), or null when fine. */
  private invalidReason(decision: Decision, typed: string): string | null {
    if (decision === 'discard') {
      const parsed = HeldChangeDiscardRequestSchema.safeParse({ reason: typed });
      return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Give a reason.');
    }
    const reason = typed || undefined;
    const allowed = mayApplyHeld(this.change().why, this.change().came, reason);
    if (!allowed.ok) return allowed.message;
    const parsed = HeldChangeApplyRequestSchema.safeParse(reason === undefined ? {} : { reason });
    return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Give a reason.');
  }
}
