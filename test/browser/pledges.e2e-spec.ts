import { PLEDGE_VERDICT_LABELS, Role, addDays, todayInLondon } from '@heard/domain';
import type { SmtpSink } from '../api/support/smtp-sink';
import { waitFor } from '../api/support/wait';
import type { BrowserHandle } from './support/browser';
import { expectAccessible, signIn, statusText } from './support/demo';
import type { RunningServer } from './support/server';
import { startServerBrowserAndMail } from './support/suite';
import { chooseOption } from './support/select';
import { chartDrawn, chartNamed } from './support/charts';

/** The demo senior leader and the demo young experts' group (apps/api/src/app/demo/demo-data.ts). */
const LEADER = 'Robin Ashdown';
const LEADER_EMAIL = 'leader@heard.example';
const GROUP = 'Young Experts';
const THEME = 'Transparency and managing expectations';
/** Made-up words with a marker unique to this test. */
const WORDS = 'Kestrel: every review meeting will start with what the young person wants to talk about.';
const UPDATE = 'Kestrel: two teams have changed their review agendas.';
const REASON = 'Kestrel: the other teams start next month.';
/** A demo You said item with its action (apps/api/src/app/demo/demo-action-log.ts). */
const ITEM = 'When my social worker changes, nobody tells me until the new one turns up.';
const ACTION = 'A short hello letter from the new worker before their first visit.';
const DONE = 'Kestrel: every team now starts reviews with what the young person wants to talk about.';
const FLAG = 'Flagged: the two views differ. The young people see this pledge as red; the leader as amber.';
/** Made a week ago with an update every 7 days: its first update is due today, so its reminder is owed now. */
const MADE_ON = addDays(todayInLondon(), -7);

/** The reminders about this test's pledge that have reached the leader over SMTP. */
function reminders(sink: SmtpSink): string[] {
  return sink.received
    .filter((m) => m.to.includes(LEADER_EMAIL) && m.raw.includes('an update on your pledge is due'))
    .map((m) => m.raw.replace(/=\r?\n/g, ''))
    .filter((raw) => raw.includes('Kestrel'));
}

/**
 * Issue 13 §1 in a real browser: an officer records a pledge the demo leader made at the
 * managers' forum, the leader signs in and confirms it, updates it to amber (a reason is asked
 * for, then given), a young expert says it was not kept (red), the officer writes down the
 * group's view, and the flag shows on the officer's pledge page and the leader's home. The
 * officer links it to a You said item and its action, and the leader marks it completed. The
 * reminder that the first update is due reaches the leader by email, once. axe at every step.
 */
