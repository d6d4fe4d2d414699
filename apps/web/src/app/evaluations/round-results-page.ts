import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ProblemDetails, RatingResult, RoundAudience, RoundResults } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { BarController, BarElement, CategoryScale, type ChartConfiguration, LinearScale } from 'chart.js';
import { BaseChartDirective, provideCharts } from 'ng2-charts';
import { longDate } from '../core/dates';
import { loadRecord } from '../core/load-record';
import { EvaluationResultsApi, resultsCsvUrl } from './evaluation-results-api';
import { VersionChangeSection } from './version-change';

const AUDIENCE_WORDS: Record<RoundAudience, string> = {
  named: 'Named young people',
  group: 'The members of a group',
  link: 'Anyone with the round’s link',
};

/** A dark bar that keeps 3:1 against the page, as graphics must (WCAG 1.4.11). */
const BAR_COLOUR = '#1f4e79';

/**
 * A round's results, always with their context (docs/evaluations.md "Results"): for each rating
 * question a bar chart of the five faces with a table of the same numbers beside it, a sentence of
 * counts (never an average), the small-numbers note where fewer than five answered, who took part,
 * and the young people's words. Only the chart.js parts a bar chart needs are registered, and only
 * on this lazy route, so the first bundle stays small.
 */
@Component({
  selector: 'heard-round-results-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    BaseChartDirective,
    MatButtonModule,
    MatProgressBarModule,
    PageHeader,
    ProblemAlert,
    RouterLink,
    VersionChangeSection,
  ],
  providers: [provideCharts({ registerables: [BarController, BarElement, CategoryScale, LinearScale] })],
  templateUrl: './round-results-page.html',
  styleUrl: './round-results-page.scss',
  host: { class: 'heard-page' },
})
export default class RoundResultsPage {
  private readonly api = inject(EvaluationResultsApi);

  readonly roundId = input.required<string>();

  protected readonly results = signal<RoundResults | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly audienceWords = AUDIENCE_WORDS;
  protected readonly csvUrl = computed(() => resultsCsvUrl(this.roundId()));
  protected readonly date = longDate;

  protected readonly charts = computed(() =>
    (this.results()?.ratings ?? []).map((rating) => ({ rating, config: this.chartOf(rating) })),
  );

  constructor() {
    loadRecord(this.roundId, (id) => this.api.forRound(id), {
      loading: this.loading,
      problem: this.problem,
    })
      .pipe(takeUntilDestroyed())
      .subscribe((results) => {
        this.results.set(results);
        this.loading.set(false);
      });
  }

  protected peopleWord(n: number): string {
    return n === 1 ? 'young person' : 'young people';
  }

  private chartOf(rating: RatingResult): ChartConfiguration<'bar'> {
    return {
      type: 'bar',
      data: {
        labels: rating.distribution.map((d) => d.words),
        datasets: [
          {
            label: 'Young people',
            data: rating.distribution.map((d) => d.count),
            backgroundColor: BAR_COLOUR,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    };
  }
}
