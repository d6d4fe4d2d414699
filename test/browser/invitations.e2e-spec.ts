import { Role, addDays, dateInWords, todayInLondon } from '@heard/domain';
import type {
  ActivityDayResponse,
  GroupSessionResponse,
  InvitationCreateResponse,
  InvitationResponse,
  YoungPersonResponse,
} from '@heard/domain';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { BrowserHandle, launchBrowser } from './support/browser';
import { expectAccessible, signIn } from './support/demo';
import { RunningServer, startServer } from './support/server';
import { api } from './support/api';

/** Made-up names, unique to this test, so nothing in the demo council can be mistaken for them. */
const DAY = 'Browser Test Canal Boat Trip';
const JORDAN = 'Jordan Pike';
/** Demo young people (apps/api/src/app/demo/demo-council.ts). */
const AMARA = 'Amara'; // email agreed
const BEN = 'Ben'; // phone agreed
const DEV = 'Dev'; // Jordan Pike is their trusted adult
const ELLIE = 'Ellie'; // no contact agreed: in person
const GRACE = 'Grace'; // Jordan Pike is their trusted adult
const REASON = 'Browser test: invited to try it out.';

/** Waits until `check` holds (or says why not after `ms`). */
async function until(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function pageSettled(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await until('loading to finish', async () => (await page.getByRole('progressbar').count()) === 0);
}

/** The words of a page region with runs of white space made single spaces. */
async function words(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** The text of the status region holding `pattern`, once it appears. */
async function statusText(page: Page, pattern: RegExp): Promise<string> {
  const status = page.getByRole('status').filter({ hasText: pattern });
  await status.waitFor();
  return words(status);
}

const get = <T>(page: Page, server: RunningServer, path: string): Promise<T> =>
  api<T>(page, server, 'get', path);
const post = <T>(page: Page, server: RunningServer, path: string, body: object): Promise<T> =>
  api<T>(page, server, 'post', path, body);

async function youngPerson(page: Page, server: RunningServer, name: string): Promise<YoungPersonResponse> {
  const found = await get<{ items: { id: string; preferredName: string }[] }>(
    page,
    server,
    `/api/young-people?q=${name}&pageSize=100`,
  );
  const item = found.items.find((p) => p.preferredName === name);
  if (!item) throw new Error(`The demo data has no ${name}`);
  return get<YoungPersonResponse>(page, server, `/api/young-people/${item.id}`);
}

function jordanOf(person: YoungPersonResponse): string {
  const adult = person.trustedAdults.find((a) => a.displayName === JORDAN);
  if (!adult) throw new Error(`${JORDAN} is not ${person.preferredName}'s trusted adult in the demo data`);
  return adult.userId;
}

/** The subjects of the mails the API wrote to `to` under DATA_DIR/mail. */
async function subjectsTo(server: RunningServer, to: string): Promise<string[]> {
  const dir = join(server.dataDir, 'mail');
  const names = await readdir(dir).catch(() => [] as string[]);
  const subjects: string[] = [];
  for (const name of names.filter((n) => n.endsWith('.eml'))) {
    const raw = await readFile(join(dir, name), 'utf8');
    const [head] = raw.split(/\r?\n\r?\n/);
    const header = (field: string) =>
      new RegExp(`^${field}: (.*(?:\\n[ \\t].*)*)`, 'mi').exec(head)?.[1].replace(/\r?\n[ \t]/g, ' ') ?? '';
    if (header('To').includes(to)) subjects.push(header('Subject').trim());
  }
  return subjects;
}

describe('invitations that go by hand, in a real browser', () => {
  let server: RunningServer;
  let browser: BrowserHandle;
  let officer: Page;
  let practitioner: Page;
  const today = todayInLondon();
  const weekAhead = addDays(today, 7);
  let activity: ActivityDayResponse;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    officer = await browser.newPage();
    officer.setDefaultTimeout(15_000);
    practitioner = await browser.newPage();
    practitioner.setDefaultTimeout(15_000);
    await signIn(officer, server, Role.ParticipationOfficer);
    activity = await post<ActivityDayResponse>(officer, server, '/api/activities', {
      title: DAY,
      date: weekAhead,
      startTime: '10:00',
      endTime: '15:00',
      venue: 'Browser Test Wharf',
      cohort: { minAge: 10, maxAge: 25 },
    });
  });
  afterAll(async () => {
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  });
  afterEach(() => {
    // No page may have hit a script error or a Content-Security-Policy refusal.
    expect(browser.problems).toEqual([]);
  });

  it('should list an in-person invitation to deliver, and count it as invited once delivered', async () => {
    const ellie = await youngPerson(officer, server, ELLIE);
    await post<InvitationCreateResponse>(officer, server, '/api/invitations', {
      target: { kind: 'activity_day', id: activity.id },
      invitees: [{ youngPersonId: ellie.id, channel: 'in_person' }],
      outsideCohortReason: REASON,
    });

    const invitedOnFunnel = async () => {
      await officer.goto(`${server.url}/activities/${activity.id}`);
      await officer.getByRole('heading', { level: 1, name: DAY }).waitFor();
      await pageSettled(officer);
      await officer.getByRole('tab', { name: 'Funnel' }).click();
      // The funnel is a chart with its table beside it: the table's first row is "Invited".
      const table = officer.getByRole('table', { name: 'Invited, said yes and came' });
      await table.waitFor();
      await pageSettled(officer);
      return words(table.locator('tbody tr').first());
    };
    expect(await invitedOnFunnel()).toBe('Invited 0');
    await expectAccessible(officer, 'activity funnel, nobody delivered yet');

    await officer
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'To do by hand' })
      .click();
    await officer.waitForURL(/\/invitations\/by-hand$/);
    await officer.getByRole('heading', { level: 1, name: 'To do by hand' }).waitFor();
    await pageSettled(officer);
    const toDeliver = officer.getByRole('region', { name: 'To deliver' });
    const row = toDeliver
      .getByRole('listitem')
      .filter({ has: officer.getByRole('heading', { level: 3, name: ELLIE, exact: true }) })
      .filter({ hasText: DAY });
    expect(await words(row)).toContain(
      `What ${DAY} (Activity day) When ${dateInWords(weekAhead)} How In person`,
    );
    await expectAccessible(officer, 'to do by hand');

    await row.getByRole('button', { name: `Delivered to ${ELLIE}` }).click();
    expect(await statusText(officer, /Done:/)).toBe(
      `Done: ${ELLIE} has their invitation to ${DAY}. It now counts as invited.`,
    );
    await row.waitFor({ state: 'detached' });
    await expectAccessible(officer, 'to do by hand, after a delivery');

    expect(await invitedOnFunnel()).toBe('Invited 1');
  });

  it('should let the trusted adult record the answer the young person gave them', async () => {
    const grace = await youngPerson(officer, server, GRACE);
    await post<InvitationCreateResponse>(officer, server, '/api/invitations', {
      target: { kind: 'activity_day', id: activity.id },
      invitees: [{ youngPersonId: grace.id, channel: 'in_person', viaTrustedAdultId: jordanOf(grace) }],
      outsideCohortReason: REASON,
    });

    await signIn(practitioner, server, Role.Practitioner);
    await practitioner
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'To hand over' })
      .click();
    await practitioner.waitForURL(/\/handover$/);
    await pageSettled(practitioner);
    const card = practitioner
      .getByRole('listitem')
      .filter({ has: practitioner.getByRole('heading', { level: 2, name: `${GRACE}: ${DAY}` }) });
    expect(await words(card)).toContain('How In person Status To deliver: not told yet');
    await expectAccessible(practitioner, 'to hand over');

    await card.getByRole('button', { name: `Record their answer for ${GRACE}` }).click();
    await card.getByRole('radio', { name: 'They said no' }).check();
    await card.getByLabel('Why not').fill('They have a family party that day.');
    await expectAccessible(practitioner, 'to hand over, recording an answer');
    await card.getByRole('button', { name: 'Save their answer' }).click();
    expect(await statusText(practitioner, /Saved/)).toBe(`Saved ${GRACE}'s answer. Status: Not coming.`);
    expect(await words(card)).toContain('Status Not coming');
    await expectAccessible(practitioner, 'to hand over, answer saved');

    // The officer sees the answer, with the reason, on the activity day.
    await officer.goto(`${server.url}/activities/${activity.id}`);
    await pageSettled(officer);
    const row = officer
      .getByRole('listitem')
      .filter({ has: officer.getByRole('heading', { level: 3, name: GRACE, exact: true }) });
    expect(await words(row)).toContain('Answer Not coming — “They have a family party that day.”');
  });

  it('should tell every invitee of a moved group session, by email, through their trusted adult and by hand', async () => {
    const sessions = await get<GroupSessionResponse[]>(
      officer,
      server,
      `/api/sessions?from=${addDays(today, 2)}&to=${addDays(today, 30)}`,
    );
    const session = sessions.find((s) => s.status === 'scheduled');
    if (!session) throw new Error('The demo data has no group session in the next month');
    const [amara, dev, ben] = [
      await youngPerson(officer, server, AMARA),
      await youngPerson(officer, server, DEV),
      await youngPerson(officer, server, BEN),
    ];
    const made = await post<InvitationCreateResponse>(officer, server, '/api/invitations', {
      target: { kind: 'group_session', id: session.id },
      invitees: [
        { youngPersonId: amara.id, channel: 'email' },
        { youngPersonId: dev.id, channel: 'in_person', viaTrustedAdultId: jordanOf(dev) },
        { youngPersonId: ben.id, channel: 'phone' },
      ],
      outsideCohortReason: REASON,
    });
    const byName = (name: string) => {
      const found = made.created.find((i) => i.youngPerson.preferredName === name);
      if (!found) throw new Error(`No invitation for ${name}`);
      return found;
    };
    expect(made.created.map((i) => [i.youngPerson.preferredName, i.status])).toEqual(
      expect.arrayContaining([
        [AMARA, 'sent'],
        [DEV, 'to_deliver'],
        [BEN, 'to_deliver'],
      ]),
    );
    // Jordan Pike hands Dev's over; the officer phones Ben and records it on the page.
    await post<InvitationResponse>(
      practitioner,
      server,
      `/api/invitations/${byName(DEV).id}/handed-over`,
      {},
    );
    await officer.goto(`${server.url}/invitations/by-hand`);
    await pageSettled(officer);
    const benToDeliver = officer
      .getByRole('region', { name: 'To deliver' })
      .getByRole('listitem')
      .filter({ has: officer.getByRole('heading', { level: 3, name: BEN, exact: true }) })
      .filter({ hasText: 'Group session' });
    expect(await words(benToDeliver)).toContain('How Phone call');
    await benToDeliver.getByRole('button', { name: `Delivered to ${BEN}` }).click();
    await statusText(officer, new RegExp(`Done: ${BEN} has their invitation`));

    // The session moves a day later, in the evening.
    const newDate = addDays(session.startsAt.slice(0, 10), 1);
    await post<GroupSessionResponse>(officer, server, `/api/sessions/${session.id}/move`, {
      date: newDate,
      startTime: '20:30',
    });

    const title = byName(AMARA).target.title;
    await until(
      'the moved session’s emails to the young person and the trusted adult',
      async () =>
        (await subjectsTo(server, 'amara@young.heard.example')).includes(`New time: ${title}`) &&
        (await subjectsTo(server, 'practitioner@heard.example')).includes(`Please tell ${DEV}: ${title}`),
      20_000,
    );

    await officer.goto(`${server.url}/invitations/by-hand`);
    await pageSettled(officer);
    const toTell = officer.getByRole('region', { name: 'To tell about a change' });
    const benToTell = toTell
      .getByRole('listitem')
      .filter({ has: officer.getByRole('heading', { level: 3, name: BEN, exact: true }) });
    const row = await words(benToTell);
    expect(row).toContain(`What ${title} (Group session)`);
    expect(row).toContain(`What changed It has moved. It is now on ${dateInWords(newDate)}.`);
    expect(row).toContain('How Phone call');
    expect(await toTell.getByRole('heading', { level: 3, name: AMARA, exact: true }).count()).toBe(0);
    expect(await toTell.getByRole('heading', { level: 3, name: DEV, exact: true }).count()).toBe(0);
    await expectAccessible(officer, 'to do by hand, someone to tell');

    await benToTell.getByRole('button', { name: `Told ${BEN}` }).click();
    expect(await statusText(officer, /knows about the change/)).toBe(
      `Done: ${BEN} knows about the change to ${title}.`,
    );
    await benToTell.waitFor({ state: 'detached' });
    await expectAccessible(officer, 'to do by hand, after telling');
  });
});
