import { Role } from '@heard/domain';
import type { SmtpSink } from '../api/support/smtp-sink';
import type { BrowserHandle } from './support/browser';
import { DEMO_EMAIL, DEMO_PASSWORD, completeSignIn, expectAccessible } from './support/demo';
import type { RunningServer } from './support/server';
import { startServerBrowserAndMail } from './support/suite';

const EMAIL = DEMO_EMAIL[Role.ParticipationOfficer];
const NEW_PASSWORD = 'lantern orchard kettle 4';

/** Waits for the outbox to hand a message to the SMTP listener, and reads the reset link in it. */
async function resetLinkFor(sink: SmtpSink, to: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const mail = sink.received.find((m) => m.to.includes(to));
    if (mail) {
      // Quoted-printable wraps long lines with "=" at the end; undo it before reading the link.
      const body = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      const link = /https?:\/\/[^\s"<>]+\/reset-password\/[A-Za-z0-9_-]{40,}/.exec(body);
      if (!link) throw new Error(`No reset link in the mail:\n${body}`);
      return link[0];
    }
    if (Date.now() > deadline) throw new Error(`No mail reached ${to}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('forgotten password, in a real browser', () => {
  let server: RunningServer;
  let browser: BrowserHandle;
  let sink: SmtpSink;

  startServerBrowserAndMail((started) => {
    ({ server, browser, sink } = started);
  });

  it('should send a link by email, take a new password on the reset page, and sign in with it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    await page.waitForURL(/\/forgot-password$/);
    await page.getByRole('heading', { level: 1, name: 'Forgotten your password?' }).waitFor();
    await expectAccessible(page, 'forgot password');

    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      `If ${EMAIL} has a Heard account`,
    );
    await expectAccessible(page, 'forgot password, sent');

    const link = await resetLinkFor(sink, EMAIL);
    expect(link.startsWith(server.url)).toBe(true);
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await expectAccessible(page, 'reset password');

    // A password on the list of leaked ones is refused by the server, with the reason under the field.
    await page.getByLabel('New password').fill('iloveyou1234');
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/common or leaked/);
    await expectAccessible(page, 'reset password refused');

    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.waitForURL(/\/sign-in\?passwordSet=yes$/);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Your password is set.');

    // The old password no longer works; the new one does.
    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(
      /The email or password is not right/,
    );
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await completeSignIn(page, server, EMAIL, NEW_PASSWORD);

    // The link was for one use only.
    await page.goto(link);
    await page.getByLabel('New password').fill('another lantern orchard 5');
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/already been used/);
  });
});
