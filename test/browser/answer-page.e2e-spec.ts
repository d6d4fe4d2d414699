import { InvitationChannel, Role, addDays, todayInLondon } from '@heard/domain';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { api } from './support/api';
import type { BrowserHandle } from './support/browser';
import { expectAccessible, signIn } from './support/demo';
import type { RunningServer } from './support/server';
import { startServerAndBrowser } from './support/suite';

// No space, so the whole name is their first name and is shown in the greeting.
const NAME = '<script>alert(1)</script>Tami';
const DAY = 'Games & pizza <b>night</b>';

/** The answer link in the email the server wrote to its mail folder (no SMTP_URL). */
async function linkFor(server: RunningServer, email: string): Promise<string> {
  const dir = join(server.dataDir, 'mail');
  const deadline = Date.now() + 30_000;
  for (;;) {
    for (const name of (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml'))) {
      const raw = (await readFile(join(dir, name), 'utf8')).replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      if (!raw.includes(email)) continue;
      const link = new RegExp(`${server.url}/rsvp/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+`).exec(raw)?.[0];
      if (link) return link;
    }
    if (Date.now() > deadline) throw new Error(`No answer link for ${email} in ${dir}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const words = async (scope: Locator) => (await scope.innerText()).replace(/\s+/g, ' ').trim();

/**
 * The young person's answer page on a phone with JavaScript turned off: the page is whole as it
 * arrives, the answer goes by an ordinary form, and the thanks page says what happens next.
 */
describe('the answer page on a phone, with JavaScript off', () => {
  let server: RunningServer;
  let browser: BrowserHandle;

  startServerAndBrowser((started) => {
    ({ server, browser } = started);
  });

  async function invite(email: string): Promise<string> {
    const officer = await browser.newPage();
    await signIn(officer, server, Role.ParticipationOfficer);
    const activity = await api<{ id: string }>(officer, server, 'post', '/api/activities', {
      title: DAY,
      date: addDays(todayInLondon(), 9),
      startTime: '18:00',
      endTime: '20:00',
      venue: 'Youth centre, Mill Lane',
      accessibility: null,
      capacity: null,
      cohort: { minAge: 10, maxAge: 25, serviceExperiences: [], groupIds: [] },
      professionals: null,
      budgetPence: null,
      transport: null,
      agenda: null,
      requiredConsents: [],
      reminderDaysBefore: 2,
    });
    const person = await api<{ id: string }>(officer, server, 'post', '/api/young-people', {
      preferredName: NAME,
      dateOfBirth: `${Number(todayInLondon().slice(0, 4)) - 14}-01-15`,
      serviceExperiences: [],
      trustedAdults: [],
      contact: { email, phone: null, whatsapp: null, letter: null, onlyViaTrustedAdult: false },
      accessibilityNeeds: null,
      communicationNeeds: null,
      participationPreference: 'either',
      decidesForThemselves: false,
      confidentialityNotes: null,
    });
    await api(officer, server, 'post', '/api/invitations', {
      target: { kind: 'activity_day', id: activity.id },
      invitees: [{ youngPersonId: person.id, channel: InvitationChannel.Email }],
    });
    await officer.close();
    return linkFor(server, email);
  }

  async function phoneWithoutScript(): Promise<Page> {
    const context = await browser.browser.newContext({
      locale: 'en-GB',
      viewport: { width: 360, height: 640 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  /**
   * axe needs script, so the same address is checked in an ordinary page as well; `tabs` are the
   * names the keyboard meets first, in order, each with a visible outline.
   */
  async function expectPageAccessible(url: string, what: string, tabs: string[] = []): Promise<void> {
    const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
    await page.goto(url);
    await expectAccessible(page, what);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    for (const name of tabs) {
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          return { name: el.textContent, outline: getComputedStyle(el).outlineStyle };
        }),
      ).toEqual({ name, outline: 'solid' });
    }
    await page.close();
  }

  it('should show the invite and take a Yes with no script at all', async () => {
    const link = await invite('tami@young.heard.example');
    const phone = await phoneWithoutScript();
    const scripts: string[] = [];
    phone.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    const res = await phone.goto(link);
    expect(res?.status()).toBe(200);
    expect(await res?.text()).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    await phone.getByRole('heading', { level: 1, name: `Hi ${NAME}` }).waitFor();
    const main = phone.getByRole('main');
    const text = await words(main);
    expect(text).toContain(`You are invited to: ${DAY}`);
    expect(text).toMatch(/When \w+day \d+ \w+ \d{4} From 6 /);
    expect(text).toContain('Where Youth centre, Mill Lane');
    expect(text).toContain('You have not answered yet.');
    // The question names the group of two equal answers; neither is chosen.
    const choices = phone.getByRole('group', { name: 'Can you come?' });
    const yes = choices.getByRole('button', { name: 'Yes, I’ll come' });
    const no = choices.getByRole('button', { name: 'No, I can’t come' });
    const look = (button: Locator) =>
      button.evaluate((el) => {
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return {
          background: style.backgroundColor,
          border: style.borderColor,
          height: Math.round(box.height),
        };
      });
    expect(await look(no)).toEqual(await look(yes));
    expect((await look(yes)).height).toBeGreaterThanOrEqual(48);
    await expectPageAccessible(link, 'answer page', ['Yes, I’ll come', 'No, I can’t come']);

    await yes.click();
    await phone.waitForURL(`${link}/thanks`);
    await phone.getByRole('heading', { level: 1, name: 'Thank you! We have your answer.' }).waitFor();
    const thanks = await words(phone.getByRole('main'));
    expect(thanks).toContain('What happens next You said yes. See you there!');
    expect(thanks).toContain('Where Youth centre, Mill Lane');
    await expectPageAccessible(`${link}/thanks`, 'thanks page after yes');

    await phone.getByRole('link', { name: 'See your invite or change your answer' }).click();
    await phone.getByRole('heading', { level: 2, name: 'Do you want to change your answer?' }).waitFor();
    expect(await words(phone.getByRole('main'))).toContain('Your answer You said yes. See you there!');
    expect(scripts).toEqual([]);
    await phone.context().close();
  });

  it('should take a No and an optional reason, and say a broken link kindly', async () => {
    const link = await invite('ola@young.heard.example');
    const phone = await phoneWithoutScript();
    await phone.goto(link);
    await phone.getByRole('button', { name: 'No, I can’t come' }).click();
    await phone
      .getByRole('heading', { level: 1, name: 'Thank you for telling us. We have your answer.' })
      .waitFor();
    await expectPageAccessible(`${link}/thanks`, 'thanks page after no');
    const why = phone.getByLabel('Do you want to tell us why? (you don’t have to)');
    expect(await why.getAttribute('aria-describedby')).toBe('why-hint');
    await why.fill('I have football <practice> then');
    await phone.getByRole('button', { name: 'Send' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Thank you for telling us why.' }).waitFor();

    const officer = await browser.newPage();
    await signIn(officer, server, Role.ParticipationOfficer);
    const listed = await api<{
      items: { declineReason: string | null; youngPerson: { preferredName: string } }[];
    }>(officer, server, 'get', '/api/invitations?status=declined&pageSize=100');
    expect(
      listed.items.find((i) => i.youngPerson.preferredName === NAME && i.declineReason)?.declineReason,
    ).toBe('I have football <practice> then');

    const broken = await phone.goto(`${link.slice(0, -3)}xyz`);
    expect(broken?.status()).toBe(404);
    await phone.getByRole('heading', { level: 1, name: 'Your invite' }).waitFor();
    expect(await words(phone.getByRole('alert'))).toBe(
      'This link does not work. It may be old or typed wrong. Ask the person who invited you for a new one.',
    );
    await expectPageAccessible(`${link.slice(0, -3)}xyz`, 'broken link');
    await phone.context().close();
  });
});
