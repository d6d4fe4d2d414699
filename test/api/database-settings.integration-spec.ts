import { SESSION_SETTINGS } from '@heard/api/platform/database/database';
import { serverTestUrl } from './support/server-databases';
import { TestApp, createTestApp } from './support/test-app';

/**
 * Heard's connections to a PostgreSQL server start without JIT (ADR 0037): on the plan's year of
 * figures its compiling cost more than the queries. The embedded database has no JIT to turn off.
 */
describe('database session settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('every pooled connection to the server has JIT off; PGlite has no JIT at all', async () => {
    expect(SESSION_SETTINGS).toContain('jit=off');
    if (serverTestUrl()) {
      // More than one connection at once, so more than the pool's first is asked.
      const answers: { jit: string }[][] = await Promise.all(
        Array.from({ length: 4 }, () => t.db.query(`SELECT current_setting('jit') AS jit, pg_sleep(0.05)`)),
      );
      expect(answers.map(([a]) => a.jit)).toEqual(['off', 'off', 'off', 'off']);
    } else {
      const [{ available }]: { available: boolean }[] = await t.db.query(
        `SELECT pg_jit_available() AS available`,
      );
      expect(available).toBe(false);
    }
  });
});
