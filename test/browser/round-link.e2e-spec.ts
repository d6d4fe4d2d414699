import { DEMO_USERS } from '@heard/api/app/demo/demo-data';
import { Role } from '@heard/domain';
import type { Page, Request } from 'playwright-core';
import type { SmtpSink } from '../api/support/smtp-sink';
import type { BrowserHandle } from './support/browser';
import { DEMO_EMAIL, expectAccessible, signIn } from './support/demo';
import type { RunningServer } from './support/server';
import { startServerBrowserAndMail } from './support/suite';

const CONTACT = DEMO_USERS.find((u) => u.role === Role.SeniorLeader) ?? DEMO_USERS[0];
const WORRY = 'Someone at my home scares me at night.';

/** Waits for the outbox to hand a worry mail to `to` over SMTP, and reads its body. */
async function mailTo(sink: SmtpSink, to: string, containing: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const bodies = sink.received
      .filter((m) => m.to.includes(to))
      .map((m) => m.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='));
    const found = bodies.find((b) => b.includes(containing));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No mail with "${containing}" reached ${to}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * A round's link on a phone, with no account: picture mode, answers sent once with no identity,
 * and "I'm worried about something", which reaches the safeguarding contact by email and on
 * their home page with the round and the activity day.
 */
describe('a round link, in a real browser on a phone-sized screen', () => {
  let server: RunningServer;
  let browser: BrowserHandle;
  let sink: SmtpSink;

  startServerBrowserAndMail((started) => {
    ({ server, browser, sink } = started);
  });

  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

  it('should take an anonymous answer in picture mode once, and send a worry to the safeguarding contact', async () => {
    // An administrator makes the senior leader a safeguarding contact.
    const admin = await browser.newPage();
    await signIn(admin, server, Role.Administrator);
    await admin.goto(`${server.url}/admin/users`);
    const toggle = admin.getByRole('switch', { name: new RegExp(`for worries: ${CONTACT.displayName}$`) });
    await toggle.click();
    await admin.getByText(`${CONTACT.displayName} is now a safeguarding contact`).waitFor();
    await expectAccessible(admin, 'users, safeguarding contact set');

    // An officer sets up a link round of a demo tool at the bowling day, and copies its link.
    const officer = await browser.newPage();
    await signIn(officer, server, Role.ParticipationOfficer);
    await officer.goto(`${server.url}/practice-tools`);
    await officer.getByRole('link', { name: 'Invitation-to-chair letter', exact: true }).waitFor();
    await expectAccessible(officer, 'practice tools');
    await officer.getByRole('link', { name: 'Invitation-to-chair letter', exact: true }).click();
    await officer.getByRole('heading', { level: 2, name: 'Versions' }).waitFor();
    await officer
      .getByRole('link', { name: /^Set up a round of / })
      .first()
      .waitFor();
    await expectAccessible(officer, 'practice tool with rounds');
    await officer
      .getByRole('link', { name: /^Set up a round of / })
      .first()
      .click();
    await officer.getByLabel('Title').fill('Chair letter at the bowling day');
    await officer.getByRole('combobox', { name: 'Where it is held' }).click();
    await officer.getByRole('option', { name: /^Activity day: Bowling and pizza/ }).click();
    await button(officer, 'Set up the round').click();
    await officer.getByRole('heading', { level: 1, name: 'The round is set up' }).waitFor();
    await officer.getByText('This link is shown only now.').waitFor();
    await expectAccessible(officer, 'round set up, link shown once');
    const link = await officer.getByLabel('Round link').inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/evaluate/`));
    await officer.getByRole('link', { name: 'Go to the round', exact: true }).click();
    await officer.waitForURL(/\/practice-tools\/rounds\/[0-9a-f-]{36}$/);
    const roundId = officer.url().split('/').pop() ?? '';
    await officer.getByRole('heading', { level: 1, name: 'Chair letter at the bowling day' }).waitFor();
    await expectAccessible(officer, 'round page');

    // A young person on a phone, with no account.
    const phone = await browser.newPage({ viewport: { width: 375, height: 667 } });
    const sent: Request[] = [];
    phone.on('request', (r) => {
      if (r.method() === 'POST') sent.push(r);
    });
    await phone.goto(link);
    await phone.getByRole('heading', { level: 1, name: 'Tell us what you think' }).waitFor();
    await phone.getByText('Chair letter at the bowling day').waitFor();
    await expectAccessible(phone, 'round link');
    const pictures = phone.getByRole('switch', { name: 'Pictures and big faces', exact: true });
    await pictures.click();
    // The switch's state is drawn by the next change detection, so wait for it rather than read it at once.
    await phone.getByRole('switch', { name: 'Pictures and big faces', exact: true, checked: true }).waitFor();
    await expectAccessible(phone, 'round link, picture mode');
    await phone
      .getByRole('group', { name: /What do you think of it\?/ })
      .getByRole('button', { name: 'Really good', exact: true })
      .click();
    await phone
      .getByRole('group', { name: /How easy was it to understand\?/ })
      .getByRole('button', { name: 'OK', exact: true })
      .click();
    await phone.locator('#answer-change').fill('Bigger pictures please');
    await phone.getByText('Before you send').waitFor();
    await button(phone, 'Send my answers').click();
    await phone.getByText('We got your answers.').waitFor();
    await expectAccessible(phone, 'round link, thank you');

    const answer = sent.find((r) => r.url().endsWith('/evaluations'));
    expect(answer?.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(answer?.postData() ?? '{}')).toEqual({
      pictureMode: true,
      answers: [
        { questionKey: 'overall', rating: 5 },
        { questionKey: 'easy-to-understand', rating: 3 },
        { questionKey: 'change', text: 'Bigger pictures please' },
      ],
    });
    // The phone has no session: nothing in what it sent says who it is.
    expect(await phone.context().cookies()).not.toEqual(
      expect.arrayContaining([expect.objectContaining({ name: expect.stringMatching(/session/i) })]),
    );
    const round = await officer.request.get(`${server.url}/api/evaluation-rounds/${roundId}`);
    const body = (await round.json()) as { evaluationCount: number; invitees: unknown[] };
    expect(body.evaluationCount).toBe(1);
    expect(body.invitees).toEqual([]);

    // "I'm worried about something": the words first, then it goes at once.
    await button(phone, "I'm worried about something").click();
    await phone.getByRole('heading', { level: 2, name: 'Tell us your worry' }).waitFor();
    await phone.getByText('Only they will see it.').waitFor();
    await expectAccessible(phone, 'round link, worry');
    await phone.getByLabel('What is worrying you?').fill(WORRY);
    await button(phone, 'Send my worry').click();
    await phone.getByText('Thank you for telling us.').waitFor();
    await phone.getByText('If you are in danger right now, call 999.').waitFor();
    await expectAccessible(phone, 'round link, worry sent');

    const mail = await mailTo(sink, DEMO_EMAIL[Role.SeniorLeader], WORRY);
    expect(mail).toMatch(/a young person using a round link \(no name given\)/);
    expect(mail).toContain(`Round: ${roundId}`);
    expect(mail).toMatch(/Bowling and pizza/);

    const contact = await browser.newPage();
    await signIn(contact, server, Role.SeniorLeader);
    await contact.getByRole('heading', { name: 'Worries to acknowledge' }).waitFor();
    await contact.getByText(WORRY).waitFor();
    await contact.getByText('A young person using a round link (no name given)').first().waitFor();
    // The home page names the round and the activity day by their ids; the email gives the day's title.
    await contact.getByText(`(round ${roundId})`).first().waitFor();
    await contact
      .getByText(/^Activity day \(/)
      .first()
      .waitFor();
    await expectAccessible(contact, 'safeguarding contact home');
  });
});
