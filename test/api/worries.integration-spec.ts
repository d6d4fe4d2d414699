import { AuditAction, NO_SAFEGUARDING_CONTACTS_WARNING, Role, WORRY_WORDS_MAX } from '@heard/domain';
import { AuditEvent } from '@heard/api/platform/audit/audit-event.entity';
import { MailMessage } from '@heard/api/platform/mail/mail-message.entity';
import { MailWorker } from '@heard/api/platform/mail/mail.worker';
import { WorriesService } from '@heard/api/app/worries/worries.service';
import { WORRY_MAIL_SUBJECT } from '@heard/api/app/worries/worry-mail';
import { TrustedAdultRelationship } from '@heard/domain';
import { SmtpSink, startSmtpSink } from './support/smtp-sink';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';
import { createYoungPerson, planActivity } from './support/factories';

/**
 * Worries (docs/worries.md). One app and one SMTP sink for the file; the tests run in order and
 * the first one relies on there being no safeguarding contact yet.
 */
describe('worries reach the safeguarding contacts at once', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let admin: SignedInClient;
  let officer: SignedInClient;

  const worryMails = (worryId: string) =>
    t.db.getRepository(MailMessage).find({ where: { relatedType: 'worry', relatedId: worryId } });
  const auditOf = (worryId: string, action: AuditAction) =>
    t.db
      .getRepository(AuditEvent)
      .find({ where: { entityType: 'worry' as never, entityId: worryId, action } });
  const written = async () => ({
    worries: await countRows(t.db, 'worries'),
    mail: await countRows(t.db, 'mail_outbox'),
    audit: await countRows(t.db, 'audit_events'),
  });

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ SMTP_URL: sink.url });
    admin = await t.signInAs(Role.Administrator, { displayName: 'Ada Admin' });
    officer = await t.signInAs(Role.ParticipationOfficer, { displayName: 'Olu Officer' });
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('should keep a worry and say so plainly when no one is a safeguarding contact, and warn administrators', async () => {
    const home = await admin.get('/api/home');
    expect(home.body.warnings).toEqual([NO_SAFEGUARDING_CONTACTS_WARNING]);

    const res = await officer.post('/api/worries', { words: 'Kai said he is scared to go home.' });
    expect(res.status).toBe(201);
    expect(res.body.contactsTold).toBe(0);
    expect(res.body.message).toMatch(/no one is set as a safeguarding contact yet, so no one has been told/);
    const [row]: { words: string; source_kind: string; raised_by: string }[] = await t.db.query(
      `SELECT words, source_kind, raised_by FROM worries WHERE id = $1`,
      [res.body.id],
    );
    expect(row).toEqual({
      words: 'Kai said he is scared to go home.',
      source_kind: 'staff',
      raised_by: officer.user.id,
    });
    expect(await worryMails(res.body.id)).toEqual([]);
  });

  let contactA: SignedInClient;
  let contactB: SignedInClient;

  it('should let an administrator set and unset the flag, audited, and lift the warning', async () => {
    contactA = await t.signInAs(Role.SeniorLeader, { displayName: 'Sade Lead' });
    contactB = await t.signInAs(Role.Practitioner, { displayName: 'Pat Worker' });
    for (const c of [contactA, contactB]) {
      const res = await admin.patch(`/api/users/${c.user.id}/safeguarding-contact`, {
        safeguardingContact: true,
      });
      expect(res.status).toBe(200);
      expect(res.body.safeguardingContact).toBe(true);
    }
    const audits = await t.db.getRepository(AuditEvent).find({
      where: { entityId: contactA.user.id, action: AuditAction.Update },
    });
    expect(audits.map((a) => a.detail)).toEqual([{ change: 'safeguarding_contact', from: 0, to: 1 }]);
    expect(audits[0].actorUserId).toBe(admin.user.id);
    expect((await admin.get('/api/home')).body.warnings).toEqual([]);

    // Set and unset someone else: the unset is audited too, and they stop receiving worries.
    const other = await t.signInAs(Role.ParticipationOfficer);
    await admin.patch(`/api/users/${other.user.id}/safeguarding-contact`, { safeguardingContact: true });
    const off = await admin.patch(`/api/users/${other.user.id}/safeguarding-contact`, {
      safeguardingContact: false,
    });
    expect(off.body.safeguardingContact).toBe(false);
    const otherAudits = await t.db.getRepository(AuditEvent).find({
      where: { entityId: other.user.id, action: AuditAction.Update },
      order: { at: 'ASC' },
    });
    expect(otherAudits.map((a) => a.detail)).toEqual([
      { change: 'safeguarding_contact', from: 0, to: 1 },
      { change: 'safeguarding_contact', from: 1, to: 0 },
    ]);
  });

  it('should refuse the flag to anyone but an administrator, and bad bodies, changing nothing', async () => {
    expectProblem(
      await officer.patch(`/api/users/${officer.user.id}/safeguarding-contact`, {
        safeguardingContact: true,
      }),
      403,
    );
    for (const body of [
      {},
      { safeguardingContact: 'yes' },
      { safeguardingContact: true, role: 'administrator' },
    ]) {
      expectProblem(await admin.patch(`/api/users/${officer.user.id}/safeguarding-contact`, body), 400);
    }
    const [row]: { safeguarding_contact: boolean }[] = await t.db.query(
      `SELECT safeguarding_contact FROM users WHERE id = $1`,
      [officer.user.id],
    );
    expect(row.safeguarding_contact).toBe(false);
  });

  let worryId: string;

  it('should send each contact exactly one email, with who, when and the words, and put it on their home page', async () => {
    const yp = await createYoungPerson(officer, { preferredName: 'Robin' });
    const before = sink.received.length;
    const res = await officer.post('/api/worries', {
      words: 'Robin said someone at home hit them.',
      youngPersonId: yp.id,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      contactsTold: 2,
      message: expect.stringMatching(/all 2 safeguarding contacts/),
    });
    worryId = res.body.id;

    const mails = await worryMails(worryId);
    expect(mails.map((m) => m.toAddress).sort()).toEqual([contactA.user.email, contactB.user.email].sort());
    for (const m of mails) {
      expect(m.subject).toBe(WORRY_MAIL_SUBJECT);
      expect(m.subject).not.toMatch(/Robin/);
      expect(m.textBody).toMatch(/Who: Robin/);
      expect(m.textBody).toMatch(/When: /);
      expect(m.textBody).toMatch(/by Olu Officer/);
      expect(m.textBody).toContain('Robin said someone at home hit them.');
      expect(m.textBody).toContain(`http://heard.test/worries/${worryId}`);
    }
    // Delivered once each over SMTP; afterwards the outbox forgets the bodies, so the words go too.
    const worker = t.app.get(MailWorker);
    while ((await worker.runOnce()) > 0);
    const delivered = sink.received.slice(before);
    expect(delivered.map((m) => m.to[0]).sort()).toEqual([contactA.user.email, contactB.user.email].sort());
    expect((await worryMails(worryId)).map((m) => [m.status, m.textBody])).toEqual([
      ['sent', null],
      ['sent', null],
    ]);

    for (const contact of [contactA, contactB]) {
      const home = await contact.get('/api/home');
      expect(home.body.worriesToAcknowledge).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: worryId,
            words: 'Robin said someone at home hit them.',
            youngPerson: { id: yp.id, preferredName: 'Robin' },
            raisedBy: { id: officer.user.id, displayName: 'Olu Officer' },
            acknowledgedAt: null,
          }),
        ]),
      );
    }
    expect((await officer.get('/api/home')).body.worriesToAcknowledge).toBeNull();
    expect((await admin.get('/api/home')).body.worriesToAcknowledge).toBeNull();
  });

  it('should show worries to contacts only, auditing every read and every refusal', async () => {
    for (const other of [officer, admin]) {
      expectProblem(await other.get('/api/worries'), 403);
      expectProblem(await other.get(`/api/worries/${worryId}`), 403);
      expectProblem(await other.post(`/api/worries/${worryId}/acknowledge`, {}), 403);
    }
    expect((await auditOf(worryId, AuditAction.AccessRefused)).length).toBe(4);

    const readsBefore = (await auditOf(worryId, AuditAction.Read)).length;
    for (let i = 0; i < 2; i++) {
      const res = await contactA.get(`/api/worries/${worryId}`);
      expect(res.status).toBe(200);
      expect(res.body.words).toBe('Robin said someone at home hit them.');
    }
    const reads = await auditOf(worryId, AuditAction.Read);
    expect(reads.length).toBe(readsBefore + 2);
    expect(reads.every((r) => r.actorUserId === contactA.user.id)).toBe(true);

    const list = await contactB.get('/api/worries');
    expect(list.status).toBe(200);
    expect(list.body.items[0].acknowledgedAt).toBeNull();
    expect(list.body.total).toBeGreaterThanOrEqual(2);
    expectProblem(await contactA.get('/api/worries/6f1c2a52-7a5e-4d8e-9a55-3b7c1f0e2d11'), 404);
  });

  it('should be acknowledged once, by a named contact, audited; a second time is a conflict', async () => {
    const res = await contactB.post(`/api/worries/${worryId}/acknowledge`, {
      note: 'Phoned the social worker.',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      acknowledgedBy: { id: contactB.user.id, displayName: 'Pat Worker' },
      acknowledgementNote: 'Phoned the social worker.',
      acknowledgedAt: expect.any(String),
    });
    const again = await contactA.post(`/api/worries/${worryId}/acknowledge`, {});
    expectProblem(again, 409);
    expect(again.body.detail).toMatch(/Pat Worker has already acknowledged/);
    const acks = await auditOf(worryId, AuditAction.Update);
    expect(acks.map((a) => [a.actorUserId, a.detail])).toEqual([
      [contactB.user.id, { event: 'acknowledge', withNote: true }],
    ]);
    // Acknowledged: off the home panel, still on the list after the waiting ones.
    const home = await contactA.get('/api/home');
    expect(home.body.worriesToAcknowledge.map((w: { id: string }) => w.id)).not.toContain(worryId);
    const list = await contactA.get('/api/worries');
    const ids = list.body.items.map((w: { id: string; acknowledgedAt: string | null }) => [
      w.id,
      w.acknowledgedAt === null,
    ]);
    const firstAcknowledged = ids.findIndex(([, waiting]: [string, boolean]) => !waiting);
    expect(ids.slice(firstAcknowledged).every(([, waiting]: [string, boolean]) => !waiting)).toBe(true);
  });

  it('should stop showing worries the moment the flag is unset', async () => {
    const former = await t.signInAs(Role.ParticipationOfficer);
    await admin.patch(`/api/users/${former.user.id}/safeguarding-contact`, { safeguardingContact: true });
    expect((await former.get(`/api/worries/${worryId}`)).status).toBe(200);
    await admin.patch(`/api/users/${former.user.id}/safeguarding-contact`, { safeguardingContact: false });
    expectProblem(await former.get(`/api/worries/${worryId}`), 403);
  });

  it.each<[string, object | undefined]>([
    ['no body', undefined],
    ['no words', { youngPersonId: null }],
    ['empty words', { words: '   ' }],
    ['words that are not text', { words: ['scared'] }],
    ['words too long', { words: 'a'.repeat(WORRY_WORDS_MAX + 1) }],
    ['an unknown field', { words: 'Scared.', urgent: true }],
    ['a young person id that is not an id', { words: 'Scared.', youngPersonId: 'robin' }],
  ])('should refuse %s with problem+json and write nothing', async (_name, body) => {
    const before = await written();
    expectProblem(await officer.post('/api/worries', body), 400);
    expect(await written()).toEqual(before);
  });

  it('should refuse a signed-out raise or read with 401', async () => {
    const anon = t.anonymous();
    expectProblem(await anon.post('/api/worries').send({ words: 'Scared.' }), 401);
    expectProblem(await anon.get('/api/worries'), 401);
    expectProblem(await anon.get(`/api/worries/${worryId}`), 401);
  });

  it('should refuse a practitioner naming a young person they are not linked to, writing nothing', async () => {
    const practitioner = await t.signInAs(Role.Practitioner);
    const notTheirs = await createYoungPerson(officer, { preferredName: 'Morgan' });
    const theirs = await createYoungPerson(officer, {
      preferredName: 'Ezra',
      trustedAdults: [{ userId: practitioner.user.id, relationship: TrustedAdultRelationship.SocialWorker }],
    });
    const before = await written();
    const res = await practitioner.post('/api/worries', {
      words: 'Morgan is afraid.',
      youngPersonId: notTheirs.id,
    });
    expectProblem(res, 400);
    expect(Object.keys(res.body.errors)).toEqual(['youngPersonId']);
    expect(res.body.detail).not.toMatch(/Morgan/);
    expect(await written()).toEqual(before);

    const ok = await practitioner.post('/api/worries', {
      words: 'Ezra is afraid.',
      youngPersonId: theirs.id,
    });
    expect(ok.status).toBe(201);
    expect(ok.body.contactsTold).toBe(2);
  });

  it('should reach the contacts from a round link with no identity, with the round and the occasion', async () => {
    const day = await planActivity(officer, { title: 'Summer makers day' });
    expect(day.status).toBe(201);
    const roundId = '0b7d3a8e-4c1f-4f7a-9f3e-2a1b5c6d7e8f';
    const raised = await t.app.get(WorriesService).raise(null, {
      words: 'I do not feel safe at home.',
      source: { kind: 'round_link', id: roundId },
      occasion: { kind: 'activity_day', id: day.body.id },
      youngPersonId: null,
    });
    expect(raised.contactsTold).toBe(2);
    const mails = await worryMails(raised.id);
    expect(mails).toHaveLength(2);
    for (const m of mails) {
      expect(m.textBody).toMatch(/Who: a young person using a round link \(no name given\)/);
      expect(m.textBody).toContain(`Round: ${roundId}`);
      expect(m.textBody).toMatch(/Occasion: Activity day, Summer makers day/);
      expect(m.textBody).toContain('I do not feel safe at home.');
    }
    const shown = await contactA.get(`/api/worries/${raised.id}`);
    expect(shown.body).toMatchObject({
      youngPerson: null,
      raisedBy: null,
      source: { kind: 'round_link', id: roundId },
      occasion: { kind: 'activity_day', id: day.body.id },
    });
    const [created] = await auditOf(raised.id, AuditAction.Create);
    expect(created.actorUserId).toBeNull();
  });

  it('should never put the words in the audit log, and refuse to delete a worry', async () => {
    const log = await admin.get('/api/audit?pageSize=200');
    expect(log.status).toBe(200);
    expect(log.body.items.some((e: { entityType: string }) => e.entityType === 'worry')).toBe(true);
    const text = JSON.stringify(log.body);
    for (const words of ['scared to go home', 'hit them', 'afraid', 'feel safe at home', 'social worker'])
      expect(text).not.toContain(words);
    await expect(t.db.query(`DELETE FROM worries WHERE id = $1`, [worryId])).rejects.toThrow(/never deleted/);
    expect(await countRows(t.db, 'worries')).toBeGreaterThanOrEqual(4);
  });
});
