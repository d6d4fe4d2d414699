import { EvaluationQuestion, QuoteState, Rating } from '@heard/domain';
import { EntityManager } from 'typeorm';
import { AccessPolicy, youngPersonVisibleSql } from '../../platform/access/young-person-access';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';

/** An evaluation an officer acts on, with what its round says about it. */
export interface ReachedEvaluation {
  id: string;
  roundId: string;
  youngPersonId: string | null;
  occasionKind: 'activity_day' | 'group_session' | 'one_to_one' | null;
  occasionId: string | null;
  questions: EvaluationQuestion[];
}

/**
 * An evaluation the actor may act on: 404 when it does not exist or names a young person the
 * access policy keeps from them. A link answer names no one, so every officer reaches it.
 * `lock` holds the evaluation until commit, so two changes to it queue rather than interleave.
 */
export async function reachEvaluation(
  access: AccessPolicy,
  actor: Actor,
  em: EntityManager,
  id: string,
  lock = false,
): Promise<ReachedEvaluation> {
  const [row]: ReachedEvaluation[] = await em.query(
    `SELECT e.id, e.round_id AS "roundId", e.young_person_id AS "youngPersonId", e.occasion_kind AS "occasionKind",
            e.occasion_id AS "occasionId", r.questions
       FROM evaluations e JOIN evaluation_rounds r ON r.id = e.round_id
      WHERE e.id = $1${lock ? ' FOR UPDATE OF e' : ''}`,
    [id],
  );
  if (!row) throw DomainError.notFound('This evaluation');
  if (row.youngPersonId) {
    try {
      await access.assertMayRead(actor, em, { youngPerson: row.youngPersonId });
    } catch {
      throw DomainError.notFound('This evaluation');
    }
  }
  return row;
}

export interface StoredAnswer {
  id: string;
  evaluationId: string;
  questionKey: string;
  rating: Rating | null;
  text: string | null;
}

export async function answersOf(
  em: EntityManager,
  evaluationIds: readonly string[],
): Promise<StoredAnswer[]> {
  if (evaluationIds.length === 0) return [];
  return em.query(
    `SELECT id, evaluation_id AS "evaluationId", question_key AS "questionKey", rating, text
       FROM evaluation_answers WHERE evaluation_id = ANY($1::uuid[]) ORDER BY evaluation_id, position`,
    [[...evaluationIds]],
  );
}

/** The evaluation's quote: the first quote question its round asks that was answered in words. */
export function quoteAnswerOf(
  questions: readonly EvaluationQuestion[],
  answers: readonly StoredAnswer[],
): StoredAnswer | null {
  for (const q of questions.filter((x) => x.kind === 'quote')) {
    const answer = answers.find((a) => a.questionKey === q.key && a.text);
    if (answer) return answer;
  }
  return null;
}

export interface QuoteRow {
  answerId: string;
  evaluationId: string;
  state: Exclude<QuoteState, 'kept'>;
  chosenAt: Date;
  publishedAt: Date | null;
  publishedWhere: string | null;
  publishedNamed: boolean | null;
}

export async function quoteRows(em: EntityManager, evaluationIds: readonly string[]): Promise<QuoteRow[]> {
  if (evaluationIds.length === 0) return [];
  return em.query(
    `SELECT answer_id AS "answerId", evaluation_id AS "evaluationId", state, chosen_at AS "chosenAt",
            published_at AS "publishedAt", published_where AS "publishedWhere", published_named AS "publishedNamed"
       FROM evaluation_quotes WHERE evaluation_id = ANY($1::uuid[])`,
    [[...evaluationIds]],
  );
}

/** The most evaluations one round's list shows: the newest first. */
export const ROUND_LIST_LIMIT = 500;

/** A round's evaluations the actor may see: link answers, and named ones the access policy allows. */
export async function visibleEvaluationIds(
  actor: Actor,
  em: EntityManager,
  roundId: string,
): Promise<string[]> {
  const params: unknown[] = [roundId];
  const visible = youngPersonVisibleSql(actor, params, 'e.young_person_id');
  const rows: { id: string }[] = await em.query(
    `SELECT e.id FROM evaluations e
      WHERE e.round_id = $1 AND (e.young_person_id IS NULL OR ${visible})
      ORDER BY e.created_at DESC, e.id LIMIT ${ROUND_LIST_LIMIT}`,
    params,
  );
  return rows.map((r) => r.id);
}
