import { randomUUID } from 'node:crypto';
import { ActionResponse, Role, TrustedAdultRelationship, addDays, todayInLondon } from '@heard/domain';
import { actionLogState, insertItem } from './support/action-log-fixtures';
import { createYoungPerson } from './support/factories';
import { SignedInClient, TestApp, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();

/**
 * Actions (issue 12 §3, docs/action-log.md "Actions"): We did / We will / We can't answering one or
 * more You said items, moved on the status table, with notes; every change on each item's
 * timeline. Every refusal is problem+json and writes nothing.
 */
describe('action log: actions', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let practitioner: SignedInClient;
  let leader: SignedInClient;
  let youngExpert: SignedInClient;
  let linkedYoungPersonId: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer, { displayName: 'Ola Officer' });
    practitioner = await t.signInAs(Role.Practitioner);
    leader = await t.signInAs(Role.SeniorLeader);
    youngExpert = await t.signInAs(Role.YoungExpert);
    linkedYoungPersonId = (
      await createYoungPerson(officer, {
        preferredName: 'Kit',
        trustedAdults: [
          { userId: practitioner.user.id, relationship: TrustedAdultRelationship.SocialWorker },
        ],
      })
    ).id;
  });
  afterAll(() => t.close());

  const item = (youngPersonIds: string[] = [linkedYoungPersonId]) =>
    insertItem(t.db, officer.user.id, { youngPersonIds });
  const weWill = (itemIds: string[], over: object = {}) =>
    officer.post('/api/action-log/actions', {
      itemIds,
      status: 'planned',
      words: 'Rewrite the review leaflet with the Young Experts',
      youngWords: 'We will make the leaflet easy to read.',
      ownerId: officer.user.id,
      dueOn: addDays(today, 30),
      lundy: ['voice', 'influence'],
      ...over,
    });
  const timeline = async (itemId: string) =>
    (await t.db.query(
      `SELECT event, action_id AS "actionId", detail, by_user AS "byUser" FROM you_said_timeline
        WHERE item_id = $1 ORDER BY id`,
      [itemId],
    )) as { event: string; actionId: string | null; detail: Record<string, unknown>; byUser: string }[];

  it('answers two items with a We will, then moves it to in progress and to We did', async () => {
    const first = await item();
    const second = await item();
    const created = await weWill([first, second]);
    expect(created.status).toBe(201);
    const action = created.body as ActionResponse;
    expect(action).toMatchObject({
      status: 'planned',
      answer: 'we_will',
      progress: 0,
      owner: { id: officer.user.id, displayName: 'Ola Officer' },
      dueOn: addDays(today, 30),
      doneOn: null,
      lundy: ['voice', 'influence'],
    });
    expect([...action.itemIds].sort()).toEqual([first, second].sort());

    const started = await officer.patch(`/api/action-log/actions/${action.id}`, {
      expectedUpdatedAt: action.updatedAt,
      status: 'in_progress',
    });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ status: 'in_progress', progress: 50 });

    const done = await officer.patch(`/api/action-log/actions/${action.id}`, {
      expectedUpdatedAt: started.body.updatedAt,
      status: 'done',
      evidence: 'Young Experts rated the new leaflet 5 out of 5.',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'done',
      answer: 'we_did',
      progress: 100,
      doneOn: today,
      evidence: 'Young Experts rated the new leaflet 5 out of 5.',
    });

    for (const itemId of [first, second]) {
      const entries = await timeline(itemId);
      expect(entries.map((e) => e.event)).toEqual([
        'action_linked',
        'action_status',
        'action_status',
        'action_changed',
      ]);
      expect(entries[1].detail).toMatchObject({ from: 'planned', to: 'in_progress', progress: 50 });
      expect(entries[2].detail).toMatchObject({
        from: 'in_progress',
        to: 'done',
        progress: 100,
        doneOn: today,
      });
      expect(entries[3].detail).toMatchObject({ fields: ['evidence'] });
      expect(entries.every((e) => e.byUser === officer.user.id && e.actionId === action.id)).toBe(true);
    }
    const listed = await officer.get(`/api/action-log/items/${first}/actions`);
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0]).toMatchObject({ id: action.id, status: 'done' });
  });

  it('records a We did and a We can’t straight away, an item answered by both', async () => {
    const itemId = await item();
    const did = await officer.post('/api/action-log/actions', {
      itemIds: [itemId],
      status: 'done',
      words: 'Reviews now start with the young person’s own agenda',
      doneOn: addDays(today, -3),
    });
    expect(did.status).toBe(201);
    expect(did.body).toMatchObject({
      status: 'done',
      progress: 100,
      doneOn: addDays(today, -3),
      owner: null,
    });
    const cant = await officer.post('/api/action-log/actions', {
      itemIds: [itemId],
      status: 'cant',
      words: 'Hold reviews at school',
      cantReason: 'Reviews must be private, and school is not private enough.',
    });
    expect(cant.status).toBe(201);
    expect(cant.body).toMatchObject({ answer: 'we_cant', progress: 0 });
    const listed = await officer.get(`/api/action-log/items/${itemId}/actions`);
    expect(listed.body.map((a: ActionResponse) => a.status)).toEqual(['done', 'cant']);
  });

  it('keeps dated progress notes and answers another item, each on the timelines', async () => {
    const first = await item();
    const second = await item();
    const action = (await weWill([first])).body as ActionResponse;
    const noted = await officer.post(`/api/action-log/actions/${action.id}/notes`, {
      notedOn: addDays(today, -1),
      words: 'First draft shared with the Young Experts.',
    });
    expect(noted.status).toBe(201);
    expect(noted.body.notes).toEqual([
      expect.objectContaining({
        notedOn: addDays(today, -1),
        words: 'First draft shared with the Young Experts.',
      }),
    ]);
    // A note does not change the answer: the officer's copy of the action is still current.
    expect(noted.body.updatedAt).toBe(action.updatedAt);
    const linked = await officer.post(`/api/action-log/actions/${action.id}/items`, { itemId: second });
    expect(linked.status).toBe(201);
    expect(linked.body.itemIds).toEqual([first, second]);
    expect((await timeline(first)).map((e) => e.event)).toEqual([
      'action_linked',
      'progress_noted',
      'action_linked',
    ]);
    expect((await timeline(second)).map((e) => e.event)).toEqual(['action_linked']);
    expectProblem(await officer.post(`/api/action-log/actions/${action.id}/items`, { itemId: second }), 409);
  });

  it('lets a practitioner read the actions on an item from a young person they are linked to, and no other', async () => {
    const linked = await item();
    const other = await item([(await createYoungPerson(officer, { preferredName: 'Ash' })).id]);
    await weWill([linked, other]);
    const seen = await practitioner.get(`/api/action-log/items/${linked}/actions`);
    expect(seen.status).toBe(200);
    // The action's other item is from someone they do not reach: it is left out.
    expect(seen.body[0].itemIds).toEqual([linked]);
    expectProblem(await practitioner.get(`/api/action-log/items/${other}/actions`), 404);
    expect((await leader.get(`/api/action-log/items/${other}/actions`)).status).toBe(404);
    // The action's own page keeps to the same rule: only items they reach, and none they do not.
    const own = await practitioner.get(`/api/action-log/actions/${seen.body[0].id}`);
    expect(own.status).toBe(200);
    expect(own.body.itemIds).toEqual([linked]);
    const onlyOther = (await weWill([other])).body as ActionResponse;
    expectProblem(await practitioner.get(`/api/action-log/actions/${onlyOther.id}`), 404);
    expect((await officer.get(`/api/action-log/actions/${onlyOther.id}`)).body.itemIds).toEqual([other]);
  });

  describe('refusals write nothing', () => {
    let itemId: string;
    let action: ActionResponse;
    let done: ActionResponse;

    beforeAll(async () => {
      itemId = await item();
      action = (await weWill([itemId])).body as ActionResponse;
      done = (
        await officer.post('/api/action-log/actions', {
          itemIds: [itemId],
          status: 'done',
          words: 'Done already',
        })
      ).body as ActionResponse;
    });

    const refused = async (send: () => Promise<{ status: number }>, status: number, field?: string) => {
      const before = await actionLogState(t.db);
      const res = (await send()) as Parameters<typeof expectProblem>[0];
      expectProblem(res, status);
      if (field) expect(Object.keys(res.body.errors ?? {})).toContain(field);
      expect(await actionLogState(t.db)).toEqual(before);
    };

    it.each([
      ['a We will without an owner', { ownerId: null }, 'ownerId'],
      ['a We will without a due date', { dueOn: null }, 'dueOn'],
      ['a We can’t without a reason', { status: 'cant', ownerId: null, dueOn: null }, 'cantReason'],
      ['oversized words', { words: 'x'.repeat(2001) }, 'words'],
      ['an oversized reason', { status: 'cant', cantReason: 'x'.repeat(1001) }, 'cantReason'],
      ['an unknown status', { status: 'finished' }, 'status'],
      ['an unknown Lundy tag', { lundy: ['shouting'] }, 'lundy.0'],
      ['an unknown field', { budget: 100 }, 'budget'],
      ['no items', { itemIds: [] }, 'itemIds'],
    ])('refuses %s', async (_, over, field) => {
      await refused(() => weWill([itemId], over), 400, field);
    });

    it('refuses an owner who is not active staff, and an item that does not exist', async () => {
      await refused(() => weWill([itemId], { ownerId: youngExpert.user.id }), 400, 'ownerId');
      await refused(() => weWill([itemId, randomUUID()]), 404);
    });

    it('refuses an illegal status jump, naming the move', async () => {
      await refused(
        () =>
          officer.patch(`/api/action-log/actions/${done.id}`, {
            expectedUpdatedAt: done.updatedAt,
            status: 'planned',
          }),
        400,
        'status',
      );
    });

    it('refuses a move that leaves a We can’t without its reason', async () => {
      await refused(
        () =>
          officer.patch(`/api/action-log/actions/${action.id}`, {
            expectedUpdatedAt: action.updatedAt,
            status: 'cant',
          }),
        400,
        'cantReason',
      );
    });

    it('refuses a done date on an answer that is not a We did', async () => {
      await refused(() => weWill([itemId], { doneOn: today }), 400, 'doneOn');
      await refused(
        () =>
          officer.patch(`/api/action-log/actions/${action.id}`, {
            expectedUpdatedAt: action.updatedAt,
            status: 'in_progress',
            doneOn: today,
          }),
        400,
        'doneOn',
      );
    });

    it('refuses a stale write with 409', async () => {
      await refused(
        () =>
          officer.patch(`/api/action-log/actions/${action.id}`, {
            expectedUpdatedAt: new Date(Date.parse(action.updatedAt) - 1000).toISOString(),
            status: 'in_progress',
          }),
        409,
      );
      await refused(
        () => officer.patch(`/api/action-log/actions/${action.id}`, { status: 'in_progress' }),
        400,
        'expectedUpdatedAt',
      );
    });

    it('refuses oversized and missing notes', async () => {
      await refused(
        () =>
          officer.post(`/api/action-log/actions/${action.id}/notes`, {
            notedOn: today,
            words: 'x'.repeat(2001),
          }),
        400,
        'words',
      );
      await refused(
        () => officer.post(`/api/action-log/actions/${action.id}/notes`, { words: 'No date' }),
        400,
        'notedOn',
      );
      await refused(
        () => officer.post(`/api/action-log/actions/${randomUUID()}/notes`, { notedOn: today, words: 'Hi' }),
        404,
      );
      await refused(
        () => officer.post(`/api/action-log/actions/not-an-id/notes`, { notedOn: today, words: 'Hi' }),
        404,
      );
    });

    it('refuses answering a closed item', async () => {
      const closed = await item();
      await t.db.query(`UPDATE you_said_items SET closed_at = now(), closed_by = $2 WHERE id = $1`, [
        closed,
        officer.user.id,
      ]);
      await refused(() => weWill([closed]), 409);
      await refused(
        () => officer.post(`/api/action-log/actions/${action.id}/items`, { itemId: closed }),
        409,
      );
    });

    it.each([
      ['a practitioner', () => practitioner],
      ['a senior leader', () => leader],
      ['a young expert', () => youngExpert],
    ])('refuses %s answering or moving actions', async (_, who) => {
      await refused(
        () => who().post('/api/action-log/actions', { itemIds: [itemId], status: 'done', words: 'Sneaky' }),
        403,
      );
      await refused(
        () =>
          who().patch(`/api/action-log/actions/${action.id}`, {
            expectedUpdatedAt: action.updatedAt,
            status: 'in_progress',
          }),
        403,
      );
      await refused(
        () => who().post(`/api/action-log/actions/${action.id}/notes`, { notedOn: today, words: 'Hi' }),
        403,
      );
    });

    it('refuses anyone signed out, and a young expert reading actions', async () => {
      await refused(
        () =>
          t
            .anonymous()
            .post('/api/action-log/actions')
            .send({ itemIds: [itemId], status: 'done', words: 'x' }),
        401,
      );
      expectProblem(await t.anonymous().get(`/api/action-log/items/${itemId}/actions`), 401);
      expectProblem(await youngExpert.get(`/api/action-log/items/${itemId}/actions`), 403);
    });
  });

  it('never deletes from the timeline', async () => {
    await expect(t.db.query(`DELETE FROM you_said_timeline`)).rejects.toThrow(/append-only/);
  });
});
