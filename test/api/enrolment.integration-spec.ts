import { AuditAction, ENROLMENT_GLOBAL_DELAY, Role, WebAuthnOptionsJSON } from '@heard/domain';
import request from 'supertest';
import { Browser } from './support/browser';
import { createYoungPerson } from './support/factories';
import { FLAG_UP, SoftwareAuthenticator } from './support/software-authenticator';
import {
  ManualClock,
  SignedInClient,
  TestApp,
  countRows,
  createTestApp,
  expectProblem,
} from './support/test-app';

// Few free failures per address, so the slow-down can be reached in a test.
const ADDRESS_FREE_FAILURES = 3;
const CODE_SHAPE = /^[ACDEFHJKMNPRTWXY34679]{5}-[ACDEFHJKMNPRTWXY34679]{5}$/;

describe('young experts enrol with a code from their officer', () => {
  let t: TestApp;
  let officer: SignedInClient;
  const clock = new ManualClock(new Date('2026-12-03T09:00:00Z'));
  const newAuthenticator = () => new SoftwareAuthenticator('heard.test', 'http://heard.test');
  let addressCounter = 0;
  /** Each test types from its own address, so one test's wrong codes do not slow the next. */
  let address = '';

  beforeAll(async () => {
    t = await createTestApp(
      { LOGIN_ATTEMPTS_PER_15_MINUTES: String(ADDRESS_FREE_FAILURES), TRUSTED_PROXIES: 'loopback' },
      { clock },
    );
    officer = await t.signInAs(Role.ParticipationOfficer);
  });
  beforeEach(() => {
    address = `203.0.113.${++addressCounter}`;
    // The last test's wrong codes, everywhere, are forgotten.
    clock.advance((ENROLMENT_GLOBAL_DELAY.forgetAfterMinutes + 1) * 60);
  });
  afterAll(() => t.close());

  /** A young person's browser, typing from this test's address. */
  class Device extends Browser {
    override post(url: string, body?: object): request.Test {
      return super.post(url, body).set('X-Forwarded-For', address);
    }
  }

  async function issue(youngPersonId: string, by = officer): Promise<{ code: string; expiresAt: string }> {
    const res = await by.post(`/api/young-people/${youngPersonId}/enrolment-codes`);
    expect(res.status).toBe(201);
    return res.body;
  }

  async function useCode(device: Device, code: string): Promise<request.Response> {
    const res = await device.post('/api/enrolment', { code });
    if (res.status === 200) device.take(res);
    return res;
  }

  async function options(res: request.Response): Promise<WebAuthnOptionsJSON> {
    expect(res.status).toBe(200);
    return (res.body as { options: WebAuthnOptionsJSON }).options;
  }

  async function writes() {
    return {
      codes: await countRows(t.db, 'enrolment_codes'),
      users: await countRows(t.db, 'users'),
      sessions: await countRows(t.db, 'sessions'),
      passkeys: await countRows(t.db, 'passkeys'),
      used: Number(
        (
          (await t.db.query(`SELECT count(*)::int AS n FROM enrolment_codes WHERE used_at IS NOT NULL`)) as {
            n: number;
          }[]
        )[0].n,
      ),
    };
  }

  async function refusals(reason: string): Promise<number> {
    const [row] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND detail->>'reason' = $2`,
      [AuditAction.SignInFailed, `enrolment_code_${reason}`],
    );
    return (row as { n: number }).n;
  }

  it('should issue a code once, make the account with no email or password, keep only a hash, and audit it', async () => {
    const person = await createYoungPerson(officer, { preferredName: 'Ash' });
    const { code, expiresAt } = await issue(person.id);
    expect(code).toMatch(CODE_SHAPE);
    expect(expiresAt).toBe(new Date(clock.now().getTime() + 10 * 60_000).toISOString());

    const [account] = await t.db.query(
      `SELECT id, email, password_hash, role, status, display_name FROM users WHERE young_person_id = $1`,
      [person.id],
    );
    expect(account).toMatchObject({
      email: null,
      password_hash: null,
      role: 'young_expert',
      status: 'active',
      display_name: 'Ash',
    });
    const stored = (await t.db.query(`SELECT * FROM enrolment_codes WHERE young_person_id = $1`, [
      person.id,
    ])) as Record<string, unknown>[];
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(code.replace('-', ''));
    expect(stored[0]['issued_by']).toBe(officer.user.id);

    const audit = await t.db.query(
      `SELECT action, entity_type, detail FROM audit_events WHERE actor_user_id = $1 AND detail->>'change' IN ('enrolment_code_issued', 'young_expert_account_created') ORDER BY at`,
      [officer.user.id],
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entity_type: 'user',
          detail: expect.objectContaining({ youngPersonId: person.id }),
        }),
        expect.objectContaining({
          entity_type: 'young_person',
          detail: expect.objectContaining({ accountCreated: true, retired: 0 }),
        }),
      ]),
    );
    expect(JSON.stringify(audit)).not.toContain(code.replace('-', ''));

    // A second code retires the first and makes no second account.
    const second = await issue(person.id);
    expect(second.code).not.toBe(code);
    const [accounts] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE young_person_id = $1`, [
      person.id,
    ]);
    expect(accounts).toEqual({ n: 1 });
    const device = new Device(t);
    expectProblem(await useCode(device, code), 401);
    expect(await refusals('retired')).toBe(1);
    expect((await useCode(device, second.code)).status).toBe(200);
  });

  it('should refuse a code to a practitioner, a senior leader, an administrator and a young expert (403), signed out (401), and for an unknown young person (404), writing nothing', async () => {
    const person = await createYoungPerson(officer);
    const before = await writes();
    for (const role of [Role.Practitioner, Role.SeniorLeader, Role.Administrator, Role.YoungExpert]) {
      const client = await t.signInAs(role);
      const after = await writes();
      expectProblem(await client.post(`/api/young-people/${person.id}/enrolment-codes`), 403);
      expect((await writes()).codes).toBe(after.codes);
    }
    expectProblem(await t.anonymous().post(`/api/young-people/${person.id}/enrolment-codes`), 401);
    expectProblem(
      await officer.post(`/api/young-people/00000000-0000-4000-8000-000000000000/enrolment-codes`),
      404,
    );
    expectProblem(await officer.post(`/api/young-people/not-an-id/enrolment-codes`), 404);
    const after = await writes();
    expect(after.codes).toBe(before.codes);
    const [accounts] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE young_person_id = $1`, [
      person.id,
    ]);
    expect(accounts).toEqual({ n: 0 });
  });

  it('should enrol a passkey for this device with a code, then sign in with the passkey alone', async () => {
    const person = await createYoungPerson(officer, { preferredName: 'Rowan' });
    const { code } = await issue(person.id);
    const device = new Device(t);
    // Typed loosely: lower case, spaces instead of the dash.
    const res = await useCode(device, `  ${code.toLowerCase().replace('-', ' ')} `);
    expect(res.status).toBe(200);
    expect(device.session).toMatchObject({
      user: { displayName: 'Rowan', email: null, role: 'young_expert' },
      authMethods: ['enrolment_code'],
      pendingStep: 'enrolment',
    });
    // Half signed in: only the enrolment choices, the session and signing out.
    const home = await device.get('/api/home');
    expectProblem(home, 401);
    expect(home.body.code).toBe('sign_in_incomplete');
    expect((await device.get('/api/auth/session')).status).toBe(200);

    const opts = await options(await device.post('/api/enrolment/passkey/options'));
    expect(opts).toMatchObject({
      user: { name: 'Rowan', displayName: 'Rowan' },
      authenticatorSelection: { userVerification: 'required', residentKey: 'required' },
    });
    const authenticator = newAuthenticator();
    const registered = await device.post('/api/enrolment/passkey', {
      label: 'My phone',
      response: authenticator.register(opts),
    });
    expect(registered.status).toBe(201);
    device.take(registered);
    expect(device.session.pendingStep).toBeNull();
    expect(device.session.authMethods).toEqual(['enrolment_code', 'passkey']);
    expect((await device.get('/api/auth/session')).body.pendingStep).toBeNull();
    const [passkey] = await t.db.query(`SELECT label FROM passkeys WHERE user_id = $1`, [
      device.session.user.id,
    ]);
    expect(passkey).toEqual({ label: 'My phone' });

    // The code worked once.
    expectProblem(await useCode(new Device(t), code), 401);
    expect(await refusals('used')).toBeGreaterThanOrEqual(1);
    expect((await device.post('/api/auth/sign-out')).status).toBe(204);

    // Back another day: the passkey alone signs them in, fully.
    const later = new Device(t);
    const signInOpts = await options(await later.post('/api/auth/passkeys/sign-in/options'));
    const signedIn = await later.post('/api/auth/passkeys/sign-in', {
      response: authenticator.assert(signInOpts),
    });
    expect(signedIn.status).toBe(200);
    later.take(signedIn);
    expect(later.session).toMatchObject({
      user: { role: 'young_expert', email: null },
      authMethods: ['passkey'],
      pendingStep: null,
    });
    // A full session cannot add a passkey through enrolment: that needs a new code.
    expectProblem(await later.post('/api/enrolment/passkey/options'), 409);
    // Nor a password, an app or an emailed link: the account has neither email nor password.
    expectProblem(await later.post('/api/auth/totp/enrolment', { password: 'whatever-it-is-42' }), 409);
  });

  it('should refuse a passkey that does not verify the young person (no PIN or biometric)', async () => {
    const person = await createYoungPerson(officer);
    const device = new Device(t);
    expect((await useCode(device, (await issue(person.id)).code)).status).toBe(200);
    const opts = await options(await device.post('/api/enrolment/passkey/options'));
    const before = await writes();
    expectProblem(
      await device.post('/api/enrolment/passkey', {
        response: newAuthenticator().register(opts, { flags: FLAG_UP }),
      }),
      400,
    );
    expect((await writes()).passkeys).toBe(before.passkeys);
    expect((await device.get('/api/auth/session')).body.pendingStep).toBe('enrolment');
  });

  it('should sign in just this time on a shared device, and need a new code after signing out', async () => {
    const person = await createYoungPerson(officer);
    const { code } = await issue(person.id);
    const device = new Device(t);
    expect((await useCode(device, code)).status).toBe(200);
    const oldCsrf = device.csrf;
    const res = await device.post('/api/enrolment/just-this-time');
    expect(res.status).toBe(200);
    device.take(res);
    expect(device.csrf).not.toBe(oldCsrf);
    expect(device.session.authMethods).toEqual(['enrolment_code', 'just_this_time']);
    expect(device.session.pendingStep).toBeNull();
    expect(device.session.secondFactor.passkeys).toBe(0);
    expect((await device.get('/api/auth/session')).status).toBe(200);
    const [audit] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'sign_in' AND actor_user_id = $1 AND detail->>'step' = 'just_this_time'`,
      [device.session.user.id],
    );
    expect(audit).toEqual({ n: 1 });
    // Once chosen, the choice cannot be made again in this session.
    expectProblem(await device.post('/api/enrolment/just-this-time'), 409);

    expect((await device.post('/api/auth/sign-out')).status).toBe(204);
    expectProblem(await device.get('/api/auth/session'), 401);
    expectProblem(await useCode(device, code), 401);
    // A fresh code from the officer lets them in again.
    expect((await useCode(device, (await issue(person.id)).code)).status).toBe(200);
  });

  it('should refuse an expired code with the same 401, starting no session', async () => {
    const person = await createYoungPerson(officer);
    const { code } = await issue(person.id);
    await t.db.query(
      `UPDATE enrolment_codes SET issued_at = $2::timestamptz - interval '11 minutes', expires_at = $2::timestamptz - interval '1 minute' WHERE young_person_id = $1`,
      [person.id, clock.now()],
    );
    const before = await writes();
    const res = await useCode(new Device(t), code);
    expectProblem(res, 401);
    expect(res.body.detail).toContain('Ask our team for a new one');
    expect(await writes()).toEqual(before);
    expect(await refusals('expired')).toBe(1);
  });

  it('should slow down wrong codes from one address: 401, then 429 problem+json with Retry-After, even for a right code', async () => {
    const person = await createYoungPerson(officer);
    const { code } = await issue(person.id);
    const device = new Device(t);
    const before = await writes();
    // The free tries, then one more that earns the first wait.
    for (let i = 0; i <= ADDRESS_FREE_FAILURES; i++) {
      expectProblem(await useCode(device, 'ACDEF-HJKMN'), 401);
    }
    const limited = await useCode(device, code);
    expectProblem(limited, 429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await writes()).toEqual(before);
    expect(await refusals('unknown')).toBeGreaterThanOrEqual(ADDRESS_FREE_FAILURES);
    expect(await refusals('slowed_down')).toBeGreaterThanOrEqual(1);
    // The wait over, the right code still works (it was never used).
    clock.advance(Number(limited.headers['retry-after']));
    expect((await useCode(device, code)).status).toBe(200);
  });

  it('should bound guessing from many addresses at once with one count for everyone', async () => {
    const person = await createYoungPerson(officer);
    const { code } = await issue(person.id);
    const guess = (from: string) =>
      t.anonymous().post('/api/enrolment').set('X-Forwarded-For', from).send({ code: 'WXY34-67939' });
    for (let i = 0; i <= ENROLMENT_GLOBAL_DELAY.freeFailures; i++) {
      expect((await guess(`198.51.100.${i % 250}`)).status).toBe(401);
    }
    // A new address, never seen, is slowed down too: the count is for everyone.
    const limited = await t
      .anonymous()
      .post('/api/enrolment')
      .set('X-Forwarded-For', '192.0.2.77')
      .send({ code });
    expectProblem(limited, 429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const [used] = await t.db.query(`SELECT used_at FROM enrolment_codes WHERE young_person_id = $1`, [
      person.id,
    ]);
    expect(used).toEqual({ used_at: null });
  });

  it.each([
    ['no body', undefined],
    ['no code', {}],
    ['a number', { code: 1234567890 }],
    ['too short', { code: 'ACDEF-HJKM' }],
    ['a look-alike character', { code: 'ACDEF-HJKM0' }],
    ['oversized', { code: 'A'.repeat(5000) }],
    ['an unknown field', { code: 'ACDEF-HJKMN', admin: true }],
  ])('should answer %s with 400 problem+json and write nothing', async (_what, body) => {
    const before = await writes();
    const delays = await countRows(t.db, 'sign_in_delays');
    expectProblem(await new Device(t).post('/api/enrolment', body), 400);
    expect(await writes()).toEqual(before);
    expect(await countRows(t.db, 'sign_in_delays')).toBe(delays);
  });

  it('should refuse the enrolment choices to staff (403), signed out (401), and bad passkey bodies (400)', async () => {
    const practitioner = await t.signInAs(Role.Practitioner);
    expectProblem(await practitioner.post('/api/enrolment/passkey/options'), 403);
    expectProblem(await practitioner.post('/api/enrolment/just-this-time'), 403);
    expectProblem(await t.anonymous().post('/api/enrolment/passkey/options'), 401);
    expectProblem(await t.anonymous().post('/api/enrolment/just-this-time'), 401);

    const person = await createYoungPerson(officer);
    const device = new Device(t);
    expect((await useCode(device, (await issue(person.id)).code)).status).toBe(200);
    const before = await writes();
    for (const body of [undefined, {}, { response: { id: 'x' } }, { label: 'x'.repeat(61), response: {} }]) {
      expectProblem(await device.post('/api/enrolment/passkey', body), 400);
    }
    expect(await writes()).toEqual(before);
    expect((await device.get('/api/auth/session')).body.pendingStep).toBe('enrolment');
  });
});
