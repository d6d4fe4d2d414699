import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { EvaluationRoundResponse, ProblemDetails } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { finalize } from 'rxjs';
import { longDate } from '../core/dates';
import { pageFocus } from '../core/focus';
import { loadRecord } from '../core/load-record';
import { toProblem } from '../core/problem';
import { EvaluationRoundsApi } from './evaluation-rounds-api';
import { AUDIENCE_LABELS, OCCASION_KIND_LABELS, QUESTION_KIND_LABELS } from './round-form';
import { ROUND_STATE_LABELS } from './version-rounds';

/** One round, for officers: its questions, where and when, and closing it early. */
@Component({
  selector: 'heard-round-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, PageHeader, ProblemAlert],
  templateUrl: './round-page.html',
  host: { class: 'heard-page' },
})
export default class RoundPage {
  private readonly api = inject(EvaluationRoundsApi);
  private readonly router = inject(Router);
  private readonly focus = pageFocus();

  readonly roundId = input.required<string>();

  protected readonly round = signal<EvaluationRoundResponse | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(
    (this.router.currentNavigation()?.extras.state?.['status'] as string | undefined) ?? null,
  );
  protected readonly confirming = signal(false);
  protected readonly closing = signal(false);
  protected readonly closeProblem = signal<ProblemDetails | null>(null);

  protected readonly stateLabels = ROUND_STATE_LABELS;
  protected readonly audienceLabels = AUDIENCE_LABELS;
  protected readonly occasionLabels = OCCASION_KIND_LABELS;
  protected readonly kindLabels = QUESTION_KIND_LABELS;
  protected readonly day = longDate;

  constructor() {
    loadRecord(this.roundId, (id) => this.api.get(id), { loading: this.loading, problem: this.problem })
      .pipe(takeUntilDestroyed())
      .subscribe((round) => {
        this.round.set(round);
        this.loading.set(false);
      });
  }

  protected askToClose(): void {
    this.confirming.set(true);
    this.focus.later('#confirm-close');
  }

  protected keepOpen(): void {
    this.confirming.set(false);
    this.focus.later('#close-early');
  }

  protected close(): void {
    const round = this.round();
    if (!round || this.closing()) return;
    this.closing.set(true);
    this.closeProblem.set(null);
    this.api
      .close(round.id)
      .pipe(finalize(() => this.closing.set(false)))
      .subscribe({
        next: (closed) => {
          this.round.set(closed);
          this.confirming.set(false);
          this.status.set('The round is closed. It takes no more answers.');
          this.focus.later('#round-status');
        },
        error: (error: unknown) => {
          this.closeProblem.set(toProblem(error));
          this.focus.problemLater('.close');
        },
      });
  }
}
