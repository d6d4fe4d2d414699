import { randomUUID } from 'node:crypto';
import {
  AuditRecordType,
  DEFAULT_QUESTIONS,
  EvaluationRoundRequest,
  MAX_ANSWER_LENGTH,
  Role,
  TrustedAdultRelationship,
  addDays,
  todayInLondon,
} from '@heard/domain';
import { createGroup, createYoungPerson, dateOfBirthForAge, planActivity } from './support/factories';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();

/**
 * Evaluation rounds and entering evaluations (issue 11 §2–3): rounds of a tool version at an
 * occasion or online, entry by officers in a row with idempotency keys, and answers by link
 * without identity. Every refusal is problem+json and writes nothing.
 */
describe('evaluations', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let practitioner: SignedInClient;
  let leader: SignedInClient;
  let versionId: string;
  let activityId: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    practitioner = await t.signInAs(Role.Practitioner);
    leader = await t.signInAs(Role.SeniorLeader);
    const tool = await officer.post('/api/practice-tools', {
      name: 'This is Me profile',
      purpose: 'A young person tells their worker about themselves.',
      owningService: 'Children in care service',
      coProducedWith: 'Young Experts',
    });
    expect(tool.status).toBe(201);
    const withVersion = await officer.post(`/api/practice-tools/${tool.body.id}/versions`, {
      label: 'v1',
      link: 'https://tools.example/this-is-me.pdf',
      notes: null,
    });
    expect(withVersion.status).toBe(201);
    versionId = withVersion.body.versions[0].id;
    const activity = await planActivity(officer, { title: 'Spring activity day' });
    expect(activity.status).toBe(201);
    activityId = activity.body.id;
  });
  afterAll(() => t.close());

  const roundRequest = (overrides: Partial<EvaluationRoundRequest> = {}): EvaluationRoundRequest => ({
    toolVersionId: versionId,
    title: 'This is Me at the spring activity day',
    occasion: { kind: 'activity_day', id: activityId },
    opensOn: addDays(today, -1),
    closesOn: addDays(today, 30),
    audience: 'link',
    ...overrides,
  });
  const createRound = async (overrides: Partial<EvaluationRoundRequest> = {}) => {
    const res = await officer.post('/api/evaluation-rounds', roundRequest(overrides));
    expect(res.status).toBe(201);
    return res.body as { id: string; link: { token: string; path: string } | null };
  };
  const entry = (youngPersonId: string, overrides: Record<string, unknown> = {}) => ({
    youngPersonId,
    answeredOn: today,
    helpedBy: 'Their foster carer read the questions out',
    answers: [
      { questionKey: 'overall', rating: 4 },
      { questionKey: 'liked', text: 'The pictures of the people.' },
    ],
    ...overrides,
  });
  const enter = (client: SignedInClient, roundId: string, body: object, key: string = randomUUID()) =>
    client.post(`/api/evaluation-rounds/${roundId}/evaluations`, body).set('Idempotency-Key', key);
  const byLink = (token: string, body: object, key: string = randomUUID()) =>
    t.anonymous().post(`/api/evaluation-links/${token}/evaluations`).set('Idempotency-Key', key).send(body);

  /** Every table an evaluation command could write, to prove a refusal changed nothing. */
  const counts = async () => ({
    rounds: await countRows(t.db, 'evaluation_rounds'),
    invitees: await countRows(t.db, 'evaluation_round_invitees'),
    evaluations: await countRows(t.db, 'evaluations'),
    answers: await countRows(t.db, 'evaluation_answers'),
    audit: await countRows(
      t.db,
      `audit_events WHERE entity_type IN ('${AuditRecordType.Evaluation}', '${AuditRecordType.EvaluationRound}')`,
    ),
  });
  const expectNothingWritten = async (before: Awaited<ReturnType<typeof counts>>) =>
    expect(await counts()).toEqual(before);

  describe('rounds', () => {
    it('should create a round at an activity day with the default questions and read it back', async () => {
      const res = await officer.post(
        '/api/evaluation-rounds',
        roundRequest({ audience: 'named', youngPersonIds: [] }),
      );
      expectProblem(res, 400);
      expect(Object.keys(res.body.errors)).toContain('youngPersonIds');

      const person = await createYoungPerson(officer, { preferredName: 'Amara' });
      const created = await officer.post(
        '/api/evaluation-rounds',
        roundRequest({ audience: 'named', youngPersonIds: [person.id] }),
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        toolVersionId: versionId,
        toolName: 'This is Me profile',
        versionLabel: 'v1',
        questions: DEFAULT_QUESTIONS,
        occasion: { kind: 'activity_day', id: activityId, title: 'Spring activity day' },
        state: 'open',
        audience: 'named',
        invitees: [{ id: person.id, displayName: 'Amara' }],
        evaluationCount: 0,
        link: null,
      });
      const read = await officer.get(`/api/evaluation-rounds/${created.body.id}`);
      expect(read.status).toBe(200);
      // The same round, less the link, which only the answer to creating it carries.
      expect(read.body).toEqual({ ...created.body, link: undefined });
      expect(read.body).not.toHaveProperty('link');
      const listed = await practitioner.get(`/api/evaluation-rounds?toolVersionId=${versionId}`);
      expect(listed.status).toBe(200);
      expect(listed.body.map((r: { id: string }) => r.id)).toContain(created.body.id);
      // The practitioner is not linked to Amara, so the round names nobody to them.
      expect((await practitioner.get(`/api/evaluation-rounds/${created.body.id}`)).body.invitees).toEqual([]);
    });

    it('should give a link round a token once, keep only its hash, and show the link page to anyone', async () => {
      const round = await createRound({ occasion: null });
      expect(round.link?.path).toBe(`/evaluate/${round.link?.token}`);
      const [stored] = await t.db.query(`SELECT link_token_hash FROM evaluation_rounds WHERE id = $1`, [
        round.id,
      ]);
      expect(stored.link_token_hash).toHaveLength(64);
      expect(stored.link_token_hash).not.toContain(round.link?.token);
      expect((await officer.get(`/api/evaluation-rounds/${round.id}`)).body.link).toBeUndefined();

      const view = await t.anonymous().get(`/api/evaluation-links/${round.link?.token}`);
      expect(view.status).toBe(200);
      expect(view.body).toEqual({
        title: 'This is Me at the spring activity day',
        toolName: 'This is Me profile',
        versionLabel: 'v1',
        questions: DEFAULT_QUESTIONS,
        closesOn: addDays(today, 30),
      });
    });

    it('should refuse an occasion that does not exist, an unknown field, a leader and the signed out, writing nothing', async () => {
      const before = await counts();
      const missing = await officer.post(
        '/api/evaluation-rounds',
        roundRequest({ occasion: { kind: 'group_session', id: randomUUID() } }),
      );
      expectProblem(missing, 400);
      expect(missing.body.errors.occasion).toEqual(['This occasion was not found.']);
      const unknown = await officer.post('/api/evaluation-rounds', { ...roundRequest(), colour: 'blue' });
      expectProblem(unknown, 400);
      expect(unknown.body.errors.colour).toEqual(['This field is not recognised.']);
      expectProblem(await leader.post('/api/evaluation-rounds', roundRequest()), 403);
      expectProblem(await practitioner.post('/api/evaluation-rounds', roundRequest()), 403);
      expectProblem(await t.anonymous().post('/api/evaluation-rounds').send(roundRequest()), 401);
      expectProblem(await t.anonymous().get(`/api/evaluation-rounds?toolVersionId=${versionId}`), 401);
      await expectNothingWritten(before);
    });

    it("should list the rounds held at one occasion, for the day's page and getting ready for the day", async () => {
      const atTheDay = await createRound({ title: 'At the day' });
      const online = await createRound({ occasion: null, title: 'Online' });
      const listed = await officer.get(
        `/api/evaluation-rounds?occasionKind=activity_day&occasionId=${activityId}`,
      );
      expect(listed.status).toBe(200);
      const ids = listed.body.map((r: { id: string }) => r.id);
      expect(ids).toContain(atTheDay.id);
      expect(ids).not.toContain(online.id);
      for (const round of listed.body)
        expect(round.occasion).toEqual(expect.objectContaining({ kind: 'activity_day', id: activityId }));
      const elsewhere = await officer.get(
        `/api/evaluation-rounds?occasionKind=group_session&occasionId=${activityId}`,
      );
      expect(elsewhere.status).toBe(200);
      expect(elsewhere.body).toEqual([]);
    });

    it('should refuse a list asked for by both, by neither, by an unknown kind or a bad id, and the signed out', async () => {
      for (const query of [
        `toolVersionId=${versionId}&occasionKind=activity_day&occasionId=${activityId}`,
        '',
        `occasionKind=activity_day`,
        `occasionKind=bowling&occasionId=${activityId}`,
        `occasionKind=activity_day&occasionId=not-an-id`,
        `occasionKind=activity_day&occasionId=${'a'.repeat(5000)}`,
      ]) {
        const res = await officer.get(`/api/evaluation-rounds?${query}`);
        expectProblem(res, 400);
      }
      expectProblem(
        await t.anonymous().get(`/api/evaluation-rounds?occasionKind=activity_day&occasionId=${activityId}`),
        401,
      );
    });

    it('should close a round early once, and then refuse its link', async () => {
      const round = await createRound();
      const closed = await officer.post(`/api/evaluation-rounds/${round.id}/close`, {});
      expect(closed.status).toBe(200);
      expect(closed.body.state).toBe('closed');
      expect(closed.body.closedAt).not.toBeNull();
      expectProblem(await officer.post(`/api/evaluation-rounds/${round.id}/close`, {}), 409);

      const before = await counts();
      const view = await t.anonymous().get(`/api/evaluation-links/${round.link?.token}`);
      expectProblem(view, 409);
      expect(view.body.detail).toBe('This evaluation round has closed, so it takes no more answers.');
      const answer = await byLink(round.link?.token ?? '', {
        answers: [{ questionKey: 'overall', rating: 5 }],
      });
      expectProblem(answer, 409);
      await expectNothingWritten(before);
    });
  });

  describe('entering evaluations', () => {
    it('should enter five evaluations in a row, each with its context and age band on the day', async () => {
      const people = await Promise.all(
        [10, 12, 13, 16, 19].map((age, i) =>
          createYoungPerson(officer, {
            preferredName: `Young person ${i}`,
            dateOfBirth: dateOfBirthForAge(age),
          }),
        ),
      );
      const round = await createRound({ audience: 'named', youngPersonIds: people.map((p) => p.id) });
      const stored = [];
      for (const person of people) {
        const res = await enter(officer, round.id, entry(person.id));
        expect(res.status).toBe(201);
        stored.push(res.body);
      }
      expect(stored.map((e) => e.ageBand)).toEqual(['10-12', '10-12', '13-15', '16-17', '18-25']);
      expect(stored[0]).toMatchObject({
        roundId: round.id,
        youngPersonId: people[0].id,
        answeredOn: today,
        helpedBy: 'Their foster carer read the questions out',
        pictureMode: false,
        occasion: { kind: 'activity_day', id: activityId },
        enteredBy: { id: officer.user.id, displayName: officer.user.displayName },
        answers: [
          { questionKey: 'overall', rating: 4, text: null },
          { questionKey: 'liked', rating: null, text: 'The pictures of the people.' },
        ],
      });
      expect((await officer.get(`/api/evaluation-rounds/${round.id}`)).body.evaluationCount).toBe(5);
      expect(
        await countRows(
          t.db,
          `audit_events WHERE entity_type = '${AuditRecordType.Evaluation}' AND actor_user_id = '${officer.user.id}'`,
        ),
      ).toBeGreaterThanOrEqual(5);
    });

    it('should store an evaluation sent twice with one key once, and refuse the key with other answers', async () => {
      const person = await createYoungPerson(officer, { preferredName: 'Kai' });
      const round = await createRound();
      const key = randomUUID();
      const first = await enter(officer, round.id, entry(person.id), key);
      expect(first.status).toBe(201);
      const before = await counts();
      const again = await enter(officer, round.id, entry(person.id), key.toUpperCase());
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      await expectNothingWritten(before);

      const other = await enter(
        officer,
        round.id,
        entry(person.id, { answers: [{ questionKey: 'overall', rating: 1 }] }),
        key,
      );
      expectProblem(other, 422);
      await expectNothingWritten(before);
    });

    it('should store one evaluation when the same one is sent twice at once', async () => {
      const person = await createYoungPerson(officer, { preferredName: 'Zofia' });
      const round = await createRound();
      const key = randomUUID();
      const [a, b] = await Promise.all([
        enter(officer, round.id, entry(person.id), key),
        enter(officer, round.id, entry(person.id), key),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).toBe(b.body.id);
      expect(await countRows(t.db, `evaluations WHERE idempotency_key = '${key}'`)).toBe(1);
      expect(await countRows(t.db, `evaluation_answers WHERE evaluation_id = '${a.body.id}'`)).toBe(2);
    });

    it('should refuse ratings out of range, an oversized answer, unknown fields and a missing key, writing nothing', async () => {
      const person = await createYoungPerson(officer, { preferredName: 'Noor' });
      const round = await createRound();
      const before = await counts();
      for (const rating of [0, 6]) {
        const res = await enter(
          officer,
          round.id,
          entry(person.id, { answers: [{ questionKey: 'overall', rating }] }),
        );
        expectProblem(res, 400);
        expect(res.body.errors['answers.0.rating']).toEqual(['Choose a face from 1 to 5.']);
      }
      const long = await enter(
        officer,
        round.id,
        entry(person.id, { answers: [{ questionKey: 'liked', text: 'a'.repeat(MAX_ANSWER_LENGTH + 1) }] }),
      );
      expectProblem(long, 400);
      expect(Object.keys(long.body.errors)).toEqual(['answers.0.text']);
      const unknown = await enter(officer, round.id, { ...entry(person.id), mood: 'happy' });
      expectProblem(unknown, 400);
      expect(unknown.body.errors.mood).toEqual(['This field is not recognised.']);
      const wrongKind = await enter(
        officer,
        round.id,
        entry(person.id, { answers: [{ questionKey: 'liked', rating: 3 }] }),
      );
      expectProblem(wrongKind, 400);
      expect(wrongKind.body.errors['answers.0.rating']).toEqual(['This question takes words, not a face.']);
      const noKey = await officer.post(`/api/evaluation-rounds/${round.id}/evaluations`, entry(person.id));
      expectProblem(noKey, 400);
      expect(Object.keys(noKey.body.errors)).toEqual(['Idempotency-Key']);
      const badKey = await enter(officer, round.id, entry(person.id), 'not-a-uuid');
      expectProblem(badKey, 400);
      const future = await enter(officer, round.id, entry(person.id, { answeredOn: addDays(today, 1) }));
      expectProblem(future, 400);
      expect(Object.keys(future.body.errors)).toEqual(['answeredOn']);
      await expectNothingWritten(before);
    });

    it('should store HTML and script in answers verbatim, as text', async () => {
      const person = await createYoungPerson(officer, { preferredName: 'Ines' });
      const round = await createRound();
      const hostile = '<script>alert("hi")</script><b>bold</b> & "quotes"';
      const res = await enter(
        officer,
        round.id,
        entry(person.id, { answers: [{ questionKey: 'liked', text: hostile }] }),
      );
      expect(res.status).toBe(201);
      expect(res.body.answers).toEqual([{ questionKey: 'liked', rating: null, text: hostile }]);
      const [row] = await t.db.query(
        `SELECT text FROM evaluation_answers a JOIN evaluations e ON e.id = a.evaluation_id WHERE e.id = $1`,
        [res.body.id],
      );
      expect(row.text).toBe(hostile);
    });

    it('should refuse a young person outside the audience, one the practitioner is not linked to, a closed round and the signed out', async () => {
      const member = await createYoungPerson(officer, { preferredName: 'Member' });
      const outsider = await createYoungPerson(officer, { preferredName: 'Outsider' });
      const linked = await createYoungPerson(officer, {
        preferredName: 'Linked',
        trustedAdults: [
          { userId: practitioner.user.id, relationship: TrustedAdultRelationship.SocialWorker },
        ],
      });
      const named = await createRound({ audience: 'named', youngPersonIds: [member.id, linked.id] });
      const group = await createGroup(officer, { minAge: 10, maxAge: 25 });
      const groupRound = await createRound({ audience: 'group', groupId: group.id, occasion: null });
      const closed = await createRound({ opensOn: addDays(today, -10), closesOn: addDays(today, -1) });

      const before = await counts();
      const notNamed = await enter(officer, named.id, entry(outsider.id));
      expectProblem(notNamed, 400);
      expect(Object.keys(notNamed.body.errors)).toEqual(['youngPersonId']);
      expectProblem(await enter(officer, groupRound.id, entry(member.id)), 400);
      // Not linked to Member: the same 404 as a young person who does not exist.
      expectProblem(await enter(practitioner, named.id, entry(member.id)), 404);
      expectProblem(await enter(practitioner, named.id, entry(randomUUID())), 404);
      expectProblem(await enter(leader, named.id, entry(member.id)), 403);
      expectProblem(
        await t
          .anonymous()
          .post(`/api/evaluation-rounds/${named.id}/evaluations`)
          .set('Idempotency-Key', randomUUID())
          .send(entry(member.id)),
        401,
      );
      const late = await enter(officer, closed.id, entry(member.id));
      expectProblem(late, 409);
      expect(late.body.detail).toBe('This evaluation round has closed, so it takes no more answers.');
      expectProblem(await enter(officer, randomUUID(), entry(member.id)), 404);
      await expectNothingWritten(before);

      // A member of the group on the day is in a group round's audience.
      const joined = await officer.post(`/api/groups/${group.id}/members`, {
        youngPersonId: member.id,
        joinedOn: today,
        role: 'member',
      });
      expect(joined.status).toBe(201);
      expect((await enter(officer, groupRound.id, entry(member.id))).status).toBe(201);
      // A practitioner enters for the young person linked to them.
      expect((await enter(practitioner, named.id, entry(linked.id))).status).toBe(201);
    });
  });

  describe('answering by link', () => {
    it('should keep no identity, store a resend once, and refuse a wrong token', async () => {
      const round = await createRound();
      const token = round.link?.token ?? '';
      const key = randomUUID();
      const body = {
        pictureMode: true,
        answers: [
          { questionKey: 'overall', rating: 5 },
          { questionKey: 'change', text: 'Bigger writing' },
        ],
      };
      const first = await byLink(token, body, key);
      expect(first.status).toBe(201);
      expect(first.body).toEqual({ received: true });
      const before = await counts();
      const again = await byLink(token, body, key);
      expect(again.status).toBe(201);
      expect(again.body).toEqual({ received: true });
      await expectNothingWritten(before);
      expectProblem(await byLink(token, { answers: [{ questionKey: 'overall', rating: 1 }] }, key), 422);

      const [stored] = await t.db.query(
        `SELECT young_person_id, entered_by, helped_by, age_band, picture_mode, occasion_kind, answered_on::text AS answered_on
           FROM evaluations WHERE round_id = $1`,
        [round.id],
      );
      expect(stored).toEqual({
        young_person_id: null,
        entered_by: null,
        helped_by: null,
        age_band: null,
        picture_mode: true,
        occasion_kind: 'activity_day',
        answered_on: today,
      });
      const [audit] = await t.db.query(
        `SELECT actor_user_id FROM audit_events WHERE entity_type = $1 AND detail->>'roundId' = $2`,
        [AuditRecordType.Evaluation, round.id],
      );
      expect(audit.actor_user_id).toBeNull();

      expectProblem(await t.anonymous().get(`/api/evaluation-links/${token}x`), 404);
      expectProblem(await byLink(`${token}x`, body), 404);
      expectProblem(await byLink(token, { ...body, youngPersonId: randomUUID() }), 400);
      expectProblem(await byLink(token, { answers: [{ questionKey: 'overall', rating: 6 }] }), 400);
      await expectNothingWritten(before);
    });
  });
});
