import { Injectable } from '@nestjs/common';
import {
  ActionCounts,
  LeadersView,
  LeadersViewQuery,
  RATING_SCALE,
  Rating,
  RatedResponse,
  SMALL_NUMBER_THRESHOLD,
  shownCount,
  shownParts,
  todayInLondon,
} from '@heard/domain';
import { DataSource } from 'typeorm';
import { FiguresCache } from '../../platform/cache/figures-cache';
import { Clock } from '../../platform/clock';
import { londonDay } from '../../platform/database/rules-sql';
import { itemStageSql } from '../action-log/action-log-base';
import { FunnelService } from '../activities/funnel.service';
import { actionCounts } from './action-counts.queries';

/** The most recent comments shown beside the ratings. */
const COMMENTS_SHOWN = 20;

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
      this.ratings(query),
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

  private async ratings(query: LeadersViewQuery): Promise<LeadersView['ratings']> {
    const rated = `${londonDay('r.rated_at')} BETWEEN $1 AND $2`;
    const counts: { rating: Rating; count: number }[] = await this.db.query(
      `SELECT r.rating, count(*)::int AS count FROM response_ratings r WHERE ${rated} GROUP BY r.rating`,
      [query.from, query.to],
    );
    const answered = counts.reduce((sum, row) => sum + row.count, 0);
    // Fewer than five rated: a comment could be matched to the one or two who wrote it.
    const comments: RatedResponse[] =
      answered < SMALL_NUMBER_THRESHOLD
        ? []
        : await this.db.query(
            `SELECT r.rating, r.comment, t.name AS theme, ${londonDay('r.rated_at')}::text AS "ratedOn"
               FROM response_ratings r
               JOIN you_said_items y ON y.id = r.item_id
               LEFT JOIN action_log_themes t ON t.id = y.theme_id
              WHERE ${rated} AND r.comment IS NOT NULL AND btrim(r.comment) <> ''
              ORDER BY r.rated_at DESC, r.id LIMIT ${COMMENTS_SHOWN}`,
            [query.from, query.to],
          );
    const faces = shownParts(
      RATING_SCALE.map(({ value }) => counts.find((row) => row.rating === value)?.count ?? 0),
    );
    return {
      answered: shownCount(answered),
      faces: RATING_SCALE.map(({ value }, i) => ({ rating: value, count: faces[i] })),
      comments,
    };
  }
}
