import { EvaluationQuestion, ParticipationFacts, RatingTally, WordsRow } from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { queryPrepared } from '../../platform/database/database';
import { memberOn } from '../../platform/database/rules-sql';

/**
 * The reads behind results (ADR 0013: hand-written SQL with typed rows). Every count here is of
 * evaluations and their answers only: nothing joins worries, which are never counted. No query
 * selects a young person's name, and the words carry no evaluation, person or date.
 */

/**
 * A round's answers counted: a row per question and face (with `text` null), and one per distinct
 * text (with `rating` null). One statement, prepared once per connection: the results page's data
 * is read often and its plan never depends on the round.
 */
export async function roundAnswers(
  db: DataSource,
  roundId: string,
): Promise<{ tallies: RatingTally[]; words: WordsRow[] }> {
  const rows = await queryPrepared<{
    questionKey: string;
    rating: number | null;
    text: string | null;
    count: number;
  }>(
    db,
    `SELECT a.question_key AS "questionKey", a.rating, a.text, count(*)::int AS count
       FROM evaluations e JOIN evaluation_answers a ON a.evaluation_id = e.id
      WHERE e.round_id = $1
      GROUP BY a.question_key, a.rating, a.text`,
    [roundId],
  );
  const tallies: RatingTally[] = [];
  const words: WordsRow[] = [];
  for (const r of rows) {
    if (r.rating !== null) tallies.push({ questionKey: r.questionKey, rating: r.rating, count: r.count });
    else if (r.text !== null)
      for (let i = 0; i < r.count; i++) words.push({ questionKey: r.questionKey, text: r.text });
  }
  return { tallies, words };
}

/**
 * What changes whenever a round's evaluations do: how many there are, the sum of their revisions
 * (a correction adds one) and the newest one's time. Read before the results are worked out, it
 * says whether a cached copy still holds.
 */
export async function roundResultsStamp(db: DataSource, roundId: string): Promise<string> {
  const [row] = await queryPrepared<{ stamp: string }>(
    db,
    `SELECT count(*) || ':' || coalesce(sum(revision), 0) || ':' || coalesce(max(created_at)::text, '') AS stamp
       FROM evaluations WHERE round_id = $1`,
    [roundId],
  );
  return row.stamp;
}

/** Who took part in a round: counts, age bands, and the groups they were in on the day they answered. */
export async function roundParticipation(db: DataSource, roundId: string): Promise<ParticipationFacts> {
  const member = memberOn('m', 'e.answered_on');
  const [row] = await queryPrepared<ParticipationFacts>(
    db,
    `WITH e AS (
       SELECT id, young_person_id, answered_on, age_band, picture_mode, helped_by FROM evaluations WHERE round_id = $1
     ), in_groups AS (
       SELECT g.id AS "groupId", g.name, count(DISTINCT e.id)::int AS count
         FROM e JOIN group_memberships m ON m.young_person_id = e.young_person_id AND ${member}
         JOIN groups g ON g.id = m.group_id
        GROUP BY g.id, g.name
     )
     SELECT (SELECT count(*)::int FROM e) AS "tookPart",
            (SELECT count(*)::int FROM e WHERE young_person_id IS NULL) AS "throughLink",
            (SELECT count(*)::int FROM e WHERE picture_mode) AS "pictureMode",
            (SELECT count(*)::int FROM e WHERE helped_by IS NOT NULL) AS helped,
            (SELECT count(*)::int FROM e WHERE young_person_id IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM group_memberships m WHERE m.young_person_id = e.young_person_id AND ${member})) AS "inNoGroup",
            (SELECT coalesce(json_agg(json_build_object('ageBand', b.age_band, 'count', b.count)), '[]')
               FROM (SELECT age_band, count(*)::int AS count FROM e GROUP BY age_band) b) AS "ageBands",
            (SELECT coalesce(json_agg(in_groups), '[]') FROM in_groups) AS groups`,
    [roundId],
  );
  return row;
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
