import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { ChartConfiguration } from 'chart.js';
import type { QuestionChange, VersionChange } from '@heard/domain';
import { RATING_SCALE } from '@heard/domain';
import { BaseChartDirective } from 'ng2-charts';
import { catchError, of, switchMap } from 'rxjs';
import { EvaluationResultsApi } from './evaluation-results-api';

/** Dark and light bars that each keep 3:1 against the page (WCAG 1.4.11), one a version. */
const VERSION_COLOURS = ['#1f4e79', '#8a4b08', '#2e6b30', '#6b2e6b', '#4d4d4d'];

/**
 * The change between a tool's versions (issue 11 §6), on a round's results page: for each rating
 * question asked in two or more versions, each version's faces side by side as a chart with a
 * table of the same numbers, each version's sentence of counts and its small-numbers note. Never
 * an average, and a version that did not ask the question says so rather than showing zeros.
 * Needs the bar chart pieces its page registers.
 */
@Component({
  selector: 'heard-version-change',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BaseChartDirective],
  templateUrl: './version-change.html',
  styleUrl: './round-results-page.scss',
})
export class VersionChangeSection {
  private readonly api = inject(EvaluationResultsApi);

  readonly toolId = input.required<string>();

  protected readonly change = signal<VersionChange | null>(null);
  protected readonly faces = RATING_SCALE;
  protected readonly charts = computed(() =>
    (this.change()?.questions ?? []).map((question) => ({ question, config: chartOf(question) })),
  );

  constructor() {
    toObservable(this.toolId)
      .pipe(
        // Without the comparison the round's own results still stand: a failed load shows nothing.
        switchMap((id) => this.api.forTool(id).pipe(catchError(() => of(null)))),
        takeUntilDestroyed(),
      )
      .subscribe((change) => this.change.set(change));
  }

  protected promptOf(question: QuestionChange): string {
    return question.versions.find((v) => v.prompt)?.prompt ?? question.questionKey;
  }
}

function chartOf(question: QuestionChange): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: RATING_SCALE.map((r) => r.words),
      datasets: question.versions.map((v, i) => ({
        label: v.label,
        data: v.distribution.map((d) => d.count),
        backgroundColor: VERSION_COLOURS[i % VERSION_COLOURS.length],
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  };
}
