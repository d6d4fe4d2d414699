import { Role } from '@heard/domain';
import { totpAt } from '@heard/api/platform/auth/totp';
import type { BrowserHandle } from './support/browser';
import { DEMO_EMAIL, DEMO_PASSWORD, expectAccessible, signIn } from './support/demo';
import type { RunningServer } from './support/server';
import { startServerAndBrowser } from './support/suite';

/**
 * The code an authenticator app would show, computed here from the key the page shows. The next
 * step's code: the one enrolment used cannot be used again, and one step ahead is accepted.
 */
function nextCode(secret: string): string {
  return totpAt(secret, new Date(Date.now() + 30_000));
}

describe('a second factor, in a real browser', () => {
  let server: RunningServer;
  let browser: BrowserHandle;

  startServerAndBrowser((started) => {
    ({ server, browser } = started);
  });

  it('should set up an authenticator app, show the recovery codes once, and then ask for a code at sign-in', async () => {
    const page = await browser.newPage();
    await signIn(page, server, Role.Practitioner);

    await page.goto(`${server.url}/second-factor/set-up`);
    await page.getByRole('heading', { level: 1, name: 'Set up an authenticator app' }).waitFor();
    await expectAccessible(page, 'set up, password');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();

    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    await expectAccessible(page, 'set up, scan');
    await page.getByLabel('Code').fill(totpAt(secret, new Date()));
    await page.getByRole('button', { name: 'Turn on' }).click();

    await page.getByRole('heading', { level: 2, name: 'Your recovery codes' }).waitFor();
    expect(await page.getByTestId('recovery-codes').getByRole('listitem').count()).toBe(10);
    await expectAccessible(page, 'set up, recovery codes');
    await page.getByLabel('I have saved these recovery codes').check();
    await page.getByRole('button', { name: 'Continue to Heard' }).click();
    await page.waitForURL(/\/home$/);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(/\/sign-in/);

    // Signing in again: the password, then the code.
    await page.getByLabel('Email address').fill(DEMO_EMAIL[Role.Practitioner]);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/sign-in\/second-step/);
    await page.getByRole('heading', { level: 1, name: 'Enter your code' }).waitFor();
    await expectAccessible(page, 'second step');
    // Half signed in, a staff page sends them back to the second step.
    await page.goto(`${server.url}/young-people`);
    await page.waitForURL(/\/sign-in\/second-step\?returnUrl=%2Fyoung-people$/);
    await page.getByLabel('Code').fill(nextCode(secret));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(/\/young-people$/);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  });
});
