import { AuditRecordType, FEWER_THAN_FIVE, Role, addDays, todayInLondon } from '@heard/domain';
import { PLEDGES_EXPORT_HEADER } from '@heard/api/app/pledges/pledges-export.service';
import { makeTheme } from './support/action-log-office-fixtures';
import { createYoungPerson } from './support/factories';
import { insertPledge, insertVerdicts } from './support/pledge-fixtures';
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
const FROM = addDays(today, -30);
const FORMULA_REASON = '=1+1 because the letters are late';

/**
 * Pledges for a period as CSV and XLSX (issue 13 §5, docs/pledges.md "Downloads"): the pledges
 * made in the period, still running, or changed in it; a leader's own, every one for an officer;
 * the young people's verdicts as counts withheld under five; audited; bad requests change nothing.
 */
describe('pledges exports', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let dana: SignedInClient;
  let rowan: SignedInClient;
  let flagged: string;
  let fewVerdicts: string;
  let runningOld: string;
  let rowans: string;

  const exportCount = () => downloadsAudited(t.db, AuditRecordType.PledgeExport);
  const period = `from=${FROM}&to=${today}`;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    dana = await t.signInAs(Role.SeniorLeader, { displayName: 'Dana Fairweather' });
    rowan = await t.signInAs(Role.SeniorLeader, { displayName: 'Rowan Marsh' });
    const theme = await makeTheme(t.db, 'Our language');
    const experts: string[] = [];
    for (let i = 0; i < 7; i++)
      experts.push((await createYoungPerson(officer, { preferredName: `Verdict Giver ${i}` })).id);
    flagged = await insertPledge(t.db, {
      madeBy: dana.user.id,
      themeId: theme,
      madeOn: addDays(today, -10),
      rag: 'green',
      ragReason: FORMULA_REASON,
    });
    await insertVerdicts(t.db, flagged, 'not_kept', experts.slice(0, 6), officer.user.id);
    fewVerdicts = await insertPledge(t.db, {
      madeBy: dana.user.id,
      themeId: theme,
      madeOn: addDays(today, -20),
    });
    await insertVerdicts(t.db, fewVerdicts, 'kept', experts.slice(0, 2), officer.user.id);
    await insertVerdicts(t.db, fewVerdicts, 'not_kept', experts.slice(2, 7), officer.user.id);
    runningOld = await insertPledge(t.db, {
      madeBy: dana.user.id,
      themeId: theme,
      madeOn: addDays(today, -400),
      updatedAt: addDays(today, -300),
    });
    // Outside the period: finished long before it, and made after it.
    await insertPledge(t.db, {
      madeBy: dana.user.id,
      themeId: theme,
      madeOn: addDays(today, -400),
      status: 'completed',
      updatedAt: addDays(today, -300),
    });
    await insertPledge(t.db, { madeBy: dana.user.id, themeId: theme, madeOn: addDays(today, 1) });
    rowans = await insertPledge(t.db, { madeBy: rowan.user.id, themeId: theme, madeOn: addDays(today, -5) });
  });
  afterAll(() => t.close());

  it('gives an officer every pledge of the period as CSV: verdicts as counts, under five withheld, audited', async () => {
    const before = await exportCount();
    const res = await officer.get(`/api/pledges/export.csv?${period}`).buffer(true).parse(bytes);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="pledges-${FROM}-to-${today}.csv"`);
    const rows = csvDownloadRows(res.body as Buffer);
    expect(rows[0]).toEqual(PLEDGES_EXPORT_HEADER);
    expect(rows.slice(1).map((r) => r[0])).toEqual([runningOld, fewVerdicts, flagged, rowans]);
    const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byId.get(flagged)?.slice(10)).toEqual([
      'Green',
      `'${FORMULA_REASON}`,
      'Red',
      '0',
      '0',
      '6',
      'yes',
    ]);
    // 2 kept would be withheld alone, and 5 not kept with the total would give it away: both go.
    expect(byId.get(fewVerdicts)?.slice(12)).toEqual(['Red', FEWER_THAN_FIVE, '0', FEWER_THAN_FIVE, 'no']);
    expect(byId.get(runningOld)?.slice(8, 10)).toEqual(['Being kept', addDays(today, -370)]);
    expect((res.body as Buffer).toString('utf8')).not.toContain('Verdict Giver');
    expect(await exportCount()).toBe(before + 1);
    const audit = await lastDownloadAudited(t.db, AuditRecordType.PledgeExport);
    expect(audit).toEqual({
      actor: officer.user.id,
      action: 'read',
      detail: { event: 'download', format: 'csv', from: FROM, to: today },
    });
  });

  it('gives a leader only their own pledges, as XLSX read back with exceljs', async () => {
    const res = await dana.get(`/api/pledges/export.xlsx?${period}`).buffer(true).parse(bytes);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const rows = await sheetRows(res.body as Buffer, 'Pledges', PLEDGES_EXPORT_HEADER.length);
    expect(rows[0]).toEqual(PLEDGES_EXPORT_HEADER);
    expect(rows.slice(1).map((r) => r[0])).toEqual([runningOld, fewVerdicts, flagged]);
    expect(rows[3].slice(10)).toEqual(['Green', `'${FORMULA_REASON}`, 'Red', 0, 0, 6, 'yes']);
    const theirs = await rowan.get(`/api/pledges/export.csv?${period}`).buffer(true).parse(bytes);
    expect(
      csvDownloadRows(theirs.body as Buffer)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual([rowans]);
  });

  it('answers an empty period with the header alone', async () => {
    const res = await officer
      .get(`/api/pledges/export.csv?from=${addDays(today, -900)}&to=${addDays(today, -800)}`)
      .buffer(true)
      .parse(bytes);
    expect(res.status).toBe(200);
    expect(csvDownloadRows(res.body as Buffer)).toEqual([[...PLEDGES_EXPORT_HEADER]]);
  });

  it('refuses bad, missing, oversized and unauthorised requests with problem+json, recording no download', async () => {
    const before = await exportCount();
    for (const query of [...invalidPeriodQueries(FROM, today), `${period}&leader=Dana`]) {
      for (const format of ['csv', 'xlsx']) {
        const res = await officer.get(`/api/pledges/export.${format}?${query}`);
        expectProblem(res, 400);
        expect(res.headers['content-disposition']).toBeUndefined();
      }
    }
    for (const role of [Role.Practitioner, Role.Administrator, Role.YoungExpert]) {
      const client = await t.signInAs(role);
      expectProblem(await client.get(`/api/pledges/export.csv?${period}`), 403);
    }
    expectProblem(await t.anonymous().get(`/api/pledges/export.xlsx?${period}`), 401);
    expect(await exportCount()).toBe(before);
  });
});
