import { randomUUID } from 'node:crypto';
import {
  ANONYMISED_KINDS,
  ANONYMOUS_NAME,
  ERASED_WORDS,
  ErasureRequest,
  ErasureRequestResponse,
  Role,
  addDays,
  todayInLondon,
} from '@heard/domain';
import { anonymiseYoungPerson } from '@heard/api/app/erasure/anonymise-young-person';
import { createYoungPerson } from './support/factories';
import { EverythingAbout, everythingAbout, wholeDatabase, whereItAppears } from './support/erasure-fixtures';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

/**
 * Erasure on request (issue 17 §2): one young person anonymised everywhere, in one transaction;
 * history keeps that something happened, not who.
 */
describe('anonymiseYoungPerson', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let quillon: EverythingAbout;
  let otherId: string;

  const totals = async (id: string) => ({
    attendance: await countRows(t.db, `attendance WHERE young_person_id = '${id}'`),
    invitations: await countRows(t.db, `invitations WHERE young_person_id = '${id}'`),
    consents: await countRows(t.db, `consent_records WHERE young_person_id = '${id}'`),
    memberships: await countRows(t.db, `group_memberships WHERE young_person_id = '${id}'`),
    ratings: await countRows(t.db, `response_ratings WHERE young_person_id = '${id}'`),
    evaluations: await countRows(t.db, 'evaluations'),
    answers: await countRows(t.db, 'evaluation_answers'),
    items: await countRows(t.db, 'you_said_items'),
    worries: await countRows(t.db, `worries WHERE young_person_id = '${id}'`),
    oneToOnes: await countRows(t.db, `one_to_ones WHERE young_person_id = '${id}'`),
    mail: await countRows(t.db, 'mail_outbox'),
  });

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    quillon = await everythingAbout(t, officer, 'Vantreese', 37);
    otherId = (await createYoungPerson(officer, { preferredName: 'Zara Quillfeather' })).id;
  }, 180_000);

  afterAll(() => t?.close());

  it('should leave none of their details anywhere in the database, keeping the counts and published anonymous text', async () => {
    for (const secret of quillon.secrets)
      expect([secret, await whereItAppears(t.db, secret)]).not.toEqual([secret, []]);
    const before = await totals(quillon.youngPersonId);

    const counts = await t.db.transaction((em) =>
      anonymiseYoungPerson(em, quillon.youngPersonId, {
        reason: 'erasure',
        at: new Date(),
        byUserId: officer.user.id,
      }),
    );

    // Every kind the fixture wrote was changed.
    expect(Object.keys(counts).sort()).toEqual([...ANONYMISED_KINDS].sort());
    expect(counts).toMatchObject({
      record: 1,
      serviceExperiences: 1,
      categories: 1,
      trustedAdults: 1,
      groupMemberships: 1,
      oneToOnes: 1,
      consents: 2,
      evaluations: 1,
      evaluationAnswers: 1,
      evaluationQuotes: 1,
      youSaidSpeakers: 1,
      quotesRemoved: 1,
      quotesKeptAnonymous: 1,
      responseRatings: 1,
      planComments: 1,
      loopTellings: 1,
      worries: 1,
      deletionRequests: 1,
      enrolmentCodes: 1,
      account: 1,
      passkeys: 1,
      recoveryCodes: 1,
    });
    expect(counts.invitations).toBeGreaterThanOrEqual(2);
    expect(counts.mailWithdrawn).toBeGreaterThanOrEqual(1);
    expect(counts.mailAnonymised).toBeGreaterThanOrEqual(1);
    expect(counts.sessions).toBeGreaterThanOrEqual(1);
    expect(counts.namesRemovedFromText).toBeGreaterThanOrEqual(1);

    for (const secret of quillon.secrets)
      expect([secret, await whereItAppears(t.db, secret)]).toEqual([secret, []]);

    // History keeps that it happened: the same rows, now about "a young person".
    const after = await totals(quillon.youngPersonId);
    expect(after).toEqual(before);
    // Their categories are no longer on the record; the team's list keeps the category.
    expect(
      await countRows(t.db, `young_person_categories WHERE young_person_id = '${quillon.youngPersonId}'`),
    ).toBe(0);
    expect(await countRows(t.db, `young_people_categories WHERE name = 'Young carer Vantreese'`)).toBe(1);
    const [record] = await t.db.query(
      `SELECT preferred_name AS name, anonymised_reason AS reason, archived_at IS NOT NULL AS archived,
              contact, parent_carer AS "parentCarer", placed_out_of_area AS "placedOutOfArea",
              placement_authority AS "placementAuthority" FROM young_people WHERE id = $1`,
      [quillon.youngPersonId],
    );
    // Placed out of area stays, so reach figures for past periods still add up; where goes.
    expect(record).toEqual({
      name: ANONYMOUS_NAME,
      reason: 'erasure',
      archived: true,
      contact: { email: null, phone: null, whatsapp: null, letter: null, onlyViaTrustedAdult: false },
      parentCarer: null,
      placedOutOfArea: true,
      placementAuthority: null,
    });

    // Published material keeps only anonymous text.
    const [answer] = await t.db.query(
      `SELECT a.text, e.young_person_id AS "youngPersonId", q.published_named AS named
         FROM evaluation_answers a JOIN evaluations e ON e.id = a.evaluation_id
         JOIN evaluation_quotes q ON q.answer_id = a.id WHERE a.text = $1`,
      [quillon.publishedAnswer],
    );
    expect(answer).toEqual({ text: quillon.publishedAnswer, youngPersonId: null, named: false });
    const board = await t.anonymous().get('/api/board');
    expect(board.status).toBe(200);
    expect(JSON.stringify(board.body)).toContain(quillon.boardQuote);
    const [quote] = await t.db.query(
      `SELECT young_person_id AS "youngPersonId" FROM you_said_quotes WHERE words = $1`,
      [quillon.boardQuote],
    );
    expect(quote).toEqual({ youngPersonId: null });
    expect(await countRows(t.db, `evaluation_answers WHERE text = '${ERASED_WORDS}'`)).toBe(1);

    // Nothing is left to send them, and their account cannot sign in.
    expect(
      await countRows(
        t.db,
        `mail_outbox WHERE status IN ('pending', 'sending') AND to_address = 'erased@erased.invalid'`,
      ),
    ).toBe(0);
    expect(
      await countRows(
        t.db,
        `invitations WHERE young_person_id = '${quillon.youngPersonId}' AND short_code IS NOT NULL`,
      ),
    ).toBe(0);
    expect(
      await countRows(
        t.db,
        `invitations WHERE young_person_id = '${quillon.youngPersonId}' AND status <> 'withdrawn' AND event_date >= CURRENT_DATE`,
      ),
    ).toBe(0);
    expect((await quillon.client.get('/api/me')).status).toBe(401);
    expect(
      await countRows(
        t.db,
        `consent_records WHERE young_person_id = '${quillon.youngPersonId}' AND withdrawn_at IS NULL`,
      ),
    ).toBe(0);

    // Nobody else was touched.
    expect(await whereItAppears(t.db, 'Zara Quillfeather')).toEqual(['young_people (1)']);
    expect(otherId).toBeTruthy();
  }, 180_000);

  it('should change nothing more and not fail when run again, for erasure or retention', async () => {
    const before = await wholeDatabase(t.db);
    for (const reason of ['erasure', 'retention'] as const) {
      const counts = await t.db.transaction((em) =>
        anonymiseYoungPerson(em, quillon.youngPersonId, { reason, at: new Date(), byUserId: null }),
      );
      expect(counts).toEqual(Object.fromEntries(ANONYMISED_KINDS.map((k) => [k, 0])));
    }
    expect(await wholeDatabase(t.db)).toEqual(before);
  }, 120_000);

  it('should refuse a young person who does not exist, changing nothing', async () => {
    const before = await wholeDatabase(t.db);
    await expect(
      t.db.transaction((em) =>
        anonymiseYoungPerson(em, '00000000-0000-4000-8000-000000000000', {
          reason: 'retention',
          at: new Date(),
          byUserId: null,
        }),
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await wholeDatabase(t.db)).toEqual(before);
  }, 60_000);
});

