import { randomUUID } from 'node:crypto';
import {
  AuditRecordType,
  FEWER_THAN_FIVE,
  Reach,
  ReachRow,
  Role,
  ServiceExperienceKind,
  addDays,
  todayInLondon,
} from '@heard/domain';
import { REACH_EXPORT_HEADER } from '@heard/api/app/reach/reach.service';
import { insertSession } from './support/action-log-fixtures';
import { makeItem } from './support/action-log-office-fixtures';
import { createGroup, createYoungPerson, dateOfBirthForAge } from './support/factories';
import {
  bytes,
  csvDownloadRows,
  sheetRows,
  downloadsAudited,
  lastDownloadAudited,
} from './support/spreadsheets';
import { invalidPeriodQueries } from './support/periods';
import { SignedInClient, TestApp, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();
const FROM = addDays(today, -90);
const period = `from=${FROM}&to=${today}`;
const BEFORE = addDays(today, -200);

/**
 * Reach (issue 13 §4 and §5, docs/reach.md): for a period, the young people the council works
 * with against those invited, who came, evaluated and spoke, by group; counts under five withheld
 * in the JSON and in both downloads; a group nobody in which came pointed out; aggregates only.
 *
 * Thirty young people in the area aged 14: twenty invited (ten came to what they were invited to,
 * two came to a group session), six evaluated, seven spoke. Six placed out of area aged 17, with
 * SEND: three invited, none came, evaluated or spoke in the period. One more archived before it.
 *
 * The team's categories: the first eight in the area are young carers, the first five of them care
 * leavers in higher education too (counted under both); the six placed away are unaccompanied
 * asylum-seeking, a category retired since; nobody lives with kinship carers; an old category,
 * retired, has nobody.
 */
describe('reach', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let admin: SignedInClient;
  const category: Record<string, string> = {};

  const exportCount = () => downloadsAudited(t.db, AuditRecordType.ReachExport);

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    admin = await t.signInAs(Role.Administrator);
    const by = officer.user.id;
    for (const name of [
      'Young carer',
      'Care leaver in higher education',
      'Unaccompanied asylum-seeking',
      'Lives with kinship carers',
      'Old list entry',
    ])
      category[name] = (await admin.post('/api/young-people/categories', { name })).body.id;
    const local: string[] = [];
    for (let i = 0; i < 30; i++)
      local.push(
        (
          await createYoungPerson(officer, {
            preferredName: `Local Reacher ${i}`,
            categoryIds: [
              ...(i < 8 ? [category['Young carer']] : []),
              ...(i < 5 ? [category['Care leaver in higher education']] : []),
            ],
          })
        ).id,
      );
    const away: string[] = [];
    for (let i = 0; i < 6; i++)
      away.push(
        (
          await createYoungPerson(officer, {
            preferredName: `Faraway Reacher ${i}`,
            dateOfBirth: dateOfBirthForAge(17),
            serviceExperiences: [
              { kind: ServiceExperienceKind.LookedAfter, from: '2020-01-01', to: null },
              { kind: ServiceExperienceKind.SendEhcp, from: '2020-01-01', to: null },
            ],
            placedOutOfArea: true,
            placementAuthority: 'Northmere County Council',
            categoryIds: [category['Unaccompanied asylum-seeking']],
          })
        ).id,
      );
    for (const retired of ['Unaccompanied asylum-seeking', 'Old list entry'])
      await admin.patch(`/api/young-people/categories/${category[retired]}`, { retired: true });
    // Archived before the period began: not someone the council worked with in it.
    const gone = (await createYoungPerson(officer, { preferredName: 'Long Gone Reacher' })).id;
    await t.db.query(`UPDATE young_people SET created_at = $2, archived_at = $3 WHERE id = $1`, [
      gone,
      new Date(`${addDays(today, -400)}T12:00:00Z`),
      new Date(`${BEFORE}T12:00:00Z`),
    ]);

    const invite = (youngPersonId: string, status: string, eventDate = addDays(today, -10)) =>
      t.db.query(
        `INSERT INTO invitations (young_person_id, target_kind, review_title, event_date, channel, status, created_by)
         VALUES ($1, 'review_meeting', 'Your review', $2, 'in_person', $3, $4)`,
        [youngPersonId, eventDate, status, by],
      );
    for (const [i, id] of local.slice(0, 20).entries()) await invite(id, i < 10 ? 'attended' : 'sent');
    for (const id of away.slice(0, 3)) await invite(id, 'sent');
    // Neither counts as invited: one never reached them, the other was before the period.
    await invite(local[25], 'draft');
    await invite(local[26], 'sent', BEFORE);
    await invite(gone, 'attended', addDays(today, -5));

    // Two came to a session of their group; one was absent; a cancelled session counts for nobody.
    const group = await createGroup(officer, { minAge: 10, maxAge: 25 });
    const session = await insertSession(t.db, group.id, -5);
    const cancelled = await insertSession(t.db, group.id, -6);
    await t.db.query(`UPDATE group_sessions SET status = 'cancelled' WHERE id = $1`, [cancelled]);
    const register = (sessionId: string, youngPersonId: string, status: string) =>
      t.db.query(`INSERT INTO attendance (session_id, young_person_id, status) VALUES ($1, $2, $3)`, [
        sessionId,
        youngPersonId,
        status,
      ]);
    await register(session, local[10], 'present');
    await register(session, local[11], 'present');
    await register(session, local[12], 'absent');
    await register(cancelled, away[0], 'present');

    // Named evaluations: six in the period, and one of a young person placed away before it.
    const [{ id: toolId }]: { id: string }[] = await t.db.query(
      `INSERT INTO practice_tools (name, purpose, owning_service, stage)
       VALUES ('This is Me', 'A profile', 'Fostering', 'being_evaluated') RETURNING id`,
    );
    const [{ id: versionId }]: { id: string }[] = await t.db.query(
      `INSERT INTO practice_tool_versions (tool_id, label, link) VALUES ($1, 'v1', 'https://tools.heard.example/v1') RETURNING id`,
      [toolId],
    );
    const [{ id: roundId }]: { id: string }[] = await t.db.query(
      `INSERT INTO evaluation_rounds (tool_version_id, title, questions, opens_on, closes_on, audience)
       VALUES ($1, 'This is Me, first look', '[]'::jsonb, '2020-01-01', $2, 'named') RETURNING id`,
      [versionId, addDays(today, 30)],
    );
    const evaluate = (youngPersonId: string, answeredOn: string) =>
      t.db.query(
        `INSERT INTO evaluations (round_id, young_person_id, entered_by, answered_on, age_band, idempotency_key)
         VALUES ($1, $2, $3, $4, '13-15', $5)`,
        [roundId, youngPersonId, by, answeredOn, randomUUID()],
      );
    for (const id of local.slice(0, 6)) await evaluate(id, addDays(today, -3));
    await evaluate(away[1], BEFORE);

    // You said: seven in the area spoke in the period; a young person placed away spoke before it.
    await makeItem(t.db, { createdBy: by, saidOn: addDays(today, -2), speakers: local.slice(0, 4) });
    await makeItem(t.db, { createdBy: by, saidOn: addDays(today, -1), speakers: local.slice(3, 7) });
    await makeItem(t.db, { createdBy: by, saidOn: BEFORE, speakers: [away[2]] });
  });
  afterAll(() => t.close());

  const rowOf = (reach: Reach, dimension: string, group: string): ReachRow => {
    const row = reach.tables
      .find((table) => table.dimension === dimension)
      ?.rows.find((r) => r.group === group);
    if (!row) throw new Error(`no ${dimension} ${group}`);
    return row;
  };

  it('counts who could take part against who took part, withholds counts under five, and points out the missing group', async () => {
    const res = await officer.get(`/api/reach?${period}`);
    expect(res.status).toBe(200);
    const reach = res.body as Reach;
    expect(reach).toMatchObject({ from: FROM, to: today });
    expect(reach.total).toEqual({ couldTakePart: 36, invited: 23, came: 12, evaluated: 6, spoke: 7 });

    const away = rowOf(reach, 'placedOutOfArea', 'yes');
    const local = rowOf(reach, 'placedOutOfArea', 'no');
    // Three invited is withheld; twenty beside it would give the three away from the total, so it goes too.
    expect(away.counts).toEqual({ couldTakePart: 6, invited: null, came: 0, evaluated: 0, spoke: 0 });
    expect(local.counts).toEqual({ couldTakePart: 30, invited: null, came: 12, evaluated: 6, spoke: 7 });
    expect(away.gaps).toEqual([
      { stage: 'came', gap: 'none' },
      { stage: 'evaluated', gap: 'none' },
      { stage: 'spoke', gap: 'none' },
    ]);
    expect(local.gaps).toEqual([]);

    expect(rowOf(reach, 'ageBand', '13-15').counts.couldTakePart).toBe(30);
    expect(rowOf(reach, 'ageBand', '16-17').counts).toEqual(away.counts);
    expect(rowOf(reach, 'ageBand', '10-12').counts).toEqual({
      couldTakePart: 0,
      invited: 0,
      came: 0,
      evaluated: 0,
      spoke: 0,
    });
    expect(rowOf(reach, 'send', 'yes').counts).toEqual(away.counts);
    // Everyone is looked after. SEND / EHCP is shown in the SEND table only: as a service experience
    // beside it, its withheld three would show.
    expect(rowOf(reach, 'serviceExperience', ServiceExperienceKind.LookedAfter).counts).toEqual(reach.total);
    const experiences = reach.tables.find((table) => table.dimension === 'serviceExperience');
    expect(experiences?.rows.map((r) => r.group)).not.toContain(ServiceExperienceKind.SendEhcp);
    expect(rowOf(reach, 'serviceExperience', 'none').counts.couldTakePart).toBe(0);
    expect(res.text).not.toMatch(/Reacher|Northmere/);
  });

  it("counts the team's categories, a person in two under both, withheld and judged as the other tables", async () => {
    const reach = (await officer.get(`/api/reach?${period}`)).body as Reach;
    const table = reach.tables.find((t) => t.dimension === 'category');
    expect(table?.label).toBe("The team's categories");
    // Current ones by name, even with nobody; a retired one only while someone has it; then none.
    expect(table?.rows.map((r) => r.label)).toEqual([
      'Care leaver in higher education',
      'Lives with kinship carers',
      'Young carer',
      'Unaccompanied asylum-seeking (retired)',
      'No category',
    ]);
    const counts = (name: string) => rowOf(reach, 'category', category[name]).counts;
    expect(counts('Young carer')).toEqual({ couldTakePart: 8, invited: 8, came: 8, evaluated: 6, spoke: 7 });
    // Five is shown, but goes with the withheld three (invited) and four (came) beside it.
    expect(counts('Care leaver in higher education')).toEqual({
      couldTakePart: 5,
      invited: null,
      came: null,
      evaluated: 5,
      spoke: 5,
    });
    expect(counts('Unaccompanied asylum-seeking')).toEqual({
      couldTakePart: 6,
      invited: null,
      came: 0,
      evaluated: 0,
      spoke: 0,
    });
    expect(counts('Lives with kinship carers')).toEqual({
      couldTakePart: 0,
      invited: 0,
      came: 0,
      evaluated: 0,
      spoke: 0,
    });
    expect(rowOf(reach, 'category', 'none').counts).toEqual({
      couldTakePart: 22,
      invited: 12,
      came: null,
      evaluated: 0,
      spoke: 0,
    });
    // The five in two categories count under both: the rows add up to more than everyone.
    expect(table?.rows.reduce((sum, r) => sum + (r.counts.couldTakePart ?? 0), 0)).toBe(41);
    // Nobody in the category that nobody came from is pointed out; nobody to miss in an empty one.
    expect(rowOf(reach, 'category', category['Unaccompanied asylum-seeking']).gaps).toEqual([
      { stage: 'came', gap: 'none' },
      { stage: 'evaluated', gap: 'none' },
      { stage: 'spoke', gap: 'none' },
    ]);
    expect(rowOf(reach, 'category', category['Lives with kinship carers']).gaps).toEqual([]);
  });

  it('answers a period before anyone was known with zeros and no gaps', async () => {
    const res = await officer.get(`/api/reach?from=${addDays(today, -900)}&to=${addDays(today, -800)}`);
    expect(res.status).toBe(200);
    const reach = res.body as Reach;
    expect(reach.total).toEqual({ couldTakePart: 0, invited: 0, came: 0, evaluated: 0, spoke: 0 });
    for (const table of reach.tables) for (const row of table.rows) expect(row.gaps).toEqual([]);
  });

  it('lets senior leaders and administrators read it too', async () => {
    for (const role of [Role.SeniorLeader, Role.Administrator]) {
      const client = await t.signInAs(role);
      const res = await client.get(`/api/reach?${period}`);
      expect(res.status).toBe(200);
      expect((res.body as Reach).total.couldTakePart).toBe(36);
    }
  });

  it('downloads the table as CSV with withheld cells as "fewer than 5", audited', async () => {
    const before = await exportCount();
    const res = await officer.get(`/api/reach/export.csv?${period}`).buffer(true).parse(bytes);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="reach-${FROM}-to-${today}.csv"`);
    const rows = csvDownloadRows(res.body as Buffer);
    expect(rows[0]).toEqual(REACH_EXPORT_HEADER);
    expect(rows[1]).toEqual(['Everyone', 'All young people', '36', '23', '12', '6', '7']);
    expect(rows).toContainEqual([
      'Placed out of area',
      'Placed out of area',
      '6',
      FEWER_THAN_FIVE,
      '0',
      '0',
      '0',
    ]);
    expect(rows).toContainEqual(['Placed out of area', 'In the area', '30', FEWER_THAN_FIVE, '12', '6', '7']);
    expect(rows).toContainEqual(["The team's categories", 'Young carer', '8', '8', '8', '6', '7']);
    expect(rows).toContainEqual([
      "The team's categories",
      'Unaccompanied asylum-seeking (retired)',
      '6',
      FEWER_THAN_FIVE,
      '0',
      '0',
      '0',
    ]);
    expect(rows).toContainEqual([
      "The team's categories",
      'Lives with kinship carers',
      '0',
      '0',
      '0',
      '0',
      '0',
    ]);
    expect(rows).toContainEqual([
      "The team's categories",
      'No category',
      '22',
      '12',
      FEWER_THAN_FIVE,
      '0',
      '0',
    ]);
    expect((res.body as Buffer).toString('utf8')).not.toMatch(/Reacher|Northmere/);
    expect(await exportCount()).toBe(before + 1);
    const audit = await lastDownloadAudited(t.db, AuditRecordType.ReachExport);
    expect(audit).toEqual({
      actor: officer.user.id,
      action: 'read',
      detail: { event: 'download', format: 'csv', from: FROM, to: today },
    });
  });

  it('downloads the same table as XLSX, read back with exceljs', async () => {
    const leader = await t.signInAs(Role.SeniorLeader);
    const res = await leader.get(`/api/reach/export.xlsx?${period}`).buffer(true).parse(bytes);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const rows = await sheetRows(res.body as Buffer, 'Reach', REACH_EXPORT_HEADER.length);
    expect(rows[0]).toEqual(REACH_EXPORT_HEADER);
    expect(rows[1]).toEqual(['Everyone', 'All young people', 36, 23, 12, 6, 7]);
    expect(rows).toContainEqual(['Placed out of area', 'Placed out of area', 6, FEWER_THAN_FIVE, 0, 0, 0]);
    expect(rows).toContainEqual([
      "The team's categories",
      'Care leaver in higher education',
      5,
      FEWER_THAN_FIVE,
      FEWER_THAN_FIVE,
      5,
      5,
    ]);
  });

  it('refuses bad, missing, oversized and unauthorised requests with problem+json, recording no download', async () => {
    const before = await exportCount();
    for (const query of [...invalidPeriodQueries(FROM, today), `${period}&group=placed`]) {
      for (const path of ['', '/export.csv', '/export.xlsx']) {
        const res = await officer.get(`/api/reach${path}?${query}`);
        expectProblem(res, 400);
        expect(res.headers['content-disposition']).toBeUndefined();
      }
    }
    for (const role of [Role.Practitioner, Role.YoungExpert]) {
      const client = await t.signInAs(role);
      for (const path of ['', '/export.csv', '/export.xlsx'])
        expectProblem(await client.get(`/api/reach${path}?${period}`), 403);
    }
    expectProblem(await t.anonymous().get(`/api/reach?${period}`), 401);
    expectProblem(await t.anonymous().get(`/api/reach/export.xlsx?${period}`), 401);
    expect(await exportCount()).toBe(before);
  });

  it('shows a category renamed a moment ago: the figures are counted again after the list changes', async () => {
    const before = (await officer.get(`/api/reach?${period}`)).body as Reach;
    expect(rowOf(before, 'category', category['Lives with kinship carers']).label).toBe(
      'Lives with kinship carers',
    );
    await admin.patch(`/api/young-people/categories/${category['Lives with kinship carers']}`, {
      name: 'Lives with family and friends carers',
    });
    const after = (await officer.get(`/api/reach?${period}`)).body as Reach;
    expect(rowOf(after, 'category', category['Lives with kinship carers']).label).toBe(
      'Lives with family and friends carers',
    );
  });
});
