import {
  type AuditEventResponse,
  type InvitationSuggestionsResponse,
  Role,
  addDays,
  todayInLondon,
} from '@heard/domain';
import type { Page } from 'playwright-core';
import { api } from './support/api';
import { BrowserHandle, launchBrowser } from './support/browser';
import { expectAccessible, signIn, statusText } from './support/demo';
import { RunningServer, startServer } from './support/server';
import { Signal, signalTo } from './support/signal';

/** Made-up names, unique to this test. */
const DAY = 'Browser Test Bowling Without Signal';
const ROUND = 'How was the bowling?';

interface Person {
  id: string;
  preferredName: string;
}

/** Waits until `check` holds, or says what it was waiting for. */
async function until(what: string, check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Whether the service worker holds every file of the app: then Heard opens with no signal. */
function appKept(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    if (!navigator.serviceWorker.controller) return false;
    const manifest = (await (await fetch('/ngsw.json?ngsw-bypass=true', { cache: 'no-store' })).json()) as {
      assetGroups: { name: string; urls: string[] }[];
    };
    const urls = manifest.assetGroups.find((g) => g.name === 'app')?.urls ?? [];
    for (const name of await caches.keys()) {
      if (!name.endsWith(':app:cache')) continue;
      const cache = await caches.open(name);
      if ((await Promise.all(urls.map((u) => cache.match(u)))).every(Boolean)) return true;
    }
    return false;
  });
}

