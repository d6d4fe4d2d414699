import { Role } from '@heard/domain';
import { embeddedPGlite } from '@heard/api/platform/database/database';
import request from 'supertest';
import { groupRequest } from './support/factories';
import { adminQuery, databaseName, serverTestUrl } from './support/server-databases';
import { SignedInClient, TestApp, createTestApp, expectProblem } from './support/test-app';

/**
 * Found by the security test: while the database was down every request answered 500, which
 * reads as a bug and tells clients nothing. Now it is 503 with Retry-After. No mocks: on the
 * PostgreSQL server the test database stops taking connections and its open ones are cut; on the
 * embedded database the PGlite under the running app is closed.
 */
describe('while the database cannot be reached', () => {
  let t: TestApp;
  let officer: SignedInClient;
  const server = serverTestUrl();

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
  });
  afterAll(async () => {
    if (server && t.config.databaseUrl) await allowConnections(true);
    // The embedded database is already closed; closing it again may fail, which is not under test.
    await t.close().catch(() => undefined);
  });

  async function allowConnections(allow: boolean): Promise<void> {
    const name = databaseName(t.config.databaseUrl as string);
    await adminQuery(server as string, `ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS ${allow}`);
    if (!allow)
      await adminQuery(
        server as string,
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`,
      );
  }

  function expectUnavailable(res: request.Response): void {
    expectProblem(res, 503);
    expect(res.body.code).toBe('unavailable');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  }

  it('should answer 503 problem+json with Retry-After, signed in and out, and recover after', async () => {
    expect((await officer.get('/api/young-people')).status).toBe(200);

    if (server) await allowConnections(false);
    else {
      const pglite = embeddedPGlite(t.db);
      if (!pglite) throw new Error('Expected the embedded database under the test app.');
      await pglite.close();
    }

    expectUnavailable(await t.anonymous().get('/api/health'));
    expectUnavailable(await t.anonymous().get('/api/rsvp/ABCDE-FGHJK'));
    expectUnavailable(
      await t
        .anonymous()
        .post('/api/auth/sign-in')
        .send({ email: 'someone@test.heard.example', password: 'x' }),
    );
    expectUnavailable(await officer.get('/api/young-people'));
    expectUnavailable(await officer.post('/api/groups', groupRequest({ name: 'While down' })));

    // A closed PGlite cannot come back; the server can, and Heard picks up again by itself.
    if (server) {
      await allowConnections(true);
      expect((await officer.get('/api/young-people')).status).toBe(200);
      expect((await t.anonymous().get('/api/health')).status).toBe(200);
    }
  });
});
