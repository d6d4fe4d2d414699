import { randomUUID } from 'node:crypto';
import { InvitationChannel, Role, addDays, todayInLondon } from '@heard/domain';
import {
  activityRequest,
  contactPreferences,
  createGroup,
  createYoungPerson,
  groupRequest,
  youngPersonRequest,
} from './support/factories';
import { insertItem } from './support/action-log-fixtures';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();

/**
 * Idempotency keys on every create (issue 15 §3–4, decision 0025): a retry after a dropped answer
 * gets the first answer and writes nothing, mail included; the same key with another request is
 * refused with 422; a key is its sender's own.
 */
describe('idempotency keys', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let otherOfficer: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    otherOfficer = await t.signInAs(Role.ParticipationOfficer);
  });
  afterAll(() => t.close());

  const keyed = (client: SignedInClient, url: string, body: object, key: string) =>
    client.post(url, body).set('Idempotency-Key', key);

  /** Everything an invitation create writes, and the keys, to prove a refusal or a replay wrote nothing. */
  const written = async () => ({
    invitations: await countRows(t.db, 'invitations'),
    mail: await countRows(t.db, 'mail_outbox'),
    audit: await countRows(t.db, 'audit_events'),
    activities: await countRows(t.db, 'activity_days'),
    keys: await countRows(t.db, 'idempotency_keys'),
  });

  const planDay = async (date = addDays(today, 10)): Promise<string> => {
    const res = await officer.post('/api/activities', activityRequest({ title: 'Climbing wall', date }));
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const emailable = (name: string) =>
    createYoungPerson(officer, {
      preferredName: name,
      contact: contactPreferences({ email: `${name.toLowerCase()}@young.heard.example` }),
    });
  const invitation = (activityId: string, youngPersonId: string) => ({
    target: { kind: 'activity_day', id: activityId },
    invitees: [{ youngPersonId, channel: InvitationChannel.Email }],
    send: true,
  });
  const invitationsOf = async (youngPersonId: string) =>
    (
      await t.db.query(`SELECT count(*)::int AS n FROM invitations WHERE young_person_id = $1`, [
        youngPersonId,
      ])
    )[0].n as number;
  const mailTo = async (address: string) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE to_address = $1`, [address]))[0]
      .n as number;

  it('should make one invitation and queue one email when the same request is sent 5 times', async () => {
    const activityId = await planDay();
    const person = await emailable('Juniper');
    const key = randomUUID();
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(await keyed(officer, '/api/invitations', invitation(activityId, person.id), key));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    for (const answer of answers.slice(1)) {
      expect(answer.body).toEqual(answers[0].body);
      expect(answer.text).toBe(answers[0].text);
    }
    expect(answers[0].body.created).toHaveLength(1);
    expect(await invitationsOf(person.id)).toBe(1);
    expect(await mailTo('juniper@young.heard.example')).toBe(1);
    const [row] = await t.db.query(
      `SELECT method, route, status_code AS "statusCode" FROM idempotency_keys WHERE principal = $1 AND key = $2`,
      [officer.user.id, key],
    );
    expect(row).toEqual({ method: 'POST', route: '/api/invitations', statusCode: 201 });
  });

  it('should refuse the same key with another body with 422, and write nothing', async () => {
    const activityId = await planDay();
    const first = await emailable('Sorrel');
    const second = await emailable('Tamsin');
    const key = randomUUID();
    expect((await keyed(officer, '/api/invitations', invitation(activityId, first.id), key)).status).toBe(
      201,
    );
    const before = await written();
    const other = await keyed(officer, '/api/invitations', invitation(activityId, second.id), key);
    expectProblem(other, 422);
    expect(Object.keys(other.body.errors)).toEqual(['Idempotency-Key']);
    // The same body on another route is another request too.
    expectProblem(await keyed(officer, '/api/activities', invitation(activityId, first.id), key), 422);
    expect(await written()).toEqual(before);
    expect(await invitationsOf(second.id)).toBe(0);
  });

  it('should refuse a key that is too short, too long or holds other characters with 400, and write nothing', async () => {
    const before = await written();
    for (const bad of [
      'short-key',
      'k'.repeat(129),
      'a key with spaces in it',
      'key/with/slashes/0123456789',
      '<script>x</script>',
    ]) {
      const res = await keyed(officer, '/api/activities', activityRequest(), bad);
      expectProblem(res, 400);
      expect(Object.keys(res.body.errors)).toEqual(['Idempotency-Key']);
    }
    expect(await written()).toEqual(before);
  });

  it('should behave as before without a key: each request makes its own', async () => {
    const before = await countRows(t.db, 'activity_days');
    const keys = await countRows(t.db, 'idempotency_keys');
    const a = await officer.post('/api/activities', activityRequest());
    const b = await officer.post('/api/activities', activityRequest());
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
    expect(await countRows(t.db, 'activity_days')).toBe(before + 2);
    expect(await countRows(t.db, 'idempotency_keys')).toBe(keys);
  });

  it('should store one when 5 identical requests arrive at once, and answer each with it', async () => {
    const activityId = await planDay();
    const person = await emailable('Wren');
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        keyed(officer, '/api/invitations', invitation(activityId, person.id), key),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    for (const answer of answers) expect(answer.body).toEqual(answers[0].body);
    expect(await invitationsOf(person.id)).toBe(1);
    expect(await mailTo('wren@young.heard.example')).toBe(1);
  });

  it('should keep each sender’s keys their own: another user with the same key makes their own', async () => {
    const key = randomUUID();
    const body = activityRequest({ title: 'Go-karting' });
    const mine = await keyed(officer, '/api/activities', body, key);
    const theirs = await keyed(otherOfficer, '/api/activities', body, key);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
    const rows = await t.db.query(
      `SELECT principal FROM idempotency_keys WHERE key = $1 ORDER BY principal`,
      [key],
    );
    expect(rows.map((r: { principal: string }) => r.principal).sort()).toEqual(
      [officer.user.id, otherOfficer.user.id].sort(),
    );
  });

  it('should answer 401 without a session and keep no key', async () => {
    const before = await written();
    const res = await t
      .anonymous()
      .post('/api/activities')
      .set('Idempotency-Key', randomUUID())
      .send(activityRequest());
    expectProblem(res, 401);
    expect(await written()).toEqual(before);
  });

  it('should keep no key for a refused request, so the corrected request can use it', async () => {
    const key = randomUUID();
    const before = await written();
    const refused = await keyed(officer, '/api/activities', { ...activityRequest(), capacity: -1 }, key);
    expectProblem(refused, 400);
    expect(await written()).toEqual(before);
    const corrected = await keyed(
      officer,
      '/api/activities',
      activityRequest({ title: 'Corrected day' }),
      key,
    );
    expect(corrected.status).toBe(201);
    expect(corrected.body.title).toBe('Corrected day');
  });

  it('should answer 409 with Retry-After while the first request’s answer is not stored, and make nothing', async () => {
    const key = randomUUID();
    const body = activityRequest({ title: 'Residential weekend' });
    expect((await keyed(officer, '/api/activities', body, key)).status).toBe(201);
    // As if the first request's process stopped after its create committed and before its answer was kept.
    await t.db.query(
      `UPDATE idempotency_keys SET status_code = NULL, response_body = NULL WHERE principal = $1 AND key = $2`,
      [officer.user.id, key],
    );
    const before = await written();
    const retry = await keyed(officer, '/api/activities', body, key);
    expectProblem(retry, 409);
    expect(retry.headers['retry-after']).toBe('1');
    expect(await written()).toEqual(before);
  });

  it('should forget a key after 24 hours', async () => {
    const key = randomUUID();
    expect((await keyed(officer, '/api/activities', activityRequest({ title: 'Day one' }), key)).status).toBe(
      201,
    );
    await t.db.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE principal = $1 AND key = $2`,
      [officer.user.id, key],
    );
    const reused = await keyed(officer, '/api/activities', activityRequest({ title: 'Day two' }), key);
    expect(reused.status).toBe(201);
    expect(reused.body.title).toBe('Day two');
  });

  describe('every create', () => {
    /** Sends the request twice with one key: the same answer, and the table grew by one row only. */
    const once = async (url: string, body: object, table: string, status = 201) => {
      const key = randomUUID();
      const before = await countRows(t.db, table);
      const first = await keyed(officer, url, body, key);
      expect({ status: first.status, body: first.status === status ? null : first.body }).toEqual({
        status,
        body: null,
      });
      const again = await keyed(officer, url, body, key);
      expect(again.status).toBe(status);
      expect(again.text).toBe(first.text);
      expect(await countRows(t.db, table)).toBe(before + 1);
    };

    it('should store a young person once', () =>
      once('/api/young-people', youngPersonRequest({ preferredName: 'Hazel' }), 'young_people'));

    it('should store an activity day once', () =>
      once('/api/activities', activityRequest(), 'activity_days'));

    it('should store a group and a one-off group session once', async () => {
      await once('/api/groups', groupRequest({ name: 'Thursday Young Experts' }), 'groups');
      const group = await createGroup(officer);
      await once(
        `/api/groups/${group.id}/sessions`,
        {
          date: addDays(today, 3),
          startTime: '17:00',
          durationMinutes: 90,
          venue: 'Youth hub',
          agenda: null,
        },
        'group_sessions',
      );
    });

    it('should store an attendance mark once', async () => {
      const activityId = await planDay(today);
      const person = await emailable('Rowan');
      const invited = await officer.post('/api/invitations', invitation(activityId, person.id));
      expect(invited.status).toBe(201);
      const audit = `audit_events WHERE entity_id = '${invited.body.created[0].id}'`;
      await once(
        `/api/activities/${activityId}/attendance`,
        { youngPersonId: person.id, attended: true },
        audit,
        200,
      );
    });

    it('should store a You said item, a quote and an action once', async () => {
      const person = await createYoungPerson(officer, { preferredName: 'Briar' });
      await once(
        '/api/action-log/items',
        {
          source: 'young_person',
          saidOn: today,
          channel: 'in_person',
          summary: 'I want to know who will be at my review before it starts.',
          youngPersonIds: [person.id],
        },
        'you_said_items',
      );
      const itemId = await insertItem(t.db, officer.user.id, { youngPersonIds: [person.id] });
      await once(
        `/api/action-log/items/${itemId}/quotes`,
        { words: 'Tell me before the meeting who will be there.', youngPersonId: person.id },
        'you_said_quotes',
      );
      await once(
        '/api/action-log/actions',
        {
          itemIds: [itemId],
          status: 'planned',
          words: 'Send the list of who is coming a week before',
          ownerId: officer.user.id,
          dueOn: addDays(today, 30),
        },
        'actions',
      );
    });
  });
});
