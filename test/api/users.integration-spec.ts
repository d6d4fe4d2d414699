import { AuditAction, Role } from '@heard/domain';
import { AuditEvent } from '@heard/api/platform/audit/audit-event.entity';
import { MailMessage } from '@heard/api/platform/mail/mail-message.entity';
import { User } from '@heard/api/app/users/entities/user.entity';
import { totpAt } from '@heard/api/platform/auth/totp';
import {
  SignedInClient,
  TEST_PASSWORD,
  TestApp,
  countRows,
  createTestApp,
  expectProblem,
} from './support/test-app';

describe('administrators manage users', () => {
  let t: TestApp;
  let admin: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signInAs(Role.Administrator);
  });
  afterAll(() => t.close());

  it('should invite by email, queue the invitation mail in the same transaction, and audit it', async () => {
    const res = await admin.post('/api/users', {
      email: ' New.Officer@Test.Heard.Example ',
      displayName: 'Nia Fenwick',
      role: 'participation_officer',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: 'new.officer@test.heard.example',
      status: 'invited',
      role: 'participation_officer',
    });
    expect(res.body).not.toHaveProperty('passwordHash');
    expect(res.body).not.toHaveProperty('invitationTokenHash');

    const mail = await t.db.getRepository(MailMessage).findOneByOrFail({ relatedId: res.body.id });
    expect(mail).toMatchObject({
      kind: 'staff_invitation',
      toAddress: 'new.officer@test.heard.example',
      status: 'pending',
    });
    const link = /http:\/\/heard\.test\/welcome\/([A-Za-z0-9_-]+)/.exec(mail.textBody ?? '');
    expect(link).not.toBeNull();

    const audit = await t.db
      .getRepository(AuditEvent)
      .findOneByOrFail({ entityId: res.body.id, action: AuditAction.Create });
    expect(audit.actorUserId).toBe(admin.user.id);

    // The invited person sets a password through the link and can then sign in.
    const weak = await t
      .anonymous()
      .post('/api/auth/accept-invitation')
      .send({ token: link![1], password: 'short' });
    expectProblem(weak, 400);
    expect(weak.body.errors.password[0]).toMatch(/at least 12/);
    const ok = await t
      .anonymous()
      .post('/api/auth/accept-invitation')
      .send({ token: link![1], password: 'a brand new passphrase' });
    expect(ok.status).toBe(204);
    const reused = await t
      .anonymous()
      .post('/api/auth/accept-invitation')
      .send({ token: link![1], password: 'a brand new passphrase' });
    expectProblem(reused, 404);
    const signedIn = await t.signIn('new.officer@test.heard.example', 'a brand new passphrase');
    expect(signedIn.session.user.role).toBe('participation_officer');
  });

  it('should refuse a second account with the same email, whatever its case, and write nothing', async () => {
    await admin.post('/api/users', {
      email: 'twice@test.heard.example',
      displayName: 'Once',
      role: 'practitioner',
    });
    const before = await countRows(t.db, 'mail_outbox');
    const res = await admin.post('/api/users', {
      email: 'TWICE@test.heard.example',
      displayName: 'Twice',
      role: 'practitioner',
    });
    expectProblem(res, 400);
    expect(res.body.errors.email[0]).toMatch(/already has an account/);
    expect(await countRows(t.db, 'mail_outbox')).toBe(before);
  });

  it('should change a role, with the change taking effect at once', async () => {
    const worker = await t.signInAs(Role.Practitioner);
    expectProblem(await worker.get('/api/users'), 403);
    const res = await admin.patch(`/api/users/${worker.user.id}/role`, { role: 'administrator' });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('administrator');
    expect(res.body.secondFactorRequired).toBe(true);
    // Administrators must have a second factor: the open session may only set one up first.
    const limited = await worker.get('/api/users');
    expectProblem(limited, 401);
    expect(limited.body.code).toBe('sign_in_incomplete');
    expect((await worker.get('/api/auth/session')).body.pendingStep).toBe('enrol_second_factor');
    const start = await worker.post('/api/auth/totp/enrolment', { password: TEST_PASSWORD });
    expect(start.status).toBe(200);
    const confirm = await worker.post('/api/auth/totp/enrolment/confirm', {
      code: totpAt(start.body.secret as string, new Date()),
    });
    expect(confirm.status).toBe(200);
    expect((await worker.get('/api/users')).status).toBe(200);
    const roleChanges = (
      await t.db.getRepository(AuditEvent).findBy({ entityId: worker.user.id, action: AuditAction.Update })
    ).filter((a) => a.detail['change'] === 'change_role');
    expect(roleChanges).toHaveLength(1);
    expect(roleChanges[0].detail).toMatchObject({
      change: 'change_role',
      from: 'practitioner',
      to: 'administrator',
    });
  });

  it('should not let an administrator lock themselves out', async () => {
    expectProblem(await admin.patch(`/api/users/${admin.user.id}/role`, { role: 'practitioner' }), 409);
    expectProblem(await admin.post(`/api/users/${admin.user.id}/deactivate`), 409);
    expect((await t.db.getRepository(User).findOneByOrFail({ id: admin.user.id })).role).toBe(
      'administrator',
    );
  });

  it('should reactivate a deactivated account', async () => {
    const worker = await t.signInAs(Role.SeniorLeader);
    await admin.post(`/api/users/${worker.user.id}/deactivate`);
    expectProblem(await admin.post(`/api/users/${worker.user.id}/deactivate`), 409);
    const res = await admin.post(`/api/users/${worker.user.id}/reactivate`);
    expect(res.body.status).toBe('active');
  });

  it('should sign someone out everywhere at once, audited, and let them sign in again', async () => {
    const leader = await t.signInAs(Role.SeniorLeader);
    const elsewhere = await t.signIn(leader.user.email);
    expect((await leader.get('/api/auth/session')).status).toBe(200);
    const res = await admin.post(`/api/users/${leader.user.id}/end-sessions`);
    expect(res.status).toBe(201);
    expectProblem(await leader.get('/api/auth/session'), 401);
    expectProblem(await elsewhere.get('/api/auth/session'), 401);
    // The administrator's own session is untouched.
    expect((await admin.get('/api/auth/session')).status).toBe(200);
    const audit = await t.db
      .getRepository(AuditEvent)
      .findBy({ entityId: leader.user.id, actorUserId: admin.user.id, action: AuditAction.Update });
    expect(audit.map((a) => a.detail)).toContainEqual({ change: 'end_sessions', sessionsEnded: 2 });
    expect((await (await t.signIn(leader.user.email)).get('/api/auth/session')).status).toBe(200);
  });

  it('should list users a page at a time', async () => {
    const res = await admin.get('/api/users?page=1&pageSize=2');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.total).toBeGreaterThan(2);
    expectProblem(await admin.get('/api/users?pageSize=1000'), 400);
  });
});

