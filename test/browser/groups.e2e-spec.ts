import { Role, addDays, todayInLondon, zonedToUtc } from '@heard/domain';
import type { Locator, Page } from 'playwright-core';
import type { BrowserHandle } from './support/browser';
import { expectAccessible, signIn } from './support/demo';
import type { RunningServer } from './support/server';
import { startServerAndBrowser } from './support/suite';
import { chooseOption } from './support/select';

/** Made-up names, unique to this test, so nothing in the demo council can be mistaken for them. */
const PERSON = 'Tamsin Test';
const GROUP = 'Browser Test Juniors';
const VENUE = 'Browser Test Annexe, Room 9';
const OVERRIDE_REASON = 'Agreed with the group: they help run the sessions as a peer mentor.';

/** "Wednesday 4 March 2026", as the web app writes dates. */
function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const parts: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).formatToParts(new Date(Date.UTC(y, m - 1, d)))) {
    parts[part.type] = part.value;
  }
  return `${parts['weekday']} ${parts['day']} ${parts['month']} ${parts['year']}`;
}

/** The date `years` years before `today`, less `days` days. */
function yearsBefore(today: string, years: number, days: number): string {
  const [y, m, d] = today.split('-');
  // 29 February has no match in most years: count from the 28th instead.
  return addDays(`${Number(y) - years}-${m}-${m === '02' && d === '29' ? '28' : d}`, -days);
}

/** An instant as iCalendar writes it in UTC: 20260304T170000Z. */
function icsStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The VEVENTs of an iCalendar feed, each as its properties (lines unfolded first). */
function icsEvents(ics: string): Record<string, string>[] {
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of ics.replace(/\r\n[ \t]/g, '').split('\r\n')) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return events;
}

