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
 * Every figure of section C links to what it counts (issue 14 §2, docs/plan.md "Figure links"):
 * the records listed are as many as the figure says, and a count of young people lists groups,
 * days and tools with their counts withheld as the plan's are, never a young person. The year is
 * plan-figures.integration-spec.ts's.
 *
 * The fictional year: two themes' actions, one action answering both; four You said items, one
 * closed in the year and one before it; two pledges running in it and one that ended before; two
 * practice tools evaluated, one by six young people and changed because of it, one by two; two
 * activity days in the year and one the day after; three groups' sessions. Thirteen young people:
 * eleven aged 14, one 16 and one 19; twelve took part in the year, and the thirteenth only just
 * outside it. Every kind of record also has one just outside the year.
 */
describe('what a figure of the plan counts, record by record', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let leader: SignedInClient;
  let planId: string;
  let body: PlanFiguresResponse;
  const youngPeople: string[] = [];

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
