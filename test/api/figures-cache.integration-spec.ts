import { Role, addDays, todayInLondon } from '@heard/domain';
import type { Reach } from '@heard/domain';
import { FiguresCache } from '@heard/api/platform/cache/figures-cache';
import { FIGURES_TABLES } from '@heard/migrations';
import { createYoungPerson } from './support/factories';
import { SignedInClient, TestApp, createTestApp } from './support/test-app';

const today = todayInLondon();
const period = `from=${addDays(today, -30)}&to=${today}`;

/**
 * Figures kept between requests (the leaders' view, reach; docs/leaders-view.md "Kept figures"):
 * counted once while nothing they count from changes, counted once for requests that arrive
 * together, and counted again after any write to the tables they read.
 */
describe('figures kept between requests', () => {
  let t: TestApp;
  let officer: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
  });
  afterAll(() => t.close());

  it('should watch every table the figures count from, once a statement', async () => {
    const watched: { table: string }[] = await t.db.query(
      `SELECT c.relname AS table
         FROM pg_trigger tr JOIN pg_class c ON c.oid = tr.tgrelid
        WHERE tr.tgname = c.relname || '_figures_changed' AND NOT tr.tgisinternal
          AND tr.tgtype & 1 = 0`, // bit 0 clear: FOR EACH STATEMENT
    );
    expect(watched.map((w) => w.table).sort()).toEqual([...FIGURES_TABLES].sort());
  });

  it('should count once while nothing changes, once for requests together, and again after a write', async () => {
    let counted = 0;
    const cache = new FiguresCache<number>(t.db);
    const count = async () => {
      counted += 1;
      const [{ n }]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM young_people`);
      return n;
    };

    const first = await cache.get('people', count);
    expect(await cache.get('people', count)).toBe(first);
    expect(counted).toBe(1);

    // A write elsewhere (a sign-in's session) leaves the figures as they were.
    await t.signInAs(Role.SeniorLeader);
    expect(await cache.get('people', count)).toBe(first);
    expect(counted).toBe(1);

    await createYoungPerson(officer, { preferredName: 'Figures Newcomer' });
    const together = await Promise.all(Array.from({ length: 5 }, () => cache.get('people', count)));
    expect(together).toEqual(Array(5).fill(first + 1));
    expect(counted).toBe(2);

    // Another key is counted on its own.
    expect(await cache.get('other', count)).toBe(first + 1);
    expect(counted).toBe(3);
  });

  it('should show reach a young person added a moment ago', async () => {
    for (let i = 0; i < 6; i++) await createYoungPerson(officer, { preferredName: `Figures Before ${i}` });
    const before = await officer.get(`/api/reach?${period}`);
    expect(before.status).toBe(200);
    const couldBefore = (before.body as Reach).total.couldTakePart;
    expect(couldBefore).toBeGreaterThanOrEqual(5);

    await createYoungPerson(officer, { preferredName: 'Figures After' });
    const after = await officer.get(`/api/reach?${period}`);
    expect((after.body as Reach).total.couldTakePart).toBe((couldBefore ?? 0) + 1);
  });
});
