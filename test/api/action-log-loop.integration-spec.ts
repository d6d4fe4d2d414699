import { randomUUID } from 'node:crypto';
import {
  ActionResponse,
  LoopView,
  Role,
  TellingResult,
  TrustedAdultRelationship,
  addDays,
  todayInLondon,
} from '@heard/domain';
import { MailWorker } from '@heard/api/platform/mail/mail.worker';
import { actionLogState, insertItem, insertSession } from './support/action-log-fixtures';
import { contactPreferences, createGroup, createYoungPerson } from './support/factories';
import { SmtpSink, startSmtpSink } from './support/smtp-sink';
import { SignedInClient, TestApp, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();

/**
 * Closing the loop (issue 12 §4, docs/action-log.md "Closing the loop"): the young people who spoke
 * hear what became of it by email (through a real SMTP listener), through their trusted adult's
 * list, or read out at their group's next session; when the answer changes they are told again;
 * the item closes only then. Every refusal is problem+json and writes nothing.
 */
describe('action log: closing the loop', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let officer: SignedInClient;
  let adult: SignedInClient;
  let otherPractitioner: SignedInClient;
  let youngExpert: SignedInClient;
  let sam: string;
  let kit: string;
  let jo: string;
  let sessionId: string;

  beforeAll(async () => {
    sink = await startSmtpSink(() => 'accept');
    t = await createTestApp({ SMTP_URL: sink.url });
    officer = await t.signInAs(Role.ParticipationOfficer);
    adult = await t.signInAs(Role.Practitioner, { displayName: 'Pat Practitioner' });
    otherPractitioner = await t.signInAs(Role.Practitioner);
    youngExpert = await t.signInAs(Role.YoungExpert);
    const linked = [{ userId: adult.user.id, relationship: TrustedAdultRelationship.SocialWorker }];
    sam = (
      await createYoungPerson(officer, {
        preferredName: 'Sam Fictional',
        contact: contactPreferences({ email: 'sam.fictional@test.heard.example' }),
        trustedAdults: linked,
      })
    ).id;
    kit = (
      await createYoungPerson(officer, {
        preferredName: 'Kit',
        contact: contactPreferences({ email: 'kit@test.heard.example', onlyViaTrustedAdult: true }),
        trustedAdults: linked,
      })
    ).id;
    jo = (await createYoungPerson(officer, { preferredName: 'Jo' })).id;
    const group = await createGroup(officer, { minAge: 10, maxAge: 25 });
    // The session after next is later: Jo's message is read out at the next one.
    await insertSession(t.db, group.id, 14);
    sessionId = await insertSession(t.db, group.id, 7, [jo]);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  const weWill = async (itemId: string): Promise<ActionResponse> => {
    const res = await officer.post('/api/action-log/actions', {
      itemIds: [itemId],
      status: 'planned',
      words: 'Rewrite the review leaflet with the Young Experts',
      youngWords: 'We will make the leaflet easy to read.',
      ownerId: officer.user.id,
      dueOn: addDays(today, 30),
    });
    expect(res.status).toBe(201);
    return res.body as ActionResponse;
  };
  const loop = async (itemId: string): Promise<LoopView> => {
    const res = await officer.get(`/api/action-log/items/${itemId}/loop`);
    expect(res.status).toBe(200);
    return res.body as LoopView;
  };
  const deliver = async () => {
    while ((await t.app.get(MailWorker).runOnce()) > 0);
  };

  it('tells each young person their way, tells them again when the answer changes, then closes', async () => {
    const itemId = await insertItem(t.db, officer.user.id, {
      words: 'The review leaflet is too hard to read.',
      youngPersonIds: [sam, kit, jo],
    });
    const action = await weWill(itemId);

    let view = await loop(itemId);
    expect(view.stage).toBe('to_tell');
    expect(Object.fromEntries(view.speakers.map((s) => [s.youngPersonId, s]))).toEqual({
      [sam]: expect.objectContaining({ channel: 'email', trustedAdult: null, session: null }),
      [kit]: expect.objectContaining({
        channel: 'trusted_adult',
        trustedAdult: { id: adult.user.id, displayName: 'Pat Practitioner' },
      }),
      [jo]: expect.objectContaining({
        channel: 'session',
        session: expect.objectContaining({ id: sessionId }),
      }),
    });
    expect(view.draft).toContain('We will do this: We will make the leaflet easy to read.');
    expect(view.actions).toEqual([
      { actionId: action.id, status: 'planned', told: false, toldAgainNeeded: false, toldYoungPersonIds: [] },
    ]);

    // Not told yet: it cannot be closed.
    const before = await actionLogState(t.db);
    expectProblem(await officer.post(`/api/action-log/items/${itemId}/close`, {}), 409);
    expect(await actionLogState(t.db)).toEqual(before);

    const message = `${view.draft}\n\nSee you at the next session!`;
    const told = await officer.post(`/api/action-log/items/${itemId}/tellings`, { message });
    expect(told.status).toBe(201);
    expect(told.body as TellingResult).toMatchObject({
      told: 3,
      emailed: 1,
      toPassOn: 1,
      toReadOut: 1,
      inPerson: 0,
    });
    view = (told.body as TellingResult).loop;
    expect(view.stage).toBe('in_hand');
    expect(view.draft).toBeNull();
    expect(view.actions[0]).toMatchObject({ told: true });
    expect([...view.actions[0].toldYoungPersonIds].sort()).toEqual([sam, kit, jo].sort());

    // The email reaches Sam through a real SMTP server.
    await deliver();
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0].to).toEqual(['sam.fictional@test.heard.example']);
    expect(sink.received[0].raw).toContain('See you at the next session!');
    expect(sink.received[0].raw).toContain('Hello Sam');

    // Kit's trusted adult has it on their list; Jo's group hears it at the next session.
    const toPassOn = await adult.get('/api/me/to-pass-on');
    expect(toPassOn.status).toBe(200);
    expect(toPassOn.body).toEqual([
      expect.objectContaining({
        itemId,
        youngPerson: { id: kit, preferredName: 'Kit' },
        message,
        passedAt: null,
      }),
    ]);
    expect((await otherPractitioner.get('/api/me/to-pass-on')).body).toEqual([]);
    const readOut = await officer.get(`/api/groups/sessions/${sessionId}/to-read-out`);
    expect(readOut.status).toBe(200);
    expect(readOut.body).toEqual([expect.objectContaining({ itemId, message })]);

    expectProblem(
      await otherPractitioner.post(`/api/me/to-pass-on/${toPassOn.body[0].tellingId}/passed`, {}),
      404,
    );
    expect((await adult.post(`/api/me/to-pass-on/${toPassOn.body[0].tellingId}/passed`, {})).status).toBe(
      204,
    );
    expect((await adult.get('/api/me/to-pass-on')).body).toEqual([]);
    expectProblem(await adult.post(`/api/me/to-pass-on/${toPassOn.body[0].tellingId}/passed`, {}), 409);

    // A We will still being done: not closed yet.
    expectProblem(await officer.post(`/api/action-log/items/${itemId}/close`, {}), 409);

    // The answer changes: the same young people must be told again.
    const done = await officer.patch(`/api/action-log/actions/${action.id}`, {
      expectedUpdatedAt: action.updatedAt,
      status: 'done',
    });
    expect(done.status).toBe(200);
    view = await loop(itemId);
    expect(view.stage).toBe('to_tell');
    expect(view.actions[0]).toMatchObject({
      status: 'done',
      told: false,
      toldAgainNeeded: true,
      toldYoungPersonIds: [],
    });
    expect(view.draft).toContain('We did this:');
    const again = await officer.post(`/api/action-log/items/${itemId}/tellings`, { message: view.draft });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ told: 3, emailed: 1, toPassOn: 1, toReadOut: 1 });
    expect(again.body.loop.stage).toBe('to_close');
    await deliver();
    expect(sink.received).toHaveLength(2);
    expect(sink.received[1].raw).toContain('We did this');
    expect((await adult.get('/api/me/to-pass-on')).body).toHaveLength(1);
    expect((await officer.get(`/api/groups/sessions/${sessionId}/to-read-out`)).body).toHaveLength(2);

    // Everyone has heard: now it closes, and told twice is refused.
    expectProblem(
      await officer.post(`/api/action-log/items/${itemId}/tellings`, { message: 'Once more' }),
      409,
    );
    const closed = await officer.post(`/api/action-log/items/${itemId}/close`, {});
    expect(closed.status).toBe(200);
    expect(closed.body.stage).toBe('closed');
    expectProblem(await officer.post(`/api/action-log/items/${itemId}/close`, {}), 409);

    // The timeline says when, how and to whom, with ids and never names.
    const entries: { event: string; detail: Record<string, unknown> }[] = await t.db.query(
      `SELECT event, detail FROM you_said_timeline WHERE item_id = $1 ORDER BY id`,
      [itemId],
    );
    expect(entries.map((e) => e.event)).toEqual([
      'action_linked',
      'told',
      'told',
      'action_status',
      'told',
      'item_closed',
    ]);
    expect(entries[1].detail).toEqual({
      status: 'planned',
      emailed: [sam],
      throughTrustedAdult: [kit],
      trustedAdultIds: [adult.user.id],
      readOutFor: [jo],
      sessionIds: [sessionId],
      inPerson: [],
    });
    expect(entries[2].detail).toMatchObject({
      passedOn: true,
      youngPersonId: kit,
      trustedAdultId: adult.user.id,
    });
    expect(JSON.stringify(entries)).not.toMatch(/Sam|Kit|Jo\b|Pat|@/);

    // Reopened, it can be closed again; a second reopen is refused.
    const reopened = await officer.post(`/api/action-log/items/${itemId}/reopen`, {});
    expect(reopened.status).toBe(200);
    expect(reopened.body.stage).toBe('to_close');
    expectProblem(await officer.post(`/api/action-log/items/${itemId}/reopen`, {}), 409);
  });

  it('reads the answer out to the group an item came from when it names no one', async () => {
    const group = await createGroup(officer, { minAge: 10, maxAge: 25 });
    const next = await insertSession(t.db, group.id, 3);
    const itemId = await insertItem(t.db, officer.user.id, { groupId: group.id });
    await officer.post('/api/action-log/actions', {
      itemIds: [itemId],
      status: 'cant',
      words: 'Hold the group at the bowling alley every week',
      cantReason: 'It costs too much to go every week.',
    });
    const view = await loop(itemId);
    expect(view.speakers).toEqual([]);
    expect(view.draft).toContain('This is why: It costs too much to go every week.');
    const told = await officer.post(`/api/action-log/items/${itemId}/tellings`, { message: view.draft });
    expect(told.status).toBe(201);
    expect(told.body).toMatchObject({ told: 1, toReadOut: 1, loop: { stage: 'to_close' } });
    expect((await officer.get(`/api/groups/sessions/${next}/to-read-out`)).body).toEqual([
      expect.objectContaining({ itemId, message: view.draft }),
    ]);
  });

  it('tells in person whoever has no email, no trusted adult and no group', async () => {
    const alone = (await createYoungPerson(officer, { preferredName: 'Rowan' })).id;
    const itemId = await insertItem(t.db, officer.user.id, { youngPersonIds: [alone] });
    await weWill(itemId);
    const view = await loop(itemId);
    expect(view.speakers).toEqual([expect.objectContaining({ youngPersonId: alone, channel: 'in_person' })]);
    const told = await officer.post(`/api/action-log/items/${itemId}/tellings`, {
      message: 'We will fix it.',
    });
    expect(told.body).toMatchObject({ told: 1, inPerson: 1, emailed: 0 });
  });

  describe('refusals write nothing', () => {
    let itemId: string;
    beforeAll(async () => {
      itemId = await insertItem(t.db, officer.user.id, { youngPersonIds: [sam] });
      await weWill(itemId);
    });

    const refused = async (send: () => Promise<Parameters<typeof expectProblem>[0]>, status: number) => {
      const before = await actionLogState(t.db);
      expectProblem(await send(), status);
      expect(await actionLogState(t.db)).toEqual(before);
    };

    it.each([
      ['an empty message', { message: '   ' }, 400],
      ['no message', {}, 400],
      ['an oversized message', { message: 'x'.repeat(2001) }, 400],
      ['an unknown field', { message: 'Hi', to: 'everyone' }, 400],
    ])('refuses telling with %s', async (_, body, status) => {
      await refused(() => officer.post(`/api/action-log/items/${itemId}/tellings`, body), status);
    });

    it('refuses an item that does not exist, or is not an id', async () => {
      await refused(
        () => officer.post(`/api/action-log/items/${randomUUID()}/tellings`, { message: 'Hi' }),
        404,
      );
      await refused(() => officer.post(`/api/action-log/items/nope/close`, {}), 404);
      await refused(() => officer.get(`/api/groups/sessions/${randomUUID()}/to-read-out`), 404);
      await refused(() => adult.post(`/api/me/to-pass-on/${randomUUID()}/passed`, {}), 404);
    });

    it('refuses an item with nothing to answer it, closing without the loop closed, and a body on close', async () => {
      const unanswered = await insertItem(t.db, officer.user.id, { youngPersonIds: [sam] });
      await refused(
        () => officer.post(`/api/action-log/items/${unanswered}/tellings`, { message: 'Hi' }),
        409,
      );
      await refused(() => officer.post(`/api/action-log/items/${unanswered}/close`, {}), 409);
      await refused(() => officer.post(`/api/action-log/items/${itemId}/close`, {}), 409);
      await refused(() => officer.post(`/api/action-log/items/${itemId}/close`, { force: true }), 400);
      await refused(() => officer.post(`/api/action-log/items/${itemId}/reopen`, {}), 409);
    });

    it.each([
      ['a practitioner', () => adult],
      ['a young expert', () => youngExpert],
    ])('refuses %s telling, closing or reading the loop', async (_, who) => {
      await refused(() => who().get(`/api/action-log/items/${itemId}/loop`), 403);
      await refused(() => who().post(`/api/action-log/items/${itemId}/tellings`, { message: 'Hi' }), 403);
      await refused(() => who().post(`/api/action-log/items/${itemId}/close`, {}), 403);
      await refused(() => who().get(`/api/groups/sessions/${sessionId}/to-read-out`), 403);
    });

    it('refuses a young expert’s or a signed-out list to pass on', async () => {
      await refused(() => youngExpert.get('/api/me/to-pass-on'), 403);
      await refused(() => t.anonymous().get('/api/me/to-pass-on'), 401);
      await refused(
        () => t.anonymous().post(`/api/action-log/items/${itemId}/tellings`).send({ message: 'Hi' }),
        401,
      );
    });
  });
});
