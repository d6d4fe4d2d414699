import { ALL_ROLES, ROLE_LABELS, Role, navigationFor } from '@heard/domain';
import type { BrowserHandle } from './support/browser';
import { DEMO_EMAIL, expectAccessible, signIn } from './support/demo';
import type { RunningServer } from './support/server';
import { startServerAndBrowser } from './support/suite';

describe('the web shell in a real browser', () => {
  let server: RunningServer;
  let browser: BrowserHandle;

  startServerAndBrowser((started) => {
    ({ server, browser } = started);
  });

  it('should serve an accessible sign-in page that says clearly when the password is wrong', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/home`);
    await page.waitForURL(/\/sign-in/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'sign-in');
    await page.getByLabel('Email address').fill(DEMO_EMAIL[Role.Administrator]);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(
      /The email or password is not right/,
    );
    await expectAccessible(page, 'sign-in with an error');
  });

  for (const role of ALL_ROLES) {
    it(`should sign in as ${ROLE_LABELS[role].toLowerCase()}, show only that role's menu, pass axe on every page, and sign out`, async () => {
      const page = await browser.newPage();
      await signIn(page, server, role);
      const menu = page.getByRole('navigation', { name: 'Main' });
      const labels = (await menu.getByRole('link').allTextContents()).map((t) => t.trim());
      expect(labels).toEqual(navigationFor(role).map((i) => i.label));

      for (const item of navigationFor(role)) {
        await page.goto(`${server.url}/${item.path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(new URL(page.url()).pathname).toBe(`/${item.path}`);
        await expectAccessible(page, `${role} ${item.path}`);
      }

      // A page the role may not use sends them home instead of showing it.
      if (role !== Role.Administrator) {
        await page.goto(`${server.url}/admin/users`);
        await page.waitForURL(/\/home$/);
      }

      await page.getByRole('button', { name: 'Sign out', exact: true }).click();
      await page.waitForURL(/\/sign-in/);
      // The server session is gone: going back to a signed-in page asks for sign-in again.
      await page.goto(`${server.url}/home`);
      await page.waitForURL(/\/sign-in/);
    });
  }

  it('should show senior leaders their view on the home page: charts with their tables, small numbers withheld', async () => {
    const page = await browser.newPage();
    await signIn(page, server, Role.SeniorLeader);
    await page.getByRole('heading', { level: 2, name: 'How the council is responding' }).waitFor();
    const funnel = page.getByRole('table', { name: 'Young people invited, who said yes and who came' });
    await funnel.waitFor();
    const rows = (await funnel.locator('tbody tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    // The demo Go-karting day: 12 invited, 6 said yes, 1 came, which is withheld as a small number.
    expect(rows).toEqual(['Invited 12', 'Said yes 6', 'Came fewer than 5']);
    await page
      .getByRole('img', { name: /^Bar chart: Young people invited, who said yes and who came\./ })
      .waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'senior leader home with the leaders’ view');
  });

  it('should show an accessible page-not-found page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/no/such/page`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/not found/i);
    await expectAccessible(page, 'not found');
  });

  it('should fit a phone screen without sideways scrolling, whatever the signed-in name', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    // The demo officer has the longest demo name, which once pushed Sign out off the screen.
    await signIn(page, server, Role.ParticipationOfficer);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const signOut = await page.getByRole('button', { name: 'Sign out', exact: true }).boundingBox();
    expect(signOut).not.toBeNull();
    expect(signOut!.x + signOut!.width).toBeLessThanOrEqual(390);
  });

  it('should give young experts plain words and large targets', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(page, server, Role.YoungExpert);
    await page.goto(`${server.url}/my-space`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/\b(case|client|service user)\b/i);
    const small = await page.locator('main a, main button').evaluateAll(
      (els) =>
        els.filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.height < 44 || r.width < 44);
        }).length,
    );
    expect(small).toBe(0);
    await expectAccessible(page, 'my-space on a phone');
  });
});