/** Waits until `check` holds (or says why not after `ms`). */
async function until(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for a locator's text to become `expected`, then asserts it (so a failure shows what it was). */
async function expectText(locator: Locator, expected: string): Promise<void> {
  const text = async () => (await locator.innerText()).trim();
  await until(`the text "${expected}"`, async () => (await text()) === expected).catch(() => undefined);
  expect(await text()).toBe(expected);
}

/** The text of the status region holding `pattern`, once it appears. */
async function statusText(page: Page, pattern: RegExp): Promise<string> {
  const status = page.getByRole('status').filter({ hasText: pattern });
  await status.waitFor();
  return (await status.innerText()).trim();
}

async function pageSettled(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  // No progress bar left: the page has its data.
  await until('loading to finish', async () => (await page.getByRole('progressbar').count()) === 0);
}

describe('groups, sessions and registers in a real browser', () => {
  let server: RunningServer;
  let browser: BrowserHandle;

  startServerAndBrowser((started) => {
    ({ server, browser } = started);
  });

  it('should take an officer from a new young person to a new group, its schedule, calendar feed, register and the ageing-out list', async () => {
    const today = todayInLondon();
    const tomorrow = addDays(today, 1);
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, server, Role.ParticipationOfficer);

    // 1. A new young person, aged 11 and looked after.
    await page.goto(`${server.url}/young-people`);
    await pageSettled(page);
    await expectAccessible(page, 'young people list');
    await page.getByRole('link', { name: 'Add a young person' }).first().click();
    await page.waitForURL(/\/young-people\/new$/);
    await page.getByRole('heading', { level: 1, name: 'Add a young person' }).waitFor();
    await expectAccessible(page, 'young person form');

    await page.getByLabel('Preferred name').fill(PERSON);
    await page.getByLabel('Date of birth').fill(yearsBefore(today, 11, 120));
    await page.getByRole('button', { name: 'Add a service experience' }).click();
    const experience = page.getByRole('combobox', { name: 'Experience', exact: true });
    // The new row's first field takes focus, so a keyboard user carries on where they are.
    await until('the new experience to take focus', () =>
      experience.evaluate((el) => el === document.activeElement),
    );
    await chooseOption(page, experience, 'Looked after');
    await page.getByLabel('From date').fill(addDays(today, -400));
    await expectAccessible(page, 'young person form with a service experience');
    await page.getByRole('button', { name: 'Add young person' }).click();

    await page.waitForURL(/\/young-people\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: PERSON }).waitFor();
    expect(await statusText(page, /is added/)).toBe(`${PERSON} is added.`);
    await pageSettled(page);
    const profile = await page.locator('main').innerText();
    expect(profile).toContain('Aged 11');
    expect(profile).toMatch(/Looked after\s+from .+\(continuing\)/);
    await expectAccessible(page, 'young person profile');

    // 2. A new group for 10 to 12 year olds, meeting every fortnight from tomorrow in its own room.
    await page.goto(`${server.url}/groups`);
    await pageSettled(page);
    await page.getByRole('link', { name: 'New group' }).click();
    await page.waitForURL(/\/groups\/new$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, 'group form');

    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(GROUP);
    await page
      .getByRole('textbox', { name: 'What the group is for' })
      .fill('A group made by the browser tests.');
    await page.getByRole('spinbutton', { name: 'Youngest age' }).fill('10');
    await page.getByRole('spinbutton', { name: 'Oldest age' }).fill('12');
    await page.getByRole('checkbox', { name: 'Looked after' }).check();
    await page.getByRole('textbox', { name: 'Venue' }).fill(VENUE);
    await page.getByRole('checkbox', { name: 'This group meets on a regular pattern' }).check();
    await chooseOption(
      page,
      page.getByRole('combobox', { name: 'How often' }),
      'Every two weeks (fortnightly)',
    );
    await page.getByLabel('First meeting date').fill(tomorrow);
    // The preview lists the first meetings before anything is saved: tomorrow, then a fortnight on.
    const preview = page.locator('.preview li');
    await until('the pattern preview', async () => (await preview.count()) === 4);
    expect(await preview.allInnerTexts()).toEqual(
      [0, 14, 28, 42].map((days) => longDate(addDays(tomorrow, days))),
    );
    await expectAccessible(page, 'group form with a meeting pattern');
    await page.getByRole('button', { name: 'Create group' }).click();

    await page.waitForURL(/\/groups\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    expect(await statusText(page, /is set up/)).toBe(
      `${GROUP} is set up. Next, add members and generate its sessions.`,
    );
    const groupUrl = page.url();
    await pageSettled(page);
    expect(await page.getByRole('tab', { name: 'Members' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('heading', { name: 'No members yet' }).waitFor();
    await expectAccessible(page, 'group page, Members tab (empty)');

    // 3. Tamsin fits and joins; a demo young person aged 18 or over is refused, then joins by override.
    const personField = page.getByRole('combobox', { name: 'Young person' });
    await personField.fill('Tamsin');
    await page.getByRole('option', { name: `${PERSON}, aged 11` }).click();
    await page.getByRole('button', { name: 'Add member' }).click();
    expect(await statusText(page, /is now a member/)).toBe(`${PERSON} is now a member of ${GROUP}.`);
    const members = page.getByRole('list', { name: 'Members' });
    await members.getByRole('link', { name: PERSON }).waitFor();
    expect(await members.getByRole('listitem').first().innerText()).toMatch(
      new RegExp(`^${PERSON}, aged 11, member, joined`),
    );

    const adults = await page.request.get(`${server.url}/api/young-people?ageBand=18-25&pageSize=100`);
    expect(adults.status()).toBe(200);
    const { items } = (await adults.json()) as { items: { preferredName: string; age: number }[] };
    const adult = items.find((p) => p.age >= 18 && /^[A-Za-z]+$/.test(p.preferredName));
    if (!adult) throw new Error('The demo data has no young person aged 18 or over');

    await personField.fill(adult.preferredName);
    await page
      .getByRole('option', { name: `${adult.preferredName}, aged ${adult.age}`, exact: true })
      .click();
    await page.getByRole('button', { name: 'Add member' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'does not fit' });
    await refusal.waitFor();
    const refusalText = await refusal.innerText();
    expect(refusalText).toContain(`${adult.preferredName} does not fit who ${GROUP} is for.`);
    // Why is said once, not in the detail and again in the field's message.
    expect(refusalText.split(`They are ${adult.age}; this group is for up to 12.`)).toHaveLength(2);
    expect(refusalText).toContain('An officer can override this with a reason.');
    const reason = page.getByRole('textbox', { name: 'Override with a reason' });
    // Focus goes straight to the reason, so a keyboard user can give it at once.
    await until('the reason to take focus', () => reason.evaluate((el) => el === document.activeElement));
    expect(await members.getByRole('link', { name: adult.preferredName, exact: true }).count()).toBe(0);
    await expectAccessible(page, 'group page, Members tab with a refusal');

    await reason.fill(OVERRIDE_REASON);
    await page.getByRole('button', { name: 'Add member' }).click();
    expect(await statusText(page, /is now a member/)).toBe(
      `${adult.preferredName} is now a member of ${GROUP}. The override and its reason are recorded.`,
    );
    await members.getByRole('link', { name: adult.preferredName, exact: true }).waitFor();
    const adultRow = members.getByRole('listitem').filter({
      has: page.getByRole('link', { name: adult.preferredName, exact: true }),
    });
    expect(await adultRow.innerText()).toContain(`Joined by override: ${OVERRIDE_REASON}`);
    expect(await page.getByRole('alert').filter({ hasText: 'does not fit' }).count()).toBe(0);
    expect(await members.getByRole('listitem').count()).toBe(2);
    await expectAccessible(page, 'group page, Members tab with two members');

    // 4. Generate sessions: every fortnight from tomorrow, 12 weeks ahead.
    await page.getByRole('tab', { name: 'Schedule' }).click();
    await page.waitForURL(/\?tab=schedule$/);
    await page.getByRole('heading', { name: 'No sessions in the next 12 weeks' }).waitFor();
    await expectAccessible(page, 'group page, Schedule tab (empty)');
    await page.getByRole('button', { name: 'Generate sessions' }).click();
    expect(await statusText(page, /Created \d+ sessions/)).toBe(
      `Created 6 sessions and updated 0, up to ${longDate(addDays(today, 84))}.`,
    );
    const registerLinks = page.getByRole('link', { name: /^Open register for / });
    await until('six sessions to be listed', async () => (await registerLinks.count()) === 6);
    const when = (date: string, from: string, to: string) => `${longDate(date)}, ${from} to ${to}`;
    expect(await registerLinks.evaluateAll((links) => links.map((a) => a.textContent?.trim()))).toEqual(
      [0, 14, 28, 42, 56, 70].map(
        (days) => `Open register for ${when(addDays(tomorrow, days), '17:00', '18:30')}`,
      ),
    );
    const firstHref = await registerLinks.first().getAttribute('href');
    const sessionId = /\/groups\/sessions\/([0-9a-f-]{36})$/.exec(firstHref ?? '')?.[1];
    if (!sessionId) throw new Error(`Unexpected register link ${firstHref}`);
    await expectAccessible(page, 'group page, Schedule tab with sessions');

    // 5. The private calendar address: the first session keeps its UID when it moves, with SEQUENCE raised.
    await page.getByRole('button', { name: 'Subscribe in your calendar' }).click();
    const address = page.getByRole('textbox', { name: 'Calendar address' });
    await address.waitFor();
    const feedUrl = await address.inputValue();
    expect(feedUrl).toMatch(new RegExp(`^${server.url}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    await expectAccessible(page, 'group page with a calendar address');

    // Calendar apps cannot sign in: the address alone is enough (no session cookie is sent).
    const fetchFeed = async () => {
      const res = await fetch(feedUrl);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
      return icsEvents(await res.text());
    };
    const before = await fetchFeed();
    expect(before).toHaveLength(6);
    const uid = `${sessionId}@heard`;
    const first = before.find((e) => e['UID'] === uid);
    expect(first).toMatchObject({
      SEQUENCE: '0',
      DTSTART: icsStamp(zonedToUtc(tomorrow, '17:00')),
      SUMMARY: GROUP,
      STATUS: 'CONFIRMED',
    });
    expect(first?.['LOCATION']).toBe(VENUE.replace(/,/g, '\\,'));

    const movedTo = addDays(today, 2);
    await page.getByRole('button', { name: `Move session on ${when(tomorrow, '17:00', '18:30')}` }).click();
    const newDate = page.getByLabel('New date');
    expect(await newDate.inputValue()).toBe(tomorrow);
    await newDate.fill(movedTo);
    await page.getByLabel('New start time').fill('18:00');
    await expectAccessible(page, 'group page, Schedule tab moving a session');
    await page.getByRole('button', { name: 'Confirm move' }).click();
    expect(await statusText(page, /is moved/)).toBe(
      `The session is moved to ${when(movedTo, '18:00', '19:30')}.`,
    );
    const movedLink = page.getByRole('link', {
      name: `Open register for ${when(movedTo, '18:00', '19:30')}`,
    });
    await movedLink.waitFor();
    expect(await movedLink.getAttribute('href')).toBe(`/groups/sessions/${sessionId}`);
    expect(await registerLinks.count()).toBe(6);
    const movedItem = page.locator('li.session').filter({ has: movedLink });
    expect(await movedItem.innerText()).toContain('Moved');

    const after = await fetchFeed();
    expect(after).toHaveLength(6);
    const movedEvents = after.filter((e) => e['UID'] === uid);
    expect(movedEvents).toHaveLength(1);
    expect(movedEvents[0]).toMatchObject({
      SEQUENCE: '1',
      DTSTART: icsStamp(zonedToUtc(movedTo, '18:00')),
      DTEND: icsStamp(zonedToUtc(movedTo, '19:30')),
      STATUS: 'CONFIRMED',
    });
    expect(movedEvents[0]['DTSTART']).not.toBe(first?.['DTSTART']);
    // No copy is left at the old time.
    expect(after.filter((e) => e['DTSTART'] === first?.['DTSTART'])).toEqual([]);
    // The other sessions did not change.
    expect(after.filter((e) => e['UID'] !== uid).map((e) => [e['UID'], e['SEQUENCE'], e['DTSTART']])).toEqual(
      before.filter((e) => e['UID'] !== uid).map((e) => [e['UID'], e['SEQUENCE'], e['DTSTART']]),
    );

    // Attendance tab: no session held yet, but both members are listed.
    await page.getByRole('tab', { name: 'Attendance' }).click();
    await page.waitForURL(/\?tab=attendance$/);
    await page.getByText(/been held so far/).waitFor();
    expect(await page.getByText(/been held so far/).innerText()).toMatch(/^0 sessions have been held so far/);
    await page.getByRole('row').filter({ hasText: PERSON }).waitFor();
    await expectAccessible(page, 'group page, Attendance tab');

    // 6. The register for the moved session, marked partly with the keyboard alone.
    await page.goto(groupUrl + '?tab=schedule');
    await movedLink.click();
    await page.waitForURL(new RegExp(`/groups/sessions/${sessionId}$`));
    await page.getByRole('heading', { level: 1, name: `${GROUP} session` }).waitFor();
    await pageSettled(page);
    const tamsin = page.getByRole('radiogroup', { name: `Attendance for ${PERSON}` });
    const other = page.getByRole('radiogroup', { name: `Attendance for ${adult.preferredName}` });
    await tamsin.waitFor();
    expect(await page.getByRole('radiogroup', { name: /^Attendance for / }).count()).toBe(2);
    for (const group of [tamsin, other]) {
      expect(await group.getByRole('radio').count()).toBe(3);
      for (const label of ['Present', 'Apologies', 'Absent']) {
        expect(await group.getByRole('radio', { name: label, exact: true }).isChecked()).toBe(false);
      }
    }
    const summary = page.locator('.summary');
    await expectText(summary, '0 present, 0 sent apologies, 0 absent, 2 not marked yet');
    await expectAccessible(page, 'session register');

    // Keyboard only: "Mark everyone present" with Enter, then Tab into Tamsin's choices and arrow to Apologies.
    const markAll = page.getByRole('button', { name: 'Mark everyone present' });
    await markAll.focus();
    await page.keyboard.press('Enter');
    expect(await statusText(page, /Everyone is marked present/)).toMatch(/^Everyone is marked present\./);
    const focusedGroup = () =>
      page.evaluate(
        () => document.activeElement?.closest('[role="radiogroup"]')?.getAttribute('aria-label') ?? null,
      );
    for (let presses = 0; (await focusedGroup()) !== `Attendance for ${PERSON}`; presses++) {
      if (presses > 10) throw new Error('Tab never reached the register');
      await page.keyboard.press('Tab');
    }
    // Only the chosen radio of a group is a tab stop, so Tab lands on Present.
    expect(
      await tamsin.getByRole('radio', { name: 'Present' }).evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await tamsin.getByRole('radio', { name: 'Apologies' }).isChecked()).toBe(true);
    expect(await tamsin.getByRole('radio', { name: 'Present' }).isChecked()).toBe(false);
    await expectText(summary, '1 present, 1 sent apologies, 0 absent');
    // And a pointer for the other person.
    await other.getByRole('radio', { name: 'Absent' }).check();
    await expectText(summary, '0 present, 1 sent apologies, 1 absent');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await statusText(page, /Saved\./)).toBe('Saved. 0 present, 1 sent apologies, 1 absent.');
    await expectAccessible(page, 'session register after saving');

    await page.reload();
    await tamsin.waitFor();
    await pageSettled(page);
    expect(await tamsin.getByRole('radio', { name: 'Apologies' }).isChecked()).toBe(true);
    expect(await tamsin.getByRole('radio', { name: 'Present' }).isChecked()).toBe(false);
    expect(await other.getByRole('radio', { name: 'Absent' }).isChecked()).toBe(true);
    await expectText(summary, '0 present, 1 sent apologies, 1 absent');

    // 7. Ageing out, a fortnight ahead: Amara turns 13 and should move from Juniors to Deputies.
    await page.goto(`${server.url}/groups/ageing-out`);
    await pageSettled(page);
    await expectAccessible(page, 'ageing out (today)');
    const checkOn = addDays(today, 14);
    await page.getByLabel('Check on date').fill(checkOn);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.waitForURL(new RegExp(`/groups/ageing-out\\?on=${checkOn}$`));
    await page
      .getByRole('heading', { level: 2, name: `Who no longer fits on ${longDate(checkOn)}` })
      .waitFor();
    await pageSettled(page);
    const amara = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Amara', exact: true }) });
    await amara.waitFor();
    expect(await amara.count()).toBe(1);
    const cells = (await amara.getByRole('cell').allInnerTexts()).map((t) => t.trim());
    expect(cells[0]).toBe('Amara, aged 13');
    expect(cells[1]).toBe('Juniors');
    expect(cells[2]).toContain('They are 13; this group is for up to 12.');
    expect(cells[3]).toBe('Deputies');
    await expectAccessible(page, 'ageing out (a fortnight ahead)');

    // 8. The calendar shows the moved session in its new week.
    await page.goto(`${server.url}/groups/calendar`);
    await pageSettled(page);
    await expectAccessible(page, 'calendar (this week)');
    const monday = (date: string) => {
      const day = new Date(`${date}T00:00:00Z`).getUTCDay();
      return addDays(date, day === 0 ? -6 : 1 - day);
    };
    if (monday(movedTo) !== monday(today)) {
      await page.getByRole('button', { name: 'Next week' }).click();
      await pageSettled(page);
    }
    const movedEntry = page.locator('li.occasion').filter({ has: page.getByRole('link', { name: GROUP }) });
    await movedEntry.waitFor();
    expect(await movedEntry.count()).toBe(1);
    expect(await movedEntry.innerText()).toMatch(new RegExp(`^18:00 to 19:30\\s+${GROUP}`));
    // The calendar shows every kind of occasion: the kind names this one, and it is tagged as moved.
    expect(await movedEntry.innerText()).toContain('Group session');
    expect(await movedEntry.innerText()).toContain('Moved');
    expect(await movedEntry.getByRole('link').getAttribute('href')).toBe(`/groups/sessions/${sessionId}`);
    await expectAccessible(page, 'calendar (the week of the moved session)');
  }, 300_000);

  it('should give a usable, accessible register on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(15_000);
    await signIn(page, server, Role.ParticipationOfficer);
    const today = todayInLondon();

    // An upcoming Juniors session: the demo members are on its register.
    const groups = await page.request.get(`${server.url}/api/groups?q=Juniors`);
    expect(groups.status()).toBe(200);
    const juniors = ((await groups.json()) as { items: { id: string; name: string }[] }).items.find(
      (g) => g.name === 'Juniors',
    );
    if (!juniors) throw new Error('The demo data has no Juniors group');
    const sessions = await page.request.get(
      `${server.url}/api/sessions?groupId=${juniors.id}&from=${today}&to=${addDays(today, 14)}`,
    );
    expect(sessions.status()).toBe(200);
    const session = ((await sessions.json()) as { id: string; status: string }[]).find(
      (s) => s.status === 'scheduled',
    );
    if (!session) throw new Error('The demo Juniors group has no session in the next fortnight');

    await page.goto(`${server.url}/groups/sessions/${session.id}`);
    await page.getByRole('heading', { level: 1, name: 'Juniors session' }).waitFor();
    await pageSettled(page);
    const groupsOfRadios = page.getByRole('radiogroup', { name: /^Attendance for / });
    expect(await groupsOfRadios.count()).toBeGreaterThan(1);

    // Nothing in the register runs off the side of the screen. (Only the page's own content is
    // checked here: the shared top bar is the shell test's business.)
    const offscreen = await page.locator('main').evaluate((main) => {
      const width = document.documentElement.clientWidth;
      return [main, ...Array.from(main.querySelectorAll('*'))]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.left < -0.5 || r.right > width + 0.5);
        })
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    });
    expect(offscreen).toEqual([]);

    // Every choice is a big enough target for a finger: at least 44px tall and wide.
    const targets = await page.locator('mat-radio-button').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return {
          text: (el.textContent ?? '').trim(),
          width: Math.round(r.width),
          height: Math.round(r.height),
        };
      }),
    );
    expect(targets.length).toBe((await groupsOfRadios.count()) * 3);
    expect(targets.filter((t) => t.height < 44 || t.width < 44)).toEqual([]);

    // Tapping a choice's label marks it.
    const first = groupsOfRadios.first();
    await first.getByText('Apologies', { exact: true }).click();
    expect(await first.getByRole('radio', { name: 'Apologies' }).isChecked()).toBe(true);
    await expectAccessible(page, 'session register on a phone');
  });
});
