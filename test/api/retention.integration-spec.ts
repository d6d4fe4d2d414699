import { Logger } from '@nestjs/common';
import {
  RETENTION_RULES,
  RetentionKind,
  RetentionRunResponse,
  Role,
  addDays,
  retentionRule,
  todayInLondon,
} from '@heard/domain';
import { REMOVED, REMOVED_ADDRESS } from '@heard/api/app/retention/retention-sweeps';
import { RetentionJob } from '@heard/api/app/retention/retention.job';
import { AuditService } from '@heard/api/platform/audit/audit.service';
import { openDatabase } from '@heard/api/platform/database/database';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { serverTestUrl } from './support/server-databases';
import {
  ManualClock,
  SignedInClient,
  TestApp,
  TestUser,
  createTestApp,
  createUser,
  expectProblem,
} from './support/test-app';

const onServer = serverTestUrl() !== null;
const K = RetentionKind;

beforeAll(() => Logger.overrideLogger(false));

/** A fixed instant: 10:00 in London on a winter day, so UK dates and UTC agree. */
const NOW = new Date('2026-12-05T10:00:00Z');
const TODAY = todayInLondon(NOW);
const DAY_MS = 86_400_000;
const days = (kind: RetentionKind) => retentionRule(kind).defaultDays;
/** A day inside the kind's default period, and a day past it. */
const insideAt = (kind: RetentionKind) => new Date(NOW.getTime() - (days(kind) - 1) * DAY_MS);
const pastAt = (kind: RetentionKind) => new Date(NOW.getTime() - (days(kind) + 1) * DAY_MS);
const insideOn = (kind: RetentionKind) => addDays(TODAY, -(days(kind) - 1));
const pastOn = (kind: RetentionKind) => addDays(TODAY, -(days(kind) + 1));
const hex64 = () => randomBytes(32).toString('hex');

/**
 * Retention (issue 17 §1, docs/retention.md): administrators see and set each kind's period
 * within its bounds, and the daily job anonymises what has passed it: once, however many
 * processes run it, and a second run changes nothing.
 */
