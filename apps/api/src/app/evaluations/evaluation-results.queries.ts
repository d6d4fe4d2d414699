import { EvaluationQuestion, GroupCount, ParticipationFacts, RatingTally, WordsRow } from '@heard/domain';
import { EntityManager } from 'typeorm';
import { memberOn } from '../../platform/database/rules-sql';

/**
 * The reads behind results (ADR 0013: hand-written SQL with typed rows). Every count here is of
 * evaluations and their answers only: nothing joins worries, which are never counted. No query
 * selects a young person's name, and the words carry no evaluation, person or date.
 */

/** How many chose each face for each rating question of a round. */
export function roundTallies(em: EntityManager, roundId: string): Promise<RatingTally[]> {
  return em.query(
    `SELECT a.question_key AS "questionKey", a.rating, count(*)::int AS count
       FROM evaluations e JOIN evaluation_answers a ON a.evaluation_id = e.id
      WHERE e.round_id = $1 AND a.rating IS NOT NULL
      GROUP BY a.question_key, a.rating`,
    [roundId],
  );
}

/** The words given in a round, with only the question they answer. */
export function roundWords(em: EntityManager, roundId: string): Promise<WordsRow[]> {
  return em.query(
    `SELECT a.question_key AS "questionKey", a.text
       FROM evaluations e JOIN evaluation_answers a ON a.evaluation_id = e.id
      WHERE e.round_id = $1 AND a.text IS NOT NULL`,
    [roundId],
  );
}

/** Who took part in a round: counts, age bands, and the groups they were in on the day. */
export async function roundParticipation(em: EntityManager, roundId: string): Promise<ParticipationFacts> {
  const inGroupOnTheDay = `EXISTS (SELECT 1 FROM group_memberships m
      WHERE m.young_person_id = e.young_person_id AND ${memberOn('m', 'e.answered_on')})`;
  const [[counts], ageBands, groups] = await Promise.all([
    em.query(
      `SELECT count(*)::int AS "tookPart",
              count(*) FILTER (WHERE e.young_person_id IS NULL)::int AS "throughLink",
              count(*) FILTER (WHERE e.picture_mode)::int AS "pictureMode",
              count(*) FILTER (WHERE e.helped_by IS NOT NULL)::int AS helped,
              count(*) FILTER (WHERE e.young_person_id IS NOT NULL AND NOT ${inGroupOnTheDay})::int AS "inNoGroup"
         FROM evaluations e WHERE e.round_id = $1`,
      [roundId],
    ) as Promise<Omit<ParticipationFacts, 'ageBands' | 'groups'>[]>,
    em.query(
      `SELECT e.age_band AS "ageBand", count(*)::int AS count
         FROM evaluations e WHERE e.round_id = $1 GROUP BY e.age_band`,
      [roundId],
    ) as Promise<ParticipationFacts['ageBands']>,
    em.query(
      `SELECT g.id AS "groupId", g.name, count(DISTINCT e.id)::int AS count
         FROM evaluations e
         JOIN group_memberships m ON m.young_person_id = e.young_person_id AND ${memberOn('m', 'e.answered_on')}
         JOIN groups g ON g.id = m.group_id
        WHERE e.round_id = $1
        GROUP BY g.id, g.name`,
      [roundId],
    ) as Promise<GroupCount[]>,
  ]);
  return { ...counts, ageBands, groups };
}

export interface ToolRow {
  id: string;
  name: string;
}

export async function findTool(em: EntityManager, toolId: string): Promise<ToolRow | null> {
  const [row]: ToolRow[] = await em.query(`SELECT id, name FROM practice_tools WHERE id = $1`, [toolId]);
  return row ?? null;
}

export interface VersionRow {
  versionId: string;
  label: string;
  addedAt: string;
  rounds: number;
  tookPart: number;
}

/** A tool's versions with how many rounds and evaluations each had. */
export function toolVersions(em: EntityManager, toolId: string): Promise<VersionRow[]> {
  return em.query(
    `SELECT v.id AS "versionId", v.label, to_char(v.added_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "addedAt",
            (SELECT count(*)::int FROM evaluation_rounds r WHERE r.tool_version_id = v.id) AS rounds,
            (SELECT count(*)::int FROM evaluation_rounds r JOIN evaluations e ON e.round_id = r.id
              WHERE r.tool_version_id = v.id) AS "tookPart"
       FROM practice_tool_versions v WHERE v.tool_id = $1`,
    [toolId],
  );
}

/** The questions each round of the tool asked, newest round first within a version. */
export function toolRoundQuestions(
  em: EntityManager,
  toolId: string,
): Promise<{ versionId: string; questions: EvaluationQuestion[] }[]> {
  return em.query(
    `SELECT r.tool_version_id AS "versionId", r.questions
       FROM evaluation_rounds r JOIN practice_tool_versions v ON v.id = r.tool_version_id
      WHERE v.tool_id = $1
      ORDER BY r.opens_on DESC, r.created_at DESC, r.id`,
    [toolId],
  );
}

/** How many chose each face for each rating question, per version of the tool. */
export function toolTallies(
  em: EntityManager,
  toolId: string,
): Promise<(RatingTally & { versionId: string })[]> {
  return em.query(
    `SELECT r.tool_version_id AS "versionId", a.question_key AS "questionKey", a.rating, count(*)::int AS count
       FROM practice_tool_versions v
       JOIN evaluation_rounds r ON r.tool_version_id = v.id
       JOIN evaluations e ON e.round_id = r.id
       JOIN evaluation_answers a ON a.evaluation_id = e.id
      WHERE v.tool_id = $1 AND a.rating IS NOT NULL
      GROUP BY r.tool_version_id, a.question_key, a.rating`,
    [toolId],
  );
}
