import { Role } from '@heard/domain';
import type { Page } from 'playwright-core';
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

/** Signs in through the real sign-in page and waits for the home page. */
export async function signIn(page: Page, server: RunningServer, role: Role): Promise<void> {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('Email address').fill(DEMO_EMAIL[role]);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/home$/);
}

/** No serious or critical axe violation on the page as it is now; `what` names it in a failure. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect({ page: what, violations }).toEqual({ page: what, violations: [] });
}