describe('retention', () => {
  let t: TestApp;
  let admin: SignedInClient;
  let officer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signInAs(Role.Administrator);
    officer = await createUser(t.db, { role: Role.ParticipationOfficer });
  });

  afterAll(async () => {
    await t?.close();
  });

  const settings = async () =>
    (await t.db.query(`SELECT kind, days, updated_by FROM retention_settings ORDER BY kind`)) as {
      kind: string;
      days: number;
      updated_by: string;
    }[];

  describe('the periods an administrator sees and sets', () => {
    it('lists every kind with its default, bounds, reason and the period in force', async () => {
      const res = await admin.get('/api/retention').expect(200);
      expect(res.body.kinds.map((k: { kind: string }) => k.kind)).toEqual(RETENTION_RULES.map((r) => r.kind));
      const invitation = res.body.kinds.find((k: { kind: string }) => k.kind === 'invitation');
      expect(invitation).toMatchObject({
        days: 730,
        defaultDays: 730,
        minDays: 365,
        maxDays: 2190,
        updatedAt: null,
      });
      expect(invitation.reason.length).toBeGreaterThan(20);
    });

    it('sets a period within its bounds, audited with from and to', async () => {
      const res = await admin.put('/api/retention/mail_outbox', { days: 90 }).expect(200);
      expect(res.body).toMatchObject({ kind: 'mail_outbox', days: 90, defaultDays: 182 });
      expect(await settings()).toEqual([{ kind: 'mail_outbox', days: 90, updated_by: admin.user.id }]);
      const [audit] = await t.db.query(
        `SELECT actor_user_id, entity_id, detail FROM audit_events
          WHERE entity_type = 'retention' ORDER BY at DESC LIMIT 1`,
      );
      expect(audit).toEqual({
        actor_user_id: admin.user.id,
        entity_id: 'mail_outbox',
        detail: { event: 'period_set', fromDays: 182, toDays: 90 },
      });
      // Back to the default, so the job below runs on the documented periods.
      await admin.put('/api/retention/mail_outbox', { days: 182 }).expect(200);
      const listed = await admin.get('/api/retention').expect(200);
      expect(listed.body.kinds.find((k: { kind: string }) => k.kind === 'mail_outbox').days).toBe(182);
    });

    it.each([
      ['out of bounds, below', 'invitation', { days: 364 }, 400, 'At least 1 year (365 days)'],
      ['out of bounds, above', 'worry', { days: 9126 }, 400, 'At most 25 years (9125 days)'],
      ['invalid: a string', 'invitation', { days: '730' }, 400, 'Give a number of days.'],
      ['invalid: a fraction', 'invitation', { days: 400.5 }, 400, 'Use a whole number of days.'],
      ['invalid: an unknown field', 'invitation', { days: 730, kind: 'worry' }, 400, null],
      ['missing', 'invitation', {}, 400, 'Give a number of days.'],
      ['oversized: a huge number', 'invitation', { days: 1e300 }, 400, null],
      ['an unknown kind', 'case_notes', { days: 730 }, 404, null],
    ])('refuses %s with problem+json and changes nothing', async (_what, kind, body, status, words) => {
      const before = await settings();
      const res = await admin.put(`/api/retention/${kind}`, body);
      expectProblem(res, status);
      if (words) expect(JSON.stringify(res.body)).toContain(words);
      expect(await settings()).toEqual(before);
    });

    it('refuses an oversized body with problem+json and changes nothing', async () => {
      const before = await settings();
      const res = await admin.put('/api/retention/invitation', { days: 730, pad: 'x'.repeat(2_000_000) });
      expectProblem(res, 413);
      expect(await settings()).toEqual(before);
    });

    it('is for administrators only: others are refused and change nothing', async () => {
      const before = await settings();
      const officerClient = await t.signInAs(Role.ParticipationOfficer);
      expectProblem(await officerClient.get('/api/retention'), 403);
      expectProblem(await officerClient.put('/api/retention/invitation', { days: 400 }), 403);
      const leader = await t.signInAs(Role.SeniorLeader);
      expectProblem(await leader.put('/api/retention/invitation', { days: 400 }), 403);
      expectProblem(await t.anonymous().get('/api/retention'), 401);
      expectProblem(await t.anonymous().put('/api/retention/invitation').send({ days: 400 }), 401);
      expect(await settings()).toEqual(before);
    });
  });

  describe('the daily job', () => {
    let second: DataSource;
    let jobs: RetentionJob[];
    const ids: Record<string, string> = {};
    /** How many records each kind should anonymise: one a day past its period for each. */
    const expected: Record<RetentionKind, number> = {
      [RetentionKind.YoungPerson]: 2,
      [RetentionKind.Invitation]: 1,
      [RetentionKind.ConsentRecord]: 1,
      [RetentionKind.Evaluation]: 1,
      [RetentionKind.YouSaidAttribution]: 1,
      [RetentionKind.OneToOne]: 1,
      [RetentionKind.Worry]: 1,
      [RetentionKind.MailOutbox]: 1,
      [RetentionKind.AuditActor]: 1,
      [RetentionKind.StaffSession]: 1,
      // An account invitation, a reset link, an enrolment code and a passkey challenge.
      [RetentionKind.SignInLink]: 4,
      // A sign-in throttle window and a slow-down counter.
      [RetentionKind.SignInThrottle]: 2,
    };

    const youngPerson = async (name: string, dateOfBirth: string, archivedAt: Date | null = null) => {
      const [{ id }]: { id: string }[] = await t.db.query(
        `INSERT INTO young_people (preferred_name, date_of_birth, contact, archived_at, archive_reason)
         VALUES ($1, $2, $3, $4, CASE WHEN $4::timestamptz IS NULL THEN NULL ELSE 'Moved away' END) RETURNING id`,
        [
          name,
          dateOfBirth,
          JSON.stringify({ email: `${name.toLowerCase()}@young.heard.example` }),
          archivedAt,
        ],
      );
      return id;
    };

    beforeAll(async () => {
      second = onServer
        ? await openDatabase(
            { databaseUrl: t.config.databaseUrl, pgliteDir: undefined },
            { runMigrations: false },
          )
        : t.db;
      const clock = new ManualClock(NOW);
      jobs = [
        new RetentionJob(t.db, t.app.get(AuditService), clock, t.config),
        new RetentionJob(second, new AuditService(second), clock, t.config),
      ];
      const by = officer.id;
      const yp = K.YoungPerson;

      // Young people. Still taking part: kept, however long ago they joined.
      ids.active = await youngPerson('Ash', '2010-03-01');
      // Archived a day past the period, nothing since: anonymised.
      ids.leftLongAgo = await youngPerson('Bea', '2008-05-01', pastAt(yp));
      // Archived a day inside it: kept.
      ids.leftRecently = await youngPerson('Cal', '2008-05-01', insideAt(yp));
      // Archived long ago, but invited to something a day inside the period: kept.
      ids.cameBack = await youngPerson('Dee', '2008-05-01', pastAt(yp));
      // Turned 25 a day past the period, never archived: anonymised.
      ids.agedOut = await youngPerson('Eli', '2000-01-01');
      await t.db.query(
        `UPDATE young_people SET date_of_birth = ($2::date - interval '25 years')::date WHERE id = $1`,
        [ids.agedOut, pastOn(yp)],
      );
      // Archived long ago, but a worry about them is still waiting for a safeguarding contact: kept.
      ids.worryWaiting = await youngPerson('Gus', '2008-05-01', pastAt(yp));
      await t.db.query(
        `INSERT INTO worries (words, source_kind, young_person_id, raised_by, raised_at)
         VALUES ('I am scared to go home', 'staff', $1, $2, $3)`,
        [ids.worryWaiting, by, pastAt(yp)],
      );
      // Turned 25 a day inside it: kept.
      ids.justAgedOut = await youngPerson('Fay', '2000-01-01');
      await t.db.query(
        `UPDATE young_people SET date_of_birth = ($2::date - interval '25 years')::date WHERE id = $1`,
        [ids.justAgedOut, insideOn(yp)],
      );

      // Invitations (to a review meeting, which needs no other record), for the active young person.
      const invite = async (eventDate: string) => {
        const [{ id }]: { id: string }[] = await t.db.query(
          `INSERT INTO invitations (young_person_id, target_kind, review_title, review_venue, event_date, channel,
              via_trusted_adult_id, status, decline_reason, short_code, created_by)
           VALUES ($1, 'review_meeting', 'Your review', 'Room 4', $2, 'letter', $3, 'declined',
              'Too far to travel', $4, $3) RETURNING id`,
          [
            ids.active,
            eventDate,
            by,
            Array.from({ length: 10 }, () => 'ABCDEFGHJK'[randomBytes(1)[0] % 10]).join(''),
          ],
        );
        return id;
      };
      ids.invitationPast = await invite(pastOn(K.Invitation));
      ids.invitationInside = await invite(insideOn(K.Invitation));
      await t.db.query(
        `INSERT INTO invitations (young_person_id, target_kind, review_title, event_date, channel, status, created_by)
         VALUES ($1, 'review_meeting', 'Your review', $2, 'in_person', 'accepted', $3)`,
        [ids.cameBack, insideOn(yp), by],
      );

      // Consent records withdrawn a day past and a day inside the period.
      const consent = async (withdrawnAt: Date) => {
        const [{ id }]: { id: string }[] = await t.db.query(
          `INSERT INTO consent_records (young_person_id, purpose, given_by, method, wording, given_on, scope,
              recorded_by, withdrawn_at, withdrawn_by, withdrawn_reason)
           VALUES ($1, 'photos_video', 'young_person', 'form', 'Photos at activity days', '2015-01-01', 'standing',
              $2, $3, $2, 'Changed my mind') RETURNING id`,
          [ids.active, by, withdrawnAt],
        );
        return id;
      };
      ids.consentPast = await consent(pastAt(K.ConsentRecord));
      ids.consentInside = await consent(insideAt(K.ConsentRecord));

      // Evaluations of a practice tool, each with a rating and their own words.
      const [{ id: toolId }]: { id: string }[] = await t.db.query(
        `INSERT INTO practice_tools (name, purpose, owning_service, stage) VALUES ('This is Me', 'A profile', 'Fostering',
           'being_evaluated') RETURNING id`,
      );
      const [{ id: versionId }]: { id: string }[] = await t.db.query(
        `INSERT INTO practice_tool_versions (tool_id, label, link) VALUES ($1, 'v1', 'https://tools.heard.example/v1') RETURNING id`,
        [toolId],
      );
      const [{ id: roundId }]: { id: string }[] = await t.db.query(
        `INSERT INTO evaluation_rounds (tool_version_id, title, questions, opens_on, closes_on, audience)
         VALUES ($1, 'This is Me, first look', '[]'::jsonb, '2020-01-01', '2026-12-31', 'named') RETURNING id`,
        [versionId],
      );
      const evaluation = async (answeredOn: string) => {
        const [{ id }]: { id: string }[] = await t.db.query(
          `INSERT INTO evaluations (round_id, young_person_id, entered_by, helped_by, answered_on, age_band,
              idempotency_key)
           VALUES ($1, $2, $3, 'Their carer', $4, '13-15', $5) RETURNING id`,
          [roundId, ids.active, by, answeredOn, randomUUID()],
        );
        await t.db.query(
          `INSERT INTO evaluation_answers (evaluation_id, question_key, position, rating, text)
           VALUES ($1, 'overall', 0, 4, NULL), ($1, 'liked', 1, NULL, 'The pictures of my foster family')`,
          [id],
        );
        return id;
      };
      ids.evaluationPast = await evaluation(pastOn(K.Evaluation));
      ids.evaluationInside = await evaluation(insideOn(K.Evaluation));

      // You said items closed a day past and a day inside the period, and one never closed.
      const item = async (closedAt: Date | null) => {
        const [{ id }]: { id: string }[] = await t.db.query(
          `INSERT INTO you_said_items (words, source_kind, said_on, acknowledge_by, acknowledged_by, acknowledged_at,
              closed_by, closed_at, attributable, created_by)
           VALUES ('More evening sessions', 'young_person', '2018-01-10', '2018-01-12', $1, '2018-01-11',
              CASE WHEN $2::timestamptz IS NULL THEN NULL ELSE $1::uuid END, $2, true, $1) RETURNING id`,
          [by, closedAt],
        );
        await t.db.query(`INSERT INTO you_said_speakers (item_id, young_person_id) VALUES ($1, $2)`, [
          id,
          ids.active,
        ]);
        return id;
      };
      ids.itemPast = await item(pastAt(K.YouSaidAttribution));
      ids.itemInside = await item(insideAt(K.YouSaidAttribution));
      ids.itemOpen = await item(null);

      // One-to-ones held a day past and a day inside, and one still asked for from long ago.
      const oneToOne = async (status: string, scheduledAt: Date | null) => {
        const [{ id }]: { id: string }[] = await t.db.query(
          `INSERT INTO one_to_ones (young_person_id, requested_by, topic, status, scheduled_at, location, outcome,
              created_by, created_at)
           VALUES ($1, 'young_person', 'Wants to talk about moving placement', $2::varchar, $3, 'Central Library',
              CASE WHEN $2::varchar = 'done' THEN 'Talked it through' END, $4, '2015-01-01') RETURNING id`,
          [ids.active, status, scheduledAt, by],
        );
        return id;
      };
      ids.oneToOnePast = await oneToOne('done', pastAt(K.OneToOne));
      ids.oneToOneInside = await oneToOne('done', insideAt(K.OneToOne));
      ids.oneToOneOpen = await oneToOne('requested', null);

      // Worries acknowledged a day past and a day inside the period, and one never acknowledged.
      const worry = async (acknowledgedAt: Date | null) => {
        const [{ id }]: { id: string }[] = await t.db.query(
          `INSERT INTO worries (words, source_kind, young_person_id, raised_by, raised_at, acknowledged_by,
              acknowledged_at, acknowledgement_note)
           VALUES ('Someone at home frightens me', 'staff', $1, $2, '2015-01-01',
              CASE WHEN $3::timestamptz IS NULL THEN NULL ELSE $2::uuid END, $3,
              CASE WHEN $3::timestamptz IS NULL THEN NULL ELSE 'Passed to the MASH' END) RETURNING id`,
          [ids.active, by, acknowledgedAt],
        );
        return id;
      };
      ids.worryPast = await worry(pastAt(K.Worry));
      ids.worryInside = await worry(insideAt(K.Worry));
      ids.worryOpen = await worry(null);

      // Mail sent a day past and a day inside the period, and one still waiting from long ago.
      const mail = async (status: string, createdAt: Date) => {
        const [{ id }]: { id: string }[] = await t.db.query(
          `INSERT INTO mail_outbox (kind, to_address, subject, text_body, status, created_at, sent_at, last_error)
           VALUES ('invitation', 'ash@young.heard.example', 'You are invited, Ash',
              CASE WHEN $1::varchar = 'pending' THEN 'Hello Ash' END, $1::varchar, $2, CASE WHEN $1::varchar = 'sent' THEN $2::timestamptz END,
              'Mailbox ash@young.heard.example was full once') RETURNING id`,
          [status, createdAt],
        );
        return id;
      };
      ids.mailPast = await mail('sent', pastAt(K.MailOutbox));
      ids.mailInside = await mail('sent', insideAt(K.MailOutbox));
      ids.mailPending = await mail('pending', pastAt(K.MailOutbox));

      // Audit rows a day past and a day inside the period.
      const audit = async (at: Date) => {
        const [{ id }]: { id: string }[] = await t.db.query(
          `INSERT INTO audit_events (at, actor_user_id, action, entity_type, entity_id, request_id)
           VALUES ($1, $2, 'read', 'young_person', $3, 'req-1') RETURNING id`,
          [at, by, ids.active],
        );
        return id;
      };
      ids.auditPast = await audit(pastAt(K.AuditActor));
      ids.auditInside = await audit(insideAt(K.AuditActor));

      // Sessions that ended a day past and a day inside the period.
      const session = async (endedAt: Date) => {
        const id = hex64();
        await t.db.query(
          `INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, ended_at, ended_reason)
           VALUES ($1, $2, $3, $4, $4, $4, 'signed_out')`,
          [id, by, hex64(), endedAt],
        );
        return id;
      };
      ids.sessionPast = await session(pastAt(K.StaffSession));
      ids.sessionInside = await session(insideAt(K.StaffSession));

      // Sign-in links and codes that expired a day past and a day inside the period.
      const link = K.SignInLink;
      const invited = async (expiresAt: Date) =>
        (
          await createUser(t.db, {
            role: Role.Practitioner,
            status: 'invited',
            invitationTokenHash: hex64(),
            invitationExpiresAt: expiresAt,
          })
        ).id;
      ids.invitedPast = await invited(pastAt(link));
      ids.invitedInside = await invited(insideAt(link));
      const resetting = async (expiresAt: Date) => {
        const user = await createUser(t.db, { role: Role.ParticipationOfficer });
        await t.db.query(
          `UPDATE users SET password_reset_token_hash = $2, password_reset_expires_at = $3 WHERE id = $1`,
          [user.id, hex64(), expiresAt],
        );
        return user.id;
      };
      ids.resetPast = await resetting(pastAt(link));
      ids.resetInside = await resetting(insideAt(link));
      for (const [key, expiresAt] of [
        ['codePast', pastAt(link)],
        ['codeInside', insideAt(link)],
      ] as const) {
        const [{ id }]: { id: string }[] = await t.db.query(
          `INSERT INTO enrolment_codes (code_hash, young_person_id, issued_by, issued_at, expires_at)
           VALUES ($1, $2, $3, $4::timestamptz - interval '10 minutes', $4) RETURNING id`,
          [hex64(), ids.active, by, expiresAt],
        );
        ids[key] = id;
      }
      for (const [key, expiresAt] of [
        ['challengePast', pastAt(link)],
        ['challengeInside', insideAt(link)],
      ] as const) {
        ids[key] = randomBytes(32).toString('base64url');
        await t.db.query(
          `INSERT INTO webauthn_challenges (challenge, purpose, expires_at) VALUES ($1, 'sign_in', $2)`,
          [ids[key], expiresAt],
        );
      }

      // Sign-in counters last touched a day past and a day inside the period.
      const throttle = K.SignInThrottle;
      for (const [key, at] of [
        ['throttlePast', pastAt(throttle)],
        ['throttleInside', insideAt(throttle)],
      ] as const) {
        ids[key] = hex64();
        await t.db.query(`INSERT INTO login_throttle (key, window_started_at, attempts) VALUES ($1, $2, 3)`, [
          ids[key],
          at,
        ]);
        await t.db.query(`INSERT INTO sign_in_delays (key, failures, last_failure_at) VALUES ($1, 3, $2)`, [
          ids[key],
          at,
        ]);
      }
    });

    afterAll(async () => {
      if (second && second !== t.db) await second.destroy();
    });

    /** Everything the job may change, read back, to show a second run changes nothing. */
    const state = async () => ({
      youngPeople: await t.db.query(
        `SELECT id, preferred_name, contact, anonymised_at, anonymised_reason FROM young_people ORDER BY id`,
      ),
      invitations: await t.db.query(`SELECT * FROM invitations ORDER BY id`),
      consents: await t.db.query(`SELECT * FROM consent_records ORDER BY id`),
      evaluations: await t.db.query(`SELECT * FROM evaluations ORDER BY id`),
      answers: await t.db.query(`SELECT * FROM evaluation_answers ORDER BY id`),
      items: await t.db.query(`SELECT id, attributable, stage FROM you_said_items ORDER BY id`),
      speakers: await t.db.query(`SELECT * FROM you_said_speakers ORDER BY item_id, young_person_id`),
      oneToOnes: await t.db.query(`SELECT * FROM one_to_ones ORDER BY id`),
      worries: await t.db.query(`SELECT * FROM worries ORDER BY id`),
      mail: await t.db.query(`SELECT * FROM mail_outbox ORDER BY id`),
      audit: await t.db.query(`SELECT * FROM audit_events WHERE entity_type <> 'retention' ORDER BY at, id`),
      sessions: await t.db.query(`SELECT id FROM sessions ORDER BY id`),
      users: await t.db.query(
        `SELECT id, invitation_token_hash, password_reset_token_hash, password_reset_expires_at FROM users ORDER BY id`,
      ),
      codes: await t.db.query(`SELECT id FROM enrolment_codes ORDER BY id`),
      challenges: await t.db.query(`SELECT challenge FROM webauthn_challenges ORDER BY challenge`),
      throttles: await t.db.query(`SELECT key FROM login_throttle ORDER BY key`),
      delays: await t.db.query(`SELECT key FROM sign_in_delays ORDER BY key`),
    });

    const one = async (sql: string, id: string) =>
      ((await t.db.query(sql, [id])) as Record<string, unknown>[])[0];

    it('anonymises each record once when two processes run it at the same moment, with no error', async () => {
      const runs = await Promise.all(jobs.map((job) => job.runOnce(NOW)));
      const done = runs.filter((r): r is RetentionRunResponse => r !== null);
      expect(done.length).toBeGreaterThanOrEqual(1);
      const total = Object.fromEntries(
        RETENTION_RULES.map((r) => [r.kind, done.reduce((sum, run) => sum + run.counts[r.kind], 0)]),
      );
      expect(total).toEqual(expected);
      // The run is recorded: counts only, once per run that went ahead.
      const recorded: { counts: Record<string, number> }[] = await t.db.query(
        `SELECT counts FROM retention_runs ORDER BY started_at`,
      );
      expect(recorded).toHaveLength(done.length);
    });

    it('anonymised the young people a day past their period, and no one else', async () => {
      const people: { id: string; preferred_name: string; anonymised_reason: string | null }[] =
        await t.db.query(`SELECT id, preferred_name, anonymised_reason FROM young_people`);
      const anonymised = people.filter((p) => p.anonymised_reason !== null);
      expect(anonymised.map((p) => p.id).sort()).toEqual([ids.leftLongAgo, ids.agedOut].sort());
      expect(anonymised.every((p) => p.anonymised_reason === 'retention')).toBe(true);
      expect(anonymised.map((p) => p.preferred_name)).not.toContain('Bea');
      const kept = people.filter((p) => p.anonymised_reason === null).map((p) => p.preferred_name);
      expect(kept.sort()).toEqual(['Ash', 'Cal', 'Dee', 'Fay', 'Gus']);
    });

    it('removed the details of records a day past their period and kept what happened', async () => {
      const invitationSql = `SELECT status, channel, event_date::text AS event_date, decline_reason, review_venue,
          short_code, via_trusted_adult_id FROM invitations WHERE id = $1`;
      expect(await one(invitationSql, ids.invitationPast)).toEqual({
        status: 'declined',
        channel: 'letter',
        event_date: pastOn(K.Invitation),
        decline_reason: null,
        review_venue: null,
        short_code: null,
        via_trusted_adult_id: null,
      });
      expect(await one(invitationSql, ids.invitationInside)).toMatchObject({
        decline_reason: 'Too far to travel',
        review_venue: 'Room 4',
        via_trusted_adult_id: officer.id,
      });

      const consentSql = `SELECT wording, withdrawn_at IS NOT NULL AS withdrawn, withdrawn_by, withdrawn_reason
          FROM consent_records WHERE id = $1`;
      expect(await one(consentSql, ids.consentPast)).toEqual({
        wording: 'Photos at activity days',
        withdrawn: true,
        withdrawn_by: null,
        withdrawn_reason: null,
      });
      expect(await one(consentSql, ids.consentInside)).toMatchObject({ withdrawn_reason: 'Changed my mind' });

      const evaluationSql = `SELECT young_person_id, entered_by, helped_by, age_band, revision,
          (SELECT json_agg(json_build_object('rating', a.rating, 'text', a.text) ORDER BY a.position)
             FROM evaluation_answers a WHERE a.evaluation_id = e.id) AS answers
          FROM evaluations e WHERE id = $1`;
      expect(await one(evaluationSql, ids.evaluationPast)).toEqual({
        young_person_id: null,
        entered_by: null,
        helped_by: null,
        age_band: '13-15',
        revision: 1,
        answers: [
          { rating: 4, text: null },
          { rating: null, text: REMOVED },
        ],
      });
      expect(await one(evaluationSql, ids.evaluationInside)).toMatchObject({
        young_person_id: ids.active,
        revision: 0,
        answers: [
          { rating: 4, text: null },
          { rating: null, text: 'The pictures of my foster family' },
        ],
      });

      const itemSql = `SELECT attributable, stage, words,
          (SELECT count(*)::int FROM you_said_speakers s WHERE s.item_id = y.id) AS speakers
          FROM you_said_items y WHERE id = $1`;
      expect(await one(itemSql, ids.itemPast)).toEqual({
        attributable: false,
        stage: 'closed',
        words: 'More evening sessions',
        speakers: 0,
      });
      expect(await one(itemSql, ids.itemInside)).toMatchObject({ attributable: true, speakers: 1 });
      expect(await one(itemSql, ids.itemOpen)).toMatchObject({ attributable: true, speakers: 1 });

      const oneToOneSql = `SELECT status, topic, outcome, location FROM one_to_ones WHERE id = $1`;
      expect(await one(oneToOneSql, ids.oneToOnePast)).toEqual({
        status: 'done',
        topic: REMOVED,
        outcome: null,
        location: null,
      });
      expect(await one(oneToOneSql, ids.oneToOneInside)).toMatchObject({ outcome: 'Talked it through' });
      expect(await one(oneToOneSql, ids.oneToOneOpen)).toMatchObject({ location: 'Central Library' });

      const worrySql = `SELECT words, young_person_id, raised_by, acknowledged_at IS NOT NULL AS acknowledged,
          acknowledgement_note FROM worries WHERE id = $1`;
      expect(await one(worrySql, ids.worryPast)).toEqual({
        words: REMOVED,
        young_person_id: null,
        raised_by: null,
        acknowledged: true,
        acknowledgement_note: null,
      });
      expect(await one(worrySql, ids.worryInside)).toMatchObject({ words: 'Someone at home frightens me' });
      expect(await one(worrySql, ids.worryOpen)).toMatchObject({ young_person_id: ids.active });

      const mailSql = `SELECT kind, status, to_address, subject, last_error FROM mail_outbox WHERE id = $1`;
      expect(await one(mailSql, ids.mailPast)).toEqual({
        kind: 'invitation',
        status: 'sent',
        to_address: REMOVED_ADDRESS,
        subject: REMOVED,
        last_error: null,
      });
      expect(await one(mailSql, ids.mailInside)).toMatchObject({ to_address: 'ash@young.heard.example' });
      expect(await one(mailSql, ids.mailPending)).toMatchObject({ to_address: 'ash@young.heard.example' });

      const auditSql = `SELECT action, entity_type, entity_id, actor_user_id, request_id FROM audit_events WHERE id = $1`;
      expect(await one(auditSql, ids.auditPast)).toEqual({
        action: 'read',
        entity_type: 'young_person',
        entity_id: ids.active,
        actor_user_id: null,
        request_id: null,
      });
      expect(await one(auditSql, ids.auditInside)).toMatchObject({ actor_user_id: officer.id });
    });

    it('deleted the sign-in housekeeping a day past its period, and kept the rest', async () => {
      const present = async (sql: string, key: string) =>
        ((await t.db.query(sql, [key])) as unknown[]).length;
      const sessions = `SELECT 1 FROM sessions WHERE id = $1`;
      expect([await present(sessions, ids.sessionPast), await present(sessions, ids.sessionInside)]).toEqual([
        0, 1,
      ]);
      const invitedSql = `SELECT 1 FROM users WHERE id = $1 AND invitation_token_hash IS NOT NULL`;
      expect([
        await present(invitedSql, ids.invitedPast),
        await present(invitedSql, ids.invitedInside),
      ]).toEqual([0, 1]);
      const resetSql = `SELECT 1 FROM users WHERE id = $1 AND password_reset_token_hash IS NOT NULL`;
      expect([await present(resetSql, ids.resetPast), await present(resetSql, ids.resetInside)]).toEqual([
        0, 1,
      ]);
      const codes = `SELECT 1 FROM enrolment_codes WHERE id = $1`;
      expect([await present(codes, ids.codePast), await present(codes, ids.codeInside)]).toEqual([0, 1]);
      const challenges = `SELECT 1 FROM webauthn_challenges WHERE challenge = $1`;
      expect([
        await present(challenges, ids.challengePast),
        await present(challenges, ids.challengeInside),
      ]).toEqual([0, 1]);
      const throttles = `SELECT 1 FROM login_throttle WHERE key = $1`;
      expect([
        await present(throttles, ids.throttlePast),
        await present(throttles, ids.throttleInside),
      ]).toEqual([0, 1]);
      const delays = `SELECT 1 FROM sign_in_delays WHERE key = $1`;
      expect([await present(delays, ids.throttlePast), await present(delays, ids.throttleInside)]).toEqual([
        0, 1,
      ]);
    });

    it('changes nothing when run again', async () => {
      const before = await state();
      const run = await jobs[0].runOnce(NOW);
      expect(run?.counts).toEqual(Object.fromEntries(RETENTION_RULES.map((r) => [r.kind, 0])));
      expect(await state()).toEqual(before);
    });

    it('runs once a day on its schedule, however many processes look', async () => {
      const tomorrow = new Date(NOW.getTime() + DAY_MS);
      const looks = await Promise.all(jobs.map((job) => job.runOnce(tomorrow, { oncePerDay: true })));
      expect(looks.filter((r) => r !== null)).toHaveLength(1);
      expect(await jobs[0].runOnce(new Date(tomorrow.getTime() + 3600_000), { oncePerDay: true })).toBeNull();
      expect(jobs[0].isTime(new Date('2026-12-05T01:59:00Z'))).toBe(false);
      expect(jobs[0].isTime(new Date('2026-12-05T02:00:00Z'))).toBe(true);
    });

    it('shows the administrator the last run, counts only, and audits each run without anyone', async () => {
      const res = await admin.get('/api/retention').expect(200);
      expect(res.body.lastRun.startedAt).toBe(new Date(NOW.getTime() + DAY_MS).toISOString());
      expect(Object.keys(res.body.lastRun.counts).sort()).toEqual(
        [...RETENTION_RULES.map((r) => r.kind)].sort(),
      );
      const runs: { actor_user_id: string | null; detail: Record<string, unknown> }[] = await t.db.query(
        `SELECT actor_user_id, detail FROM audit_events WHERE entity_type = 'retention' AND detail->>'event' = 'run'`,
      );
      expect(runs.length).toBeGreaterThanOrEqual(3);
      expect(runs.every((r) => r.actor_user_id === null)).toBe(true);
      expect(Object.values(runs[0].detail).every((v) => typeof v === 'number' || v === 'run')).toBe(true);
    });

    it('a shorter period set by an administrator reaches records the default kept', async () => {
      await admin.put('/api/retention/invitation', { days: 365 }).expect(200);
      const run = await jobs[0].runOnce(NOW);
      expect(run?.counts.invitation).toBe(1);
      expect(await one(`SELECT decline_reason FROM invitations WHERE id = $1`, ids.invitationInside)).toEqual(
        { decline_reason: null },
      );
    });
  });
});
