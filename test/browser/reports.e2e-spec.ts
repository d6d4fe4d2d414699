import { Role } from '@heard/domain';
import type { Page } from 'playwright-core';
import { BrowserHandle, launchBrowser } from './support/browser';
import { expectAccessible, signIn } from './support/demo';
import { RunningServer, startServer } from './support/server';

/** Made-up words, unique to this test. */
const INTRO = 'This report tells families what changed because they spoke up.';

async function settled(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe('the reports, from a draft to its PDF and DOCX', () => {
  let handle: BrowserHandle;
  let server: RunningServer;

  beforeAll(async () => {
    handle = await launchBrowser();
    server = await startServer();
  });

  afterAll(async () => {
    await handle?.close();
    await server?.stop();
  });

  it('an officer drafts a Family Feedback Report, edits it, and exports both files, with no axe violations', async () => {
    const officer = await handle.newPage();
    await signIn(officer, server, Role.ParticipationOfficer);
    await officer.goto(`${server.url}/reports`);
    await settled(officer);
    await expectAccessible(officer, 'the reports');

    await officer.getByRole('button', { name: 'Draft the report' }).click();
    await officer.getByRole('heading', { level: 1, name: /^Family Feedback Report, / }).waitFor();
    await officer.waitForLoadState('networkidle');
    await expectAccessible(officer, 'a report');

    const intro = officer.getByRole('textbox', { name: 'Text of Introduction' });
    await intro.fill(`${INTRO}\n\n<script>alert(1)</script> stays as words.`);
    const form = officer.locator('[data-section-form="introduction"]');
    await form.getByRole('button', { name: 'Save this section' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await expect(
      form.getByText('<script>alert(1)</script> stays as words.').first().isVisible(),
    ).resolves.toBe(true);

    for (const format of ['PDF', 'DOCX']) {
      await officer.getByRole('button', { name: `Export ${format}` }).click();
      const link = officer.getByRole('link', { name: `Download the ${format}` });
      await link.waitFor({ timeout: 60_000 });
      const href = await link.getAttribute('href');
      const file = await officer.request.get(`${server.url}${href}`);
      expect(file.status()).toBe(200);
      expect(file.headers()['content-disposition']).toMatch(
        new RegExp(
          `^attachment; filename="family-feedback-report-\\d{4}-\\d{2}-to-\\d{4}-\\d{2}\\.${format.toLowerCase()}"$`,
        ),
      );
      const bytes = await file.body();
      expect(bytes.subarray(0, format === 'PDF' ? 5 : 2).toString()).toBe(format === 'PDF' ? '%PDF-' : 'PK');
    }
    await expectAccessible(officer, 'a report with its files made');
  });
});
