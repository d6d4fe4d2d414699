/**
 * Large generated data for benchmarks: `npm run bench:data -- --young-people 20000`.
 * Writes to DATABASE_URL, or to the embedded database in DATA_DIR (default ./bench/data).
 * Everything is fictional and made by SQL (generate_series), so 20,000 young people and a
 * million rows take seconds, not minutes. Run it on an empty database.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { secondFactorRequiredFor } from '@heard/domain';
import { hashPassword } from '@heard/api/platform/auth/passwords';
import { newTotpSecret } from '@heard/api/platform/auth/totp';
import { embeddedDataDir, openDatabase } from '@heard/api/platform/database/database';
import { DataSource } from 'typeorm';
import { BENCH_PASSWORD, BENCH_SECRETS_FILE, BENCH_USERS } from './bench-users';
import { ActionLogSizes, generateActionLog } from './generate-action-log';
import { CategorySizes, generateCategories } from './generate-categories';
import { EvaluationSizes, generateEvaluations } from './generate-evaluations';
import { InvitationSizes, generateInvitations, invitationsPerDay } from './generate-invitations';
import { PledgeSizes, generatePledges } from './generate-pledges';

/** Generated sessions still to come: the last this many weeks of each group's sessions. */
const WEEKS_AHEAD = 12;

export interface Sizes {
  youngPeople: number;
  staff: number;
  auditEvents: number;
  groups: number;
  sessionsPerGroup: number;
  /** Marks per session on the register: sessions × this = attendance rows. */
  marksPerSession: number;
  /** Practice tools' evaluation rounds and the evaluations in them (0 rounds: none). */
  evaluations: EvaluationSizes;
  /** Invitations to the evaluations' activity days, which are all past (0 a day, or 0 rounds: none). */
  invitations: InvitationSizes;
  /** The action log (issue 12): You said items, actions and timeline entries (0 items: none). */
  actionLog: ActionLogSizes;
  /** Senior leaders' pledges (issue 13), on the action log's themes (0: none). */
  pledges: PledgeSizes;
  /** The team's own categories of young people (issue 13 §4), ticked on about one in three (0: none). */
  categories: CategorySizes;
}

