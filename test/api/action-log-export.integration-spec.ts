import { AuditRecordType, Role, addDays, todayInLondon } from '@heard/domain';
import { EXPORT_HEADER } from '@heard/api/app/action-log/action-log-export.service';
import { makeAction, makeItem, makeService, makeTheme } from './support/action-log-office-fixtures';
import { createYoungPerson } from './support/factories';
import { bytes, csvRows, sheetRows, downloadsAudited, lastDownloadAudited } from './support/spreadsheets';
import { SignedInClient, TestApp, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();
const FORMULA = '=HYPERLINK("http://evil.example","click")';
const SPEAKER = 'Exportia Quill';

/**
 * The log as CSV and XLSX (issue 12 §8): filtered like the log, read back to check its rows,
 * formulas neutralised, no one's name in the file or its name, every download audited.
 */
describe('action log exports', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let earlyHelp: string;
  let fostering: string;
  let formulaItem: string;
  let plainItem: string;

  const exportCount = () => downloadsAudited(t.db, AuditRecordType.ActionLogExport);

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer, { displayName: 'Officer Marlow Finch' });
    earlyHelp = await makeService(t.db, 'Early Help');
    fostering = await makeService(t.db, 'Fostering');
    const theme = await makeTheme(t.db, 'Sharing learning');
    const speaker = await createYoungPerson(officer, { preferredName: SPEAKER });
    const by = officer.user.id;
    formulaItem = await makeItem(t.db, {
      createdBy: by,
      words: FORMULA,
      source: 'young_person',
      saidOn: addDays(today, -10),
      serviceId: earlyHelp,
      themeId: theme,
      channel: '@channel',
      speakers: [speaker.id],
    });
    plainItem = await makeItem(t.db, {
      createdBy: by,
      words: 'Letters, with "fewer" long words\nplease',
      source: 'young_person',
      saidOn: addDays(today, -5),
      serviceId: earlyHelp,
      acknowledgedBy: by,
    });
    await makeAction(t.db, {
      createdBy: by,
      itemIds: [plainItem],
      status: 'planned',
      words: '+ shorter letters from January',
      ownerId: by,
      dueOn: addDays(today, 20),
    });
    await makeAction(t.db, {
      createdBy: by,
      itemIds: [plainItem],
      status: 'done',
      words: 'Read the letter out at group',
      doneOn: addDays(today, -1),
    });
    // Outside the filters below: another service, another source, too long ago.
    await makeItem(t.db, { createdBy: by, serviceId: fostering, saidOn: addDays(today, -5) });
    await makeItem(t.db, {
      createdBy: by,
      source: 'survey',
      serviceId: earlyHelp,
      saidOn: addDays(today, -5),
    });
    await makeItem(t.db, { createdBy: by, serviceId: earlyHelp, saidOn: addDays(today, -400) });
  });

  afterAll(() => t.close());

  const period = () => `service=${earlyHelp}&source=young_person&from=${addDays(today, -30)}&to=${today}`;

  it('downloads the filtered log as CSV, formulas neutralised, audited', async () => {
    const before = await exportCount();
    const res = await officer.get(`/api/action-log/export.csv?${period()}`).buffer(true).parse(bytes);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="action-log-${addDays(today, -30)}-to-${today}.csv"`,
    );
    const text = (res.body as Buffer).toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = csvRows(text.slice(1));
    expect(rows[0]).toEqual(EXPORT_HEADER);
    expect(rows.slice(1).map((r) => r[0])).toEqual([formulaItem, plainItem]);
    const [formulaRow, plainRow] = rows.slice(1);
    expect(formulaRow[7]).toBe(`'${FORMULA}`);
    expect(formulaRow[5]).toBe(`'@channel`);
    expect(formulaRow.slice(1, 7)).toEqual([
      addDays(today, -10),
      'A young person',
      'Early Help',
      'Sharing learning',
      "'@channel",
      'To acknowledge',
    ]);
    expect(plainRow[7]).toBe('Letters, with "fewer" long words\nplease');
    expect(plainRow[12]).toBe('2');
    expect(plainRow[13]).toBe(
      `We will: planned (due ${addDays(today, 20)}): + shorter letters from January\nWe did (done ${addDays(today, -1)}): Read the letter out at group`,
    );
    expect(text).not.toContain(SPEAKER);
    expect(text).not.toContain('Marlow Finch');
    expect(await exportCount()).toBe(before + 1);
    const audit = await lastDownloadAudited(t.db, AuditRecordType.ActionLogExport);
    expect(audit).toEqual({
      actor: officer.user.id,
      action: 'read',
      detail: {
        event: 'download',
        format: 'csv',
        stage: null,
        service: earlyHelp,
        theme: null,
        source: 'young_person',
        from: addDays(today, -30),
        to: today,
      },
    });
  });

  it('downloads the same rows as XLSX, read back with exceljs, cells neutralised', async () => {
    const before = await exportCount();
    const res = await officer.get(`/api/action-log/export.xlsx?${period()}`).buffer(true).parse(bytes);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="action-log-${addDays(today, -30)}-to-${today}.xlsx"`,
    );
    const rows = await sheetRows(res.body as Buffer, 'Action log', EXPORT_HEADER.length);
    expect(rows[0]).toEqual(EXPORT_HEADER);
    expect(rows.slice(1).map((r) => r[0])).toEqual([formulaItem, plainItem]);
    expect(rows[1][7]).toBe(`'${FORMULA}`);
    expect(rows[1][5]).toBe("'@channel");
    expect(rows[2][12]).toBe(2);
    expect(rows[2][13]).toBe(
      `We will: planned (due ${addDays(today, 20)}): + shorter letters from January\nWe did (done ${addDays(today, -1)}): Read the letter out at group`,
    );
    expect(JSON.stringify(rows)).not.toContain(SPEAKER);
    expect(await exportCount()).toBe(before + 1);
  });

  it('filters by stage and theme, and names the file by the period only', async () => {
    const res = await officer
      .get(`/api/action-log/export.csv?stage=to_acknowledge&from=${addDays(today, -30)}`)
      .buffer(true)
      .parse(bytes);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="action-log-${addDays(today, -30)}-to-${today}.csv"`,
    );
    const ids = csvRows((res.body as Buffer).toString('utf8').slice(1))
      .slice(1)
      .map((r) => r[0]);
    expect(ids).toContain(formulaItem);
    expect(ids).not.toContain(plainItem);
    expect(ids).toHaveLength(3);
    const none = await officer.get(`/api/action-log/export.csv?theme=${fostering}`).buffer(true).parse(bytes);
    expect(csvRows((none.body as Buffer).toString('utf8').slice(1))).toHaveLength(1);
  });

  it('refuses bad, unknown, oversized and unauthorised requests with problem+json, recording no download', async () => {
    const before = await exportCount();
    for (const query of [
      'stage=nearly',
      'source=a_neighbour',
      'from=2026-02-30',
      `from=${today}&to=${addDays(today, -1)}`,
      'service=not-an-id',
      'name=Robin',
      `theme=${'x'.repeat(5000)}`,
      'from[]=2026-01-01',
    ]) {
      for (const format of ['csv', 'xlsx']) {
        const res = await officer.get(`/api/action-log/export.${format}?${query}`);
        expectProblem(res, 400);
        expect(res.headers['content-disposition']).toBeUndefined();
      }
    }
    const practitioner = await t.signInAs(Role.Practitioner);
    const youngExpert = await t.signInAs(Role.YoungExpert);
    const admin = await t.signInAs(Role.Administrator);
    const leader = await t.signInAs(Role.SeniorLeader);
    for (const client of [practitioner, youngExpert, admin, leader])
      expectProblem(await client.get('/api/action-log/export.csv'), 403);
    expectProblem(await t.anonymous().get('/api/action-log/export.xlsx'), 401);
    expect(await exportCount()).toBe(before);
  });
});
