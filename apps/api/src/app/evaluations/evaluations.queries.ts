import {
  AgeBand,
  EvaluationQuestion,
  EvaluationResponse,
  IsoDate,
  Rating,
  RoundAudience,
  RoundOccasionKind,
} from '@heard/domain';
import { EntityManager } from 'typeorm';
import { youngPersonVisibleSql } from '../../platform/access/young-person-access';
import { Actor } from '../../platform/auth/auth-context';

/** A round as stored, with its tool's name and version label. */
export interface RoundRow {
  id: string;
  toolVersionId: string;
  toolId: string;
  toolName: string;
  versionLabel: string;
  title: string;
  questions: EvaluationQuestion[];
  occasionKind: RoundOccasionKind | null;
  occasionId: string | null;
  opensOn: IsoDate;
  closesOn: IsoDate;
  closedAt: Date | null;
  audience: RoundAudience;
  groupId: string | null;
  createdAt: Date;
  evaluationCount: number;
}

const ROUND_SELECT = `SELECT r.id, r.tool_version_id AS "toolVersionId", v.tool_id AS "toolId", t.name AS "toolName",
    v.label AS "versionLabel", r.title, r.questions, r.occasion_kind AS "occasionKind", r.occasion_id AS "occasionId",
    r.opens_on::text AS "opensOn", r.closes_on::text AS "closesOn", r.closed_at AS "closedAt", r.audience,
    r.group_id AS "groupId", r.created_at AS "createdAt",
    (SELECT count(*)::int FROM evaluations e WHERE e.round_id = r.id) AS "evaluationCount"
  FROM evaluation_rounds r
  JOIN practice_tool_versions v ON v.id = r.tool_version_id
  JOIN practice_tools t ON t.id = v.tool_id`;

/** One round by id, or by its link's token hash; `lock` holds it against closing until commit. */
export async function findRound(
  em: EntityManager,
  by: { id: string } | { tokenHash: string },
  lock = false,
): Promise<RoundRow | null> {
  const [column, value] = 'id' in by ? ['r.id', by.id] : ['r.link_token_hash', by.tokenHash];
  const [row]: RoundRow[] = await em.query(
    `${ROUND_SELECT} WHERE ${column} = $1${lock ? ' FOR SHARE OF r' : ''}`,
    [value],
  );
  return row ?? null;
}

export async function roundsOfVersion(em: EntityManager, toolVersionId: string): Promise<RoundRow[]> {
  return em.query(`${ROUND_SELECT} WHERE r.tool_version_id = $1 ORDER BY r.opens_on DESC, r.id`, [
    toolVersionId,
  ]);
}

/** The rounds held at one occasion (an activity day, a session, a one-to-one), oldest first. */
export async function roundsAtOccasion(
  em: EntityManager,
  occasion: { kind: RoundOccasionKind; id: string },
): Promise<RoundRow[]> {
  return em.query(
    `${ROUND_SELECT} WHERE r.occasion_kind = $1 AND r.occasion_id = $2 ORDER BY r.opens_on, r.created_at, r.id`,
    [occasion.kind, occasion.id],
  );
}

export interface NewEvaluation {
  roundId: string;
  youngPersonId: string | null;
  enteredBy: string | null;
  helpedBy: string | null;
  answeredOn: IsoDate;
  ageBand: AgeBand | null;
  pictureMode: boolean;
  occasionKind: RoundOccasionKind | null;
  occasionId: string | null;
  idempotencyKey: string;
  answers: { questionKey: string; rating: number | null; text: string | null }[];
}

/**
 * Stores an evaluation and its answers; null when one is already stored under the same key.
 */
export async function insertEvaluation(em: EntityManager, e: NewEvaluation): Promise<string | null> {
  const [row]: { id: string }[] = await em.query(
    `INSERT INTO evaluations (round_id, young_person_id, entered_by, helped_by, answered_on, age_band, picture_mode,
       occasion_kind, occasion_id, idempotency_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [
      e.roundId,
      e.youngPersonId,
      e.enteredBy,
      e.helpedBy,
      e.answeredOn,
      e.ageBand,
      e.pictureMode,
      e.occasionKind,
      e.occasionId,
      e.idempotencyKey,
    ],
  );
  if (!row) return null;
  await em.query(
    `INSERT INTO evaluation_answers (evaluation_id, question_key, rating, text, position)
     SELECT $1, a.key, a.rating, a.text, a.position
       FROM unnest($2::text[], $3::smallint[], $4::text[]) WITH ORDINALITY AS a(key, rating, text, position)`,
    [
      row.id,
      e.answers.map((a) => a.questionKey),
      e.answers.map((a) => a.rating),
      e.answers.map((a) => a.text),
    ],
  );
  return row.id;
}

interface EvaluationRow {
  id: string;
  roundId: string;
  youngPersonId: string | null;
  answeredOn: IsoDate;
  ageBand: AgeBand | null;
  helpedBy: string | null;
  pictureMode: boolean;
  occasionKind: RoundOccasionKind | null;
  occasionId: string | null;
  enteredById: string | null;
  enteredByName: string | null;
  createdAt: Date;
}

export async function readEvaluation(em: EntityManager, id: string): Promise<EvaluationResponse> {
  const [row]: EvaluationRow[] = await em.query(
    `SELECT e.id, e.round_id AS "roundId", e.young_person_id AS "youngPersonId", e.answered_on::text AS "answeredOn",
            e.age_band AS "ageBand", e.helped_by AS "helpedBy", e.picture_mode AS "pictureMode",
            e.occasion_kind AS "occasionKind", e.occasion_id AS "occasionId", u.id AS "enteredById",
            u.display_name AS "enteredByName", e.created_at AS "createdAt"
       FROM evaluations e LEFT JOIN users u ON u.id = e.entered_by WHERE e.id = $1`,
    [id],
  );
  const answers: { questionKey: string; rating: Rating | null; text: string | null }[] = await em.query(
    `SELECT question_key AS "questionKey", rating, text FROM evaluation_answers WHERE evaluation_id = $1 ORDER BY position`,
    [id],
  );
  return {
    id: row.id,
    roundId: row.roundId,
    youngPersonId: row.youngPersonId,
    answeredOn: row.answeredOn,
    ageBand: row.ageBand,
    helpedBy: row.helpedBy,
    pictureMode: row.pictureMode,
    occasion: row.occasionKind && row.occasionId ? { kind: row.occasionKind, id: row.occasionId } : null,
    enteredBy: row.enteredById ? { id: row.enteredById, displayName: row.enteredByName ?? '' } : null,
    answers,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** A named round's young people, only those the actor may see (the access policy's own SQL). */
export async function inviteesVisibleTo(
  actor: Actor,
  em: EntityManager,
  roundId: string,
): Promise<{ id: string; displayName: string }[]> {
  const params: unknown[] = [roundId];
  const visible = youngPersonVisibleSql(actor, params, 'yp.id');
  return em.query(
    `SELECT yp.id, yp.preferred_name AS "displayName"
       FROM evaluation_round_invitees i JOIN young_people yp ON yp.id = i.young_person_id
      WHERE i.round_id = $1 AND ${visible}
      ORDER BY lower(yp.preferred_name), yp.id`,
    params,
  );
}
