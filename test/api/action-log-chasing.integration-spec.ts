import { Logger } from '@nestjs/common';
import { Role, addDays, zonedToUtc } from '@heard/domain';
import { ChaseJob } from '@heard/api/app/action-log/chase.job';
import { Clock } from '@heard/api/platform/clock';
import { openDatabase } from '@heard/api/platform/database/database';
import { MailService } from '@heard/api/platform/mail/mail.service';
import { MailWorker } from '@heard/api/platform/mail/mail.worker';
import { DataSource } from 'typeorm';
import { makeAction, makeItem, tell } from './support/action-log-office-fixtures';
import { serverTestUrl } from './support/server-databases';
import { SmtpSink, startSmtpSink } from './support/smtp-sink';
import { TestApp, TestUser, createTestApp, createUser } from './support/test-app';

const onServer = serverTestUrl() !== null;

// A job built outside a Nest app would log to the console; the app in this file logs nothing either.
beforeAll(() => Logger.overrideLogger(false));

interface ReminderRow {
  kind: string;
  subject_id: string;
  user_id: string;
  mail_id: string | null;
}

/**
 * The daily chasing (issue 12 §6): owners of We wills due within the week or overdue, officers
 * about items not acknowledged in time and loops open a month after the action was done; through
 * the outbox to a real SMTP listener; once a day, even with two processes running it at once.
 */
