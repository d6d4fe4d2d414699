import { readFileSync } from 'node:fs';
import { Role } from '@heard/domain';
import type { Locator, Page } from 'playwright-core';
import type { BrowserHandle } from './support/browser';
import { expectAccessible, signIn } from './support/demo';
import type { RunningServer } from './support/server';
import { startServerAndBrowser } from './support/suite';
import { api } from './support/api';

const PHONE = { width: 375, height: 667 };

/**
 * Subject access (issue 17 §3) in a real browser: the participation officer saves everything Heard
 * holds about the demo young person Kai from Kai's page, as a PDF and as JSON; then Kai, signed in
 * as the demo young expert, saves their own copy from My data. Both pages pass axe; each file is
 * what it says (a tagged PDF, JSON of Kai's record), with no name in its file name.
 */
describe('subject access', () => {
  let server: RunningServer;
  let browser: BrowserHandle;

  startServerAndBrowser((started) => {
    ({ server, browser } = started);
  });

  /** Clicks a download link and returns the saved file's name and bytes. */
  async function save(page: Page, link: Locator): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync((await download.path()) as string) };
  }

  it('should let the officer save the copy from the young person’s page, and Kai save their own', async () => {
    const officer = await browser.newPage();
    await signIn(officer, server, Role.ParticipationOfficer);
    const found = await api<{ items: { id: string; preferredName: string }[] }>(
      officer,
      server,
      'get',
      '/api/young-people?q=Kai&pageSize=100',
    );
    const kai = found.items.find((p) => p.preferredName === 'Kai');
    if (!kai) throw new Error('The demo data has no Kai');

    await officer.goto(`${server.url}/young-people/${kai.id}`);
    await officer.getByRole('heading', { level: 1, name: 'Kai', exact: true }).waitFor();
    await officer.waitForLoadState('networkidle');
    await expectAccessible(officer, 'young person page with the subject access links');

    // Their review meetings (issue 14 §7), and the form to record one, on the same page.
    await officer.getByRole('heading', { level: 2, name: 'Review meetings', exact: true }).waitFor();
    await officer.getByRole('button', { name: 'Record a review meeting', exact: true }).click();
    await officer.getByLabel('Date of the review').waitFor();
    await expectAccessible(officer, 'young person page with the review meeting form open');

    const pdf = await save(
      officer,
      officer.getByRole('link', { name: 'Everything we hold (PDF)', exact: true }),
    );
    expect(pdf.name).toBe('subject-access.pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.bytes.toString('latin1')).toContain('/StructTreeRoot');

    const json = await save(
      officer,
      officer.getByRole('link', { name: 'Everything we hold (JSON)', exact: true }),
    );
    expect(json.name).toBe('subject-access.json');
    const copy = JSON.parse(json.bytes.toString('utf8'));
    expect(copy.record.preferredName).toBe('Kai');
    for (const part of [
      'emails',
      'evaluations',
      'evaluationQuotes',
      'toldYouBack',
      'reviewMeetings',
      'whoLooked',
    ])
      expect(Array.isArray(copy[part])).toBe(true);

    const page = await browser.newPage({ viewport: PHONE });
    await signIn(page, server, Role.YoungExpert);
    await page.goto(`${server.url}/my-space/data`);
    await page.getByRole('heading', { level: 1, name: 'My data', exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Emails we sent', exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Your review meetings', exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'my data');

    const own = await save(
      page,
      page.getByRole('link', { name: 'Save a copy to read or print', exact: true }),
    );
    expect(own.name).toBe('my-data-from-heard.pdf');
    expect(own.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const ownJson = await save(page, page.getByRole('link', { name: 'Save a copy', exact: true }));
    expect(ownJson.name).toBe('my-data-from-heard.json');
    const mine = JSON.parse(ownJson.bytes.toString('utf8'));
    expect(mine.record.preferredName).toBe('Kai');
    // The same assembly: the officer's copy and Kai's hold the same record.
    expect(mine.record).toEqual(copy.record);
  });
});
