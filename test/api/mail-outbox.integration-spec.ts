import { Role } from '@heard/domain';
import { MailMessage } from '@heard/api/platform/mail/mail-message.entity';
import { MailService } from '@heard/api/platform/mail/mail.service';
import { MailWorker } from '@heard/api/platform/mail/mail.worker';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp, createTestApp } from './support/test-app';
import { SmtpSink, SmtpVerdict, startSmtpSink } from './support/smtp-sink';

async function inviteSomeone(t: TestApp, email: string): Promise<string> {
  const admin = await t.signInAs(Role.Administrator);
  const res = await admin.post('/api/users', { email, displayName: 'Mail Test', role: 'practitioner' });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/**
 * One app and one SMTP server for the tests that need a server that answers, built once: a test
 * app per test made this file the slowest to set up on a loaded machine. Each test says how the
 * server answers, and starts from an empty outbox and a server that has seen nothing.
 */
let verdict: (attempt: number) => SmtpVerdict = () => 'accept';
let sink: SmtpSink;
let t: TestApp;

beforeAll(async () => {
  sink = await startSmtpSink((attempt) => verdict(attempt));
  t = await createTestApp({ SMTP_URL: sink.url });
});

afterAll(async () => {
  await t?.close();
  await sink?.close();
});

beforeEach(async () => {
  verdict = () => 'accept';
  sink.reset();
  await t.db.query(`DELETE FROM mail_outbox`);
});

describe('the mail outbox over real SMTP', () => {
  it('should deliver an invitation once, with a Message-ID fixed by its outbox row', async () => {
    const userId = await inviteSomeone(t, 'smtp.once@test.heard.example');
    const worker = t.app.get(MailWorker);
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0);
    expect(sink.received).toHaveLength(1);
    const row = await t.db.getRepository(MailMessage).findOneByOrFail({ relatedId: userId });
    expect(row.status).toBe('sent');
    expect(sink.received[0].to).toEqual(['smtp.once@test.heard.example']);
    expect(sink.received[0].messageId).toBe(`<outbox-${row.id}@heard.test>`);
    expect(sink.received[0].raw).toMatch(/Choose your password/);
    // Sent: the body (with its personal link) is gone, the record of who, what and when stays.
    expect(row).toMatchObject({
      textBody: null,
      htmlBody: null,
      toAddress: 'smtp.once@test.heard.example',
      kind: expect.any(String),
      subject: expect.any(String),
    });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it('should keep a message when the server says 451 and deliver it when the server accepts', async () => {
    verdict = (attempt) => (attempt === 1 ? { code: 451, message: 'Try again later' } : 'accept');
    const userId = await inviteSomeone(t, 'smtp.retry@test.heard.example');
    const worker = t.app.get(MailWorker);
    await worker.runOnce();
    let row = await t.db.getRepository(MailMessage).findOneByOrFail({ relatedId: userId });
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toMatch(/451/);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Still to send, so the body is kept.
    expect(row.textBody).toMatch(/Choose your password/);
    // Bring the retry forward instead of waiting out the backoff.
    await t.db
      .getRepository(MailMessage)
      .update({ id: row.id }, { nextAttemptAt: new Date(Date.now() - 1000) });
    await worker.runOnce();
    row = await t.db.getRepository(MailMessage).findOneByOrFail({ relatedId: userId });
    expect(row.status).toBe('sent');
    expect([row.textBody, row.htmlBody]).toEqual([null, null]);
    expect(sink.received).toHaveLength(1);
  });

  it('should stop at a permanent refusal (550) and keep the server’s reason', async () => {
    verdict = () => ({ code: 550, message: 'No such mailbox here' });
    const userId = await inviteSomeone(t, 'smtp.refused@test.heard.example');
    const worker = t.app.get(MailWorker);
    await worker.runOnce();
    await t.db.query(`UPDATE mail_outbox SET next_attempt_at = now() - interval '1 hour'`);
    expect(await worker.runOnce()).toBe(0);
    const row = await t.db.getRepository(MailMessage).findOneByOrFail({ relatedId: userId });
    expect(row.status).toBe('failed');
    expect(row.lastError).toMatch(/550.*No such mailbox/);
    expect([row.textBody, row.htmlBody]).toEqual([null, null]);
    expect(sink.attempts()).toBe(1);
  });

  it('should keep mail, with the reason, while the SMTP server is down', async () => {
    // Its own app: one whose SMTP server is never there.
    const t = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:1?starttls=off' });
    try {
      const userId = await inviteSomeone(t, 'smtp.down@test.heard.example');
      await t.app.get(MailWorker).runOnce();
      const row = await t.db.getRepository(MailMessage).findOneByOrFail({ relatedId: userId });
      expect(row.status).toBe('pending');
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await t.close();
    }
  });
});

describe('mail status for officers', () => {
  it('should give the latest message’s status for each related id, with the server’s reason', async () => {
    verdict = (attempt) => (attempt === 1 ? 'accept' : { code: 550, message: 'Mailbox unavailable' });
    const delivered = await inviteSomeone(t, 'status.sent@test.heard.example');
    await t.app.get(MailWorker).runOnce();
    const refused = await inviteSomeone(t, 'status.refused@test.heard.example');
    await t.app.get(MailWorker).runOnce();
    const waiting = await inviteSomeone(t, 'status.waiting@test.heard.example');
    const mail = t.app.get(MailService);
    const statuses = await mail.statusFor(t.db.manager, 'user', [delivered, refused, waiting, randomUUID()]);
    expect(statuses.size).toBe(3);
    expect(statuses.get(delivered)).toMatchObject({ status: 'sent', lastError: null, attempts: 1 });
    expect(statuses.get(delivered)?.sentAt).toBeInstanceOf(Date);
    expect(statuses.get(refused)).toMatchObject({ status: 'failed', attempts: 1, sentAt: null });
    expect(statuses.get(refused)?.lastError).toMatch(/550.*Mailbox unavailable/);
    expect(statuses.get(waiting)).toMatchObject({ status: 'pending', attempts: 0, uncertain: false });

    // A newer message about the same person is the one shown.
    await t.db.transaction((em) =>
      mail.enqueue(em, {
        kind: 'test',
        to: 'status.refused@test.heard.example',
        subject: 'Again',
        text: 'Again',
        related: { type: 'user', id: refused },
      }),
    );
    expect((await mail.statusFor(t.db.manager, 'user', [refused])).get(refused)?.status).toBe('pending');
    expect((await mail.statusFor(t.db.manager, 'user', [])).size).toBe(0);
  });
});

describe('mail without SMTP_URL', () => {
  it('should write each message as an .eml file under DATA_DIR/mail', async () => {
    // Its own app: one without SMTP_URL.
    const t = await createTestApp();
    try {
      await inviteSomeone(t, 'eml@test.heard.example');
      await t.app.get(MailWorker).runOnce();
      const dir = join(t.config.dataDir, 'mail');
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      const eml = readFileSync(join(dir, files[0]), 'utf8');
      expect(eml).toMatch(/^To: eml@test\.heard\.example$/m);
      expect(eml).toMatch(/^Subject: Your Heard account$/m);
    } finally {
      await t.close();
    }
  });
});