describe('action log chasing', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let second: DataSource;
  let jobs: ChaseJob[];
  let officerA: TestUser;
  let officerB: TestUser;
  let owner: TestUser;
  // 09:00 UK time on a fixed day, so "due within a week" and "a month ago" do not move under the test.
  const today = '2026-11-18';
  const at = zonedToUtc(today, '09:00');
  const ids: Record<string, string> = {};

  const reminders = async (): Promise<ReminderRow[]> =>
    t.db.query(
      `SELECT kind, subject_id, user_id, mail_id FROM action_log_reminders ORDER BY on_date, kind, user_id, subject_id`,
    );

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ SMTP_URL: sink.url, CHASE_HOUR: '8' });
    // On the server the second job has its own connection pool, as a second API process would, so
    // both really run at once; PGlite is one connection in one process, so they share it.
    second = onServer
      ? await openDatabase(
          { databaseUrl: t.config.databaseUrl, pgliteDir: undefined },
          { runMigrations: false },
        )
      : t.db;
    const clock = t.app.get(Clock);
    jobs = [t.app.get(ChaseJob), new ChaseJob(second, new MailService(), clock, t.config)];

    officerA = await createUser(t.db, {
      role: Role.ParticipationOfficer,
      email: 'chase.officer.a@test.heard.example',
    });
    officerB = await createUser(t.db, {
      role: Role.ParticipationOfficer,
      email: 'chase.officer.b@test.heard.example',
    });
    await createUser(t.db, {
      role: Role.ParticipationOfficer,
      email: 'chase.officer.gone@test.heard.example',
      status: 'deactivated',
    });
    owner = await createUser(t.db, { role: Role.Practitioner, email: 'chase.owner@test.heard.example' });
    const by = officerA.id;
    const late = new Date(at.getTime() - 3600_000);
    const notYet = new Date(at.getTime() + 72 * 3600_000);

    ids.unacknowledged = await makeItem(t.db, {
      createdBy: by,
      words: 'Nobody took this on',
      acknowledgeBy: late,
    });
    await makeItem(t.db, { createdBy: by, words: 'Still in time', acknowledgeBy: notYet });
    const answered = await makeItem(t.db, { createdBy: by, acknowledgedBy: by, acknowledgeBy: late });
    ids.dueSoon = await makeAction(t.db, {
      createdBy: by,
      itemIds: [answered],
      status: 'planned',
      words: 'Evening sessions from January',
      ownerId: owner.id,
      dueOn: addDays(today, 7),
    });
    ids.overdue = await makeAction(t.db, {
      createdBy: by,
      itemIds: [answered],
      status: 'in_progress',
      words: 'Shorter letters',
      ownerId: owner.id,
      dueOn: addDays(today, -2),
    });
    await makeAction(t.db, {
      createdBy: by,
      itemIds: [answered],
      status: 'planned',
      ownerId: owner.id,
      dueOn: addDays(today, 8),
    });
    ids.openLoop = await makeItem(t.db, {
      createdBy: by,
      words: 'Done, never told',
      acknowledgedBy: officerB.id,
    });
    await makeAction(t.db, {
      createdBy: by,
      itemIds: [ids.openLoop],
      status: 'done',
      doneOn: addDays(today, -30),
    });
    const toldLoop = await makeItem(t.db, { createdBy: by, acknowledgedBy: officerB.id });
    const toldAction = await makeAction(t.db, {
      createdBy: by,
      itemIds: [toldLoop],
      status: 'done',
      doneOn: addDays(today, -40),
    });
    await tell(t.db, { itemId: toldLoop, actionId: toldAction, toldBy: by });
    const recentLoop = await makeItem(t.db, { createdBy: by, acknowledgedBy: officerB.id });
    await makeAction(t.db, {
      createdBy: by,
      itemIds: [recentLoop],
      status: 'done',
      doneOn: addDays(today, -29),
    });
  });

  afterAll(async () => {
    if (second && second !== t.db) await second.destroy();
    await t?.close();
    await sink?.close();
  });

  it('runs only from CHASE_HOUR, UK time', () => {
    expect(jobs[0].isTime(zonedToUtc(today, '07:59'))).toBe(false);
    expect(jobs[0].isTime(zonedToUtc(today, '08:00'))).toBe(true);
    expect(jobs[0].isTime(zonedToUtc(today, '23:30'))).toBe(true);
  });

  it('sends each reminder once when two processes run the job at the same moment', async () => {
    const counts = await Promise.all(jobs.map((job) => job.runOnce(at)));
    const expected = [
      { kind: 'loop_not_closed', subject_id: ids.openLoop, user_id: officerB.id },
      { kind: 'not_acknowledged', subject_id: ids.unacknowledged, user_id: officerA.id },
      { kind: 'not_acknowledged', subject_id: ids.unacknowledged, user_id: officerB.id },
      { kind: 'we_will_due', subject_id: ids.dueSoon, user_id: owner.id },
      { kind: 'we_will_overdue', subject_id: ids.overdue, user_id: owner.id },
    ].sort((a, b) => `${a.kind}${a.user_id}`.localeCompare(`${b.kind}${b.user_id}`));
    expect(counts[0] + counts[1]).toBe(5);
    const rows = await reminders();
    expect(rows.map(({ mail_id: _m, ...r }) => r)).toEqual(expected);
    expect(rows.every((r) => r.mail_id !== null)).toBe(true);

    // One email a person, listing everything they are chased about.
    const outbox: { to: string; subject: string; text: string }[] = await t.db.query(
      `SELECT to_address AS to, subject, text_body AS text FROM mail_outbox
        WHERE kind = 'action_log_reminder' ORDER BY to_address`,
    );
    expect(outbox.map((m) => m.to)).toEqual([
      'chase.officer.a@test.heard.example',
      'chase.officer.b@test.heard.example',
      'chase.owner@test.heard.example',
    ]);
    const ownerMail = outbox[2];
    expect(ownerMail.subject).toBe('Heard: 2 things in the action log need you');
    expect(ownerMail.text).toContain(`A We will you own was due on ${addDays(today, -2)}: “Shorter letters”`);
    expect(ownerMail.text).toContain(
      `A We will you own is due on ${addDays(today, 7)}: “Evening sessions from January”`,
    );
    expect(ownerMail.text).toContain('http://heard.test/action-log/queue');
    expect(outbox[1].text).toContain('the young people who spoke have not been told: “Done, never told”');
    expect(outbox[0].text).toContain('Nobody has acknowledged this You said in time: “Nobody took this on”');

    const timeline: { item_id: string; event: string; detail: { kind: string } }[] = await t.db.query(
      `SELECT item_id, event, detail FROM you_said_timeline WHERE event = 'reminded' ORDER BY id`,
    );
    expect(timeline.map((e) => e.detail.kind).sort()).toEqual([
      'loop_not_closed',
      'not_acknowledged',
      'not_acknowledged',
      'we_will_due',
      'we_will_overdue',
    ]);

    // The reminder arrives, once, at a real SMTP listener.
    await t.app.get(MailWorker).runOnce();
    expect(
      sink.received
        .map((m) => m.to)
        .flat()
        .sort(),
    ).toEqual(outbox.map((m) => m.to));
  });

  it('sends nothing more the same day, however often it runs, and chases again the next day', async () => {
    expect(await Promise.all(jobs.map((job) => job.runOnce(new Date(at.getTime() + 4 * 3600_000))))).toEqual([
      0, 0,
    ]);
    expect(await reminders()).toHaveLength(5);
    const tomorrow = new Date(at.getTime() + 24 * 3600_000);
    const counts = await Promise.all(jobs.map((job) => job.runOnce(tomorrow)));
    // Tomorrow the We will due in 8 days is within the week too, and the We did of 29 days ago is
    // a month old with nobody told.
    expect(counts[0] + counts[1]).toBe(7);
    expect(await reminders()).toHaveLength(12);
    await t.app.get(MailWorker).runOnce();
    expect(sink.received).toHaveLength(6);
  });

  it('stops chasing what has been done', async () => {
    await t.db.query(
      `UPDATE you_said_items SET acknowledged_by = $1, acknowledged_at = now() WHERE id = $2`,
      [officerA.id, ids.unacknowledged],
    );
    await t.db.query(`UPDATE actions SET status = 'done', done_on = $1 WHERE id IN ($2, $3)`, [
      addDays(today, 2),
      ids.dueSoon,
      ids.overdue,
    ]);
    await t.db.query(`UPDATE users SET status = 'deactivated' WHERE id = $1`, [officerB.id]);
    expect(await jobs[1].runOnce(new Date(at.getTime() + 2 * 24 * 3600_000))).toBe(1);
    const [last] = (await reminders()).slice(-1);
    expect(last).toMatchObject({ kind: 'we_will_due', user_id: owner.id });
  });
});
