import { Role, addDays, dateInWords, instantInWords, todayInLondon } from '@heard/domain';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { BrowserHandle, launchBrowser } from './support/browser';
import { expectAccessible, signIn } from './support/demo';
import { RunningServer, startServer } from './support/server';
import { chooseOption } from './support/select';
import { chartDrawn } from './support/charts';

/** Made-up names, unique to this test, so nothing in the demo council can be mistaken for them. */
const DAY = 'Browser Test Climbing Wall';
const TODAY_DAY = 'Browser Test Cinema Trip';
const VENUE = 'Browser Test Climbing Centre, Unit 4';
const WORDING = 'I agree to my child taking part in participation activities this year.';
const PHOTO_WORDING = 'I agree to photos and video of my child being taken at participation activities.';
const EMERGENCY_WORDING = 'I agree to emergency medical treatment for my child if I cannot be reached.';
const OVERRIDE_REASON = 'Parent confirmed by phone this morning; the signed form is on its way.';
/** The demo practitioner, a trusted adult for some demo young people. */
const JORDAN = 'Jordan Pike';
/** Demo young people (apps/api/src/app/demo/demo-council.ts), all aged 10 to 17. */
const AMARA = 'Amara'; // email agreed
const GRACE = 'Grace'; // email agreed
const CHLOE = 'Chloe'; // only via a trusted adult
const BEN = 'Ben'; // phone agreed
const ELLIE = 'Ellie'; // no contact agreed: in person

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

