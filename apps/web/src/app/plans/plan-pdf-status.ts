import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { PlanDocumentStatusResponse } from '@heard/domain';
import { pageFocus } from '../core/focus';
import { PlansApi } from './plans-api';

/** How often the page asks again while the PDF is queued or being made. */
export const PDF_POLL_MS = 5000;

/** The words for where a published version's PDF is. */
function pdfWords(document: PlanDocumentStatusResponse): string {
  switch (document.status) {
    case 'ready':
      return 'The PDF is ready: tagged for screen readers, as the public sector accessibility rules ask.';
    case 'failed':
      return `The PDF could not be made after ${document.attempts} tries. If trying again fails too, tell whoever runs Heard.`;
    case 'queued':
    case 'making':
      return 'The PDF is being made. It is ready within a minute or two of publishing.';
    default:
      return 'The PDF is made when this version is published.';
  }
}

/**
 * Where a published version's PDF is (made by a job after publishing: ADR 0033), with the link the
 * public uses once it is ready. While it is queued or being made the page asks again every
 * PDF_POLL_MS, so "being made" turns into the link without a reload.
 */
@Component({
  selector: 'heard-plan-pdf-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    @if (document(); as d) {
      <p data-pdf tabindex="-1">
        {{ words(d) }}
        @if (d.status === 'ready' && d.href) {
          <a [href]="d.href" type="application/pdf">Get the PDF</a>
        }
      </p>
      @if (d.status === 'failed' && mayRetry()) {
        <button mat-stroked-button type="button" [disabled]="retrying()" (click)="retry()">
          Try making the PDF again
        </button>
      }
      @if (retryFailed()) {
        <p role="alert">The PDF could not be queued again. Reload the page to see where it is.</p>
      }
    } @else if (failed()) {
      <p data-pdf>Where the PDF is could not be loaded.</p>
    }
  `,
})
export class PlanPdfStatus {
  private readonly api = inject(PlansApi);
  private readonly focus = pageFocus();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Asks again for where the PDF is; set while the effect for the current version is alive. */
  private poll: (() => void) | null = null;

  readonly versionId = input.required<string>();
  /** Whether this reader may queue a failed PDF again (the plan's editors). */
  readonly mayRetry = input(false);

  protected readonly document = signal<PlanDocumentStatusResponse | null>(null);
  protected readonly failed = signal(false);
  protected readonly retrying = signal(false);
  protected readonly retryFailed = signal(false);
  protected readonly words = pdfWords;

  constructor() {
    effect((onCleanup) => {
      const versionId = this.versionId();
      let sub = untracked(() => this.load(versionId));
      this.poll = () => {
        this.timer = null;
        sub.unsubscribe();
        sub = this.load(versionId);
      };
      onCleanup(() => {
        sub.unsubscribe();
        this.stopPolling();
        this.poll = null;
      });
    });
  }

  private load(versionId: string) {
    return this.api.document(versionId).subscribe({
      next: (d) => this.show(d),
      error: () => this.failed.set(true),
    });
  }

  /** Shows where the PDF is, and asks again after PDF_POLL_MS while it is queued or being made. */
  private show(d: PlanDocumentStatusResponse): void {
    this.document.set(d);
    this.stopPolling();
    if (d.status === 'queued' || d.status === 'making') {
      this.timer = setTimeout(() => this.poll?.(), PDF_POLL_MS);
    }
  }

  private stopPolling(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  protected retry(): void {
    this.retrying.set(true);
    this.retryFailed.set(false);
    this.api.retryDocument(this.versionId()).subscribe({
      next: (d) => {
        this.show(d);
        this.retrying.set(false);
        // The button has gone: keyboard and screen reader users land on the new words.
        this.focus.later('[data-pdf]');
      },
      error: () => {
        this.retryFailed.set(true);
        this.retrying.set(false);
      },
    });
  }
}
