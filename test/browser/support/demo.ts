import { Role } from '@heard/domain';
import { TOTP_STEP_SECONDS, base32Decode, hotp, totpStep } from '@heard/api/platform/auth/totp';
import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from './browser';
import { RunningServer } from './server';

/** The demo accounts README.md prints (demo data only). */
export const DEMO_PASSWORD = 'heard-demo-2026';
export const DEMO_EMAIL: Record<Role, string> = {
  [Role.Administrator]: 'admin@heard.example',
  [Role.ParticipationOfficer]: 'officer@heard.example',
  [Role.Practitioner]: 'practitioner@heard.example',
  [Role.SeniorLeader]: 'leader@heard.example',
  [Role.YoungExpert]: 'young.expert@heard.example',
};

/**
 * The authenticator app of each demo account that has set one up, per server (each test file's
 * server starts from fresh demo data), with the last step whose code was used: a code is taken once.
 * The demo data holds no secret; the first sign-in of an account that needs a second factor enrols.
 */
const authenticators = new Map<string, { secret: string; lastStep: number }>();

/**
 * The code an app would show for a step later than the last one used: the current step, or the
 * next one (the server accepts one step either side), or after waiting for the step to come round.
 */
async function nextCode(key: string): Promise<string> {
  const app = authenticators.get(key);
  if (!app) throw new Error(`No authenticator app set up for ${key}`);
  let now = totpStep(new Date());
  if (app.lastStep + 1 > now + 1) {
    await new Promise((resolve) => setTimeout(resolve, app.lastStep * TOTP_STEP_SECONDS * 1000 - Date.now()));
    now = totpStep(new Date());
  }
  app.lastStep = Math.max(now, app.lastStep + 1);
  return hotp(base32Decode(app.secret), app.lastStep);
}

/**
 * After the password was accepted on the sign-in page: sets up the authenticator app when the
 * set-up page appears (reading the key from the page, as a person types it into their app), or
 * enters a code on the second-step page, then waits for `landing`.
 */
export async function completeSignIn(
  page: Page,
  server: RunningServer,
  email: string,
  password = DEMO_PASSWORD,
  landing = /\/home$/,
): Promise<void> {
  const setUp = /\/second-factor\/set-up(\?|$)/;
  const secondStep = /\/sign-in\/second-step(\?|$)/;
  await page.waitForURL((url) => landing.test(url.href) || setUp.test(url.href) || secondStep.test(url.href));
  const key = `${server.url} ${email}`;
  if (setUp.test(page.url())) {
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Continue' }).click();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
    const step = totpStep(new Date());
    authenticators.set(key, { secret, lastStep: step });
    await page.getByLabel('Code').fill(hotp(base32Decode(secret), step));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByLabel('I have saved these recovery codes').check();
    await page.getByRole('button', { name: 'Continue to Heard' }).click();
  } else if (secondStep.test(page.url())) {
    await page.getByLabel('Code').fill(await nextCode(key));
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.waitForURL(landing);
}

/** Signs in through the real sign-in page (and its second factor, if the account needs one) and waits for the home page. */
export async function signIn(page: Page, server: RunningServer, role: Role): Promise<void> {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('Email address').fill(DEMO_EMAIL[role]);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await completeSignIn(page, server, DEMO_EMAIL[role]);
}

/** No serious or critical axe violation on the page as it is now; `what` names it in a failure. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect({ page: what, violations }).toEqual({ page: what, violations: [] });
}

/** The text of the status region (within `scope`) holding `pattern`, once it appears. */
export async function statusText(scope: Page | Locator, pattern: RegExp): Promise<string> {
  const status = scope.getByRole('status').filter({ hasText: pattern });
  await status.waitFor();
  return (await status.innerText()).trim();
}
