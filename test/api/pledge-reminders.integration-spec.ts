import { Logger } from '@nestjs/common';
import { PledgeResponse, Role, addDays, zonedToUtc } from '@heard/domain';
import { PledgeReminderJob } from '@heard/api/app/pledges/pledge-reminder.job';
import { Clock } from '@heard/api/platform/clock';
import { openDatabase } from '@heard/api/platform/database/database';
import { MailService } from '@heard/api/platform/mail/mail.service';
import { MailWorker } from '@heard/api/platform/mail/mail.worker';
import { DataSource } from 'typeorm';
import { makeTheme } from './support/action-log-office-fixtures';
import { pledgeRequest } from './support/pledge-fixtures';
import { serverTestUrl } from './support/server-databases';
import { SmtpSink, startSmtpSink } from './support/smtp-sink';
import { ManualClock, SignedInClient, TestApp, createTestApp } from './support/test-app';

const onServer = serverTestUrl() !== null;

beforeAll(() => Logger.overrideLogger(false));

/**
 * Reminders before a pledge's update is due (issue 13 §2, docs/pledges.md "Reminders"): through the
 * outbox to a real SMTP listener, once per due date, even with two processes running the job at
 * the same moment; on a fixed clock, so "a week before" does not move under the test.
 */
describe('pledge reminders', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let second: DataSource;
  let jobs: PledgeReminderJob[];
  let clock: ManualClock;
  let dana: SignedInClient;
  let officer: SignedInClient;
  let due: PledgeResponse;
  let notYet: PledgeResponse;
  let waitingId: string;
  const today = '2026-11-18';
  const at = zonedToUtc(today, '09:00');
  const dayAfter = (n: number) => new Date(at.getTime() + n * 24 * 3600_000);

  const reminders = async (): Promise<{ pledge_id: string; due_on: string; mail_id: string | null }[]> =>
    t.db.query(`SELECT pledge_id, due_on::text, mail_id FROM pledge_reminders ORDER BY due_on, pledge_id`);
  const mails = async (): Promise<{ to: string; subject: string; text: string }[]> =>
    t.db.query(
      `SELECT to_address AS to, subject, text_body AS text FROM mail_outbox WHERE kind = 'pledge_update_due'
        ORDER BY created_at, id`,
    );

  beforeAll(async () => {
    sink = await startSmtpSink();
    clock = new ManualClock(at);
    t = await createTestApp({ SMTP_URL: sink.url, CHASE_HOUR: '8' }, { clock });
    second = onServer
      ? await openDatabase(
          { databaseUrl: t.config.databaseUrl, pgliteDir: undefined },
          { runMigrations: false },
        )
      : t.db;
    jobs = [
      t.app.get(PledgeReminderJob),
      new PledgeReminderJob(second, new MailService(), t.app.get(Clock), t.config),
    ];
    officer = await t.signInAs(Role.ParticipationOfficer);
    dana = await t.signInAs(Role.SeniorLeader, {
      displayName: 'Dana Fairweather',
      email: 'dana.fairweather@test.heard.example',
    });
    const themeId = await makeTheme(t.db, 'Our language');
    // Made 25 days ago, monthly: due in 5 days, reminded from 2 days ago.
    due = (
      await dana.post('/api/pledges', {
        ...pledgeRequest(themeId, { madeOn: addDays(today, -25), targetDate: addDays(today, 200) }),
        forum: 'Managers’ forum',
        words: 'My service will stop saying “LAC” in meetings.',
      })
    ).body as PledgeResponse;
    expect(due.nextUpdateDue).toBe(addDays(today, 5));
    // Made yesterday, monthly: reminded in 22 days.
    notYet = (
      await dana.post(
        '/api/pledges',
        pledgeRequest(themeId, { madeOn: addDays(today, -1), targetDate: addDays(today, 200) }),
      )
    ).body as PledgeResponse;
    // Waiting for Dana to confirm, though its reminder day has come: not reminded until she does.
    const waiting = await officer.post('/api/pledges', {
      ...pledgeRequest(themeId, {
        madeById: dana.user.id,
        madeOn: addDays(today, -28),
        targetDate: addDays(today, 200),
      }),
    });
    expect(waiting.body.status).toBe('unconfirmed');
    waitingId = waiting.body.id;
  });

  afterAll(async () => {
    if (second && second !== t.db) await second.destroy();
    await t?.close();
    await sink?.close();
  });

  it('runs only from CHASE_HOUR, UK time', () => {
    expect(jobs[0].isTime(zonedToUtc(today, '07:59'))).toBe(false);
    expect(jobs[0].isTime(zonedToUtc(today, '08:00'))).toBe(true);
  });

  it('emails the leader once when two processes run the job at the same moment', async () => {
    const counts = await Promise.all(jobs.map((job) => job.runOnce(at)));
    expect(counts[0] + counts[1]).toBe(1);
    const rows = await reminders();
    expect(rows).toEqual([{ pledge_id: due.id, due_on: addDays(today, 5), mail_id: expect.any(String) }]);
    const [mail] = await mails();
    expect(mail.to).toBe('dana.fairweather@test.heard.example');
    expect(mail.subject).toBe(`Heard: an update on your pledge is due on ${addDays(today, 5)}`);
    expect(mail.text).toContain('“My service will stop saying “LAC” in meetings.”');
    expect(mail.text).toContain(`at Managers’ forum on ${addDays(today, -25)}`);
    expect(mail.text).toContain(`http://heard.test/pledges/${due.id}`);
    const timeline: { event: string; detail: { dueOn: string }; by_user: string | null }[] = await t.db.query(
      `SELECT event, detail, by_user FROM pledge_timeline WHERE pledge_id = $1 AND event = 'reminded'`,
      [due.id],
    );
    expect(timeline).toEqual([
      { event: 'reminded', detail: { dueOn: addDays(today, 5), onDate: today }, by_user: null },
    ]);

    await t.app.get(MailWorker).runOnce();
    expect(sink.received.map((m) => m.to).flat()).toEqual(['dana.fairweather@test.heard.example']);
  });

  it('sends nothing more for the same due date, later that day or on the days after', async () => {
    for (const n of [0.2, 1, 2, 4])
      expect(await Promise.all(jobs.map((job) => job.runOnce(dayAfter(n))))).toEqual([0, 0]);
    expect(await reminders()).toHaveLength(1);
    await t.app.get(MailWorker).runOnce();
    expect(sink.received).toHaveLength(1);
  });

  it('reminds again for the next due date once the leader has updated, and the other pledge on its own day', async () => {
    clock.advance(3 * 24 * 3600);
    const updated = await dana.post(`/api/pledges/${due.id}/updates`, {
      notedOn: addDays(today, 3),
      words: 'Meetings now start with a reminder about our words.',
    });
    expect(updated.status).toBe(201);
    expect(updated.body.nextUpdateDue).toBe(addDays(today, 33));
    // Reminded a week before the new due date (day 26), and the pledge made yesterday on day 22.
    expect(await jobs[1].runOnce(dayAfter(21))).toBe(0);
    expect(await jobs[1].runOnce(dayAfter(22))).toBe(1);
    expect(await jobs[0].runOnce(dayAfter(25))).toBe(0);
    const counts = await Promise.all(jobs.map((job) => job.runOnce(dayAfter(26))));
    expect(counts[0] + counts[1]).toBe(1);
    expect((await reminders()).map((r) => [r.pledge_id, r.due_on])).toEqual([
      [due.id, addDays(today, 5)],
      [notYet.id, addDays(today, 29)],
      [due.id, addDays(today, 33)],
    ]);
    await t.app.get(MailWorker).runOnce();
    expect(sink.received).toHaveLength(3);
  });

  it('does not remind about a withdrawn pledge, and reminds about one once its leader confirms it', async () => {
    const moved = await dana.post(`/api/pledges/${notYet.id}/updates`, {
      notedOn: addDays(today, 3),
      words: 'Started with one team.',
    });
    expect(moved.body.nextUpdateDue).toBe(addDays(today, 33));
    const withdrawn = await dana.patch(`/api/pledges/${notYet.id}`, {
      expectedUpdatedAt: moved.body.updatedAt,
      status: 'withdrawn',
      statusReason: 'The team it was about has merged into another.',
    });
    expect(withdrawn.status).toBe(200);
    for (const n of [26, 33, 60]) expect(await jobs[0].runOnce(dayAfter(n))).toBe(0);
    expect((await reminders()).filter((r) => r.pledge_id === notYet.id)).toHaveLength(1);

    // The pledge waiting for Dana was never reminded; confirmed, its overdue update is, once.
    const confirmed = await dana.post(`/api/pledges/${waitingId}/confirmation`, { answer: 'confirm' });
    expect(confirmed.status).toBe(200);
    const counts = await Promise.all(jobs.map((job) => job.runOnce(dayAfter(60))));
    expect(counts[0] + counts[1]).toBe(1);
    expect(await jobs[1].runOnce(dayAfter(61))).toBe(0);
    expect((await reminders()).filter((r) => r.pledge_id === waitingId)).toEqual([
      { pledge_id: waitingId, due_on: addDays(today, 2), mail_id: expect.any(String) },
    ]);
  });
});
