import { Role } from '@heard/domain';
import request from 'supertest';
import { createYoungPerson } from './support/factories';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

/**
 * Found by the security test: a field named after Object.prototype (`__proto__`, `constructor`,
 * `toString`…) or a NUL character in any text used to get 500, even signed out. One guard in
 * http-setup answers every such request 400 before any route runs.
 */
describe('reserved field names and NUL characters get 400, on every route', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let youngPersonId: string;
  const TABLES = ['users', 'young_people', 'groups', 'audit_events', 'mail_outbox', 'sessions'];

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    youngPersonId = (await createYoungPerson(officer)).id;
  });
  afterAll(() => t.close());

  async function counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of TABLES) out[table] = await countRows(t.db, table);
    return out;
  }

  /** The request refused, naming the field, with no row added or removed anywhere we look. */
  async function refused(send: () => Promise<request.Response>, field: string): Promise<void> {
    const before = await counts();
    const res = await send();
    expectProblem(res, 400);
    expect(res.body.code).toBe('validation');
    expect(Object.keys(res.body.errors)).toContain(field);
    expect(res.body.detail).toContain(field);
    expect(await counts()).toEqual(before);
  }

  /** JSON written by hand: an object literal with `__proto__` would set the prototype, not a key. */
  function rawJson(client: SignedInClient | null, method: 'post' | 'put', url: string, json: string) {
    const agent = client ? client.agent : t.anonymous();
    const req = agent[method](url).set('Content-Type', 'application/json');
    if (client) req.set('X-XSRF-TOKEN', client.session.csrfToken);
    return req.send(json);
  }

  describe.each(['__proto__', 'constructor', 'toString'])('a body field named %s', (name) => {
    it('should be refused signed out, on sign-in and on an answer link', async () => {
      await refused(
        () =>
          rawJson(
            null,
            'post',
            '/api/auth/sign-in',
            `{"email":"nobody@test.heard.example","password":"whatever-it-is","${name}":{"admin":true}}`,
          ),
        name,
      );
      await refused(
        () => rawJson(null, 'post', '/api/rsvp/not-a-real-link', `{"answer":"yes","${name}":"x"}`),
        name,
      );
    });

    it('should be refused signed in, at the top and nested', async () => {
      await refused(
        () =>
          rawJson(
            officer,
            'post',
            '/api/groups',
            `{"name":"Probe group","purpose":"x","minAge":10,"maxAge":12,"${name}":1}`,
          ),
        name,
      );
      await refused(
        () =>
          rawJson(
            officer,
            'put',
            `/api/young-people/${youngPersonId}`,
            `{"preferredName":"Robin","contact":{"email":null,"${name}":{"polluted":true}}}`,
          ),
        `contact.${name}`,
      );
    });
  });

  it.each(['__proto__', 'constructor', 'toString'])(
    'should refuse a query field named %s, signed in and out',
    async (name) => {
      await refused(() => officer.get(`/api/young-people?${name}=1`), name);
      await refused(() => officer.get(`/api/young-people?${name}[polluted]=1`), `${name}[polluted]`);
      await refused(() => t.anonymous().get(`/api/health?${name}=1`), name);
    },
  );

  it('should refuse a NUL character in body text, signed in and out', async () => {
    await refused(
      () =>
        t.anonymous().post('/api/auth/sign-in').send({ email: 'a\u0000@test.heard.example', password: 'x' }),
      'email',
    );
    await refused(
      () => officer.post('/api/young-people', { preferredName: 'Ro\u0000bin', dateOfBirth: '2012-01-01' }),
      'preferredName',
    );
    await refused(
      () => officer.post('/api/groups', { name: 'Probe', purpose: 'x', venue: { note: ['ok', 'b\u0000'] } }),
      'venue.note.1',
    );
  });

  it('should refuse a NUL character in a query or in the address', async () => {
    await refused(() => officer.get('/api/young-people?q=Ro%00bin'), 'q');
    await refused(() => t.anonymous().get('/api/rsvp/abc%00def'), 'path');
    await refused(() => t.anonymous().get('/api/calendar/abc%00.ics'), 'path');
  });

  it('should still answer ordinary requests', async () => {
    expect((await officer.get('/api/young-people?q=Robin')).status).toBe(200);
    expect((await t.anonymous().get('/api/health')).status).toBe(200);
  });
});
