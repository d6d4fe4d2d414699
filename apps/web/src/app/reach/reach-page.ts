import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { FEWER_THAN_FIVE, REACH_STAGES, REACH_STAGE_LABELS, reachShares } from '@heard/domain';
import type { Reach, ReachRow, ReachTable, ShownCount, TakingPartStage } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { BarChart, type ChartSeries } from '../charts/bar-chart';
import { longDate } from '../core/dates';
import { PeriodFigures } from '../period/period';
import { PERIOD_FIELD_LABELS, PeriodPicker } from '../period/period-picker';
import { ReachApi, reachExportUrl } from './reach-api';

/** How each stage reads after "No one" and after "Few". */
const NONE_WORDS: Readonly<Record<TakingPartStage, string>> = {
  invited: 'was invited',
  came: 'came',
  evaluated: 'gave an evaluation',
  spoke: 'spoke in You said',
};
const FEW_WORDS: Readonly<Record<TakingPartStage, string>> = {
  invited: 'were invited',
  came: 'came',
  evaluated: 'gave an evaluation',
  spoke: 'spoke in You said',
};

/** "a, b or c" */
function either(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** "No one came or spoke in You said. Few were invited, compared with everyone.": a row's gaps in words. */
export function gapWords(row: ReachRow): string {
  const none = row.gaps.filter((g) => g.gap === 'none').map((g) => NONE_WORDS[g.stage]);
  const few = row.gaps.filter((g) => g.gap === 'few').map((g) => FEW_WORDS[g.stage]);
  return [
    none.length > 0 ? `No one ${either(none)}.` : '',
    few.length > 0 ? `Few ${either(few)}, compared with everyone.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** "12", or "fewer than 5" for a withheld count. */
export function cellWords(count: ShownCount): string {
  return count === null ? FEWER_THAN_FIVE : String(count);
}

/**
 * The stages charted: came (took part at all) and spoke (their words reached You said), the two the
 * page asks about. All four stages made forty thin bars for the ten rows of service experience;
 * invited and evaluated stay in the table and the words (docs/reach.md).
 */
export const CHARTED_STAGES: readonly TakingPartStage[] = ['came', 'spoke'];

/** A reach table's chart: each group's share who came and who spoke, as reachShares allows. */
export function shareChartOf(reach: Reach, table: ReachTable): { groups: string[]; series: ChartSeries[] } {
  const { groups, stages } = reachShares(reach.total, table, CHARTED_STAGES);
  return {
    groups,
    series: stages.map(({ stage, shares }) => ({ label: REACH_STAGE_LABELS[stage], values: shares })),
  };
}

/** Every group with a gap, across the tables, as "Placed out of area: No one came.". */
export function missingGroups(reach: Reach): { key: string; words: string }[] {
  return reach.tables.flatMap((table) =>
    table.rows
      .filter((row) => row.gaps.length > 0)
      .map((row) => ({ key: `${table.dimension}-${row.group}`, words: `${row.label}: ${gapWords(row)}` })),
  );
}

/**
 * Reach (issue 13 §4, docs/reach.md): for a period, the young people the council works with against
 * those invited, who came, evaluated and spoke, by age band, service experience, placed out of area
 * and SEND, with the groups whose voices are missing said in words, and beside each table a chart of
 * each group's share who came and spoke. Aggregates only; the API withholds every count under five
 * and this page says so.
 */
@Component({
  selector: 'heard-reach-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BarChart, MatButtonModule, MatProgressBarModule, PageHeader, PeriodPicker, ProblemAlert],
  templateUrl: './reach-page.html',
  styleUrl: './reach-page.scss',
  host: { class: 'heard-page' },
})
export default class ReachPage {
  private readonly api = inject(ReachApi);
  protected readonly figures = new PeriodFigures<Reach>((period) => this.api.reach(period));
  protected readonly reach = this.figures.figures;
  protected readonly fieldLabels = PERIOD_FIELD_LABELS;
  protected readonly stages = REACH_STAGES;
  protected readonly stageLabels = REACH_STAGE_LABELS;
  protected readonly cell = cellWords;
  protected readonly gaps = gapWords;

  protected readonly period = computed(() => {
    const reach = this.reach();
    return reach ? `From ${longDate(reach.from)} to ${longDate(reach.to)}` : '';
  });
  protected readonly missing = computed(() => {
    const reach = this.reach();
    return reach ? missingGroups(reach) : [];
  });
  /** Each table with its chart, worked out once a load, so the charts redraw only for new figures. */
  protected readonly tables = computed(() => {
    const reach = this.reach();
    return reach ? reach.tables.map((table) => ({ table, chart: shareChartOf(reach, table) })) : [];
  });
  /** The downloads are for the period the table shows, not one half-typed in the picker. */
  protected readonly csv = computed(() => this.downloadUrl('csv'));
  protected readonly xlsx = computed(() => this.downloadUrl('xlsx'));

  constructor() {
    this.figures.loads$.pipe(takeUntilDestroyed()).subscribe();
  }

  private downloadUrl(format: 'csv' | 'xlsx'): string {
    const reach = this.reach();
    return reach ? reachExportUrl(format, { from: reach.from, to: reach.to }) : '';
  }
}
