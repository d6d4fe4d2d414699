import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { PlanDocumentStatusResponse } from '@heard/domain';
import { PlansApi } from './plans-api';

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
 * public uses once it is ready.
 */
@Component({
  selector: 'heard-plan-pdf-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    @if (document(); as d) {
      <p data-pdf>
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
      const sub = this.api.document(this.versionId()).subscribe({
        next: (d) => this.document.set(d),
        error: () => this.failed.set(true),
      });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected retry(): void {
    this.retrying.set(true);
    this.retryFailed.set(false);
    this.api.retryDocument(this.versionId()).subscribe({
      next: (d) => {
        this.document.set(d);
        this.retrying.set(false);
      },
      error: () => {
        this.retryFailed.set(true);
        this.retrying.set(false);
      },
    });
  }
}
