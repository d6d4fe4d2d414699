import type { ShownCount } from '@heard/domain';
import type { FunnelStage } from '@heard/domain';
import type { ChartSeries } from '../charts/bar-chart';

/** The funnel's stages in the order it reads, as a chart's categories. */
export const FUNNEL_STAGE_LABELS = ['Invited', 'Said yes', 'Came'];

/** Invited → said yes → came as one series of bars (counts withheld as small numbers stay null). */
export function stageSeries(stage: { [K in keyof FunnelStage]: ShownCount }): ChartSeries[] {
  return [{ label: 'Young people', values: [stage.invited, stage.accepted, stage.attended] }];
}

/** "50%" of the first figure, or "" when there is nothing to compare with. */
export function shareOf(value: number, of: number): string {
  return of > 0 ? `${Math.round((value / of) * 100)}%` : '';
}

/** Each stage's share of those invited, for the chart table's last column ("" for the first). */
export function stageShares(stage: FunnelStage): string[] {
  return [
    '',
    shareOf(stage.accepted, stage.invited) && `${shareOf(stage.accepted, stage.invited)} of those invited`,
    shareOf(stage.attended, stage.invited) && `${shareOf(stage.attended, stage.invited)} of those invited`,
  ];
}
