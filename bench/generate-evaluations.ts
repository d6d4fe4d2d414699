/**
 * Practice tools, evaluation rounds and evaluations for the results and entry benchmarks (issue 11):
 * by default 2,000 rounds holding 200,000 evaluations (100 each), two versions per tool, five rounds
 * per version of which the newest is open today, so the entry benchmark has a round to enter into.
 * A quarter of the evaluations came through a round's link (no identity, no age band); the rest
 * name a generated young person, with the age band of the day they answered.
 */
import { DEFAULT_QUESTIONS } from '@heard/domain';
import { DataSource } from 'typeorm';

export interface EvaluationSizes {
  rounds: number;
  evaluations: number;
}

const ROUNDS_PER_VERSION = 5;
const VERSIONS_PER_TOOL = 2;

const LIKED = [
  'The pictures of the people',
  'It was short',
  'It says who everyone is',
  'I could read it myself',
  'The colours',
  'It explained why they were there',
];
const CHANGE = [
  'Bigger writing',
  'Less words',
  'Say what happens next',
  'Put photos of the real people',
  'Nothing',
];

export async function generateEvaluations(
  db: DataSource,
  sizes: EvaluationSizes,
  timed: (label: string, work: () => Promise<unknown>) => Promise<void>,
): Promise<void> {
  const versions = Math.ceil(sizes.rounds / ROUNDS_PER_VERSION);
  const tools = Math.ceil(versions / VERSIONS_PER_TOOL);
  await timed(`${tools} practice tools, ${versions} versions, ${tools} activity days`, async () => {
    await db.query(
      `INSERT INTO practice_tools (name, purpose, owning_service, co_produced_with, stage)
       SELECT 'Bench tool ' || g, 'Generated for benchmarks.', 'Children in care service', 'Young Experts', 'being_evaluated'
         FROM generate_series(1, $1) g`,
      [tools],
    );
    await db.query(
      `INSERT INTO practice_tool_versions (tool_id, label, link, added_at)
       SELECT t.id, 'v' || v, 'https://tools.example/bench-' || t.id || '-v' || v || '.pdf', now() - ((10 - v) || ' days')::interval
         FROM practice_tools t, generate_series(1, $1) v`,
      [VERSIONS_PER_TOOL],
    );
    await db.query(
      `INSERT INTO activity_days (title, date, start_time, end_time, starts_at, ends_at, cohort_min_age, cohort_max_age)
       SELECT 'Bench activity day ' || g, current_date - (g % 700), '10:00', '15:00',
              (current_date - (g % 700)) + time '10:00', (current_date - (g % 700)) + time '15:00', 10, 25
         FROM generate_series(1, $1) g`,
      [tools],
    );
  });
  await timed(`${sizes.rounds} evaluation rounds`, () =>
    db.query(
      `WITH v AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM practice_tool_versions),
            days AS (SELECT array_agg(id ORDER BY id) AS ids FROM activity_days),
            grp AS (SELECT array_agg(id ORDER BY id) AS ids FROM groups),
            rounds AS (
              SELECT g, v.id AS version_id,
                     -- The first round of each version is open today; its others ran in the past.
                     CASE WHEN (g - 1) / $2 = 0 THEN current_date - 10 ELSE current_date - 60 * ((g - 1) / $2) END AS opens_on
                FROM generate_series(1, $1) g JOIN v ON v.n = 1 + (g - 1) % $2)
       INSERT INTO evaluation_rounds (tool_version_id, title, questions, occasion_kind, occasion_id, opens_on, closes_on,
                                      audience, group_id, link_token_hash)
       SELECT r.version_id, 'Bench round ' || r.g, $3::jsonb,
              CASE WHEN r.g % 2 = 0 THEN 'activity_day' END,
              CASE WHEN r.g % 2 = 0 THEN days.ids[1 + r.g % array_length(days.ids, 1)] END,
              r.opens_on, r.opens_on + 40,
              CASE WHEN r.g % 4 = 1 THEN 'group' ELSE 'link' END,
              CASE WHEN r.g % 4 = 1 THEN grp.ids[1 + r.g % array_length(grp.ids, 1)] END,
              CASE WHEN r.g % 4 = 1 THEN NULL ELSE encode(sha256(('bench-round-' || r.g)::bytea), 'hex') END
         FROM rounds r, days, grp`,
      [sizes.rounds, versions, JSON.stringify(DEFAULT_QUESTIONS)],
    ),
  );
  await timed(`${sizes.evaluations} evaluations`, () =>
    db.query(
      `WITH r AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(opens_on ORDER BY id) AS opens,
                         array_agg(occasion_kind ORDER BY id) AS kinds, array_agg(occasion_id ORDER BY id) AS occasions
                    FROM evaluation_rounds),
            yp AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(date_of_birth ORDER BY id) AS born FROM young_people),
            officer AS (SELECT id FROM users WHERE role = 'participation_officer' ORDER BY email LIMIT 1),
            e AS (
              -- In runs of ten, as an officer enters them at an activity day or a group answers by
              -- link in one sitting; a round's runs are spread over the table like its weeks.
              SELECT g, 1 + ((g - 1) / 10) % array_length(r.ids, 1) AS ri, 1 + (g * 7919) % array_length(yp.ids, 1) AS pi,
                     g % 4 <> 0 AS named
                FROM generate_series(1, $1) g, r, yp)
       INSERT INTO evaluations (round_id, young_person_id, entered_by, helped_by, answered_on, age_band, picture_mode,
                                occasion_kind, occasion_id, idempotency_key)
       SELECT r.ids[e.ri],
              CASE WHEN e.named THEN yp.ids[e.pi] END,
              CASE WHEN e.named THEN officer.id END,
              CASE WHEN e.named AND e.g % 5 = 0 THEN 'Their foster carer read it out' END,
              r.opens[e.ri],
              CASE WHEN e.named THEN
                CASE WHEN date_part('year', age(r.opens[e.ri], yp.born[e.pi])) BETWEEN 10 AND 12 THEN '10-12'
                     WHEN date_part('year', age(r.opens[e.ri], yp.born[e.pi])) BETWEEN 13 AND 15 THEN '13-15'
                     WHEN date_part('year', age(r.opens[e.ri], yp.born[e.pi])) BETWEEN 16 AND 17 THEN '16-17'
                     WHEN date_part('year', age(r.opens[e.ri], yp.born[e.pi])) BETWEEN 18 AND 25 THEN '18-25' END
              END,
              e.g % 7 = 0,
              r.kinds[e.ri], r.occasions[e.ri],
              gen_random_uuid()
         FROM e, r, yp, officer`,
      [sizes.evaluations],
    ),
  );
  await timed('their answers', () =>
    db.query(
      `INSERT INTO evaluation_answers (evaluation_id, question_key, position, rating, text)
       SELECT id, 'overall', 1, 1 + (h & 1023) % 5, NULL FROM (SELECT id, hashtext(id::text) AS h FROM evaluations) e
       UNION ALL
       SELECT id, 'easy-to-understand', 2, 1 + ((h >> 10) & 1023) % 5, NULL
         FROM (SELECT id, hashtext(id::text) AS h FROM evaluations) e WHERE (h & 15) <> 0
       UNION ALL
       SELECT id, 'liked', 3, NULL, ($1::text[])[1 + ((h >> 4) & 1023) % array_length($1::text[], 1)]
         FROM (SELECT id, hashtext(id::text) AS h FROM evaluations) e WHERE ((h >> 20) & 7) < 3
       UNION ALL
       SELECT id, 'change', 4, NULL, ($2::text[])[1 + ((h >> 8) & 1023) % array_length($2::text[], 1)]
         FROM (SELECT id, hashtext(id::text) AS h FROM evaluations) e WHERE ((h >> 24) & 7) < 2`,
      [LIKED, CHANGE],
    ),
  );
}
