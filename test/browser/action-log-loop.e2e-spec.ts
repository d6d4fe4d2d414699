import { Role, addDays, todayInLondon } from '@heard/domain';
import type { Page } from 'playwright-core';
import type { ReceivedMail, SmtpSink } from '../api/support/smtp-sink';
import { waitFor } from '../api/support/wait';
import { api } from './support/api';
import type { BrowserHandle } from './support/browser';
import { expectAccessible, signIn, statusText } from './support/demo';
import type { RunningServer } from './support/server';
import { startServerBrowserAndMail } from './support/suite';
import { chooseOption } from './support/select';

/** Demo young people (apps/api/src/app/demo/demo-council.ts), linked to the demo practitioner. */
const AMARA = 'Amara'; // agreed to email
const MAYA = 'Maya'; // has an email, but only through their trusted adult
const PRACTITIONER = 'Jordan Pike';
const AMARA_EMAIL = 'amara@young.heard.example';
const SUBJECT = 'What happened after you spoke to us';
/** Made-up words with a marker unique to this test. */
const SAID = 'Osprey: the youth centre closes too early on Fridays.';
const WE_WILL = 'Keep the youth centre open until nine on Fridays';
const FIRST_WORDS = 'Osprey first: we are talking to the centre about later Fridays.';
const SECOND_WORDS = 'Osprey second: the centre now stays open until nine on Fridays.';

