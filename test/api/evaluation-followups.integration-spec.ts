import { randomUUID } from 'node:crypto';
import { EvaluationRoundRequest, MAX_ANSWER_LENGTH, Role, addDays, todayInLondon } from '@heard/domain';
import { createYoungPerson, planActivity } from './support/factories';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();

/**
 * What officers do with evaluations once they are in (issue 11 §5, §7 and editing): a round's
 * list, correcting one while the round is open, raising a worry from one, and words that prompt a
 * second read, and a suggestion made into a "You said" item. Every refusal is problem+json and
 * writes nothing.
 */
describe('evaluation follow-ups', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let practitioner: SignedInClient;
  let leader: SignedInClient;
  let versionId: string;
  let activityId: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer, { displayName: 'Olu Officer' });
    practitioner = await t.signInAs(Role.Practitioner);
    leader = await t.signInAs(Role.SeniorLeader);
    const tool = await officer.post('/api/practice-tools', {
      name: 'Invitation-to-chair letter',
      purpose: 'Invites a young person to chair their own review.',
      owningService: 'Independent reviewing service',
      coProducedWith: 'Young Experts',
    });
    const withVersion = await officer.post(`/api/practice-tools/${tool.body.id}/versions`, {
      label: 'v2',
      link: 'https://tools.example/chair-letter.pdf',
      notes: null,
    });
    versionId = withVersion.body.versions[0].id;
    activityId = (await planActivity(officer, { title: 'Go-karting day' })).body.id;
  });
  afterAll(() => t.close());

  const createRound = async (overrides: Partial<EvaluationRoundRequest> = {}) => {
    const res = await officer.post('/api/evaluation-rounds', {
      toolVersionId: versionId,
      title: 'Chair letter at go-karting',
      occasion: { kind: 'activity_day', id: activityId },
      opensOn: addDays(today, -1),
      closesOn: addDays(today, 30),
      audience: 'link',
      ...overrides,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; link: { token: string } | null };
  };
  const enter = (roundId: string, youngPersonId: string, answers: object[]) =>
    officer
      .post(`/api/evaluation-rounds/${roundId}/evaluations`, { youngPersonId, answeredOn: today, answers })
      .set('Idempotency-Key', randomUUID());
  const byLink = (token: string, answers: object[]) =>
    t
      .anonymous()
      .post(`/api/evaluation-links/${token}/evaluations`)
      .set('Idempotency-Key', randomUUID())
      .send({ answers });
  const counts = async () => ({
    answers: await countRows(t.db, 'evaluation_answers'),
    evaluations: await countRows(t.db, 'evaluations'),
    worries: await countRows(t.db, 'worries'),
    youSaid: await countRows(t.db, 'you_said_items'),
    // A refused request is itself audited (access_refused); nothing else may be.
    audit: await countRows(t.db, `audit_events WHERE action <> 'access_refused'`),
  });

  describe('a round’s evaluations', () => {
    it('should list named and link evaluations with their words to check, audited, and refuse others', async () => {
      const amara = await createYoungPerson(officer, { preferredName: 'Amara' });
      const round = await createRound();
      const named = await enter(round.id, amara.id, [
        { questionKey: 'overall', rating: 2 },
        { questionKey: 'change', text: 'I was scared to say no at the meeting.' },
      ]);
      expect(named.status).toBe(201);
      expect(named.body.wordsToCheck).toEqual(['scared']);
      expect(
        (await byLink(round.link?.token ?? '', [{ questionKey: 'liked', text: 'The big font' }])).status,
      ).toBe(201);
      const auditBefore = await countRows(t.db, `audit_events WHERE entity_id = '${round.id}'`);
      const list = await officer.get(`/api/evaluation-rounds/${round.id}/evaluations`);
      expect(list.status).toBe(200);
      expect(list.body).toHaveLength(2);
      const byPerson = (e: { youngPersonId: string | null }) => e.youngPersonId;
      const link = list.body.find((e: { youngPersonId: string | null }) => byPerson(e) === null);
      const amaras = list.body.find((e: { youngPersonId: string | null }) => byPerson(e) === amara.id);
      expect(link).toMatchObject({
        youngPersonId: null,
        youngPersonName: null,
        wordsToCheck: [],
        quote: null,
      });
      expect(amaras).toMatchObject({
        youngPersonId: amara.id,
        youngPersonName: 'Amara',
        wordsToCheck: ['scared'],
        youSaidFrom: [],
        occasion: { kind: 'activity_day', id: activityId },
      });
      expect(await countRows(t.db, `audit_events WHERE entity_id = '${round.id}'`)).toBe(auditBefore + 1);

      expectProblem(await practitioner.get(`/api/evaluation-rounds/${round.id}/evaluations`), 403);
      expectProblem(await leader.get(`/api/evaluation-rounds/${round.id}/evaluations`), 403);
      expectProblem(await t.anonymous().get(`/api/evaluation-rounds/${round.id}/evaluations`), 401);
      expectProblem(await officer.get(`/api/evaluation-rounds/${randomUUID()}/evaluations`), 404);
      expectProblem(await officer.get(`/api/evaluation-rounds/not-a-uuid/evaluations`), 404);
    });
  });

  describe('editing', () => {
    it('should correct a submitted evaluation under the same answer rules, audited, with words to check', async () => {
      const kai = await createYoungPerson(officer, { preferredName: 'Kai' });
      const round = await createRound();
      const entered = await enter(round.id, kai.id, [
        { questionKey: 'overall', rating: 4 },
        { questionKey: 'liked', text: 'The colours' },
      ]);
      const res = await officer.patch(`/api/evaluations/${entered.body.id}`, {
        helpedBy: 'Read out by Olu',
        answers: [
          { questionKey: 'overall', rating: 5 },
          { questionKey: 'change', text: 'Someone hit me on the bus there <b>twice</b>' },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: entered.body.id,
        helpedBy: 'Read out by Olu',
        answers: [
          { questionKey: 'overall', rating: 5, text: null },
          { questionKey: 'change', rating: null, text: 'Someone hit me on the bus there <b>twice</b>' },
        ],
        wordsToCheck: ['hit me'],
      });
      const [audit]: { detail: { changed: string; removed: string } }[] = await t.db.query(
        `SELECT detail FROM audit_events WHERE entity_id = $1 AND action = 'update'`,
        [entered.body.id],
      );
      expect(audit.detail).toMatchObject({ event: 'edit', changed: 'overall,change', removed: 'liked' });
      // The audit log names the questions, never the words.
      expect(JSON.stringify(audit.detail)).not.toContain('bus');
    });

    it('should refuse bad, missing, oversized and unauthorised edits, a link answer and a closed round, writing nothing', async () => {
      const noor = await createYoungPerson(officer, { preferredName: 'Noor' });
      const round = await createRound();
      const entered = await enter(round.id, noor.id, [{ questionKey: 'overall', rating: 3 }]);
      const url = `/api/evaluations/${entered.body.id}`;
      await byLink(round.link?.token ?? '', [{ questionKey: 'overall', rating: 3 }]);
      const [linkOne]: { id: string }[] = await t.db.query(
        `SELECT id FROM evaluations WHERE round_id = $1 AND young_person_id IS NULL`,
        [round.id],
      );
      const before = await counts();
      const cases: [object, string][] = [
        [{ answers: [{ questionKey: 'overall', rating: 6 }] }, 'answers.0.rating'],
        [{ answers: [{ questionKey: 'liked', rating: 3 }] }, 'answers.0.rating'],
        [{ answers: [{ questionKey: 'nope', rating: 3 }] }, 'answers.0.questionKey'],
        [{ answers: [{ questionKey: 'liked', text: 'a'.repeat(MAX_ANSWER_LENGTH + 1) }] }, 'answers.0.text'],
        [{ answers: [] }, 'answers'],
        [{}, 'answers'],
        [{ answers: [{ questionKey: 'overall', rating: 3 }], mood: 'fine' }, 'mood'],
      ];
      for (const [body, field] of cases) {
        const res = await officer.patch(url, body);
        expectProblem(res, 400);
        expect(Object.keys(res.body.errors)).toContain(field);
      }
      const ok = { answers: [{ questionKey: 'overall', rating: 1 }] };
      expectProblem(await practitioner.patch(url, ok), 403);
      expectProblem(await t.anonymous().patch(url).send(ok), 401);
      expectProblem(await officer.patch(`/api/evaluations/${randomUUID()}`, ok), 404);
      const link = await officer.patch(`/api/evaluations/${linkOne.id}`, ok);
      expectProblem(link, 409);
      await officer.post(`/api/evaluation-rounds/${round.id}/close`, {});
      const afterClose = await counts();
      const closed = await officer.patch(url, ok);
      expectProblem(closed, 409);
      expect(closed.body.detail).toBe(
        'This evaluation round has closed, so its evaluations can no longer be changed.',
      );
      expect(await counts()).toEqual(afterClose);
      expect({ ...afterClose, audit: before.audit }).toEqual(before);
      const [{ rating }] = await t.db.query(
        `SELECT rating FROM evaluation_answers WHERE evaluation_id = $1`,
        [entered.body.id],
      );
      expect(rating).toBe(3);
    });
  });

  describe('raising a worry from an evaluation', () => {
    it('should raise one through the worries service with the evaluation, young person and occasion', async () => {
      const ivy = await createYoungPerson(officer, { preferredName: 'Ivy' });
      const round = await createRound();
      const entered = await enter(round.id, ivy.id, [
        { questionKey: 'change', text: 'I do not want to go home after.' },
      ]);
      const own = await officer.post(`/api/evaluations/${entered.body.id}/worries`, {
        words: 'Ivy said she does not want to go home; she looked upset.',
      });
      expect(own.status).toBe(201);
      expect(own.body.contactsTold).toBe(0);
      const fromAnswers = await officer.post(`/api/evaluations/${entered.body.id}/worries`, {});
      expect(fromAnswers.status).toBe(201);
      const rows: Record<string, string>[] = await t.db.query(
        `SELECT words, source_kind, source_id, young_person_id, occasion_kind, occasion_id, raised_by
           FROM worries WHERE id = ANY($1::uuid[]) ORDER BY raised_at`,
        [[own.body.id, fromAnswers.body.id]],
      );
      expect(rows.map((r) => r.words)).toEqual([
        'Ivy said she does not want to go home; she looked upset.',
        'I do not want to go home after.',
      ]);
      for (const row of rows)
        expect(row).toMatchObject({
          source_kind: 'evaluation',
          source_id: entered.body.id,
          young_person_id: ivy.id,
          occasion_kind: 'activity_day',
          occasion_id: activityId,
          raised_by: officer.user.id,
        });
    });

    it('should refuse empty, oversized and unauthorised worries, and one with no words to send, writing nothing', async () => {
      const jo = await createYoungPerson(officer, { preferredName: 'Jo' });
      const round = await createRound();
      const ratingOnly = await enter(round.id, jo.id, [{ questionKey: 'overall', rating: 2 }]);
      const url = `/api/evaluations/${ratingOnly.body.id}/worries`;
      const before = await counts();
      expectProblem(await officer.post(url, { words: '   ' }), 400);
      expectProblem(await officer.post(url, { words: 'x'.repeat(4001) }), 400);
      expectProblem(await officer.post(url, { words: 'ok', colour: 'red' }), 400);
      const nothing = await officer.post(url, {});
      expectProblem(nothing, 400);
      expect(Object.keys(nothing.body.errors)).toEqual(['words']);
      expectProblem(await practitioner.post(url, { words: 'Worried' }), 403);
      expectProblem(await t.anonymous().post(url).send({ words: 'Worried' }), 401);
      expectProblem(
        await officer.post(`/api/evaluations/${randomUUID()}/worries`, { words: 'Worried' }),
        404,
      );
      expect(await counts()).toEqual(before);
    });
  });

  describe('"You said" from a suggestion', () => {
    it('should make one in one step, linked to its evaluation, shortened if the officer wants, and list it', async () => {
      const sam = await createYoungPerson(officer, { preferredName: 'Sam' });
      const round = await createRound();
      const entered = await enter(round.id, sam.id, [
        { questionKey: 'overall', rating: 3 },
        { questionKey: 'change', text: 'Send the letter earlier, <i>a week</i> before, so I can think.' },
        { questionKey: 'liked', text: 'It said my name.' },
      ]);
      const made = await officer.post(`/api/evaluations/${entered.body.id}/you-said`, {
        questionKey: 'change',
      });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({
        words: 'Send the letter earlier, <i>a week</i> before, so I can think.',
        source: {
          kind: 'evaluation',
          evaluationId: entered.body.id,
          questionKey: 'change',
          roundId: round.id,
        },
        toolName: 'Invitation-to-chair letter',
        roundTitle: 'Chair letter at go-karting',
        createdBy: { id: officer.user.id, displayName: 'Olu Officer' },
      });
      const shortened = await officer.post(`/api/evaluations/${entered.body.id}/you-said`, {
        questionKey: 'liked',
        words: 'The letter used my name',
      });
      expect(shortened.body.words).toBe('The letter used my name');
      const list = await officer.get('/api/you-said');
      expect(list.status).toBe(200);
      expect(list.body.map((i: { id: string }) => i.id)).toEqual(
        expect.arrayContaining([made.body.id, shortened.body.id]),
      );
      const listed = await officer.get(`/api/evaluation-rounds/${round.id}/evaluations`);
      expect(listed.body[0].youSaidFrom.sort()).toEqual(['change', 'liked']);
      // An edit cannot pull the answer out from under its item.
      expectProblem(
        await officer.patch(`/api/evaluations/${entered.body.id}`, {
          answers: [{ questionKey: 'overall', rating: 3 }],
        }),
        409,
      );
    });

    it('should refuse a rating, a missing answer, a repeat, oversized words and the unauthorised, writing nothing', async () => {
      const lee = await createYoungPerson(officer, { preferredName: 'Lee' });
      const round = await createRound();
      const entered = await enter(round.id, lee.id, [
        { questionKey: 'overall', rating: 3 },
        { questionKey: 'change', text: 'Fewer long words.' },
      ]);
      const url = `/api/evaluations/${entered.body.id}/you-said`;
      expect((await officer.post(url, { questionKey: 'change' })).status).toBe(201);
      const before = await counts();
      for (const [body, field] of [
        [{ questionKey: 'overall' }, 'questionKey'],
        [{ questionKey: 'liked' }, 'questionKey'],
        [{}, 'questionKey'],
        [{ questionKey: 'x'.repeat(41) }, 'questionKey'],
        [{ questionKey: 'change', words: 'w'.repeat(MAX_ANSWER_LENGTH + 1) }, 'words'],
        [{ questionKey: 'change', theme: 'x' }, 'theme'],
      ] as const) {
        const res = await officer.post(url, body);
        expectProblem(res, 400);
        expect(Object.keys(res.body.errors)).toContain(field);
      }
      expectProblem(await officer.post(url, { questionKey: 'change' }), 409);
      expectProblem(await practitioner.post(url, { questionKey: 'change' }), 403);
      expectProblem(await t.anonymous().post(url).send({ questionKey: 'change' }), 401);
      expectProblem(
        await officer.post(`/api/evaluations/${randomUUID()}/you-said`, { questionKey: 'change' }),
        404,
      );
      expectProblem(await practitioner.get('/api/you-said'), 403);
      expectProblem(await t.anonymous().get('/api/you-said'), 401);
      expect(await counts()).toEqual(before);
    });
  });
});
