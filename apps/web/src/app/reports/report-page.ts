import { ChangeDetectionStrategy, Component, computed, inject, input, signal, effect } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { REPORT_EDITORS } from '@heard/domain';
import type { ProblemDetails, ReportResponse } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { toProblem } from '../core/problem';
import { SessionService } from '../core/session.service';
import { PlanDocumentView } from '../plans/view/plan-document-view';
import { ReportExport } from './report-export';
import { ReportSectionEditor } from './report-section-editor';
import { ReportsApi } from './reports-api';

/**
 * One report: each section's text, editable by officers with the plan's editing parts, and its
 * PDF and DOCX made on an editor's request with their progress shown; every reader sees the files
 * already made and can download them.
 */
@Component({
  selector: 'heard-report-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../plans/plans.scss',
  imports: [
    MatProgressBarModule,
    RouterLink,
    PageHeader,
    ProblemAlert,
    PlanDocumentView,
    ReportExport,
    ReportSectionEditor,
  ],
  template: `
    @if (report(); as r) {
      <heard-page-header [heading]="r.title" [subtitle]="r.period.from + ' to ' + r.period.to" />
      <p><a routerLink="/reports">All reports</a></p>
      <section aria-labelledby="report-exports">
        <h2 id="report-exports">Export</h2>
        @if (mayEdit()) {
          <p>Save your changes first: the files are made from the saved report.</p>
        }
        <heard-report-export [reportId]="r.id" format="pdf" [mayStart]="mayEdit()" />
        <heard-report-export [reportId]="r.id" format="docx" [mayStart]="mayEdit()" />
      </section>
      @for (section of r.sections; track section.key) {
        <section [attr.aria-labelledby]="'section-' + section.key">
          <h2 [id]="'section-' + section.key">{{ section.title }}</h2>
          @if (mayEdit()) {
            <heard-report-section-editor [report]="r" [section]="section" (saved)="report.set($event)" />
          } @else {
            <heard-plan-document [document]="section.text" [headingBase]="3" />
          }
        </section>
      }
    } @else if (problem(); as problem) {
      <heard-problem-alert [problem]="problem" />
    } @else {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the report" />
    }
  `,
  host: { class: 'heard-page' },
})
export default class ReportPage {
  private readonly api = inject(ReportsApi);
  private readonly session = inject(SessionService);

  /** From the route (withComponentInputBinding). */
  readonly id = input.required<string>();

  protected readonly report = signal<ReportResponse | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly mayEdit = computed(() => {
    const role = this.session.user()?.role;
    return role !== undefined && (REPORT_EDITORS as readonly string[]).includes(role);
  });

  constructor() {
    effect((onCleanup) => {
      const sub = this.api.report(this.id()).subscribe({
        next: (r) => this.report.set(r),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
      onCleanup(() => sub.unsubscribe());
    });
  }
}
