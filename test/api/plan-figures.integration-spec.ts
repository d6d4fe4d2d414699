import { randomUUID } from 'node:crypto';
import {
  FEWER_THAN_FIVE,
  PlanFigure,
  PlanFiguresResponse,
  Role,
  addDays,
  planPlainText,
  todayInLondon,
} from '@heard/domain';
import { makeAction, makeItem, makeTheme } from './support/action-log-office-fixtures';
import { createGroup, createYoungPerson, dateOfBirthForAge, planActivity } from './support/factories';
import { insertPledge, insertVerdicts } from './support/pledge-fixtures';
import { SignedInClient, TestApp, createTestApp, expectProblem } from './support/test-app';

/** The council year (April to March) holding today: the plan after it reports on it as "last year". */
const today = todayInLondon();
const YEAR = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0);
const FROM = `${YEAR}-04-01`;
const TO = `${YEAR + 1}-03-31`;
const JUST_BEFORE = addDays(FROM, -1);
const JUST_AFTER = addDays(TO, 1);
const inPeriod = (days: number) => addDays(FROM, days);
/** Noon in London on a day, whatever the clocks are doing: the day is the same in UTC. */
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/**
 * Section C from the data (issue 14 §2, docs/plan.md "Section C's figures"): for a plan, the year
 * before it, counted from the tables, withheld by the domain's small-number rules, and drafted.
 *
 * The fictional year: two themes' actions, one action answering both; four You said items, one
 * closed in the year and one before it; two pledges running in it and one that ended before; two
 * practice tools evaluated, one by six young people and changed because of it, one by two; two
 * activity days in the year and one the day after; three groups' sessions. Thirteen young people:
 * eleven aged 14, one 16 and one 19; twelve took part in the year, and the thirteenth only just
 * outside it. Every kind of record also has one just outside the year.
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
    const by = officer.user.id;

    await officer.post('/api/plans', { year: YEAR }).expect(201);
    planId = (await officer.post('/api/plans', { year: YEAR + 1 }).expect(201)).body.planId;

    // Actions: Getting about has 3 done, 1 We can't and 1 We will of its own; Being heard 2 done and
    // 1 We will; one done action answers both. Outside: one done and one We can't the day before.
    const gettingAbout = await makeTheme(t.db, 'Getting about');
    const beingHeard = await makeTheme(t.db, 'Being heard');
    const busItem = await makeItem(t.db, { createdBy: by, themeId: gettingAbout, saidOn: inPeriod(10) });
    const heardItem = await makeItem(t.db, { createdBy: by, themeId: beingHeard, saidOn: inPeriod(12) });
    const action = (itemIds: string[], status: 'done' | 'cant' | 'planned', doneOn?: string) =>
      makeAction(t.db, {
        createdBy: by,
        itemIds,
        status,
        doneOn,
        ownerId: status === 'planned' ? by : null,
        dueOn: status === 'planned' ? JUST_AFTER : null,
      });
    for (const day of [20, 30, 40]) await action([busItem], 'done', inPeriod(day));
    await action([busItem], 'cant');
    await action([busItem], 'planned');
    for (const day of [25, 35]) await action([heardItem], 'done', inPeriod(day));
    await action([heardItem], 'planned');
    await action([busItem, heardItem], 'done', inPeriod(50));
    await action([busItem], 'done', JUST_BEFORE);
    const oldCant = await action([heardItem], 'cant');
    await t.db.query(`UPDATE actions SET updated_at = $2 WHERE id = $1`, [oldCant, noon(JUST_BEFORE)]);

    // Loops: one closed in the year, one closed the day before it; the two above are answered and open.
    for (const closedOn of [inPeriod(60), JUST_BEFORE]) {
      const item = await makeItem(t.db, {
        createdBy: by,
        themeId: gettingAbout,
        saidOn: addDays(closedOn, -5),
        acknowledgedBy: by,
        closedBy: by,
      });
      await t.db.query(`UPDATE you_said_items SET closed_at = $2 WHERE id = $1`, [item, noon(closedOn)]);
    }

    const youngPeople: string[] = [];
    // Born so that each stays in their age band to the end of the year, whatever today is in it.
    const ageOf = (i: number) =>
      i === 10 ? dateOfBirthForAge(16, 300) : i === 11 ? dateOfBirthForAge(19, 300) : dateOfBirthForAge(14);
    for (let i = 0; i < 13; i++)
      youngPeople.push(
        (await createYoungPerson(officer, { preferredName: `Planner ${i}`, dateOfBirth: ageOf(i) })).id,
      );
    const yp = (...indexes: number[]) => indexes.map((i) => youngPeople[i]);

    // Pledges: kept, say five young experts, as the leader says (green); not kept, say two, against
    // the leader's green; and one that ended before the year began.
    const pledge = async (madeOn: string, verdict: 'kept' | 'not_kept', who: string[]) => {
      const id = await insertPledge(t.db, {
        madeBy: leader.user.id,
        themeId: beingHeard,
        madeOn,
        rag: 'green',
        ragReason: 'Every letter now uses their words.',
      });
      await insertVerdicts(t.db, id, verdict, who, by);
    };
    await pledge(inPeriod(5), 'kept', yp(0, 1, 2, 3, 4));
    await pledge(inPeriod(6), 'not_kept', yp(5, 6));
    await pledge(addDays(FROM, -200), 'not_kept', yp(7, 8, 9, 10, 11));

    // Practice tools: six evaluate the checklist, which gets a new version after; two the guide;
    // one evaluation of the checklist the day before the year.
    const tool = async (name: string) => {
      const [{ id }]: { id: string }[] = await t.db.query(
        `INSERT INTO practice_tools (name, purpose, owning_service, stage)
         VALUES ($1, 'Helps plan a meeting', 'Participation team', 'being_evaluated') RETURNING id`,
        [name],
      );
      const [{ id: versionId }]: { id: string }[] = await t.db.query(
        `INSERT INTO practice_tool_versions (tool_id, label, link, added_at)
         VALUES ($1, 'v1', 'https://tools.heard.example/v1', $2) RETURNING id`,
        [id, noon(addDays(FROM, -30))],
      );
      const [{ id: roundId }]: { id: string }[] = await t.db.query(
        `INSERT INTO evaluation_rounds (tool_version_id, title, questions, opens_on, closes_on, audience)
         VALUES ($1, $2, '[]'::jsonb, $3, $4, 'named') RETURNING id`,
        [versionId, `${name}, first look`, addDays(FROM, -30), TO],
      );
      return { id, roundId };
    };
    const evaluate = (roundId: string, youngPersonId: string, answeredOn: string) =>
      t.db.query(
        `INSERT INTO evaluations (round_id, young_person_id, entered_by, answered_on, age_band, idempotency_key)
         VALUES ($1, $2, $3, $4, '13-15', $5)`,
        [roundId, youngPersonId, by, answeredOn, randomUUID()],
      );
    const checklist = await tool('Room booking checklist');
    for (const id of yp(0, 1, 2, 3, 4, 5)) await evaluate(checklist.roundId, id, inPeriod(70));
    await evaluate(checklist.roundId, youngPeople[12], JUST_BEFORE);
    await t.db.query(
      `INSERT INTO practice_tool_versions (tool_id, label, link, notes, added_at)
       VALUES ($1, 'v2', 'https://tools.heard.example/v2', 'Shorter questions, in plain words.', $2)`,
      [checklist.id, noon(inPeriod(80))],
    );
    const guide = await tool('Quiet room guide');
    for (const id of yp(6, 7)) await evaluate(guide.roundId, id, inPeriod(90));

    // Activity days: a big one (6 came, 2 invited did not answer), a small one (2 came, 1 did not
    // answer), and one the day after the year that one young person came to.
    const day = async (title: string, date: string, invitations: [number, string][]) => {
      const res = await planActivity(officer, { title });
      expect(res.status).toBe(201);
      await t.db.query(`UPDATE activity_days SET date = $2 WHERE id = $1`, [res.body.id, date]);
      for (const [i, status] of invitations)
        await t.db.query(
          `INSERT INTO invitations (young_person_id, target_kind, activity_id, event_date, channel, status, created_by)
           VALUES ($1, 'activity_day', $2, $3, 'in_person', $4, $5)`,
          [youngPeople[i], res.body.id, date, status, by],
        );
    };
    await day('Summer planning day', inPeriod(100), [
      ...[0, 1, 2, 3, 4, 5].map((i): [number, string] => [i, 'attended']),
      [6, 'sent'],
      [7, 'sent'],
    ]);
    await day('Winter check-in', inPeriod(200), [
      [8, 'attended'],
      [9, 'attended'],
      [10, 'sent'],
    ]);
    await day('Spring launch', JUST_AFTER, [[12, 'attended']]);

    // Groups: six came to Thursday Voices, three to Small Circle, three to Late Talk; one came to
    // Late Talk the day before the year.
    const session = async (groupId: string, on: string, present: number[]) => {
      const [{ id }]: { id: string }[] = await t.db.query(
        `INSERT INTO group_sessions (group_id, starts_at, ends_at)
         VALUES ($1, $2::timestamptz, $2::timestamptz + interval '2 hours') RETURNING id`,
        [groupId, noon(on)],
      );
      for (const i of present)
        await t.db.query(
          `INSERT INTO attendance (session_id, young_person_id, status) VALUES ($1, $2, 'present')`,
          [id, youngPeople[i]],
        );
    };
    const group = (name: string) => createGroup(officer, { name, minAge: 10, maxAge: 25 });
    const thursday = await group('Thursday Voices');
    const small = await group('Small Circle');
    const late = await group('Late Talk');
    await session(thursday.id, inPeriod(15), [0, 1, 2, 3, 4, 5]);
    await session(small.id, inPeriod(16), [6, 10, 11]);
    await session(late.id, inPeriod(17), [7, 8, 9]);
    await session(late.id, JUST_BEFORE, [12]);

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
