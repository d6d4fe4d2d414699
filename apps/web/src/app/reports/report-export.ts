import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import type { OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ProblemDetails, ReportExportStatusResponse, ReportFormat } from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { toProblem } from '../core/problem';
import { ReportsApi } from './reports-api';

/** How often the page asks how far the document has got. */
export const EXPORT_POLL_MS = 1000;

/** Words for where an export is, read out as it changes. */
export function exportWords(status: ReportExportStatusResponse): string {
  const name = status.format.toUpperCase();
  switch (status.status) {
    case 'queued':
      return `The ${name} is waiting to be made.`;
    case 'making':
      return status.steps > 0
        ? `Making the ${name}: step ${status.step} of ${status.steps}.`
        : `Making the ${name}.`;
    case 'ready':
      return `The ${name} is ready.`;
    case 'failed':
      return `The ${name} could not be made after ${status.attempts} tries. Try again, or tell whoever runs Heard.`;
    default:
      return '';
  }
}

/**
 * One format's export: on opening, the current state of the document (so a file already made shows
 * its link to every reader); "Export PDF" or "Export DOCX" for editors asks for it, and its progress
 * shows while it is made, then the link. The live region stays in the page; only its words change.
 */
@Component({
  selector: 'heard-report-export',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, ProblemAlert],
  template: `
    <div [attr.data-export]="format()">
      @if (mayStart()) {
        <button mat-stroked-button type="button" [attr.aria-disabled]="busy()" (click)="start()">
          Export {{ format().toUpperCase() }}
        </button>
      }
      @if (problem(); as problem) {
        <heard-problem-alert [problem]="problem" />
      }
      <p role="status">{{ said() }}</p>
      @if (status(); as s) {
        @if (s.status === 'queued' || s.status === 'making') {
          <mat-progress-bar
            [mode]="s.steps > 0 ? 'determinate' : 'indeterminate'"
            [value]="percent(s)"
            [attr.aria-label]="'Making the ' + format().toUpperCase()"
          />
        }
        @if (s.status === 'ready' && s.href) {
          <a [href]="s.href" [attr.download]="''">Download the {{ format().toUpperCase() }}</a>
        }
      }
    </div>
  `,
})
export class ReportExport implements OnInit {
  private readonly api = inject(ReportsApi);

  readonly reportId = input.required<string>();
  readonly format = input.required<ReportFormat>();
  /** Editors may ask for the document; every reader sees how far it has got and its link. */
  readonly mayStart = input(false);

  protected readonly status = signal<ReportExportStatusResponse | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly said = computed(() => {
    const s = this.status();
    return s ? exportWords(s) : '';
  });
  protected readonly percent = (s: ReportExportStatusResponse) =>
    s.steps > 0 ? Math.round((100 * s.step) / s.steps) : 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  ngOnInit(): void {
    this.busy.set(true);
    this.poll();
  }

  protected start(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api.export(this.reportId(), this.format()).subscribe({
      next: (status) => this.show(status),
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }

  private show(status: ReportExportStatusResponse): void {
    this.status.set(status);
    if (status.status === 'queued' || status.status === 'making') {
      this.timer = setTimeout(() => this.poll(), EXPORT_POLL_MS);
      return;
    }
    this.busy.set(false);
  }

  private poll(): void {
    this.timer = null;
    this.api.exportStatus(this.reportId(), this.format()).subscribe({
      next: (status) => this.show(status),
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
