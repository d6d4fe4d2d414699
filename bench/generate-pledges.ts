/**
 * Senior leaders' pledges at the size issue 13 measures: by default 5,000, made over two years by
 * the generated senior leaders (the bench leader made one in fifty), each with a progress update a
 * quarter, and the young experts' verdicts: up to eight current ones on a pledge they may rate,
 * a few superseded. Words are fictional.
 */
import { DataSource } from 'typeorm';
import { BENCH_LEADER } from './bench-users';

export interface PledgeSizes {
  pledges: number;
}

const WORDS = [
  'Every letter my teams write will use the young person’s own words.',
  'Young people will meet their new worker before the first visit.',
  'Care leavers will have a say in how the housing panel works.',
  'Reviews will be held where the young person chooses.',
];

export async function generatePledges(
  db: DataSource,
  sizes: PledgeSizes,
  timed: (label: string, work: () => Promise<unknown>) => Promise<void>,
): Promise<void> {
  await timed(`${sizes.pledges} pledges with their updates, verdicts and timelines`, async () => {
    // Statuses by g % 20: 1 unconfirmed, 1 declined, 3 completed, 1 withdrawn, the rest active.
    await db.query(
      `WITH leaders AS (SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE role = 'senior_leader' AND email <> $3),
            bench AS (SELECT id FROM users WHERE email = $3),
            officer AS (SELECT id FROM users WHERE role = 'participation_officer' ORDER BY email LIMIT 1),
            themes AS (SELECT array_agg(id ORDER BY name) AS ids FROM action_log_themes),
            p AS (SELECT g, current_date - (g * 7) % 730 AS made_on,
                         CASE WHEN g % 20 = 0 THEN 'unconfirmed' WHEN g % 20 = 1 THEN 'declined'
                              WHEN g % 20 IN (2, 3, 4) THEN 'completed' WHEN g % 20 = 5 THEN 'withdrawn'
                              ELSE 'active' END AS status
                    FROM generate_series(1, $1) g)
       INSERT INTO pledges (made_by, role, forum, made_on, words, theme_id, target_date, update_every_days,
                            next_update_due, remind_on, status, status_reason, rag, rag_reason, recorded_by,
                            confirmed_at, created_at, updated_at)
       SELECT CASE WHEN p.g % 50 = 0 OR l.ids IS NULL THEN bench.id ELSE l.ids[1 + p.g % array_length(l.ids, 1)] END,
              'Head of Service', 'Managers’ forum', p.made_on, ($2::text[])[1 + p.g % 4],
              t.ids[1 + p.g % array_length(t.ids, 1)], p.made_on + 180, 30 + (p.g % 4) * 30,
              p.made_on + 30 * (1 + (current_date - p.made_on) / 30), p.made_on + 23 * (1 + (current_date - p.made_on) / 30),
              p.status, CASE WHEN p.status IN ('declined', 'withdrawn') THEN 'Not mine to keep.' END,
              CASE WHEN p.status IN ('unconfirmed', 'declined') THEN NULL
                   ELSE (ARRAY['green','amber','red'])[1 + p.g % 3] END,
              CASE WHEN p.status IN ('unconfirmed', 'declined') THEN NULL ELSE 'Where it stands at the last update.' END,
              officer.id,
              CASE WHEN p.status IN ('unconfirmed', 'declined') THEN NULL ELSE p.made_on + time '12:00' END,
              p.made_on + time '10:00', least(now(), p.made_on + time '10:00' + ((p.g % 300) || ' days')::interval)
         FROM p, leaders l, bench, officer, themes t`,
      [sizes.pledges, WORDS, BENCH_LEADER],
    );
    await db.query(
      `INSERT INTO pledge_timeline (pledge_id, event, detail, by_user, at)
       SELECT id, 'pledge_recorded', '{}'::jsonb, recorded_by, created_at FROM pledges`,
    );
    await db.query(
      `INSERT INTO pledge_updates (pledge_id, noted_on, words, rag, rag_reason, created_by, created_at)
       SELECT p.id, d, 'Progress since the last update.', p.rag, p.rag_reason, p.made_by, d + time '09:00'
         FROM pledges p, LATERAL generate_series(p.made_on + 90, current_date, interval '90 days') s(d)
        WHERE p.confirmed_at IS NOT NULL`,
    );
    // Young experts' verdicts: 0 to 8 current ones a pledge they may rate, from different young people.
    await db.query(
      `WITH people AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM young_people),
            officer AS (SELECT id FROM users WHERE role = 'participation_officer' ORDER BY email LIMIT 1),
            rated AS (SELECT id, made_on, row_number() OVER (ORDER BY id) AS n FROM pledges
                       WHERE status IN ('active', 'completed', 'withdrawn'))
       INSERT INTO pledge_verdicts (pledge_id, source, young_person_id, verdict, words, recorded_by, recorded_at)
       SELECT r.id, 'young_expert', pe.id, (ARRAY['kept','partly','not_kept'])[1 + (r.n + k) % 3],
              CASE WHEN k % 2 = 0 THEN 'We saw some of it change.' END, o.id, least(now(), r.made_on + 60 + time '16:00')
         FROM rated r, officer o, generate_series(1, (hashtext(r.id::text) & 7) + 1) k, people pe
        WHERE pe.n = 1 + ((r.n * 13 + k * 101) % (SELECT count(*) FROM young_people))`,
    );
  });
}
