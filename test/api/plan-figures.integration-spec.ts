import { randomUUID } from 'node:crypto';
import { FEWER_THAN_FIVE, PlanFigure, PlanFiguresResponse, Role, planPlainText } from '@heard/domain';
import { FROM, TO, YEAR, seedPlanYear } from './support/plan-year-fixtures';
import { SignedInClient, TestApp, createTestApp, expectProblem } from './support/test-app';

/**
 * Section C from the data (issue 14 §2, docs/plan.md "Section C's figures"): for a plan, the year
 * before it, counted from the tables, withheld by the domain's small-number rules, and drafted.
 *
 * The fictional year is seedPlanYear's (support/plan-year-fixtures.ts).
 */
describe('the plan’s figures, assembled from the data', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let leader: SignedInClient;
  let planId: string;
  let body: PlanFiguresResponse;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    leader = await t.signInAs(Role.SeniorLeader);
    ({ planId } = await seedPlanYear(t, officer, leader));

    const res = await leader.get(`/api/plans/${planId}/figures`);
    expect(res.status).toBe(200);
    body = res.body;
  });
  afterAll(() => t.close());

  const value = (figure: PlanFigure | undefined) => figure?.value;

  it('counts the year before the plan', () => {
    expect(body.planId).toBe(planId);
    expect(body.year).toBe(YEAR + 1);
    expect(body.period).toEqual({ from: FROM, to: TO });
    expect(body.figures.period).toEqual(body.period);
    expect(body.figures.empty).toBe(false);
  });

  it('counts actions by theme, an action answering two themes once in the total, and none from outside the year', () => {
    const { byTheme, total } = body.figures.actions;
    expect(
      byTheme.map((r) => ({ label: r.label, done: r.done.value, open: r.open.value, cant: r.cant.value })),
    ).toEqual([
      { label: 'Being heard', done: 3, open: 1, cant: 0 },
      { label: 'Getting about', done: 4, open: 1, cant: 1 },
    ]);
    expect({ done: total.done.value, open: total.open.value, cant: total.cant.value }).toEqual({
      done: 6,
      open: 2,
      cant: 1,
    });
    // Counts of the council's own work are whole, and say what they count.
    expect(total.done).toMatchObject({ ofYoungPeople: false, fewYoungPeople: false });
    expect(total.done.counts).toEqual({ kind: 'actions', period: body.period, answer: 'done' });
  });

  it('counts loops closed in the year and those answered and still open at its end', () => {
    expect(value(body.figures.loops.closed)).toBe(1);
    expect(value(body.figures.loops.notClosed)).toBe(2);
  });

  it('counts the pledges running in the year by both red/amber/greens, flagging where they differ', () => {
    const { pledges } = body.figures;
    expect(value(pledges.total)).toBe(2);
    expect(value(pledges.flagged)).toBe(1);
    // Two young experts' verdicts: the figure says it rests on few young people.
    expect(pledges.flagged.fewYoungPeople).toBe(true);
    const cell = (leaderRag: string, young: string) =>
      pledges.byRags.find((c) => c.leader === leaderRag && c.youngPeople === young)?.figure;
    expect(value(cell('green', 'green'))).toBe(1);
    expect(cell('green', 'green')?.fewYoungPeople).toBe(false);
    expect(value(cell('green', 'red'))).toBe(1);
    expect(cell('green', 'red')?.fewYoungPeople).toBe(true);
  });

  it('names the practice tools evaluated, what changed, and withholds a count under five', () => {
    expect(
      body.figures.practiceTools.map((p) => ({
        name: p.name,
        evaluatedBy: p.evaluatedBy.value,
        few: p.evaluatedBy.fewYoungPeople,
        whatChanged: p.whatChanged,
      })),
    ).toEqual([
      { name: 'Quiet room guide', evaluatedBy: null, few: true, whatChanged: null },
      {
        name: 'Room booking checklist',
        evaluatedBy: 6,
        few: false,
        whatChanged: 'Shorter questions, in plain words.',
      },
    ]);
  });

  it('counts the activity days held in the year and their funnel, withholding a small day’s counts', () => {
    const { activityDays } = body.figures;
    expect(value(activityDays.held)).toBe(2);
    expect(activityDays.days.map((d) => d.title)).toEqual(['Summer planning day', 'Winter check-in']);
    expect({
      invited: value(activityDays.funnel.invited),
      accepted: value(activityDays.funnel.accepted),
      attended: value(activityDays.funnel.attended),
    }).toEqual({ invited: 11, accepted: 8, attended: 8 });
    const winter = activityDays.days[1].funnel;
    expect([winter.invited.value, winter.accepted.value, winter.attended.value]).toEqual([null, null, null]);
    expect(winter.attended.fewYoungPeople).toBe(true);
  });

  it('counts who took part, by group and age band, withholding cells under five', () => {
    const { takingPart } = body.figures;
    expect(value(takingPart.total)).toBe(12);
    expect(takingPart.byGroup.map((g) => ({ label: g.figure.label, value: g.figure.value }))).toEqual([
      { label: 'Late Talk', value: null },
      { label: 'Small Circle', value: null },
      { label: 'Thursday Voices', value: 6 },
    ]);
    const band = (group: string) =>
      takingPart.byAgeBand.find((f) => f.counts.kind === 'reach' && f.counts.group === group);
    expect(value(band('13-15'))).toBe(10);
    expect(value(band('16-17'))).toBeNull();
    expect(value(band('18-25'))).toBeNull();
    expect(band('16-17')?.fewYoungPeople).toBe(true);
    expect(body.figures.reach.table.total.came).toBe(12);
    // Review participation is not recorded in Heard yet.
    expect(body.figures.reviews).toBeNull();
  });

  it('drafts both texts of section C from the figures, a withheld count in words', () => {
    const professional = planPlainText(body.draft.professional);
    expect(professional).toContain('6 actions done');
    expect(professional).toContain('2 actions still being done');
    expect(professional).toContain('1 action we could not take');
    expect(professional).toContain('were told what happened for 1 item; 2 items are still to be told');
    expect(professional).toContain('12 young people took part');
    expect(professional).toContain('2 activity days were held: 11 invitations reached young people');
    expect(professional).toContain('Senior leaders made 2 pledges; on 1 pledge');
    expect(professional).toContain(
      'Room booking checklist (6 young people): Shorter questions, in plain words.',
    );
    expect(professional).toContain(`Quiet room guide (${FEWER_THAN_FIVE} young people)`);
    const child = planPlainText(body.draft.childFriendly);
    expect(child).toContain('We did 6 things you asked for.');
    expect(child).toContain('We are still working on 2 things.');
    expect(child).toContain('12 young people took part.');
  });

  it('says so when nothing was recorded in the year', async () => {
    const old = await officer.post('/api/plans', { year: 2021 }).expect(201);
    const res = await officer.get(`/api/plans/${old.body.planId}/figures`);
    expect(res.status).toBe(200);
    expect(res.body.period).toEqual({ from: '2020-04-01', to: '2021-03-31' });
    expect(res.body.figures.empty).toBe(true);
    expect(planPlainText(res.body.draft.professional)).toBe(
      'Nothing was recorded in Heard for April 2020 to March 2021.',
    );
  });

  it('is for those who read plans only, and refuses a plan that is not there or an id that is not one', async () => {
    expectProblem(await t.anonymous().get(`/api/plans/${planId}/figures`), 401);
    const practitioner = await t.signInAs(Role.Practitioner);
    expectProblem(await practitioner.get(`/api/plans/${planId}/figures`), 403);
    const youngExpert = await t.signInAs(Role.YoungExpert);
    expectProblem(await youngExpert.get(`/api/plans/${planId}/figures`), 403);
    expectProblem(await officer.get(`/api/plans/${randomUUID()}/figures`), 404);
    const invalid = await officer.get('/api/plans/not-a-plan/figures');
    expectProblem(invalid, 400);
    expect(Object.keys(invalid.body.errors ?? {})).toEqual(['id']);
    expectProblem(await officer.get(`/api/plans/${'9'.repeat(5000)}/figures`), 400);
  });
});
