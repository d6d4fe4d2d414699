import { ACCOUNT_SIGN_IN_DELAY, AuditAction, PASSWORD_MAX_LENGTH, Role } from '@heard/domain';
import { AuditEvent } from '@heard/api/platform/audit/audit-event.entity';
import { Session } from '@heard/api/platform/auth/session.entity';
import {
  SignedInClient,
  TEST_PASSWORD,
  TestApp,
  countRows,
  createTestApp,
  createUser,
  expectProblem,
} from './support/test-app';

const NEW_PASSWORD = 'quiet harbour lanterns 7';

describe('changing one’s own password and email (re-authenticated)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function stored(userId: string) {
    const [row] = await t.db.query(
      `SELECT email, password_hash, updated_at, password_reset_token_hash FROM users WHERE id = $1`,
      [userId],
    );
    return row as {
      email: string;
      password_hash: string;
      updated_at: Date;
      password_reset_token_hash: string | null;
    };
  }

  async function mailsTo(address: string): Promise<{ kind: string; subject: string; text_body: string }[]> {
    return t.db.query(
      `SELECT kind, subject, text_body FROM mail_outbox WHERE to_address = $1 ORDER BY created_at`,
      [address],
    );
  }

  async function liveSessions(userId: string): Promise<number> {
    const [row] = await t.db.query(
      `SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND ended_at IS NULL`,
      [userId],
    );
    return (row as { n: number }).n;
  }

  async function signedIn(role: Role): Promise<SignedInClient> {
    return t.signIn((await createUser(t.db, { role })).email);
  }

  describe('POST /api/account/password', () => {
    it('should set the new password, end the other sessions only, mail the owner and audit it', async () => {
      const me = await signedIn(Role.ParticipationOfficer);
      const elsewhere = await t.signIn(me.user.email);
      expect(await liveSessions(me.user.id)).toBe(2);

      const res = await me.post('/api/account/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ otherSessionsEnded: 1 });
      expect((await me.get('/api/home')).status).toBe(200);
      expectProblem(await elsewhere.get('/api/home'), 401);
      expect(await liveSessions(me.user.id)).toBe(1);
      const ended = await t.db
        .getRepository(Session)
        .findBy({ userId: me.user.id, endedReason: 'password_changed' });
      expect(ended).toHaveLength(1);

      expectProblem(
        await t.anonymous().post('/api/auth/sign-in').send({ email: me.user.email, password: TEST_PASSWORD }),
        401,
      );
      expect((await t.signIn(me.user.email, NEW_PASSWORD)).user.id).toBe(me.user.id);

      const mails = await mailsTo(me.user.email);
      expect(mails.map((m) => m.subject)).toEqual(['Your Heard password has been changed']);
      const audit = await t.db
        .getRepository(AuditEvent)
        .findBy({ entityId: me.user.id, actorUserId: me.user.id, action: AuditAction.Update });
      expect(audit.map((a) => a.detail)).toEqual([{ change: 'password_changed', otherSessionsEnded: 1 }]);
      // Neither password is in the audit log.
      expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
    });

    it('should refuse a wrong current password with 400 on the field, change nothing, and slow down like sign-in (429)', async () => {
      const me = await signedIn(Role.Practitioner);
      const before = await stored(me.user.id);
      for (let i = 0; i < ACCOUNT_SIGN_IN_DELAY.freeFailures + 1; i++) {
        const wrong = await me.post('/api/account/password', {
          currentPassword: 'not my password at all',
          newPassword: NEW_PASSWORD,
        });
        expectProblem(wrong, 400);
        expect(wrong.body.errors).toEqual({ currentPassword: ['That password is not right.'] });
      }
      // Even the right password now waits, and so does the sign-in page for this email.
      const slowed = await me.post('/api/account/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expectProblem(slowed, 429);
      expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);
      const signIn = await t
        .anonymous()
        .post('/api/auth/sign-in')
        .send({ email: me.user.email, password: TEST_PASSWORD });
      expectProblem(signIn, 429);
      expectProblem(
        await me.post('/api/account/email', {
          currentPassword: TEST_PASSWORD,
          newEmail: 'somewhere.new@test.heard.example',
        }),
        429,
      );

      expect(await stored(me.user.id)).toEqual(before);
      expect(await mailsTo(me.user.email)).toEqual([]);
      expect((await me.get('/api/home')).status).toBe(200);
      const failures = await t.db
        .getRepository(AuditEvent)
        .findBy({ entityId: me.user.id, action: AuditAction.SignInFailed });
      expect(failures.map((f) => f.detail)).toEqual(
        Array.from({ length: ACCOUNT_SIGN_IN_DELAY.freeFailures + 1 }, () => ({
          reason: 'wrong_reauthentication_password',
        })),
      );
    });

    it('should refuse a weak or common new password with 400 on newPassword, and change nothing', async () => {
      const me = await signedIn(Role.SeniorLeader);
      const before = await stored(me.user.id);
      for (const [newPassword, problem] of [
        ['short one', /at least 12 characters/],
        ['iloveyou1234', /common or leaked/],
        ['HeardCouncil2026!', /words about Heard/],
        [me.user.email.split('@')[0] + '-and-more', /email/],
      ] as const) {
        const res = await me.post('/api/account/password', { currentPassword: TEST_PASSWORD, newPassword });
        expectProblem(res, 400);
        expect(res.body.errors.newPassword[0]).toMatch(problem);
      }
      expect(await stored(me.user.id)).toEqual(before);
      expect(await mailsTo(me.user.email)).toEqual([]);
    });

    it('should answer missing, invalid and oversized fields with 400 problem+json and change nothing', async () => {
      const me = await signedIn(Role.Practitioner);
      const before = await stored(me.user.id);
      const auditBefore = await countRows(t.db, 'audit_events');
      const cases: [object | undefined, string][] = [
        [undefined, 'currentPassword'],
        [{}, 'currentPassword'],
        [{ currentPassword: TEST_PASSWORD }, 'newPassword'],
        [{ newPassword: NEW_PASSWORD }, 'currentPassword'],
        [{ currentPassword: '', newPassword: NEW_PASSWORD }, 'currentPassword'],
        [{ currentPassword: TEST_PASSWORD, newPassword: 12345678901234 }, 'newPassword'],
        [{ currentPassword: TEST_PASSWORD, newPassword: 'x'.repeat(PASSWORD_MAX_LENGTH + 1) }, 'newPassword'],
        [
          { currentPassword: 'x'.repeat(PASSWORD_MAX_LENGTH + 1), newPassword: NEW_PASSWORD },
          'currentPassword',
        ],
        [{ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, role: 'administrator' }, 'role'],
      ];
      for (const [body, field] of cases) {
        const res = await me.post('/api/account/password', body);
        expectProblem(res, 400);
        expect(Object.keys(res.body.errors ?? {})).toContain(field);
      }
      expect(await stored(me.user.id)).toEqual(before);
      expect(await countRows(t.db, 'audit_events')).toBe(auditBefore);
    });

    it('should refuse a signed-out caller (401) and a young expert (403)', async () => {
      expectProblem(
        await t
          .anonymous()
          .post('/api/account/password')
          .send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }),
        401,
      );
      const young = await t.signInAs(Role.YoungExpert);
      const before = await stored(young.user.id);
      expectProblem(
        await young.post('/api/account/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: NEW_PASSWORD,
        }),
        403,
      );
      expect(await stored(young.user.id)).toEqual(before);
    });
  });

  describe('POST /api/account/email', () => {
    it('should change the email (lower case), tell the old address, keep the session, and audit it without addresses', async () => {
      const me = await signedIn(Role.Administrator);
      const oldEmail = me.user.email;
      const newEmail = `moved.${Date.now()}@test.heard.example`;
      const res = await me.post('/api/account/email', {
        currentPassword: TEST_PASSWORD,
        newEmail: `  ${newEmail.toUpperCase()} `,
      });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ id: me.user.id, email: newEmail });
      expect((await stored(me.user.id)).email).toBe(newEmail);
      expect((await me.get('/api/auth/session')).body.user.email).toBe(newEmail);

      const told = await mailsTo(oldEmail);
      expect(told.map((m) => m.kind)).toEqual(['email_changed']);
      expect(told[0].subject).toBe('Your Heard email address has been changed');
      expect(told[0].text_body).toContain(newEmail);
      expect(await mailsTo(newEmail)).toEqual([]);

      expectProblem(
        await t.anonymous().post('/api/auth/sign-in').send({ email: oldEmail, password: TEST_PASSWORD }),
        401,
      );
      expect((await t.signIn(newEmail)).user.id).toBe(me.user.id);

      const audit = await t.db
        .getRepository(AuditEvent)
        .findBy({ entityId: me.user.id, actorUserId: me.user.id, action: AuditAction.Update });
      expect(audit.map((a) => a.detail)).toEqual([{ change: 'email_changed' }]);
      expect(JSON.stringify(audit)).not.toContain(oldEmail);
      expect(JSON.stringify(audit)).not.toContain(newEmail);
    });

    it('should refuse an email someone else has with 409 on newEmail, whatever its case, and change nothing', async () => {
      const me = await signedIn(Role.Practitioner);
      const other = await createUser(t.db, { role: Role.Practitioner });
      const before = await stored(me.user.id);
      const res = await me.post('/api/account/email', {
        currentPassword: TEST_PASSWORD,
        newEmail: other.email.toUpperCase(),
      });
      expectProblem(res, 409);
      expect(Object.keys(res.body.errors)).toEqual(['newEmail']);
      // The answer says the address is taken, and nothing about whose it is.
      expect(JSON.stringify(res.body)).not.toContain(other.id);
      expect(JSON.stringify(res.body)).not.toContain(other.displayName);
      expect(await stored(me.user.id)).toEqual(before);
      expect(await mailsTo(me.user.email)).toEqual([]);
      const same = await me.post('/api/account/email', {
        currentPassword: TEST_PASSWORD,
        newEmail: me.user.email,
      });
      expectProblem(same, 400);
      expect(await stored(me.user.id)).toEqual(before);
    });

    it('should refuse a wrong current password with 400 and change nothing', async () => {
      const me = await signedIn(Role.ParticipationOfficer);
      const before = await stored(me.user.id);
      const res = await me.post('/api/account/email', {
        currentPassword: 'not my password at all',
        newEmail: 'somewhere.else@test.heard.example',
      });
      expectProblem(res, 400);
      expect(res.body.errors).toEqual({ currentPassword: ['That password is not right.'] });
      expect(await stored(me.user.id)).toEqual(before);
      expect(await mailsTo(me.user.email)).toEqual([]);
    });

    it('should answer missing, invalid and oversized fields with 400 problem+json and change nothing', async () => {
      const me = await signedIn(Role.Practitioner);
      const before = await stored(me.user.id);
      const auditBefore = await countRows(t.db, 'audit_events');
      const cases: [object | undefined, string][] = [
        [undefined, 'currentPassword'],
        [{ currentPassword: TEST_PASSWORD }, 'newEmail'],
        [{ newEmail: 'new.one@test.heard.example' }, 'currentPassword'],
        [{ currentPassword: TEST_PASSWORD, newEmail: 'not an email' }, 'newEmail'],
        [{ currentPassword: TEST_PASSWORD, newEmail: 42 }, 'newEmail'],
        [{ currentPassword: TEST_PASSWORD, newEmail: `${'a'.repeat(250)}@test.heard.example` }, 'newEmail'],
        [
          { currentPassword: 'x'.repeat(PASSWORD_MAX_LENGTH + 1), newEmail: 'new.one@test.heard.example' },
          'currentPassword',
        ],
        [
          { currentPassword: TEST_PASSWORD, newEmail: 'new.one@test.heard.example', id: 'someone-else' },
          'id',
        ],
      ];
      for (const [body, field] of cases) {
        const res = await me.post('/api/account/email', body);
        expectProblem(res, 400);
        expect(Object.keys(res.body.errors ?? {})).toContain(field);
      }
      expect(await stored(me.user.id)).toEqual(before);
      expect(await countRows(t.db, 'audit_events')).toBe(auditBefore);
    });

    it('should refuse a signed-out caller with 401', async () => {
      expectProblem(
        await t
          .anonymous()
          .post('/api/account/email')
          .send({ currentPassword: TEST_PASSWORD, newEmail: 'new.one@test.heard.example' }),
        401,
      );
    });
  });

  describe('where I am signed in (GET /api/account/sessions, POST /api/account/sessions/end)', () => {
    it('should list my own sessions only, this one first, without their ids', async () => {
      const me = await signedIn(Role.ParticipationOfficer);
      const elsewhere = await t.signIn(me.user.email);
      await signedIn(Role.ParticipationOfficer);
      const res = await me.get('/api/account/sessions');
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(2);
      expect(res.body[0]).toMatchObject({ current: true, signedInWith: ['password', 'otp'] });
      expect(res.body[1].current).toBe(false);
      const ids: { id: string }[] = await t.db.query(`SELECT id FROM sessions WHERE user_id = $1`, [
        me.user.id,
      ]);
      for (const { id } of ids) expect(JSON.stringify(res.body)).not.toContain(id);
      expect((await elsewhere.get('/api/account/sessions')).body[0].current).toBe(true);
    });

    it('should sign out one other place after the password again, audited, and not this one', async () => {
      const me = await signedIn(Role.Practitioner);
      const elsewhere = await t.signIn(me.user.email);
      const [, other] = (await me.get('/api/account/sessions')).body as { ref: string; current: boolean }[];
      const [here] = (await me.get('/api/account/sessions')).body as { ref: string }[];
      expectProblem(
        await me.post('/api/account/sessions/end', { currentPassword: 'not my password', ref: other.ref }),
        400,
      );
      expect((await elsewhere.get('/api/auth/session')).status).toBe(200);
      const itself = await me.post('/api/account/sessions/end', {
        currentPassword: TEST_PASSWORD,
        ref: here.ref,
      });
      expectProblem(itself, 400);
      expect(itself.body.errors.ref).toBeDefined();
      const ended = await me.post('/api/account/sessions/end', {
        currentPassword: TEST_PASSWORD,
        ref: other.ref,
      });
      expect(ended.status).toBe(200);
      expect(ended.body).toEqual({ sessionsEnded: 1 });
      expectProblem(await elsewhere.get('/api/auth/session'), 401);
      expect((await me.get('/api/auth/session')).status).toBe(200);
      expectProblem(
        await me.post('/api/account/sessions/end', { currentPassword: TEST_PASSWORD, ref: other.ref }),
        404,
      );
      const audit = await t.db
        .getRepository(AuditEvent)
        .findBy({ entityId: me.user.id, action: AuditAction.Update });
      expect(audit.map((a) => a.detail)).toContainEqual({ change: 'sessions_ended', sessionsEnded: 1 });
    });

    it('should sign out everywhere else at once', async () => {
      const me = await signedIn(Role.Practitioner);
      const one = await t.signIn(me.user.email);
      const two = await t.signIn(me.user.email);
      const res = await me.post('/api/account/sessions/end', {
        currentPassword: TEST_PASSWORD,
        everywhereElse: true,
      });
      expect(res.body).toEqual({ sessionsEnded: 2 });
      expectProblem(await one.get('/api/auth/session'), 401);
      expectProblem(await two.get('/api/auth/session'), 401);
      expect(await liveSessions(me.user.id)).toBe(1);
    });

    it("should not let me sign out someone else's session", async () => {
      const me = await signedIn(Role.Practitioner);
      const them = await signedIn(Role.Practitioner);
      const [theirs] = (await them.get('/api/account/sessions')).body as { ref: string }[];
      expectProblem(
        await me.post('/api/account/sessions/end', { currentPassword: TEST_PASSWORD, ref: theirs.ref }),
        404,
      );
      expect((await them.get('/api/auth/session')).status).toBe(200);
    });

    it('should answer bad bodies with 400 problem+json, and the signed out with 401, ending nothing', async () => {
      const me = await signedIn(Role.Practitioner);
      await t.signIn(me.user.email);
      const auditBefore = await countRows(t.db, 'audit_events');
      const [, other] = (await me.get('/api/account/sessions')).body as { ref: string }[];
      for (const body of [
        {},
        { currentPassword: TEST_PASSWORD },
        { currentPassword: TEST_PASSWORD, ref: other.ref, everywhereElse: true },
        { currentPassword: TEST_PASSWORD, ref: 'not a ref' },
        { currentPassword: TEST_PASSWORD, ref: 'x'.repeat(5000) },
        { currentPassword: TEST_PASSWORD, everywhereElse: false },
        { currentPassword: TEST_PASSWORD, everywhereElse: true, userId: me.user.id },
        { currentPassword: 'x'.repeat(PASSWORD_MAX_LENGTH + 1), everywhereElse: true },
      ]) {
        expectProblem(await me.post('/api/account/sessions/end', body), 400);
      }
      expect(await liveSessions(me.user.id)).toBe(2);
      expect(await countRows(t.db, 'audit_events')).toBe(auditBefore);
      expectProblem(await t.anonymous().get('/api/account/sessions'), 401);
      expectProblem(
        await t
          .anonymous()
          .post('/api/account/sessions/end')
          .send({ currentPassword: TEST_PASSWORD, everywhereElse: true }),
        401,
      );
    });
  });
});
