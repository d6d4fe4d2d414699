import { randomUUID } from 'node:crypto';
import {
  ConsentGiver,
  ConsentMethod,
  ConsentPurpose,
  InvitationChannel,
  Role,
  addDays,
  todayInLondon,
} from '@heard/domain';
import {
  activityRequest,
  createGroup,
  createYoungPerson,
  dateOfBirthForAge,
  reviewLetterVersion,
} from './support/factories';
import { anonymiseYoungPerson } from '@heard/api/app/erasure/anonymise-young-person';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/**
 * The server side of changes made without signal (issue 15, docs/offline.md, decision 0029): the
 * offline outbox sends each change to the online endpoint with an Idempotency-Key and the device
 * time (Heard-Recorded-At); the offline rules in libs/domain decide what becomes of it.
 */
describe('offline changes on the server', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let otherOfficer: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer, { displayName: 'Alex Fenwick' });
    otherOfficer = await t.signInAs(Role.ParticipationOfficer, { displayName: 'Sam Oduya' });
  });
  afterAll(() => t.close());

  interface Sent {
    key?: string;
    at?: string;
  }
  const offlineHeaders = (req: ReturnType<SignedInClient['post']>, sent: Sent) => {
    if (sent.key) req.set('Idempotency-Key', sent.key);
    if (sent.at) req.set('Heard-Recorded-At', sent.at);
    return req;
  };
  const putRegister = (client: SignedInClient, sessionId: string, entries: object[], sent: Sent = {}) =>
    offlineHeaders(client.put(`/api/sessions/${sessionId}/attendance`, { entries }), sent);
  const markDay = (client: SignedInClient, dayId: string, body: object, sent: Sent = {}) =>
    offlineHeaders(client.post(`/api/activities/${dayId}/attendance`, body), sent);

  /** A one-off session today with the named young people as members. */
  async function sessionWith(...names: string[]) {
    const group = await createGroup(officer, { minAge: 10, maxAge: 25 });
    const session = await officer.post(`/api/groups/${group.id}/sessions`, {
      date: today,
      startTime: '00:30',
      durationMinutes: 60,
      venue: null,
      agenda: null,
    });
    expect(session.status).toBe(201);
    const people = [];
    for (const name of names) {
      const person = await createYoungPerson(officer, {
        preferredName: name,
        dateOfBirth: dateOfBirthForAge(14),
      });
      const joined = await officer.post(`/api/groups/${group.id}/members`, {
        youngPersonId: person.id,
        joinedOn: addDays(today, -30),
      });
      expect(joined.status).toBe(201);
      people.push(person);
    }
    return { sessionId: session.body.id as string, groupId: group.id, people };
  }

  /** An activity day today, with the named young people invited and coming. */
  async function dayWith(requiredConsents: ConsentPurpose[], ...names: string[]) {
    const day = await officer.post(
      '/api/activities',
      activityRequest({ date: today, startTime: '00:00', endTime: '23:59', requiredConsents }),
    );
    expect(day.status).toBe(201);
    const people = [];
    for (const name of names) people.push(await createYoungPerson(officer, { preferredName: name }));
    const invited = await officer.post('/api/invitations', {
      target: { kind: 'activity_day', id: day.body.id },
      invitees: people.map((p) => ({ youngPersonId: p.id, channel: InvitationChannel.InPerson })),
    });
    expect(invited.status).toBe(201);
    for (const invitation of invited.body.created as { id: string }[])
      expect((await officer.post(`/api/invitations/${invitation.id}/answer`, { answer: 'yes' })).status).toBe(
        200,
      );
    return { dayId: day.body.id as string, people };
  }

  const markOf = async (sessionId: string, youngPersonId: string) =>
    (
      await t.db.query(
        `SELECT status, recorded_by AS "recordedBy" FROM attendance WHERE session_id = $1 AND young_person_id = $2`,
        [sessionId, youngPersonId],
      )
    )[0] as { status: string; recordedBy: string } | undefined;
  const invitationOf = async (dayId: string, youngPersonId: string) =>
    (
      await t.db.query(
        `SELECT status, attendance_marked_by AS "markedBy" FROM invitations WHERE activity_id = $1 AND young_person_id = $2`,
        [dayId, youngPersonId],
      )
    )[0] as { status: string; markedBy: string | null };
  const written = async () => ({
    attendance: await countRows(t.db, 'attendance'),
    audit: await countRows(t.db, 'audit_events'),
    held: await countRows(t.db, 'held_changes'),
    keys: await countRows(t.db, 'idempotency_keys'),
  });

  describe('keys and device times', () => {
    it('should store a register mark sent 5 times once, with one audit row that keeps the device time', async () => {
      const { sessionId, people } = await sessionWith('Juniper');
      const key = randomUUID();
      const at = minutesAgo(20);
      const answers = [];
      for (let i = 0; i < 5; i++)
        answers.push(
          await putRegister(officer, sessionId, [{ youngPersonId: people[0].id, status: 'present' }], {
            key,
            at,
          }),
        );
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      for (const answer of answers.slice(1)) expect(answer.text).toBe(answers[0].text);
      expect(await markOf(sessionId, people[0].id)).toEqual({
        status: 'present',
        recordedBy: officer.user.id,
      });
      const audit = await t.db.query(
        `SELECT device_time AS "deviceTime", at FROM audit_events
          WHERE entity_type = 'group_session' AND entity_id = $1 AND detail->>'change' = 'attendance'`,
        [sessionId],
      );
      expect(audit).toHaveLength(1);
      expect((audit[0].deviceTime as Date).toISOString()).toBe(at);
      expect((audit[0].at as Date).getTime()).toBeGreaterThan((audit[0].deviceTime as Date).getTime());
      const [row] = await t.db.query(
        `SELECT method, status_code AS "statusCode" FROM idempotency_keys WHERE principal = $1 AND key = $2`,
        [officer.user.id, key],
      );
      expect(row).toEqual({ method: 'PUT', statusCode: 200 });
    });

    it('should give the device time to administrators reading the audit log', async () => {
      const { sessionId, people } = await sessionWith('Hollis');
      const at = minutesAgo(12);
      expect(
        (await putRegister(officer, sessionId, [{ youngPersonId: people[0].id, status: 'absent' }], { at }))
          .status,
      ).toBe(200);
      const admin = await t.signInAs(Role.Administrator);
      const log = await admin.get(`/api/audit?entityType=group_session&entityId=${sessionId}`);
      expect(log.status).toBe(200);
      const marks = (log.body.items as { detail: { change?: string }; deviceTime: string | null }[]).filter(
        (e) => e.detail.change === 'attendance',
      );
      expect(marks.map((e) => e.deviceTime)).toEqual([at]);
    });

    it('should refuse the same key with the same body at another device time with 422, and write nothing', async () => {
      const { sessionId, people } = await sessionWith('Sorrel');
      const key = randomUUID();
      const entries = [{ youngPersonId: people[0].id, status: 'present' }];
      expect((await putRegister(officer, sessionId, entries, { key, at: minutesAgo(30) })).status).toBe(200);
      const before = await written();
      const again = await putRegister(officer, sessionId, entries, { key, at: minutesAgo(29) });
      expectProblem(again, 422);
      expect(Object.keys(again.body.errors)).toEqual(['Idempotency-Key']);
      expect(await written()).toEqual(before);
    });

    it('should refuse a device time 10 minutes ahead, 8 days old or not a time with 422, and write nothing', async () => {
      const { sessionId, people } = await sessionWith('Tamsin');
      const entries = [{ youngPersonId: people[0].id, status: 'present' }];
      const before = await written();
      for (const at of [
        new Date(Date.now() + 10 * 60_000).toISOString(),
        new Date(Date.now() - 8 * 24 * 60 * 60_000).toISOString(),
        '2026-06-13T13:50:00',
        'yesterday',
      ]) {
        const res = await putRegister(officer, sessionId, entries, { key: randomUUID(), at });
        expectProblem(res, 422);
        expect(Object.keys(res.body.errors)).toEqual(['Heard-Recorded-At']);
      }
      expect(await written()).toEqual(before);
      expect(await markOf(sessionId, people[0].id)).toBeUndefined();
    });

    it('should refuse an offline register change with two marks with 422, and write nothing', async () => {
      const { sessionId, people } = await sessionWith('Wren', 'Yarrow');
      const before = await written();
      const res = await putRegister(
        officer,
        sessionId,
        people.map((p) => ({ youngPersonId: p.id, status: 'present' })),
        { key: randomUUID(), at: minutesAgo(5) },
      );
      expectProblem(res, 422);
      expect(Object.keys(res.body.errors)).toEqual(['entries']);
      expect(await written()).toEqual(before);
    });

    it('should answer 401 without a session and store the change when the same key is sent after signing in', async () => {
      const { sessionId, people } = await sessionWith('Linden');
      const key = randomUUID();
      const at = minutesAgo(40);
      const before = await written();
      const anonymous = await t
        .anonymous()
        .put(`/api/sessions/${sessionId}/attendance`)
        .set('Idempotency-Key', key)
        .set('Heard-Recorded-At', at)
        .send({ entries: [{ youngPersonId: people[0].id, status: 'present' }] });
      expect([401, 403]).toContain(anonymous.status);
      expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await written()).toEqual(before);
      const again = await t.signIn(officer.user.email);
      const res = await putRegister(again, sessionId, [{ youngPersonId: people[0].id, status: 'present' }], {
        key,
        at,
      });
      expect(res.status).toBe(200);
      expect(await markOf(sessionId, people[0].id)).toEqual({
        status: 'present',
        recordedBy: officer.user.id,
      });
    });
  });

  describe('conflicts', () => {
    it("should keep another officer's later mark: 409 offline-conflict, kept-theirs, nothing changed", async () => {
      const { dayId, people } = await dayWith([], 'Marlow');
      const later = await markDay(otherOfficer, dayId, { youngPersonId: people[0].id, attended: false });
      expect(later.status).toBe(200);
      const before = await written();
      const res = await markDay(
        officer,
        dayId,
        { youngPersonId: people[0].id, attended: true },
        { key: randomUUID(), at: minutesAgo(10) },
      );
      expectProblem(res, 409);
      expect(res.body.type).toBe('https://heard.example/problems/offline-conflict');
      expect(res.body.outcome).toBe('kept-theirs');
      expect(res.body.detail).toMatch(/Marlow was already marked 'did not come' by Sam Oduya/);
      expect(await invitationOf(dayId, people[0].id)).toEqual({
        status: 'did_not_attend',
        markedBy: otherOfficer.user.id,
      });
      expect(await written()).toEqual(before);
    });

    it('should replace an earlier different mark with the later offline one', async () => {
      const { dayId, people } = await dayWith([], 'Perrin');
      const earlier = await markDay(
        otherOfficer,
        dayId,
        { youngPersonId: people[0].id, attended: false },
        { key: randomUUID(), at: minutesAgo(30) },
      );
      expect(earlier.status).toBe(200);
      const res = await markDay(
        officer,
        dayId,
        { youngPersonId: people[0].id, attended: true },
        { key: randomUUID(), at: minutesAgo(10) },
      );
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('attended');
      expect(await invitationOf(dayId, people[0].id)).toEqual({
        status: 'attended',
        markedBy: officer.user.id,
      });
    });

    it('should answer the same register mark already stored by another officer as stored once', async () => {
      const { sessionId, people } = await sessionWith('Quill');
      const entries = [{ youngPersonId: people[0].id, status: 'apologies' }];
      expect((await putRegister(otherOfficer, sessionId, entries)).status).toBe(200);
      const before = await written();
      const res = await putRegister(officer, sessionId, entries, { key: randomUUID(), at: minutesAgo(3) });
      expect(res.status).toBe(200);
      expect(await markOf(sessionId, people[0].id)).toEqual({
        status: 'apologies',
        recordedBy: otherOfficer.user.id,
      });
      expect((await written()).attendance).toBe(before.attendance);
      expect((await written()).held).toBe(before.held);
    });

    it('should refuse an offline mark for a cancelled session or activity day with 409 offline-conflict', async () => {
      const { sessionId, people } = await sessionWith('Rowan');
      expect(
        (await officer.post(`/api/sessions/${sessionId}/cancel`, { reason: 'Venue flooded' })).status,
      ).toBe(200);
      const day = await dayWith([], 'Saffi');
      expect(
        (await officer.post(`/api/activities/${day.dayId}/cancel`, { reason: 'Coach broke down' })).status,
      ).toBe(200);
      const before = await written();
      const onSession = await putRegister(
        officer,
        sessionId,
        [{ youngPersonId: people[0].id, status: 'present' }],
        { key: randomUUID(), at: minutesAgo(15) },
      );
      expectProblem(onSession, 409);
      expect(onSession.body.outcome).toBe('refused-cancelled');
      const onDay = await markDay(
        officer,
        day.dayId,
        { youngPersonId: day.people[0].id, attended: true },
        { key: randomUUID(), at: minutesAgo(15) },
      );
      expectProblem(onDay, 409);
      expect(onDay.body.outcome).toBe('refused-cancelled');
      expect(await written()).toEqual(before);
    });
  });

  describe('evaluations', () => {
    const answers = (rating: number) => [
      { questionKey: 'overall', rating },
      { questionKey: 'liked', text: 'Going on the climbing wall.' },
    ];
    async function openRound() {
      const day = await officer.post('/api/activities', activityRequest({ date: today }));
      const round = await officer.post('/api/evaluation-rounds', {
        toolVersionId: await reviewLetterVersion(officer),
        title: 'How was the climbing day',
        occasion: { kind: 'activity_day', id: day.body.id },
        opensOn: addDays(today, -1),
        closesOn: addDays(today, 30),
        audience: 'link',
      });
      expect(round.status).toBe(201);
      return round.body.id as string;
    }
    const enter = (
      client: SignedInClient,
      roundId: string,
      youngPersonId: string,
      rating: number,
      sent: Sent,
    ) =>
      offlineHeaders(
        client.post(`/api/evaluation-rounds/${roundId}/evaluations`, {
          youngPersonId,
          answeredOn: today,
          helpedBy: null,
          answers: answers(rating),
        }),
        sent,
      );
    const evaluationsOf = async (roundId: string) =>
      (await t.db.query(`SELECT count(*)::int AS n FROM evaluations WHERE round_id = $1`, [roundId]))[0]
        .n as number;

    it('should store an evaluation entered offline once, with its device time, and keep the first when another differs', async () => {
      const roundId = await openRound();
      const tansy = await createYoungPerson(officer, { preferredName: 'Tansy' });
      const at = minutesAgo(25);
      const first = await enter(officer, roundId, tansy.id, 4, { key: randomUUID(), at });
      expect(first.status).toBe(201);
      const [audit] = await t.db.query(
        `SELECT device_time AS "deviceTime" FROM audit_events WHERE entity_type = 'evaluation' AND entity_id = $1`,
        [first.body.id],
      );
      expect((audit.deviceTime as Date).toISOString()).toBe(at);
      // The same answers again under a new key (the device lost its record of sending): stored once.
      const same = await enter(officer, roundId, tansy.id, 4, { key: randomUUID(), at });
      expect(same.status).toBe(201);
      expect(same.body.id).toBe(first.body.id);
      const other = await enter(otherOfficer, roundId, tansy.id, 2, { key: randomUUID(), at: minutesAgo(5) });
      expectProblem(other, 409);
      expect(other.body.outcome).toBe('kept-theirs');
      expect(other.body.detail).toMatch(/Alex Fenwick had already entered an evaluation for Tansy/);
      expect(await evaluationsOf(roundId)).toBe(1);
    });

    it('should refuse an evaluation entered offline for a round closed since with 409 refused-round-closed', async () => {
      const roundId = await openRound();
      const cassia = await createYoungPerson(officer, { preferredName: 'Cassia' });
      expect((await officer.post(`/api/evaluation-rounds/${roundId}/close`, {})).status).toBe(200);
      const before = await written();
      const res = await enter(officer, roundId, cassia.id, 5, { key: randomUUID(), at: minutesAgo(30) });
      expectProblem(res, 409);
      expect(res.body.outcome).toBe('refused-round-closed');
      expect(await evaluationsOf(roundId)).toBe(0);
      expect(await written()).toEqual(before);
    });
  });

  describe('held changes', () => {
    const consentFor = (purpose: ConsentPurpose) => ({
      purpose,
      givenBy: ConsentGiver.Parent,
      method: ConsentMethod.Form,
      wording: 'I agree to my child taking part in participation activities.',
      givenOn: addDays(today, -10),
      scope: 'standing',
      activityId: null,
      expiresOn: null,
    });

    /** An activity day needing consent to take part, where Oakley's consent was withdrawn just now. */
    async function withdrawnAfterTheMark() {
      const day = await dayWith([ConsentPurpose.TakingPart], 'Oakley');
      const [oakley] = day.people;
      const recorded = await officer.post(
        `/api/young-people/${oakley.id}/consents`,
        consentFor(ConsentPurpose.TakingPart),
      );
      expect(recorded.status).toBe(201);
      expect(
        (
          await officer.post(`/api/consents/${recorded.body.id}/withdraw`, {
            reason: 'Parent changed their mind',
          })
        ).status,
      ).toBe(200);
      return { dayId: day.dayId, oakley };
    }

    it('should hold a mark made before consent was withdrawn: 202, and nothing stored on the register', async () => {
      const { dayId, oakley } = await withdrawnAfterTheMark();
      const key = randomUUID();
      const at = minutesAgo(10);
      const answers = [];
      for (let i = 0; i < 2; i++)
        answers.push(
          await markDay(officer, dayId, { youngPersonId: oakley.id, attended: true }, { key, at }),
        );
      expect(answers.map((a) => a.status)).toEqual([202, 202]);
      expect(answers[0].body).toEqual({
        held: true,
        heldChangeId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        detail: expect.stringMatching(/^Oakley's consent was withdrawn at .*kept aside for you to decide/),
      });
      expect(answers[1].body).toEqual(answers[0].body);
      expect(await invitationOf(dayId, oakley.id)).toEqual({ status: 'accepted', markedBy: null });
      const held = await t.db.query(
        `SELECT made_by AS "madeBy", outcome, change_kind AS kind, decision, device_time AS "deviceTime"
           FROM held_changes WHERE young_person_id = $1`,
        [oakley.id],
      );
      expect(held).toEqual([
        {
          madeBy: officer.user.id,
          outcome: 'held-consent-withdrawn',
          kind: 'activity-mark',
          decision: null,
          deviceTime: new Date(at),
        },
      ]);
    });

    it('should give a held change in the subject access copy, and erase it with the young person', async () => {
      const { dayId, oakley } = await withdrawnAfterTheMark();
      const at = minutesAgo(8);
      expect(
        (
          await markDay(
            officer,
            dayId,
            { youngPersonId: oakley.id, attended: true },
            { key: randomUUID(), at },
          )
        ).status,
      ).toBe(202);
      const copy = JSON.parse((await officer.get(`/api/young-people/${oakley.id}/subject-access.json`)).text);
      expect(copy.heldChanges).toEqual([
        {
          what: 'A mark on the register of an activity day',
          madeAt: at,
          why: 'Your consent was taken back after it was made.',
          decision: null,
          decidedAt: null,
        },
      ]);
      const counts = await t.db.transaction((em) =>
        anonymiseYoungPerson(em, oakley.id, { reason: 'erasure', at: new Date(), byUserId: officer.user.id }),
      );
      expect(counts.heldChanges).toBe(1);
      expect(await t.db.query(`SELECT id FROM held_changes WHERE young_person_id = $1`, [oakley.id])).toEqual(
        [],
      );
    });

    const holdOakley = async (at: string) => {
      const { dayId, oakley } = await withdrawnAfterTheMark();
      const res = await markDay(
        officer,
        dayId,
        { youngPersonId: oakley.id, attended: true },
        { key: randomUUID(), at },
      );
      expect(res.status).toBe(202);
      return { dayId, oakley, heldId: res.body.heldChangeId as string };
    };
    const heldWritten = async () => ({
      ...(await written()),
      decided: (await t.db.query(`SELECT count(*)::int AS n FROM held_changes WHERE decision IS NOT NULL`))[0]
        .n,
      invitations: (
        await t.db.query(`SELECT count(*)::int AS n FROM invitations WHERE status = 'attended'`)
      )[0].n,
    });

    it('should list a held change for the officer who made it, not for another officer, and give administrators no route', async () => {
      const { oakley, heldId } = await holdOakley(minutesAgo(6));
      const mine = await officer.get('/api/held-changes');
      expect(mine.status).toBe(200);
      expect(mine.body).toContainEqual(
        expect.objectContaining({
          id: heldId,
          kind: 'activity-mark',
          youngPersonId: oakley.id,
          why: 'consent-withdrawn',
          came: true,
          decision: null,
          detail: expect.stringMatching(/^Oakley's consent was withdrawn/),
        }),
      );
      const theirs = await otherOfficer.get('/api/held-changes');
      expect(theirs.status).toBe(200);
      expect((theirs.body as { id: string }[]).map((h) => h.id)).not.toContain(heldId);
      const admin = await t.signInAs(Role.Administrator);
      expectProblem(await admin.get('/api/held-changes'), 403);
      expectProblem(
        await admin.post(`/api/held-changes/${heldId}/discard`, { reason: 'Not mine to keep' }),
        403,
      );
      const anonymous = await t.anonymous().get('/api/held-changes');
      expectProblem(anonymous, 401);
    });

    it('should apply a held "came" mark only with a reason, through the register, audited with the device time', async () => {
      const at = minutesAgo(9);
      const { dayId, oakley, heldId } = await holdOakley(at);
      const before = await heldWritten();
      const noReason = await officer.post(`/api/held-changes/${heldId}/apply`, {});
      expectProblem(noReason, 400);
      expect(Object.keys(noReason.body.errors)).toEqual(['reason']);
      expect(await heldWritten()).toEqual(before);
      const applied = await officer.post(`/api/held-changes/${heldId}/apply`, {
        reason: 'She was there all day; her parent rang back later',
      });
      expect(applied.status).toBe(200);
      expect(applied.body).toMatchObject({ id: heldId, decision: 'applied' });
      expect(await invitationOf(dayId, oakley.id)).toEqual({ status: 'attended', markedBy: officer.user.id });
      const [invitation] = await t.db.query(
        `SELECT id, attendance_override_reason AS reason FROM invitations WHERE activity_id = $1 AND young_person_id = $2`,
        [dayId, oakley.id],
      );
      expect(invitation.reason).toBe('She was there all day; her parent rang back later');
      const audit = await t.db.query(
        `SELECT action, entity_type AS type, device_time AS "deviceTime" FROM audit_events
          WHERE (entity_type = 'invitation' AND entity_id = $1) OR (entity_type = 'held_change' AND entity_id = $2)
          ORDER BY at`,
        [invitation.id, heldId],
      );
      expect(audit).toEqual(
        expect.arrayContaining([
          { action: 'override', type: 'invitation', deviceTime: new Date(at) },
          { action: 'update', type: 'held_change', deviceTime: null },
        ]),
      );
      expect((await officer.get('/api/held-changes')).body.map((h: { id: string }) => h.id)).not.toContain(
        heldId,
      );
      expectProblem(
        await officer.post(`/api/held-changes/${heldId}/apply`, { reason: 'Once more please' }),
        409,
      );
    });

    it('should let a held change go with a reason, storing nothing on the register', async () => {
      const { dayId, oakley, heldId } = await holdOakley(minutesAgo(4));
      const before = await heldWritten();
      for (const body of [
        {},
        { reason: 'no' },
        { reason: 'x'.repeat(301) },
        { reason: 'Fine reason', extra: 1 },
        { reason: 42 },
      ])
        expectProblem(await officer.post(`/api/held-changes/${heldId}/discard`, body), 400);
      expectProblem(
        await officer.post('/api/held-changes/not-an-id/discard', { reason: 'Fine reason' }),
        404,
      );
      expectProblem(
        await otherOfficer.post(`/api/held-changes/${heldId}/discard`, { reason: 'Fine reason' }),
        404,
      );
      expectProblem(
        await otherOfficer.post(`/api/held-changes/${heldId}/apply`, { reason: 'Fine reason' }),
        404,
      );
      expectProblem(
        await officer.post(`/api/held-changes/${randomUUID()}/discard`, { reason: 'Fine reason' }),
        404,
      );
      expectProblem(
        await t.anonymous().post(`/api/held-changes/${heldId}/discard`).send({ reason: 'Fine reason' }),
        401,
      );
      expect(await heldWritten()).toEqual(before);
      const discarded = await officer.post(`/api/held-changes/${heldId}/discard`, {
        reason: 'Marked by hand on the paper sheet already',
      });
      expect(discarded.status).toBe(200);
      expect(discarded.body).toMatchObject({ id: heldId, decision: 'discarded' });
      expect(await invitationOf(dayId, oakley.id)).toEqual({ status: 'accepted', markedBy: null });
      const [row] = await t.db.query(
        `SELECT decision, reason, decided_by AS "decidedBy" FROM held_changes WHERE id = $1`,
        [heldId],
      );
      expect(row).toEqual({
        decision: 'discarded',
        reason: 'Marked by hand on the paper sheet already',
        decidedBy: officer.user.id,
      });
      expect(await countRows(t.db, 'audit_events')).toBe(before.audit + 1);
    });

    it('should apply a held register mark from a moved session through the register', async () => {
      const { sessionId, people } = await sessionWith('Isla');
      expect(
        (await officer.post(`/api/sessions/${sessionId}/move`, { date: today, startTime: '02:00' })).status,
      ).toBe(200);
      const at = minutesAgo(10);
      const held = await putRegister(
        officer,
        sessionId,
        [{ youngPersonId: people[0].id, status: 'present' }],
        {
          key: randomUUID(),
          at,
        },
      );
      expect(held.status).toBe(202);
      const applied = await officer.post(`/api/held-changes/${held.body.heldChangeId}/apply`, {});
      expect(applied.status).toBe(200);
      expect(await markOf(sessionId, people[0].id)).toEqual({
        status: 'present',
        recordedBy: officer.user.id,
      });
      const [audit] = await t.db.query(
        `SELECT device_time AS "deviceTime" FROM audit_events
          WHERE entity_type = 'group_session' AND entity_id = $1 AND detail->>'change' = 'attendance'`,
        [sessionId],
      );
      expect(audit.deviceTime).toEqual(new Date(at));
    });

    it('should hold a register mark made before its session was moved', async () => {
      const { sessionId, people } = await sessionWith('Ember');
      const moved = await officer.post(`/api/sessions/${sessionId}/move`, {
        date: addDays(today, 1),
        startTime: '18:00',
      });
      expect(moved.status).toBe(200);
      const [session] = await t.db.query(
        `SELECT moved_at AS "movedAt", moved_from AS "movedFrom" FROM group_sessions WHERE id = $1`,
        [sessionId],
      );
      expect(session.movedAt).toBeInstanceOf(Date);
      expect(session.movedFrom).toBeInstanceOf(Date);
      const res = await putRegister(
        officer,
        sessionId,
        [{ youngPersonId: people[0].id, status: 'present' }],
        {
          key: randomUUID(),
          at: minutesAgo(10),
        },
      );
      expect(res.status).toBe(202);
      expect(res.body.detail).toMatch(
        /^The occasion was moved from .* after your mark on the register for Ember/,
      );
      expect(await markOf(sessionId, people[0].id)).toBeUndefined();
      const [held] = await t.db.query(`SELECT outcome FROM held_changes WHERE id = $1`, [
        res.body.heldChangeId,
      ]);
      expect(held).toEqual({ outcome: 'held-moved' });
    });

    it('should store a register mark made after the session was moved as online', async () => {
      const { sessionId, people } = await sessionWith('Fenna');
      expect(
        (await officer.post(`/api/sessions/${sessionId}/move`, { date: today, startTime: '01:30' })).status,
      ).toBe(200);
      const res = await putRegister(
        officer,
        sessionId,
        [{ youngPersonId: people[0].id, status: 'present' }],
        {
          key: randomUUID(),
          at: new Date(Date.now() + 1000).toISOString(),
        },
      );
      expect(res.status).toBe(200);
      expect(await markOf(sessionId, people[0].id)).toEqual({
        status: 'present',
        recordedBy: officer.user.id,
      });
    });
  });

  describe('many changes', () => {
    it('should store 500 distinct offline marks sent one after another, each once', async () => {
      const sessions = [];
      const people: { id: string }[] = [];
      const first = await sessionWith(...Array.from({ length: 50 }, (_, i) => `Bulk ${i + 1}`));
      sessions.push(first.sessionId);
      people.push(...first.people);
      for (let i = 1; i < 10; i++) {
        const session = await officer.post(`/api/groups/${first.groupId}/sessions`, {
          date: today,
          startTime: `${String(i + 1).padStart(2, '0')}:30`,
          durationMinutes: 30,
          venue: null,
          agenda: null,
        });
        expect(session.status).toBe(201);
        sessions.push(session.body.id as string);
      }
      const before = await written();
      const started = Date.now();
      const statuses = new Map<number, number>();
      for (const sessionId of sessions)
        for (const person of people) {
          const res = await putRegister(
            officer,
            sessionId,
            [{ youngPersonId: person.id, status: 'present' }],
            {
              key: randomUUID(),
              at: minutesAgo(60),
            },
          );
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      // Logged, not asserted: the machine's speed is not the rule under test.
      console.log(`500 offline marks stored one after another in ${Date.now() - started} ms`);
      expect([...statuses]).toEqual([[200, 500]]);
      const after = await written();
      expect(after.attendance - before.attendance).toBe(500);
      expect(after.keys - before.keys).toBe(500);
      const [stored] = await t.db.query(
        `SELECT count(*)::int AS n FROM attendance WHERE session_id = ANY($1::uuid[])`,
        [sessions],
      );
      expect(stored.n).toBe(500);
      const [audited] = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_events
          WHERE entity_type = 'group_session' AND entity_id = ANY($1::text[]) AND detail->>'change' = 'attendance'
            AND device_time IS NOT NULL`,
        [sessions],
      );
      expect(audited.n).toBe(500);
    });
  });
});
