import { InvitationChannel, RsvpView, Role, addDays, todayInLondon } from '@heard/domain';
import { AnswerLinks } from '@heard/api/app/invitations/answer-link';
import {
  ANSWER_PAGE_CSS_HASH,
  invitePage,
  problemPage,
  thanksPage,
} from '@heard/api/app/invitations/answer-page.html';
import { ANSWER_PAGE_WORDS } from '@heard/api/app/invitations/answer-pages';
import { ShortCodes, formatShortCode } from '@heard/api/app/invitations/short-codes';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type request from 'supertest';
import { activityRequest, contactPreferences, createYoungPerson } from './support/factories';
import { SignedInClient, TestApp, createTestApp } from './support/test-app';

const FORM = 'application/x-www-form-urlencoded';

/** The page's text as a reader meets it: tags gone, entities read, spaces collapsed. */
function words(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function expectPage(res: request.Response, status: number): void {
  expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
    status,
    type: expect.stringMatching(/^text\/html/),
  });
  expect(res.text).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
  expect(res.text).not.toMatch(/<script/i);
  expect(res.headers['cache-control']).toBe('no-store');
  const csp = String(res.headers['content-security-policy']);
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain(`style-src ${ANSWER_PAGE_CSS_HASH}`);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("form-action 'self'");
}

const SAMPLE: RsvpView = {
  firstName: 'Jodie',
  kind: 'activity_day',
  title: 'Summer trip to the climbing wall',
  dateWords: 'Saturday 4 July 2026',
  startTime: '10:00',
  endTime: '15:00',
  timeWords: "from 10 o'clock in the morning to 3 o'clock in the afternoon",
  askedAbout: null,
  transport: null,
  photosWords: null,
  contact: { name: null, phone: null },
  venue: 'Peak Climbing Centre, Mill Lane',
  accessibility: null,
  answer: null,
  statusWords: 'Can you come? Tell us yes or no',
  canStillChange: true,
  waitingListPosition: null,
  cancelled: false,
  closed: false,
};

describe('the answer page’s own words', () => {
  const at = { base: 'rsvp', token: 'abc.def' };
  const pages = [
    invitePage(SAMPLE, at),
    invitePage({ ...SAMPLE, cancelled: true, canStillChange: false }, at),
    invitePage({ ...SAMPLE, closed: true, canStillChange: false, answer: 'yes' }, at),
    invitePage(SAMPLE, at, ANSWER_PAGE_WORDS.notSaved),
    thanksPage({ ...SAMPLE, answer: 'yes', statusWords: 'You said yes. See you there!' }, at),
    thanksPage({ ...SAMPLE, answer: 'waiting_list', waitingListPosition: 2 }, at),
    thanksPage({ ...SAMPLE, answer: 'no' }, at),
    thanksPage({ ...SAMPLE, answer: 'no' }, at, { told: 'why' }),
    ...Object.values(ANSWER_PAGE_WORDS).map((w) => problemPage(w, at)),
  ];
  /** Each block a reader meets on its own: headings, paragraphs, terms, answers, labels. */
  const blocks = pages.flatMap((html) =>
    [...html.matchAll(/<(h1|h2|p|dt|dd|button|label)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => words(m[2])),
  );

  // Their reading level is measured in young-people-readability.integration-spec.ts (ANSWER_PAGE_WORDS).
  it('should keep every sentence short enough for a 10-year-old', () => {
    expect(blocks.length).toBeGreaterThan(40);
    const long = blocks
      .flatMap((block) => block.split(/[.!?]/))
      .map((sentence) => sentence.trim())
      .filter((sentence) => sentence.split(' ').length > 16);
    expect(long).toEqual([]);
  });

  it('should offer Yes and No equally, with no nudges and none of the staff’s words', () => {
    const html = invitePage(SAMPLE, at);
    expect(html.match(/<button[^>]*>/g)).toEqual([
      '<button type="submit" name="answer" value="yes">',
      '<button type="submit" name="answer" value="no">',
    ]);
    expect(html).not.toMatch(/checked|aria-pressed|autofocus|class="[^"]*(primary|selected)/);
    for (const text of pages.map(words)) {
      expect(text.toLowerCase()).not.toMatch(/\b(recommended|hurry|only \d+ left|points?|streaks?)\b/);
      expect(text).not.toMatch(/cohort|consent|invitation|invitee|RSVP|token|status|channel/i);
    }
  });
});