/** The loop emails sent to `to` so far, their soft line breaks undone. */
function loopMails(sink: SmtpSink, to: string): string[] {
  return sink.received
    .filter((m: ReceivedMail) => m.to.includes(to) && m.raw.includes(SUBJECT))
    .map((m) => m.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='));
}

/** Waits for the outbox to hand the `count`th loop email to `to` over SMTP, and reads its body. */
async function loopMail(sink: SmtpSink, to: string, count: number): Promise<string> {
  await waitFor(() => loopMails(sink, to).length >= count, `email ${count} about the loop to reach ${to}`);
  return loopMails(sink, to)[count - 1];
}

async function youngPersonId(page: Page, server: RunningServer, name: string): Promise<string> {
  const found = await api<{ items: { id: string; preferredName: string }[] }>(
    page,
    server,
    'get',
    `/api/young-people?q=${name}`,
  );
  const person = found.items.find((p) => p.preferredName === name);
  if (!person) throw new Error(`The demo data has no ${name}`);
  return person.id;
}

/**
 * Issue 12 §3–4 in a real browser: an officer answers an acknowledged item with a We will, sends
 * the drafted message (one young person is emailed through a real SMTP listener, the other's
 * trusted adult has it on their list), moves the action to We did, is told they must tell them
 * again, sends again, and closes the loop. axe on the item page at each step.
 */
describe('closing the loop on a You said item', () => {
  let server: RunningServer;
  let browser: BrowserHandle;
  let sink: SmtpSink;

  startServerBrowserAndMail((started) => {
    ({ server, browser, sink } = started);
  });

  it('should tell the young people, tell them again when it is done, and close the loop', async () => {
    const page = await browser.newPage();
    await signIn(page, server, Role.ParticipationOfficer);
    const amara = await youngPersonId(page, server, AMARA);
    const maya = await youngPersonId(page, server, MAYA);
    const item = await api<{ id: string }>(page, server, 'post', '/api/action-log/items', {
      source: 'young_person',
      saidOn: todayInLondon(),
      channel: 'in_person',
      summary: SAID,
      youngPersonIds: [amara, maya],
    });
    await api(page, server, 'post', `/api/action-log/items/${item.id}/acknowledge`, {});

    // 1. The item page: no answer yet, and who will hear how.
    await page.goto(`${server.url}/action-log/items/${item.id}`);
    await page.getByRole('heading', { level: 1, name: 'You said item' }).waitFor();
    const actions = page.locator('heard-item-actions');
    const loop = page.locator('heard-item-loop');
    await actions.getByText('Nothing answers this item yet.').waitFor();
    await loop.getByText(`${AMARA}: By email`).waitFor();
    await loop.getByText(`${MAYA}: Their trusted adult passes it on (${PRACTITIONER})`).waitFor();
    await page.getByText('Stage: To answer.').waitFor();
    await expectAccessible(page, 'an acknowledged item with no answer');

    // 2. A We will, owned by the officer, with a date.
    await chooseOption(page, actions.getByRole('combobox', { name: 'Answer' }), 'We will');
    await actions.getByLabel('What we did, will do or can’t do').fill(WE_WILL);
    await actions.getByLabel('Done by').fill(addDays(todayInLondon(), 30));
    await actions.getByRole('button', { name: 'Save the answer' }).click();
    expect(await statusText(actions, /^Answered/)).toBe('Answered: We will: planned.');
    await actions.getByRole('heading', { level: 3, name: `We will: planned: ${WE_WILL}` }).waitFor();
    await loop.getByText('not told yet.').waitFor();
    const message = loop.getByLabel('Message to the young people');
    await message.waitFor();
    expect(await message.inputValue()).toContain('We will do this:');
    await expectAccessible(page, 'an item with a We will to tell');

    // 3. The officer adds a line to the draft and sends it.
    await message.fill(`${FIRST_WORDS}\n\n${await message.inputValue()}`);
    await loop.getByRole('button', { name: 'Send to the young people' }).click();
    expect(await statusText(loop, /^Sent/)).toBe(
      'Sent. Emailed: 1. For a trusted adult to pass on: 1. To read out at a session: 0. To tell in person: 0.',
    );
    await loop.getByText('everyone has been told.').waitFor();
    const first = await loopMail(sink, AMARA_EMAIL, 1);
    expect(first).toContain(`Hello ${AMARA},`);
    expect(first).toContain(FIRST_WORDS);
    await expectAccessible(page, 'an item whose We will has been told');

    // The trusted adult has Maya's message on their list to pass on.
    const adult = await browser.newPage();
    await signIn(adult, server, Role.Practitioner);
    const toPassOn = async () =>
      (
        await api<{ itemId: string; youngPerson: { preferredName: string }; message: string }[]>(
          adult,
          server,
          'get',
          '/api/me/to-pass-on',
        )
      ).filter((e) => e.itemId === item.id);
    expect(await toPassOn()).toEqual([
      expect.objectContaining({
        youngPerson: expect.objectContaining({ preferredName: MAYA }),
        message: expect.stringContaining(FIRST_WORDS),
      }),
    ]);

    // 4. It is done: the answer changed, so they must be told again.
    await actions.getByRole('button', { name: /^Update/ }).click();
    await chooseOption(page, actions.getByRole('combobox', { name: /^Move/ }), 'We did');
    await actions.getByRole('button', { name: /^Move/ }).click();
    expect(await statusText(actions, /^Moved/)).toBe('Moved to We did.');
    await loop.getByText('the answer changed: they must be told again.').waitFor();
    await expectAccessible(page, 'an item whose answer changed after it was told');

    await message.waitFor();
    expect(await message.inputValue()).toContain('We did this:');
    await message.fill(`${SECOND_WORDS}\n\n${await message.inputValue()}`);
    await loop.getByRole('button', { name: 'Send to the young people' }).click();
    expect(await statusText(loop, /^Sent/)).toBe(
      'Sent. Emailed: 1. For a trusted adult to pass on: 1. To read out at a session: 0. To tell in person: 0.',
    );
    await loop.getByText('everyone has been told.').waitFor();
    const second = await loopMail(sink, AMARA_EMAIL, 2);
    expect(second).toContain(`Hello ${AMARA},`);
    expect(second).toContain(SECOND_WORDS);
    expect((await toPassOn()).map((e) => e.message)).toEqual(
      expect.arrayContaining([expect.stringContaining(FIRST_WORDS), expect.stringContaining(SECOND_WORDS)]),
    );
    expect(await toPassOn()).toHaveLength(2);
    await expectAccessible(page, 'an item whose We did has been told');

    // 5. Close the loop: the item is closed.
    await loop.getByRole('button', { name: 'Close the loop' }).click();
    expect(await statusText(loop, /^The loop/)).toBe('The loop is closed.');
    await page.getByText('Stage: Closed.').waitFor();
    await loop.getByRole('button', { name: 'Reopen this item' }).waitFor();
    await expectAccessible(page, 'a closed item');
    await adult.close();
    await page.close();
  });
});
