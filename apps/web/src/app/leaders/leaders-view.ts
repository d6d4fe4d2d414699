import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { FEWER_THAN_FIVE, RATING_SCALE, ratingWords } from '@heard/domain';
import type { ActionCounts, LeadersView, RatedResponse, ShownCount } from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { FUNNEL_STAGE_LABELS, stageSeries } from '../activities/funnel-bars';
import { BarChart, ChartSeries } from '../charts/bar-chart';
import { longDate } from '../core/dates';
import { PeriodFigures } from '../period/period';
import { PERIOD_FIELD_LABELS, PeriodPicker } from '../period/period-picker';
import { SpreadsheetFormat, pledgesExportUrl } from '../pledges/pledges-export';
import { LeadersApi } from './leaders-api';
import { LeaderPledges } from './leader-pledges';

/** A theme or service as its row is headed: items recorded without one still count. */
export function labelOf(label: string | null, none: string): string {
  return label ?? none;
}

/** The four figures of the action counts, as a chart's series. */
export function actionSeries(rows: ActionCounts[]): ChartSeries[] {
  return [
    { label: 'Open', values: rows.map((r) => r.open) },
    { label: 'Overdue', values: rows.map((r) => r.overdue) },
    { label: 'Done in the period', values: rows.map((r) => r.done) },
    { label: 'Can’t, in the period', values: rows.map((r) => r.cant) },
  ];
}

/** "Good, Friday 5 December 2026, about Sharing learning": a comment's rating, day and theme. */
export function commentAbout(comment: RatedResponse): string {
  const about = comment.theme ? `, about ${comment.theme}` : '';
  return `${ratingWords(comment.rating)}, ${longDate(comment.ratedOn)}${about}`;
}

/** "12", or "fewer than 5" for a withheld count. */
export function countWords(count: ShownCount): string {
  return count === null ? FEWER_THAN_FIVE : String(count);
}

/**
 * The senior leaders' view (issue 13 §3, docs/leaders-view.md), on their home page: what the
 * action log has open and overdue by theme and service, the loops not closed, how young experts
 * rated the council's responses with their comments, and who was invited and came. Aggregates
 * only; counts of young people under five are withheld by the API and say so here.
 */
@Component({
  selector: 'heard-leaders-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    BarChart,
    LeaderPledges,
    PeriodPicker,
    ProblemAlert,
  ],
  templateUrl: './leaders-view.html',
  styleUrl: './leaders-view.scss',
})
export class LeadersViewSection {
  private readonly api = inject(LeadersApi);
  protected readonly figures = new PeriodFigures<LeadersView>((period) => this.api.view(period));
  protected readonly view = this.figures.figures;
  protected readonly fieldLabels = PERIOD_FIELD_LABELS;

  protected readonly pledgesCsv = computed(() => this.downloadUrl('csv'));
  protected readonly pledgesXlsx = computed(() => this.downloadUrl('xlsx'));

  protected readonly period = computed(() => {
    const view = this.view();
    return view ? `From ${longDate(view.from)} to ${longDate(view.to)}` : '';
  });
  protected readonly themes = computed(() =>
    (this.view()?.actionsByTheme ?? []).map((r) => labelOf(r.label, 'No theme given')),
  );
  protected readonly themeSeries = computed(() => actionSeries(this.view()?.actionsByTheme ?? []));
  protected readonly services = computed(() =>
    (this.view()?.actionsByService ?? []).map((r) => labelOf(r.label, 'No service given')),
  );
  protected readonly serviceSeries = computed(() => actionSeries(this.view()?.actionsByService ?? []));
  protected readonly loopThemes = computed(() =>
    (this.view()?.loopsNotClosed.byTheme ?? []).map((r) => labelOf(r.label, 'No theme given')),
  );
  protected readonly loopSeries = computed<ChartSeries[]>(() => [
    { label: 'Items waiting', values: (this.view()?.loopsNotClosed.byTheme ?? []).map((r) => r.count) },
  ]);
  protected readonly faces = RATING_SCALE.map((step) => `${step.face} ${step.words}`);
  protected readonly faceSeries = computed<ChartSeries[]>(() => [
    { label: 'Young experts', values: (this.view()?.ratings.faces ?? []).map((f) => f.count) },
  ]);
  protected readonly stages = FUNNEL_STAGE_LABELS;
  protected readonly funnelSeries = computed(() => {
    const funnel = this.view()?.funnel;
    return funnel ? stageSeries(funnel) : [];
  });
  protected readonly count = countWords;
  protected readonly about = commentAbout;

  constructor() {
    this.figures.loads$.pipe(takeUntilDestroyed()).subscribe();
  }

  /** The download is for the period the figures show, not one half-typed in the picker. */
  private downloadUrl(format: SpreadsheetFormat): string {
    const view = this.view();
    return view ? pledgesExportUrl(format, { from: view.from, to: view.to }) : '';
  }
}
