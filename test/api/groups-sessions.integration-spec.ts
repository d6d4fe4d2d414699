import { AuditAction, Role, ServiceExperienceKind, addDays, todayInLondon } from '@heard/domain';
import { AuditEvent } from '@heard/api/platform/audit/audit-event.entity';
import { createGroup, createYoungPerson, dateOfBirthForAge, groupRequest } from './support/factories';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

/** The next date on or after `from` that falls on `weekday` (0 = Sunday). */
function nextWeekday(from: string, weekday: number): string {
  let d = from;
  while (new Date(`${d}T00:00:00Z`).getUTCDay() !== weekday) d = addDays(d, 1);
  return d;
}

describe('groups, membership, sessions and attendance', () => {
  let t: TestApp;
  let officer: SignedInClient;
  const today = todayInLondon();
  const firstTuesday = nextWeekday(addDays(today, 1), 2);

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
  });
  afterAll(() => t.close());

  const weeklyTuesday = (facilitatorIds: string[] = [], venue: string | null = null) =>
    groupRequest({
      minAge: 10,
      maxAge: 12,
      serviceExperiences: [ServiceExperienceKind.LookedAfter, ServiceExperienceKind.ChildInNeed],
      facilitatorIds,
      venue,
      pattern: {
        rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
        startsOn: firstTuesday,
        startTime: '17:00',
        durationMinutes: 90,
      },
    });

  it.each([
    ['every minute forever', 'FREQ=MINUTELY', /weekly, fortnightly or monthly/],
    ['daily', 'FREQ=DAILY', /weekly, fortnightly or monthly/],
    ['times inside the rule', 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=9', /does not use BYHOUR/],
    ['too many occurrences', 'FREQ=WEEKLY;BYDAY=TU;COUNT=100000', /COUNT must be between/],
    ['every weekday of the month', 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH', /at most 3 times a week/],
    ['not a rule at all', 'every tuesday please', /RFC 5545/],
  ])('should refuse a meeting pattern that is %s and create nothing', async (_name, rrule, message) => {
    const before = await countRows(t.db, 'groups');
    const res = await officer.post(
      '/api/groups',
      groupRequest({ pattern: { rrule, startsOn: firstTuesday, startTime: '17:00', durationMinutes: 90 } }),
    );
    expectProblem(res, 400);
    expect(res.body.errors['pattern.rrule'][0]).toMatch(message);
    expect(await countRows(t.db, 'groups')).toBe(before);
  });

  it('should refuse a youngest age below 10, naming the field, on creating and on editing, and write nothing', async () => {
    const before = await countRows(t.db, 'groups');
    const created = await officer.post('/api/groups', groupRequest({ minAge: 9, maxAge: 12 }));
    expectProblem(created, 400);
    expect(created.body.errors.minAge[0]).toMatch(/ages start at 10/);
    expect(await countRows(t.db, 'groups')).toBe(before);

    const juniors = await createGroup(officer, groupRequest({ minAge: 10, maxAge: 12 }));
    const edited = await officer.put(`/api/groups/${juniors.id}`, groupRequest({ minAge: 9, maxAge: 12 }));
    expectProblem(edited, 400);
    expect(Object.keys(edited.body.errors)).toEqual(['minAge']);
    expect((await officer.get(`/api/groups/${juniors.id}`)).body.minAge).toBe(10);
  });

  it('should refuse an age range upside down and a facilitator who is not staff', async () => {
    const upside = await officer.post('/api/groups', groupRequest({ minAge: 15, maxAge: 12 }));
    expectProblem(upside, 400);
    expect(upside.body.errors).toHaveProperty('maxAge');
    const expert = await t.signInAs(Role.YoungExpert);
    const wrong = await officer.post('/api/groups', groupRequest({ facilitatorIds: [expert.user.id] }));
    expectProblem(wrong, 400);
    expect(wrong.body.errors).toHaveProperty(['facilitatorIds.0']);
  });

  it('should check eligibility on joining, name the failed rule, and allow an audited override', async () => {
    const juniors = await createGroup(officer, weeklyTuesday());
    const fits = await createYoungPerson(officer, {
      preferredName: 'Fits',
      dateOfBirth: dateOfBirthForAge(11),
    });
    const tooOld = await createYoungPerson(officer, {
      preferredName: 'Too Old',
      dateOfBirth: dateOfBirthForAge(15),
    });

    const ok = await officer.post(`/api/groups/${juniors.id}/members`, {
      youngPersonId: fits.id,
      joinedOn: today,
      role: 'chair',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ youngPersonId: fits.id, role: 'chair', age: 11, overrideReason: null });

    const refused = await officer.post(`/api/groups/${juniors.id}/members`, {
      youngPersonId: tooOld.id,
      joinedOn: today,
    });
    expectProblem(refused, 400);
    // Why is said once, on the field, not again in the detail shown above it.
    expect(refused.body.detail).toMatch(
      /^Too Old does not fit who Group \w+ is for\. An officer can override this with a reason\.$/,
    );
    expect(refused.body.errors.youngPersonId).toEqual(['They are 15; this group is for up to 12.']);

    const overridden = await officer.post(`/api/groups/${juniors.id}/members`, {
      youngPersonId: tooOld.id,
      joinedOn: today,
      overrideReason: 'Joining with their younger brother for the first term.',
    });
    expect(overridden.status).toBe(201);
    expect(overridden.body.overrideReason).toMatch(/younger brother/);
    const audit = await t.db.getRepository(AuditEvent).findOneByOrFail({ entityId: overridden.body.id });
    expect(audit.action).toBe(AuditAction.Override);
    expect(audit.detail['failedRules']).toBe('max_age');

    const twice = await officer.post(`/api/groups/${juniors.id}/members`, {
      youngPersonId: fits.id,
      joinedOn: today,
    });
    expectProblem(twice, 409);
    const early = await officer.post(`/api/groups/${juniors.id}/members/${ok.body.id}/leave`, {
      leftOn: addDays(today, -1),
    });
    expectProblem(early, 400);
    expect(early.body.errors).toHaveProperty('leftOn');
  });

  it('should list members who age out on a chosen date and suggest the group they fit next', async () => {
    const juniors = await createGroup(officer, groupRequest({ name: 'Juniors AO', minAge: 10, maxAge: 12 }));
    const deputies = await createGroup(
      officer,
      groupRequest({ name: 'Deputies AO', minAge: 13, maxAge: 15 }),
    );
    await createGroup(officer, groupRequest({ name: 'Everyone AO', minAge: 10, maxAge: 25 }));
    const turning = await createYoungPerson(officer, {
      preferredName: 'Turning Thirteen',
      dateOfBirth: dateOfBirthForAge(12, 20),
    });
    await officer.post(`/api/groups/${juniors.id}/members`, { youngPersonId: turning.id, joinedOn: today });

    const now = await officer.get(`/api/groups/ageing-out?on=${today}`);
    expect(now.body.find((e: { youngPersonId: string }) => e.youngPersonId === turning.id)).toBeUndefined();
    const later = await officer.get(`/api/groups/ageing-out?on=${addDays(today, 30)}`);
    const entry = later.body.find((e: { youngPersonId: string }) => e.youngPersonId === turning.id);
    expect(entry).toMatchObject({
      age: 13,
      group: { name: 'Juniors AO' },
      suggestedGroup: { id: deputies.id, name: 'Deputies AO' },
    });
    expect(entry.reasons).toEqual(['They are 13; this group is for up to 12.']);
    expectProblem(await officer.get('/api/groups/ageing-out?on=soon'), 400);
  });

  it('should generate sessions from the pattern, idempotently, and refuse exceptions off the pattern', async () => {
    const group = await createGroup(officer, weeklyTuesday());
    const first = await officer.post(`/api/groups/${group.id}/sessions/generate`, {});
    expect(first.status).toBe(200);
    expect(first.body.created).toBe(6); // fortnightly for 12 weeks
    const again = await officer.post(`/api/groups/${group.id}/sessions/generate`, {});
    expect(again.body).toMatchObject({ created: 0, updated: 0 });
    const sessions = await officer.get(
      `/api/sessions?groupId=${group.id}&from=${today}&to=${addDays(today, 90)}`,
    );
    expect(sessions.body).toHaveLength(6);
    // 17:00 London time, whatever the season.
    for (const s of sessions.body) {
      expect(
        new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Europe/London',
          hour: '2-digit',
          minute: '2-digit',
        }).format(new Date(s.startsAt)),
      ).toBe('17:00');
    }

    const offPattern = await officer.post(`/api/groups/${group.id}/exceptions`, {
      date: addDays(firstTuesday, 7),
      kind: 'cancelled',
    });
    expectProblem(offPattern, 400);
    expect(offPattern.body.errors.date[0]).toMatch(/not one of this group's meeting dates/);

    const holiday = await officer.post(`/api/groups/${group.id}/exceptions`, {
      date: addDays(firstTuesday, 14),
      kind: 'cancelled',
      reason: 'Half term',
    });
    expect(holiday.status).toBe(204);
    const after = await officer.get(
      `/api/sessions?groupId=${group.id}&from=${today}&to=${addDays(today, 90)}`,
    );
    expect(after.body.find((s: { status: string }) => s.status === 'cancelled')).toBeTruthy();

    // An earlier date's exception recorded later still comes first on the group's page.
    const moved = await officer.post(`/api/groups/${group.id}/exceptions`, {
      date: firstTuesday,
      kind: 'moved',
      movedTo: { date: addDays(firstTuesday, 1), startTime: '18:00' },
    });
    expect(moved.status).toBe(204);
    const page = await officer.get(`/api/groups/${group.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toEqual({
      id: group.id,
      name: group.name,
      purpose: groupRequest().purpose,
      minAge: 10,
      maxAge: 12,
      serviceExperiences: ['looked_after', 'child_in_need'],
      memberCount: 0,
      nextSessionAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      archived: false,
      facilitators: [],
      venue: null,
      onlineLink: null,
      capacity: null,
      pattern: {
        rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
        startsOn: firstTuesday,
        startTime: '17:00',
        durationMinutes: 90,
      },
      exceptions: [
        {
          date: firstTuesday,
          kind: 'moved',
          movedTo: { date: addDays(firstTuesday, 1), startTime: '18:00' },
        },
        { date: addDays(firstTuesday, 14), kind: 'cancelled', reason: 'Half term' },
      ],
    });

    expectProblem(
      await officer.post(`/api/groups/${group.id}/sessions/generate`, { until: addDays(today, 800) }),
      400,
    );
  });

  it('should refuse a facilitator or room booked twice, naming the clash', async () => {
    const facilitator = await t.signInAs(Role.ParticipationOfficer, { displayName: 'Frankie Facilitator' });
    const a = await createGroup(officer, weeklyTuesday([facilitator.user.id], 'Room A'));
    await officer.post(`/api/groups/${a.id}/sessions/generate`, {});
    const b = await createGroup(officer, weeklyTuesday([facilitator.user.id], 'Room B'));
    const clash = await officer.post(`/api/groups/${b.id}/sessions/generate`, {});
    expectProblem(clash, 409);
    expect(clash.body.detail).toBe(
      'This clashes with another session: choose another time, or change the facilitators.',
    );
    expect(clash.body.errors.facilitatorIds).toEqual([
      expect.stringMatching(/^Frankie Facilitator is already facilitating .+ on .+\.$/),
    ]);
    expect(await countRows(t.db, `group_sessions WHERE group_id = '${b.id}'`)).toBe(0);

    const c = await createGroup(officer, weeklyTuesday([], 'room a'));
    const room = await officer.post(`/api/groups/${c.id}/sessions`, {
      date: firstTuesday,
      startTime: '18:00',
      durationMinutes: 60,
    });
    expectProblem(room, 409);
    expect(room.body.detail).toBe('This clashes with another session: choose another time or room.');
    expect(room.body.errors.venue).toEqual([expect.stringMatching(/^Room A is already booked/)]);
  });

  it('should move a session, raise its sequence, and keep the move when generating again', async () => {
    const group = await createGroup(officer, weeklyTuesday([], 'Moving Room'));
    await officer.post(`/api/groups/${group.id}/sessions/generate`, {});
    const [first] = (
      await officer.get(`/api/sessions?groupId=${group.id}&from=${today}&to=${addDays(today, 90)}`)
    ).body;
    const moved = await officer.post(`/api/sessions/${first.id}/move`, {
      date: addDays(firstTuesday, 1),
      startTime: '16:00',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: first.id, moved: true });
    expect(await t.db.query(`SELECT sequence FROM group_sessions WHERE id = $1`, [first.id])).toEqual([
      { sequence: 1 },
    ]);
    const regenerated = await officer.post(`/api/groups/${group.id}/sessions/generate`, {});
    expect(regenerated.body).toMatchObject({ created: 0, updated: 0 });
    const detail = await officer.get(`/api/sessions/${first.id}`);
    expect(detail.body.startsAt).toBe(moved.body.startsAt);
  });

  it('should take attendance for members only, never for a cancelled session, and report rates', async () => {
    const group = await createGroup(officer, weeklyTuesday([], 'Register Room'));
    await officer.post(`/api/groups/${group.id}/sessions/generate`, {});
    const [s1, s2] = (
      await officer.get(`/api/sessions?groupId=${group.id}&from=${today}&to=${addDays(today, 90)}`)
    ).body;
    const ann = await createYoungPerson(officer, {
      preferredName: 'Ann',
      dateOfBirth: dateOfBirthForAge(11),
    });
    const bo = await createYoungPerson(officer, { preferredName: 'Bo', dateOfBirth: dateOfBirthForAge(11) });
    const outsider = await createYoungPerson(officer, {
      preferredName: 'Outsider',
      dateOfBirth: dateOfBirthForAge(11),
    });
    await officer.post(`/api/groups/${group.id}/members`, { youngPersonId: ann.id, joinedOn: today });
    await officer.post(`/api/groups/${group.id}/members`, { youngPersonId: bo.id, joinedOn: today });

    const register = await officer.get(`/api/sessions/${s1.id}`);
    expect(register.body.register.map((r: { preferredName: string }) => r.preferredName)).toEqual([
      'Ann',
      'Bo',
    ]);

    const before = await countRows(t.db, 'attendance');
    const refused = await officer.agent
      .put(`/api/sessions/${s1.id}/attendance`)
      .set('X-XSRF-TOKEN', officer.session.csrfToken)
      .send({
        entries: [
          { youngPersonId: ann.id, status: 'present' },
          { youngPersonId: outsider.id, status: 'present' },
        ],
      });
    expectProblem(refused, 400);
    expect(refused.body.errors['entries.1.youngPersonId'][0]).toMatch(/not a member/);
    expect(await countRows(t.db, 'attendance')).toBe(before);

    const put = (sessionId: string, entries: object[]) =>
      officer.agent
        .put(`/api/sessions/${sessionId}/attendance`)
        .set('X-XSRF-TOKEN', officer.session.csrfToken)
        .send({ entries });
    const ok = await put(s1.id, [
      { youngPersonId: ann.id, status: 'present' },
      { youngPersonId: bo.id, status: 'apologies' },
    ]);
    expect(ok.status).toBe(200);
    expect(ok.body.register).toEqual([
      { youngPersonId: ann.id, preferredName: 'Ann', status: 'present' },
      { youngPersonId: bo.id, preferredName: 'Bo', status: 'apologies' },
    ]);

    await officer.post(`/api/sessions/${s2.id}/cancel`, { reason: 'Snow' });
    const cancelled = await put(s2.id, [{ youngPersonId: ann.id, status: 'present' }]);
    expectProblem(cancelled, 409);

    const history = await officer.get(`/api/young-people/${ann.id}/attendance`);
    expect(history.body.overall).toEqual({ present: 1, apologies: 0, absent: 0, rate: 1 });
    const groupRates = await officer.get(`/api/groups/${group.id}/attendance`);
    const boRate = groupRates.body.members.find((m: { youngPersonId: string }) => m.youngPersonId === bo.id);
    expect(boRate).toMatchObject({ apologies: 1, rate: 0 });
    // The answer is mapped: no database row rides along (it once sent each member's whole row).
    expect(Object.keys(boRate).sort()).toEqual([
      'absent',
      'apologies',
      'preferredName',
      'present',
      'rate',
      'youngPersonId',
    ]);
    expectProblem(await put(s1.id, [{ youngPersonId: ann.id, status: 'late' }]), 400);
  });
});

describe('calendar feeds', () => {
  let t: TestApp;
  let officer: SignedInClient;
  const today = todayInLondon();

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer, { displayName: 'Cal Officer' });
  });
  afterAll(() => t.close());

  it('should publish a private feed where moved and cancelled sessions keep their UID and raise SEQUENCE', async () => {
    const group = await createGroup(
      officer,
      groupRequest({
        name: 'Feed Group',
        facilitatorIds: [officer.user.id],
        pattern: { rrule: 'FREQ=WEEKLY;BYDAY=WE', startsOn: today, startTime: '16:30', durationMinutes: 60 },
      }),
    );
    await officer.post(`/api/groups/${group.id}/sessions/generate`, {});
    const feed = await officer.post('/api/calendar-feeds', { scope: 'mine' });
    expect(feed.status).toBe(201);
    const path = new URL(feed.body.url).pathname;
    const first = await t.anonymous().get(path);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/^text\/calendar/);
    const sessions = (
      await officer.get(`/api/sessions?groupId=${group.id}&from=${today}&to=${addDays(today, 90)}`)
    ).body;
    expect(first.text).toContain(`UID:${sessions[0].id}@heard`);
    expect(first.text).toMatch(/SEQUENCE:0/);

    await officer.post(`/api/sessions/${sessions[0].id}/move`, {
      date: addDays(sessions[0].startsAt.slice(0, 10), 1),
      startTime: '18:00',
    });
    await officer.post(`/api/sessions/${sessions[1].id}/cancel`, { reason: 'Trip' });
    const second = (await t.anonymous().get(path)).text;
    const event = (id: string) =>
      second.split('BEGIN:VEVENT').find((e) => e.includes(`UID:${id}@heard`)) ?? '';
    expect(event(sessions[0].id)).toMatch(/SEQUENCE:1/);
    expect(event(sessions[0].id)).toMatch(/DTSTART:\d{8}T1[78]0000Z/);
    expect(event(sessions[1].id)).toMatch(/STATUS:CANCELLED/);
    expect(second.split('BEGIN:VEVENT').filter((e) => e.includes(`UID:${sessions[0].id}`))).toHaveLength(1);

    const revoked = await officer.post(`/api/calendar-feeds/${feed.body.id}/revoke`);
    expect(revoked.body.revokedAt).not.toBeNull();
    expectProblem(await t.anonymous().get(path), 404);
  });

  it('should answer a tampered or unknown feed address with 404', async () => {
    expectProblem(await t.anonymous().get('/api/calendar/not-a-token.ics'), 404);
    expectProblem(await t.anonymous().get(`/api/calendar/${'A'.repeat(43)}.ics`), 404);
  });

  it('should end a group feed when its owner loses the role that made it (found by the security test)', async () => {
    const admin = await t.signInAs(Role.Administrator);
    const owner = await t.signInAs(Role.ParticipationOfficer);
    const group = await createGroup(owner, groupRequest({ name: 'Role Feed Group' }));
    const groupFeed = await owner.post('/api/calendar-feeds', { scope: 'group', groupId: group.id });
    const ownFeed = await owner.post('/api/calendar-feeds', { scope: 'mine' });
    expect([groupFeed.status, ownFeed.status]).toEqual([201, 201]);
    const groupPath = new URL(groupFeed.body.url).pathname;
    const ownPath = new URL(ownFeed.body.url).pathname;
    expect((await t.anonymous().get(groupPath)).status).toBe(200);

    const role = (to: Role) => admin.patch(`/api/users/${owner.user.id}/role`, { role: to });
    expect((await role(Role.Practitioner)).status).toBe(200);
    // A practitioner keeps their own diary, but a whole group's was the officer role's to see.
    expectProblem(await t.anonymous().get(groupPath), 404);
    expect((await t.anonymous().get(ownPath)).status).toBe(200);

    expect((await role(Role.SeniorLeader)).status).toBe(200);
    expectProblem(await t.anonymous().get(groupPath), 404);
    expectProblem(await t.anonymous().get(ownPath), 404);

    // Ended, not paused: the role given back does not revive an address that may have been passed on.
    expect((await role(Role.ParticipationOfficer)).status).toBe(200);
    expectProblem(await t.anonymous().get(groupPath), 404);
    expectProblem(await t.anonymous().get(ownPath), 404);
  });

  it('should not store the feed address, only its hash', async () => {
    const feed = await officer.post('/api/calendar-feeds', { scope: 'mine' });
    const token = /calendar\/(.+)\.ics$/.exec(feed.body.url)![1];
    const rows: { token_hash: string }[] = await t.db.query(
      `SELECT token_hash FROM calendar_feeds WHERE id = $1`,
      [feed.body.id],
    );
    expect(rows[0].token_hash).not.toContain(token);
    expect(
      (await officer.get('/api/calendar-feeds')).body.every((f: { url?: string }) => f.url === undefined),
    ).toBe(true);
  });
});
