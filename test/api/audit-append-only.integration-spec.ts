import { Role } from '@heard/domain';
import { TestApp, createTestApp } from './support/test-app';

/**
 * The audit log is append-only in the database (migration 1765430000000): only the retention
 * sweep's forgetting of who acted and which request is allowed, and nothing else about a row.
 */
describe('the audit log is append-only', () => {
  let t: TestApp;
  let eventId: string;
  let otherUserId: string;

  const row = async () => {
    const rows: Record<string, unknown>[] = await t.db.query(
      `SELECT actor_user_id, action, entity_type, entity_id, detail, request_id FROM audit_events WHERE id = $1`,
      [eventId],
    );
    return rows[0];
  };

  beforeAll(async () => {
    t = await createTestApp();
    const officer = await t.signInAs(Role.ParticipationOfficer);
    const leader = await t.signInAs(Role.SeniorLeader);
    otherUserId = leader.user.id;
    const [{ id }]: { id: string }[] = await t.db.query(
      `INSERT INTO audit_events (actor_user_id, action, entity_type, entity_id, detail, request_id)
       VALUES ($1, 'read', 'young_person', 'yp-1', '{"field":"name"}', 'req-1') RETURNING id`,
      [officer.user.id],
    );
    eventId = id;
  });
  afterAll(() => t.close());

  it.each([
    ['its action', `UPDATE audit_events SET action = 'update' WHERE id = $1`],
    ['its detail', `UPDATE audit_events SET detail = '{}' WHERE id = $1`],
    ['its time', `UPDATE audit_events SET at = at - interval '1 day' WHERE id = $1`],
    ['what it was about', `UPDATE audit_events SET entity_id = 'yp-2' WHERE id = $1`],
    [
      'what it was about, while forgetting who',
      `UPDATE audit_events SET entity_id = 'yp-2', actor_user_id = NULL, request_id = NULL WHERE id = $1`,
    ],
    ['the row itself', `DELETE FROM audit_events WHERE id = $1`],
  ])('refuses to change %s, and the row stays as it was', async (_what, sql) => {
    const before = await row();
    await expect(t.db.query(sql, [eventId])).rejects.toThrow(/append-only/);
    expect(await row()).toEqual(before);
  });

  it('refuses to put another person as the one who acted', async () => {
    const before = await row();
    await expect(
      t.db.query(`UPDATE audit_events SET actor_user_id = $2 WHERE id = $1`, [eventId, otherUserId]),
    ).rejects.toThrow(/append-only/);
    expect(await row()).toEqual(before);
  });

  it('refuses to empty the log', async () => {
    await expect(t.db.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    const [{ n }]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events`);
    expect(n).toBeGreaterThan(0);
  });

  it('lets the retention sweep forget who acted and which request it was, and nothing else', async () => {
    const before = await row();
    await t.db.query(`UPDATE audit_events SET actor_user_id = NULL, request_id = NULL WHERE id = $1`, [
      eventId,
    ]);
    expect(await row()).toEqual({ ...before, actor_user_id: null, request_id: null });
  });
});
