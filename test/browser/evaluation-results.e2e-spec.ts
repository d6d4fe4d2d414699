import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Role, SMALL_NUMBERS_NOTE, addDays, todayInLondon } from '@heard/domain';
import type { Locator, Page } from 'playwright-core';
import type { BrowserHandle } from './support/browser';
import { expectAccessible, signIn } from './support/demo';
import type { RunningServer } from './support/server';
import { startServerAndBrowser } from './support/suite';
import { api } from './support/api';

/** Made-up names, unique to this test, so nothing in the demo council can be mistaken for them. */
const TOOL = 'Browser Test Roles Index';
const ROUND = 'Browser Test Roles Index at the bowling';
const HOSTILE = '<img src=x onerror="document.title=\'hacked\'">';
const FORMULA = '=1+2, said the spreadsheet';
/** Demo young people (apps/api/src/app/demo/demo-council.ts). */
const DEMO_PEOPLE = ['Amara', 'Grace', 'Ben'];

/** The words of a page region with runs of white space made single spaces. */
async function words(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

const get = <T>(page: Page, server: RunningServer, path: string): Promise<T> =>
  api<T>(page, server, 'get', path);
const post = <T>(
  page: Page,
  server: RunningServer,
  path: string,
  body: object,
  headers: Record<string, string> = {},
): Promise<T> => api<T>(page, server, 'post', path, body, headers);

/** The rows of a table as the eye reads them: each cell's text. */
async function rows(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr, tfoot tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(tr.children).map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
      ),
    );
}

describe('a round’s results in a real browser', () => {
  let server: RunningServer;
  let browser: BrowserHandle;
  let officer: Page;
  let roundId = '';

  startServerAndBrowser((started) => {
    ({ server, browser } = started);
  });
  beforeAll(async () => {
    officer = await browser.newPage();
    officer.setDefaultTimeout(15_000);
    await signIn(officer, server, Role.ParticipationOfficer);

    // Seeded through the API, as the officer: a tool, a version, a round by link, four evaluations.
    const tool = await post<{ id: string }>(officer, server, '/api/practice-tools', {
      name: TOOL,
      purpose: 'Who is who at a meeting about you.',
      owningService: 'Safeguarding',
      coProducedWith: 'Young Experts',
    });
    const withVersion = await post<{ versions: { id: string }[] }>(
      officer,
      server,
      `/api/practice-tools/${tool.id}/versions`,
      { label: 'v1', link: 'https://tools.example/roles-v1.pdf', notes: null },
    );
    const today = todayInLondon();
    const round = await post<{ id: string; link: { token: string } }>(
      officer,
      server,
      '/api/evaluation-rounds',
      {
        toolVersionId: withVersion.versions[0].id,
        title: ROUND,
        opensOn: addDays(today, -1),
        closesOn: addDays(today, 14),
        audience: 'link',
      },
    );
    roundId = round.id;
    const found = await get<{ items: { id: string; preferredName: string }[] }>(
      officer,
      server,
      '/api/young-people?pageSize=100',
    );
    const answers = [
      [
        { questionKey: 'overall', rating: 5 },
        { questionKey: 'liked', text: HOSTILE },
      ],
      [
        { questionKey: 'overall', rating: 4 },
        { questionKey: 'change', text: FORMULA },
      ],
      [{ questionKey: 'overall', rating: 4 }],
    ];
    for (const [i, name] of DEMO_PEOPLE.entries()) {
      const person = found.items.find((p) => p.preferredName === name);
      if (!person) throw new Error(`The demo data has no ${name}`);
      await post(
        officer,
        server,
        `/api/evaluation-rounds/${roundId}/evaluations`,
        { youngPersonId: person.id, answeredOn: today, answers: answers[i] },
        { 'Idempotency-Key': randomUUID() },
      );
    }
    const res = await fetch(`${server.url}/api/evaluation-links/${round.link.token}/evaluations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({ answers: [{ questionKey: 'overall', rating: 1 }] }),
    });
    expect(res.status).toBe(201);
  });

  it('should show the distribution with its table, the small-numbers note, who took part and the words, and pass axe', async () => {
    await officer.goto(`${server.url}/practice-tools/rounds/${roundId}/results`);
    await officer.getByRole('heading', { level: 1, name: `Results: ${ROUND}` }).waitFor();
    await officer.waitForLoadState('networkidle');

    const overall = officer.locator('section').filter({
      has: officer.getByRole('heading', { level: 2, name: 'What do you think of it?', exact: true }),
    });
    expect(await rows(overall.getByRole('table'))).toEqual([
      ['😣 Really bad', '1'],
      ['🙁 Bad', '0'],
      ['😐 OK', '0'],
      ['🙂 Good', '2'],
      ['😄 Really good', '1'],
      ['Answered', '4'],
    ]);
    expect(await words(overall.locator('.summary'))).toBe(
      'Of 4 young people who answered, 3 said Good or Really good, 0 said OK and 1 said Bad or Really bad.',
    );
    expect(await words(overall.locator('.small-numbers'))).toBe(SMALL_NUMBERS_NOTE);
    // The chart is drawn, has a name, and is pictured by the table beside it.
    const chart = overall.getByRole('img', {
      name: 'Bar chart of the answers to: What do you think of it?. The table beside it has the same numbers.',
      exact: true,
    });
    expect(await chart.evaluate((c: HTMLCanvasElement) => c.width > 0 && c.height > 0)).toBe(true);
    expect(await chart.getAttribute('aria-details')).toBe(
      await overall.getByRole('table').getAttribute('id'),
    );

    const tookPart = officer.locator('[data-testid="took-part"]');
    expect(await words(tookPart)).toBe(
      '4 young people took part, 1 of them through the round’s link (no name or age kept). 0 answered in picture mode and 0 had someone helping.',
    );
    const theirWords = officer.locator('section').filter({
      has: officer.getByRole('heading', { level: 2, name: 'In their words', exact: true }),
    });
    const said = await theirWords.getByRole('listitem').allInnerTexts();
    expect(said).toEqual(expect.arrayContaining([HOSTILE, FORMULA]));
    // Shown as text: the markup a young person typed made no image and ran nothing.
    expect(await theirWords.locator('img').count()).toBe(0);
    expect(await officer.title()).not.toBe('hacked');
    for (const name of DEMO_PEOPLE) expect(await words(officer.locator('main'))).not.toContain(name);
    await expectAccessible(officer, 'round results');
  });

  it('should download the CSV with a row per face and the words made safe for a spreadsheet', async () => {
    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByRole('link', { name: 'Download CSV', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`evaluation-results-${roundId}.csv`);
    const path = await download.path();
    const lines = (await readFile(path, 'utf8')).split('\r\n');
    expect(lines[0]).toBe('section,question key,question,choice,count,answered,note');
    expect(lines).toEqual(
      expect.arrayContaining([
        `took part,,,everyone,4,4,${SMALL_NUMBERS_NOTE}`,
        `rating,overall,What do you think of it?,Really bad,1,4,${SMALL_NUMBERS_NOTE}`,
        `rating,overall,What do you think of it?,Bad,0,4,${SMALL_NUMBERS_NOTE}`,
        `rating,overall,What do you think of it?,Good,2,4,${SMALL_NUMBERS_NOTE}`,
        `words,liked,What did you like?,"<img src=x onerror=""document.title='hacked'"">",,,`,
        `words,change,What would you change?,"'=1+2, said the spreadsheet",,,`,
      ]),
    );
  });
});
