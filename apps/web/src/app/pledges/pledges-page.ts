import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { PledgeSummary, ProblemDetails } from '@heard/domain';
import { EmptyState, PageHeader, ProblemAlert } from '@heard/ui';
import { finalize } from 'rxjs';
import { shortDate } from '../core/dates';
import { toProblem } from '../core/problem';
import { PledgesApi } from './pledges-api';
import { flagWords, ragWords, statusWords } from './pledge-words';

/** The pledges a leader made, or every pledge for an officer: each with both sides' colours and the flag. */
@Component({
  selector: 'heard-pledges-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, EmptyState, PageHeader, ProblemAlert],
  templateUrl: './pledges-page.html',
  styleUrl: './pledges.scss',
  host: { class: 'heard-page' },
})
export default class PledgesPage {
  private readonly api = inject(PledgesApi);

  protected readonly pledges = signal<PledgeSummary[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly shortDate = shortDate;
  protected readonly ragWords = ragWords;
  protected readonly statusWords = statusWords;
  protected readonly flagWords = flagWords;

  constructor() {
    this.api
      .list()
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(),
      )
      .subscribe({
        next: (page) => {
          this.pledges.set(page.pledges);
          this.total.set(page.total);
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
