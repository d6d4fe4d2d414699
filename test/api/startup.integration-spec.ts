import { spawnEntry } from './support/api-process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@heard/domain';
import { embeddedDataDir, openDatabase } from '@heard/api/platform/database/database';
import { User } from '@heard/api/app/users/entities/user.entity';
import { MIGRATIONS } from '@heard/migrations';
import { embeddedStart } from './support/embedded-snapshot';
import { createUser } from './support/test-app';

/**
 * How long a started entry point may take. Compiling the app as it loads is most of it: seconds
 * idle, many times that on a loaded machine; a real wait, so the limit is generous.
 */
const START_MS = 150_000;

/**
 * Starts a real entry point (main.ts by default) and waits for it to exit. SWC compiles it as it
 * loads, as ts-node did, in a quarter of ts-node's CPU time (1.3 s against 4.5 s for main.ts).
 */
function runMain(
  env: Record<string, string>,
  timeoutMs = START_MS,
  entry = 'apps/api/src/main.ts',
  args: string[] = [],
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnEntry(env, entry, args);
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not exit within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('start-up', () => {
  it(
    'should exit non-zero with a clear message when the database cannot be reached',
    async () => {
      const { code, output } = await runMain({
        DATABASE_URL: 'postgres://heard:secret@127.0.0.1:1/heard',
        PORT: '3999',
      });
      expect(code).toBe(1);
      expect(output).toMatch(/Heard cannot reach postgres:\/\/heard:\*\*\*@127\.0\.0\.1:1\/heard/);
      expect(output).not.toContain('secret');
    },
    START_MS + 30_000,
  );

  it(
    'should name every bad setting at once and exit non-zero',
    async () => {
      const { code, output } = await runMain({
        PORT: 'eighty',
        DEMO_DATA: 'maybe',
        SMTP_URL: 'mail.example',
      });
      expect(code).toBe(78);
      expect(output).toMatch(/PORT must be a whole number/);
      expect(output).toMatch(/DEMO_DATA must be "true" or "false"/);
      expect(output).toMatch(/SMTP_URL must look like smtp:\/\//);
    },
    START_MS + 30_000,
  );
});

describe('npm run create-admin', () => {
  it(
    'should create the first administrator, refuse a weak password, and refuse a duplicate',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'heard-admin-'));
      const cli = 'apps/api/src/cli/create-admin.ts';
      const args = ['--email', 'First.Admin@Council.example', '--name', 'First Admin'];
      try {
        const weak = await runMain({ DATA_DIR: dir, ADMIN_PASSWORD: 'short' }, START_MS, cli, args);
        expect(weak.code).toBe(1);
        expect(weak.output).toMatch(/at least 12 characters/);
        const ok = await runMain(
          { DATA_DIR: dir, ADMIN_PASSWORD: 'a long admin passphrase' },
          START_MS,
          cli,
          args,
        );
        expect(ok.output).toMatch(/Created administrator first\.admin@council\.example/);
        expect(ok.code).toBe(0);
        const again = await runMain(
          { DATA_DIR: dir, ADMIN_PASSWORD: 'a long admin passphrase' },
          START_MS,
          cli,
          args,
        );
        expect(again.code).toBe(1);
        expect(again.output).toMatch(/already exists/);
        const db = await openDatabase({ databaseUrl: null, pgliteDir: embeddedDataDir(dir) });
        try {
          const admin = await db
            .getRepository(User)
            .findOneByOrFail({ email: 'first.admin@council.example' });
          expect(admin).toMatchObject({ role: 'administrator', status: 'active' });
          expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
        } finally {
          await db.destroy();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    3 * START_MS + 30_000,
  );
});

describe('the embedded database', () => {
  it('should keep its data across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'heard-persist-'));
    try {
      const first = await openDatabase({
        databaseUrl: null,
        pgliteDir: embeddedDataDir(dir),
        pgliteSnapshot: embeddedStart().snapshot,
        pgliteParts: embeddedStart().parts,
      });
      const user = await createUser(first, { role: Role.SeniorLeader });
      await first.destroy();

      const second = await openDatabase({ databaseUrl: null, pgliteDir: embeddedDataDir(dir) });
      try {
        expect(await second.getRepository(User).findOneBy({ id: user.id })).toMatchObject({
          email: user.email,
        });
        // Re-opening applies no migration twice.
        expect(await second.query(`SELECT count(*)::int AS n FROM schema_migrations`)).toEqual([
          { n: MIGRATIONS.length },
        ]);
      } finally {
        await second.destroy();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should run overlapping transactions one after the other, never interleaved', async () => {
    const db = await openDatabase({
      databaseUrl: null,
      pgliteDir: undefined,
      pgliteSnapshot: embeddedStart().snapshot,
      pgliteParts: embeddedStart().parts,
    });
    try {
      const user = await createUser(db, { role: Role.Practitioner });
      // The first transaction fails after writing; the second must not be committed or rolled back with it.
      const failing = db.transaction(async (em) => {
        await em.update(User, { id: user.id }, { displayName: 'Rolled back' });
        await new Promise((r) => setTimeout(r, 50));
        throw new Error('boom');
      });
      const succeeding = db.transaction(async (em) => {
        await em.update(User, { id: user.id }, { failedAttempts: 3 });
      });
      await expect(failing).rejects.toThrow('boom');
      await succeeding;
      const after = await db.getRepository(User).findOneByOrFail({ id: user.id });
      expect(after.displayName).toBe(user.displayName);
      expect(after.failedAttempts).toBe(3);
    } finally {
      await db.destroy();
    }
  });
});
