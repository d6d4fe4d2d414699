import { QueueItem, Role, addDays, todayInLondon } from '@heard/domain';
import { makeAction, makeItem, makeService, tell } from './support/action-log-office-fixtures';
import { QueryCounter, SignedInClient, TestApp, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();
const hours = (n: number) => new Date(Date.now() + n * 3600_000);

/**
 * The officer's queue (issue 12 §8): to acknowledge, to answer, to tell and overdue, theirs or
 * everyone's, paged, in one query whatever the page size.
 */
describe('action log queue', () => {
  let t: TestApp;
  const counter = new QueryCounter();
  let me: SignedInClient;
  let colleague: SignedInClient;
  const ids: Record<string, string> = {};

  const queue = (client: SignedInClient, query: string) => client.get(`/api/action-log/queue?${query}`);
  const idsOf = (items: QueueItem[]) => items.map((i) => i.id);

  beforeAll(async () => {
    t = await createTestApp({}, { queryLogger: counter });
    me = await t.signInAs(Role.ParticipationOfficer);
    colleague = await t.signInAs(Role.ParticipationOfficer);
    const a = me.user.id;
    const b = colleague.user.id;
    const service = await makeService(t.db, 'Early Help');
    ids.mineToAcknowledge = await makeItem(t.db, {
      createdBy: a,
      words: 'Mine to take on',
      acknowledgeBy: hours(30),
      serviceId: service,
      saidOn: addDays(today, -3),
    });
    ids.lateToAcknowledge = await makeItem(t.db, { createdBy: b, acknowledgeBy: hours(-2) });
    ids.mineToAnswer = await makeItem(t.db, { createdBy: b, acknowledgedBy: a, saidOn: addDays(today, -9) });
    ids.theirsToAnswer = await makeItem(t.db, {
      createdBy: b,
      acknowledgedBy: b,
      saidOn: addDays(today, -8),
    });
    // Recorded by me but taken on by a colleague: theirs now.
    ids.takenOnByThem = await makeItem(t.db, { createdBy: a, acknowledgedBy: b, saidOn: addDays(today, -7) });
    ids.mineToTell = await makeItem(t.db, { createdBy: a, acknowledgedBy: a });
    await makeAction(t.db, { createdBy: a, itemIds: [ids.mineToTell], status: 'done' });
    ids.ownedOverdue = await makeItem(t.db, { createdBy: b, acknowledgedBy: b });
    await makeAction(t.db, {
      createdBy: b,
      itemIds: [ids.ownedOverdue],
      status: 'planned',
      ownerId: a,
      dueOn: addDays(today, -1),
    });
    const inHand = await makeItem(t.db, { createdBy: a, acknowledgedBy: a });
    const inHandAction = await makeAction(t.db, {
      createdBy: a,
      itemIds: [inHand],
      status: 'in_progress',
      ownerId: a,
      dueOn: addDays(today, 10),
    });
    await tell(t.db, { itemId: inHand, actionId: inHandAction, toldBy: a });
    await makeItem(t.db, { createdBy: a, acknowledgedBy: a, closedBy: a, acknowledgeBy: hours(-100) });
  });

  afterAll(() => t.close());

  it('lists each kind, mine or everyone’s, with the item’s stage and why it is late', async () => {
    const expectations: [string, string[]][] = [
      ['kind=to_acknowledge', [ids.mineToAcknowledge]],
      ['kind=to_acknowledge&who=everyone', [ids.lateToAcknowledge, ids.mineToAcknowledge]],
      ['kind=to_answer&who=mine', [ids.mineToAnswer]],
      ['kind=to_answer&who=everyone', [ids.mineToAnswer, ids.theirsToAnswer, ids.takenOnByThem]],
      ['kind=to_tell', [ids.mineToTell, ids.ownedOverdue].sort()],
      ['kind=overdue', [ids.ownedOverdue]],
      ['kind=overdue&who=everyone', [ids.lateToAcknowledge, ids.ownedOverdue]],
    ];
    for (const [query, expected] of expectations) {
      const res = await queue(me, query);
      expect(res.status).toBe(200);
      const got = idsOf(res.body.items);
      expect(query.startsWith('kind=to_tell') ? got.sort() : got).toEqual(expected);
      expect(res.body.total).toBe(expected.length);
    }
    const [first] = (await queue(me, 'kind=to_acknowledge')).body.items as QueueItem[];
    expect(first).toEqual({
      id: ids.mineToAcknowledge,
      words: 'Mine to take on',
      saidOn: addDays(today, -3),
      source: 'young_person',
      serviceName: 'Early Help',
      themeName: null,
      stage: 'to_acknowledge',
      acknowledgeBy: expect.any(String),
      overdue: false,
      nextDueOn: null,
    });
    const overdue = (await queue(me, 'kind=overdue')).body.items as QueueItem[];
    expect(overdue[0]).toMatchObject({ stage: 'to_tell', overdue: true, nextDueOn: addDays(today, -1) });
  });

  it('pages, and counts past the last page', async () => {
    const page2 = await queue(me, 'kind=to_acknowledge&who=everyone&pageSize=1&page=2');
    expect(page2.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(idsOf(page2.body.items)).toEqual([ids.mineToAcknowledge]);
    const past = await queue(me, 'kind=to_acknowledge&who=everyone&pageSize=1&page=9');
    expect(past.body).toMatchObject({ items: [], total: 2, page: 9 });
    // The overdue list's two parts (not acknowledged in time, then running late) page as one list.
    const lateFirst = await queue(me, 'kind=overdue&who=everyone&pageSize=1&page=1');
    const lateSecond = await queue(me, 'kind=overdue&who=everyone&pageSize=1&page=2');
    expect([idsOf(lateFirst.body.items), idsOf(lateSecond.body.items)]).toEqual([
      [ids.lateToAcknowledge],
      [ids.ownedOverdue],
    ]);
    expect(lateSecond.body).toMatchObject({ total: 2, page: 2 });
  });

  it('reads a page in the same number of statements whatever its size', async () => {
    const statements = async (query: string) => {
      const before = counter.count;
      expect((await queue(me, query)).status).toBe(200);
      return counter.count - before;
    };
    const one = await statements('kind=to_tell&who=everyone&pageSize=1');
    expect(await statements('kind=to_tell&who=everyone&pageSize=100')).toBe(one);
  });

  it('refuses bad, unknown, oversized and unauthorised requests with problem+json', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM you_said_items`);
    for (const query of [
      '',
      'kind=later',
      'kind=overdue&who=them',
      'kind=overdue&page=0',
      'kind=overdue&pageSize=1000',
      'kind=overdue&sort=name',
      `kind=${'x'.repeat(5000)}`,
      'kind[]=overdue',
    ])
      expectProblem(await queue(me, query), 400);
    for (const role of [Role.Practitioner, Role.SeniorLeader, Role.Administrator, Role.YoungExpert])
      expectProblem(await queue(await t.signInAs(role), 'kind=overdue'), 403);
    expectProblem(await t.anonymous().get('/api/action-log/queue?kind=overdue'), 401);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM you_said_items`)).toEqual(before);
  });
});
