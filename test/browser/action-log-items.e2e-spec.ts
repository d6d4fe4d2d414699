import { Role, addDays, todayInLondon } from '@heard/domain';
import type { Page } from 'playwright-core';
import { api } from './support/api';
import type { BrowserHandle } from './support/browser';
import { expectAccessible, signIn, statusText } from './support/demo';
import type { RunningServer } from './support/server';
import { startServerAndBrowser } from './support/suite';

/** Made-up words with a marker unique to this test, so nothing in the demo council matches them. */
const MARKER = 'Kestrel';
const FIRST = `${MARKER}: more trips in the summer holidays.`;
const SECOND = `${MARKER}: meet somewhere nearer the bus station.`;

interface SessionRow {
  id: string;
  status: string;
  startsAt: string;
}

/** A Juniors session that has already happened: its register holds the demo members on the day. */
async function pastSession(page: Page, server: RunningServer): Promise<SessionRow> {
  const groups = await api<{ items: { id: string; name: string }[] }>(
    page,
    server,
    'get',
    '/api/groups?q=Juniors',
  );
  const juniors = groups.items.find((g) => g.name === 'Juniors');
  if (!juniors) throw new Error('The demo data has no Juniors group');
  const today = todayInLondon();
  const sessions = await api<SessionRow[]>(
    page,
    server,
    'get',
    `/api/sessions?groupId=${juniors.id}&from=${addDays(today, -28)}&to=${addDays(today, -1)}`,
  );
  const held = sessions.filter((s) => s.status === 'scheduled' && new Date(s.startsAt) < new Date());
  const session = held[held.length - 1];
  if (!session) throw new Error('The demo Juniors group has no session in the last four weeks');
  return session;
}

/**
 * Issue 12 §1–2: an officer records two things said at a group session from the session's page,
 * finds them in the action log, opens one and acknowledges it, and sees it on the timeline.
 */
describe('You said items recorded from a group session', () => {
  let server: RunningServer;
  let browser: BrowserHandle;

  startServerAndBrowser((started) => {
    ({ server, browser } = started);
  });

  it('should record two items at a session, find them in the log and acknowledge one, with axe passing', async () => {
    const page = await browser.newPage();
    await signIn(page, server, Role.ParticipationOfficer);
    const session = await pastSession(page, server);

    // 1. The session's page: its "You said" panel, with the register to name who said each thing.
    await page.goto(`${server.url}/groups/sessions/${session.id}`);
    await page.getByRole('heading', { level: 1, name: 'Juniors session' }).waitFor();
    const panel = page.locator('heard-session-you-said');
    await panel.getByRole('heading', { level: 2, name: 'You said' }).waitFor();
    await panel.getByText('Nothing yet.').waitFor();
    await expectAccessible(page, 'a session page with its You said panel');

    await panel.getByLabel('What was said (item 1)').fill(FIRST);
    // By keyboard, as an officer typing up a session's notes would: open the list, tick, close.
    await panel.getByRole('combobox', { name: 'Who said it (item 1)' }).focus();
    await page.keyboard.press('Enter');
    const firstOption = page.getByRole('option').first();
    const speaker = (await firstOption.innerText()).trim();
    await page.keyboard.press('Space');
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    expect(await panel.getByRole('combobox', { name: 'Who said it (item 1)' }).innerText()).toBe(speaker);

    await panel.getByRole('button', { name: 'Add another' }).click();
    const second = panel.getByLabel('What was said (item 2)');
    await page.waitForFunction(() => document.activeElement?.id === 'said-1');
    await second.fill(SECOND);
    await panel.getByRole('button', { name: 'Record 2 items' }).click();

    expect(await statusText(page, /^Recorded/)).toBe(
      'Recorded 2 items. They are in the log, to be acknowledged.',
    );
    const recorded = panel.getByRole('list', { name: 'Recorded from this session' });
    await recorded.getByRole('link', { name: SECOND }).waitFor();
    expect(await recorded.getByRole('link', { name: FIRST }).count()).toBe(1);
    await expectAccessible(page, 'a session page after recording what was said');

    // 2. The log: both are there, to acknowledge.
    await page.goto(`${server.url}/action-log`);
    await page.getByRole('heading', { level: 1, name: 'You said, We did' }).waitFor();
    await page.getByLabel('Words in what was said').fill(MARKER);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/q=Kestrel/);
    // The count is written once the filtered page has come back.
    await page.getByRole('status').filter({ hasText: '2 items match on this page.' }).waitFor();
    const results = page.getByRole('table', { name: 'Items' });
    expect(await results.getByRole('row').count()).toBe(3);
    const row = results.getByRole('row').filter({ hasText: FIRST });
    const rowWords = (await row.innerText()).replace(/\s+/g, ' ');
    expect(rowWords).toContain('A group session (Juniors)');
    expect(rowWords).toContain('To acknowledge');
    await expectAccessible(page, 'the action log');

    // 3. One item: who said it, then acknowledged, and the timeline says so.
    await row.getByRole('link', { name: FIRST }).click();
    await page.getByRole('heading', { level: 1, name: 'You said item' }).waitFor();
    // The heading shows while the item loads; its sections once it has.
    await page.getByRole('heading', { level: 2, name: 'Who said it' }).waitFor();
    await page.getByRole('link', { name: speaker, exact: true }).waitFor();
    expect(await page.getByText('Stage: To acknowledge.').count()).toBe(1);
    await expectAccessible(page, 'a You said item');

    await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    expect(await statusText(page, /^Acknowledged/)).toBe(
      'Acknowledged. You have taken this item on; it is now to answer.',
    );
    await page.getByText('Stage: To answer.').waitFor();
    const timeline = page.locator('ol.timeline');
    expect(await timeline.innerText()).toMatch(/Acknowledged: an officer took it on, by .+\./);
    expect(await page.getByRole('button', { name: 'Acknowledge', exact: true }).count()).toBe(0);
    await expectAccessible(page, 'a You said item after acknowledging it');

    const [mine] = (
      await api<{ items: { summary: string; stage: string }[] }>(
        page,
        server,
        'get',
        `/api/action-log/items?q=${MARKER}`,
      )
    ).items.filter((item) => item.summary === FIRST);
    expect(mine.stage).toBe('to_answer');
    await page.close();
  });
});
