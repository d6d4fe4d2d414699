import { Role, addDays, todayInLondon } from '@heard/domain';
import type { Page } from 'playwright-core';
import type { BrowserHandle } from './support/browser';
import { expectAccessible, signIn } from './support/demo';
import type { RunningServer } from './support/server';
import { startServerAndBrowser } from './support/suite';
import { api } from './support/api';

/** Made-up words, unique to this test, so nothing in the demo council can be mistaken for them. */
const TOOL = 'Browser Test Chair Letter';
const SUGGESTION = 'Send the letter a week before so I can think about it.';
const SHORTER = 'Send the letter a week before';

/** Waits until `check` holds (or says why not after `ms`). */
async function until(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const call = <T>(
  page: Page,
  server: RunningServer,
  method: 'get' | 'post',
  path: string,
  body?: object,
  headers: Record<string, string> = {},
): Promise<T> => api<T>(page, server, method, path, body, headers);

/**
 * Issue 11 §7: an officer turns a young person's suggestion into a "You said" item from the
 * round's evaluations page, in one step, and it is listed for the action log.
 */
describe('a suggestion becomes a "You said" item', () => {
  let server: RunningServer;
  let browser: BrowserHandle;

  startServerAndBrowser((started) => {
    ({ server, browser } = started);
  });

  it('should make one from the round’s evaluations page, with axe passing', async () => {
    const page = await browser.newPage();
    await signIn(page, server, Role.ParticipationOfficer);

    const today = todayInLondon();
    const tool = await call<{ id: string }>(page, server, 'post', '/api/practice-tools', {
      name: TOOL,
      purpose: 'Invites a young person to chair their own review.',
      owningService: 'Independent reviewing service',
      coProducedWith: 'Young Experts',
    });
    const withVersion = await call<{ versions: { id: string }[] }>(
      page,
      server,
      'post',
      `/api/practice-tools/${tool.id}/versions`,
      { label: 'v1', link: 'https://tools.example/chair-letter.pdf', notes: null },
    );
    const round = await call<{ id: string; link: { token: string } }>(
      page,
      server,
      'post',
      '/api/evaluation-rounds',
      {
        toolVersionId: withVersion.versions[0].id,
        title: 'Chair letter, online',
        occasion: null,
        opensOn: addDays(today, -1),
        closesOn: addDays(today, 30),
        audience: 'link',
      },
    );
    const sent = await page.request.post(
      `${server.url}/api/evaluation-links/${round.link.token}/evaluations`,
      {
        data: {
          answers: [
            { questionKey: 'overall', rating: 4 },
            { questionKey: 'change', text: SUGGESTION },
          ],
        },
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      },
    );
    expect(sent.status()).toBe(201);

    await page.goto(`${server.url}/practice-tools/rounds/${round.id}/evaluations`);
    const evaluation = page.getByRole('article').filter({ hasText: 'Someone with the link' });
    await evaluation.waitFor();
    expect(await evaluation.innerText()).toContain(SUGGESTION);
    await expectAccessible(page, 'a round’s evaluations');

    await evaluation
      .getByRole('button', { name: 'Make a “You said” from: What would you change?', exact: true })
      .click();
    const words = page.getByLabel('“You said” words (shorten them if you need to)', { exact: true });
    expect(await words.inputValue()).toBe(SUGGESTION);
    await words.fill(SHORTER);
    await expectAccessible(page, 'making a “You said” item');
    await page.getByRole('button', { name: 'Save as “You said”', exact: true }).click();

    const status = evaluation.getByRole('status');
    await status.waitFor();
    expect((await status.innerText()).trim()).toBe('Made a “You said” item.');
    const makeButton = evaluation.getByRole('button', {
      name: 'Make a “You said” from: What would you change?',
      exact: true,
    });
    await until('the list to show the item as made', async () => (await makeButton.count()) === 0);
    expect(await evaluation.getByText('Made a “You said” item', { exact: true }).count()).toBe(1);
    await expectAccessible(page, 'a round’s evaluations after a “You said” item');

    const items = await call<{ words: string; source: { roundId: string; questionKey: string } }[]>(
      page,
      server,
      'get',
      '/api/you-said',
    );
    expect(items).toEqual([
      expect.objectContaining({
        words: SHORTER,
        source: expect.objectContaining({ roundId: round.id, questionKey: 'change' }),
      }),
    ]);
    await page.close();
  });
});
