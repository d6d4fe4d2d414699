import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  ERASURE_ASKED_BY,
  ERASURE_ASKED_BY_LABELS,
  ERASURE_DECISIONS,
  ERASURE_DECISION_LABELS,
  ERASURE_RECEIVED_HOW,
  ERASURE_RECEIVED_HOW_LABELS,
  MAX_ERASURE_DETAILS,
  MAX_ERASURE_REASON,
  todayInLondon,
} from '@heard/domain';
import type {
  ErasureAskedBy,
  ErasureDecision,
  ErasureReceivedHow,
  ErasureRequestResponse,
  ErasureRequestsResponse,
  ProblemDetails,
} from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { catchError, filter, finalize, of, switchMap, tap } from 'rxjs';
import { londonDate, shortDate } from '../../core/dates';
import { toProblem } from '../../core/problem';
import { ErasureApi } from './erasure-api';

/**
 * A request to erase a young person's details: recorded as it arrived, then decided once. Erasing
 * cannot be undone, so the decision form says what happens and asks for a confirmation; the API
 * asks for it too. The page's title and heading never carry the young person's name.
 */
@Component({
  selector: 'heard-erasure-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    PageHeader,
    ProblemAlert,
  ],
  templateUrl: './erasure-page.html',
  styleUrl: './erasure-page.scss',
  host: { class: 'heard-page' },
})
export default class ErasurePage {
  private readonly api = inject(ErasureApi);

  readonly id = input.required<string>();
  /** Set when the officer came from the young person's own "delete something" request. */
  readonly deletionRequest = input<string | undefined>(undefined);

  protected readonly askedBy = ERASURE_ASKED_BY.map((value) => ({
    value,
    label: ERASURE_ASKED_BY_LABELS[value],
  }));
  protected readonly receivedHow = ERASURE_RECEIVED_HOW.map((value) => ({
    value,
    label: ERASURE_RECEIVED_HOW_LABELS[value],
  }));
  protected readonly decisions = ERASURE_DECISIONS.map((value) => ({
    value,
    label: ERASURE_DECISION_LABELS[value],
  }));
  protected readonly askedByLabel = (v: ErasureAskedBy) => ERASURE_ASKED_BY_LABELS[v];
  protected readonly receivedHowLabel = (v: ErasureReceivedHow) => ERASURE_RECEIVED_HOW_LABELS[v];
  protected readonly decisionLabel = (v: ErasureDecision) => ERASURE_DECISION_LABELS[v];
  protected readonly dayOf = (instant: string) => shortDate(londonDate(instant));
  protected readonly shortDate = shortDate;

  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly data = signal<ErasureRequestsResponse | null>(null);
  protected readonly open = computed(() => this.data()?.requests.find((r) => r.decision === null) ?? null);
  protected readonly decided = computed(() => this.data()?.requests.filter((r) => r.decision !== null) ?? []);
  protected readonly saving = signal(false);
  protected readonly formProblem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);

  protected readonly requestForm = new FormGroup({
    askedBy: new FormControl<ErasureAskedBy>('young_person', { nonNullable: true }),
    receivedHow: new FormControl<ErasureReceivedHow>('their_pages', { nonNullable: true }),
    receivedOn: new FormControl(todayInLondon(), { nonNullable: true, validators: [Validators.required] }),
    details: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(MAX_ERASURE_DETAILS)],
    }),
  });
  protected readonly decisionForm = new FormGroup({
    decision: new FormControl<ErasureDecision | ''>('', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(MAX_ERASURE_REASON)],
    }),
    confirm: new FormControl(false, { nonNullable: true }),
  });
  protected readonly requestLabels = {
    askedBy: 'Who asked',
    receivedHow: 'How it reached you',
    receivedOn: 'Day it was received',
    details: 'What they asked',
    deletionRequestId: 'Their own request',
  };
  protected readonly decisionLabels = {
    decision: 'Decision',
    reason: 'Reason, in plain words',
    confirmCannotBeUndone: 'Confirmation',
  };
  private readonly chosen = signal<ErasureDecision | ''>('');
  protected readonly erasing = computed(() => this.chosen() === 'erase');

  constructor() {
    this.decisionForm.controls.decision.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((value) => this.chosen.set(value));
    toObservable(this.id)
      .pipe(
        filter(Boolean),
        tap(() => this.loading.set(true)),
        switchMap((id) =>
          this.api.list(id).pipe(
            catchError((error: unknown) => {
              this.problem.set(toProblem(error));
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((data) => {
        this.data.set(data);
        this.loading.set(false);
      });
  }

  protected record(): void {
    if (this.saving()) return;
    if (this.requestForm.invalid) {
      this.requestForm.markAllAsTouched();
      return;
    }
    const v = this.requestForm.getRawValue();
    this.saving.set(true);
    this.formProblem.set(null);
    this.api
      .record(this.id(), {
        askedBy: v.askedBy,
        receivedHow: v.receivedHow,
        receivedOn: v.receivedOn,
        details: v.details.trim() || null,
        deletionRequestId: this.deletionRequest() ?? null,
      })
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (saved) => {
          this.replace(saved);
          this.status.set('The request is recorded. It now needs a decision.');
        },
        error: (error: unknown) => this.formProblem.set(toProblem(error)),
      });
  }

  protected decide(request: ErasureRequestResponse): void {
    if (this.saving()) return;
    const v = this.decisionForm.getRawValue();
    if (this.decisionForm.invalid || v.decision === '') {
      this.decisionForm.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.formProblem.set(null);
    this.api
      .decide(request.id, {
        decision: v.decision,
        reason: v.reason.trim() || null,
        confirmCannotBeUndone: v.decision === 'erase' ? v.confirm : false,
      })
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (saved) => {
          this.replace(saved);
          this.status.set(
            saved.carriedOutAt
              ? 'Their details are erased. What they took part in is still counted, without their name.'
              : 'The decision is recorded.',
          );
        },
        error: (error: unknown) => this.formProblem.set(toProblem(error)),
      });
  }

  private replace(saved: ErasureRequestResponse): void {
    const current = this.data();
    const others = (current?.requests ?? []).filter((r) => r.id !== saved.id);
    this.data.set({
      anonymisedAt: saved.carriedOutAt ?? current?.anonymisedAt ?? null,
      requests: [saved, ...others],
    });
  }
}
