import { randomUUID } from 'node:crypto';
import { addDays, todayInLondon } from '@heard/domain';
import { makeAction, makeItem, makeTheme } from './action-log-office-fixtures';
import { createGroup, createYoungPerson, dateOfBirthForAge, planActivity } from './factories';
import { insertPledge, insertVerdicts } from './pledge-fixtures';
import { SignedInClient, TestApp } from './test-app';

/** The council year (April to March) holding today: the plan after it reports on it as "last year". */
const today = todayInLondon();
export const YEAR = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0);
export const FROM = `${YEAR}-04-01`;
export const TO = `${YEAR + 1}-03-31`;
export const JUST_BEFORE = addDays(FROM, -1);
export const JUST_AFTER = addDays(TO, 1);
export const inPeriod = (days: number) => addDays(FROM, days);
/** Noon in London on a day, whatever the clocks are doing: the day is the same in UTC. */
export const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/**
 * The year the plan specs count (plan-figures and plan-figure-records): two plans, the second
 * reporting on this year as its "last year". The fictional year: two themes' actions, one action answering both; four You said items, one
 * closed in the year and one before it; two pledges running in it and one that ended before; two
 * practice tools evaluated, one by six young people and changed because of it, one by two; two
 * activity days in the year and one the day after; three groups' sessions. Thirteen young people:
 * eleven aged 14, one 16 and one 19; twelve took part in the year, and the thirteenth only just
 * outside it. Every kind of record also has one just outside the year.
 */
export async function seedPlanYear(
  t: TestApp,
  officer: SignedInClient,
  leader: SignedInClient,
): Promise<{ planId: string; youngPeople: string[] }> {
  const by = officer.user.id;

  await officer.post('/api/plans', { year: YEAR }).expect(201);
  const planId: string = (await officer.post('/api/plans', { year: YEAR + 1 }).expect(201)).body.planId;

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

  return { planId, youngPeople };
}