/** Waits until `check` holds (or says why not after `ms`). */
async function until(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
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

/** The words of a page region with runs of white space made single spaces. */
async function words(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** A mail as the API wrote it under DATA_DIR/mail, decoded enough to read its plain text. */
interface WrittenMail {
  to: string;
  subject: string;
  text: string;
}

function decodeQuotedPrintable(body: string): string {
  return Buffer.from(
    body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`),
    'latin1',
  )
    .toString('latin1')
    .replace(/(%[0-9A-F]{2})+/gi, (run) => decodeURIComponent(run));
}

/** The text/plain part of an .eml file, decoded. */
function parseEml(raw: string): WrittenMail {
  const header = (source: string, name: string) =>
    new RegExp(`^${name}: (.*(?:\\n[ \\t].*)*)`, 'mi').exec(source)?.[1].replace(/\n[ \t]/g, ' ') ?? '';
  const [head] = raw.split(/\r?\n\r?\n/);
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  const plain =
    parts.find((p) => /^Content-Type: text\/plain/im.test(p.split(/\r?\n\r?\n/)[0])) ?? raw.split('\n--')[0];
  const [partHead, ...rest] = plain.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const encoding = header(partHead, 'Content-Transfer-Encoding').trim().toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return { to: header(head, 'To').trim(), subject: header(head, 'Subject').trim(), text };
}

/** Waits for the mail worker to write a message to `to` whose subject is `subject`. */
async function mailTo(server: RunningServer, to: string, subject: string): Promise<WrittenMail> {
  const dir = join(server.dataDir, 'mail');
  let found: WrittenMail | undefined;
  await until(
    `an email to ${to} about "${subject}" in ${dir}`,
    async () => {
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names.filter((n) => n.endsWith('.eml'))) {
        const mail = parseEml(await readFile(join(dir, name), 'utf8'));
        if (mail.to.includes(to) && mail.subject === subject) found = mail;
      }
      return found !== undefined;
    },
    20_000,
  );
  return found as WrittenMail;
}

describe('an activity day from planning to the funnel in a real browser', () => {
  let server: RunningServer;
  let browser: BrowserHandle;
  let officer: Page;
  let practitioner: Page;
  const today = todayInLondon();
  const weekAhead = addDays(today, 7);
  /** The first activity day's page, and Amara's consent panel. */
  let activityUrl = '';
  let consentUrl = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    officer = await browser.newPage();
    officer.setDefaultTimeout(15_000);
    practitioner = await browser.newPage();
    practitioner.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  });
  afterEach(() => {
    // No page may have hit a script error or a Content-Security-Policy refusal.
    expect(browser.problems).toEqual([]);
  });

  it('1. should let the officer plan an activity day and land on its page', async () => {
    await signIn(officer, server, Role.ParticipationOfficer);
    await officer
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Activity days' })
      .click();
    await officer.waitForURL(/\/activities$/);
    await pageSettled(officer);
    await officer.getByRole('link', { name: 'Bowling and pizza' }).waitFor();
    await expectAccessible(officer, 'activity days');

    await officer.getByRole('link', { name: 'Plan an activity day' }).first().click();
    await officer.waitForURL(/\/activities\/new$/);
    await officer.getByRole('heading', { level: 1, name: 'Plan an activity day' }).waitFor();
    await pageSettled(officer);
    await expectAccessible(officer, 'activity day planner');

    await officer.getByLabel('Title', { exact: true }).fill(DAY);
    await officer.getByLabel('Date', { exact: true }).fill(weekAhead);
    await officer.getByLabel('Starts at').fill('10:30');
    await officer.getByLabel('Ends at').fill('15:30');
    await officer.getByLabel('Venue', { exact: true }).fill(VENUE);
    await officer.getByLabel('Places', { exact: true }).fill('2');
    await officer.getByLabel('Youngest age').fill('10');
    await officer.getByLabel('Oldest age').fill('17');
    await chooseOption(
      officer,
      officer.getByRole('combobox', { name: 'Photos and film' }),
      'Photos will be taken',
    );
    await officer.getByRole('checkbox', { name: 'Taking part' }).check();
    await officer.getByRole('checkbox', { name: 'Emergency medical treatment' }).check();
    // Photos are a choice that never stops anyone coming, so they cannot be made a condition.
    expect(await officer.getByRole('checkbox', { name: 'Photos and video' }).count()).toBe(0);
    await expectAccessible(officer, 'activity day planner, filled in');
    await officer.getByRole('button', { name: 'Plan the activity day' }).click();

    await officer.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
    activityUrl = officer.url();
    await officer.getByRole('heading', { level: 1, name: DAY }).waitFor();
    expect(await statusText(officer, /is planned/)).toBe(
      `${DAY} is planned. Next, invite young people: Heard suggests who fits.`,
    );
    await pageSettled(officer);
    const about = await words(officer.getByRole('region', { name: 'About this activity day' }));
    expect(about).toContain(`When ${longDate(weekAhead)}, 10:30 to 15:30`);
    expect(about).toContain(`Venue ${VENUE}`);
    expect(about).toContain('Places 2 places. 0 coming, 0 on the waiting list.');
    expect(about).toContain('Who it is for Ages 10 to 17. Open to every service experience.');
    expect(about).toContain('Consents needed Taking part, Emergency medical treatment');
    await officer.getByRole('heading', { name: 'No one is invited yet' }).waitFor();
    await expectAccessible(officer, 'new activity day page');
  });

  it('2. should invite a cohort with the wizard, by email and by a letter Jordan Pike hands over', async () => {
    // The demo young people who are reached only through Jordan Pike are 22, outside ages 10 to 17.
    // Chloe (12) is only reached through a trusted adult and has none: the officer links Jordan,
    // her social worker, finding him by name.
    const found = await officer.request.get(`${server.url}/api/young-people?q=${CHLOE}&pageSize=100`);
    expect(found.status()).toBe(200);
    const chloe = ((await found.json()) as { items: { id: string; preferredName: string }[] }).items.find(
      (p) => p.preferredName === CHLOE,
    );
    if (!chloe) throw new Error(`The demo data has no ${CHLOE}`);
    await officer.goto(`${server.url}/young-people/${chloe.id}`);
    await officer.getByRole('heading', { level: 1, name: CHLOE }).waitFor();
    await pageSettled(officer);
    const adults = officer.getByRole('region', { name: 'Trusted adults' });
    expect(await words(officer.getByRole('region', { name: 'How to contact them' }))).toContain(
      'Only via a trusted adult.',
    );
    if ((await adults.getByText(JORDAN).count()) === 0) {
      await officer.getByRole('link', { name: 'Edit details' }).click();
      await officer.waitForURL(/\/edit$/);
      await pageSettled(officer);
      await officer.getByRole('button', { name: 'Add a trusted adult' }).click();
      const adult = officer.getByRole('combobox', { name: 'Name or email' });
      await adult.fill('jord');
      await officer.getByRole('option', { name: new RegExp(`^${JORDAN} Practitioner`) }).click();
      expect(await adult.inputValue()).toBe(JORDAN);
      await expectAccessible(officer, 'trusted adult picker');
      await chooseOption(officer, officer.getByRole('combobox', { name: 'Relationship' }), 'Social worker');
      await officer.getByRole('button', { name: 'Save changes' }).click();
      await officer.waitForURL(new RegExp(`/young-people/${chloe.id}$`));
      expect(await statusText(officer, /saved/)).toBe('Your changes are saved.');
      await pageSettled(officer);
    }
    expect(await words(adults)).toContain(`${JORDAN}, Social worker`);

    // The wizard.
    await officer.goto(activityUrl);
    await officer.getByRole('heading', { level: 1, name: DAY }).waitFor();
    await officer.getByRole('link', { name: 'Invite young people' }).first().click();
    await officer.waitForURL(/\/invite$/);
    await officer.getByRole('heading', { level: 1, name: `Invite young people to ${DAY}` }).waitFor();
    await pageSettled(officer);
    await officer.getByRole('heading', { level: 2, name: 'Step 1 of 2: Choose who to invite' }).waitFor();
    const suggested = officer.getByRole('list', { name: 'Suggested', exact: true });
    const names = await suggested
      .getByRole('checkbox')
      .evaluateAll((boxes) =>
        boxes.map((box) => document.querySelector(`label[for="${box.id}"]`)?.textContent?.trim() ?? ''),
      );
    // Everyone suggested fits, and starts ticked with the best way to reach them they agreed to; a copy
    // for a parent or carer on their record is offered, never ticked for the officer.
    const people = names.filter((name) => !name.startsWith('Also tell '));
    expect(people).toEqual(expect.arrayContaining([AMARA, GRACE, CHLOE, BEN, ELLIE]));
    for (const name of names) {
      expect(await suggested.getByRole('checkbox', { name, exact: true }).isChecked()).toBe(
        people.includes(name),
      );
    }
    const how = (name: string) => officer.getByRole('combobox', { name: `How to invite ${name}` });
    expect(await how(AMARA).inputValue()).toBe('email');
    expect(await how(GRACE).inputValue()).toBe('email');
    expect(await how(CHLOE).inputValue()).toBe('letter');
    const chloeItem = suggested.getByRole('listitem').filter({ hasText: CHLOE });
    expect(await words(chloeItem)).toContain(`Through ${JORDAN}, who hands it over.`);
    // Someone reached only through a trusted adult gets a letter or a hand-over, nothing else.
    expect((await how(CHLOE).getByRole('option').allInnerTexts()).map((t) => t.trim())).toEqual([
      'Letter',
      'In person',
    ]);
    await expectAccessible(officer, 'invite wizard, step 1');

    const keep = [AMARA, CHLOE, GRACE];
    for (const name of names.filter((n) => !keep.includes(n))) {
      await suggested.getByRole('checkbox', { name, exact: true }).uncheck();
    }
    expect(await how(BEN).count()).toBe(0);
    await officer.getByRole('button', { name: 'Continue to check (3 chosen)' }).click();
    await officer.getByRole('heading', { level: 2, name: 'Step 2 of 2: Check and send' }).waitFor();
    const review = officer.getByRole('table', { name: 'Step 2 of 2: Check and send' });
    const rows = await review
      .getByRole('row')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.children).map((cell) => (cell.textContent ?? '').trim())),
      );
    expect(rows).toEqual([
      ['Young person', 'How', 'Outside who the day is for'],
      [AMARA, 'Email', 'No'],
      [CHLOE, `Letter, handed over by ${JORDAN}`, 'No'],
      [GRACE, 'Email', 'No'],
    ]);
    await expectAccessible(officer, 'invite wizard, step 2');
    await officer.getByRole('button', { name: 'Send 3 invitations' }).click();

    await officer.waitForURL(activityUrl);
    expect(await statusText(officer, /invitations are made/)).toBe(
      '3 invitations are made. 2 by email go out in the next few minutes. Print the letter from the list below.',
    );
    await pageSettled(officer);
    await officer.getByText(/^3 invitations:/).waitFor();
    expect(await officer.getByText(/^3 invitations:/).innerText()).toBe(
      // Chloe's letter is still to deliver until Jordan Pike records he handed it over.
      '3 invitations: 0 coming, 0 on the waiting list, 0 not coming or did not come, 2 no answer yet, 1 still to deliver.',
    );
    const invitation = (name: string) =>
      officer
        .getByRole('listitem')
        .filter({ has: officer.getByRole('heading', { level: 3, name, exact: true }) });
    for (const [name, answer, channel] of [
      [AMARA, 'Answer Sent, no answer yet', 'How Email'],
      [GRACE, 'Answer Sent, no answer yet', 'How Email'],
      [CHLOE, 'Answer To deliver: not told yet', `How Letter, handed over by ${JORDAN}`],
    ]) {
      const text = await words(invitation(name));
      expect(text).toContain(answer);
      expect(text).toContain(channel);
    }
    await invitation(CHLOE)
      .getByRole('link', { name: `Letter (PDF) for ${CHLOE}, opens in a new tab` })
      .waitFor();
    expect(await words(invitation(CHLOE))).not.toContain('Email');
    // The emails go out: the mail worker reports each one as sent.
    await until(
      'both invitation emails to be sent',
      async () => {
        await officer.reload();
        await pageSettled(officer);
        for (const name of [AMARA, GRACE]) {
          if (!(await words(invitation(name))).includes('Email Sent')) return false;
        }
        return true;
      },
      20_000,
    );
    await expectAccessible(officer, 'activity day, Invitations tab');
  });

  it('3. should let a young person say yes on a phone from the link in their email', async () => {
    const mail = await mailTo(server, 'amara@young.heard.example', `You are invited: ${DAY}`);
    expect(mail.text).toContain(`Hi ${AMARA},`);
    const link = new RegExp(`Say yes or no: (${server.url}/rsvp/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)`).exec(
      mail.text,
    )?.[1];
    if (!link) throw new Error(`No answer link in the email:\n${mail.text}`);

    // A fresh browser with no staff session, phone-sized.
    const phone = await browser.newPage({ viewport: { width: 375, height: 740 } });
    phone.setDefaultTimeout(15_000);
    await phone.goto(link);
    await phone.getByRole('heading', { level: 1, name: `Hi ${AMARA}` }).waitFor();
    await pageSettled(phone);
    // No account, no staff menu.
    expect(await phone.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    const main = phone.getByRole('main');
    const text = await words(main);
    expect(text).toContain(`You are invited to: ${DAY}`);
    // Times in words a 10-year-old reads easily.
    expect(text).toContain(
      `When ${longDate(weekAhead)} From half past 10 in the morning to half past 3 in the afternoon`,
    );
    expect(text).toContain(`Where ${VENUE}`);
    expect(text).toContain('You have not answered yet.');
    expect(text).toContain('Pick one. You can change your answer until the day.');
    // Plain words: none of the staff's terms.
    expect(text).not.toMatch(/cohort|consent|invitation|invitee|RSVP|token|status|channel/i);
    await phone.getByRole('heading', { level: 2, name: 'Can you come?' }).waitFor();

    // Yes and No both offered, equally: neither chosen for them, and they look the same.
    const yes = phone.getByRole('button', { name: 'Yes, I’ll come' });
    const no = phone.getByRole('button', { name: 'No, I can’t come' });
    const look = (button: Locator) =>
      button.evaluate((el) => {
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return {
          pressed: el.getAttribute('aria-pressed'),
          checked: el.getAttribute('aria-checked'),
          background: style.backgroundColor,
          color: style.color,
          border: style.borderColor,
          fontWeight: style.fontWeight,
          height: Math.round(box.height),
        };
      });
    const [yesLook, noLook] = [await look(yes), await look(no)];
    expect(yesLook.pressed).toBeNull();
    expect(yesLook.checked).toBeNull();
    expect(noLook).toEqual(yesLook);
    expect(yesLook.height).toBeGreaterThanOrEqual(44);
    expect(await phone.getByRole('radio', { checked: true }).count()).toBe(0);
    // Nothing runs off the side of a phone screen.
    expect(
      await phone.evaluate(
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      ),
    ).toBe(true);
    await expectAccessible(phone, 'answer page on a phone');

    // A plain form (the page has no script): the answer, then a page saying what happens next.
    await yes.click();
    await phone.waitForURL(`${link}/thanks`);
    await phone.getByRole('heading', { level: 1, name: 'Thank you! We have your answer.' }).waitFor();
    await phone.getByText('You said yes. See you there!').waitFor();
    await expectAccessible(phone, 'thanks page on a phone, after saying yes');
    await phone.getByRole('link', { name: 'See your invite or change your answer' }).click();
    await phone.getByRole('heading', { level: 2, name: 'Do you want to change your answer?' }).waitFor();
    await expectAccessible(phone, 'answer page on a phone, after saying yes');
  });

  it('4. should let Jordan Pike print the letter and mark it handed over', async () => {
    await signIn(practitioner, server, Role.Practitioner);
    await practitioner
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'To hand over' })
      .click();
    await practitioner.waitForURL(/\/handover$/);
    await practitioner.getByRole('heading', { level: 1, name: 'To hand over' }).waitFor();
    await pageSettled(practitioner);
    const card = practitioner
      .getByRole('listitem')
      .filter({ has: practitioner.getByRole('heading', { level: 2, name: `${CHLOE}: ${DAY}` }) });
    await card.waitFor();
    expect(await words(card)).toContain(
      `What Activity day When ${dateInWords(weekAhead)} How Letter Status To deliver: not told yet`,
    );
    await expectAccessible(practitioner, 'to hand over');

    const print = card.getByRole('link', { name: `Print letter for ${CHLOE} (opens in a new tab)` });
    expect(await print.getAttribute('target')).toBe('_blank');
    const href = await print.getAttribute('href');
    if (!href) throw new Error('The letter link has no address');
    // The page's own cookies: the trusted adult may fetch the letter.
    const letter = await practitioner.request.get(new URL(href, server.url).toString());
    expect(letter.status()).toBe(200);
    expect(letter.headers()['content-type']).toMatch(/^application\/pdf/);
    expect((await letter.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await card.getByRole('button', { name: `Mark as handed over to ${CHLOE}` }).click();
    expect(await statusText(practitioner, /Marked as handed over/)).toBe(
      `Marked as handed over to ${CHLOE}. They can now answer it themselves.`,
    );
    expect(await words(card)).toContain('Status Handed over, no answer yet');
    expect(await words(card)).toContain(`Handed over on ${instantInWords(new Date())}.`);
    expect(await card.getByRole('button', { name: /Mark as handed over/ }).count()).toBe(0);
    await expectAccessible(practitioner, 'to hand over, after handing over');

    // It stays handed over.
    await practitioner.reload();
    await pageSettled(practitioner);
    expect(await words(card)).toContain('Status Handed over, no answer yet');
  });

  it('5. should show who is missing which consent and record them on the consent panel', async () => {
    await officer.goto(activityUrl);
    await officer.getByRole('heading', { level: 1, name: DAY }).waitFor();
    await officer.getByRole('tab', { name: 'Consents' }).click();
    await officer.waitForURL(/\?tab=consents$/);
    await pageSettled(officer);
    await officer.getByText('3 young people are missing at least one consent.').waitFor();
    const table = officer.getByRole('table', { name: 'Consents' });
    const cells = async (name: string) =>
      (
        await table
          .getByRole('row')
          .filter({ has: officer.getByRole('rowheader', { name: new RegExp(`^${name}\\b`) }) })
          .getByRole('cell')
          .allInnerTexts()
      ).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(
      await table
        .getByRole('columnheader')
        .allInnerTexts()
        .then((h) => h.map((t) => t.trim())),
    ).toEqual(['Young person', 'Taking part', 'Emergency medical treatment']);
    for (const name of [AMARA, CHLOE, GRACE]) {
      const [takingPart, emergency] = await cells(name);
      expect(takingPart).toMatch(new RegExp(`^Missing .*Record consent for ${name}: Taking part$`));
      expect(emergency).toMatch(
        new RegExp(`^Missing .*Record consent for ${name}: Emergency medical treatment$`),
      );
    }
    const amaraHead = await table.getByRole('rowheader', { name: new RegExp(`^${AMARA}\\b`) }).innerText();
    expect(amaraHead.replace(/\s+/g, ' ')).toBe(`${AMARA} Coming`);
    await expectAccessible(officer, 'activity day, Consents tab');

    await table.getByRole('link', { name: `Record consent for ${AMARA}: Taking part` }).click();
    await officer.waitForURL(/\/young-people\/[0-9a-f-]{36}\/consent$/);
    consentUrl = officer.url();
    await officer.getByRole('heading', { level: 1, name: 'Consent' }).waitFor();
    await pageSettled(officer);
    await officer.getByText(`For ${AMARA}`).waitFor();
    await expectAccessible(officer, 'consent panel');

    const purpose = (label: string) => officer.getByRole('region', { name: label, exact: true });
    for (const [label, wording] of [
      ['Taking part', WORDING],
      ['Emergency medical treatment', EMERGENCY_WORDING],
      ['Photos and video', PHOTO_WORDING],
    ]) {
      expect(await words(purpose(label))).toContain('Not in place.');
      await purpose(label)
        .getByRole('button', { name: `Record consent for ${label.toLowerCase()}` })
        .click();
      const form = officer.getByRole('region', { name: 'Record consent' });
      await form.waitFor();
      expect(await words(form.getByRole('combobox', { name: 'What it is for' }))).toBe(label);
      await chooseOption(
        officer,
        form.getByRole('combobox', { name: 'Given by' }),
        'A parent or person with parental responsibility',
      );
      await chooseOption(officer, form.getByRole('combobox', { name: 'How it was given' }), 'Signed form');
      await form.getByRole('textbox', { name: 'The words they agreed to' }).fill(wording);
      expect(await form.getByLabel('Date given').inputValue()).toBe(today);
      expect(
        await form.getByRole('radio', { name: /^Standing: everything until it expires/ }).isChecked(),
      ).toBe(true);
      if (label === 'Taking part') await expectAccessible(officer, 'consent panel, recording consent');
      await form.getByRole('button', { name: 'Save consent' }).click();
      expect(await statusText(officer, new RegExp(`${label} consent recorded`))).toBe(
        `${label} consent recorded.`,
      );
      await until(`${label} to be in place`, async () => (await words(purpose(label))).includes('In place.'));
      const section = await words(purpose(label));
      expect(section).toContain(
        `In place. Given by a parent or person with parental responsibility on ${dateInWords(today)}. No expiry date.`,
      );
      expect(section).toContain(wording);
    }
    // Only an allowed giver: no warning for a parent of a 12-year-old.
    expect(await officer.getByText('Check this:').count()).toBe(0);
    await expectAccessible(officer, 'consent panel with consents in place');

    await officer.goBack();
    await officer.waitForURL(/\?tab=consents$/);
    await officer.getByRole('heading', { level: 1, name: DAY }).waitFor();
    await pageSettled(officer);
    await officer.getByText('2 young people are missing at least one consent.').waitFor();
    expect(await cells(AMARA)).toEqual(['In place', 'In place']);
    const [chloeTakingPart] = await cells(CHLOE);
    expect(chloeTakingPart).toMatch(/^Missing/);
    await expectAccessible(officer, 'activity day, Consents tab after recording');
  });

  it('6. should put someone whose photo consent is withdrawn on the day sheet at once', async () => {
    await officer.goto(consentUrl);
    await officer.getByRole('heading', { level: 1, name: 'Consent' }).waitFor();
    await pageSettled(officer);
    const photos = officer.getByRole('region', { name: 'Photos and video', exact: true });
    await photos
      .getByRole('button', { name: `Withdraw photos and video consent given on ${dateInWords(today)}` })
      .click();
    const confirm = officer.getByRole('group', { name: 'Withdraw this consent?' });
    await confirm.waitFor();
    await confirm.getByRole('textbox', { name: 'Reason (optional)' }).fill('Does not want to be filmed.');
    await expectAccessible(officer, 'consent panel, withdrawing');
    await confirm.getByRole('button', { name: 'Confirm withdrawal' }).click();
    expect(await statusText(officer, /withdrawn/)).toBe(
      'Photos and video consent withdrawn. It stopped counting straight away. The record is kept.',
    );
    await until('photos to be no longer in place', async () =>
      (await words(photos)).includes('Not in place.'),
    );
    expect(await words(photos)).toContain(`Withdrawn on ${instantInWords(new Date())}`);
    expect(await words(officer.getByRole('region', { name: 'Taking part', exact: true }))).toContain(
      'In place.',
    );

    await officer.goto(activityUrl);
    await officer.getByRole('heading', { level: 1, name: DAY }).waitFor();
    await officer.getByRole('link', { name: 'Day sheet' }).click();
    await officer.waitForURL(/\/day-sheet$/);
    await officer.getByRole('heading', { level: 1, name: `Day sheet: ${DAY}` }).waitFor();
    await pageSettled(officer);
    const doNot = officer.getByRole('region', { name: 'Do not photograph or film' });
    expect(await doNot.getByRole('listitem').allInnerTexts()).toEqual([
      `${AMARA} — Withdrawn on ${instantInWords(new Date())}`,
    ]);
    const coming = officer.getByRole('region', { name: 'Who is coming' });
    expect(await words(coming)).toContain('1 young person coming. 1 place left.');
    expect(await coming.getByRole('rowheader').allInnerTexts()).toEqual([AMARA]);
    await expectAccessible(officer, 'day sheet');

    // Print opens the browser's print dialog: stubbed here, so nothing is printed.
    await officer.evaluate(() => {
      const w = window as unknown as { printed: number; print: () => void };
      w.printed = 0;
      w.print = () => {
        w.printed += 1;
      };
    });
    await officer.getByRole('button', { name: 'Print' }).click();
    expect(await officer.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  });

  it('6b. should show the day sheet on a phone without cutting anything off', async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 740 } });
    phone.setDefaultTimeout(15_000);
    await signIn(phone, server, Role.ParticipationOfficer);
    await phone.goto(`${activityUrl}/day-sheet`);
    await phone.getByRole('heading', { level: 1, name: `Day sheet: ${DAY}` }).waitFor();
    await pageSettled(phone);
    // Each young person is a card whose cells say what they are (a label innerText does not show).
    const cells = await phone
      .getByRole('region', { name: 'Who is coming' })
      .locator('tbody td')
      .evaluateAll((tds) =>
        tds.map((td) => ({
          display: getComputedStyle(td).display,
          label: getComputedStyle(td, '::before').content,
          text: (td as HTMLElement).innerText.trim(),
        })),
      );
    expect(cells.map((c) => c.display)).toEqual(['block', 'block', 'block', 'block']);
    expect(cells[2]).toEqual({ display: 'block', label: '"Consents for the day"', text: 'All in place' });
    const overflowing = await phone.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const out: string[] = [];
      if (document.documentElement.scrollWidth > width)
        out.push(`page ${document.documentElement.scrollWidth}px`);
      for (const el of Array.from(document.querySelectorAll('main *'))) {
        const rect = el.getBoundingClientRect();
        if (rect.width > 1 && (rect.left < -0.5 || rect.right > width + 0.5))
          out.push(
            `${el.tagName.toLowerCase()}.${el.className} ${Math.round(rect.left)}–${Math.round(rect.right)}`,
          );
      }
      return out;
    });
    expect(overflowing).toEqual([]);
    await expectAccessible(phone, 'day sheet on a phone');
    await phone.close();
  });

  it('7. should refuse to mark someone without a needed consent as came, unless the officer gives a reason', async () => {
    await officer.goto(`${server.url}/activities/new`);
    await officer.getByRole('heading', { level: 1, name: 'Plan an activity day' }).waitFor();
    await pageSettled(officer);
    await officer.getByLabel('Title', { exact: true }).fill(TODAY_DAY);
    await officer.getByLabel('Date', { exact: true }).fill(today);
    await officer.getByLabel('Starts at').fill('00:00');
    await officer.getByLabel('Ends at').fill('23:59');
    await officer.getByLabel('Youngest age').fill('10');
    await officer.getByLabel('Oldest age').fill('17');
    await chooseOption(
      officer,
      officer.getByRole('combobox', { name: 'Photos and film' }),
      'No photos or film',
    );
    await officer.getByRole('checkbox', { name: 'Taking part' }).check();
    await officer.getByRole('button', { name: 'Plan the activity day' }).click();
    await officer.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
    const todayUrl = officer.url();
    await officer.getByRole('heading', { level: 1, name: TODAY_DAY }).waitFor();
    await pageSettled(officer);

    await officer.getByRole('link', { name: 'Invite young people' }).first().click();
    await officer.waitForURL(/\/invite$/);
    await pageSettled(officer);
    const suggested = officer.getByRole('list', { name: 'Suggested', exact: true });
    // Names first: unticking someone takes away the parent-or-carer box beside them, so the list changes.
    const names = await suggested
      .getByRole('checkbox')
      .evaluateAll((boxes) =>
        boxes.map((box) => document.querySelector(`label[for="${box.id}"]`)?.textContent?.trim() ?? ''),
      );
    for (const name of names) {
      if (name.startsWith('Also tell ') || name === BEN || name === ELLIE) continue;
      await suggested.getByRole('checkbox', { name, exact: true }).uncheck();
    }
    await officer.getByRole('button', { name: 'Continue to check (2 chosen)' }).click();
    await officer.getByRole('button', { name: 'Send 2 invitations' }).click();
    await officer.waitForURL(todayUrl);
    await statusText(officer, /invitations are made/);
    await pageSettled(officer);

    // Both told the officer yes: recorded for them.
    for (const name of [BEN, ELLIE]) {
      const row = officer
        .getByRole('listitem')
        .filter({ has: officer.getByRole('heading', { level: 3, name, exact: true }) });
      await row.getByRole('button', { name: `Record an answer for ${name}` }).click();
      const coming = row.getByRole('radiogroup', { name: `Is ${name} coming?` });
      await coming.waitFor();
      expect(await coming.getByRole('radio', { checked: true }).count()).toBe(0);
      if (name === BEN) await expectAccessible(officer, 'activity day, recording an answer');
      await coming.getByRole('radio', { name: 'Yes, coming' }).check();
      await row.getByRole('button', { name: 'Save the answer' }).click();
      expect(await statusText(officer, new RegExp(`${name}: `))).toBe(`${name}: Coming.`);
      expect(await words(row)).toContain('Answer Coming');
    }

    await officer.getByRole('tab', { name: 'Attendance' }).click();
    await officer.waitForURL(/\?tab=attendance$/);
    await pageSettled(officer);
    const ben = officer.getByRole('radiogroup', { name: `Did ${BEN} come?` });
    await ben.waitFor();
    await officer.getByText('0 came, 0 did not come, 2 not marked yet.').waitFor();
    await expectAccessible(officer, 'activity day, Attendance tab');

    // A click, not check(): the choice is shown at once, then taken back when the server refuses.
    await ben.getByRole('radio', { name: 'Came' }).click();
    const refusal = officer.getByRole('alert').filter({ hasText: 'cannot be marked as here' });
    await refusal.waitFor();
    expect(await words(refusal)).toContain(`${BEN} cannot be marked as here without taking part consent.`);
    expect(await words(refusal)).toContain('give a reason to mark them anyway');
    expect(await ben.getByRole('radio', { name: 'Came' }).isChecked()).toBe(false);
    const reason = officer.getByRole('textbox', { name: 'Reason to mark them anyway' });
    await until('the reason to take focus', () => reason.evaluate((el) => el === document.activeElement));
    await expectAccessible(officer, 'activity day, Attendance tab with a refusal');

    await reason.fill(OVERRIDE_REASON);
    await officer.getByRole('button', { name: 'Mark as came with this reason' }).click();
    expect(await statusText(officer, /is marked as came/)).toBe(
      `${BEN} is marked as came. Your reason is recorded.`,
    );
    expect(await ben.getByRole('radio', { name: 'Came' }).isChecked()).toBe(true);
    expect(await officer.getByRole('alert').filter({ hasText: 'cannot be marked as here' }).count()).toBe(0);
    await officer.getByText('1 came, 0 did not come, 1 not marked yet.').waitFor();
    await expectAccessible(officer, 'activity day, Attendance tab after marking');
  });

  it('8. should show invited, said yes and came over the last 12 months, with the chart', async () => {
    await officer
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Invited and came' })
      .click();
    await officer.waitForURL(/\/funnel$/);
    await officer.getByRole('heading', { level: 1, name: 'Invited and came' }).waitFor();
    await pageSettled(officer);
    const [y, rest] = [Number(today.slice(0, 4)), today.slice(4)];
    const yearAgo = addDays(rest === '-02-29' ? `${y - 1}-02-28` : `${y - 1}${rest}`, 1);
    expect(await officer.getByLabel('From').inputValue()).toBe(yearAgo);
    expect(await officer.getByLabel('To', { exact: true }).inputValue()).toBe(today);
    await officer.getByText(`From ${longDate(yearAgo)} to ${longDate(today)}.`).waitFor();

    const table = officer.getByRole('table', { name: 'Invited, said yes and came' });
    const bars = async () =>
      (await table.locator('tbody tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    // The demo Go-karting day (12 invited, 6 said yes, 1 came) and today's day (2, 2 and 1).
    expect(await bars()).toEqual([
      'Invited 14',
      'Said yes 8 57% of those invited',
      'Came 2 14% of those invited',
    ]);
    // The chart beside the table is drawn (chart.js paints its canvas) and named for the table.
    await chartDrawn(officer.getByRole('img', { name: /^Bar chart: Invited, said yes and came\./ }));
    expect(await words(officer.getByRole('region', { name: 'Everything in the period' }))).toContain(
      '6 said no.',
    );
    await expectAccessible(officer, 'invited and came');

    // Up to yesterday: the Go-karting day alone.
    await officer.getByLabel('To', { exact: true }).fill(addDays(today, -1));
    await officer.getByRole('button', { name: 'Show' }).click();
    await until('the figures up to yesterday', async () => (await bars())[0] === 'Invited 12');
    expect(await bars()).toEqual([
      'Invited 12',
      'Said yes 6 50% of those invited',
      'Came 1 8% of those invited',
    ]);
    await officer.getByText(`From ${longDate(yearAgo)} to ${longDate(addDays(today, -1))}.`).waitFor();
    await expectAccessible(officer, 'invited and came, up to yesterday');
  });
});
