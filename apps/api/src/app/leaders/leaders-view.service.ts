import { Injectable } from '@nestjs/common';
import { ActionCounts, LeadersView, LeadersViewQuery, shownCount, todayInLondon } from '@heard/domain';
import { DataSource } from 'typeorm';
import { FiguresCache } from '../../platform/cache/figures-cache';
import { Clock } from '../../platform/clock';
import { itemStageSql } from '../action-log/action-log-base';
import { FunnelService } from '../activities/funnel.service';
import { actionCounts } from './action-counts.queries';
import { youngExpertRatings } from './response-ratings.queries';

/**
 * The senior leaders' view (docs/leaders-view.md): aggregates only. Nothing here names or links to
 * a young person; counts of young people go through shownCount, so small numbers are withheld.
 */
@Injectable()
export class LeadersViewService {
  /** The same for every leader, so kept once a period and a day until what it counts changes. */
  private readonly kept: FiguresCache<LeadersView>;

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly funnels: FunnelService,
  ) {
    this.kept = new FiguresCache(db);
  }

  view(query: LeadersViewQuery): Promise<LeadersView> {
    const today = todayInLondon(this.clock.now());
    return this.kept.get(`${today} ${query.from} ${query.to}`, () => this.count(query, today));
  }

  private async count(query: LeadersViewQuery, today: string): Promise<LeadersView> {
    const [actionsByTheme, actionsByService, loopsNotClosed, ratings, funnel] = await Promise.all([
      this.actionCounts('theme', query, today),
      this.actionCounts('service', query, today),
      this.loopsNotClosed(),
      youngExpertRatings(this.db, query),
      this.funnels.funnelForPeriod(query.from, query.to),
    ]);
    return {
      from: query.from,
      to: query.to,
      actionsByTheme,
      actionsByService,
      loopsNotClosed,
      ratings,
      funnel: {
        invited: shownCount(funnel.invited),
        accepted: shownCount(funnel.accepted),
        attended: shownCount(funnel.attended),
      },
    };
  }

  /** The shared counts (action-counts.queries.ts), without the ids the view does not show. */
  private async actionCounts(
    by: 'theme' | 'service',
    query: LeadersViewQuery,
    today: string,
  ): Promise<ActionCounts[]> {
    const rows = await actionCounts(this.db, by, query, today);
    return rows.map(({ label, open, overdue, done, cant }) => ({ label, open, overdue, done, cant }));
  }

  private async loopsNotClosed(): Promise<LeadersView['loopsNotClosed']> {
    const byTheme: { label: string | null; count: number }[] = await this.db.query(
      `SELECT t.name AS label, count(*)::int AS count
         FROM you_said_items y LEFT JOIN action_log_themes t ON t.id = y.theme_id
        WHERE ${itemStageSql('y')} = 'to_tell'
        GROUP BY t.name ORDER BY t.name NULLS LAST`,
    );
    return { total: byTheme.reduce((sum, row) => sum + row.count, 0), byTheme };
  }
}
