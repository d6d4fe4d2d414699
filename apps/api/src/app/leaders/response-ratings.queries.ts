import {
  IsoDate,
  LeadersView,
  RATING_SCALE,
  Rating,
  RatedResponse,
  SMALL_NUMBER_THRESHOLD,
  shownCount,
  shownParts,
} from '@heard/domain';
import { DataSource } from 'typeorm';
import { londonDay } from '../../platform/database/rules-sql';

/** The most recent comments shown beside the ratings. */
const COMMENTS_SHOWN = 20;

/**
 * The Young Experts' Evaluation for a period (the action log's review, "How well did we do?"):
 * the spread of faces through the small-number rules, and the latest comments only when at least
 * five rated. The one home of this read, for the leaders' view and the reports.
 */
export async function youngExpertRatings(
  db: DataSource,
  query: { from: IsoDate; to: IsoDate },
): Promise<LeadersView['ratings']> {
  const rated = `${londonDay('r.rated_at')} BETWEEN $1 AND $2`;
  const counts: { rating: Rating; count: number }[] = await db.query(
    `SELECT r.rating, count(*)::int AS count FROM response_ratings r WHERE ${rated} GROUP BY r.rating`,
    [query.from, query.to],
  );
  const answered = counts.reduce((sum, row) => sum + row.count, 0);
  // Fewer than five rated: a comment could be matched to the one or two who wrote it.
  const comments: RatedResponse[] =
    answered < SMALL_NUMBER_THRESHOLD
      ? []
      : await db.query(
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
