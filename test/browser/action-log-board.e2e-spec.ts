import { Role } from '@heard/domain';
import type { BrowserHandle } from './support/browser';
import { api } from './support/api';
import { expectAccessible, signIn } from './support/demo';
import type { RunningServer } from './support/server';
import { startServerAndBrowser } from './support/suite';

const PHONE = { width: 375, height: 667 };

/**
 * The public "You said, We did" board and the Young Experts' review (issue 12 §5, §7), on the demo
 * data's published pairs: anyone reads the board without signing in, filters it by theme and opens
 * one item by its link, and nothing on it names a young person; the demo young expert Kai rates
 * an answer to their group on their own page. axe on every page.
 */
describe('the public board and the young experts’ review', () => {
  let server: RunningServer;
  let browser: BrowserHandle;

  startServerAndBrowser((started) => {
    ({ server, browser } = started);
  });

  it('should show the published pairs to anyone, with no names, filtered by theme and linked per item', async () => {
    // What the records hold privately: the young people's names and dates of birth, the staff words.
    const officer = await browser.newPage();
    await signIn(officer, server, Role.ParticipationOfficer);
    const people = await api<{ items: { id: string; preferredName: string }[] }>(
      officer,
      server,
      'get',
      '/api/young-people?pageSize=100',
    );
    const secrets = [...new Set(people.items.map((p) => p.preferredName))];
    for (const p of people.items.slice(0, 5)) {
      const record = await api<{ dateOfBirth: string; contact: { email: string | null } }>(
        officer,
        server,
        'get',
        `/api/young-people/${p.id}`,
      );
      secrets.push(record.dateOfBirth);
      if (record.contact.email) secrets.push(record.contact.email);
    }
    secrets.push('Kai and two others said review dates arrive', 'Reviewing officers now send the date');
    expect(secrets).toContain('Kai');

    const page = await browser.newPage();
    await page.goto(`${server.url}/board`);
    await page.getByRole('heading', { level: 1, name: 'You said, We did', exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Tell us sooner when our review is\./ }).waitFor();
    await page.getByText('We now tell you the date four weeks before your review.').waitFor();
    await page.getByText('“I found out the day before, every time.”').waitFor();
    await page.getByText('We will ask two other councils to come and tell you.').waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'the public board');
    const html = await page.content();
    for (const secret of secrets)
      expect({ secret, shown: html.includes(secret) }).toEqual({ secret, shown: false });

    await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Sharing learning' });
    await page.waitForURL(/theme=/);
    await page.getByText('We will ask two other councils to come and tell you.').waitFor();
    await page.getByRole('heading', { level: 2, name: /Tell us sooner/ }).waitFor({ state: 'detached' });
    await expectAccessible(page, 'the board, one theme');

    await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Everything' });
    await page.waitForURL((url) => !url.search.includes('theme='));
    await page.getByRole('heading', { level: 2, name: /Tell us sooner when our review is\./ }).waitFor();
    await page.getByRole('link', { name: /^See just this one ?: Tell us sooner/ }).click();
    await page.waitForURL(/\/board\/[0-9a-f-]{36}$/);
    await page.getByText('We now tell you the date four weeks before your review.').waitFor();
    await expect(page.getByText('We will ask two other councils').count()).resolves.toBe(0);
    await expectAccessible(page, 'one item on the board');
    // Printed, the page keeps the pair and drops the buttons and the app's bar.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print this page' }).isVisible()).resolves.toBe(false);
    await expect(
      page.getByText('We now tell you the date four weeks before your review.').isVisible(),
    ).resolves.toBe(true);
  });

  it('should move to an older page by keyboard, say which page it is, and keep that page in the address', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${server.url}/board?pageSize=1`);
    await page.getByRole('heading', { level: 2, name: /Show us what other places changed\./ }).waitFor();
    const pages = page.getByRole('navigation', { name: 'Pages', exact: true });
    await pages
      .getByRole('status')
      .getByText(/^Page 1 of \d+$/)
      .waitFor();
    await expect(pages.getByRole('link', { name: 'Newer', exact: true }).count()).resolves.toBe(0);
    await pages.getByRole('link', { name: 'Older', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/[?&]page=2(&|$)/);
    expect(new URL(page.url()).searchParams.get('pageSize')).toBe('1');
    await page.getByRole('heading', { level: 2, name: /Tell us sooner when our review is\./ }).waitFor();
    await page
      .getByRole('heading', { level: 2, name: /Show us what other places/ })
      .waitFor({ state: 'detached' });
    const status = pages.getByRole('status');
    await status.getByText(/^Page 2 of \d+$/).waitFor();
    await expect(status.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'the board, page 2');
    // Back by the "Newer" link: the first page's address has no page number.
    await pages.getByRole('link', { name: 'Newer', exact: true }).click();
    await page.waitForURL((url) => !url.searchParams.has('page'));
    await page.getByRole('heading', { level: 2, name: /Show us what other places changed\./ }).waitFor();
    // Printed, the page says which page it is and drops the links.
    await page.emulateMedia({ media: 'print' });
    await expect(pages.getByRole('link', { name: 'Older', exact: true }).isVisible()).resolves.toBe(false);
    await expect(pages.getByRole('status').isVisible()).resolves.toBe(true);
  });

  it('should let the young expert Kai rate an answer to their group on their own page', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await signIn(page, server, Role.YoungExpert);
    await page.goto(`${server.url}/my-space`);
    await page.getByRole('link', { name: 'What we did', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'What we did', exact: true }).waitFor();
    await page.getByText('We now tell you the date four weeks before your review.').waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'what we did');
    expect(await page.content()).not.toContain('Kai and two others');

    const card = page.getByRole('listitem').filter({ hasText: 'Tell us sooner when our review is.' });
    await card.getByRole('radio', { name: 'Good', exact: true }).check();
    await card.getByLabel('Tell us more (you do not have to)').fill('Better. Tell our carers too.');
    await card.getByRole('button', { name: 'Send', exact: true }).click();
    await card.getByText('Thank you. We got it.').waitFor();
    await card.getByText('You said: Good.').waitFor();
    await expectAccessible(page, 'rated');

    // Staff see the rating beside its comment.
    const officer = await browser.newPage();
    await signIn(officer, server, Role.ParticipationOfficer);
    const board = await api<{ items: { itemId: string; youSaid: string }[] }>(
      officer,
      server,
      'get',
      '/api/board',
    );
    const item = board.items.find((i) => i.youSaid === 'Tell us sooner when our review is.');
    const ratings = await api<{ ratings: { face: { words: string }; comment: string | null }[] }>(
      officer,
      server,
      'get',
      `/api/action-log/items/${item?.itemId}/ratings`,
    );
    // The built API loads retext (an ES module) for the officer's live reading level.
    const level = await api<{ forAge: number; hardSentences: string[] }>(
      officer,
      server,
      'post',
      '/api/action-log/reading-level',
      {
        text: 'Consent to the publication of attributable quotations is recorded independently of participation.',
      },
    );
    expect(level).toMatchObject({ forAge: 10, hardSentences: [expect.any(String)] });
    expect(ratings.ratings).toEqual([
      expect.objectContaining({
        face: expect.objectContaining({ words: 'Good' }),
        comment: 'Better. Tell our carers too.',
      }),
    ]);
  });
});
