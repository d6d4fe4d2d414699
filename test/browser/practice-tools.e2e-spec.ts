import { Role } from '@heard/domain';
import type { Page } from 'playwright-core';
import type { BrowserHandle } from './support/browser';
import { expectAccessible, signIn } from './support/demo';
import type { RunningServer } from './support/server';
import { startServerAndBrowser } from './support/suite';

/** Five demo young people, entered in this order. */
const PEOPLE = ['Amara', 'Ben', 'Chloe', 'Dev', 'Ellie'];

/**
 * An officer sets up a tool, a version and a round at an activity day through the web, then
 * enters five evaluations in a row by keyboard, one of them while the page is offline: the one
 * kept on the device goes when the connection is back, and the server stores each exactly once.
 */
describe('practice tools and evaluation rounds, in a real browser', () => {
  let server: RunningServer;
  let browser: BrowserHandle;

  startServerAndBrowser((started) => {
    ({ server, browser } = started);
  });

  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

  it('should create a tool, a version and a round, then take five evaluations by keyboard, one offline, stored once each', async () => {
    const page = await browser.newPage();
    await signIn(page, server, Role.ParticipationOfficer);

    await page.goto(`${server.url}/practice-tools/new`);
    await page.getByRole('heading', { level: 1, name: 'New practice tool' }).waitFor();
    await expectAccessible(page, 'new practice tool');
    await page.getByLabel('Name').fill('Bowling day welcome pack');
    await page.getByLabel('What the tool is for').fill('Tells young people what happens on an activity day.');
    await page.getByLabel('Owning service').fill('Participation team');
    await button(page, 'Add to the catalogue').click();
    await page.getByRole('heading', { level: 1, name: 'Bowling day welcome pack' }).waitFor();

    await page.getByLabel('Version label').fill('v1');
    await page.getByLabel('Link to the version').fill('https://tools.example/welcome-pack-v1.pdf');
    await button(page, 'Add a version').click();
    await page.getByText('No evaluation rounds yet.').waitFor();
    await expectAccessible(page, 'practice tool with a version');

    await page.getByRole('link', { name: 'Set up a round of v1', exact: true }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Set up a round of Bowling day welcome pack, v1' })
      .waitFor();
    await expectAccessible(page, 'set up a round');
    await page.getByLabel('Title').fill('Welcome pack at the bowling day');
    await page.getByRole('combobox', { name: 'Where it is held' }).click();
    await page.getByRole('option', { name: /^Activity day: Bowling and pizza/ }).click();
    await page.getByRole('radio', { name: 'Named young people' }).check();
    for (const name of PEOPLE) {
      await page.getByLabel('Find a young person').fill(name);
      await button(page, 'Find').click();
      await button(page, `Add ${name}`).click();
    }
    await page.getByRole('heading', { name: `Chosen (${PEOPLE.length})` }).waitFor();
    await expectAccessible(page, 'set up a round, named');
    await button(page, 'Set up the round').click();

    await page.waitForURL(/\/practice-tools\/rounds\/[0-9a-f-]{36}$/);
    const roundId = page.url().split('/').pop() ?? '';
    await page.getByRole('heading', { level: 1, name: 'Welcome pack at the bowling day' }).waitFor();
    await page.getByText('Activity day: Bowling and pizza').waitFor();
    await expectAccessible(page, 'round page');

    await page.getByRole('link', { name: 'Enter evaluations', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Enter evaluations' }).waitFor();
    await expectAccessible(page, 'enter evaluations');

    const stored = async () => {
      const res = await page.request.get(`${server.url}/api/evaluation-rounds/${roundId}`);
      expect(res.status()).toBe(200);
      return ((await res.json()) as { evaluationCount: number }).evaluationCount;
    };

    /** Each save lands before the next starts; the one kept offline once the connection is back. */
    const storedReaches = async (n: number) => {
      const deadline = Date.now() + 20_000;
      while ((await stored()) < n) {
        if (Date.now() > deadline) throw new Error(`The round never reached ${n} evaluations`);
        await page.waitForTimeout(200);
      }
    };

    for (let i = 0; i < PEOPLE.length; i++) {
      const offline = i === 2;
      // By keyboard: a face takes focus and a number key chooses; Enter on "Save and next" saves.
      await page
        .getByRole('group', { name: 'What do you think of it?' })
        .getByRole('button', { name: 'Really bad', exact: true })
        .focus();
      await page.keyboard.press(String((i % 5) + 1));
      await page.getByLabel('What did you like?').focus();
      await page.keyboard.type(`The map, said young person ${i + 1}.`);
      if (offline) await page.context().setOffline(true);
      await button(page, 'Save and next').focus();
      await page.keyboard.press('Enter');
      if (offline) {
        // Kept in the device's outbox (docs/offline.md), listed on the page and counted in the banner.
        await page
          .getByText('Saved. Not sent yet: it is kept on this device and sent when there is signal.')
          .first()
          .waitFor();
        await page.getByRole('heading', { name: 'Not sent yet: 1', exact: true }).waitFor();
        await expectAccessible(page, 'enter evaluations, offline');
        await page.context().setOffline(false);
        await page
          .getByRole('heading', { name: 'Not sent yet: 1', exact: true })
          .waitFor({ state: 'detached', timeout: 60_000 });
      } else {
        await page.getByText('Saved.', { exact: true }).waitFor();
      }
      await storedReaches(i + 1);
    }

    // Exactly five: the one sent again after the connection came back was not stored twice.
    await page.waitForTimeout(1000);
    expect(await stored()).toBe(PEOPLE.length);
    await page.goto(`${server.url}/practice-tools/rounds/${roundId}`);
    await page.getByText('5 evaluations').waitFor();
    await expectAccessible(page, 'round page, five answered');
  });
});
