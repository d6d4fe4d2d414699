import { Role } from '@heard/domain';
import { BrowserHandle, addVirtualAuthenticator } from './support/browser';
import { DEMO_PASSWORD, expectAccessible, signIn } from './support/demo';
import type { RunningServer } from './support/server';
import { startServerAndBrowser } from './support/suite';

/**
 * Passkeys with a real browser and a real (virtual) authenticator: Chromium's, through the
 * DevTools protocol, with a resident key and user verification, as a phone or laptop has. The
 * server's PUBLIC_URL is http://localhost:<port>, so the RP id is localhost, a secure context.
 */
describe('passkeys, in a real browser', () => {
  let server: RunningServer;
  let browser: BrowserHandle;

  startServerAndBrowser((started) => {
    ({ server, browser } = started);
  });

  it('should add a passkey on the passkeys page and then sign in with the passkey alone', async () => {
    const page = await browser.newPage();
    const { cdp, authenticatorId } = await addVirtualAuthenticator(page);

    await signIn(page, server, Role.Practitioner);
    await page.goto(`${server.url}/second-factor/passkeys`);
    await page.getByRole('heading', { level: 1, name: 'Passkeys' }).waitFor();
    await page.getByText('You have no passkeys yet.').waitFor();
    await expectAccessible(page, 'passkeys, none yet');
    await page.getByLabel('Name').fill('Work laptop');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.getByRole('status').filter({ hasText: 'Passkey "Work laptop" added.' }).waitFor();
    await page.getByTestId('passkey-list').getByRole('listitem').filter({ hasText: 'Work laptop' }).waitFor();
    expect(await page.getByTestId('passkey-list').getByRole('listitem').count()).toBe(1);
    await expectAccessible(page, 'passkeys, one added');
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]).toMatchObject({ isResidentCredential: true, rpId: 'localhost' });
    const createdCount = credentials[0].signCount;

    await page.goto(`${server.url}/home`);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { level: 2, name: 'Sign in with a passkey' }).waitFor();
    await expectAccessible(page, 'sign in, with the passkey offer');

    // No email, no password: the browser offers the passkey it holds for localhost.
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await page.waitForURL(/\/home$/);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
    expect(session).toMatchObject({ authMethods: ['passkey'], pendingStep: null });
    const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    // The authenticator counted the use; the server checked that the counter moved on.
    expect(after.credentials[0].signCount).toBeGreaterThan(createdCount);
  });
});
