/**
 * Large generated data for benchmarks: `npm run bench:data -- --young-people 20000`.
 * Writes to DATABASE_URL, or to the embedded database in DATA_DIR (default ./bench/data).
 * Everything is fictional and made by SQL (generate_series), so 20,000 young people and a
 * million rows take seconds, not minutes. Run it on an empty database.
 */
import { parseArgs } from 'node:util';
import { hashPassword } from '@heard/api/platform/auth/passwords';
import { embeddedDataDir, openDatabase } from '@heard/api/platform/database/database';
import { DataSource } from 'typeorm';
import { BENCH_PASSWORD, BENCH_USERS } from './bench-users';

export interface Sizes {
  youngPeople: number;
  staff: number;
  auditEvents: number;
}

async function timed(label: string, work: () => Promise<unknown>): Promise<void> {
  const t0 = Date.now();
  await work();
  process.stdout.write(`  ${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

export async function generate(db: DataSource, sizes: Sizes): Promise<void> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await timed(`${BENCH_USERS.length + sizes.staff} staff accounts`, async () => {
    for (const u of BENCH_USERS) {
      await db.query(
        `INSERT INTO users (email, display_name, role, status, password_hash) VALUES ($1, $2, $3, 'active', $4)
         ON CONFLICT DO NOTHING`,
        [u.email, u.displayName, u.role, passwordHash],
      );
    }
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
  await db.query('ANALYZE');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'young-people': { type: 'string', default: '20000' },
      staff: { type: 'string', default: '300' },
    },
  });
  const youngPeople = Number(values['young-people']);
  const sizes: Sizes = { youngPeople, staff: Number(values.staff), auditEvents: youngPeople * 10 };
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
