import {
  IsoDate,
  PlanPeriod,
  PlanReviewRow,
  REVIEW_PARTICIPATION_LABELS,
  ReviewParticipationCode,
  ReviewParticipationCommand,
  ReviewParticipationResponse,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';

interface ReviewRow {
  id: string;
  youngPersonId: string;
  heldOn: IsoDate;
  code: ReviewParticipationCode;
  chaired: boolean;
  note: string | null;
  recordedById: string | null;
  recordedByName: string | null;
  recordedAt: Date;
}

const SELECT_REVIEWS = `
  SELECT r.id, r.young_person_id AS "youngPersonId", r.held_on::text AS "heldOn", r.code, r.chaired, r.note,
         r.recorded_by AS "recordedById", u.display_name AS "recordedByName", r.recorded_at AS "recordedAt"
    FROM review_participation r LEFT JOIN users u ON u.id = r.recorded_by`;

const toResponse = (r: ReviewRow): ReviewParticipationResponse => ({
  id: r.id,
  youngPersonId: r.youngPersonId,
  heldOn: r.heldOn,
  code: r.code,
  codeLabel: REVIEW_PARTICIPATION_LABELS[r.code],
  chaired: r.chaired,
  note: r.note,
  recordedBy:
    r.recordedById && r.recordedByName ? { userId: r.recordedById, displayName: r.recordedByName } : null,
  recordedAt: r.recordedAt.toISOString(),
});

export async function insertReview(
  em: EntityManager,
  youngPersonId: string,
  command: ReviewParticipationCommand,
  recordedBy: string,
): Promise<string> {
  const [row]: { id: string }[] = await em.query(
    `INSERT INTO review_participation (young_person_id, held_on, code, chaired, note, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [youngPersonId, command.heldOn, command.code, command.chaired, command.note, recordedBy],
  );
  return row.id;
}

/** A young person's review meetings, the latest meeting first (and the latest record of a day first). */
export async function reviewsOf(
  db: DataSource | EntityManager,
  youngPersonId: string,
): Promise<ReviewParticipationResponse[]> {
  const rows: ReviewRow[] = await db.query(
    `${SELECT_REVIEWS} WHERE r.young_person_id = $1 ORDER BY r.held_on DESC, r.recorded_at DESC, r.id`,
    [youngPersonId],
  );
  return rows.map(toResponse);
}

export async function reviewById(
  db: DataSource | EntityManager,
  id: string,
): Promise<ReviewParticipationResponse | undefined> {
  const rows: ReviewRow[] = await db.query(`${SELECT_REVIEWS} WHERE r.id = $1`, [id]);
  return rows.map(toResponse)[0];
}

/**
 * The plan's rows (PlanReviewRow): meetings held in the period by code, and how many of them the
 * young person chaired. Every young person's meetings count, anonymised ones too. Records are
 * appended and a young person has one review meeting a day, so a later record of the same day is
 * a correction: only the newest of each young person's day counts.
 */
export async function reviewCountsOf(
  db: DataSource | EntityManager,
  period: PlanPeriod,
): Promise<PlanReviewRow[]> {
  return db.query(
    `SELECT code, count(*)::int AS reviews, count(*) FILTER (WHERE chaired)::int AS chaired
       FROM (SELECT DISTINCT ON (young_person_id, held_on) code, chaired
               FROM review_participation WHERE held_on BETWEEN $1 AND $2
              ORDER BY young_person_id, held_on, recorded_at DESC, id DESC) newest
      GROUP BY code ORDER BY code`,
    [period.from, period.to],
  );
}