describe('on the day without signal', () => {
  let handle: BrowserHandle;
  let server: RunningServer;
  let signal: Signal;

  beforeAll(async () => {
    handle = await launchBrowser();
    server = await startServer();
    signal = await signalTo(server);
  });

  afterAll(async () => {
    await handle?.close();
    await signal?.close();
    await server?.stop();
  });

  it('gets ready, opens the day sheet, register and evaluations after a reload offline, and sends every change once when signal returns', async () => {
    // The browser only ever reaches Heard through the relay, so cutting it is "no signal".
    const heard: RunningServer = { ...server, url: signal.url };
    const page = await handle.newPage({ serviceWorkers: 'allow', viewport: { width: 412, height: 915 } });
    const context = page.context();
    await signIn(page, heard, Role.ParticipationOfficer);
    const officer = await api<{ user: { id: string } }>(page, heard, 'get', '/api/auth/session');

    // Today's activity day: ten demo young people invited, an evaluation round for three.
    const today = todayInLondon();
    const day = await api<{ id: string }>(page, heard, 'post', '/api/activities', {
      title: DAY,
      date: today,
      startTime: '00:00',
      endTime: '23:59',
      cohort: { minAge: 10, maxAge: 25 },
    });
    // Each invited the way Heard suggests for them (their own channel, or a trusted adult).
    const suggestions = await api<InvitationSuggestionsResponse>(
      page,
      heard,
      'get',
      `/api/activities/${day.id}/suggestions`,
    );
    const invitees = suggestions.suggested.slice(0, 10);
    expect(invitees).toHaveLength(10);
    const people: Person[] = invitees.map((s) => s.youngPerson);
    await api(page, heard, 'post', '/api/invitations', {
      target: { kind: 'activity_day', id: day.id },
      invitees: invitees.map((s) => ({
        youngPersonId: s.youngPerson.id,
        channel: s.channel,
        viaTrustedAdultId: s.viaTrustedAdult?.id ?? null,
      })),
    });
    const tools = await api<{ items: { id: string; stage: string; versionCount: number }[] }>(
      page,
      heard,
      'get',
      '/api/practice-tools?pageSize=100',
    );
    const toolId = tools.items.find((t) => t.stage !== 'retired' && t.versionCount > 0)?.id;
    const tool = await api<{ versions: { id: string }[] }>(
      page,
      heard,
      'get',
      `/api/practice-tools/${toolId}`,
    );
    const evaluated = people.slice(0, 3);
    const round = await api<{ id: string }>(page, heard, 'post', '/api/evaluation-rounds', {
      toolVersionId: tool.versions[0].id,
      title: ROUND,
      occasion: { kind: 'activity_day', id: day.id },
      opensOn: today,
      closesOn: addDays(today, 7),
      audience: 'named',
      youngPersonIds: evaluated.map((p) => p.id),
    });

    // With signal: the app is kept by its service worker, then the officer gets ready for the day.
    const dayUrl = `${heard.url}/activities/${day.id}`;
    await page.goto(dayUrl);
    await page.getByRole('heading', { name: DAY, level: 1 }).waitFor();
    await until('the service worker to keep the whole app', () => appKept(page), 90_000);
    await page.getByRole('button', { name: 'Get ready for the day' }).click();
    expect(await statusText(page, /Ready for the day/)).toBe(
      'Ready for the day. Kept on this device: the day sheet, the register and 1 evaluation round.',
    );
    await page.getByText('Heard itself is kept on this device too, so it opens without signal.').waitFor();
    await expectAccessible(page, 'the activity day, ready for the day');

    // No signal, for the page and its service worker alike; then a reload.
    signal.cut();
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: DAY, level: 1 }).waitFor();

    // The day sheet opens from the device.
    await page.getByRole('link', { name: 'Day sheet' }).click();
    await page.getByRole('heading', { name: 'Who is coming' }).waitFor();
    await expectAccessible(page, 'the day sheet, without signal');
    await page.goBack();
    await page.getByRole('heading', { name: DAY, level: 1 }).waitFor();

    // The register: ten marks, each kept on the device.
    await page.getByRole('tab', { name: 'Attendance' }).click();
    for (const person of people) {
      await page
        .getByRole('radiogroup', { name: `Did ${person.preferredName} come?` })
        .getByRole('radio', { name: 'Came' })
        .check();
    }
    await until(
      'ten marks kept',
      async () => (await page.getByText('Not sent yet', { exact: true }).count()) === 10,
    );
    expect(await statusText(page, /Not sent yet: 10 changes/)).toBe('Not sent yet: 10 changes');

    // Three evaluations, entered from the day's page.
    await page.getByRole('link', { name: `Enter evaluations: ${ROUND}` }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    for (const [n, person] of evaluated.entries()) {
      await page.getByLabel('Young person').selectOption(person.id);
      await page
        .getByRole('group')
        .first()
        .getByRole('button', { name: n === 0 ? 'Good' : 'OK', exact: true })
        .click();
      await page.getByRole('button', { name: 'Save and next' }).click();
      await until(
        `evaluation ${n + 1} kept`,
        async () =>
          (await page
            .getByRole('status')
            .filter({ hasText: `Not sent yet: ${11 + n} changes` })
            .count()) > 0,
      );
    }
    await expectAccessible(page, 'entering evaluations, without signal');

    // The page is closed and opened again, still without signal: nothing was lost.
    await page.close();
    const again = await context.newPage();
    await again.goto(dayUrl);
    await again.getByRole('heading', { name: DAY, level: 1 }).waitFor();
    expect(await statusText(again, /Not sent yet/)).toBe('Not sent yet: 13 changes');

    // Signal returns: the outbox sends everything, in order, once.
    const backOnline = Date.now();
    signal.restore();
    await context.setOffline(false);
    // On a busy machine the first try may find the link not yet up; the outbox tries again by itself.
    await until(
      'the banner to say all sent',
      async () =>
        (await again
          .getByRole('status')
          .filter({ hasText: /^All sent$/ })
          .count()) === 1,
      120_000,
    );

    const invitations = await api<{ youngPerson: { id: string }; status: string }[]>(
      again,
      heard,
      'get',
      `/api/activities/${day.id}/invitations`,
    );
    expect(
      invitations
        .filter((i) => i.status === 'attended')
        .map((i) => i.youngPerson.id)
        .sort(),
    ).toEqual(people.map((p) => p.id).sort());
    const evaluations = await api<{ youngPersonId: string | null }[]>(
      again,
      heard,
      'get',
      `/api/evaluation-rounds/${round.id}/evaluations`,
    );
    expect(evaluations.map((e) => e.youngPersonId).sort()).toEqual(evaluated.map((p) => p.id).sort());

    // The audit log: who did each change, when it was done on the device, and when it arrived.
    const admin = await handle.newPage();
    await signIn(admin, heard, Role.Administrator);
    const audit = await api<{ items: AuditEventResponse[] }>(
      admin,
      heard,
      'get',
      `/api/audit?actorUserId=${officer.user.id}&pageSize=200`,
    );
    const offline = audit.items.filter((e) => e.deviceTime !== null);
    expect(offline.filter((e) => e.entityType === 'evaluation')).toHaveLength(3);
    expect(offline.filter((e) => e.entityType === 'invitation')).toHaveLength(10);
    for (const event of offline) {
      expect(event.actorUserId).toBe(officer.user.id);
      // Done on the device before signal returned; arrived after.
      expect(Date.parse(event.deviceTime ?? '')).toBeLessThan(backOnline);
      expect(Date.parse(event.at)).toBeGreaterThanOrEqual(backOnline - 1000);
    }

    // One bar and no data: the browser still says it is online, only the link is down. The day still
    // opens from the device, because no answer at all (not a worker's 504) is what the pages look for.
    signal.cut();
    await again.reload();
    await again.getByRole('heading', { name: DAY, level: 1 }).waitFor();
    expect(await again.evaluate(() => navigator.onLine)).toBe(true);
    signal.restore();

    // The session ends (here through the API; an administrator ending it for a lost phone, or its
    // expiry, ends it the same way): the next time the device has signal, Heard learns nobody is
    // signed in and takes the day off it.
    const keptAnswers = () =>
      again.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const opened = indexedDB.open('heard-day');
            opened.onerror = () => reject(opened.error);
            opened.onsuccess = () => {
              const count = opened.result.transaction('answers').objectStore('answers').count();
              count.onsuccess = () => {
                opened.result.close();
                resolve(count.result);
              };
            };
          }),
      );
    expect(await keptAnswers()).toBeGreaterThan(0);
    await api(again, heard, 'post', '/api/auth/sign-out');
    await again.reload();
    await again.waitForURL(/\/sign-in/);
    await until('the kept day to be wiped', async () => (await keptAnswers()) === 0, 30_000);
    expect(handle.problems).toEqual([]);
  });
});
