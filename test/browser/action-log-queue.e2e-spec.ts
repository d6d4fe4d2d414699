import { Role, addDays, todayInLondon } from '@heard/domain';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { api } from './support/api';
import type { BrowserHandle } from './support/browser';
import { expectAccessible, signIn } from './support/demo';
import type { RunningServer } from './support/server';
import { startServerAndBrowser } from './support/suite';

/** Made-up feedback, unique to this test. */
const EVENINGS = 'Browser test: more sessions after school please';
const FORMULA = '=1+2, said the spreadsheet';

async function words(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

describe('the action log queue in a real browser', () => {
  let server: RunningServer;
  let browser: BrowserHandle;
  let officer: Page;
  const today = todayInLondon();

  startServerAndBrowser((started) => {
    ({ server, browser } = started);
  });

  beforeAll(async () => {
    officer = await browser.newPage();
    officer.setDefaultTimeout(15_000);
    await signIn(officer, server, Role.ParticipationOfficer);
    // Items come in through the import, as a team's spreadsheet would bring them.
    const csv = [
      'Said on,Source,Summary',
      `${addDays(today, -2)},A young person,${EVENINGS}`,
      `${addDays(today, -1)},survey,"${FORMULA}"`,
    ].join('\r\n');
    const imported = await api<{ imported: number }>(officer, server, 'post', '/api/action-log/import', {
      csv,
    });
    expect(imported.imported).toBe(2);
  });

  it('should show the officer’s items to acknowledge and pass axe', async () => {
    await officer.goto(`${server.url}/action-log/queue`);
    await officer.getByRole('heading', { level: 1, name: 'Action log queue' }).waitFor();
    await officer.getByRole('heading', { level: 2, name: 'To acknowledge: yours' }).waitFor();
    await officer.getByText(EVENINGS).waitFor();
    const records = officer.locator('.heard-record');
    const texts = await records.evaluateAll((els) =>
      els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ')),
    );
    expect(texts.some((t) => t.includes(EVENINGS) && t.includes('A young person'))).toBe(true);
    expect(texts.some((t) => t.includes(FORMULA) && t.includes('A survey'))).toBe(true);
    expect(await words(officer.locator('.count'))).toMatch(/^\d+ waiting\.$/);
    await expectAccessible(officer, 'action log queue');
    await officer.getByRole('radio', { name: 'Overdue', exact: true }).click();
    await officer.getByRole('heading', { level: 2, name: 'Overdue: yours' }).waitFor();
    await expectAccessible(officer, 'action log queue, overdue');
  });

  it('should download the log as XLSX that opens with the rows, formulas made safe, no name in the file name', async () => {
    await officer.getByLabel('Said from').fill(addDays(today, -7));
    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByRole('link', { name: 'Download XLSX', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`action-log-${addDays(today, -7)}-to-${today}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Action log');
    const summaries: string[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) summaries.push(String(row.getCell(8).value));
    });
    expect(summaries).toEqual(expect.arrayContaining([EVENINGS, `'${FORMULA}`]));
    expect(summaries).not.toContain(FORMULA);
  });
});
