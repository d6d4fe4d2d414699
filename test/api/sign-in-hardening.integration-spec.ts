import { ACCOUNT_SIGN_IN_DELAY, AuditAction, Role } from '@heard/domain';
import { AuditEvent } from '@heard/api/platform/audit/audit-event.entity';
import { DUMMY_PASSWORD_HASH, hashPassword, passwordWork } from '@heard/api/platform/auth/passwords';
import request from 'supertest';
import {
  ManualClock,
  TEST_PASSWORD,
  TestApp,
  createTestApp,
  createUser,
  expectProblem,
} from './support/test-app';

/** Wrong passwords until the slow-down applies: the free ones and the one that earns the first wait. */
const FAILURES_TO_SLOW = ACCOUNT_SIGN_IN_DELAY.freeFailures + 1;

function signIn(t: TestApp, email: string, password: string, forwardedFor?: string): request.Test {
  const req = t.anonymous().post('/api/auth/sign-in');
  if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
  return req.send({ email, password });
}

describe('sign-in slow-down instead of a lock', () => {
  let t: TestApp;
  let addressCounter = 0;
  const newAddress = () => `198.51.100.${++addressCounter}`;
  // Time stands still unless a test moves it, so no answer depends on how fast the machine is.
  const clock = new ManualClock();

  beforeAll(async () => {
    // The loopback proxy is trusted so each test can speak from its own address.
    t = await createTestApp({ TRUSTED_PROXIES: 'loopback' }, { clock });
  });
  // Each test starts well after the last one's failures are forgotten.
  beforeEach(() => clock.advance(ACCOUNT_SIGN_IN_DELAY.forgetAfterMinutes * 60));
  afterAll(() => t.close());

  it('should answer a known and an unknown email alike: 401, then 429 with Retry-After, never 423', async () => {
    const user = await createUser(t.db, { role: Role.ParticipationOfficer });
    const answers: Record<string, { statuses: number[]; detail: string; retryAfter: number }> = {};
    for (const email of [user.email, 'nobody.here@test.heard.example']) {
      const statuses: number[] = [];
      for (let i = 0; i < FAILURES_TO_SLOW; i++) {
        statuses.push((await signIn(t, email, `wrong password ${i}`, newAddress())).status);
      }
      const slowed = await signIn(t, email, 'wrong password again', newAddress());
      expectProblem(slowed, 429);
      statuses.push(slowed.status);
      answers[email] = {
        statuses,
        detail: slowed.body.detail,
        retryAfter: Number(slowed.headers['retry-after']),
      };
    }
    const [known, unknown] = Object.values(answers);
    expect(known.statuses).toEqual([...Array(FAILURES_TO_SLOW).fill(401), 429]);
    expect(unknown.statuses).toEqual(known.statuses);
    expect(unknown.detail).toBe(known.detail);
    for (const answer of [known, unknown]) {
      expect(answer.retryAfter).toBe(ACCOUNT_SIGN_IN_DELAY.firstDelaySeconds);
    }
  });

  it('should count a burst of guesses sent at once one by one, so the burst gets no more tries', async () => {
    const user = await createUser(t.db, { role: Role.ParticipationOfficer });
    const burst = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => signIn(t, user.email, `parallel guess ${i}`, newAddress())),
    );
    const statuses = burst.map((res) => res.status).sort();
    expect(statuses).toEqual([
      ...Array(FAILURES_TO_SLOW).fill(401),
      ...Array(20 - FAILURES_TO_SLOW).fill(429),
    ]);
    for (const res of burst) expectProblem(res, res.status);
  });

  it('should let the right password in once the wait is over, without having locked the account', async () => {
    const user = await createUser(t.db, { role: Role.ParticipationOfficer });
    for (let i = 0; i < FAILURES_TO_SLOW; i++)
      await signIn(t, user.email, `wrong ${i} password`, newAddress());
    // Even the right password waits: otherwise the wait would not slow guessing.
    expectProblem(await signIn(t, user.email, TEST_PASSWORD, newAddress()), 429);
    // A second before the wait is over it still waits, for the second that is left.
    clock.advance(ACCOUNT_SIGN_IN_DELAY.firstDelaySeconds - 1);
    const almost = await signIn(t, user.email, TEST_PASSWORD, newAddress());
    expectProblem(almost, 429);
    expect(almost.headers['retry-after']).toBe('1');
    clock.advance(1);
    expect((await signIn(t, user.email, TEST_PASSWORD, newAddress())).status).toBe(200);
    // And a right password forgets the count: the next slip is a plain 401.
    expectProblem(await signIn(t, user.email, 'one more slip here', newAddress()), 401);
  });

  it('should let an administrator lift the slow-down, audited', async () => {
    const admin = await t.signInAs(Role.Administrator);
    const user = await createUser(t.db, { role: Role.SeniorLeader });
    for (let i = 0; i < FAILURES_TO_SLOW; i++)
      await signIn(t, user.email, `wrong ${i} password`, newAddress());
    expectProblem(await signIn(t, user.email, TEST_PASSWORD, newAddress()), 429);
    const lifted = await admin.post(`/api/users/${user.id}/lift-sign-in-delay`);
    expect(lifted.status).toBe(201);
    expect((await signIn(t, user.email, TEST_PASSWORD, newAddress())).status).toBe(200);
    const audit = await t.db
      .getRepository(AuditEvent)
      .findBy({ entityId: user.id, actorUserId: admin.user.id, action: AuditAction.Update });
    expect(audit.map((a) => a.detail)).toContainEqual({ change: 'lift_sign_in_delay', lifted: 1 });
  });

  it('should do the same password work for a known, an unknown, an invited and a deactivated email', async () => {
    const active = await createUser(t.db, { role: Role.Practitioner });
    const invited = await createUser(t.db, {
      role: Role.Practitioner,
      status: 'invited',
      passwordHash: null,
    });
    const gone = await createUser(t.db, { role: Role.Practitioner, status: 'deactivated' });
    const work: Record<string, { hashes: number; verifications: number }> = {};
    for (const [label, email, password] of [
      ['known, wrong password', active.email, 'not the password at all'],
      ['unknown', 'never.heard.of@test.heard.example', 'not the password at all'],
      ['invited', invited.email, TEST_PASSWORD],
      ['deactivated, right password', gone.email, TEST_PASSWORD],
      ['known, right password', active.email, TEST_PASSWORD],
    ]) {
      const before = { ...passwordWork };
      const res = await signIn(t, email, password, newAddress());
      expect(res.status).toBe(label === 'known, right password' ? 200 : 401);
      work[label] = {
        hashes: passwordWork.hashes - before.hashes,
        verifications: passwordWork.verifications - before.verifications,
      };
    }
    for (const counted of Object.values(work)) expect(counted).toEqual({ hashes: 0, verifications: 1 });
  });

  it('should verify unknown emails against a dummy hash made with the same parameters as real ones', async () => {
    const real = await hashPassword('some password for the shape');
    const parameters = (hash: string) => hash.split('$').slice(1, 4).join('$');
    expect(parameters(DUMMY_PASSWORD_HASH)).toBe(parameters(real));
  });
});

