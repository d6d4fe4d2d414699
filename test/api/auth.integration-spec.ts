import { AuditAction, Role } from '@heard/domain';
import { AuditEvent } from '@heard/api/platform/audit/audit-event.entity';
import { Session } from '@heard/api/platform/auth/session.entity';
import { User } from '@heard/api/app/users/entities/user.entity';
import { TEST_PASSWORD, TestApp, createTestApp, createUser, expectProblem } from './support/test-app';

describe('sign-in and sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /**
   * The session a signed-in client holds. For roles that must have a second factor, the password's
   * half-signed-in session was replaced by the second step: it is not the one in use.
   */
  async function sessionInUse(userId: string): Promise<Session> {
    const sessions = (await t.db.getRepository(Session).findBy({ userId })).filter(
      (s) => s.endedReason !== 'second_factor_done',
    );
    expect(sessions).toHaveLength(1);
    return sessions[0];
  }

  it('should sign in with the right password and set an httpOnly, SameSite session cookie', async () => {
    const user = await createUser(t.db, { role: Role.ParticipationOfficer });
    const res = await t
      .anonymous()
      .post('/api/auth/sign-in')
      .send({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({
      id: user.id,
      displayName: user.displayName,
      email: user.email,
      role: 'participation_officer',
    });
    expect(res.body.csrfToken).toMatch(/^[0-9a-f]{64}$/);
    const cookies = res.headers['set-cookie'] as unknown as string[];
    const session = cookies.find((c) => c.startsWith('heard_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('should give a new session id at every sign-in and end the one the browser had', async () => {
    const user = await createUser(t.db, { role: Role.SeniorLeader });
    const first = await t.signIn(user.email);
    const again = await first.agent
      .post('/api/auth/sign-in')
      .send({ email: user.email, password: TEST_PASSWORD });
    expect(again.status).toBe(200);
    const sessions = await t.db
      .getRepository(Session)
      .find({ where: { userId: user.id }, order: { createdAt: 'ASC' } });
    // The password's half-signed-in session, the one the second step gave, and the new one.
    expect(sessions).toHaveLength(3);
    expect(new Set(sessions.map((s) => s.id)).size).toBe(3);
    expect(sessions.map((s) => s.endedReason)).toEqual(['second_factor_done', 'replaced', null]);
    expect(sessions[2].endedAt).toBeNull();
    expect(sessions[1].csrfToken).toBe(first.session.csrfToken);
  });

  it('should refuse a wrong password and an unknown user with the same answer', async () => {
    const user = await createUser(t.db, { role: Role.Practitioner });
    const wrong = await t
      .anonymous()
      .post('/api/auth/sign-in')
      .send({ email: user.email, password: 'not-the-password' });
    const unknown = await t
      .anonymous()
      .post('/api/auth/sign-in')
      .send({ email: 'nobody@test.heard.example', password: 'whatever-it-is' });
    expectProblem(wrong, 401);
    expectProblem(unknown, 401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const failures = await t.db.getRepository(AuditEvent).findBy({ action: AuditAction.SignInFailed });
    expect(failures.map((f) => f.detail['reason'])).toEqual(
      expect.arrayContaining(['wrong_password', 'unknown_user']),
    );
    // The audit log holds ids and codes, never the email that was typed.
    expect(JSON.stringify(failures)).not.toContain('nobody@test.heard.example');
  });

  it('should refuse a deactivated or invited account like a wrong password', async () => {
    const gone = await createUser(t.db, { role: Role.Practitioner, status: 'deactivated' });
    const invited = await createUser(t.db, {
      role: Role.Practitioner,
      status: 'invited',
      passwordHash: null,
    });
    expectProblem(
      await t.anonymous().post('/api/auth/sign-in').send({ email: gone.email, password: TEST_PASSWORD }),
      401,
    );
    expectProblem(
      await t.anonymous().post('/api/auth/sign-in').send({ email: invited.email, password: TEST_PASSWORD }),
      401,
    );
  });

  it('should answer the session call for a signed-in user and 401 without a session', async () => {
    const client = await t.signInAs(Role.YoungExpert);
    const res = await client.get('/api/auth/session');
    expect(res.status).toBe(200);
    expect(res.body.user.role).toBe('young_expert');
    expect(res.body.csrfToken).toBe(client.session.csrfToken);
    expectProblem(await t.anonymous().get('/api/auth/session'), 401);
  });

  it('should end a session that has been idle too long, with a message that says so', async () => {
    const client = await t.signInAs(Role.ParticipationOfficer);
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [
      client.user.id,
    ]);
    const res = await client.get('/api/home');
    expectProblem(res, 401);
    expect(res.body.detail).toMatch(/session has ended/);
    expect((await sessionInUse(client.user.id)).endedReason).toBe('idle-expired');
  });

  it('should end a session past its absolute lifetime even when it is in use', async () => {
    const client = await t.signInAs(Role.ParticipationOfficer);
    await t.db.query(`UPDATE sessions SET created_at = now() - interval '13 hours' WHERE user_id = $1`, [
      client.user.id,
    ]);
    expectProblem(await client.get('/api/home'), 401);
    expect((await sessionInUse(client.user.id)).endedReason).toBe('absolute-expired');
  });

  it('should kill the session on the server at sign-out, so the old cookie no longer works', async () => {
    const client = await t.signInAs(Role.SeniorLeader);
    const out = await client.post('/api/auth/sign-out');
    expect(out.status).toBe(204);
    // Replay the old cookie by hand: the server must refuse it, not merely the browser forget it.
    const cookie = `heard_session=${(await sessionInUse(client.user.id)).id}`;
    expect(cookie).toBeTruthy();
    expectProblem(await client.get('/api/home'), 401);
    expect((await sessionInUse(client.user.id)).endedReason).toBe('signed_out');
  });

  it('should refuse a write without the CSRF token, or with the wrong one, and change nothing', async () => {
    const client = await t.signInAs(Role.Administrator);
    const missing = await client.agent
      .post('/api/users')
      .send({ email: 'csrf@test.heard.example', displayName: 'C', role: 'practitioner' });
    expectProblem(missing, 403);
    expect(missing.body.code).toBe('csrf');
    const wrong = await client.agent
      .post('/api/users')
      .set('X-XSRF-TOKEN', 'f'.repeat(64))
      .send({ email: 'csrf@test.heard.example', displayName: 'C', role: 'practitioner' });
    expectProblem(wrong, 403);
    expect(await t.db.getRepository(User).countBy({ email: 'csrf@test.heard.example' })).toBe(0);
  });

  it('should end every session of a user who is deactivated', async () => {
    const admin = await t.signInAs(Role.Administrator);
    const worker = await t.signInAs(Role.Practitioner);
    expect((await worker.get('/api/home')).status).toBe(200);
    const res = await admin.post(`/api/users/${worker.user.id}/deactivate`);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('deactivated');
    expectProblem(await worker.get('/api/home'), 401);
  });

  it('should record sign-ins and sign-outs in the audit log with ids only', async () => {
    const client = await t.signInAs(Role.Practitioner);
    await client.post('/api/auth/sign-out');
    const events = await t.db.getRepository(AuditEvent).findBy({ actorUserId: client.user.id });
    expect(events.map((e) => e.action).sort()).toEqual([AuditAction.SignIn, AuditAction.SignOut].sort());
    expect(JSON.stringify(events)).not.toContain(client.user.email);
  });
});

describe('sign-in rate limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_ATTEMPTS_PER_15_MINUTES: '3' });
  });
  afterAll(() => t.close());

  it('should answer 429 with Retry-After once a device has had too many wrong passwords', async () => {
    // Three free failures, a fourth that earns the first wait, then the wait.
    for (let i = 0; i < 4; i++) {
      expectProblem(
        await t
          .anonymous()
          .post('/api/auth/sign-in')
          .send({ email: `x${i}@test.heard.example`, password: 'wrong-password-here' }),
        401,
      );
    }
    const res = await t
      .anonymous()
      .post('/api/auth/sign-in')
      .send({ email: 'x@test.heard.example', password: 'wrong-password-here' });
    expectProblem(res, 429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body.detail).toMatch(/Too many sign-in attempts/);
  });
});

describe('cookies outside development', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ SECURE_COOKIES: 'true' });
  });
  afterAll(() => t.close());

  it('should use the __Host- prefix with Secure, Path=/ and no Domain', async () => {
    const user = await createUser(t.db, { role: Role.Administrator });
    const res = await t
      .anonymous()
      .post('/api/auth/sign-in')
      .send({ email: user.email, password: TEST_PASSWORD });
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('__Host-heard_session='),
    );
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).not.toMatch(/Domain=/);
  });
});
