import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { Router, RouterLink } from '@angular/router';
import {
  REPORT_EDITORS,
  REPORT_KIND_RULES,
  REPORT_KINDS,
  defaultReportPeriod,
  reportPeriodInWords,
  todayInLondon,
} from '@heard/domain';
import type { ProblemDetails, ReportKind, ReportSummary } from '@heard/domain';
import { EmptyState, PageHeader, ProblemAlert } from '@heard/ui';
import { finalize } from 'rxjs';
import { fieldLabelsFor } from '../core/form-errors';
import { pageFocus } from '../core/focus';
import { toProblem } from '../core/problem';
import { saveForm } from '../core/save-form';
import { SessionService } from '../core/session.service';
import { ReportsApi } from './reports-api';

const LABELS = { kind: 'Which report', from: 'From', to: 'To' };

/** The reports drafted so far, and "Draft a report" for officers: a kind and a period (or its default). */
@Component({
  selector: 'heard-reports-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    RouterLink,
    EmptyState,
    PageHeader,
    ProblemAlert,
  ],
  template: `
    <heard-page-header
      heading="Reports"
      subtitle="The six-monthly Family Feedback Report and the annual participation report, drafted from what Heard holds."
    />
    @if (mayDraft()) {
      <form [formGroup]="form" (ngSubmit)="draft()" novalidate data-draft-form>
        <h2>Draft a report</h2>
        @if (draftProblem(); as problem) {
          <heard-problem-alert [problem]="problem" [fieldLabels]="fieldLabels()" />
        }
        <fieldset>
          <legend>Which report</legend>
          <mat-radio-group formControlName="kind">
            @for (kind of kinds; track kind) {
              <mat-radio-button [value]="kind">
                {{ rules[kind].title }} ({{ rules[kind].describe }}: {{ defaultWords(kind) }})
              </mat-radio-button>
            }
          </mat-radio-group>
        </fieldset>
        <p>Leave the dates empty for the usual period, or give both.</p>
        <mat-form-field>
          <mat-label>From</mat-label>
          <input matInput type="date" formControlName="from" id="report-from" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>To</mat-label>
          <input matInput type="date" formControlName="to" id="report-to" />
        </mat-form-field>
        <div class="heard-buttons">
          <button mat-flat-button type="submit" [attr.aria-disabled]="drafting()">
            {{ drafting() ? 'Drafting from the data…' : 'Draft the report' }}
          </button>
        </div>
      </form>
    }
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading reports" />
    } @else if (problem(); as problem) {
      <heard-problem-alert [problem]="problem" />
    } @else if (reports().length === 0) {
      <heard-empty-state
        icon="summarize"
        heading="No reports yet."
        message="When an officer drafts a report, it shows here."
      />
    } @else {
      <h2>Reports drafted</h2>
      <ul class="heard-records">
        @for (r of reports(); track r.id) {
          <li class="heard-record card">
            <a [routerLink]="['/reports', r.id]">{{ r.title }}</a>
            <span class="meta"> · {{ r.period.from }} to {{ r.period.to }}</span>
          </li>
        }
      </ul>
    }
  `,
  host: { class: 'heard-page' },
})
export default class ReportsPage {
  private readonly api = inject(ReportsApi);
  private readonly router = inject(Router);
  private readonly session = inject(SessionService);
  private readonly focus = pageFocus();

  protected readonly kinds = REPORT_KINDS;
  protected readonly rules = REPORT_KIND_RULES;
  protected readonly reports = signal<ReportSummary[]>([]);
  protected readonly loading = signal(true);
  protected readonly drafting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly draftProblem = signal<ProblemDetails | null>(null);
  protected readonly fieldLabels = computed(() => fieldLabelsFor(this.draftProblem(), LABELS));
  protected readonly mayDraft = computed(() => {
    const role = this.session.user()?.role;
    return role !== undefined && (REPORT_EDITORS as readonly string[]).includes(role);
  });

  protected readonly form = new FormGroup({
    kind: new FormControl<ReportKind>('family_feedback', { nonNullable: true }),
    from: new FormControl('', { nonNullable: true }),
    to: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    this.api
      .list()
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(),
      )
      .subscribe({
        next: (list) => this.reports.set(list.reports),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected defaultWords(kind: ReportKind): string {
    return reportPeriodInWords(defaultReportPeriod(kind, todayInLondon()));
  }

  protected draft(): void {
    const { kind, from, to } = this.form.getRawValue();
    saveForm({
      form: this.form,
      focus: this.focus,
      saving: this.drafting,
      problem: this.draftProblem,
      within: '[data-draft-form]',
      request: () => this.api.draft({ kind, ...(from ? { from } : {}), ...(to ? { to } : {}) }),
      saved: (report) => void this.router.navigate(['/reports', report.id]),
    });
  }
}