describe('sign-in limit per client address', () => {
  let t: TestApp;

  beforeAll(async () => {
    // No TRUSTED_PROXIES: the default outside development. A clock that stands still keeps the waits in force.
    t = await createTestApp({ LOGIN_ATTEMPTS_PER_15_MINUTES: '3' }, { clock: new ManualClock() });
  });
  afterAll(() => t.close());

  it('should not count successful sign-ins against the address', async () => {
    const user = await createUser(t.db, { role: Role.Practitioner });
    for (let i = 0; i < 6; i++) expect((await signIn(t, user.email, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) {
      expectProblem(await signIn(t, `address.${i}@test.heard.example`, 'wrong password here'), 401);
    }
    const slowed = await signIn(t, 'address.last@test.heard.example', 'wrong password here');
    expectProblem(slowed, 429);
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('should ignore X-Forwarded-For from a proxy nobody named, so a client cannot choose its address', async () => {
    // The address of the previous test is slowed down; a made-up forwarded address does not escape it.
    const res = await signIn(t, 'escape@test.heard.example', 'wrong password here', '192.0.2.77');
    expectProblem(res, 429);
  });
});

describe('sign-in limit behind a named proxy', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(
      { LOGIN_ATTEMPTS_PER_15_MINUTES: '3', TRUSTED_PROXIES: '127.0.0.1, ::1' },
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  it('should count per forwarded client when the proxy is named in TRUSTED_PROXIES', async () => {
    for (let i = 0; i < 4; i++) {
      expectProblem(
        await signIn(t, `proxy.${i}@test.heard.example`, 'wrong password here', '192.0.2.10'),
        401,
      );
    }
    expectProblem(await signIn(t, 'proxy.x@test.heard.example', 'wrong password here', '192.0.2.10'), 429);
    expectProblem(await signIn(t, 'proxy.y@test.heard.example', 'wrong password here', '192.0.2.11'), 401);
  });
});
