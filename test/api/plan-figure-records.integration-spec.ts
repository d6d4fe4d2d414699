import { randomUUID } from 'node:crypto';
import {
  ACTION_STATUS_RULES,
  MAX_REFERENCE_IDS,
  MAX_REFERENCE_TEXT,
  PLAN_RECORDS_SHOWN,
  PlanFigure,
  PlanFigureRecordsResponse,
  PlanFiguresResponse,
  PlanReference,
  Role,
  addDays,
  encodePlanReference,
} from '@heard/domain';
import { makeItem, makeTheme } from './support/action-log-office-fixtures';
import { seedPlanYear } from './support/plan-year-fixtures';
import { SignedInClient, TestApp, createTestApp, expectProblem } from './support/test-app';

/**
 * Every figure of section C links to what it counts (issue 14 §2, docs/plan.md "Figure links"):
 * the records listed are as many as the figure says, and a count of young people lists groups,
 * days and tools with their counts withheld as the plan's are, never a young person. The year is
 * plan-figures.integration-spec.ts's.
 *
 * The fictional year is seedPlanYear's (support/plan-year-fixtures.ts).
 */
describe('what a figure of the plan counts, record by record', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let leader: SignedInClient;
  let planId: string;
  let body: PlanFiguresResponse;
  let youngPeople: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    leader = await t.signInAs(Role.SeniorLeader);
    ({ planId, youngPeople } = await seedPlanYear(t, officer, leader));

    const res = await leader.get(`/api/plans/${planId}/figures`);
    expect(res.status).toBe(200);
    body = res.body;
  });
  afterAll(() => t.close());

  const url = (ref: PlanReference | string) =>
    `/api/plans/figures/records?ref=${encodeURIComponent(typeof ref === 'string' ? ref : encodePlanReference(ref))}`;
  const recordsOf = async (figure: PlanFigure, who: SignedInClient = officer) => {
    const res = await who.get(url(figure.counts));
    expect(res.status).toBe(200);
    const answer: PlanFigureRecordsResponse = res.body;
    expect(answer.counts).toEqual(figure.counts);
    return answer;
  };
  /** A list of the council's records: as many as the figure says, each linked to its page. */
  const expectListed = async (figure: PlanFigure, page: string) => {
    const answer = await recordsOf(figure);
    expect(answer.ofYoungPeople).toBe(false);
    expect(answer.value).toBe(figure.value);
    expect(answer.records).toHaveLength(figure.value ?? -1);
    expect(answer.more).toBe(0);
    for (const r of answer.records) expect(r.link).toMatchObject({ page });
    return answer;
  };

  it('lists as many actions as each answer counts, by theme and in all', async () => {
    const { byTheme, total } = body.figures.actions;
    for (const row of [total, ...byTheme])
      for (const figure of [row.done, row.open, row.cant]) await expectListed(figure, 'action');
    const done = await expectListed(total.done, 'action');
    expect(new Set(done.records.map((r) => r.link && 'id' in r.link && r.link.id)).size).toBe(6);
  });

  it('lists the You said items of each loop figure', async () => {
    await expectListed(body.figures.loops.closed, 'you_said_item');
    await expectListed(body.figures.loops.notClosed, 'you_said_item');
  });

  it('lists the pledges of each figure, and shows a leader only their own pledges’ words', async () => {
    const { pledges } = body.figures;
    for (const figure of [pledges.total, pledges.flagged, ...pledges.byRags.map((c) => c.figure)])
      await expectListed(figure, 'pledge');
    const own = await recordsOf(pledges.total, leader);
    expect(own.records.every((r) => r.link?.page === 'pledge')).toBe(true);
    const other = await recordsOf(pledges.total, await t.signInAs(Role.SeniorLeader));
    expect(other.records).toHaveLength(2);
    expect(other.records.map((r) => [r.label, r.link])).toEqual([
      ['Another leader’s pledge', null],
      ['Another leader’s pledge', null],
    ]);
  });

  it('lists the activity days held', async () => {
    const answer = await expectListed(body.figures.activityDays.held, 'activity_day');
    expect(answer.records.map((r) => r.label)).toEqual(['Summer planning day', 'Winter check-in']);
  });

  /** Nothing in a young-people answer is a young person: no name, no young person's id. */
  const expectNoOne = (answer: PlanFigureRecordsResponse) => {
    expect(answer.ofYoungPeople).toBe(true);
    const text = JSON.stringify(answer);
    expect(text).not.toContain('Planner');
    for (const id of youngPeople) expect(text).not.toContain(id);
  };

  it('lists the days behind the funnel with their counts withheld as the plan’s are, naming no one', async () => {
    const { funnel, days } = body.figures.activityDays;
    const answer = await recordsOf(funnel.attended);
    expectNoOne(answer);
    expect(answer.value).toBe(funnel.attended.value);
    expect(answer.records.map((r) => [r.label, r.count])).toEqual(
      days.map((d) => [d.title, d.funnel.attended.value]),
    );
    expect(answer.records[1].count).toBeNull();
  });

  it('refuses references the plan does not make, which could be set against its figures to undo a withholding', async () => {
    const { funnel } = body.figures.activityDays;
    const ref = funnel.attended.counts;
    if (ref.kind !== 'invitations') throw new Error('The funnel counts invitations.');
    expect(ref.occasionIds).toHaveLength(2);
    // One day of the year's two: its count is the year's less the other's, which the plan withholds.
    for (const occasionIds of [[ref.occasionIds[0]], [ref.occasionIds[1]]]) {
      const res = await leader.get(url({ ...ref, occasionIds }));
      expectProblem(res, 400);
      expect(res.body.errors).toHaveProperty('ref');
    }
    // A year that overlaps the plan's, for reach: differences between the two would tell on a month.
    const shifted = { from: addDays(body.period.from, 30), to: addDays(body.period.to, 30) };
    expectProblem(await leader.get(url({ kind: 'reach', period: shifted })), 400);
  });

  it('lists groups, age bands and tools with their counts as the plan shows them, under five withheld', async () => {
    const { takingPart, practiceTools } = body.figures;
    for (const g of takingPart.byGroup) {
      const answer = await recordsOf(g.figure);
      expectNoOne(answer);
      expect(answer.value).toBe(g.figure.value);
      expect(answer.records).toEqual([
        {
          label: g.figure.label,
          detail: null,
          count: g.figure.value,
          link: { page: 'group', id: g.groupId },
        },
      ]);
    }
    for (const band of takingPart.byAgeBand) {
      const answer = await recordsOf(band);
      expectNoOne(answer);
      expect(answer.value).toBe(band.value);
      expect(answer.records.map((r) => r.count)).toEqual([band.value]);
    }
    const total = await recordsOf(takingPart.total);
    expectNoOne(total);
    expect(total.value).toBe(12);
    expect(total.records.filter((r) => typeof r.count === 'number' && r.count > 0 && r.count < 5)).toEqual(
      [],
    );
    for (const tool of practiceTools) {
      const answer = await recordsOf(tool.evaluatedBy);
      expectNoOne(answer);
      expect(answer.value).toBe(tool.evaluatedBy.value);
      expect(answer.records[0]).toMatchObject({
        label: tool.name,
        link: { page: 'practice_tool', id: tool.toolId },
      });
    }
    const [guide] = practiceTools.filter((p) => p.name === 'Quiet room guide');
    expect((await recordsOf(guide.evaluatedBy)).records[0].count).toBeNull();
  });

  it('answers no review rows where none were recorded', async () => {
    const res = await leader.get(url({ kind: 'review_participation', period: body.period }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ofYoungPeople: true, value: 0, records: [], more: 0 });
  });

  it('lists review participation by PN code with the plan’s counts, naming no one', async () => {
    // Plan 2023 reports on April 2022 to March 2023: eight reviews, six PN1 and two PN3, one chaired.
    for (const [i, code] of ['PN1', 'PN1', 'PN1', 'PN1', 'PN1', 'PN1', 'PN3', 'PN3'].entries())
      await t.db.query(
        `INSERT INTO review_participation (young_person_id, held_on, code, chaired, recorded_by)
         VALUES ($1, '2022-06-01', $2, $3, $4)`,
        [youngPeople[i], code, i === 6, officer.user.id],
      );
    const plan = (await officer.post('/api/plans', { year: 2023 }).expect(201)).body.planId;
    const { figures }: PlanFiguresResponse = (await officer.get(`/api/plans/${plan}/figures`).expect(200))
      .body;
    const reviews = figures.reviews;
    expect(reviews?.recorded.value).toBe(8);
    for (const figure of [
      reviews?.recorded,
      reviews?.chaired,
      ...(reviews?.byCode ?? []).map((c) => c.figure),
    ]) {
      if (!figure) throw new Error('Reviews were recorded in the year.');
      const answer = await recordsOf(figure);
      expectNoOne(answer);
      expect(answer.value).toBe(figure.value);
    }
    const all = await recordsOf(reviews?.recorded as PlanFigure);
    expect(all.records.map((r) => r.count)).toEqual(reviews?.byCode.map((c) => c.figure.value));
    expect(all.records.find((r) => r.label.startsWith('PN3'))?.count).toBeNull();
    expect((await recordsOf(reviews?.chaired as PlanFigure)).records[0].count).toBeNull();
  });

  it(`lists the first ${PLAN_RECORDS_SHOWN} of a large figure and says how many more`, async () => {
    const theme = await makeTheme(t.db, 'Many things');
    const item = await makeItem(t.db, { createdBy: officer.user.id, themeId: theme, saidOn: '2021-05-01' });
    await t.db.query(
      `WITH made AS (
         INSERT INTO actions (status, words, done_on, progress, created_by)
         SELECT 'done', 'Action ' || g, '2021-06-01', $1, $2 FROM generate_series(1, 205) g RETURNING id)
       INSERT INTO action_answers (action_id, item_id, linked_by) SELECT id, $3, $2 FROM made`,
      [ACTION_STATUS_RULES.done.defaultProgress, officer.user.id, item],
    );
    const plan = (await officer.post('/api/plans', { year: 2022 }).expect(201)).body.planId;
    const figures: PlanFiguresResponse = (await officer.get(`/api/plans/${plan}/figures`).expect(200)).body;
    const [{ done: figure }] = figures.figures.actions.byTheme.filter((r) => r.themeId === theme);
    expect(figure.value).toBe(205);
    const answer = await recordsOf(figure);
    expect(answer.value).toBe(205);
    expect(answer.records).toHaveLength(PLAN_RECORDS_SHOWN);
    expect(answer.more).toBe(5);
  });

  it('refuses a reference that is missing, not one, of an unknown kind, with a bad period or too long', async () => {
    const { period } = body;
    const refused = [
      '/api/plans/figures/records',
      url('{not json'),
      url(JSON.stringify({ kind: 'young_people', period })),
      url(JSON.stringify({ kind: 'loops', period: { from: '2025-02-30', to: period.to }, closed: true })),
      url(JSON.stringify({ kind: 'loops', period, closed: true, names: true })),
      url({ kind: 'pledges', ids: Array.from({ length: MAX_REFERENCE_IDS + 1 }, () => randomUUID()) }),
      url('x'.repeat(MAX_REFERENCE_TEXT + 1)),
      `${url({ kind: 'pledges', ids: [] })}&page=2`,
    ];
    for (const path of refused) {
      const res = await officer.get(path);
      expectProblem(res, 400);
    }
  });

  it('is for those who read plans only', async () => {
    const ref = url(body.figures.actions.total.done.counts);
    expectProblem(await t.anonymous().get(ref), 401);
    expectProblem(await (await t.signInAs(Role.YoungExpert)).get(ref), 403);
    expectProblem(await (await t.signInAs(Role.Practitioner)).get(ref), 403);
    expect((await leader.get(ref)).status).toBe(200);
  });
});
