import { LeadersView, Role, addDays, todayInLondon } from '@heard/domain';
import { makeAction, makeItem, makeService, makeTheme, tell } from './support/action-log-office-fixtures';
import { createYoungPerson } from './support/factories';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();
const yearAgo = addDays(today, -364);
const viewUrl = (from = yearAgo, to = today) => `/api/leaders/view?from=${from}&to=${to}`;

/**
 * The senior leaders' view (issue 13 §3, docs/leaders-view.md): the action log by theme and
 * service, loops not closed, the young experts' ratings and the funnel, as aggregates; counts of
 * young people under five withheld, and their comments withheld with them.
 */
describe('the senior leaders’ view', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let leader: SignedInClient;
  let listening: string;
  let learning: string;
  let fostering: string;
  let youngPeople: string[];

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    leader = await t.signInAs(Role.SeniorLeader);
    listening = await makeTheme(t.db, 'Managing expectations');
    learning = await makeTheme(t.db, 'Sharing learning');
    fostering = await makeService(t.db, 'Fostering');
    youngPeople = [];
    for (const name of ['Ash', 'Bo', 'Cal', 'Dee', 'Eli', 'Fen'])
      youngPeople.push((await createYoungPerson(officer, { preferredName: name })).id);
  });
  afterAll(() => t.close());

  const by = (staff: SignedInClient) => ({ createdBy: staff.user.id });
  const rate = (itemId: string, youngPersonId: string, rating: number, comment: string | null) =>
    t.db.query(
      `INSERT INTO response_ratings (item_id, young_person_id, rating, comment) VALUES ($1, $2, $3, $4)`,
      [itemId, youngPersonId, rating, comment],
    );

  it('counts actions by theme and service, today’s open and overdue and the period’s done and can’t', async () => {
    const first = await makeItem(t.db, { ...by(officer), themeId: listening, serviceId: fostering });
    const second = await makeItem(t.db, { ...by(officer), themeId: learning });
    const owner = { ownerId: officer.user.id };
    await makeAction(t.db, {
      ...by(officer),
      ...owner,
      itemIds: [first],
      status: 'planned',
      dueOn: addDays(today, -3),
    });
    await makeAction(t.db, {
      ...by(officer),
      ...owner,
      itemIds: [first],
      status: 'in_progress',
      dueOn: addDays(today, 20),
    });
    // One action answering both items counts once under each theme.
    await makeAction(t.db, { ...by(officer), itemIds: [first, second], status: 'done', doneOn: today });
    await makeAction(t.db, { ...by(officer), itemIds: [second], status: 'cant' });
    // Done before the period: not counted, and with nothing else to show the theme is left out.
    const old = await makeItem(t.db, { ...by(officer) });
    await makeAction(t.db, { ...by(officer), itemIds: [old], status: 'done', doneOn: addDays(yearAgo, -10) });

    const res = await leader.get(viewUrl());
    expect(res.status).toBe(200);
    const view = res.body as LeadersView;
    expect(view).toMatchObject({ from: yearAgo, to: today });
    expect(view.actionsByTheme).toEqual([
      { label: 'Managing expectations', open: 2, overdue: 1, done: 1, cant: 0 },
      { label: 'Sharing learning', open: 0, overdue: 0, done: 1, cant: 1 },
    ]);
    expect(view.actionsByService).toEqual([
      { label: 'Fostering', open: 2, overdue: 1, done: 1, cant: 0 },
      { label: null, open: 0, overdue: 0, done: 1, cant: 1 },
    ]);
  });

  it('counts the items whose answer has not reached the young people who spoke', async () => {
    const before = ((await leader.get(viewUrl())).body as LeadersView).loopsNotClosed;
    const item = await makeItem(t.db, {
      ...by(officer),
      themeId: learning,
      acknowledgedBy: officer.user.id,
      speakers: [youngPeople[0]],
    });
    const action = await makeAction(t.db, { ...by(officer), itemIds: [item], status: 'done' });
    const waiting = ((await leader.get(viewUrl())).body as LeadersView).loopsNotClosed;
    expect(waiting.total).toBe(before.total + 1);
    const learningCount = (loops: LeadersView['loopsNotClosed']) =>
      loops.byTheme.find((row) => row.label === 'Sharing learning')?.count ?? 0;
    expect(learningCount(waiting)).toBe(learningCount(before) + 1);

    await tell(t.db, {
      itemId: item,
      actionId: action,
      toldBy: officer.user.id,
      youngPersonId: youngPeople[0],
    });
    const told = ((await leader.get(viewUrl())).body as LeadersView).loopsNotClosed;
    expect(told.total).toBe(before.total);
  });

  it('withholds ratings under five and every comment with them, then shows both from five', async () => {
    const item = await makeItem(t.db, { ...by(officer), themeId: listening });
    for (const [i, rating] of [5, 5, 4, 2].entries())
      await rate(item, youngPeople[i], rating, `Comment number ${i + 1} on the leaflet`);

    const few = ((await leader.get(viewUrl())).body as LeadersView).ratings;
    expect(few.answered).toBeNull();
    expect(few.faces).toEqual([
      { rating: 1, count: 0 },
      { rating: 2, count: null },
      { rating: 3, count: 0 },
      { rating: 4, count: null },
      { rating: 5, count: null },
    ]);
    expect(few.comments).toEqual([]);

    await rate(item, youngPeople[4], 5, 'They listened this time');
    await rate(item, youngPeople[5], 5, null);
    const enough = ((await leader.get(viewUrl())).body as LeadersView).ratings;
    expect(enough.answered).toBe(6);
    expect(enough.faces.find((f) => f.rating === 5)?.count).toBe(null);
    expect(enough.comments).toHaveLength(5);
    expect(enough.comments).toContainEqual({
      rating: 5,
      comment: 'They listened this time',
      theme: 'Managing expectations',
      ratedOn: today,
    });
    // Nothing in the view names or points at a young person.
    const text = JSON.stringify(await leader.get(viewUrl()).then((r) => r.body));
    for (const id of youngPeople) expect(text).not.toContain(id);
    for (const name of ['Ash', 'Bo', 'Cal']) expect(text).not.toContain(`"${name}"`);

    // A period before any rating shows none.
    const earlier = (
      (await leader.get(viewUrl(addDays(yearAgo, -30), addDays(yearAgo, -1)))).body as LeadersView
    ).ratings;
    expect(earlier).toMatchObject({ answered: 0, comments: [] });
  });

  it('shows the funnel for the period, withheld under five', async () => {
    const view = (await leader.get(viewUrl())).body as LeadersView;
    expect(view.funnel).toEqual({ invited: 0, accepted: 0, attended: 0 });
  });

  it('is open to participation officers, and to no one else', async () => {
    expect((await officer.get(viewUrl())).status).toBe(200);
    for (const role of [Role.Practitioner, Role.Administrator, Role.YoungExpert]) {
      const other = await t.signInAs(role);
      expectProblem(await other.get(viewUrl()), 403);
    }
    expectProblem(await t.anonymous().get(viewUrl()), 401);
  });

  it.each([
    ['no period', '/api/leaders/view'],
    ['no end', `/api/leaders/view?from=${yearAgo}`],
    ['a date that does not exist', `/api/leaders/view?from=2026-02-30&to=${today}`],
    ['an end before the start', viewUrl(today, yearAgo)],
    ['more than two years', viewUrl(addDays(today, -731), today)],
    ['an oversized value', `/api/leaders/view?from=${'9'.repeat(5000)}&to=${today}`],
    ['an unknown parameter', `${viewUrl()}&youngPersonId=${'a'.repeat(36)}`],
    ['a repeated parameter', `${viewUrl()}&from=${yearAgo}`],
  ])('answers %s with 400 problem+json and writes nothing', async (_case, url) => {
    const audit = await countRows(t.db, 'audit_events');
    expectProblem(await leader.get(url), 400);
    expect(await countRows(t.db, 'audit_events')).toBe(audit);
  });

  it('takes a two-year period, its longest', async () => {
    expect((await leader.get(viewUrl(addDays(today, -730), today))).status).toBe(200);
  });
});
