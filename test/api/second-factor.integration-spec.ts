import { ACCOUNT_SIGN_IN_DELAY, AuditAction, Role } from '@heard/domain';
import { AuditEvent } from '@heard/api/platform/audit/audit-event.entity';
import { TOTP_STEP_SECONDS, totpAt, totpStep } from '@heard/api/platform/auth/totp';
import { User } from '@heard/api/app/users/entities/user.entity';
import type request from 'supertest';
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
import { serverTestUrl } from './support/server-databases';
import { waitFor } from './support/wait';

const onServer = serverTestUrl() !== null;

/** Wrong codes until the slow-down applies: the free ones and the one that earns the first wait. */
const WRONG_TO_SLOW = ACCOUNT_SIGN_IN_DELAY.freeFailures + 1;

describe('a second factor (TOTP) for staff', () => {
  let t: TestApp;
  // Time moves only when a test moves it: which 30-second step a code belongs to is exact.
  const clock = new ManualClock(new Date('2026-12-03T09:00:05Z'));

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
  });
  // Each test starts in a fresh step, well after the last one's wrong codes are forgotten.
  beforeEach(() => clock.advance(ACCOUNT_SIGN_IN_DELAY.forgetAfterMinutes * 60));
  afterAll(() => t.close());

  /** Until some statement of the app waits for a row lock held by the test's own transaction. */
  function waitForLockWait(): Promise<void> {
    return waitFor(async () => {
      const [row] = await t.db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%sign_in_delays%'`,
      );
      return (row as { n: number }).n > 0;
    }, 'a request to wait for the lock');
  }

  const code = (secret: string, offsetSteps = 0) =>
    totpAt(secret, new Date(clock.now().getTime() + offsetSteps * TOTP_STEP_SECONDS * 1000));

  async function stored(userId: string) {
    const [row] = await t.db.query(
      `SELECT totp_secret, totp_pending_secret, totp_enrolled_at, totp_last_step::text AS totp_last_step,
              second_factor_required FROM users WHERE id = $1`,
      [userId],
    );
    return row as {
      totp_secret: string | null;
      totp_pending_secret: string | null;
      totp_enrolled_at: Date | null;
      totp_last_step: string | null;
      second_factor_required: boolean;
    };
  }

  async function recoveryCodesLeft(userId: string): Promise<number> {
    const [row] = await t.db.query(
      `SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
    return (row as { n: number }).n;
  }

  /** A signed-in user who has enrolled through the API, as a person would. */
  async function enrolled(role = Role.Practitioner) {
    const user = await createUser(t.db, { role, totpSecret: null });
    const browser = new Browser(t);
    expect((await browser.signIn(user.email)).status).toBe(200);
    const start = await browser.post('/api/auth/totp/enrolment', { password: TEST_PASSWORD });
    expect(start.status).toBe(200);
    const secret = start.body.secret as string;
    const confirm = await browser.post('/api/auth/totp/enrolment/confirm', { code: code(secret) });
    expect(confirm.status).toBe(200);
    // Later sign-ins use later codes: the code just used for enrolment cannot be used again.
    clock.advance(TOTP_STEP_SECONDS);
    return { user, secret, recoveryCodes: confirm.body.recoveryCodes as string[] };
  }

  it('should enrol: secret, otpauth URI and QR code once, confirmed by a code, then 10 recovery codes stored hashed', async () => {
    const user = await createUser(t.db, { role: Role.Practitioner });
    const browser = new Browser(t);
    await browser.signIn(user.email);
    expect(browser.session.pendingStep).toBeNull();
    expect(browser.session.secondFactor).toEqual({
      enrolled: false,
      required: false,
      totp: false,
      passkeys: 0,
    });

    const start = await browser.post('/api/auth/totp/enrolment', { password: TEST_PASSWORD });
    expect(start.status).toBe(200);
    const secret = start.body.secret as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(start.body.otpauthUri).toBe(
      `otpauth://totp/Heard%3A${encodeURIComponent(user.email)}?secret=${secret}&issuer=Heard&algorithm=SHA1&digits=6&period=30`,
    );
    expect(start.body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    expect((await stored(user.id)).totp_pending_secret).toBe(secret);
    expect((await stored(user.id)).totp_enrolled_at).toBeNull();

    expectProblem(await browser.post('/api/auth/totp/enrolment/confirm', { code: code(secret, 3) }), 400);
    expect((await stored(user.id)).totp_enrolled_at).toBeNull();

    const confirm = await browser.post('/api/auth/totp/enrolment/confirm', { code: code(secret) });
    expect(confirm.status).toBe(200);
    const codes = confirm.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-HJKMNP-Z2-9]{5}(-[A-HJKMNP-Z2-9]{5}){4}$/);
    const hashes: { code_hash: string }[] = await t.db.query(
      `SELECT code_hash FROM recovery_codes WHERE user_id = $1`,
      [user.id],
    );
    expect(hashes).toHaveLength(10);
    for (const { code_hash } of hashes)
      expect(codes.some((c) => code_hash.includes(c.replace('-', '')))).toBe(false);

    const after = await stored(user.id);
    expect(after.totp_secret).toBe(secret);
    expect(after.totp_pending_secret).toBeNull();
    expect(after.totp_enrolled_at).not.toBeNull();

    // The session that showed the code stays fully signed in; nothing ever shows the secret again.
    const session = await browser.get('/api/auth/session');
    expect(session.body.pendingStep).toBeNull();
    expect(session.body.secondFactor).toEqual({ enrolled: true, required: false, totp: true, passkeys: 0 });
    expect(session.body.authMethods).toEqual(['password', 'otp']);
    expect((await browser.get('/api/home')).status).toBe(200);
    expect(JSON.stringify(session.body)).not.toContain(secret);
    expectProblem(await browser.post('/api/auth/totp/enrolment', { password: TEST_PASSWORD }), 409);

    const audit = await t.db.getRepository(AuditEvent).find({ where: { entityId: user.id } });
    const changes = audit.map((a) => a.detail['change']).filter(Boolean);
    expect(changes).toEqual(
      expect.arrayContaining(['second_factor_enrolment_started', 'second_factor_enrolled']),
    );
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('should leave a password-only sign-in half signed in: every route but the second step, session and sign-out refuses it', async () => {
    const { user, secret } = await enrolled();
    const browser = new Browser(t);
    expect((await browser.signIn(user.email)).status).toBe(200);
    expect(browser.session.pendingStep).toBe('second_factor');
    expect(browser.session.authMethods).toEqual(['password']);

    const home = await browser.get('/api/home');
    expectProblem(home, 401);
    expect(home.body.code).toBe('sign_in_incomplete');
    expectProblem(await browser.post('/api/auth/totp/remove', { password: TEST_PASSWORD }), 401);
    expectProblem(await browser.post('/api/auth/totp/enrolment', { password: TEST_PASSWORD }), 401);
    expect((await browser.get('/api/auth/session')).body.pendingStep).toBe('second_factor');

    const done = await browser.post('/api/auth/second-factor', { code: code(secret) });
    expect(done.status).toBe(200);
    expect(done.body.pendingStep).toBeNull();
    expect(done.body.authMethods).toEqual(['password', 'otp']);
    expect(String(done.headers['set-cookie'])).toMatch(/heard_session=/);
    browser.take(done);
    expect((await browser.get('/api/home')).status).toBe(200);

    const refused = await t.db.getRepository(AuditEvent).find({
      where: { actorUserId: user.id, action: AuditAction.AccessRefused },
    });
    expect(refused.map((a) => a.detail['reason'])).toContain('second_factor');
    const signIns = await t.db.getRepository(AuditEvent).find({
      where: { actorUserId: user.id, action: AuditAction.SignIn },
    });
    expect(signIns.some((a) => a.detail['method'] === 'otp')).toBe(true);
  });

  it('should sign out a half-signed-in session, and end it when the second step replaces it', async () => {
    const { user, secret } = await enrolled();
    const half = new Browser(t);
    await half.signIn(user.email);
    const oldCookie = half.agent;
    const done = await half.post('/api/auth/second-factor', { code: code(secret) });
    half.take(done);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND ended_reason = 'second_factor_done'`,
      [user.id],
    );
    expect(n).toBe(1);
    expect(oldCookie).toBeDefined();

    const other = new Browser(t);
    await other.signIn(user.email);
    expect((await other.post('/api/auth/sign-out')).status).toBe(204);
    expectProblem(await other.get('/api/auth/session'), 401);
  });

  it('should accept a code one step either side of now and refuse one from further away', async () => {
    const { user, secret } = await enrolled();
    // One step more, so the step before now is not the one enrolment used.
    clock.advance(TOTP_STEP_SECONDS);
    const browser = new Browser(t);
    await browser.signIn(user.email);
    for (const offset of [-3, -2, 2, 3]) {
      const res = await browser.post('/api/auth/second-factor', { code: code(secret, offset) });
      expectProblem(res, 400);
      expect(res.body.errors.code).toBeDefined();
    }
    expect((await browser.post('/api/auth/second-factor', { code: code(secret, -1) })).status).toBe(200);

    const later = new Browser(t);
    await later.signIn(user.email);
    expect((await later.post('/api/auth/second-factor', { code: code(secret, 1) })).status).toBe(200);
  });

  it('should refuse a code that has been used, and an older one, until the next step', async () => {
    const { user, secret } = await enrolled();
    const first = new Browser(t);
    await first.signIn(user.email);
    const used = code(secret);
    expect((await first.post('/api/auth/second-factor', { code: used })).status).toBe(200);
    const lastStep = (await stored(user.id)).totp_last_step;

    const second = new Browser(t);
    await second.signIn(user.email);
    expectProblem(await second.post('/api/auth/second-factor', { code: used }), 400);
    expectProblem(await second.post('/api/auth/second-factor', { code: code(secret, -1) }), 400);
    expect((await stored(user.id)).totp_last_step).toBe(lastStep);
    expectProblem(await second.get('/api/home'), 401);

    clock.advance(TOTP_STEP_SECONDS);
    expect((await second.post('/api/auth/second-factor', { code: code(secret) })).status).toBe(200);

    // One code sent twice at once (say, by someone watching over a shoulder): only one gets in.
    clock.advance(TOTP_STEP_SECONDS);
    const a = new Browser(t);
    const b = new Browser(t);
    await a.signIn(user.email);
    await b.signIn(user.email);
    const both = await Promise.all(
      [a, b].map((x) => x.post('/api/auth/second-factor', { code: code(secret) })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it('should let exactly one of five uses of one code at once through, and refuse the rest with 400', async () => {
    const { user, secret } = await enrolled();
    const browsers = Array.from({ length: 5 }, () => new Browser(t));
    for (const b of browsers) await b.signIn(user.email);
    const used = code(secret);
    const answers = await Promise.all(browsers.map((b) => b.post('/api/auth/second-factor', { code: used })));

    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 400, 400, 400, 400]);
    for (const refused of answers.filter((r) => r.status !== 200)) {
      expectProblem(refused, 400);
      expect(refused.body.errors.code).toBeDefined();
    }
    const audited = await t.db.getRepository(AuditEvent).find({ where: { actorUserId: user.id } });
    expect(
      audited.filter((a) => a.action === AuditAction.SignIn && a.detail['step'] === 'second_factor'),
    ).toHaveLength(1);
    expect(
      audited.filter((a) => a.action === AuditAction.SignInFailed && a.detail['reason'] === 'wrong_code'),
    ).toHaveLength(4);
  });

  it('should refuse with 400, not fail, a use of a code whose try was claimed while the winner of the race finished', async () => {
    const { user, secret } = await enrolled();
    const loser = new Browser(t);
    await loser.signIn(user.email);
    // A wrong code first, so the account has a count for the winner's finish to clear.
    const used = code(secret);
    expectProblem(
      await loser.post('/api/auth/second-factor', { code: used === '000000' ? '111111' : '000000' }),
      400,
    );
    // What the winner of two uses of one code writes: the step used, and the count cleared.
    const winnerWrites = async (run: (sql: string, params?: unknown[]) => Promise<unknown>) => {
      await run(`UPDATE users SET totp_last_step = $2 WHERE id = $1`, [user.id, totpStep(clock.now())]);
      await run(`DELETE FROM sign_in_delays`);
    };

    let answer: request.Response;
    if (onServer) {
      // The winner's finish held open with the count row locked: the loser's claim has found the row
      // and waits for it, then the row is gone when the winner commits.
      const winner = t.db.createQueryRunner();
      await winner.connect();
      try {
        await winner.startTransaction();
        await winner.query(`SELECT key FROM sign_in_delays FOR UPDATE`);
        // then() sends the request now; it is awaited once the winner has committed.
        const pending = loser.post('/api/auth/second-factor', { code: used }).then((r) => r);
        await waitForLockWait();
        await winnerWrites((sql, params) => winner.query(sql, params));
        await winner.commitTransaction();
        answer = await pending;
      } finally {
        await winner.release();
      }
    } else {
      // One connection: the embedded database runs the winner's finish and the claim one after the other.
      await winnerWrites((sql, params) => t.db.query(sql, params));
      answer = await loser.post('/api/auth/second-factor', { code: used });
    }
    expectProblem(answer, 400);
    expect(answer.body.errors.code).toBeDefined();
    const failures = await t.db.getRepository(AuditEvent).find({
      where: { actorUserId: user.id, action: AuditAction.SignInFailed },
    });
    expect(failures.filter((a) => a.detail['reason'] === 'wrong_code')).toHaveLength(2);
    expectProblem(await loser.get('/api/home'), 401);
  });

  it('should slow down guessing: after five wrong codes a wait, 429 problem+json with Retry-After, even for the right code', async () => {
    const { user, secret } = await enrolled();
    const browser = new Browser(t);
    await browser.signIn(user.email);
    const right = code(secret);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < WRONG_TO_SLOW; i++) {
      expectProblem(await browser.post('/api/auth/second-factor', { code: wrong }), 400);
    }
    const slowed = await browser.post('/api/auth/second-factor', { code: right });
    expectProblem(slowed, 429);
    expect(slowed.headers['retry-after']).toBe(String(ACCOUNT_SIGN_IN_DELAY.firstDelaySeconds));
    // Recovery codes share the count: they are no way round it.
    expectProblem(await browser.post('/api/auth/second-factor', { recoveryCode: 'AAAAA-BBBBB' }), 429);
    expect((await stored(user.id)).totp_last_step).not.toBe(null);

    clock.advance(ACCOUNT_SIGN_IN_DELAY.firstDelaySeconds - 1);
    expectProblem(await browser.post('/api/auth/second-factor', { code: right }), 429);
    clock.advance(1);
    expect((await browser.post('/api/auth/second-factor', { code: code(secret) })).status).toBe(200);

    const failures = await t.db.getRepository(AuditEvent).find({
      where: { actorUserId: user.id, action: AuditAction.SignInFailed },
    });
    expect(failures.filter((a) => a.detail['reason'] === 'wrong_code')).toHaveLength(WRONG_TO_SLOW);
  });

  it('should complete the second step with a recovery code, each once, typed loosely', async () => {
    const { user, recoveryCodes } = await enrolled();
    const first = new Browser(t);
    await first.signIn(user.email);
    const typed = recoveryCodes[0].toLowerCase().replaceAll('-', ' ');
    const done = await first.post('/api/auth/second-factor', { recoveryCode: typed });
    expect(done.status).toBe(200);
    expect(done.body.authMethods).toEqual(['password', 'recovery_code']);
    expect(await recoveryCodesLeft(user.id)).toBe(9);
    first.take(done);
    expect((await first.get('/api/home')).status).toBe(200);

    const second = new Browser(t);
    await second.signIn(user.email);
    const again = await second.post('/api/auth/second-factor', { recoveryCode: recoveryCodes[0] });
    expectProblem(again, 400);
    expect(again.body.errors.recoveryCode).toBeDefined();
    expect(await recoveryCodesLeft(user.id)).toBe(9);
    // Another person's code is no good either.
    const other = await enrolled();
    expectProblem(
      await second.post('/api/auth/second-factor', { recoveryCode: other.recoveryCodes[0] }),
      400,
    );
    expect((await second.post('/api/auth/second-factor', { recoveryCode: recoveryCodes[1] })).status).toBe(
      200,
    );
    expect(await recoveryCodesLeft(user.id)).toBe(8);
  });

  it('should ask for the password again to enrol or remove, and count wrong ones', async () => {
    const user = await createUser(t.db, { role: Role.Practitioner });
    const browser = new Browser(t);
    await browser.signIn(user.email);
    expectProblem(await browser.post('/api/auth/totp/enrolment', {}), 400);
    const wrong = await browser.post('/api/auth/totp/enrolment', { password: 'not the password at all' });
    expectProblem(wrong, 400);
    expect(wrong.body.errors.password).toBeDefined();
    expect((await stored(user.id)).totp_pending_secret).toBeNull();
    // Confirming needs a set-up started with the password.
    expectProblem(await browser.post('/api/auth/totp/enrolment/confirm', { code: '123456' }), 409);

    const { user: withApp, secret } = await enrolled();
    const them = new Browser(t);
    await them.signIn(withApp.email);
    them.take(await them.post('/api/auth/second-factor', { code: code(secret) }));
    expectProblem(await them.post('/api/auth/totp/remove', {}), 400);
    expectProblem(await them.post('/api/auth/totp/remove', { password: 'not the password at all' }), 400);
    expect((await stored(withApp.id)).totp_enrolled_at).not.toBeNull();
    const removed = await them.post('/api/auth/totp/remove', { password: TEST_PASSWORD });
    expect(removed.status).toBe(200);
    expect(removed.body.secondFactor).toEqual({ enrolled: false, required: false, totp: false, passkeys: 0 });
    expect(await stored(withApp.id)).toMatchObject({ totp_secret: null, totp_enrolled_at: null });
    expect(await recoveryCodesLeft(withApp.id)).toBe(0);
    expect((await new Browser(t).signIn(withApp.email)).body.pendingStep).toBeNull();
  });

  it("should end the person's other sessions when they set up or remove their app, and keep this one", async () => {
    const user = await createUser(t.db, { role: Role.Practitioner, totpSecret: null });
    const here = new Browser(t);
    const elsewhere = new Browser(t);
    await here.signIn(user.email);
    await elsewhere.signIn(user.email);
    const start = await here.post('/api/auth/totp/enrolment', { password: TEST_PASSWORD });
    const secret = start.body.secret as string;
    expect((await here.post('/api/auth/totp/enrolment/confirm', { code: code(secret) })).status).toBe(200);
    expectProblem(await elsewhere.get('/api/auth/session'), 401);
    expect((await here.get('/api/auth/session')).status).toBe(200);

    clock.advance(TOTP_STEP_SECONDS);
    const later = new Browser(t);
    await later.signIn(user.email);
    later.take(await later.post('/api/auth/second-factor', { code: code(secret) }));
    expect((await later.get('/api/auth/session')).status).toBe(200);
    expect((await here.post('/api/auth/totp/remove', { password: TEST_PASSWORD })).status).toBe(200);
    expectProblem(await later.get('/api/auth/session'), 401);
    expect((await here.get('/api/auth/session')).status).toBe(200);
    const changes = await t.db
      .getRepository(AuditEvent)
      .findBy({ entityId: user.id, action: AuditAction.Update });
    expect(changes.map((c) => c.detail)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ change: 'second_factor_enrolled', otherSessionsEnded: 1 }),
        expect.objectContaining({ change: 'second_factor_removed', otherSessionsEnded: 1 }),
      ]),
    );
  });

  it('should swap the session for a new one when the app is confirmed, ending the old one', async () => {
    const user = await createUser(t.db, { role: Role.ParticipationOfficer, totpSecret: null });
    const here = new Browser(t);
    await here.signIn(user.email);
    expect(here.session.pendingStep).toBe('enrol_second_factor');
    const sessionsOf = (): Promise<{ id: string; ended_reason: string | null; auth_methods: string[] }[]> =>
      t.db.query(
        `SELECT id, ended_reason, auth_methods FROM sessions WHERE user_id = $1 ORDER BY created_at`,
        [user.id],
      );
    const [before] = await sessionsOf();
    const secret = (await here.post('/api/auth/totp/enrolment', { password: TEST_PASSWORD })).body
      .secret as string;
    const confirmed = await here.post('/api/auth/totp/enrolment/confirm', { code: code(secret) });
    expect(confirmed.status).toBe(200);
    expect(String(confirmed.headers['set-cookie'])).toMatch(/heard_session=/);
    const after = await sessionsOf();
    expect(after).toEqual([
      { id: before.id, ended_reason: 'second_factor_enrolled', auth_methods: ['password'] },
      { id: expect.not.stringMatching(before.id), ended_reason: null, auth_methods: ['password', 'otp'] },
    ]);
    expect((await here.get('/api/auth/session')).body.pendingStep).toBeNull();
    expect((await here.get('/api/home')).status).toBe(200);
  });

  it('should let an administrator reset a lost factor (audited): sessions end and the person must enrol again', async () => {
    const { user, secret } = await enrolled(Role.ParticipationOfficer);
    const them = new Browser(t);
    await them.signIn(user.email);
    them.take(await them.post('/api/auth/second-factor', { code: code(secret) }));

    const admin = await t.signInAs(Role.Administrator);
    const reset = await admin.post(`/api/users/${user.id}/reset-second-factor`);
    expect(reset.status).toBe(201);
    expect(reset.body).toMatchObject({ secondFactorEnrolled: false, secondFactorRequired: true });
    expectProblem(await them.get('/api/home'), 401);
    expect(await recoveryCodesLeft(user.id)).toBe(0);
    const [audit] = await t.db.getRepository(AuditEvent).find({
      where: { entityId: user.id, actorUserId: admin.session.user.id, action: AuditAction.Update },
    });
    // Both: the session that enrolled and the one signed in since.
    expect(audit.detail).toMatchObject({ change: 'reset_second_factor', hadFactor: 1, sessionsEnded: 2 });

    // Next sign-in: nothing but enrolment until a new app is set up.
    const next = new Browser(t);
    await next.signIn(user.email);
    expect(next.session.pendingStep).toBe('enrol_second_factor');
    const home = await next.get('/api/home');
    expectProblem(home, 401);
    expect(home.body.code).toBe('sign_in_incomplete');
    expectProblem(await next.post('/api/auth/second-factor', { code: code(secret) }), 401);
    expectProblem(await next.post('/api/auth/totp/remove', { password: TEST_PASSWORD }), 401);
    const start = await next.post('/api/auth/totp/enrolment', { password: TEST_PASSWORD });
    expect(start.status).toBe(200);
    expect(start.body.secret).not.toBe(secret);
    expect(
      (await next.post('/api/auth/totp/enrolment/confirm', { code: code(start.body.secret) })).status,
    ).toBe(200);
    expect((await next.get('/api/home')).status).toBe(200);
    // It cannot simply be removed again: the account must have one.
    expectProblem(await next.post('/api/auth/totp/remove', { password: TEST_PASSWORD }), 409);
  });

  it.each([Role.Administrator, Role.ParticipationOfficer, Role.SeniorLeader])(
    'should require a second factor of every %s, whatever their own setting, and refuse to set it per person',
    async (role) => {
      const user = await createUser(t.db, { role, totpSecret: null, secondFactorRequired: false });
      const browser = new Browser(t);
      const signedIn = await browser.signIn(user.email);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.pendingStep).toBe('enrol_second_factor');
      expect(signedIn.body.secondFactor).toEqual({
        enrolled: false,
        required: true,
        totp: false,
        passkeys: 0,
      });
      expectProblem(await browser.get('/api/home'), 401);
      expect((await browser.get('/api/auth/session')).body.pendingStep).toBe('enrol_second_factor');

      const admin = await t.signInAs(Role.Administrator);
      const listed = (await admin.get('/api/users?pageSize=100')).body.items as {
        id: string;
        secondFactorRequired: boolean;
      }[];
      expect(listed.find((u) => u.id === user.id)?.secondFactorRequired).toBe(true);
      const auditBefore = await countRows(t.db, 'audit_events');
      for (const required of [true, false]) {
        const refused = await admin.patch(`/api/users/${user.id}/second-factor`, { required });
        expectProblem(refused, 400);
        expect(refused.body.errors).toEqual({ required: [expect.stringMatching(/always required/)] });
      }
      expect((await stored(user.id)).second_factor_required).toBe(false);
      expect(await countRows(t.db, 'audit_events')).toBe(auditBefore);

      // Once enrolled, it cannot be removed, though their own setting is off.
      const start = await browser.post('/api/auth/totp/enrolment', { password: TEST_PASSWORD });
      expect(start.status).toBe(200);
      const confirm = await browser.post('/api/auth/totp/enrolment/confirm', {
        code: code(start.body.secret),
      });
      expect(confirm.status).toBe(200);
      expect((await browser.get('/api/home')).status).toBe(200);
      expectProblem(await browser.post('/api/auth/totp/remove', { password: TEST_PASSWORD }), 409);
      expect((await stored(user.id)).totp_enrolled_at).not.toBeNull();
    },
  );

  it('should let an administrator require a second factor of a practitioner, and refuse others', async () => {
    const user = await createUser(t.db, { role: Role.Practitioner });
    const them = new Browser(t);
    await them.signIn(user.email);
    expect((await them.get('/api/home')).status).toBe(200);

    const admin = await t.signInAs(Role.Administrator);
    const auditBefore = await countRows(t.db, 'audit_events');
    for (const body of [{}, { required: 'yes' }, { required: true, extra: 1 }, { required: null }]) {
      expectProblem(await admin.patch(`/api/users/${user.id}/second-factor`, body), 400);
    }
    expectProblem(await admin.patch(`/api/users/not-a-uuid/second-factor`, { required: true }), 404);
    expectProblem(
      await admin.patch(`/api/users/00000000-0000-4000-8000-000000000000/second-factor`, { required: true }),
      404,
    );
    expectProblem(await them.patch(`/api/users/${user.id}/second-factor`, { required: true }), 403);
    expectProblem(await them.post(`/api/users/${user.id}/reset-second-factor`), 403);
    expectProblem(await t.anonymous().post(`/api/users/${user.id}/reset-second-factor`), 401);
    expect((await stored(user.id)).second_factor_required).toBe(false);
    // Refusals write only their access_refused rows, never a change.
    const changes: unknown[] = await t.db.query(
      `SELECT 1 FROM audit_events WHERE entity_id = $1 AND action = 'update'`,
      [user.id],
    );
    expect(changes).toHaveLength(0);
    expect(await countRows(t.db, 'audit_events')).toBeGreaterThanOrEqual(auditBefore);

    const set = await admin.patch(`/api/users/${user.id}/second-factor`, { required: true });
    expect(set.status).toBe(200);
    expect(set.body.secondFactorRequired).toBe(true);
    // Applies at once to the session already open.
    const home = await them.get('/api/home');
    expectProblem(home, 401);
    expect((await them.get('/api/auth/session')).body.pendingStep).toBe('enrol_second_factor');
  });

  it('should answer bad input to the second step with problem+json and change nothing', async () => {
    const { user, secret, recoveryCodes } = await enrolled();
    const browser = new Browser(t);
    await browser.signIn(user.email);
    const before = await stored(user.id);
    const cases: [string, object | undefined][] = [
      ['no body', undefined],
      ['an empty body', {}],
      ['both kinds of code', { code: code(secret), recoveryCode: recoveryCodes[0] }],
      ['letters', { code: 'abcdef' }],
      ['five digits', { code: '12345' }],
      ['a number, not text', { code: 123456 }],
      ['an oversized code', { code: '1'.repeat(10_000) }],
      ['an oversized recovery code', { recoveryCode: 'A'.repeat(41) }],
      ['an unknown field', { code: code(secret), remember: true }],
    ];
    for (const [name, body] of cases) {
      const res = await browser.post('/api/auth/second-factor', body);
      expect([name, res.status]).toEqual([name, 400]);
      expectProblem(res, 400);
    }
    expect(await stored(user.id)).toEqual(before);
    expect(await recoveryCodesLeft(user.id)).toBe(10);

    // Signed out, or without the CSRF token: refused, and the code stays usable.
    expectProblem(
      await t
        .anonymous()
        .post('/api/auth/second-factor')
        .send({ code: code(secret) }),
      401,
    );
    expectProblem(await browser.agent.post('/api/auth/second-factor').send({ code: code(secret) }), 403);
    expect(await stored(user.id)).toEqual(before);

    // A session already fully signed in has no second step to do.
    const done = await browser.post('/api/auth/second-factor', { code: code(secret) });
    browser.take(done);
    expectProblem(await browser.post('/api/auth/second-factor', { code: code(secret, 1) }), 409);

    const enrolBad: [string, object][] = [
      ['an oversized password', { password: 'p'.repeat(257) }],
      ['an empty password', { password: '' }],
      ['an unknown field', { password: TEST_PASSWORD, secret: 'AAAA' }],
    ];
    const fresh = new Browser(t);
    const someone = await createUser(t.db, { role: Role.Practitioner });
    await fresh.signIn(someone.email);
    for (const [name, body] of enrolBad) {
      const res = await fresh.post('/api/auth/totp/enrolment', body);
      expect([name, res.status]).toEqual([name, 400]);
    }
    for (const body of [{}, { code: 'abcdef' }, { code: '1'.repeat(10_000) }]) {
      expectProblem(await fresh.post('/api/auth/totp/enrolment/confirm', body), 400);
    }
    expect(await stored(someone.id)).toMatchObject({ totp_pending_secret: null, totp_secret: null });
    expectProblem(
      await t.anonymous().post('/api/auth/totp/enrolment').send({ password: TEST_PASSWORD }),
      401,
    );
  });

  it('should keep the secret out of every answer after enrolment', async () => {
    const { user, secret } = await enrolled();
    const admin = await t.signInAs(Role.Administrator);
    const list = await admin.get('/api/users?pageSize=100');
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    const listed = (list.body.items as { id: string; secondFactorEnrolled: boolean }[]).find(
      (u) => u.id === user.id,
    );
    expect(listed?.secondFactorEnrolled).toBe(true);
    // The entity does not load the secret unless asked for it by name.
    const entity = await t.db.getRepository(User).findOneByOrFail({ id: user.id });
    expect(entity.totpSecret).toBeUndefined();
  });
});
