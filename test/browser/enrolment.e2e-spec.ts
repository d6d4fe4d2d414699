import { Role, addDays, todayInLondon } from '@heard/domain';
import type { Page } from 'playwright-core';
import { BrowserHandle, addVirtualAuthenticator } from './support/browser';
import { api } from './support/api';
import { expectAccessible, signIn } from './support/demo';
import type { RunningServer } from './support/server';
import { startServerAndBrowser } from './support/suite';

const PHONE = { width: 375, height: 667 };

/**
 * A young expert enrols with a code their officer gave them, on a phone-sized screen: a passkey on
 * their own phone (Chromium's virtual authenticator over the DevTools protocol), or just this time
 * on a shared device (decision 0019).
 */
describe('young experts enrol with a code, in a real browser', () => {
  let server: RunningServer;
  let browser: BrowserHandle;
  let officer: Page;
  let people: { id: string; preferredName: string }[] = [];

  startServerAndBrowser((started) => {
    ({ server, browser } = started);
  });
  beforeAll(async () => {
    officer = await browser.newPage();
    await signIn(officer, server, Role.ParticipationOfficer);
    const found = await officer.request.get(`${server.url}/api/young-people?pageSize=10`);
    expect(found.status()).toBe(200);
    people = ((await found.json()) as { items: { id: string; preferredName: string }[] }).items;
    expect(people.length).toBeGreaterThanOrEqual(2);
  });

  /** The officer gives a code on the young person's page, as they would at an activity day. */
  async function giveCode(person: { id: string; preferredName: string }): Promise<string> {
    await officer.goto(`${server.url}/young-people/${person.id}`);
    await officer.getByRole('heading', { level: 1, name: person.preferredName }).waitFor();
    await officer.getByRole('button', { name: 'Give a sign-in code', exact: true }).click();
    const shown = officer.getByTestId('enrolment-code');
    await shown.waitFor();
    await officer.getByText('Read it to them; it works once, for 10 minutes.').waitFor();
    await expectAccessible(officer, 'young person page with a sign-in code');
    const code = ((await shown.textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    return code;
  }

  async function typeCode(page: Page, code: string): Promise<void> {
    await page.goto(`${server.url}/enrol`);
    await page.getByRole('heading', { level: 1, name: 'Sign in with your code' }).waitFor();
    await expectAccessible(page, 'enrol: type your code');
    // Typed as a young person might: lower case, with a space instead of the dash.
    await page.getByLabel('Your code').fill(code.toLowerCase().replace('-', ' '));
    await page.getByRole('button', { name: 'Next', exact: true }).click();
  }

  async function signOut(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(/\/sign-in/);
  }

  it('should enrol a passkey on their own phone, land on My space, and sign in again with the passkey', async () => {
    const code = await giveCode(people[0]);
    const phone = await browser.newPage({ viewport: PHONE });
    const { cdp, authenticatorId } = await addVirtualAuthenticator(phone);

    await typeCode(phone, code);
    await phone.getByRole('heading', { level: 2, name: 'Is this your own phone or computer?' }).waitFor();
    await expectAccessible(phone, 'enrol: whose device');
    await phone.getByRole('button', { name: 'Yes, it is mine', exact: true }).click();
    await phone.getByRole('heading', { level: 2, name: 'Make a key for this phone or computer' }).waitFor();
    await expectAccessible(phone, 'enrol: make a key');
    await phone.getByRole('button', { name: 'Make my key', exact: true }).click();
    await phone.waitForURL(/\/my-space$/);
    await phone.getByRole('heading', { level: 1, name: 'My space' }).waitFor();
    await expectAccessible(phone, 'my space after enrolling');
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]).toMatchObject({ isResidentCredential: true, rpId: 'localhost' });

    await signOut(phone);
    await phone
      .getByRole('link', { name: 'I have a code from my participation officer', exact: true })
      .waitFor();
    await expectAccessible(phone, 'sign in, on a phone');
    await phone.getByRole('button', { name: 'Use a passkey', exact: true }).click();
    await phone.waitForURL(/\/my-space$/);
    await phone.getByRole('heading', { level: 1, name: 'My space' }).waitFor();
    const session = await phone.evaluate(async () => (await fetch('/api/auth/session')).json());
    expect(session).toMatchObject({
      authMethods: ['passkey'],
      pendingStep: null,
      user: { role: 'young_expert' },
    });

    // Their officer names them in a round; they answer it in picture mode and find it in their history.
    const tools = await api<{ items: { id: string; name: string }[] }>(
      officer,
      server,
      'get',
      '/api/practice-tools',
    );
    const tool = tools.items.find((t) => t.name === 'Guide to co-producing summaries with children');
    if (!tool) throw new Error('The demo practice tools have no guide to co-producing summaries');
    const detail = await api<{ versions: { id: string }[] }>(
      officer,
      server,
      'get',
      `/api/practice-tools/${tool.id}`,
    );
    await api(officer, server, 'post', '/api/evaluation-rounds', {
      toolVersionId: detail.versions[0].id,
      title: 'Summaries guide, for the young experts',
      occasion: null,
      opensOn: todayInLondon(),
      closesOn: addDays(todayInLondon(), 14),
      audience: 'named',
      youngPersonIds: [people[0].id],
    });
    await phone.goto(`${server.url}/my-space/rounds`);
    await phone
      .getByRole('link', { name: 'Have a go: Guide to co-producing summaries with children', exact: true })
      .click();
    await phone
      .getByRole('heading', { level: 1, name: 'Guide to co-producing summaries with children', exact: true })
      .waitFor();
    await phone.getByLabel('Pictures and big faces').check();
    await expectAccessible(phone, 'evaluate in picture mode, after enrolling');
    await phone.getByRole('button', { name: 'Good', exact: true }).first().click();
    await phone.getByRole('button', { name: 'Send my answers', exact: true }).click();
    await phone.getByRole('heading', { level: 1, name: 'Thank you!', exact: true }).waitFor();
    await phone.getByRole('link', { name: 'See what you said', exact: true }).click();
    await phone.getByText('You used pictures and big faces.').waitFor();
    await expectAccessible(phone, 'what they said, after enrolling');
    await phone.close();
  });

  it('should sign in just this time on a shared device, and not get back in after signing out', async () => {
    const code = await giveCode(people[1]);
    const shared = await browser.newPage({ viewport: PHONE });
    await typeCode(shared, code);
    await shared.getByRole('heading', { level: 2, name: 'Is this your own phone or computer?' }).waitFor();
    await shared.getByRole('button', { name: 'No, just this time', exact: true }).click();
    await shared.waitForURL(/\/my-space$/);
    await shared.getByRole('heading', { level: 1, name: 'My space' }).waitFor();
    await expectAccessible(shared, 'my space, just this time');
    const session = await shared.evaluate(async () => (await fetch('/api/auth/session')).json());
    expect(session).toMatchObject({ authMethods: ['enrolment_code', 'just_this_time'], pendingStep: null });

    await signOut(shared);
    await typeCode(shared, code);
    await shared.getByRole('alert').getByText('That code does not work.', { exact: false }).waitFor();
    await expectAccessible(shared, 'enrol: a used code');
    await shared.goto(`${server.url}/my-space`);
    await shared.waitForURL(/\/sign-in/);
    await shared.close();
  });
});
