import {
  LUNDY_QUESTIONS,
  type PlanFiguresResponse,
  type PlanListResponse,
  type PlanVersionResponse,
  Role,
  addDays,
  planSectionsFor,
  todayInLondon,
} from '@heard/domain';
import type { Page } from 'playwright-core';
import { api } from './support/api';
import { BrowserHandle, launchBrowser } from './support/browser';
import { expectAccessible, signIn } from './support/demo';
import { RunningServer, startServer } from './support/server';

/** Made-up words, unique to this test. */
const COMMENT = 'Please say who we can ask if the review meeting is scary.';
const REPLY = 'We added the name of someone you can ask in every review.';
const CHILD_TEXT = (key: string) => `We listen to you. This part is about ${key.replace(/_/g, ' ')}.`;

const doc = (text: string) => ({ blocks: [{ type: 'paragraph', children: [{ type: 'text', text }] }] });

async function settled(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe('the annual voice plan, from draft to the public page', () => {
  let handle: BrowserHandle;
  let server: RunningServer;

  beforeAll(async () => {
    handle = await launchBrowser();
    server = await startServer();
  });

  afterAll(async () => {
    await handle?.close();
    await server?.stop();
  });

  it('an officer writes it, a young expert comments, the officer replies, a leader approves and it is published', async () => {
    const leader = await handle.newPage();
    await signIn(leader, server, Role.SeniorLeader);
    const leaderId = (await api<{ user: { id: string } }>(leader, server, 'get', '/api/auth/session')).user
      .id;

    // The officer's drafting is set up through the API: the pages under test are what comes after.
    const officer = await handle.newPage();
    await signIn(officer, server, Role.ParticipationOfficer);
    const themes = await api<{ id: string }[]>(officer, server, 'get', '/api/action-log/themes');
    const year = Number(todayInLondon().slice(0, 4)) - (Number(todayInLondon().slice(5, 7)) < 4 ? 1 : 0);
    let v = await api<PlanVersionResponse>(officer, server, 'post', '/api/plans', { year });
    for (const key of planSectionsFor(v.yearOfPlan))
      v = await api<PlanVersionResponse>(
        officer,
        server,
        'put',
        `/api/plans/versions/${v.id}/sections/${key}`,
        {
          expectedUpdatedAt: v.updatedAt,
          professional: doc(`How the council listens in ${key.replace(/_/g, ' ')}, and how it checks.`),
          childFriendly: doc(CHILD_TEXT(key)),
        },
      );
    for (const q of LUNDY_QUESTIONS)
      v = await api<PlanVersionResponse>(
        officer,
        server,
        'put',
        `/api/plans/versions/${v.id}/lundy/${q.key}`,
        {
          expectedUpdatedAt: v.updatedAt,
          answer: 'Mostly, and we are getting better.',
          evidence: [{ words: 'The young experts said so at their March meeting.' }],
        },
      );
    v = await api<PlanVersionResponse>(officer, server, 'put', `/api/plans/versions/${v.id}/commitments`, {
      expectedUpdatedAt: v.updatedAt,
      commitments: [
        {
          words: 'Every service asks children what they thought of their review meeting.',
          childWords: 'We will ask you what you thought of your review meeting.',
          ownerId: leaderId,
          dueOn: addDays(todayInLondon(), 90),
          themeId: themes[0].id,
        },
      ],
    });

    // The officer's page: nothing missing, so the plan goes to young people.
    await officer.goto(`${server.url}/plans`);
    await settled(officer);
    await expectAccessible(officer, 'the plans');
    await officer.goto(`${server.url}/plans/versions/${v.id}`);
    await settled(officer);
    await officer.getByText(CHILD_TEXT('individual_work')).first().waitFor();
    await expectAccessible(officer, 'a draft plan');
    await officer.getByRole('button', { name: 'Send to young people for scrutiny', exact: true }).click();
    await officer.getByText('With young people for scrutiny').first().waitFor();

    // A young expert reads it on their own pages and comments.
    const young = await handle.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(young, server, Role.YoungExpert);
    await young.goto(`${server.url}/my-space/plan`);
    await settled(young);
    await young.getByText(CHILD_TEXT('individual_work')).waitFor();
    await expectAccessible(young, 'our plan, for a young expert');
    const firstPart = young.getByRole('region', { name: 'How we listen to you in the work we do with you' });
    await firstPart.getByLabel('What do you think? What should we change?').fill(COMMENT);
    await firstPart.getByRole('button', { name: 'Send', exact: true }).click();
    await firstPart.getByText('Thank you. We got it.').waitFor();
    await firstPart.getByText(COMMENT).waitFor();

    // The officer sees it from "a young expert" and says what was changed because of it.
    await officer.reload();
    await settled(officer);
    const comments = officer.locator('#plan-section-individual_work heard-plan-section-comments');
    await comments.getByText(COMMENT).waitFor();
    await comments.getByRole('button', { name: 'Reply', exact: true }).click();
    await comments.getByLabel('What was changed because of this comment').fill(REPLY);
    await comments.getByRole('button', { name: 'Save the reply', exact: true }).click();
    await comments.getByText(`What we changed: ${REPLY}`).waitFor();
    await expectAccessible(officer, 'a plan with young people, a comment answered');

    // The young expert sees what was changed because of what they said.
    await young.reload();
    await settled(young);
    await young.getByText(REPLY).waitFor();

    // A senior leader approves it; the officer publishes it.
    await leader.goto(`${server.url}/plans/versions/${v.id}`);
    await settled(leader);
    await leader.getByRole('button', { name: 'Approve for publishing', exact: true }).click();
    await leader.getByText('Approved').first().waitFor();
    await officer.reload();
    await settled(officer);
    await officer.getByRole('button', { name: 'Publish', exact: true }).click();
    await officer.getByText('Version 1: Published').first().waitFor();

    // The commitment became a We will in the action log.
    const published = await api<PlanVersionResponse>(officer, server, 'get', `/api/plans/versions/${v.id}`);
    expect(published.status).toBe('published');
    expect(published.commitments[0].actionId).toEqual(expect.any(String));
    // It answers no You said item: the officer follows the plan's link to its page and moves it on.
    await officer.getByRole('link', { name: 'its We will in the action log', exact: true }).click();
    await officer.waitForURL(`**/action-log/actions/${published.commitments[0].actionId}`);
    await settled(officer);
    await officer.getByRole('button', { name: /^Update/ }).click();
    await officer.getByRole('combobox', { name: 'Move to' }).click();
    await officer.getByRole('option', { name: 'We will: in progress', exact: true }).click();
    await officer.getByRole('button', { name: /^Move/ }).click();
    await officer.getByText('Moved to We will: in progress.').waitFor();
    await expectAccessible(officer, 'a plan’s We will on its own page');
    await officer.goBack();
    await settled(officer);

    // A correction, published the same way (through the API this time): version 2, one sentence changed.
    let v2 = await api<PlanVersionResponse>(officer, server, 'post', `/api/plans/${v.planId}/versions`, {
      whatChanged: 'We said who you can ask.',
    });
    v2 = await api<PlanVersionResponse>(
      officer,
      server,
      'put',
      `/api/plans/versions/${v2.id}/sections/individual_work`,
      {
        expectedUpdatedAt: v2.updatedAt,
        professional: doc('How the council listens in individual work, and how it checks.'),
        childFriendly: doc(`${CHILD_TEXT('individual_work')} You can ask Sam at every review.`),
      },
    );
    for (const [by, to] of [
      [officer, 'scrutiny'],
      [leader, 'approved'],
      [officer, 'published'],
    ] as const)
      v2 = await api<PlanVersionResponse>(by, server, 'post', `/api/plans/versions/${v2.id}/moves`, {
        expectedUpdatedAt: v2.updatedAt,
        to,
      });
    expect(v2.number).toBe(2);

    // Anyone, signed out: the public page, in young people's words first, then professionals'.
    const visitor = await handle.newPage({ viewport: { width: 390, height: 844 } });
    await visitor.goto(`${server.url}/our-plan`);
    await settled(visitor);
    await expectAccessible(visitor, 'the public plans');
    await visitor
      .getByRole('link', { name: /^Read the plan/ })
      .first()
      .click();
    await visitor.getByText('You can ask Sam at every review.').waitFor();
    await expect(
      visitor.getByRole('button', { name: /For young people$/ }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await expectAccessible(visitor, 'the published plan, for young people');
    // The tagged PDF, made by the job once the version was published.
    const pdfHref = await visitor
      .getByRole('link', { name: 'Get it as a PDF', exact: true })
      .getAttribute('href');
    let pdf = await visitor.request.get(`${server.url}${pdfHref}`);
    for (let tries = 0; pdf.status() === 202 && tries < 120; tries++) {
      await new Promise((r) => setTimeout(r, 500));
      pdf = await visitor.request.get(`${server.url}${pdfHref}`);
    }
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await visitor.getByRole('button', { name: /For professionals$/ }).click();
    await visitor
      .getByText('How the council listens in individual work, and how it checks.')
      .first()
      .waitFor();

    // What changed between the two, word by word, marked in words and not by colour alone.
    await visitor.goto(`${server.url}/our-plan/compare?before=${v.id}&after=${v2.id}`);
    await settled(visitor);
    const added = visitor.locator('ins:visible').filter({ hasText: 'Sam' }).first();
    await added.waitFor();
    expect(await added.innerText()).toContain('You can ask Sam at every review.');
    await expectAccessible(visitor, 'the public comparison');

    // The staff comparison, and printed without the app's bar and menu.
    await officer.goto(`${server.url}/plans/compare?before=${v.id}&after=${v2.id}`);
    await settled(officer);
    await officer.locator('ins:visible').filter({ hasText: 'Sam' }).first().waitFor();
    await expectAccessible(officer, 'the staff comparison');
    await expect(officer.locator('.top-bar').isVisible()).resolves.toBe(true);
    await officer.emulateMedia({ media: 'print' });
    await expect(officer.locator('.top-bar').isVisible()).resolves.toBe(false);
    // On paper the comparison is one text with its changes in it.
    await expect(officer.locator('ins:visible').filter({ hasText: 'Sam' }).count()).resolves.toBeGreaterThan(
      0,
    );
    expect(handle.problems).toEqual([]);
  });

  it('next year’s plan drafts section C and its figures from the demo data, for the officer to edit', async () => {
    const officer = await handle.newPage();
    await signIn(officer, server, Role.ParticipationOfficer);
    // The year after the first test's plan is the plan's second year, so it has section C: what was
    // done in the first test's year, which is where the demo data lies.
    const year = Number(todayInLondon().slice(0, 4)) - (Number(todayInLondon().slice(5, 7)) < 4 ? 1 : 0);
    const { plans } = await api<PlanListResponse>(officer, server, 'get', '/api/plans');
    expect(plans.map((p) => p.year)).toContain(year);
    const next = await api<PlanVersionResponse>(officer, server, 'post', '/api/plans', { year: year + 1 });
    expect(next.yearOfPlan).toBe(2);
    await officer.goto(`${server.url}/plans/versions/${next.id}`);
    await settled(officer);
    const lastYear = officer.locator('#plan-section-last_year');
    await lastYear.getByRole('button', { name: 'Fill from the data', exact: true }).click();
    const table = lastYear.locator('table.plan-figures');
    await table.waitFor();
    // The demo's activity days were held in that year: the table shows the count the API made.
    const { figures } = await api<PlanFiguresResponse>(
      officer,
      server,
      'get',
      `/api/plans/${next.planId}/figures`,
    );
    expect(figures.empty).toBe(false);
    expect(figures.activityDays.held.value).toBeGreaterThan(0);
    const held = table.getByRole('row').filter({
      has: officer.getByRole('rowheader', { name: figures.activityDays.held.label, exact: true }),
    });
    await expect(held.getByRole('cell').nth(1).innerText()).resolves.toBe(
      String(figures.activityDays.held.value),
    );
    await expect(officer.locator('#plan-last_year-professional').inputValue()).resolves.not.toBe('');
    await expect(officer.locator('#plan-last_year-childFriendly').inputValue()).resolves.not.toBe('');
    await expectAccessible(officer, 'section C filled from the data');
    expect(handle.problems).toEqual([]);
  });
});
