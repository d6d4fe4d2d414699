import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  REVIEW_NOTE_MAX,
  REVIEW_PARTICIPATION_CODES,
  REVIEW_PARTICIPATION_LABELS,
  reviewParticipationProblems,
  todayInLondon,
} from '@heard/domain';
import type {
  ProblemDetails,
  ReviewParticipationCode,
  ReviewParticipationRequest,
  ReviewParticipationResponse,
} from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { API } from '../core/api-urls';
import { shortDate } from '../core/dates';
import { pageFocus } from '../core/focus';
import { toProblem } from '../core/problem';
import { saveForm } from '../core/save-form';

export type ReviewMeetingForm = FormGroup<{
  heldOn: FormControl<string>;
  code: FormControl<ReviewParticipationCode | null>;
  chaired: FormControl<boolean>;
  note: FormControl<string>;
}>;

const FIELD_LABELS = {
  heldOn: 'Date of the review',
  code: 'How they took part',
  chaired: 'They chaired their review',
  note: 'Note',
};

/**
 * "Review meetings" on a young person's page (issue 14 §7): how they took part in each review of
 * their plan (PN1–PN8, seed 002 data set 2b) and whether they chaired it, with a form to record
 * one. Records are kept as they were made; a correction is a new record.
 */
@Component({
  selector: 'heard-review-meetings-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ProblemAlert,
  ],
  template: `
    <section class="reviews" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Review meetings</h2>
      <p class="hint">How {{ name() }} took part in the reviews of their plan, as the chair recorded it.</p>
      @if (loadProblem(); as problem) {
        <heard-problem-alert [problem]="problem" />
      } @else if (reviews(); as reviews) {
        @if (reviews.length > 0) {
          <ul class="plain review-list">
            @for (r of reviews; track r.id) {
              <li>
                <strong>{{ day(r.heldOn) }}</strong> – {{ r.code }}: {{ r.codeLabel }}.
                {{ r.chaired ? 'They chaired it.' : '' }}
                @if (r.note) {
                  <span class="note-text"> Note: {{ r.note }}</span>
                }
                @if (r.recordedBy) {
                  <span class="by"> Recorded by {{ r.recordedBy.displayName }}.</span>
                }
              </li>
            }
          </ul>
        } @else {
          <p>No review meetings have been recorded.</p>
        }
      }
      <div role="status">
        @if (status(); as status) {
          <p class="heard-status">{{ status }}</p>
        }
      </div>

      @if (canRecord()) {
        @if (formOpen()) {
          <div class="panel" id="review-form-panel">
            <h3>Record a review meeting</h3>
            @if (problem(); as problem) {
              <heard-problem-alert [problem]="problem" [fieldLabels]="fieldLabels" />
            }
            <form
              class="heard-form"
              [formGroup]="form"
              #directive="ngForm"
              (ngSubmit)="record(directive)"
              novalidate
            >
              <mat-form-field>
                <mat-label>Date of the review</mat-label>
                <input matInput id="review-held-on" type="date" formControlName="heldOn" />
                <mat-error>{{ errorOf('heldOn', 'Enter the day the review was held.') }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label>How they took part</mat-label>
                <mat-select formControlName="code">
                  @for (code of codes; track code.value) {
                    <mat-option [value]="code.value">{{ code.label }}</mat-option>
                  }
                </mat-select>
                <mat-error>{{ errorOf('code', 'Choose how they took part.') }}</mat-error>
              </mat-form-field>
              <mat-checkbox formControlName="chaired" aria-describedby="review-chaired-error"
                >They chaired their review</mat-checkbox
              >
              @if (chairedError(); as message) {
                <p class="field-error" id="review-chaired-error">{{ message }}</p>
              }
              <mat-form-field>
                <mat-label>Note (optional)</mat-label>
                <textarea matInput formControlName="note" rows="2" [attr.maxlength]="noteMax"></textarea>
                <mat-error>{{
                  errorOf('note', 'Keep the note under ' + noteMax + ' characters.')
                }}</mat-error>
              </mat-form-field>
              <div class="buttons">
                <button mat-flat-button type="submit" [attr.aria-disabled]="saving()">
                  {{ saving() ? 'Saving…' : 'Save the review meeting' }}
                </button>
                <button mat-button type="button" (click)="close(directive)">Cancel</button>
              </div>
            </form>
          </div>
        } @else {
          <button mat-stroked-button type="button" (click)="open()">Record a review meeting</button>
        }
      }
    </section>
  `,
  styles: `
    .reviews {
      margin: 1.5rem 0;
    }
    .review-list li {
      margin-bottom: 0.5rem;
    }
    .note-text,
    .by {
      display: block;
    }
    .by {
      font-size: 0.875rem;
    }
    .field-error {
      color: var(--mat-sys-error);
      margin: 0 0 1rem;
    }
    .buttons {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
  `,
})
export class ReviewMeetingsPanel {
  private readonly http = inject(HttpClient);
  private readonly focus = pageFocus();