describe('a pledge rated by both sides', () => {
  let server: RunningServer;
  let browser: BrowserHandle;
  let sink: SmtpSink;

  // The daily jobs look every second from midnight on, so the reminder goes as soon as it is owed.
  startServerBrowserAndMail(
    (started) => {
      ({ server, browser, sink } = started);
    },
    { JOB_LOOK_MS: '1000', CHASE_HOUR: '0' },
  );

  it('should be recorded, confirmed, updated to amber, rated red by a young expert, flagged on both sides, linked and completed', async () => {
    // 1. The officer records it at the managers' forum, made to the Young Experts.
    const officer = await browser.newPage();
    await signIn(officer, server, Role.ParticipationOfficer);
    await officer.goto(`${server.url}/pledges`);
    await officer.getByRole('link', { name: 'Record a pledge' }).click();
    await officer.getByRole('heading', { level: 1, name: 'Record a pledge' }).waitFor();
    await chooseOption(officer, officer.getByRole('combobox', { name: 'Senior leader' }), LEADER);
    await officer.getByLabel('Their role').fill('Director of Children’s Services');
    await officer.getByLabel('Where it was made').fill('Managers’ forum');
    await officer.getByLabel('Date it was made').fill(MADE_ON);
    await officer.getByLabel('Days between updates').fill('7');
    await chooseOption(officer, officer.getByRole('combobox', { name: /^Group it was made to/ }), GROUP);
    await officer.getByLabel('What was pledged').fill(WORDS);
    await chooseOption(officer, officer.getByRole('combobox', { name: 'Theme' }), THEME);
    await officer.getByLabel('Target date').fill(addDays(todayInLondon(), 90));
    await expectAccessible(officer, 'recording a pledge');
    await officer.getByRole('button', { name: 'Record the pledge' }).click();
    await officer.getByRole('heading', { level: 1, name: `Pledge by ${LEADER}` }).waitFor();
    await officer.getByText('who has not confirmed it yet.').waitFor();
    const pledgeUrl = officer.url();
    // Nobody rates a pledge its leader has not confirmed: the group's view waits too.
    expect(await officer.getByRole('heading', { name: 'Record a group’s view' }).count()).toBe(0);
    await expectAccessible(officer, 'a pledge waiting for its leader, as the officer sees it');

    // 2. The leader confirms it.
    const leader = await browser.newPage();
    await signIn(leader, server, Role.SeniorLeader);
    await leader.goto(pledgeUrl);
    await leader.getByRole('heading', { level: 2, name: 'Is this your pledge?' }).waitFor();
    await expectAccessible(leader, 'a pledge for its leader to confirm');
    await leader.getByRole('radio', { name: 'Yes, I made this pledge' }).check();
    await leader.getByRole('button', { name: 'Send my answer' }).click();
    expect(await statusText(leader, /^Confirmed/)).toBe('Confirmed: this pledge is yours.');
    // Confirmed, the pledge's first update (a week after it was made) is due today: the morning
    // job emails the leader through the outbox (it passes over pledges not yet confirmed).
    await waitFor(() => reminders(sink).length > 0, 'the pledge reminder to reach the leader');
    expect(reminders(sink)).toHaveLength(1);
    expect(reminders(sink)[0]).toContain(`is due on ${addDays(MADE_ON, 7)}`);

    // 3. The leader updates it to amber: the form asks for the reason first.
    const progress = leader.locator('#pledge-progress');
    await progress.getByRole('heading', { level: 2, name: 'Add a progress update' }).waitFor();
    await progress.getByLabel('What has happened').fill(UPDATE);
    await progress.getByLabel('Evidence (optional)').fill('The new agendas.');
    await chooseOption(leader, progress.getByRole('combobox', { name: 'Red, amber or green' }), 'Amber');
    await progress.getByRole('button', { name: 'Add the update' }).click();
    await progress.getByText('Say why this pledge is amber now.').waitFor();
    await expectAccessible(leader, 'a colour change without its reason');
    await progress.getByLabel('Why it is this colour now').fill(REASON);
    await progress.getByRole('button', { name: 'Add the update' }).click();
    expect(await statusText(leader, /^Update added/)).toBe('Update added. The pledge is amber.');
    await leader.getByText(`Now amber: ${REASON}`).waitFor();
    await expectAccessible(leader, 'a confirmed pledge, amber');

    // 4. A young expert says it was not kept.
    const young = await browser.newPage();
    await signIn(young, server, Role.YoungExpert);
    await young.goto(`${server.url}/my-space`);
    await young.getByRole('link', { name: 'Leaders’ promises', exact: true }).click();
    await young.getByRole('heading', { level: 1, name: 'Leaders’ promises', exact: true }).waitFor();
    const promise = young.getByRole('listitem').filter({ hasText: WORDS });
    await promise.waitFor();
    await expectAccessible(young, 'leaders’ promises');
    await promise.getByRole('radio', { name: PLEDGE_VERDICT_LABELS.not_kept }).check();
    await promise.getByLabel('Tell us more').fill('My last review still started with the forms.');
    await promise.getByRole('button', { name: 'Send' }).click();
    await promise.getByText('Thank you. We got it.').waitFor();
    await promise.getByText(`You said: ${PLEDGE_VERDICT_LABELS.not_kept}.`).waitFor();
    await expectAccessible(young, 'a promise rated');

    // 5. The officer writes down what the Young Experts said at their last session: partly. With the
    // young expert's "not kept" the young people's colour is still red (the worse of the two middles).
    await officer.reload();
    const groupView = officer.locator('#pledge-group-view');
    await groupView.getByRole('heading', { level: 2, name: 'Record a group’s view' }).waitFor();
    await chooseOption(officer, groupView.getByRole('combobox', { name: 'Session' }));
    await groupView.getByRole('radio', { name: PLEDGE_VERDICT_LABELS.partly }).check();
    await groupView
      .getByLabel('What the group said')
      .fill('Kestrel: some reviews start with us now, not all.');
    await groupView.getByRole('button', { name: 'Record the group’s view' }).click();
    expect(await statusText(officer, /^The group/)).toBe('The group’s view is recorded.');

    // 6. The flag on the officer's pledge page...
    await officer.getByTestId('pledge-flag').waitFor();
    expect((await officer.getByTestId('pledge-flag').innerText()).trim()).toBe(FLAG);
    await officer.getByText('A young expert: No, it was not kept.').waitFor();
    await officer.getByText(`${GROUP}: Partly.`).waitFor();
    await expectAccessible(officer, 'a flagged pledge, as the officer sees it');

    // 7. ...and on the leader's home, under their pledges.
    await leader.goto(`${server.url}/home`);
    const yours = leader.locator('heard-leader-pledges');
    const differing = yours
      .getByRole('list', { name: 'Where the young people see it differently' })
      .getByRole('listitem')
      .filter({ hasText: WORDS });
    await differing.waitFor();
    expect((await differing.innerText()).trim()).toBe(
      `${WORDS} The young people see this pledge as red; the leader as amber.`,
    );
    // Below their pledges, the programme's figures as charts, each drawn and with its table of the
    // same numbers (the demo has actions under several themes and a day with invitations).
    for (const caption of ['Actions by theme', 'Young people invited, who said yes and who came']) {
      const table = leader.getByRole('table', { name: caption, exact: true });
      await table.waitFor();
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
      await chartDrawn(chartNamed(leader, caption));
    }
    await expectAccessible(leader, 'the leader’s home with a flagged pledge and its charts');

    // 8. The officer links it to what a young person said and the action taken about it. (The demo
    // leader is linked to no young person, so the action log shows them no item to link: the
    // access policy's rule, which the pledge's page keeps.)
    await officer.reload();
    const linking = officer.locator('#pledge-link');
    await linking.getByRole('combobox', { name: 'You said item' }).fill('social worker');
    await officer.getByRole('option', { name: new RegExp(`^${ITEM}`) }).click();
    await chooseOption(officer, linking.getByRole('combobox', { name: 'Action (optional)' }), ACTION);
    await linking.getByRole('button', { name: 'Link it' }).click();
    expect(await statusText(officer, /^The pledge is linked/)).toBe('The pledge is linked to the action.');
    const linked = officer.locator('#pledge-links ul.links');
    await linked.getByRole('link', { name: ACTION }).waitFor();
    expect(await linked.getByRole('link', { name: ITEM }).getAttribute('href')).toMatch(
      /^\/action-log\/items\/[0-9a-f-]{36}$/,
    );
    await expectAccessible(officer, 'a pledge linked to a You said item and its action');

    // 9. The leader sees the links on their pledge, and marks it completed.
    await leader.goto(pledgeUrl);
    await leader.locator('#pledge-links ul.links').getByText('A You said item you cannot open.').waitFor();
    const ending = leader.locator('#pledge-ending');
    await ending.getByRole('radio', { name: 'Completed: it has been done' }).check();
    await ending.getByLabel('What was done (optional)').fill(DONE);
    await ending.getByRole('button', { name: 'Mark it completed' }).click();
    expect(await statusText(leader, /^This pledge is now/)).toBe('This pledge is now “Completed”.');
    await leader.getByText(`Completed: ${DONE}`).waitFor();
    expect(await leader.locator('#pledge-progress').count()).toBe(0);
    await expectAccessible(leader, 'a completed pledge');

    // 10. Still the one reminder: the jobs have looked every second since, the leader's update
    // moved the next one a week on, and a completed pledge is reminded no more.
    expect(reminders(sink)).toHaveLength(1);

    await young.close();
    await leader.close();
    await officer.close();
  });
});
