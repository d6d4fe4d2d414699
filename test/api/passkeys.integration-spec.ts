import {
  ACCOUNT_SIGN_IN_DELAY,
  AuditAction,
  PASSKEY_CHALLENGE_MINUTES,
  Role,
  WebAuthnOptionsJSON,
} from '@heard/domain';
import { AuditEvent } from '@heard/api/platform/audit/audit-event.entity';
import { User } from '@heard/api/app/users/entities/user.entity';
import request from 'supertest';
import { FLAG_UP, SoftwareAuthenticator } from './support/software-authenticator';
import { Browser } from './support/browser';
import {
  ManualClock,
  TEST_PASSWORD,
  TestApp,
  countRows,
  createTestApp,
  createUser,
  expectProblem,
} from './support/test-app';

// Few free failures per address, so the slow-down of passkey sign-in can be reached in a test.
const ADDRESS_FREE_FAILURES = 5;
const SIGN_IN_FAILED = 'That passkey could not be used to sign in. Try again, or sign in with your password.';

describe('passkeys (WebAuthn) for staff', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-12-03T09:00:00Z'));
  // The test app's PUBLIC_URL is http://heard.test: the RP id and origin follow it.
  const newAuthenticator = () => new SoftwareAuthenticator('heard.test', 'http://heard.test');

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_ATTEMPTS_PER_15_MINUTES: String(ADDRESS_FREE_FAILURES) }, { clock });
  });
  // Each test starts after the last one's wrong tries are forgotten, per account and per address.
  beforeEach(() => clock.advance((ACCOUNT_SIGN_IN_DELAY.forgetAfterMinutes + 1) * 60));
  afterAll(() => t.close());

  async function passkeyRows(userId: string) {
    return (await t.db.query(
      `SELECT id, credential_id, counter::int AS counter, label, transports, last_used_at FROM passkeys WHERE user_id = $1`,
      [userId],
    )) as {
      id: string;
      credential_id: string;
      counter: number;
      label: string;
      transports: string[];
      last_used_at: Date | null;
    }[];
  }

  async function failures(reason: string): Promise<number> {
    const [row] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND detail->>'reason' = $2`,
      [AuditAction.SignInFailed, reason],
    );
    return (row as { n: number }).n;
  }

  async function options(res: request.Response): Promise<WebAuthnOptionsJSON> {
    expect(res.status).toBe(200);
    return (res.body as { options: WebAuthnOptionsJSON }).options;
  }

  /** Adds a passkey through the API for a signed-in browser, as a person would. */
  async function addPasskey(browser: Browser, authenticator: SoftwareAuthenticator, label = 'Work laptop') {
    const opts = await options(
      await browser.post('/api/auth/passkeys/registration/options', { password: TEST_PASSWORD }),
    );
    const res = await browser.post('/api/auth/passkeys/registration', {
      label,
      response: authenticator.register(opts),
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; label: string };
  }

  /** A signed-in person with one passkey on their own authenticator. */
  async function withPasskey(role = Role.Practitioner, overrides: Partial<User> = {}) {
    // No authenticator app, even for the roles that must have a factor: the passkey is theirs.
    const user = await createUser(t.db, { role, totpSecret: null, ...overrides });
    const browser = new Browser(t);
    expect((await browser.signIn(user.email)).status).toBe(200);
    const authenticator = newAuthenticator();
    const passkey = await addPasskey(browser, authenticator);
    return { user, browser, authenticator, passkey };
  }

  /** A new password sign-in, half signed in because the account has a passkey. */
  async function halfSignedIn(email: string): Promise<Browser> {
    const browser = new Browser(t);
    expect((await browser.signIn(email)).status).toBe(200);
    expect(browser.session.pendingStep).toBe('second_factor');
    return browser;
  }

  it('should register a passkey after the password again, list it and count it as a second factor', async () => {
    const user = await createUser(t.db, { role: Role.Practitioner });
    const browser = new Browser(t);
    await browser.signIn(user.email);
    const opts = await options(
      await browser.post('/api/auth/passkeys/registration/options', { password: TEST_PASSWORD }),
    );
    expect(opts).toMatchObject({
      rp: { id: 'heard.test', name: 'Heard' },
      user: { name: user.email, displayName: user.displayName },
      attestation: 'none',
      authenticatorSelection: { userVerification: 'preferred' },
    });
    expect(Buffer.from(String((opts['user'] as { id: string }).id), 'base64url').toString()).toBe(user.id);
    expect(await countRows(t.db, 'webauthn_challenges')).toBeGreaterThanOrEqual(1);

    const authenticator = newAuthenticator();
    const res = await browser.post('/api/auth/passkeys/registration', {
      label: '  Work laptop ',
      response: authenticator.register(opts),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ label: 'Work laptop', lastUsedAt: null });
    const [row] = await passkeyRows(user.id);
    expect(row).toMatchObject({
      id: res.body.id,
      credential_id: authenticator.credentials[0].id.toString('base64url'),
      counter: 0,
      label: 'Work laptop',
      transports: ['internal'],
    });

    const list = await browser.get('/api/auth/passkeys');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      { id: res.body.id, label: 'Work laptop', createdAt: clock.now().toISOString(), lastUsedAt: null },
    ]);
    // The session that showed the passkey stays fully signed in; a new one must use it.
    const session = await browser.get('/api/auth/session');
    expect(session.body.secondFactor).toEqual({ enrolled: true, required: false, totp: false, passkeys: 1 });
    expect(session.body.authMethods).toEqual(['password', 'passkey']);
    expect(session.body.pendingStep).toBeNull();
    await halfSignedIn(user.email);

    const audit = await t.db.getRepository(AuditEvent).find({ where: { entityId: user.id } });
    expect(audit.map((a) => a.detail['change']).filter(Boolean)).toEqual(
      expect.arrayContaining(['passkey_registration_started', 'second_factor_enrolled']),
    );
    expect(JSON.stringify(audit)).not.toContain('Work laptop');

    // The same challenge cannot register a second credential.
    expectProblem(
      await browser.post('/api/auth/passkeys/registration', {
        label: 'Again',
        response: newAuthenticator().register(opts),
      }),
      400,
    );
    expect(await passkeyRows(user.id)).toHaveLength(1);
  });

  it('should complete the second step of signing in with a passkey, replacing the session', async () => {
    const { user, authenticator, passkey } = await withPasskey();
    const browser = await halfSignedIn(user.email);
    expectProblem(await browser.get('/api/home'), 401);
    const opts = await options(await browser.post('/api/auth/passkeys/second-factor/options'));
    expect(opts['allowCredentials']).toEqual([
      {
        id: authenticator.credentials[0].id.toString('base64url'),
        type: 'public-key',
        transports: ['internal'],
      },
    ]);
    const oldCsrf = browser.csrf;
    const res = await browser.post('/api/auth/passkeys/second-factor', {
      response: authenticator.assert(opts),
    });
    expect(res.status).toBe(200);
    browser.take(res);
    expect(browser.session.authMethods).toEqual(['password', 'passkey']);
    expect(browser.session.pendingStep).toBeNull();
    expect(browser.csrf).not.toBe(oldCsrf);
    expect(res.headers['set-cookie']).toEqual(
      expect.arrayContaining([expect.stringMatching(/^heard_session=/)]),
    );
    expect((await browser.get('/api/home')).status).toBe(200);
    const [ended] = await t.db.query(
      `SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND ended_reason = 'second_factor_done'`,
      [user.id],
    );
    expect(ended).toEqual({ n: 1 });
    const [row] = await passkeyRows(user.id);
    expect(row.counter).toBe(1);
    expect(row.last_used_at).not.toBeNull();
    const [audit] = await t.db.getRepository(AuditEvent).find({
      where: { entityId: user.id, action: AuditAction.SignIn, actorUserId: user.id },
      order: { at: 'DESC' },
    });
    expect(audit.detail).toMatchObject({ step: 'second_factor', method: 'passkey', passkeyId: passkey.id });
  });

  it('should refuse a replayed assertion and a challenge given to another session', async () => {
    const { user, authenticator } = await withPasskey();
    const first = await halfSignedIn(user.email);
    const opts = await options(await first.post('/api/auth/passkeys/second-factor/options'));
    const assertion = authenticator.assert(opts);
    expect((await first.post('/api/auth/passkeys/second-factor', { response: assertion })).status).toBe(200);

    // The same answer again, in a new half-signed-in session: its challenge is gone.
    const second = await halfSignedIn(user.email);
    const replay = await second.post('/api/auth/passkeys/second-factor', { response: assertion });
    expectProblem(replay, 400);
    expect(replay.body.errors.response).toBeDefined();
    expect((await second.get('/api/auth/session')).body.pendingStep).toBe('second_factor');

    // A challenge given to one session cannot be answered in another.
    const third = await halfSignedIn(user.email);
    const theirs = await options(await third.post('/api/auth/passkeys/second-factor/options'));
    expectProblem(
      await second.post('/api/auth/passkeys/second-factor', { response: authenticator.assert(theirs) }),
      400,
    );
    expect(await failures('passkey_unknown_challenge')).toBeGreaterThanOrEqual(2);
    expect((await second.get('/api/auth/session')).body.pendingStep).toBe('second_factor');
  });

  it('should sign in with a passkey alone, as both factors, and refuse the same answer twice', async () => {
    const { user, authenticator, passkey } = await withPasskey(Role.ParticipationOfficer, {
      secondFactorRequired: true,
    });
    const anonymous = new Browser(t);
    const opts = await options(await anonymous.post('/api/auth/passkeys/sign-in/options'));
    expect(opts).toMatchObject({ rpId: 'heard.test', userVerification: 'required', allowCredentials: [] });
    const assertion = authenticator.assert(opts);
    const res = await anonymous.post('/api/auth/passkeys/sign-in', { response: assertion });
    expect(res.status).toBe(200);
    anonymous.take(res);
    expect(anonymous.session).toMatchObject({
      user: { id: user.id, role: Role.ParticipationOfficer },
      authMethods: ['passkey'],
      pendingStep: null,
      secondFactor: { enrolled: true, required: true, passkeys: 1 },
    });
    expect((await anonymous.get('/api/home')).status).toBe(200);
    const [audit] = await t.db.getRepository(AuditEvent).find({
      where: { entityId: user.id, action: AuditAction.SignIn },
      order: { at: 'DESC' },
    });
    expect(audit.detail).toMatchObject({ method: 'passkey', passkeyId: passkey.id });

    // Two uses of one fresh answer at once: the challenge is taken by one of them only.
    const twice = authenticator.assert(
      await options(await t.anonymous().post('/api/auth/passkeys/sign-in/options')),
    );
    const both = await Promise.all(
      [1, 2].map(() => t.anonymous().post('/api/auth/passkeys/sign-in').send({ response: twice })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 401]);

    const replay = await new Browser(t).post('/api/auth/passkeys/sign-in', { response: assertion });
    expectProblem(replay, 401);
    expect(replay.body.detail).toBe(SIGN_IN_FAILED);
    expect(await failures('passkey_unknown_challenge')).toBeGreaterThanOrEqual(1);
  });

  it('should refuse signing in alone without user verification, with an unknown passkey or another user handle, saying nothing more', async () => {
    const { authenticator } = await withPasskey();
    const noVerification = authenticator.assert(
      await options(await t.anonymous().post('/api/auth/passkeys/sign-in/options')),
      { flags: FLAG_UP },
    );
    const stranger = newAuthenticator();
    stranger.register({ challenge: 'x', user: { id: Buffer.from('nobody').toString('base64url') } });
    const unknown = stranger.assert(
      await options(await t.anonymous().post('/api/auth/passkeys/sign-in/options')),
    );
    // A user handle naming someone other than the passkey's owner.
    const otherHandle = authenticator.assert(
      await options(await t.anonymous().post('/api/auth/passkeys/sign-in/options')),
      { userHandle: Buffer.from((await createUser(t.db, { role: Role.Administrator })).id) },
    );
    const details: string[] = [];
    for (const response of [noVerification, unknown, otherHandle]) {
      const res = await t.anonymous().post('/api/auth/passkeys/sign-in').send({ response });
      expectProblem(res, 401);
      details.push(res.body.detail);
    }
    expect(details).toEqual([SIGN_IN_FAILED, SIGN_IN_FAILED, SIGN_IN_FAILED]);
    expect(await failures('passkey_user_handle_mismatch')).toBeGreaterThanOrEqual(1);
    expect(await failures('passkey_not_verified')).toBeGreaterThanOrEqual(1);
    expect(await failures('passkey_unknown_credential')).toBeGreaterThanOrEqual(1);
  });

  it('should refuse an answer to a challenge older than five minutes', async () => {
    const { user, authenticator } = await withPasskey();
    const opts = await options(await t.anonymous().post('/api/auth/passkeys/sign-in/options'));
    clock.advance(PASSKEY_CHALLENGE_MINUTES * 60 + 1);
    const late = await t
      .anonymous()
      .post('/api/auth/passkeys/sign-in')
      .send({ response: authenticator.assert(opts) });
    expectProblem(late, 401);
    expect(await failures('passkey_expired_challenge')).toBeGreaterThanOrEqual(1);

    const browser = await halfSignedIn(user.email);
    const second = await options(await browser.post('/api/auth/passkeys/second-factor/options'));
    clock.advance(PASSKEY_CHALLENGE_MINUTES * 60 + 1);
    expectProblem(
      await browser.post('/api/auth/passkeys/second-factor', { response: authenticator.assert(second) }),
      400,
    );
    // A half-signed-in session may not add a passkey (it has a factor to use first).
    expectProblem(
      await browser.post('/api/auth/passkeys/registration/options', { password: TEST_PASSWORD }),
      401,
    );
  });

  it('should refuse a cloned authenticator whose counter does not move on', async () => {
    const { user, authenticator } = await withPasskey();
    const signIn = async (signCount?: number) => {
      const opts = await options(await t.anonymous().post('/api/auth/passkeys/sign-in/options'));
      return t
        .anonymous()
        .post('/api/auth/passkeys/sign-in')
        .send({ response: authenticator.assert(opts, { signCount }) });
    };
    expect((await signIn(5)).status).toBe(200);
    expect((await passkeyRows(user.id))[0].counter).toBe(5);
    expectProblem(await signIn(5), 401);
    expectProblem(await signIn(3), 401);
    expect((await passkeyRows(user.id))[0].counter).toBe(5);
    expect(await failures('passkey_counter_went_back')).toBeGreaterThanOrEqual(2);
    expect((await signIn(6)).status).toBe(200);
  });

  it("should refuse another user's passkey in the second step, and a credential already registered", async () => {
    const owner = await withPasskey();
    const other = await withPasskey();
    const browser = await halfSignedIn(other.user.email);
    const opts = await options(await browser.post('/api/auth/passkeys/second-factor/options'));
    const res = await browser.post('/api/auth/passkeys/second-factor', {
      response: owner.authenticator.assert(opts),
    });
    expectProblem(res, 400);
    expect(await failures('passkey_of_another_user')).toBeGreaterThanOrEqual(1);
    expect((await passkeyRows(owner.user.id))[0].counter).toBe(0);
    expect((await browser.get('/api/auth/session')).body.pendingStep).toBe('second_factor');

    // The owner's credential id offered again, by someone else: refused, nothing stored.
    const reg = await options(
      await other.browser.post('/api/auth/passkeys/registration/options', { password: TEST_PASSWORD }),
    );
    const copy = newAuthenticator().register(reg, { credentialId: owner.authenticator.credentials[0].id });
    expectProblem(
      await other.browser.post('/api/auth/passkeys/registration', { label: 'Copy', response: copy }),
      409,
    );
    expect(await passkeyRows(other.user.id)).toHaveLength(1);
    expect(await passkeyRows(owner.user.id)).toHaveLength(1);
  });

  it('should not start adding a passkey without the password again, and count wrong ones', async () => {
    const user = await createUser(t.db, { role: Role.Practitioner });
    const browser = new Browser(t);
    await browser.signIn(user.email);
    const before = await countRows(t.db, 'webauthn_challenges');
    expectProblem(await browser.post('/api/auth/passkeys/registration/options', {}), 400);
    const wrong = await browser.post('/api/auth/passkeys/registration/options', {
      password: 'not-my-password',
    });
    expectProblem(wrong, 400);
    expect(wrong.body.errors.password).toBeDefined();
    expect(await countRows(t.db, 'webauthn_challenges')).toBe(before);
    const [audit] = await t.db.getRepository(AuditEvent).find({
      where: { entityId: user.id, action: AuditAction.SignInFailed },
    });
    expect(audit.detail).toMatchObject({ reason: 'wrong_reauthentication_password' });

    // A made-up registration with no options asked for (so no password given) is refused.
    const made = newAuthenticator().register({
      challenge: Buffer.from('never-issued').toString('base64url'),
      user: { id: Buffer.from(user.id).toString('base64url') },
    });
    expectProblem(
      await browser.post('/api/auth/passkeys/registration', { label: 'Mine', response: made }),
      400,
    );
    expect(await passkeyRows(user.id)).toHaveLength(0);

    // Wrong passwords are slowed down like wrong codes: past the free ones, one more earns a wait.
    for (let i = 1; i <= ACCOUNT_SIGN_IN_DELAY.freeFailures; i++) {
      await browser.post('/api/auth/passkeys/registration/options', { password: 'still-wrong' });
    }
    const slowed = await browser.post('/api/auth/passkeys/registration/options', { password: TEST_PASSWORD });
    expectProblem(slowed, 429);
    expect(slowed.headers['retry-after']).toMatch(/^\d+$/);
  });

  it("should end the person's other sessions when they add or remove a passkey, and keep this one", async () => {
    const { user, browser } = await withPasskey();
    const elsewhere = await halfSignedIn(user.email);
    const phone = await addPasskey(browser, newAuthenticator(), 'Phone');
    expectProblem(await elsewhere.get('/api/auth/session'), 401);
    const later = await halfSignedIn(user.email);
    expect(
      (await browser.post(`/api/auth/passkeys/${phone.id}/remove`, { password: TEST_PASSWORD })).status,
    ).toBe(204);
    expectProblem(await later.get('/api/auth/session'), 401);
    expect((await browser.get('/api/auth/session')).status).toBe(200);
    const audit = await t.db.getRepository(AuditEvent).find({ where: { entityId: user.id } });
    expect(audit.map((a) => a.detail)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          change: 'second_factor_enrolled',
          passkeyId: phone.id,
          otherSessionsEnded: 1,
        }),
        expect.objectContaining({ change: 'passkey_removed', passkeyId: phone.id, otherSessionsEnded: 1 }),
      ]),
    );
  });

  it('should swap a session that enrols with a passkey for a new one, ending the old one', async () => {
    const user = await createUser(t.db, { role: Role.SeniorLeader, totpSecret: null });
    const browser = new Browser(t);
    await browser.signIn(user.email);
    expect(browser.session.pendingStep).toBe('enrol_second_factor');
    const sessionsOf = (): Promise<{ id: string; ended_reason: string | null; auth_methods: string[] }[]> =>
      t.db.query(
        `SELECT id, ended_reason, auth_methods FROM sessions WHERE user_id = $1 ORDER BY created_at`,
        [user.id],
      );
    const [before] = await sessionsOf();
    await addPasskey(browser, newAuthenticator());
    expect(await sessionsOf()).toEqual([
      { id: before.id, ended_reason: 'second_factor_enrolled', auth_methods: ['password'] },
      { id: expect.not.stringMatching(before.id), ended_reason: null, auth_methods: ['password', 'passkey'] },
    ]);
    expect((await browser.get('/api/auth/session')).body.pendingStep).toBeNull();
  });

  it('should remove a passkey after the password again, only my own, and not the last required one', async () => {
    const { user, browser, passkey } = await withPasskey();
    const second = await addPasskey(browser, newAuthenticator(), 'Phone');
    expectProblem(await browser.post(`/api/auth/passkeys/${passkey.id}/remove`, { password: 'wrong' }), 400);
    expect(await passkeyRows(user.id)).toHaveLength(2);

    const someoneElse = await withPasskey();
    expectProblem(
      await browser.post(`/api/auth/passkeys/${someoneElse.passkey.id}/remove`, { password: TEST_PASSWORD }),
      404,
    );
    expectProblem(
      await browser.post(`/api/auth/passkeys/not-a-uuid/remove`, { password: TEST_PASSWORD }),
      404,
    );
    expect(await passkeyRows(someoneElse.user.id)).toHaveLength(1);

    const removed = await browser.post(`/api/auth/passkeys/${passkey.id}/remove`, {
      password: TEST_PASSWORD,
    });
    expect(removed.status).toBe(204);
    expect((await passkeyRows(user.id)).map((p) => p.id)).toEqual([second.id]);
    const audit = await t.db.getRepository(AuditEvent).find({ where: { entityId: user.id } });
    expect(audit.map((a) => a.detail)).toEqual(
      expect.arrayContaining([expect.objectContaining({ change: 'passkey_removed', passkeyId: passkey.id })]),
    );

    await t.db.query(`UPDATE users SET second_factor_required = true WHERE id = $1`, [user.id]);
    expectProblem(
      await browser.post(`/api/auth/passkeys/${second.id}/remove`, { password: TEST_PASSWORD }),
      409,
    );
    expect(await passkeyRows(user.id)).toHaveLength(1);

    // An authenticator app is not kept back while a passkey is left: the account still has a factor.
    await t.db.query(
      `UPDATE users SET totp_secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', totp_enrolled_at = now() WHERE id = $1`,
      [user.id],
    );
    expect((await browser.post('/api/auth/totp/remove', { password: TEST_PASSWORD })).status).toBe(200);
    expectProblem(
      await browser.post(`/api/auth/passkeys/${second.id}/remove`, { password: TEST_PASSWORD }),
      409,
    );
  });

  it("should remove passkeys with an administrator's reset (audited), and let the person enrol a passkey again", async () => {
    const { user, authenticator } = await withPasskey(Role.ParticipationOfficer);
    const admin = await t.signInAs(Role.Administrator);
    // The administrator's list counts a passkey as a second factor.
    const list = await admin.get('/api/users?pageSize=100');
    expect(list.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: user.id, secondFactorEnrolled: true })]),
    );
    const reset = await admin.post(`/api/users/${user.id}/reset-second-factor`);
    expect(reset.status).toBe(201);
    expect(reset.body).toMatchObject({ secondFactorEnrolled: false, secondFactorRequired: true });
    expect(await passkeyRows(user.id)).toHaveLength(0);
    const [audit] = await t.db.getRepository(AuditEvent).find({
      where: { entityId: user.id, actorUserId: admin.user.id, action: AuditAction.Update },
    });
    expect(audit.detail).toMatchObject({
      change: 'reset_second_factor',
      hadFactor: 1,
      passkeysRemoved: 1,
      totpRemoved: 0,
    });

    // The old passkey no longer signs in.
    const opts = await options(await t.anonymous().post('/api/auth/passkeys/sign-in/options'));
    expectProblem(
      await t
        .anonymous()
        .post('/api/auth/passkeys/sign-in')
        .send({ response: authenticator.assert(opts) }),
      401,
    );

    // Next sign-in: enrolment only, and a passkey is a way to enrol.
    const next = new Browser(t);
    await next.signIn(user.email);
    expect(next.session.pendingStep).toBe('enrol_second_factor');
    expect((await next.get('/api/auth/passkeys')).body).toEqual([]);
    await addPasskey(next, newAuthenticator());
    const session = await next.get('/api/auth/session');
    expect(session.body.pendingStep).toBeNull();
    expect((await next.get('/api/home')).status).toBe(200);
  });

  it('should answer invalid, missing and oversized bodies with 400 problem+json and write nothing', async () => {
    const { user, browser, authenticator } = await withPasskey();
    const half = await halfSignedIn(user.email);
    const opts = await options(await half.post('/api/auth/passkeys/second-factor/options'));
    const good = authenticator.assert(opts);
    const beforePasskeys = await passkeyRows(user.id);
    const beforeChallenges = await countRows(t.db, 'webauthn_challenges');
    const beforeSessions = await countRows(t.db, 'sessions');
    const bad: [string, object | undefined][] = [
      ['no body', undefined],
      ['an empty body', {}],
      ['an unknown field', { response: good, remember: true }],
      ['a wrong type', { response: { ...good, type: 'password' } }],
      ['an id that is not base64url', { response: { ...good, id: 'not base64!' } }],
      ['an oversized id', { response: { ...good, id: 'A'.repeat(2000), rawId: 'A'.repeat(2000) } }],
      [
        'an oversized clientDataJSON',
        { response: { ...good, response: { ...good.response, clientDataJSON: 'A'.repeat(5000) } } },
      ],
      [
        'a missing signature',
        { response: { ...good, response: { ...good.response, signature: undefined } } },
      ],
      ['a number for the response', { response: 42 }],
    ];
    for (const [name, body] of bad) {
      for (const url of ['/api/auth/passkeys/second-factor', '/api/auth/passkeys/sign-in']) {
        const res = await half.post(url, body);
        expect([name, url, res.status]).toEqual([name, url, 400]);
        expectProblem(res, 400);
      }
    }
    const registration = newAuthenticator().register({ challenge: 'AAAA', user: { id: 'AAAA' } });
    const badRegistrations: [string, object][] = [
      ['no label', { response: registration }],
      ['an empty label', { label: '   ', response: registration }],
      ['an oversized label', { label: 'x'.repeat(61), response: registration }],
      ['no response', { label: 'Mine' }],
      [
        'an oversized attestation',
        {
          label: 'Mine',
          response: {
            ...registration,
            response: { ...registration.response, attestationObject: 'A'.repeat(20_000) },
          },
        },
      ],
      [
        'an unknown transport',
        {
          label: 'Mine',
          response: { ...registration, response: { ...registration.response, transports: ['pigeon'] } },
        },
      ],
    ];
    for (const [name, body] of badRegistrations) {
      const res = await browser.post('/api/auth/passkeys/registration', body);
      expect([name, res.status]).toEqual([name, 400]);
      expectProblem(res, 400);
    }
    for (const body of [
      { password: '' },
      { password: 'p'.repeat(257) },
      { password: TEST_PASSWORD, extra: 1 },
    ]) {
      expectProblem(await browser.post('/api/auth/passkeys/registration/options', body), 400);
    }
    expect(await passkeyRows(user.id)).toEqual(beforePasskeys);
    expect(await countRows(t.db, 'webauthn_challenges')).toBe(beforeChallenges);
    expect(await countRows(t.db, 'sessions')).toBe(beforeSessions);
    // The good answer still works: nothing above used up the challenge.
    expect((await half.post('/api/auth/passkeys/second-factor', { response: good })).status).toBe(200);
  });

  it('should refuse passkey routes to the signed out (401) and to writes without the CSRF token (403)', async () => {
    const { browser, passkey } = await withPasskey();
    const anonymous = t.anonymous();
    expectProblem(await anonymous.get('/api/auth/passkeys'), 401);
    expectProblem(
      await anonymous.post('/api/auth/passkeys/registration/options').send({ password: TEST_PASSWORD }),
      401,
    );
    expectProblem(await anonymous.post('/api/auth/passkeys/registration').send({}), 401);
    expectProblem(
      await anonymous.post(`/api/auth/passkeys/${passkey.id}/remove`).send({ password: TEST_PASSWORD }),
      401,
    );
    expectProblem(await anonymous.post('/api/auth/passkeys/second-factor/options'), 401);
    expectProblem(
      await browser.agent.post('/api/auth/passkeys/registration/options').send({ password: TEST_PASSWORD }),
      403,
    );
    expectProblem(
      await browser.agent.post(`/api/auth/passkeys/${passkey.id}/remove`).send({ password: TEST_PASSWORD }),
      403,
    );
    // A fully signed-in session has no second step to do with a passkey.
    expectProblem(await browser.post('/api/auth/passkeys/second-factor/options'), 409);
    expect((await browser.get('/api/auth/passkeys')).body).toHaveLength(1);
  });

  it('should slow down failed passkey sign-ins per address like wrong passwords', async () => {
    const { authenticator } = await withPasskey();
    const opts = await options(await t.anonymous().post('/api/auth/passkeys/sign-in/options'));
    const assertion = authenticator.assert(opts);
    const signIn = () => t.anonymous().post('/api/auth/passkeys/sign-in').send({ response: assertion });
    expect((await signIn()).status).toBe(200);
    // The same answer again is a failure each time: past the free ones, one more earns a wait.
    for (let i = 0; i <= ADDRESS_FREE_FAILURES; i++) expectProblem(await signIn(), 401);
    const slowed = await signIn();
    expectProblem(slowed, 429);
    expect(slowed.headers['retry-after']).toMatch(/^\d+$/);
    // Even a right answer waits.
    const fresh = await options(await t.anonymous().post('/api/auth/passkeys/sign-in/options'));
    expectProblem(
      await t
        .anonymous()
        .post('/api/auth/passkeys/sign-in')
        .send({ response: authenticator.assert(fresh) }),
      429,
    );
  });
});