describe("the young person's answer page, rendered on the server", () => {
  let t: TestApp;
  let officer: SignedInClient;
  const today = todayInLondon();

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
  });
  afterAll(() => t.close());

  async function invited(
    name = 'Amara',
    activity: Record<string, unknown> = {},
  ): Promise<{ id: string; token: string }> {
    const day = await officer.post(
      '/api/activities',
      activityRequest({
        title: 'Bowling and pizza',
        venue: 'Lanes Bowling, High Street',
        transport: 'Minibus from the civic centre at 12:30',
        ...activity,
      }),
    );
    expect(day.status).toBe(201);
    const person = await createYoungPerson(officer, {
      preferredName: name,
      contact: contactPreferences({ email: `${Math.random().toString(36).slice(2)}@young.example` }),
    });
    const res = await officer.post('/api/invitations', {
      target: { kind: 'activity_day', id: day.body.id },
      invitees: [{ youngPersonId: person.id, channel: InvitationChannel.Email }],
    });
    expect(res.status).toBe(201);
    const id = res.body.created[0].id as string;
    return { id, token: t.app.get(AnswerLinks).tokenFor(id) };
  }

  const row = async (id: string) =>
    (
      await t.db.query(`SELECT status, decline_reason, answered_at FROM invitations WHERE id = $1`, [id])
    )[0] as { status: string; decline_reason: string | null; answered_at: Date | null };
  const auditFor = async (id: string) =>
    (
      await t.db.query(
        `SELECT action, actor_user_id, detail FROM audit_events WHERE entity_id = $1 ORDER BY at, id`,
        [id],
      )
    ).map((r: { action: string; actor_user_id: string | null; detail: unknown }) => r);
  const everything = async () =>
    (
      await t.db.query(
        `SELECT (SELECT count(*)::int FROM audit_events) AS audit, (SELECT count(*)::int FROM mail_outbox) AS mail,
                (SELECT string_agg(id || status || coalesce(decline_reason, ''), ',' ORDER BY id) FROM invitations) AS invitations`,
      )
    )[0];

  it('should send the whole invite as HTML, with no script, in plain words', async () => {
    const { token } = await invited();
    const res = await t.anonymous().get(`/rsvp/${token}`);
    expectPage(res, 200);
    expect(res.text).toContain('<title>Your invite</title>');
    const text = words(res.text);
    expect(text).toContain('Hi Amara');
    expect(text).toContain('You are invited to: Bowling and pizza');
    expect(text).toContain('When ');
    expect(text).toContain('Where Lanes Bowling, High Street');
    expect(text).toContain('Getting there Minibus from the civic centre at 12:30');
    expect(text).toContain('You have not answered yet.');
    expect(text).toContain('Can you come? Pick one. You can change your answer until the day.');
    expect(text).not.toMatch(/cohort|consent|invitation|invitee|RSVP|token|status|channel/i);
    // One form, two equal submit buttons, grouped and named by the question.
    expect(res.text).toContain(`<form method="post" action="/rsvp/${token}">`);
    expect(res.text).toMatch(/<fieldset>\s*<legend><h2>Can you come\?<\/h2><\/legend>/);
    expect(res.text).toContain('<button type="submit" name="answer" value="yes">Yes, I’ll come</button>');
    expect(res.text).toContain('<button type="submit" name="answer" value="no">No, I can’t come</button>');
    // The JSON endpoint says the same about the same invite.
    const json = await t.anonymous().get(`/api/rsvp/${token}`);
    expect(text).toContain(json.body.dateWords);
    expect(text).toContain(json.body.timeWords.charAt(0).toUpperCase() + json.body.timeWords.slice(1));
  });

  it('should show a name and title with <script> in them as text, never as markup', async () => {
    const { token } = await invited('<script>alert(1)</script>Jo', {
      title: '<img src=x onerror=alert(2)> & "friends"',
      venue: "Hall <b>B</b> 'east'",
    });
    const res = await t.anonymous().get(`/rsvp/${token}`);
    expectPage(res, 200);
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).not.toContain('<img src=x');
    expect(res.text).not.toContain('<b>B</b>');
    expect(res.text).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt;Jo');
    expect(res.text).toContain('&lt;img src=x onerror=alert(2)&gt; &amp; &quot;friends&quot;');
    expect(res.text).toContain('Hall &lt;b&gt;B&lt;/b&gt; &#39;east&#39;');
  });

  it('should take a Yes from the form once, record it as the JSON endpoint does, and say what happens next', async () => {
    const byForm = await invited('Ben');
    const byJson = await invited('Cal');
    const before = await auditFor(byForm.id);

    const posted = await t.anonymous().post(`/rsvp/${byForm.token}`).type(FORM).send('answer=yes');
    expect(posted.status).toBe(303);
    expect(posted.headers['location']).toBe(`/rsvp/${byForm.token}/thanks`);
    expect((await t.anonymous().post(`/api/rsvp/${byJson.token}`).send({ answer: 'yes' })).status).toBe(200);

    const [formRow, jsonRow] = [await row(byForm.id), await row(byJson.id)];
    expect(formRow.status).toBe('accepted');
    expect({ ...formRow, answered_at: null }).toEqual({ ...jsonRow, answered_at: null });
    expect(formRow.answered_at).not.toBeNull();
    const added = (await auditFor(byForm.id)).slice(before.length);
    expect(added).toEqual([
      { action: 'update', actor_user_id: null, detail: { event: 'accept', byLink: true } },
    ]);
    expect((await auditFor(byJson.id)).slice(-1)).toEqual(added);

    const thanks = await t.anonymous().get(posted.headers['location']);
    expectPage(thanks, 200);
    const text = words(thanks.text);
    expect(text).toContain('Thank you! We have your answer.');
    expect(text).toContain('What happens next You said yes. See you there!');
    expect(text).toContain('Where Lanes Bowling, High Street');
    expect(thanks.text).toContain(
      `<a href="/rsvp/${byForm.token}">See your invite or change your answer</a>`,
    );

    // Reloading the thanks page sends nothing again.
    const audited = (await auditFor(byForm.id)).length;
    expectPage(await t.anonymous().get(posted.headers['location']), 200);
    expect((await auditFor(byForm.id)).length).toBe(audited);
    // And the invite now asks whether to change it.
    const again = words((await t.anonymous().get(`/rsvp/${byForm.token}`)).text);
    expect(again).toContain('Your answer You said yes. See you there!');
    expect(again).toContain('Do you want to change your answer?');
  });

  it('should take a No, then an optional reason from the "why" box, through the same answer', async () => {
    const { id, token } = await invited('Dee');
    const no = await t.anonymous().post(`/rsvp/${token}`).type(FORM).send('answer=no');
    expect(no.status).toBe(303);
    const thanks = await t.anonymous().get(no.headers['location']);
    expectPage(thanks, 200);
    expect(words(thanks.text)).toContain('Thank you for telling us. We have your answer.');
    expect(thanks.text).toContain('<label for="why">Do you want to tell us why? (you don’t have to)</label>');
    expect(thanks.text).toMatch(/<textarea id="why" name="reason" rows="3" maxlength="300"/);
    expect(await row(id)).toMatchObject({ status: 'declined', decline_reason: null });

    // The box sent empty changes nothing.
    const audited = (await auditFor(id)).length;
    const empty = await t.anonymous().post(`/rsvp/${token}`).type(FORM).send('answer=no&reason=+++');
    expect(empty.status).toBe(303);
    expect(empty.headers['location']).toBe(`/rsvp/${token}/thanks`);
    expect((await auditFor(id)).length).toBe(audited);

    const why = await t
      .anonymous()
      .post(`/rsvp/${token}`)
      .type(FORM)
      .send(`answer=no&reason=${encodeURIComponent('Football <practice> & tea')}`);
    expect(why.status).toBe(303);
    expect(why.headers['location']).toBe(`/rsvp/${token}/thanks?told=why`);
    expect(await row(id)).toMatchObject({ status: 'declined', decline_reason: 'Football <practice> & tea' });
    const told = await t.anonymous().get(why.headers['location']);
    expectPage(told, 200);
    expect(words(told.text)).toContain('Thank you for telling us why. It helps us plan better.');
    expect(told.text).not.toContain('<textarea');
  });

  it('should open the same page from a letter’s short code, and keep the answer there', async () => {
    const { id } = await invited('Eli');
    const code = formatShortCode(await t.app.get(ShortCodes).codeFor(id));
    const page = await t.anonymous().get(`/r/${code.toLowerCase()}`);
    expectPage(page, 200);
    expect(page.text).toContain(`<form method="post" action="/r/${code.toLowerCase()}">`);
    const posted = await t.anonymous().post(`/r/${code}`).type(FORM).send('answer=yes');
    expect(posted.status).toBe(303);
    expect(posted.headers['location']).toBe(`/r/${code}/thanks`);
    expect((await row(id)).status).toBe('accepted');
  });

  it('should send the invite to the thanks page only once there is an answer', async () => {
    const { token } = await invited('Fay');
    const res = await t.anonymous().get(`/rsvp/${token}/thanks`);
    expect(res.status).toBe(303);
    expect(res.headers['location']).toBe(`/rsvp/${token}`);
  });

  it.each([
    ['tampered', (token: string) => `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`],
    ['made up', () => 'nonsense'],
    ['with more after it', (token: string) => `${token}.extra`],
    ['far too long', () => 'x'.repeat(5000)],
    ['a bad escape', () => '%E0%A4%A'],
  ])(
    'should answer a %s link with a kind 404 page, and change nothing when it is posted to',
    async (_, make) => {
      const { token } = await invited('Gus');
      const bad = make(token);
      const before = await everything();
      for (const res of [
        await t.anonymous().get(`/rsvp/${bad}`),
        await t.anonymous().get(`/rsvp/${bad}/thanks`),
        await t.anonymous().post(`/rsvp/${bad}`).type(FORM).send('answer=yes'),
      ]) {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.text).toContain('<h1>Your invite</h1>');
        if (res.status === 404) expect(words(res.text)).toContain('This link does not work.');
      }
      expect(await everything()).toEqual(before);
    },
  );

  it('should say a link cut short does not work, instead of loading the staff app', async () => {
    for (const path of ['/rsvp', '/rsvp/', '/r']) {
      const res = await t.anonymous().get(path);
      expectPage(res, 404);
      expect(words(res.text)).toContain('This link does not work.');
    }
  });

  it('should refuse a missing, unknown, oversized or foreign answer with a clear page, saving nothing', async () => {
    const { id, token } = await invited('Hal');
    const before = await everything();
    const cases: [string, () => request.Test, number, RegExp][] = [
      ['no answer', () => t.anonymous().post(`/rsvp/${token}`).type(FORM).send(''), 400, /Choose yes or no/],
      [
        'maybe',
        () => t.anonymous().post(`/rsvp/${token}`).type(FORM).send('answer=maybe'),
        400,
        /Choose yes or no/,
      ],
      [
        'two answers',
        () => t.anonymous().post(`/rsvp/${token}`).type(FORM).send('answer=yes&answer=no'),
        400,
        /Choose yes or no/,
      ],
      [
        'an unknown field',
        () => t.anonymous().post(`/rsvp/${token}`).type(FORM).send('answer=yes&status=accepted'),
        400,
        /Choose yes or no/,
      ],
      ['JSON', () => t.anonymous().post(`/rsvp/${token}`).send({ answer: 'yes' }), 400, /Choose yes or no/],
      [
        'a reason too long',
        () =>
          t
            .anonymous()
            .post(`/rsvp/${token}`)
            .type(FORM)
            .send(`answer=no&reason=${'<b>x</b>'.repeat(40)}`),
        400,
        /Keep this under 300 characters/,
      ],
      [
        'a body too large',
        () =>
          t
            .anonymous()
            .post(`/rsvp/${token}`)
            .type(FORM)
            .send(`answer=yes&reason=${'x'.repeat(10_000)}`),
        413,
        /could not read your answer/,
      ],
      [
        'a post from another site',
        () =>
          t
            .anonymous()
            .post(`/rsvp/${token}`)
            .set('Sec-Fetch-Site', 'cross-site')
            .type(FORM)
            .send('answer=yes'),
        403,
        /did not come from your invite/,
      ],
    ];
    for (const [what, call, status, message] of cases) {
      const res = await call();
      expect({ what, status: res.status }).toEqual({ what, status });
      expectPage(res, status);
      expect({ what, text: words(res.text) }).toEqual({ what, text: expect.stringMatching(message) });
    }
    // The reason sent back into the box is shown as text.
    const long = await cases[5][1]();
    expect(long.text).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(long.text).not.toContain('<b>x</b>');
    expect(await everything()).toEqual(before);
    expect((await row(id)).status).toBe('sent');
  });

  it('should show an answer after the day as not saved, with 409, and a withdrawn one as taken back', async () => {
    const { id, token } = await invited('Ivy');
    await t.db.query(`UPDATE invitations SET event_date = $2 WHERE id = $1`, [id, addDays(today, -1)]);
    const page = await t.anonymous().get(`/rsvp/${token}`);
    expectPage(page, 200);
    expect(words(page.text)).toContain('You cannot change your answer now.');
    expect(page.text).not.toContain('<form');
    const before = await everything();
    const late = await t.anonymous().post(`/rsvp/${token}`).type(FORM).send('answer=yes');
    expectPage(late, 409);
    expect(words(late.text)).toContain('We could not change your answer. It may be too late now');
    expect(await everything()).toEqual(before);

    await t.db.query(`UPDATE invitations SET event_date = $2 WHERE id = $1`, [id, addDays(today, 10)]);
    expect((await officer.post(`/api/invitations/${id}/withdraw`, { reason: 'Moved away' })).status).toBe(
      200,
    );
    const gone = await t.anonymous().get(`/rsvp/${token}`);
    expectPage(gone, 404);
    expect(words(gone.text)).toContain('This invitation has been taken back');
    const afterWithdraw = await everything();
    expectPage(await t.anonymous().post(`/rsvp/${token}`).type(FORM).send('answer=yes'), 404);
    expect(await everything()).toEqual(afterWithdraw);
  });

  it('should put a Yes on the waiting list when it is full, and say which number they are', async () => {
    const first = await invited('Jay', { capacity: 1 });
    const activityId = (await t.db.query(`SELECT activity_id FROM invitations WHERE id = $1`, [first.id]))[0]
      .activity_id as string;
    const person = await createYoungPerson(officer, {
      preferredName: 'Kit',
      contact: contactPreferences({ email: 'kit@young.example' }),
    });
    const res = await officer.post('/api/invitations', {
      target: { kind: 'activity_day', id: activityId },
      invitees: [{ youngPersonId: person.id, channel: InvitationChannel.Email }],
    });
    const second = t.app.get(AnswerLinks).tokenFor(res.body.created[0].id);
    await t.anonymous().post(`/rsvp/${first.token}`).type(FORM).send('answer=yes');
    const posted = await t.anonymous().post(`/rsvp/${second}`).type(FORM).send('answer=yes');
    const thanks = words((await t.anonymous().get(posted.headers['location'])).text);
    expect(thanks).toContain('It is full right now, so you are on the waiting list.');
    expect(thanks).toContain('You are number 1 on the waiting list.');
  });

  it('should serve the page, not the web app, when the built web app is served too', async () => {
    const webDir = mkdtempSync(join(tmpdir(), 'heard-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><p>Heard is loading…</p>');
    const withWeb = await createTestApp({ WEB_DIR: webDir });
    try {
      const res = await withWeb.anonymous().get('/rsvp/nonsense');
      expectPage(res, 404);
      expect(res.text).not.toContain('Heard is loading');
      expect((await withWeb.anonymous().get('/young-people')).text).toContain('Heard is loading');
    } finally {
      await withWeb.close();
    }
  });
});
