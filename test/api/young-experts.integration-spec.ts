import { randomUUID } from 'node:crypto';
import {
  ANSWERED_ON_OWN_PAGES,
  InvitationChannel,
  MAX_DELETION_WHAT,
  MY_SPACE_MESSAGES,
  ONE_TO_ONE_NO_TOPIC,
  QUOTE_CONSENT_WORDING,
  RATING_SCALE,
  Role,
  WORRY_WORDS_MAX,
  addDays,
  todayInLondon,
} from '@heard/domain';
import { insertAction, insertItem } from './support/action-log-board-fixtures';
import { createGroup, createYoungPerson, dateOfBirthForAge, planActivity } from './support/factories';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();

/**
 * The young experts' own pages (issue 11 §9, docs/young-experts.md): every /api/me route answers
 * only about the young person the account is linked to; staff are refused; bad input is
 * problem+json and writes nothing.
 */
describe('young experts: their own pages', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let contact: SignedInClient;
  let kai: SignedInClient;
  let other: SignedInClient;
  let kaiId: string;
  let otherId: string;
  let versionId: string;
  let namedRoundId: string;
  let groupRoundId: string;
  let kaiGroupId: string;

  /** Every table a young expert's command could write, to prove a refusal changed nothing. */
  const counts = async () => ({
    evaluations: await countRows(t.db, 'evaluations'),
    answers: await countRows(t.db, 'evaluation_answers'),
    consents: await countRows(t.db, 'consent_records WHERE withdrawn_at IS NULL'),
    oneToOnes: await countRows(t.db, 'one_to_ones'),
    deletions: await countRows(t.db, 'deletion_requests'),
    worries: await countRows(t.db, 'worries'),
    named: await countRows(t.db, 'young_people WHERE quotes_named'),
    // Refusals are audited (access_refused); a refusal writes nothing else.
    audit: await countRows(t.db, `audit_events WHERE action <> 'access_refused'`),
  });
  const answers = [
    { questionKey: 'overall', rating: 5 },
    { questionKey: 'liked', text: 'The pictures of the people.' },
  ];
  const answer = (client: SignedInClient, roundId: string, body: object, key: string = randomUUID()) =>
    client.post(`/api/me/rounds/${roundId}/evaluations`).set('Idempotency-Key', key).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    contact = await t.signInAs(Role.SeniorLeader, { displayName: 'Sade Lead', safeguardingContact: true });
    kaiId = (
      await createYoungPerson(officer, {
        preferredName: 'Kai',
        dateOfBirth: dateOfBirthForAge(16),
        contact: {
          email: 'kai@young.example',
          phone: null,
          whatsapp: null,
          letter: null,
          onlyViaTrustedAdult: false,
        },
      })
    ).id;
    otherId = (
      await createYoungPerson(officer, { preferredName: 'Zara', dateOfBirth: dateOfBirthForAge(15) })
    ).id;
    kai = await t.signInAs(Role.YoungExpert, { displayName: 'Kai', youngPersonId: kaiId });
    other = await t.signInAs(Role.YoungExpert, { displayName: 'Zara', youngPersonId: otherId });

    const tool = await officer.post('/api/practice-tools', {
      name: 'Invitation to chair letter',
      purpose: 'Invites a young person to chair their own review.',
      owningService: 'Independent reviewing service',
      coProducedWith: 'Young Experts',
    });
    const version = await officer.post(`/api/practice-tools/${tool.body.id}/versions`, {
      label: 'v2',
      link: 'https://tools.example/chair-letter.pdf',
      notes: null,
    });
    versionId = version.body.versions[0].id;
    const round = (overrides: object) =>
      officer.post('/api/evaluation-rounds', {
        toolVersionId: versionId,
        title: 'The chair letter',
        opensOn: addDays(today, -1),
        closesOn: addDays(today, 14),
        ...overrides,
      });
    const named = await round({ audience: 'named', youngPersonIds: [kaiId, otherId] });
    expect(named.status).toBe(201);
    namedRoundId = named.body.id;
    const group = await createGroup(officer, { minAge: 10, maxAge: 25 });
    const joined = await officer.post(`/api/groups/${group.id}/members`, {
      youngPersonId: kaiId,
      joinedOn: addDays(today, -30),
      role: 'member',
    });
    expect(joined.status).toBe(201);
    kaiGroupId = group.id;
    const grouped = await round({ audience: 'group', groupId: group.id, title: 'The chair letter, group' });
    expect(grouped.status).toBe(201);
    groupRoundId = grouped.body.id;
    // A round for someone else only: Kai must never see it.
    await round({ audience: 'named', youngPersonIds: [otherId], title: 'Only for Zara' });
  });
  afterAll(() => t.close());

  it('should greet them by name and count only their own waiting things', async () => {
    const res = await kai.get('/api/me');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ name: 'Kai', waiting: { rounds: 2, invitations: 0 } });
  });

  it('should list the rounds waiting for them: named in, or their group’s, and not someone else’s', async () => {
    const res = await kai.get('/api/me/rounds');
    expect(res.status).toBe(200);
    expect(res.body.map((r: { id: string }) => r.id).sort()).toEqual([namedRoundId, groupRoundId].sort());
    expect(res.body[0]).toMatchObject({ toolName: 'Invitation to chair letter', versionLabel: 'v2' });
    expect(JSON.stringify(res.body)).not.toContain('Only for Zara');
  });

  it('should store their evaluation once, as given by them in picture mode, and keep HTML as text', async () => {
    const key = randomUUID();
    const body = {
      pictureMode: true,
      answers: [...answers, { questionKey: 'change', text: '<script>alert(1)</script><b>bigger</b>' }],
    };
    const res = await answer(kai, namedRoundId, body, key);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ roundTitle: 'The chair letter', pictureMode: true, answeredOn: today });
    expect(res.body.answers).toContainEqual({
      questionKey: 'change',
      prompt: 'What would you change?',
      rating: null,
      text: '<script>alert(1)</script><b>bigger</b>',
    });
    const [row]: { entered_by: string; helped_by: string; young_person_id: string; age_band: string }[] =
      await t.db.query(
        `SELECT entered_by, helped_by, young_person_id, age_band FROM evaluations WHERE id = $1`,
        [res.body.id],
      );
    expect(row).toEqual({
      entered_by: kai.user.id,
      helped_by: ANSWERED_ON_OWN_PAGES,
      young_person_id: kaiId,
      age_band: '16-17',
    });

    const before = await counts();
    const again = await answer(kai, namedRoundId, body, key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(res.body);
    expectProblem(await answer(kai, namedRoundId, { ...body, pictureMode: false }, key), 422);
    const second = await answer(kai, namedRoundId, body);
    expectProblem(second, 409);
    expect(second.body.detail).toBe(MY_SPACE_MESSAGES.roundAnswered);
    expect(await counts()).toEqual(before);

    const waiting = await kai.get('/api/me/rounds');
    expect(waiting.body.map((r: { id: string }) => r.id)).toEqual([groupRoundId]);
  });

  it('should refuse bad answers with problem+json and write nothing', async () => {
    const before = await counts();
    expectProblem(await kai.post(`/api/me/rounds/${groupRoundId}/evaluations`).send({ answers }), 400);
    expectProblem(await answer(kai, groupRoundId, {}), 400);
    expectProblem(await answer(kai, groupRoundId, { answers: [{ questionKey: 'overall', rating: 9 }] }), 400);
    expectProblem(await answer(kai, groupRoundId, { answers, youngPersonId: otherId }), 400);
    expectProblem(
      await answer(kai, groupRoundId, { answers: [{ questionKey: 'liked', text: 'x'.repeat(2001) }] }),
      400,
    );
    expectProblem(
      await answer(kai, groupRoundId, { answers: [{ questionKey: 'overall', text: 'words' }] }),
      400,
    );
    // Not theirs, and not a round at all: the same 404.
    const onlyZara: { id: string }[] = await t.db.query(
      `SELECT id FROM evaluation_rounds WHERE title = 'Only for Zara'`,
    );
    const notTheirs = await answer(kai, onlyZara[0].id, { answers });
    expectProblem(notTheirs, 404);
    expect(notTheirs.body.detail).toBe(MY_SPACE_MESSAGES.roundNotForYou);
    expectProblem(await answer(kai, randomUUID(), { answers }), 404);
    expectProblem(await answer(kai, 'not-an-id', { answers }), 404);
    expect(await counts()).toEqual(before);
  });

  it('should show their history and one evaluation, and 404 for another young person’s', async () => {
    const list = await kai.get('/api/me/evaluations');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    const one = await kai.get(`/api/me/evaluations/${list.body[0].id}`);
    expect(one.status).toBe(200);
    expect(one.body.answers[0]).toEqual({
      questionKey: 'overall',
      prompt: 'What do you think of it?',
      rating: 5,
      text: null,
    });

    const zaras = await answer(other, namedRoundId, { answers });
    expect(zaras.status).toBe(201);
    const refused = await kai.get(`/api/me/evaluations/${zaras.body.id}`);
    expectProblem(refused, 404);
    expect(refused.body.detail).toBe(MY_SPACE_MESSAGES.evaluationNotFound);
    expectProblem(await kai.get(`/api/me/evaluations/${randomUUID()}`), 404);
    expectProblem(await kai.get(`/api/me/evaluations/nope`), 404);
    expect((await kai.get('/api/me/evaluations')).body).toHaveLength(1);
  });

  it('should refuse staff on every /api/me route, and a young expert whose account is not linked', async () => {
    const unlinked = await t.signInAs(Role.YoungExpert, { displayName: 'Nia' });
    const before = await counts();
    const routes: [string, string, object?][] = [
      ['get', '/api/me'],
      ['get', '/api/me/rounds'],
      ['post', `/api/me/rounds/${groupRoundId}/evaluations`, { answers }],
      ['get', '/api/me/evaluations'],
      ['get', '/api/me/invitations'],
      ['post', '/api/me/one-to-one-requests', {}],
      ['get', '/api/me/choices'],
      ['patch', '/api/me/choices', { quotesNamed: true }],
      ['get', '/api/me/data'],
      ['get', '/api/me/data/download'],
      ['post', '/api/me/deletion-requests', { what: 'My photo' }],
      ['post', '/api/me/worries', { words: 'I am scared.' }],
    ];
    for (const [method, url, body] of routes) {
      for (const client of [officer, contact]) {
        const req =
          method === 'get'
            ? client.get(url)
            : method === 'patch'
              ? client.patch(url, body)
              : client.post(url, body);
        expectProblem(await req.set('Idempotency-Key', randomUUID()), 403);
      }
      const req =
        method === 'get'
          ? unlinked.get(url)
          : method === 'patch'
            ? unlinked.patch(url, body)
            : unlinked.post(url, body);
      const res = await req.set('Idempotency-Key', randomUUID());
      expectProblem(res, 403);
      expect(res.body.detail).toBe(
        'Your account is not linked to your record yet. Ask your participation officer.',
      );
    }
    expectProblem(await t.anonymous().get('/api/me'), 401);
    expectProblem(await kai.get('/api/deletion-requests'), 403);
    expect(await counts()).toEqual(before);
  });

  it('should list their invitations and let them answer one, and not someone else’s', async () => {
    const activity = await planActivity(officer, { title: 'Go-karting' });
    const invite = async (youngPersonId: string) => {
      const res = await officer.post('/api/invitations', {
        target: { kind: 'activity_day', id: activity.body.id },
        invitees: [{ youngPersonId, channel: InvitationChannel.InPerson }],
      });
      expect(res.status).toBe(201);
      const id = res.body.created[0].id as string;
      expect((await officer.post(`/api/invitations/${id}/delivered`, {})).status).toBe(200);
      return id;
    };
    const kaisId = await invite(kaiId);
    const zarasId = await invite(otherId);
    const list = await kai.get('/api/me/invitations');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({
      id: kaisId,
      title: 'Go-karting',
      answer: null,
      canStillChange: true,
    });
    expect((await kai.get('/api/me')).body.waiting.invitations).toBe(1);

    const before = await counts();
    expectProblem(await kai.post(`/api/me/invitations/${kaisId}/answer`, { answer: 'maybe' }), 400);
    expectProblem(await kai.post(`/api/me/invitations/${kaisId}/answer`, {}), 400);
    expectProblem(
      await kai.post(`/api/me/invitations/${kaisId}/answer`, { answer: 'yes', reason: 'x'.repeat(301) }),
      400,
    );
    expectProblem(await kai.post(`/api/me/invitations/${zarasId}/answer`, { answer: 'yes' }), 404);
    expect(await counts()).toEqual(before);
    const [zaras]: { status: string }[] = await t.db.query(`SELECT status FROM invitations WHERE id = $1`, [
      zarasId,
    ]);
    expect(zaras.status).toBe('sent');

    const yes = await kai.post(`/api/me/invitations/${kaisId}/answer`, { answer: 'yes' });
    expect(yes.status).toBe(200);
    expect(yes.body).toMatchObject({ id: kaisId, answer: 'yes' });
  });

  it('should send their one-to-one request to the officers’ list as asked for by the young person', async () => {
    const before = await counts();
    expectProblem(await kai.post('/api/me/one-to-one-requests', { about: 'x'.repeat(301) }), 400);
    expectProblem(
      await kai.post('/api/me/one-to-one-requests', { about: 'Hi', youngPersonId: otherId }),
      400,
    );
    expect(await counts()).toEqual(before);

    const res = await kai.post('/api/me/one-to-one-requests', { about: 'My <b>review</b> meeting' });
    expect(res.status).toBe(201);
    expect(res.body.message).toBe(MY_SPACE_MESSAGES.oneToOneSent);
    const blank = await kai.post('/api/me/one-to-one-requests', {});
    expect(blank.status).toBe(201);
    const list = await officer.get(`/api/one-to-ones?youngPersonId=${kaiId}`);
    expect(list.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: res.body.id,
          requestedBy: 'young_person',
          status: 'requested',
          topic: 'My <b>review</b> meeting',
        }),
        expect.objectContaining({ id: blank.body.id, topic: ONE_TO_ONE_NO_TOPIC }),
      ]),
    );
  });

  it('should change their choices: quote consent given and withdrawn as their own decision, and named or anonymous', async () => {
    const start = await kai.get('/api/me/choices');
    expect(start.body).toEqual({
      quoteConsent: { given: false, since: null, mayDecide: true },
      quotesNamed: false,
    });

    const before = await counts();
    expectProblem(await kai.patch('/api/me/choices', {}), 400);
    expectProblem(await kai.patch('/api/me/choices', { quoteConsent: 'yes' }), 400);
    expectProblem(await kai.patch('/api/me/choices', { quotesNamed: true, youngPersonId: otherId }), 400);
    expectProblem(await kai.patch('/api/me/choices', { quoteConsent: false }), 409);
    expect(await counts()).toEqual(before);

    const yes = await kai.patch('/api/me/choices', { quoteConsent: true, quotesNamed: true });
    expect(yes.status).toBe(200);
    expect(yes.body).toEqual({
      quoteConsent: { given: true, since: today, mayDecide: true },
      quotesNamed: true,
    });
    const [record]: { given_by: string; method: string; wording: string; recorded_by: string }[] =
      await t.db.query(
        `SELECT given_by, method, wording, recorded_by FROM consent_records WHERE young_person_id = $1 AND purpose = 'quotes'`,
        [kaiId],
      );
    expect(record).toEqual({
      given_by: 'young_person',
      method: 'online',
      wording: QUOTE_CONSENT_WORDING,
      recorded_by: kai.user.id,
    });
    const panel = await officer.get(`/api/young-people/${kaiId}/consents`);
    const quotes = panel.body.purposes.find((p: { purpose: string }) => p.purpose === 'quotes');
    expect(quotes.effective.status).toBe('valid');

    const no = await kai.patch('/api/me/choices', { quoteConsent: false, quotesNamed: false });
    expect(no.body).toEqual({
      quoteConsent: { given: false, since: null, mayDecide: true },
      quotesNamed: false,
    });
    const [after]: { withdrawn_by: string; n: number }[] = await t.db.query(
      `SELECT withdrawn_by, count(*) OVER ()::int AS n FROM consent_records WHERE young_person_id = $1 AND purpose = 'quotes'`,
      [kaiId],
    );
    expect(after).toEqual({ withdrawn_by: kai.user.id, n: 1 });
  });

  it('should say plainly when an adult has to agree too, and record nothing', async () => {
    const young = await createYoungPerson(officer, {
      preferredName: 'Theo',
      dateOfBirth: dateOfBirthForAge(12),
    });
    const theo = await t.signInAs(Role.YoungExpert, { displayName: 'Theo', youngPersonId: young.id });
    expect((await theo.get('/api/me/choices')).body.quoteConsent.mayDecide).toBe(false);
    const before = await counts();
    const res = await theo.patch('/api/me/choices', { quoteConsent: true });
    expectProblem(res, 400);
    expect(res.body.errors.quoteConsent).toEqual([MY_SPACE_MESSAGES.quotesNeedAnAdult]);
    expect(await counts()).toEqual(before);
  });

  it('should take a request to delete something to the officers, deleting nothing', async () => {
    const before = await counts();
    expectProblem(await kai.post('/api/me/deletion-requests', {}), 400);
    expectProblem(await kai.post('/api/me/deletion-requests', { what: '   ' }), 400);
    expectProblem(
      await kai.post('/api/me/deletion-requests', { what: 'x'.repeat(MAX_DELETION_WHAT + 1) }),
      400,
    );
    expect(await counts()).toEqual(before);
    const homeBefore = (await officer.get('/api/home')).body.cards.find(
      (c: { label: string }) => c.label === 'Requests to delete something',
    ).value;

    const res = await kai.post('/api/me/deletion-requests', { what: 'The photo from <i>bowling</i>.' });
    expect(res.status).toBe(201);
    expect(res.body.message).toBe(MY_SPACE_MESSAGES.deletionSent);
    const home = await officer.get('/api/home');
    expect(home.body.cards).toContainEqual({
      label: 'Requests to delete something',
      value: homeBefore + 1,
      path: 'deletion-requests',
    });
    const list = await officer.get('/api/deletion-requests');
    expect(list.body).toContainEqual(
      expect.objectContaining({
        id: res.body.id,
        what: 'The photo from <i>bowling</i>.',
        youngPerson: { id: kaiId, preferredName: 'Kai' },
      }),
    );
    expect(await countRows(t.db, 'evaluations')).toBe(before.evaluations);
  });

  it('should let an officer answer a request to delete something, once, and take it off the list', async () => {
    const asked = await kai.post('/api/me/deletion-requests', { what: 'My old nickname.' });
    expect(asked.status).toBe(201);
    const url = `/api/deletion-requests/${asked.body.id}/handled`;
    const handled = async () =>
      (
        await t.db.query(`SELECT handled_at, handled_by, outcome FROM deletion_requests WHERE id = $1`, [
          asked.body.id,
        ])
      )[0];
    const untouched = await handled();
    expect(untouched).toEqual({ handled_at: null, handled_by: null, outcome: null });
    const audits = () => countRows(t.db, `audit_events WHERE action <> 'access_refused'`);
    const auditBefore = await audits();

    expectProblem(await officer.post(url, {}), 400);
    expectProblem(await officer.post(url, { outcome: '  ' }), 400);
    expectProblem(await officer.post(url, { outcome: 42 }), 400);
    expectProblem(await officer.post(url, { outcome: 'x'.repeat(MAX_DELETION_WHAT + 1) }), 400);
    expectProblem(await officer.post(url, { outcome: 'Done', deleted: true }), 400);
    expectProblem(await officer.post('/api/deletion-requests/not-a-uuid/handled', { outcome: 'Done' }), 404);
    expectProblem(
      await officer.post(`/api/deletion-requests/${randomUUID()}/handled`, { outcome: 'Done' }),
      404,
    );
    expectProblem(await kai.post(url, { outcome: 'Done' }), 403);
    expectProblem(await t.anonymous().post(url).send({ outcome: 'Done' }), 401);
    expect(await handled()).toEqual(untouched);
    expect(await audits()).toBe(auditBefore);

    const res = await officer.post(url, { outcome: 'Removed the nickname from <b>their</b> record.' });
    expect(res.status).toBe(204);
    expect(await handled()).toEqual({
      handled_at: expect.any(Date),
      handled_by: officer.user.id,
      outcome: 'Removed the nickname from <b>their</b> record.',
    });
    const again = await officer.post(url, { outcome: 'Again' });
    expectProblem(again, 409);
    expect(again.body.detail).toMatch(/already answered/);
    const list = await officer.get('/api/deletion-requests');
    expect(list.body.map((r: { id: string }) => r.id)).not.toContain(asked.body.id);
  });

  it('should send a worry to the safeguarding contacts at once, from the young expert', async () => {
    const before = await counts();
    expectProblem(await kai.post('/api/me/worries', {}), 400);
    expectProblem(await kai.post('/api/me/worries', { words: '' }), 400);
    expectProblem(await kai.post('/api/me/worries', { words: 'x'.repeat(WORRY_WORDS_MAX + 1) }), 400);
    expectProblem(await kai.post('/api/me/worries', { words: 'help', youngPersonId: otherId }), 400);
    expect(await counts()).toEqual(before);

    const res = await kai.post('/api/me/worries', { words: 'Someone at home <b>scares</b> me.' });
    expect(res.status).toBe(201);
    expect(res.body.message).toBe(MY_SPACE_MESSAGES.worrySent);
    const home = await contact.get('/api/home');
    expect(home.body.worriesToAcknowledge).toContainEqual(
      expect.objectContaining({
        words: 'Someone at home <b>scares</b> me.',
        youngPerson: { id: kaiId, preferredName: 'Kai' },
        source: { kind: 'young_expert', id: null },
      }),
    );
  });

  it('should give them everything Heard holds about them, and nothing about anyone else', async () => {
    const rated = await insertItem(t.db, {
      words: 'Staff summary: the group found review letters confusing',
      youngWords: 'The review letters are hard to read.',
      groupId: kaiGroupId,
      createdBy: officer.user.id,
    });
    await insertAction(t.db, [rated], { createdBy: officer.user.id });
    const rating = await kai.put(`/api/me/responses/${rated}/rating`, {
      rating: 4,
      comment: 'Better, but <b>still</b> long.',
    });
    expect(rating.status).toBe(200);
    await officer.get(`/api/young-people/${kaiId}`);
    const res = await kai.get('/api/me/data');
    expect(res.status).toBe(200);
    expect(res.body.record).toMatchObject({ preferredName: 'Kai', quotesNamed: false });
    expect(res.body.groups).toHaveLength(1);
    expect(res.body.evaluations).toHaveLength(1);
    expect(res.body.invitations).toHaveLength(1);
    expect(res.body.consents).toHaveLength(1);
    expect(res.body.oneToOnes).toHaveLength(2);
    expect(res.body.deletionRequests).toEqual([
      expect.objectContaining({ what: 'The photo from <i>bowling</i>.', handledAt: null, outcome: null }),
      expect.objectContaining({
        what: 'My old nickname.',
        outcome: 'Removed the nickname from <b>their</b> record.',
      }),
    ]);
    expect(res.body.worries).toEqual([{ toldUsOn: today }]);
    expect(res.body.responseRatings).toEqual([
      {
        youSaid: 'The review letters are hard to read.',
        face: expect.objectContaining({ value: 4, words: RATING_SCALE[3].words, face: RATING_SCALE[3].face }),
        comment: 'Better, but <b>still</b> long.',
        ratedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
    ]);
    expect(JSON.stringify(res.body)).not.toContain('Staff summary');
    expect(res.body.whoLooked[0]).toMatchObject({ role: 'Participation officer', what: 'Your record' });
    expect(JSON.stringify(res.body)).not.toContain('scares');

    const file = await kai.get('/api/me/data/download');
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/^application\/json/);
    expect(file.headers['content-disposition']).toBe('attachment; filename="my-data-from-heard.json"');
    const text = file.text;
    const parsed = JSON.parse(text);
    expect(parsed.record.preferredName).toBe('Kai');
    expect(parsed.responseRatings).toEqual(res.body.responseRatings);
    for (const leak of ['Zara', otherId, 'Only for Zara', other.user.id]) expect(text).not.toContain(leak);
    const zaras = await other.get('/api/me/data/download');
    expect(zaras.text).not.toContain(kaiId);
    expect(zaras.text).not.toContain('"Kai"');
  });
});