/** Recording and deciding a request: officers only, each refusal problem+json and nothing written. */
describe('erasure requests', () => {
  let t: TestApp;
  let officer: SignedInClient;

  /** Everything but the sessions table, whose last-seen times move with every request. */
  const state = async () => {
    const all = await wholeDatabase(t.db);
    delete all['sessions'];
    return all;
  };
  const request = (over: Partial<ErasureRequest> = {}): ErasureRequest => ({
    askedBy: 'young_person',
    receivedHow: 'their_pages',
    receivedOn: todayInLondon(),
    details: 'They asked for everything to go.',
    deletionRequestId: null,
    ...over,
  });
  const recordFor = async (youngPersonId: string, over: Partial<ErasureRequest> = {}) => {
    const res = await officer.post(`/api/young-people/${youngPersonId}/erasure-requests`, request(over));
    expect(res.status).toBe(201);
    return res.body as ErasureRequestResponse;
  };
  const erase = { decision: 'erase', confirmCannotBeUndone: true };

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
  }, 120_000);

  afterAll(() => t?.close());

  it('should record a request from the young person’s own pages and erase everything on the decision, in one transaction, audited', async () => {
    const yp = (
      await createYoungPerson(officer, { preferredName: 'Orla Brightwater', decidesForThemselves: true })
    ).id;
    const orla = await t.signInAs(Role.YoungExpert, { displayName: 'Orla Brightwater', youngPersonId: yp });
    const asked = await orla.post('/api/me/deletion-requests', {
      what: 'Please delete everything about me.',
    });
    expect(asked.status).toBe(201);

    const recorded = await recordFor(yp, { deletionRequestId: asked.body.id });
    expect(recorded).toMatchObject({
      youngPersonId: yp,
      askedBy: 'young_person',
      deletionRequestId: asked.body.id,
      decision: null,
      recordedBy: officer.user.displayName,
      carriedOutAt: null,
    });
    const listed = await officer.get(`/api/young-people/${yp}/erasure-requests`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ anonymisedAt: null, requests: [recorded] });

    const decided = await officer.post(`/api/erasure-requests/${recorded.id}/decision`, erase);
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      decision: 'erase',
      decidedBy: officer.user.displayName,
      details: null,
      carriedOutAt: expect.any(String),
      counts: expect.objectContaining({ record: 1, account: 1, deletionRequests: 1 }),
    });
    expect(await whereItAppears(t.db, 'Orla Brightwater')).toEqual([]);
    expect(await whereItAppears(t.db, 'Please delete everything about me.')).toEqual([]);
    const [handled] = await t.db.query(
      `SELECT handled_at IS NOT NULL AS handled, handled_by AS "by" FROM deletion_requests WHERE id = $1`,
      [asked.body.id],
    );
    expect(handled).toEqual({ handled: true, by: officer.user.id });
    expect(
      await countRows(
        t.db,
        `audit_events WHERE entity_type = 'erasure_request' AND entity_id = '${recorded.id}' AND detail->>'event' = 'decided'
           AND detail->>'decision' = 'erase'`,
      ),
    ).toBe(1);
    expect((await officer.get(`/api/young-people/${yp}/erasure-requests`)).body.anonymisedAt).toEqual(
      expect.any(String),
    );
    expect((await orla.get('/api/me')).status).toBe(401);

    // Deciding twice is refused, and changes nothing.
    const before = await state();
    expectProblem(await officer.post(`/api/erasure-requests/${recorded.id}/decision`, erase), 409);
    expectProblem(
      await officer.post(`/api/erasure-requests/${recorded.id}/decision`, {
        decision: 'refuse',
        reason: 'No.',
      }),
      409,
    );
    expect(await state()).toEqual(before);
  }, 120_000);

  it('should record a refusal with its reason, answer their own request with it, and leave their details alone', async () => {
    const yp = (await createYoungPerson(officer, { preferredName: 'Tamsin Roe', decidesForThemselves: true }))
      .id;
    const tamsin = await t.signInAs(Role.YoungExpert, { displayName: 'Tamsin Roe', youngPersonId: yp });
    const asked = await tamsin.post('/api/me/deletion-requests', { what: 'Delete my record.' });
    const recorded = await recordFor(yp, { deletionRequestId: asked.body.id });
    const reason = 'We must keep your record while you are in care. We can remove the photo you asked about.';
    const decided = await officer.post(`/api/erasure-requests/${recorded.id}/decision`, {
      decision: 'refuse',
      reason,
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ decision: 'refuse', reason, carriedOutAt: null, counts: null });
    const [person] = await t.db.query(`SELECT preferred_name AS name FROM young_people WHERE id = $1`, [yp]);
    expect(person).toEqual({ name: 'Tamsin Roe' });
    const [answered] = await t.db.query(`SELECT outcome FROM deletion_requests WHERE id = $1`, [
      asked.body.id,
    ]);
    expect(answered).toEqual({ outcome: reason });
    // A new request may be recorded once the last is decided.
    expect((await recordFor(yp, { askedBy: 'parent_carer', receivedHow: 'letter' })).decision).toBeNull();
    expectProblem(await officer.post(`/api/young-people/${yp}/erasure-requests`, request()), 409);
    // Subject access shows them their requests and the answers.
    const copy = await officer.get(`/api/young-people/${yp}/subject-access.json`);
    expect(JSON.parse(copy.text).erasureRequests).toEqual([
      expect.objectContaining({
        decision: 'refuse',
        reason,
        decidedAt: expect.any(String),
        carriedOutAt: null,
      }),
      expect.objectContaining({ decision: null, reason: null }),
    ]);
  }, 120_000);

  it('should erase a young person already anonymised without failing, changing nothing more', async () => {
    const yp = (await createYoungPerson(officer, { preferredName: 'Idris Fallow' })).id;
    await t.db.transaction((em) =>
      anonymiseYoungPerson(em, yp, { reason: 'retention', at: new Date(), byUserId: null }),
    );
    const recorded = await recordFor(yp, { askedBy: 'other', receivedHow: 'email', details: null });
    const decided = await officer.post(`/api/erasure-requests/${recorded.id}/decision`, erase);
    expect(decided.status).toBe(200);
    expect(decided.body.counts).toEqual(Object.fromEntries(ANONYMISED_KINDS.map((k) => [k, 0])));
    expect(decided.body.carriedOutAt).toEqual(expect.any(String));
  }, 60_000);

  it('should not erase while a worry they raised is unread by a safeguarding contact', async () => {
    const yp = (
      await createYoungPerson(officer, { preferredName: 'Wren Castell', decidesForThemselves: true })
    ).id;
    const wren = await t.signInAs(Role.YoungExpert, { displayName: 'Wren Castell', youngPersonId: yp });
    expect((await wren.post('/api/me/worries', { words: 'Someone at the hostel scares me.' })).status).toBe(
      201,
    );
    const recorded = await recordFor(yp);
    const before = await state();
    const refused = await officer.post(`/api/erasure-requests/${recorded.id}/decision`, erase);
    expectProblem(refused, 409);
    expect(refused.body.detail).toContain('worry');
    expect(await state()).toEqual(before);
    await t.db.query(
      `UPDATE worries SET acknowledged_at = now(), acknowledged_by = $2 WHERE young_person_id = $1`,
      [yp, officer.user.id],
    );
    expect((await officer.post(`/api/erasure-requests/${recorded.id}/decision`, erase)).status).toBe(200);
    expect(await whereItAppears(t.db, 'Wren Castell')).toEqual([]);
  }, 60_000);

  it('should refuse invalid, missing and oversized input as problem+json with the field, writing nothing', async () => {
    const yp = (await createYoungPerson(officer, { preferredName: 'Bea Lindqvist' })).id;
    const other = (
      await createYoungPerson(officer, { preferredName: 'Cal Moss', decidesForThemselves: true })
    ).id;
    const cal = await t.signInAs(Role.YoungExpert, { youngPersonId: other });
    const calAsked = await cal.post('/api/me/deletion-requests', { what: 'Delete the video.' });
    const open = await recordFor(yp);
    const url = `/api/young-people/${yp}/erasure-requests`;
    const before = await state();
    const bad: [object, string][] = [
      [{ ...request(), askedBy: 'the_cat' }, 'askedBy'],
      [{ ...request(), receivedHow: 'pigeon' }, 'receivedHow'],
      [{ ...request(), receivedOn: '2026-02-30' }, 'receivedOn'],
      [{ ...request(), details: 'x'.repeat(2001) }, 'details'],
      [{ askedBy: 'young_person', receivedHow: 'email' }, 'receivedOn'],
      [{ ...request(), surprise: true }, ''],
    ];
    for (const [body, field] of bad) {
      const res = await officer.post(url, body);
      expectProblem(res, 400);
      if (field) expect(Object.keys(res.body.errors ?? {})).toContain(field);
    }
    expectProblem(await officer.post(url, request({ receivedOn: addDays(todayInLondon(), 2) })), 400);
    const theirs = await officer.post(url, request({ deletionRequestId: calAsked.body.id }));
    expectProblem(theirs, 400);
    expect(Object.keys(theirs.body.errors)).toEqual(['deletionRequestId']);

    const decision = `/api/erasure-requests/${open.id}/decision`;
    const badDecisions: [object, string][] = [
      [{ decision: 'refuse' }, 'reason'],
      [{ decision: 'erase_part', reason: '' }, 'reason'],
      [{ decision: 'erase' }, 'confirmCannotBeUndone'],
      [{ decision: 'erase', confirmCannotBeUndone: false }, 'confirmCannotBeUndone'],
      [{ decision: 'shred', reason: 'x' }, 'decision'],
      [{ decision: 'refuse', reason: 'y'.repeat(2001) }, 'reason'],
      [{}, 'decision'],
    ];
    for (const [body, field] of badDecisions) {
      const res = await officer.post(decision, body);
      expectProblem(res, 400);
      expect(Object.keys(res.body.errors ?? {})).toContain(field);
    }
    expectProblem(await officer.post('/api/erasure-requests/not-an-id/decision', erase), 404);
    expectProblem(await officer.post(`/api/erasure-requests/${randomUUID()}/decision`, erase), 404);
    expectProblem(await officer.post(`/api/young-people/${randomUUID()}/erasure-requests`, request()), 404);
    expectProblem(await officer.get('/api/young-people/nope/erasure-requests'), 404);
    expect(await state()).toEqual(before);
  }, 120_000);

  it('should refuse every other role and anyone signed out, writing nothing', async () => {
    const yp = (await createYoungPerson(officer, { preferredName: 'Nell Ashdown' })).id;
    const open = await recordFor(yp);
    const before = await state();
    for (const role of [Role.Practitioner, Role.SeniorLeader, Role.Administrator, Role.YoungExpert]) {
      const client = await t.signInAs(role);
      expectProblem(await client.get(`/api/young-people/${yp}/erasure-requests`), 403);
      expectProblem(await client.post(`/api/young-people/${yp}/erasure-requests`, request()), 403);
      expectProblem(await client.post(`/api/erasure-requests/${open.id}/decision`, erase), 403);
    }
    expectProblem(await t.anonymous().post(`/api/erasure-requests/${open.id}/decision`).send(erase), 401);
    const after = await state();
    // Signing in the other roles wrote their users and sign-in audit rows; nothing about erasure.
    expect(after['erasure_requests']).toEqual(before['erasure_requests']);
    expect(after['young_people']).toEqual(before['young_people']);
    expect(after['audit_events'].filter((r) => r.includes('erasure_request'))).toEqual(
      before['audit_events'].filter((r) => r.includes('erasure_request')),
    );
  }, 120_000);
});