  readonly youngPersonId = input.required<string>();
  readonly name = input.required<string>();
  /** False for an archived record: its meetings are shown, no new one is taken. */
  readonly canRecord = input(true);

  protected readonly reviews = signal<ReviewParticipationResponse[] | null>(null);
  protected readonly loadProblem = signal<ProblemDetails | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly formOpen = signal(false);

  protected readonly noteMax = REVIEW_NOTE_MAX;
  protected readonly fieldLabels = FIELD_LABELS;
  protected readonly codes = REVIEW_PARTICIPATION_CODES.map((value) => ({
    value,
    label: `${value} – ${REVIEW_PARTICIPATION_LABELS[value]}`,
  }));
  protected readonly day = shortDate;

  protected readonly form: ReviewMeetingForm = new FormGroup({
    heldOn: new FormControl(todayInLondon(), { nonNullable: true, validators: [Validators.required] }),
    code: new FormControl<ReviewParticipationCode | null>(null, { validators: [Validators.required] }),
    chaired: new FormControl(false, { nonNullable: true }),
    note: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(REVIEW_NOTE_MAX)] }),
  });

  constructor() {
    effect(() => this.load(this.youngPersonId()));
  }

  protected errorOf(field: keyof typeof FIELD_LABELS, fallback: string): string {
    const control = this.form.controls[field];
    return (
      (control.getError('server') as string | undefined) ??
      (control.getError('rule') as string | undefined) ??
      fallback
    );
  }

  protected chairedError(): string | null {
    const control = this.form.controls.chaired;
    if (!control.touched) return null;
    return (
      (control.getError('server') as string | undefined) ??
      (control.getError('rule') as string | undefined) ??
      null
    );
  }

  protected open(): void {
    this.formOpen.set(true);
    this.status.set(null);
    this.focus.later('#review-held-on');
  }

  protected close(directive: FormGroupDirective): void {
    this.formOpen.set(false);
    this.problem.set(null);
    directive.resetForm(this.blank());
  }

  protected record(directive: FormGroupDirective): void {
    if (this.saving()) return;
    this.checkRule();
    saveForm({
      form: this.form,
      focus: this.focus,
      within: '#review-form-panel',
      saving: this.saving,
      problem: this.problem,
      request: () => {
        const v = this.form.getRawValue();
        const request: ReviewParticipationRequest = {
          heldOn: v.heldOn,
          code: v.code as ReviewParticipationCode,
          chaired: v.chaired,
          note: v.note.trim() || null,
        };
        return this.http.post<ReviewParticipationResponse>(API.reviews(this.youngPersonId()), request);
      },
      saved: (saved) => {
        this.formOpen.set(false);
        directive.resetForm(this.blank());
        this.status.set(`Review meeting of ${shortDate(saved.heldOn)} recorded (${saved.code}).`);
        this.reviews.update((list) => [saved, ...(list ?? [])].sort(byLatest));
      },
    });
  }

  /** The domain's rule, before sending: a day to come, or chairing with a code that rules it out. */
  private checkRule(): void {
    const v = this.form.getRawValue();
    if (!v.code || !v.heldOn) return;
    const problems = reviewParticipationProblems(
      { heldOn: v.heldOn, code: v.code, chaired: v.chaired },
      todayInLondon(),
    );
    for (const [field, message] of Object.entries(problems)) {
      const control = this.form.controls[field as 'heldOn' | 'chaired'];
      control.setErrors({ ...(control.errors ?? {}), rule: message });
    }
  }

  private blank() {
    return { heldOn: todayInLondon(), code: null, chaired: false, note: '' };
  }

  private load(id: string): void {
    this.loadProblem.set(null);
    this.http.get<ReviewParticipationResponse[]>(API.reviews(id)).subscribe({
      next: (reviews) => this.reviews.set(reviews),
      error: (error: unknown) => {
        const problem = toProblem(error);
        this.loadProblem.set({
          ...problem,
          detail: `We could not load their review meetings. ${problem.detail}`,
        });
      },
    });
  }
}

const byLatest = (a: ReviewParticipationResponse, b: ReviewParticipationResponse) =>
  b.heldOn.localeCompare(a.heldOn) || b.recordedAt.localeCompare(a.recordedAt);
