import { randomUUID } from 'node:crypto';
import { ActionResponse, LoopView, Role, addDays, todayInLondon } from '@heard/domain';
import { actionLogState, insertItem } from './support/action-log-fixtures';
import { createGroup, createYoungPerson } from './support/factories';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();

/**
 * An item that names no young person and no group (a survey, an imported row) is told by
 * publishing its answers on the public board (docs/action-log.md, "Closing the loop"): publishing
 * writes a board telling in the action's current status, the stage moves on, a changed answer
 * needs publishing again, and it closes. Publishing never tells an item with young people or a
 * group. Every refusal is problem+json and writes nothing.
 */
describe('action log: the public board tells items with no one to tell', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let practitioner: SignedInClient;
  let jo: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    practitioner = await t.signInAs(Role.Practitioner);
    jo = (await createYoungPerson(officer, { preferredName: 'Jo' })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const surveyItem = () =>
    insertItem(t.db, officer.user.id, {
      words: 'A survey said the waiting room is cold.',
      youngWords: 'You said the waiting room is cold.',
      source: 'survey',
    });
  const weWill = async (itemId: string, youngWords: string | null = 'We will fix the heating.') => {
    const res = await officer.post('/api/action-log/actions', {
      itemIds: [itemId],
      status: 'planned',
      words: 'Ask facilities to fix the waiting room heating',
      youngWords,
      ownerId: officer.user.id,
      dueOn: addDays(today, 30),
    });
    expect(res.status).toBe(201);
    return res.body as ActionResponse;
  };
  const loop = async (itemId: string): Promise<LoopView> => {
    const res = await officer.get(`/api/action-log/items/${itemId}/loop`);
    expect(res.status).toBe(200);
    return res.body as LoopView;
  };
  const publicationUrl = (actionId: string, itemId: string) =>
    `/api/action-log/answers/${actionId}/${itemId}/publication`;
  /** The kept stage, checked against the function it is kept from. */
  const stage = async (itemId: string) => {
    const [row]: { stage: string; fresh: string }[] = await t.db.query(
      `SELECT stage, you_said_item_stage(id) AS fresh FROM you_said_items WHERE id = $1`,
      [itemId],
    );
    expect(row.stage).toBe(row.fresh);
    return row.stage;
  };
  const boardTellings = (itemId: string): Promise<{ actionStatus: string; message: string }[]> =>
    t.db.query(
      `SELECT action_status AS "actionStatus", message FROM loop_tellings
        WHERE item_id = $1 AND channel = 'board' ORDER BY told_at, action_status`,
      [itemId],
    );

  it('cannot close before publishing; publishing tells them; a changed answer is published again; then it closes', async () => {
    const itemId = await surveyItem();
    const action = await weWill(itemId);

    let view = await loop(itemId);
    expect(view).toMatchObject({ audience: 'no_one', stage: 'to_tell', speakers: [] });
    expect(await stage(itemId)).toBe('to_tell');

    // No one to send a message to: the officer is pointed at the board, and nothing is written.
    const before = await actionLogState(t.db);
    const tell = await officer.post(`/api/action-log/items/${itemId}/tellings`, { message: 'Hello' });
    expectProblem(tell, 409);
    expect(tell.body.detail).toMatch(/public board/);
    const close = await officer.post(`/api/action-log/items/${itemId}/close`, {});
    expectProblem(close, 409);
    expect(close.body.detail).toMatch(/public board/);
    expect(await actionLogState(t.db)).toEqual(before);

    expect((await officer.put(publicationUrl(action.id, itemId), { quoteIds: [] })).status).toBe(200);
    expect(await boardTellings(itemId)).toEqual([
      { actionStatus: 'planned', message: 'We will fix the heating.' },
    ]);
    expect(await stage(itemId)).toBe('in_hand');
    view = await loop(itemId);
    expect(view.actions).toEqual([expect.objectContaining({ told: true, toldAgainNeeded: false })]);
    expect(view.tellings).toEqual([expect.objectContaining({ channel: 'board', youngPersonId: null })]);
    const [told]: { detail: Record<string, unknown> }[] = await t.db.query(
      `SELECT detail FROM you_said_timeline WHERE item_id = $1 AND event = 'told'`,
      [itemId],
    );
    expect(told.detail).toEqual({ status: 'planned', onTheBoard: true });

    // Publishing the same answer again tells no one twice.
    expect((await officer.put(publicationUrl(action.id, itemId), { quoteIds: [] })).status).toBe(200);
    expect(await boardTellings(itemId)).toHaveLength(1);

    // The We will is done: the answer on the board is new, so they must be told again.
    const done = await officer.patch(`/api/action-log/actions/${action.id}`, {
      expectedUpdatedAt: action.updatedAt,
      status: 'done',
      youngWords: 'We fixed the heating.',
    });
    expect(done.status).toBe(200);
    expect(await stage(itemId)).toBe('to_tell');
    view = await loop(itemId);
    expect(view.actions).toEqual([expect.objectContaining({ told: false, toldAgainNeeded: true })]);
    expectProblem(await officer.post(`/api/action-log/items/${itemId}/close`, {}), 409);

    expect((await officer.put(publicationUrl(action.id, itemId), { quoteIds: [] })).status).toBe(200);
    expect(await boardTellings(itemId)).toEqual([
      { actionStatus: 'planned', message: 'We will fix the heating.' },
      { actionStatus: 'done', message: 'We fixed the heating.' },
    ]);
    expect(await stage(itemId)).toBe('to_close');

    const closed = await officer.post(`/api/action-log/items/${itemId}/close`, {});
    expect(closed.status).toBe(200);
    expect((closed.body as LoopView).stage).toBe('closed');
    expect(await stage(itemId)).toBe('closed');
  });

  it('taking the answer off the board and putting it back tells no one twice', async () => {
    const itemId = await surveyItem();
    const action = await weWill(itemId);
    expect((await officer.put(publicationUrl(action.id, itemId), { quoteIds: [] })).status).toBe(200);
    expect((await officer.delete(publicationUrl(action.id, itemId))).status).toBe(200);
    expect((await officer.put(publicationUrl(action.id, itemId), { quoteIds: [] })).status).toBe(200);
    expect(await boardTellings(itemId)).toHaveLength(1);
    expect(await stage(itemId)).toBe('in_hand');
  });

  it.each([
    ['with young people', () => ({ youngPersonIds: [jo] })],
    ['from a group', async () => ({ groupId: (await createGroup(officer, { minAge: 10, maxAge: 25 })).id })],
  ])('does not tell an item %s by publishing', async (_, who) => {
    const itemId = await insertItem(t.db, officer.user.id, {
      youngWords: 'You said the waiting room is cold.',
      ...(await who()),
    });
    const action = await weWill(itemId);
    expect((await officer.put(publicationUrl(action.id, itemId), { quoteIds: [] })).status).toBe(200);
    expect(await t.db.query(`SELECT 1 FROM loop_tellings WHERE item_id = $1`, [itemId])).toEqual([]);
    expect(await stage(itemId)).toBe('to_tell');
    const view = await loop(itemId);
    expect(view.audience).not.toBe('no_one');
    expect(view.actions).toEqual([expect.objectContaining({ told: false })]);
  });

  it('does not count a board telling written straight into the table for an item with young people', async () => {
    const itemId = await insertItem(t.db, officer.user.id, { youngPersonIds: [jo] });
    const action = await weWill(itemId);
    await t.db.query(
      `INSERT INTO loop_tellings (item_id, action_id, action_status, message, channel, told_by)
       VALUES ($1, $2, 'planned', 'On the board', 'board', $3)`,
      [itemId, action.id, officer.user.id],
    );
    expect(await stage(itemId)).toBe('to_tell');
  });

  describe('refusals write nothing', () => {
    let itemId: string;
    let actionId: string;
    beforeAll(async () => {
      itemId = await surveyItem();
      actionId = (await weWill(itemId)).id;
    });

    const refused = async (send: () => Promise<Parameters<typeof expectProblem>[0]>, status: number) => {
      const published = () => countRows(t.db, 'action_answers WHERE published_at IS NOT NULL');
      const before = { ...(await actionLogState(t.db)), published: await published() };
      expectProblem(await send(), status);
      expect({ ...(await actionLogState(t.db)), published: await published() }).toEqual(before);
      expect(await boardTellings(itemId)).toEqual([]);
    };

    it.each([
      ['a message', { message: 'The heating is fixed.' }, 409],
      ['an empty message', { message: ' ' }, 400],
      ['an oversized message', { message: 'x'.repeat(2001) }, 400],
      ['an unknown field', { message: 'Hi', channel: 'board' }, 400],
    ])('refuses telling a no-one item with %s', async (_, body, status) => {
      await refused(() => officer.post(`/api/action-log/items/${itemId}/tellings`, body), status);
    });

    it('refuses publishing an answer without young people’s words, and does not tell', async () => {
      const bare = await surveyItem();
      const plain = await weWill(bare, null);
      await refused(() => officer.put(publicationUrl(plain.id, bare), { quoteIds: [] }), 409);
      expect(await boardTellings(bare)).toEqual([]);
    });

    it.each([
      ['not ids', () => officer.put(publicationUrl(actionId, itemId), { quoteIds: ['nope'] }), 400],
      ['an unknown field', () => officer.put(publicationUrl(actionId, itemId), { told: true }), 400],
      [
        'an oversized list of quotes',
        () =>
          officer.put(publicationUrl(actionId, itemId), {
            quoteIds: Array.from({ length: 6 }, () => randomUUID()),
          }),
        400,
      ],
      ['an action that does not answer it', () => officer.put(publicationUrl(randomUUID(), itemId), {}), 404],
      [
        'an item that does not exist',
        () => officer.post(`/api/action-log/items/${randomUUID()}/tellings`, { message: 'Hi' }),
        404,
      ],
      ['a practitioner', () => practitioner.put(publicationUrl(actionId, itemId), {}), 403],
      [
        'a practitioner telling',
        () => practitioner.post(`/api/action-log/items/${itemId}/tellings`, { message: 'Hi' }),
        403,
      ],
      ['someone signed out', () => t.anonymous().put(publicationUrl(actionId, itemId)).send({}), 401],
    ])('refuses %s', async (_, send, status) => {
      await refused(send, status);
    });
  });
});
