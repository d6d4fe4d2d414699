import { readFileSync } from 'node:fs';
import { Browser, BrowserContext, CDPSession, Page, chromium } from 'playwright-core';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface BrowserHandle {
  browser: Browser;
  /** Script errors and Content-Security-Policy refusals seen on any page. */
  problems: string[];
  /**
   * A page in a fresh context. The web app's service worker is blocked unless `serviceWorkers` is
   * 'allow': only the offline journey needs it, and elsewhere it would fetch the whole app again
   * in the background of every test.
   */
  newPage(options?: {
    viewport?: { width: number; height: number };
    serviceWorkers?: 'allow' | 'block';
  }): Promise<Page>;
  close(): Promise<void>;
}

/** Playwright gives every launch a fresh, throw-away profile, so no state leaks between runs. */
export async function launchBrowser(): Promise<BrowserHandle> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  return {
    browser,
    problems,
    async newPage(options = {}) {
      const context = await browser.newContext({
        locale: 'en-GB',
        viewport: options.viewport ?? { width: 1280, height: 900 },
        serviceWorkers: options.serviceWorkers ?? 'block',
      });
      contexts.push(context);
      // Collect script errors and CSP refusals on every page of the context (a journey may open a
      // second one): a broken page must not pass as "no violations".
      context.on('page', (page) => {
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
            problems.push(`console: ${message.text()}`);
          }
        });
      });
      return context.newPage();
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
    },
  };
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page (WCAG 2.0–2.2 A and AA) and returns serious and critical violations. */
export async function seriousViolations(
  page: Page,
): Promise<{ id: string; help: string; targets: string[] }[]> {
  // Judge the page at rest: half-way through a fade-in, text is nearly transparent and any
  // contrast check would fail for the wrong reason.
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running'),
    undefined,
    {
      timeout: 10_000,
    },
  );
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * Gives the page a virtual authenticator (Chromium's, through the DevTools protocol) with a
 * resident key and user verification, as a phone or laptop has.
 */
export async function addVirtualAuthenticator(
  page: Page,
): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  return { cdp, authenticatorId };
}