async function timed(label: string, work: () => Promise<unknown>): Promise<void> {
  const t0 = Date.now();
  await work();
  process.stdout.write(`  ${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

export async function generate(db: DataSource, sizes: Sizes): Promise<void> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await timed(`${BENCH_USERS.length + sizes.staff} staff accounts`, async () => {
    const secrets: Record<string, string> = {};
    for (const u of BENCH_USERS) {
      // The roles that must have a second factor get an authenticator app, as a real account would.
      const secret = secondFactorRequiredFor(u.role, false) ? newTotpSecret() : null;
      if (secret) secrets[u.email] = secret;
      await db.query(
        `INSERT INTO users (email, display_name, role, status, password_hash, totp_secret, totp_enrolled_at)
         VALUES ($1, $2, $3, 'active', $4, $5, CASE WHEN $5::text IS NULL THEN NULL ELSE now() END)
         ON CONFLICT DO NOTHING`,
        [u.email, u.displayName, u.role, passwordHash, secret],
      );
    }
    mkdirSync(dirname(BENCH_SECRETS_FILE), { recursive: true });
    writeFileSync(BENCH_SECRETS_FILE, JSON.stringify(secrets, null, 2));
    await db.query(
      `INSERT INTO users (email, display_name, role, status, password_hash)
       SELECT 'staff' || g || '@bench.heard.example', 'Staff ' || g,
              (ARRAY['participation_officer','practitioner','senior_leader'])[1 + g % 3], 'active', $2
         FROM generate_series(1, $1) g`,
      [sizes.staff, passwordHash],
    );
  });
  await timed(`${sizes.auditEvents} audit events`, () =>
    db.query(
      `WITH actors AS (SELECT array_agg(id) AS ids FROM (SELECT id FROM users ORDER BY email LIMIT 50) u)
       INSERT INTO audit_events (at, actor_user_id, action, entity_type, entity_id, detail)
       SELECT now() - (g || ' minutes')::interval,
              actors.ids[1 + g % array_length(actors.ids, 1)],
              (ARRAY['read','update','create','sign_in'])[1 + g % 4], 'young_person', md5(g::text), '{}'::jsonb
         FROM generate_series(1, $1) g, actors`,
      [sizes.auditEvents],
    ),
  );
  await timed(`${sizes.youngPeople} young people with service experiences and trusted adults`, async () => {
    await db.query(
      // One in twelve placed out of area (reach splits by it), with a made-up placing authority.
      `INSERT INTO young_people (preferred_name, date_of_birth, contact, participation_preference, created_at,
                                 placed_out_of_area, placement_authority)
       SELECT (ARRAY['Alex','Billie','Charlie','Dani','Eden','Frankie','Harley','Indie','Jamie','Kit','Lou','Morgan','Nat','Ollie','Pat','Quinn','Remy','Sam','Tali','Val'])[1 + g % 20] || ' ' || g,
              (current_date - ((10 * 365 + (g * 7919) % (15 * 365)) || ' days')::interval)::date,
              '{"email":null,"phone":null,"whatsapp":null,"letter":null,"onlyViaTrustedAdult":false}'::jsonb,
              (ARRAY['group','one_to_one','either'])[1 + g % 3],
              now() - (g || ' minutes')::interval,
              g % 12 = 0,
              CASE WHEN g % 12 = 0 THEN (ARRAY['Eastmere','Northfold','Westbrook'])[1 + g % 3] || ' Council' END
         FROM generate_series(1, $1) g`,
      [sizes.youngPeople],
    );
    await db.query(
      `INSERT INTO young_person_service_experiences (young_person_id, kind, from_date, to_date)
       SELECT id, (ARRAY['looked_after','care_leaver','child_in_need','child_protection','send_ehcp','early_help','youth_justice','young_carer','separated_migrant'])[1 + (hashtext(id::text) & 1023) % 9],
              current_date - 800, NULL
         FROM young_people`,
    );
    await db.query(
      `WITH practitioners AS (SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE role = 'practitioner')
       INSERT INTO young_person_trusted_adults (young_person_id, user_id, relationship)
       SELECT yp.id, p.ids[1 + (hashtext(yp.id::text) & 65535) % array_length(p.ids, 1)], 'social_worker'
         FROM young_people yp, practitioners p`,
    );
  });
  await timed(`${sizes.groups} groups with memberships`, async () => {
    await db.query(
      `WITH officers AS (SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE role = 'participation_officer')
       INSERT INTO groups (name, purpose, min_age, max_age, service_experiences, venue, pattern_rrule, pattern_starts_on, pattern_start_time, pattern_duration_minutes)
       SELECT 'Bench group ' || g, 'Generated for benchmarks.', 10 + g % 6, 25, '{}', 'Room ' || g,
              'FREQ=WEEKLY;BYDAY=' || (ARRAY['MO','TU','WE','TH','FR'])[1 + g % 5], current_date - 730, '17:00', 90
         FROM generate_series(1, $1) g`,
      [sizes.groups],
    );
    await db.query(
      `WITH officers AS (SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE role = 'participation_officer')
       INSERT INTO group_facilitators (group_id, user_id)
       SELECT g.id, o.ids[1 + (hashtext(g.id::text) & 65535) % array_length(o.ids, 1)] FROM groups g, officers o`,
    );
    // Each young person belongs to two groups.
    await db.query(
      `WITH numbered AS (SELECT id, row_number() OVER (ORDER BY name) AS n FROM groups),
            people AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM young_people)
       INSERT INTO group_memberships (group_id, young_person_id, role, joined_on)
       SELECT g.id, p.id, 'member', current_date - 740
         FROM people p JOIN numbered g ON g.n = 1 + (p.n % $1) OR g.n = 1 + ((p.n * 7 + 3) % $1)
       ON CONFLICT DO NOTHING`,
      [sizes.groups],
    );
  });
  await timed(`${sizes.groups * sizes.sessionsPerGroup} sessions`, () =>
    db.query(
      // Weekly, the last WEEKS_AHEAD of them still to come, so that the schedule and calendar reads
      // find sessions from today on (they timed empty lists when every session was in the past).
      `INSERT INTO group_sessions (group_id, pattern_date, starts_at, ends_at, venue, status)
       SELECT g.id, d, d + time '17:00', d + time '18:30',
              g.venue, CASE WHEN w % 29 = 0 THEN 'cancelled' ELSE 'scheduled' END
         FROM groups g, generate_series(0, $1 - 1) w,
              LATERAL (SELECT current_date - 7 * ($1 - $2) + w * 7 + (hashtext(g.id::text) & 3) AS d) day`,
      [sizes.sessionsPerGroup, Math.min(WEEKS_AHEAD, sizes.sessionsPerGroup)],
    ),
  );
  await timed(`~${sizes.groups * sizes.sessionsPerGroup * sizes.marksPerSession} attendance marks`, () =>
    db.query(
      `INSERT INTO attendance (session_id, young_person_id, status)
       SELECT s.id, m.young_person_id, (ARRAY['present','present','present','apologies','absent'])[1 + (hashtext(s.id::text || m.young_person_id::text) & 1023) % 5]
         FROM group_sessions s
         JOIN LATERAL (SELECT young_person_id FROM group_memberships WHERE group_id = s.group_id ORDER BY young_person_id LIMIT $1) m ON true
        WHERE s.status = 'scheduled' AND s.starts_at < now()`,
      [sizes.marksPerSession],
    ),
  );
  if (sizes.evaluations.rounds > 0) await generateEvaluations(db, sizes.evaluations, timed);
  if (sizes.invitations.perDay > 0) await generateInvitations(db, sizes.invitations, timed);
  if (sizes.categories.categories > 0) await generateCategories(db, sizes.categories, timed);
  if (sizes.actionLog.items > 0) await generateActionLog(db, sizes.actionLog, timed);
  if (sizes.pledges.pledges > 0) await generatePledges(db, sizes.pledges, timed);
  // VACUUM as well as ANALYZE: freshly loaded rows have no visibility map yet, so index-only scans
  // would visit the table for every row until autovacuum caught up. The benchmark measures the
  // steady state a live database is in, not the first minutes after a bulk load.
  await db.query('VACUUM (ANALYZE)');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'young-people': { type: 'string', default: '20000' },
      staff: { type: 'string', default: '300' },
      groups: { type: 'string', default: '500' },
      'sessions-per-group': { type: 'string', default: '112' },
      'marks-per-session': { type: 'string', default: '21' },
      rounds: { type: 'string', default: '2000' },
      evaluations: { type: 'string', default: '200000' },
      // Default: one young person in 500 to each activity day (invitationsPerDay).
      'invitations-per-day': { type: 'string' },
      'you-said-items': { type: 'string', default: '100000' },
      actions: { type: 'string', default: '60000' },
      timeline: { type: 'string', default: '300000' },
      pledges: { type: 'string', default: '5000' },
      categories: { type: 'string', default: '6' },
    },
  });
  const youngPeople = Number(values['young-people']);
  const sizes: Sizes = {
    youngPeople,
    staff: Number(values.staff),
    auditEvents: youngPeople * 10,
    groups: Number(values.groups),
    sessionsPerGroup: Number(values['sessions-per-group']),
    marksPerSession: Number(values['marks-per-session']),
    evaluations: { rounds: Number(values.rounds), evaluations: Number(values.evaluations) },
    invitations: {
      perDay: Number(values['invitations-per-day'] ?? invitationsPerDay(youngPeople)),
    },
    actionLog: {
      items: Number(values['you-said-items']),
      actions: Number(values.actions),
      timeline: Number(values.timeline),
    },
    pledges: { pledges: Number(values.pledges) },
    categories: { categories: Number(values.categories) },
  };
  const databaseUrl = process.env['DATABASE_URL'] ?? null;
  const dataDir = process.env['DATA_DIR'] ?? 'bench/data';
  process.stdout.write(
    `Generating into ${databaseUrl ? 'DATABASE_URL' : embeddedDataDir(dataDir)}: ${JSON.stringify(sizes)}\n`,
  );
  const db = await openDatabase({ databaseUrl, pgliteDir: embeddedDataDir(dataDir) });
  try {
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM users`)) as { n: number }[];
    if (n > 0) throw new Error('The database already has data; generate into an empty one.');
    await generate(db, sizes);
  } finally {
    await db.destroy();
  }
  process.stdout.write('Done.\n');
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}
