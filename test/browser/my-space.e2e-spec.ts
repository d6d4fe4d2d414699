import { readFileSync } from 'node:fs';
import { MY_SPACE_MESSAGES, Role } from '@heard/domain';
import type { Page } from 'playwright-core';
import type { BrowserHandle } from './support/browser';
import { DEMO_EMAIL, expectAccessible, signIn } from './support/demo';
import type { RunningServer } from './support/server';
import { startServerAndBrowser } from './support/suite';
import { api } from './support/api';

const PHONE = { width: 375, height: 667 };

/**
 * A young expert's own pages on a phone-sized screen (issue 11 §9): the demo young expert Kai
 * signs in, answers the round waiting for them in picture mode, finds it in their history,
 * changes a choice, saves a copy of their data and sends a worry that reaches the safeguarding
 * contact's home page. axe on every page.
 */
describe('my space for a young expert', () => {
  let server: RunningServer;
  let browser: BrowserHandle;

  startServerAndBrowser((started) => {
    ({ server, browser } = started);
  });

  async function open(page: Page, path: string, heading: string): Promise<void> {
    await page.goto(`${server.url}${path}`);
    await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, path);
  }

  it('should let Kai evaluate in picture mode, see it, change a choice, save their data and send a worry', async () => {
    // The senior leader is made a safeguarding contact by the administrator, as on the users page.
    const admin = await browser.newPage();
    await signIn(admin, server, Role.Administrator);
    const users = await admin.request.get(`${server.url}/api/users?pageSize=100`);
    const leader = (await users.json()).items.find(
      (u: { email: string }) => u.email === DEMO_EMAIL[Role.SeniorLeader],
    );
    await api(admin, server, 'patch', `/api/users/${leader.id}/safeguarding-contact`, {
      safeguardingContact: true,
    });

    const page = await browser.newPage({ viewport: PHONE });
    await signIn(page, server, Role.YoungExpert);
    await page.getByRole('link', { name: 'Go to my space', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'My space', exact: true }).waitFor();
    await page.getByText('Waiting for you: 1').waitFor();
    await expectAccessible(page, 'my space');
    // Phone first: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await page.getByRole('link', { name: /^Things to try/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Things to try', exact: true }).waitFor();
    await expectAccessible(page, 'things to try');
    await page.getByRole('link', { name: 'Have a go: Invitation-to-chair letter', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Invitation-to-chair letter', exact: true }).waitFor();
    await page.getByLabel('Pictures and big faces').check();
    await expectAccessible(page, 'evaluate in picture mode');
    await page.getByRole('button', { name: 'Really good', exact: true }).first().click();
    await page
      .getByRole('textbox', { name: 'What did you like?', exact: true })
      .fill('It says it is my meeting.');
    await page.getByRole('button', { name: 'Send my answers', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you!', exact: true }).waitFor();
    await expectAccessible(page, 'thank you');

    await page.getByRole('link', { name: 'See what you said', exact: true }).click();
    await page.getByText('You used pictures and big faces.').waitFor();
    await expect(page.getByText('It says it is my meeting.').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'one evaluation');
    await page.getByRole('link', { name: 'All the things I said', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'What I said before', exact: true }).waitFor();
    await page.getByRole('link', { name: /^Invitation-to-chair letter/ }).waitFor();
    await expectAccessible(page, 'what I said before');

    await open(page, '/my-space/rounds', 'Things to try');
    await page.getByText('There is nothing here for you right now.').waitFor();

    await open(page, '/my-space/choices', 'My choices');
    await page.getByText('Right now you have said no.').waitFor();
    await page.getByLabel('Yes, you can use my words').check();
    await page.getByRole('button', { name: 'Save my choices', exact: true }).click();
    await page.getByText('Your choices are saved.').waitFor();
    await page.getByText('Right now you have said yes.').waitFor();
    await expectAccessible(page, 'choices saved');

    await open(page, '/my-space/data', 'My data');
    await page.getByText('It says it is my meeting.').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Save a copy', exact: true }).click(),
    ]);
    const saved = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
    expect(saved.record.preferredName).toBe('Kai');
    expect(saved.evaluations).toHaveLength(1);
    expect(saved.consents).toEqual([expect.objectContaining({ purpose: 'quotes', givenBy: 'young_person' })]);

    await open(page, '/my-space/invitations', 'My invitations');
    await open(page, '/my-space/one-to-one', 'Ask for a one-to-one');
    await open(page, '/my-space/delete', 'Ask us to delete something');

    await open(page, '/my-space/worry', "I'm worried about something");
    await page.getByText('Only they will see it.').waitFor();
    await page.getByLabel('What is worrying you?').fill('Someone at my placement shouts at me at night.');
    await page.getByRole('button', { name: 'Send my worry', exact: true }).click();
    await page.getByText(MY_SPACE_MESSAGES.worrySent).waitFor();
    await expectAccessible(page, 'worry sent');

    const contact = await browser.newPage();
    await signIn(contact, server, Role.SeniorLeader);
    await contact.getByText('Someone at my placement shouts at me at night.').waitFor();
    await expectAccessible(contact, 'contact home with the worry');
  });
});
