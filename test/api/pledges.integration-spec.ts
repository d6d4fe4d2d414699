import { randomUUID } from 'node:crypto';
import { MyPledge, PledgeListResponse, PledgeResponse, Role, addDays, todayInLondon } from '@heard/domain';
import { insertItem, insertSession } from './support/action-log-fixtures';
import { makeAction, makeTheme } from './support/action-log-office-fixtures';
import { createGroup, createYoungPerson, dateOfBirthForAge } from './support/factories';
import { pledgeRequest, pledgeState } from './support/pledge-fixtures';
import { SignedInClient, TestApp, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();

/**
 * Pledges (issue 13 §1, docs/pledges.md): an officer records a pledge made at a managers' forum for
 * a leader, who confirms it and keeps it up to date; young experts and groups say whether it was
 * kept; where the two colours differ the pledge is flagged on both sides' views. Leaders change
 * only their own; every change is on the timeline; every refusal is problem+json and writes nothing.
 */
describe('pledges', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let dana: SignedInClient;
  let otherLeader: SignedInClient;
  let practitioner: SignedInClient;
  let admin: SignedInClient;
  let kai: SignedInClient;
  let zara: SignedInClient;
  let themeId: string;
  let retiredThemeId: string;
  let dibId: string;
  let dibSession: string;
  let otherSession: string;

  const refused = async (send: () => Promise<{ status: number }>, status: number, field?: string) => {
    const before = await pledgeState(t.db);
    const res = (await send()) as Parameters<typeof expectProblem>[0];
    expectProblem(res, status);
    if (field) expect(Object.keys(res.body.errors ?? {})).toContain(field);
    expect(await pledgeState(t.db)).toEqual(before);
    return res;
  };
  const events = async (id: string) =>
    (
      (await t.db.query(`SELECT event FROM pledge_timeline WHERE pledge_id = $1 ORDER BY id`, [id])) as {
        event: string;
      }[]
    ).map((e) => e.event);

  /** An officer records a pledge Dana made at the forum, to the Young DIB. */
  const onBehalf = async (over: object = {}): Promise<PledgeResponse> => {
    const res = await officer.post('/api/pledges', {
      ...pledgeRequest(themeId, { madeById: dana.user.id, groupId: dibId }),
      ...over,
    });
    expect(res.status).toBe(201);
    return res.body as PledgeResponse;
  };
  const confirmed = async (over: object = {}): Promise<PledgeResponse> => {
    const pledge = await onBehalf(over);
    const res = await dana.post(`/api/pledges/${pledge.id}/confirmation`, { answer: 'confirm' });
    expect(res.status).toBe(200);
    return res.body as PledgeResponse;
  };

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer, { displayName: 'Ola Officer' });
    dana = await t.signInAs(Role.SeniorLeader, { displayName: 'Dana Fairweather' });
    otherLeader = await t.signInAs(Role.SeniorLeader, { displayName: 'Rowan Marsh' });
    practitioner = await t.signInAs(Role.Practitioner);
    admin = await t.signInAs(Role.Administrator);
    themeId = await makeTheme(t.db, 'Our language');
    retiredThemeId = await makeTheme(t.db, 'Old theme');
    await t.db.query(`UPDATE action_log_themes SET retired_at = now() WHERE id = $1`, [retiredThemeId]);
    const kaiPerson = await createYoungPerson(officer, {
      preferredName: 'Kai',
      dateOfBirth: dateOfBirthForAge(16),
    });
    const zaraPerson = await createYoungPerson(officer, {
      preferredName: 'Zara',
      dateOfBirth: dateOfBirthForAge(17),
    });
    kai = await t.signInAs(Role.YoungExpert, { displayName: 'Kai', youngPersonId: kaiPerson.id });
    zara = await t.signInAs(Role.YoungExpert, { displayName: 'Zara', youngPersonId: zaraPerson.id });
    dibId = (await createGroup(officer, { name: 'Young DIB', minAge: 13, maxAge: 25 })).id;
    const other = await createGroup(officer, { name: 'Juniors', minAge: 10, maxAge: 12 });
    const joined = await officer.post(`/api/groups/${dibId}/members`, {
      youngPersonId: kaiPerson.id,
      joinedOn: addDays(today, -60),
      role: 'member',
    });
    expect(joined.status).toBe(201);
    dibSession = await insertSession(t.db, dibId, -1);
    otherSession = await insertSession(t.db, other.id, -1);
  });
  afterAll(() => t.close());

  it('an officer records a forum pledge, the leader confirms it and goes amber, a young expert says red: flagged on both sides', async () => {
    const recorded = await onBehalf();
    expect(recorded).toMatchObject({
      status: 'unconfirmed',
      unconfirmed: true,
      confirmedAt: null,
      madeBy: { id: dana.user.id, displayName: 'Dana Fairweather' },
      recordedBy: { id: officer.user.id, displayName: 'Ola Officer' },
      forum: 'Managers’ forum',
      theme: { id: themeId, name: 'Our language' },
      group: { id: dibId, name: 'Young DIB' },
      nextUpdateDue: addDays(today, 27),
      ratings: { leader: { rag: null }, youngPeople: { rag: null }, flagged: false },
    });
    // Young experts do not see it until the leader says it is theirs.
    expect(((await kai.get('/api/me/pledges')).body as MyPledge[]).map((p) => p.id)).not.toContain(
      recorded.id,
    );
    // The leader sees it waiting; another leader does not.
    const danas = (await dana.get('/api/pledges')).body as PledgeListResponse;
    expect(danas.pledges.find((p) => p.id === recorded.id)).toMatchObject({ unconfirmed: true });
    const others = (await otherLeader.get('/api/pledges')).body as PledgeListResponse;
    expect(others.pledges.map((p) => p.id)).not.toContain(recorded.id);

    const confirm = await dana.post(`/api/pledges/${recorded.id}/confirmation`, { answer: 'confirm' });
    expect(confirm.status).toBe(200);
    expect(confirm.body).toMatchObject({ status: 'active', unconfirmed: false });
    expect(confirm.body.confirmedAt).not.toBeNull();

    const amber = await dana.post(`/api/pledges/${recorded.id}/updates`, {
      notedOn: today,
      words: 'Two of my four teams have rewritten their letter templates.',
      evidence: 'The new templates, checked by the Young DIB.',
      rag: 'amber',
      ragReason: 'Half the teams are done; the rest start in January.',
    });
    expect(amber.status).toBe(201);
    expect(amber.body).toMatchObject({
      nextUpdateDue: addDays(today, 30),
      ratings: {
        leader: { rag: 'amber', reason: 'Half the teams are done; the rest start in January.' },
        flagged: false,
      },
    });
    expect(amber.body.updates).toEqual([
      expect.objectContaining({
        notedOn: today,
        evidence: 'The new templates, checked by the Young DIB.',
        rag: 'amber',
        createdBy: { id: dana.user.id, displayName: 'Dana Fairweather' },
      }),
    ]);

    const mine = ((await kai.get('/api/me/pledges')).body as MyPledge[]).find((p) => p.id === recorded.id);
    expect(mine).toMatchObject({
      madeBy: 'Dana Fairweather',
      latestUpdate: { notedOn: today, words: 'Two of my four teams have rewritten their letter templates.' },
      myVerdict: null,
    });
    const said = await kai.put(`/api/me/pledges/${recorded.id}/verdict`, {
      verdict: 'not_kept',
      words: 'My last letter still said placement.',
    });
    expect(said.status).toBe(200);
    expect(said.body).toMatchObject({
      myVerdict: {
        verdict: 'not_kept',
        label: 'No, it was not kept',
        words: 'My last letter still said placement.',
      },
    });

    const flagged = {
      leader: { rag: 'amber' },
      youngPeople: { rag: 'red', counts: { kept: 0, partly: 0, not_kept: 1 } },
      flagged: true,
      divergence: 'leader_more_hopeful',
    };
    for (const side of [dana, officer]) {
      const one = await side.get(`/api/pledges/${recorded.id}`);
      expect(one.status).toBe(200);
      expect(one.body.ratings).toMatchObject(flagged);
      expect(one.body.verdicts).toEqual([
        expect.objectContaining({ from: 'young_expert', groupName: null, verdict: 'not_kept' }),
      ]);
      const listed = (await side.get('/api/pledges')).body as PledgeListResponse;
      expect(listed.pledges.find((p) => p.id === recorded.id)?.ratings).toMatchObject(flagged);
    }
    // The leader's view names no young person.
    expect(JSON.stringify((await dana.get(`/api/pledges/${recorded.id}`)).body)).not.toMatch(/Kai/);

    expect(await events(recorded.id)).toEqual([
      'pledge_recorded',
      'pledge_confirmed',
      'progress_updated',
      'rag_changed',
      'verdict_given',
    ]);
    const timeline = await officer.get(`/api/pledges/${recorded.id}/timeline`);
    expect(timeline.status).toBe(200);
    expect(timeline.body[0]).toMatchObject({ event: 'pledge_recorded', byName: 'Ola Officer' });
    expect(timeline.body[3]).toMatchObject({ event: 'rag_changed', detail: { from: null, to: 'amber' } });
    const audit: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'pledge' AND entity_id = $1`,
      [recorded.id],
    );
    expect(audit[0].n).toBe(4);
  });

  it('a second verdict replaces the first and the first is kept; a group’s view counts beside it', async () => {
    const pledge = await confirmed();
    await kai.put(`/api/me/pledges/${pledge.id}/verdict`, { verdict: 'kept' });
    const again = await kai.put(`/api/me/pledges/${pledge.id}/verdict`, {
      verdict: 'partly',
      words: 'Some of it.',
    });
    expect(again.status).toBe(200);
    expect(again.body.myVerdict).toMatchObject({ verdict: 'partly', words: 'Some of it.' });
    const rows: { verdict: string; superseded: boolean }[] = await t.db.query(
      `SELECT verdict, superseded_at IS NOT NULL AS superseded FROM pledge_verdicts WHERE pledge_id = $1
        ORDER BY recorded_at, id`,
      [pledge.id],
    );
    expect(rows).toEqual([
      { verdict: 'kept', superseded: true },
      { verdict: 'partly', superseded: false },
    ]);

    const view = await officer.post(`/api/pledges/${pledge.id}/group-views`, {
      sessionId: dibSession,
      verdict: 'not_kept',
      words: 'The group said nobody had heard of the new templates.',
    });
    expect(view.status).toBe(201);
    expect(view.body.ratings.youngPeople).toEqual({
      rag: 'red',
      counts: { kept: 0, partly: 1, not_kept: 1 },
    });
    expect(view.body.verdicts).toEqual([
      expect.objectContaining({ from: 'young_expert', verdict: 'partly', words: 'Some of it.' }),
      expect.objectContaining({
        from: 'group',
        groupName: 'Young DIB',
        verdict: 'not_kept',
        words: 'The group said nobody had heard of the new templates.',
      }),
    ]);
    // The leader has given no colour yet: nothing to differ from.
    expect(view.body.ratings).toMatchObject({ flagged: false, divergence: null });
    const green = await dana.post(`/api/pledges/${pledge.id}/updates`, {
      notedOn: today,
      words: 'All teams trained.',
      rag: 'green',
      ragReason: 'Every team has had the training.',
    });
    expect(green.body.ratings).toMatchObject({ flagged: true, divergence: 'leader_more_hopeful' });
    // The group changes its mind at a later session: its view replaces its last, and the flag goes.
    const later = await officer.post(`/api/pledges/${pledge.id}/group-views`, {
      sessionId: dibSession,
      verdict: 'kept',
      words: 'Now they have seen the letters.',
    });
    await kai.put(`/api/me/pledges/${pledge.id}/verdict`, { verdict: 'kept' });
    const now = (await dana.get(`/api/pledges/${pledge.id}`)).body as PledgeResponse;
    expect(later.status).toBe(201);
    expect(now.ratings).toMatchObject({ youngPeople: { rag: 'green' }, flagged: false });
    expect(await events(pledge.id)).toEqual([
      'pledge_recorded',
      'pledge_confirmed',
      'verdict_given',
      'verdict_given',
      'verdict_given',
      'progress_updated',
      'rag_changed',
      'verdict_given',
      'verdict_given',
    ]);
  });

  it('a leader records their own pledge, active at once, and changes it; it can be completed', async () => {
    const res = await dana.post(
      '/api/pledges',
      pledgeRequest(themeId, { forum: 'Corporate parenting panel' }),
    );
    expect(res.status).toBe(201);
    const own = res.body as PledgeResponse;
    expect(own).toMatchObject({
      status: 'active',
      unconfirmed: false,
      group: null,
      madeBy: { id: dana.user.id },
    });
    expect(own.confirmedAt).not.toBeNull();
    // Made to no group: every young expert may say, Zara too.
    expect((await zara.put(`/api/me/pledges/${own.id}/verdict`, { verdict: 'partly' })).status).toBe(200);

    const changed = await dana.patch(`/api/pledges/${own.id}`, {
      expectedUpdatedAt: own.updatedAt,
      words: 'Every letter will use the young person’s own words.',
      updateEveryDays: 60,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ updateEveryDays: 60, nextUpdateDue: addDays(own.madeOn, 60) });
    const done = await dana.patch(`/api/pledges/${own.id}`, {
      expectedUpdatedAt: changed.body.updatedAt,
      status: 'completed',
    });
    expect(done.body.status).toBe('completed');
    expect(await events(own.id)).toEqual([
      'pledge_recorded',
      'verdict_given',
      'pledge_changed',
      'status_changed',
    ]);
    // A completed pledge takes no more updates.
    await refused(() => dana.post(`/api/pledges/${own.id}/updates`, { notedOn: today, words: 'More.' }), 409);
  });

  it('links a pledge to You said items and actions', async () => {
    const pledge = await confirmed();
    const itemId = await insertItem(t.db, officer.user.id, { words: 'Letters are full of jargon.' });
    const actionId = await makeAction(t.db, {
      createdBy: officer.user.id,
      itemIds: [itemId],
      status: 'done',
    });
    expect((await officer.post(`/api/pledges/${pledge.id}/links`, { itemId })).status).toBe(201);
    const linked = await officer.post(`/api/pledges/${pledge.id}/links`, { actionId });
    expect(linked.status).toBe(201);
    expect(linked.body.links).toEqual({ itemIds: [itemId], actionIds: [actionId] });
    await refused(() => officer.post(`/api/pledges/${pledge.id}/links`, { itemId }), 409);
    await refused(() => officer.post(`/api/pledges/${pledge.id}/links`, { itemId: randomUUID() }), 404);
    await refused(() => officer.post(`/api/pledges/${pledge.id}/links`, { itemId, actionId }), 400, 'itemId');
    await refused(() => officer.post(`/api/pledges/${pledge.id}/links`, {}), 400, 'itemId');
    // A leader sees only items of young people linked to them: an item about no one they know is not theirs to link.
    await refused(() => dana.post(`/api/pledges/${pledge.id}/links`, { itemId: randomUUID() }), 404);
    expect(await events(pledge.id)).toEqual(['pledge_recorded', 'pledge_confirmed', 'linked', 'linked']);

    // A link made by mistake is taken away; the timeline and the audit keep that it was there.
    const unlinked = await officer.post(`/api/pledges/${pledge.id}/unlink`, { actionId });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.links).toEqual({ itemIds: [itemId], actionIds: [] });
    await refused(() => officer.post(`/api/pledges/${pledge.id}/unlink`, { actionId }), 404);
    await refused(() => officer.post(`/api/pledges/${pledge.id}/unlink`, { itemId: randomUUID() }), 404);
    await refused(
      () => officer.post(`/api/pledges/${pledge.id}/unlink`, { itemId, actionId }),
      400,
      'itemId',
    );
    await refused(() => officer.post(`/api/pledges/${pledge.id}/unlink`, {}), 400, 'itemId');
    await refused(
      () => officer.post(`/api/pledges/${pledge.id}/unlink`, { itemId: 'x'.repeat(5000) }),
      400,
      'itemId',
    );
    await refused(() => officer.post(`/api/pledges/${randomUUID()}/unlink`, { itemId }), 404);
    await refused(() => dana.post(`/api/pledges/${pledge.id}/unlink`, { itemId: randomUUID() }), 404);
    const audited: { detail: { event: string; actionId: string } }[] = await t.db.query(
      `SELECT detail FROM audit_events WHERE entity_id = $1 AND detail->>'event' = 'unlinked'`,
      [pledge.id],
    );
    expect(audited.map((a) => a.detail)).toEqual([{ event: 'unlinked', actionId }]);
    // Linked again, it is a new link with its own entry.
    expect((await officer.post(`/api/pledges/${pledge.id}/links`, { actionId })).status).toBe(201);
    expect((await officer.post(`/api/pledges/${pledge.id}/unlink`, { itemId })).body.links).toEqual({
      itemIds: [],
      actionIds: [actionId],
    });
    expect(await events(pledge.id)).toEqual([
      'pledge_recorded',
      'pledge_confirmed',
      'linked',
      'linked',
      'unlinked',
      'linked',
      'unlinked',
    ]);
  });

  it('keeps the timeline append-only', async () => {
    const pledge = await onBehalf();
    await expect(
      t.db.query(`UPDATE pledge_timeline SET event = 'x' WHERE pledge_id = $1`, [pledge.id]),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM pledge_timeline WHERE pledge_id = $1`, [pledge.id])).rejects.toThrow(
      /append-only/,
    );
  });

  describe('who may do what', () => {
    let pledge: PledgeResponse;
    let waiting: PledgeResponse;
    beforeAll(async () => {
      pledge = await confirmed();
      waiting = await onBehalf();
    });

    it('refuses another leader everything on Dana’s pledge with 403', async () => {
      await refused(() => otherLeader.get(`/api/pledges/${pledge.id}`), 403);
      await refused(() => otherLeader.get(`/api/pledges/${pledge.id}/timeline`), 403);
      await refused(
        () =>
          otherLeader.patch(`/api/pledges/${pledge.id}`, {
            expectedUpdatedAt: pledge.updatedAt,
            words: 'Mine now',
          }),
        403,
      );
      await refused(
        () => otherLeader.post(`/api/pledges/${pledge.id}/updates`, { notedOn: today, words: 'Not mine.' }),
        403,
      );
      await refused(
        () => otherLeader.post(`/api/pledges/${waiting.id}/confirmation`, { answer: 'confirm' }),
        403,
      );
      await refused(() => otherLeader.post(`/api/pledges/${pledge.id}/links`, { itemId: randomUUID() }), 403);
      await refused(
        () => otherLeader.post(`/api/pledges/${pledge.id}/unlink`, { itemId: randomUUID() }),
        403,
      );
    });

    it('refuses a leader recording a pledge for someone else, and an officer without a leader', async () => {
      await refused(
        () => dana.post('/api/pledges', pledgeRequest(themeId, { madeById: otherLeader.user.id })),
        403,
      );
      await refused(() => officer.post('/api/pledges', pledgeRequest(themeId)), 400, 'madeById');
      await refused(
        () => officer.post('/api/pledges', pledgeRequest(themeId, { madeById: practitioner.user.id })),
        400,
        'madeById',
      );
    });

    it('lets only the leader confirm, update and change; an officer records a group’s view', async () => {
      await refused(
        () => officer.post(`/api/pledges/${waiting.id}/confirmation`, { answer: 'confirm' }),
        403,
      );
      await refused(
        () => officer.post(`/api/pledges/${pledge.id}/updates`, { notedOn: today, words: 'For them.' }),
        403,
      );
      await refused(
        () => officer.patch(`/api/pledges/${pledge.id}`, { expectedUpdatedAt: pledge.updatedAt, words: 'x' }),
        403,
      );
      await refused(
        () =>
          dana.post(`/api/pledges/${pledge.id}/group-views`, {
            sessionId: dibSession,
            verdict: 'kept',
            words: 'We did.',
          }),
        403,
      );
    });

    it.each([
      ['a practitioner', () => practitioner],
      ['an administrator', () => admin],
      ['a young expert', () => kai],
    ])('refuses %s the staff routes', async (_, who) => {
      await refused(() => who().get('/api/pledges'), 403);
      await refused(() => who().get(`/api/pledges/${pledge.id}`), 403);
      await refused(() => who().post('/api/pledges', pledgeRequest(themeId)), 403);
    });

    it('refuses staff the young experts’ routes, and the signed-out everything', async () => {
      await refused(() => officer.get('/api/me/pledges'), 403);
      await refused(() => dana.put(`/api/me/pledges/${pledge.id}/verdict`, { verdict: 'kept' }), 403);
      await refused(() => t.anonymous().get('/api/pledges'), 401);
      await refused(
        () => t.anonymous().post(`/api/pledges/${pledge.id}/unlink`).send({ itemId: randomUUID() }),
        401,
      );
      await refused(() => kai.post(`/api/pledges/${pledge.id}/unlink`, { itemId: randomUUID() }), 403);
    });

    it('refuses a verdict from a young expert not in the group it was made to, and on an unconfirmed pledge', async () => {
      await refused(() => zara.put(`/api/me/pledges/${pledge.id}/verdict`, { verdict: 'kept' }), 403);
      expect(((await zara.get('/api/me/pledges')).body as MyPledge[]).map((p) => p.id)).not.toContain(
        pledge.id,
      );
      await refused(() => kai.put(`/api/me/pledges/${waiting.id}/verdict`, { verdict: 'kept' }), 404);
      await refused(() => kai.put(`/api/me/pledges/${randomUUID()}/verdict`, { verdict: 'kept' }), 404);
    });

    it('refuses a group’s view from a session of another group, or on an unconfirmed pledge', async () => {
      const body = { sessionId: otherSession, verdict: 'kept', words: 'The Juniors liked it.' };
      await refused(() => officer.post(`/api/pledges/${pledge.id}/group-views`, body), 403);
      await refused(
        () => officer.post(`/api/pledges/${pledge.id}/group-views`, { ...body, sessionId: randomUUID() }),
        400,
        'sessionId',
      );
      await refused(
        () => officer.post(`/api/pledges/${waiting.id}/group-views`, { ...body, sessionId: dibSession }),
        409,
      );
    });

    it('shows an officer every pledge and a leader only their own', async () => {
      const all = (await officer.get('/api/pledges?pageSize=100')).body as PledgeListResponse;
      const theirs = (await dana.get('/api/pledges?pageSize=100')).body as PledgeListResponse;
      expect(all.pledges.map((p) => p.id)).toEqual(expect.arrayContaining([pledge.id, waiting.id]));
      expect(theirs.pledges.every((p) => p.madeBy.id === dana.user.id)).toBe(true);
      expect(((await otherLeader.get('/api/pledges')).body as PledgeListResponse).total).toBe(0);
      const counts: { all: number; danas: number }[] = await t.db.query(
        `SELECT count(*)::int AS "all", (count(*) FILTER (WHERE made_by = $1))::int AS danas FROM pledges`,
        [dana.user.id],
      );
      expect([all.total, theirs.total]).toEqual([counts[0].all, counts[0].danas]);
    });
  });

  describe('bad input', () => {
    let pledge: PledgeResponse;
    let waiting: PledgeResponse;
    beforeAll(async () => {
      pledge = await confirmed();
      waiting = await onBehalf();
    });
    const record = (over: object) =>
      officer.post('/api/pledges', { ...pledgeRequest(themeId, { madeById: dana.user.id }), ...over });

    it.each([
      ['missing words', { words: undefined }, 'words'],
      ['empty words', { words: '   ' }, 'words'],
      ['oversized words', { words: 'x'.repeat(2001) }, 'words'],
      ['an oversized forum', { forum: 'x'.repeat(201) }, 'forum'],
      ['a missing role', { role: undefined }, 'role'],
      ['a missing theme', { themeId: undefined }, 'themeId'],
      ['a theme not on the list', { themeId: randomUUID() }, 'themeId'],
      ['a retired theme', { themeId: 'retired' }, 'themeId'],
      ['a made date that is not a date', { madeOn: '2026-02-30' }, 'madeOn'],
      ['a made date in the future', { madeOn: addDays(today, 2), targetDate: addDays(today, 20) }, 'madeOn'],
      ['a target before it was made', { targetDate: addDays(today, -10) }, 'targetDate'],
      ['updates too often', { updateEveryDays: 3 }, 'updateEveryDays'],
      [
        'an occasion of another kind',
        { occasion: { kind: 'one_to_one', id: randomUUID() } },
        'occasion.kind',
      ],
      [
        'an occasion that does not exist',
        { occasion: { kind: 'group_session', id: randomUUID() } },
        'occasion',
      ],
      ['a group that does not exist', { groupId: randomUUID() }, 'groupId'],
      ['an unknown field', { budget: 100 }, 'budget'],
    ])('refuses a pledge with %s', async (_, over, field) => {
      const given = Object.fromEntries(
        Object.entries(over).map(([k, v]) => [k, v === 'retired' ? retiredThemeId : v]),
      );
      await refused(() => record(given), 400, field);
    });

    it('records a pledge at a known group session', async () => {
      const res = await record({ occasion: { kind: 'group_session', id: dibSession } });
      expect(res.status).toBe(201);
      expect(res.body.occasion).toMatchObject({ kind: 'group_session', id: dibSession, title: 'Young DIB' });
    });

    it.each([
      ['a colour change without a reason', { rag: 'red' }, 'ragReason'],
      ['a reason without a colour', { ragReason: 'Because.' }, 'rag'],
      ['an unknown colour', { rag: 'blue', ragReason: 'Because.' }, 'rag'],
      ['oversized evidence', { evidence: 'x'.repeat(4001) }, 'evidence'],
      ['no words', { words: undefined }, 'words'],
      ['a date still to come', { notedOn: addDays(today, 1) }, 'notedOn'],
      ['no date', { notedOn: undefined }, 'notedOn'],
    ])('refuses an update with %s', async (_, over, field) => {
      await refused(
        () => dana.post(`/api/pledges/${pledge.id}/updates`, { notedOn: today, words: 'Progress.', ...over }),
        400,
        field,
      );
    });

    it('refuses updates to a pledge still waiting for its leader, and a second confirmation', async () => {
      await refused(
        () => dana.post(`/api/pledges/${waiting.id}/updates`, { notedOn: today, words: 'Early.' }),
        409,
      );
      await refused(() => dana.post(`/api/pledges/${pledge.id}/confirmation`, { answer: 'confirm' }), 409);
    });

    it('refuses a decline or a withdrawal without a reason, then declines with one', async () => {
      await refused(
        () => dana.post(`/api/pledges/${waiting.id}/confirmation`, { answer: 'decline' }),
        400,
        'reason',
      );
      await refused(
        () =>
          dana.patch(`/api/pledges/${pledge.id}`, {
            expectedUpdatedAt: pledge.updatedAt,
            status: 'withdrawn',
          }),
        400,
        'statusReason',
      );
      await refused(
        () =>
          dana.patch(`/api/pledges/${pledge.id}`, { expectedUpdatedAt: pledge.updatedAt, status: 'active' }),
        400,
        'status',
      );
      const declined = await dana.post(`/api/pledges/${waiting.id}/confirmation`, {
        answer: 'decline',
        reason: 'I pledged to look at it, not to change every letter.',
      });
      expect(declined.body).toMatchObject({ status: 'declined', confirmedAt: null });
      expect(await events(waiting.id)).toEqual(['pledge_recorded', 'pledge_declined']);
    });

    it('refuses a stale change with 409 and one without its version with 400', async () => {
      await refused(
        () =>
          dana.patch(`/api/pledges/${pledge.id}`, {
            expectedUpdatedAt: new Date(Date.parse(pledge.updatedAt) - 1000).toISOString(),
            words: 'Too late',
          }),
        409,
      );
      await refused(
        () => dana.patch(`/api/pledges/${pledge.id}`, { words: 'No version' }),
        400,
        'expectedUpdatedAt',
      );
      await refused(
        () =>
          dana.patch(`/api/pledges/${pledge.id}`, {
            expectedUpdatedAt: pledge.updatedAt,
            words: 'x'.repeat(2001),
          }),
        400,
        'words',
      );
    });

    it.each([
      ['an unknown verdict', { verdict: 'maybe' }, 'verdict'],
      ['no verdict', {}, 'verdict'],
      ['oversized words', { verdict: 'kept', words: 'x'.repeat(1001) }, 'words'],
      ['an unknown field', { verdict: 'kept', name: 'Kai' }, 'name'],
    ])('refuses a young expert’s verdict with %s', async (_, body, field) => {
      await refused(() => kai.put(`/api/me/pledges/${pledge.id}/verdict`, body), 400, field);
    });

    it.each([
      ['no words', { verdict: 'kept' }, 'words'],
      ['oversized words', { verdict: 'kept', words: 'x'.repeat(1001) }, 'words'],
      ['no session', { verdict: 'kept', words: 'Yes.' }, 'sessionId'],
    ])('refuses a group’s view with %s', async (_, body, field) => {
      const withSession = field === 'sessionId' ? body : { sessionId: dibSession, ...body };
      await refused(() => officer.post(`/api/pledges/${pledge.id}/group-views`, withSession), 400, field);
    });

    it('answers a malformed or unknown id with 404', async () => {
      await refused(() => officer.get('/api/pledges/not-a-uuid'), 404);
      await refused(() => officer.get(`/api/pledges/${randomUUID()}`), 404);
      await refused(
        () => dana.post(`/api/pledges/${randomUUID()}/updates`, { notedOn: today, words: 'x' }),
        404,
      );
    });

    it('refuses an oversized body', async () => {
      await refused(() => record({ words: 'x'.repeat(300_000) }), 413);
    });
  });
});