describe('the audit log', () => {
  let t: TestApp;
  let admin: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signInAs(Role.Administrator);
  });
  afterAll(() => t.close());

  it('should let administrators filter by action, record type and actor', async () => {
    const other = await t.signInAs(Role.Practitioner);
    await other.get('/api/users'); // refused, and audited
    const refused = await admin.get(`/api/audit?action=access_refused&actorUserId=${other.user.id}`);
    expect(refused.status).toBe(200);
    expect(refused.body.total).toBe(1);
    expect(refused.body.items[0]).toMatchObject({
      action: 'access_refused',
      entityType: 'route',
      actorUserId: other.user.id,
    });

    const signIns = await admin.get('/api/audit?action=sign_in&entityType=user');
    expect(signIns.body.items.map((e: { actorUserId: string }) => e.actorUserId)).toEqual(
      expect.arrayContaining([admin.user.id, other.user.id]),
    );
    const future = await admin.get('/api/audit?from=2999-01-01T00:00:00Z');
    expect(future.body.total).toBe(0);
  });

  it('should refuse filters it does not know, and badly formed dates', async () => {
    expectProblem(await admin.get('/api/audit?who=me'), 400);
    const res = await admin.get('/api/audit?from=yesterday');
    expectProblem(res, 400);
    expect(res.body.errors).toHaveProperty('from');
  });
});

describe('health', () => {
  it('should say ok when the database answers and 503 when it does not', async () => {
    const t = await createTestApp();
    try {
      expect((await t.anonymous().get('/api/health')).body).toEqual({ status: 'ok', database: 'up' });
      // Take the database away for real: the pool is closed, every query now fails.
      await t.db.destroy();
      const res = await t.anonymous().get('/api/health');
      expectProblem(res, 503);
      expect(res.body.detail).toBe('The database is not answering.');
    } finally {
      await t.close();
    }
  });
});
