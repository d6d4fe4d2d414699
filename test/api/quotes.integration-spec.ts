import { randomUUID } from 'node:crypto';
import {
  ConsentGiver,
  ConsentMethod,
  ConsentPurpose,
  ConsentRecordRequest,
  Role,
  addDays,
  todayInLondon,
} from '@heard/domain';
import { createYoungPerson, dateOfBirthForAge } from './support/factories';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();

/**
 * Quotes and consent (issue 11 §4): kept → chosen → published, only while a named young person's
 * quote consent is in force; a withdrawal takes chosen quotes out at once; named or anonymous is
 * the young person's own choice, read when published. Link quotes name no one and need no consent.
 */
describe('quotes', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let practitioner: SignedInClient;
  let roundId: string;
  let linkToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    practitioner = await t.signInAs(Role.Practitioner);
    const tool = await officer.post('/api/practice-tools', {
      name: 'Guide to co-producing summaries',
      purpose: 'How to write a summary with a child.',
      owningService: 'Quality assurance',
      coProducedWith: 'Young Experts',
    });
    const version = await officer.post(`/api/practice-tools/${tool.body.id}/versions`, {
      label: 'v1',
      link: 'https://tools.example/summaries.pdf',
      notes: null,
    });
    const round = await officer.post('/api/evaluation-rounds', {
      toolVersionId: version.body.versions[0].id,
      title: 'Summaries guide, online',
      occasion: null,
      opensOn: addDays(today, -1),
      closesOn: addDays(today, 30),
      audience: 'link',
    });
    roundId = round.body.id;
    linkToken = round.body.link.token;
  });
  afterAll(() => t.close());

  const quoteConsent = (youngPersonId: string, overrides: Partial<ConsentRecordRequest> = {}) =>
    officer.post(`/api/young-people/${youngPersonId}/consents`, {
      purpose: ConsentPurpose.Quotes,
      givenBy: ConsentGiver.YoungPerson,
      method: ConsentMethod.Verbal,
      wording: 'You can use my words in council reports.',
      givenOn: today,
      scope: 'standing',
      activityId: null,
      expiresOn: null,
      ...overrides,
    });
  const withQuote = async (name: string, quote = 'Summaries should be short and kind.') => {
    const person = await createYoungPerson(officer, {
      preferredName: name,
      dateOfBirth: dateOfBirthForAge(17),
    });
    const res = await officer
      .post(`/api/evaluation-rounds/${roundId}/evaluations`, {
        youngPersonId: person.id,
        answeredOn: today,
        answers: [
          { questionKey: 'overall', rating: 5 },
          { questionKey: 'quote', text: quote },
        ],
      })
      .set('Idempotency-Key', randomUUID());
    expect(res.status).toBe(201);
    return { personId: person.id as string, evaluationId: res.body.id as string };
  };
  const quoteUrl = (evaluationId: string, step: 'choose' | 'unchoose' | 'publish') =>
    `/api/evaluations/${evaluationId}/quote/${step}`;
  const written = async () => ({
    quotes: await countRows(t.db, 'evaluation_quotes'),
    audit: await countRows(t.db, `audit_events WHERE action <> 'access_refused'`),
  });

  it('should list a quote as kept, with its young person’s quote consent not in force', async () => {
    const { evaluationId } = await withQuote('Rosa');
    const noConsent = await officer.get(`/api/evaluation-rounds/${roundId}/evaluations`);
    const listed = noConsent.body.find((e: { id: string }) => e.id === evaluationId);
    expect(listed.quote).toMatchObject({ questionKey: 'quote', state: 'kept', consent: { inForce: false } });
  });

  it('should refuse to choose or publish without quote consent, writing nothing', async () => {
    const { evaluationId } = await withQuote('Tom');
    const before = await written();
    const choose = await officer.post(quoteUrl(evaluationId, 'choose'), {});
    expectProblem(choose, 409);
    expect(choose.body.detail).toMatch(/No quoting their words consent has been recorded/);
    const publish = await officer.post(quoteUrl(evaluationId, 'publish'), { where: 'Annual report 2026' });
    expectProblem(publish, 409);
    expect(await written()).toEqual(before);
  });

  it('should publish with consent, named only when the young person chose it, and keep which it was', async () => {
    const anonymous = await withQuote('Ana');
    const named = await withQuote('Nico');
    for (const q of [anonymous, named]) expect((await quoteConsent(q.personId)).status).toBe(201);
    await t.db.query(`UPDATE young_people SET quotes_named = true WHERE id = $1`, [named.personId]);
    for (const q of [anonymous, named]) {
      const chosen = await officer.post(quoteUrl(q.evaluationId, 'choose'), {});
      expect(chosen.status).toBe(200);
      expect(chosen.body).toMatchObject({ state: 'chosen', consent: { inForce: true, message: null } });
    }
    expectProblem(await officer.post(quoteUrl(anonymous.evaluationId, 'choose'), {}), 409);
    const published = await officer.post(quoteUrl(anonymous.evaluationId, 'publish'), {
      where: '  Annual report 2026 ',
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      state: 'published',
      published: { where: 'Annual report 2026', named: false },
    });
    const namedOne = await officer.post(quoteUrl(named.evaluationId, 'publish'), { where: 'Newsletter' });
    expect(namedOne.body.published).toMatchObject({ where: 'Newsletter', named: true });
    // Their later change of mind does not rewrite what was already published.
    await t.db.query(`UPDATE young_people SET quotes_named = false WHERE id = $1`, [named.personId]);
    const list = await officer.get(`/api/evaluation-rounds/${roundId}/evaluations`);
    expect(list.body.find((e: { id: string }) => e.id === named.evaluationId).quote.published.named).toBe(
      true,
    );
    expectProblem(await officer.post(quoteUrl(anonymous.evaluationId, 'publish'), { where: 'Again' }), 409);
    expectProblem(await officer.post(quoteUrl(anonymous.evaluationId, 'unchoose'), {}), 409);
    // The published words stay as published.
    expectProblem(
      await officer.patch(`/api/evaluations/${anonymous.evaluationId}`, {
        answers: [{ questionKey: 'quote', text: 'Something else' }],
      }),
      409,
    );
  });

  it('should take chosen quotes out at once when quote consent is withdrawn, and refuse to publish after', async () => {
    const { personId, evaluationId } = await withQuote('Wren');
    const consent = await quoteConsent(personId);
    await officer.post(quoteUrl(evaluationId, 'choose'), {});
    const withdrawn = await officer.post(`/api/consents/${consent.body.id}/withdraw`, {
      reason: 'Does not want to be quoted now',
    });
    expect(withdrawn.status).toBe(200);
    const [row] = await t.db.query(`SELECT state FROM evaluation_quotes WHERE evaluation_id = $1`, [
      evaluationId,
    ]);
    expect(row.state).toBe('withdrawn');
    const before = await written();
    const publish = await officer.post(quoteUrl(evaluationId, 'publish'), { where: 'Annual report 2026' });
    expectProblem(publish, 409);
    const choose = await officer.post(quoteUrl(evaluationId, 'choose'), {});
    expectProblem(choose, 409);
    expect(choose.body.detail).toMatch(/withdrawn/);
    expect(await written()).toEqual(before);
  });

  it('should take chosen quotes out when the young person withdraws quote consent on their own pages', async () => {
    const { personId, evaluationId } = await withQuote('Ines');
    const ines = await t.signInAs(Role.YoungExpert, { displayName: 'Ines', youngPersonId: personId });
    expect((await ines.patch('/api/me/choices', { quoteConsent: true })).status).toBe(200);
    expect((await officer.post(quoteUrl(evaluationId, 'choose'), {})).body.state).toBe('chosen');
    expect((await ines.patch('/api/me/choices', { quoteConsent: false })).status).toBe(200);
    const [row] = await t.db.query(`SELECT state FROM evaluation_quotes WHERE evaluation_id = $1`, [
      evaluationId,
    ]);
    expect(row.state).toBe('withdrawn');
    expectProblem(await officer.post(quoteUrl(evaluationId, 'publish'), { where: 'Newsletter' }), 409);
  });

  it('should unchoose a chosen quote back to kept', async () => {
    const { personId, evaluationId } = await withQuote('Uma');
    await quoteConsent(personId);
    await officer.post(quoteUrl(evaluationId, 'choose'), {});
    const back = await officer.post(quoteUrl(evaluationId, 'unchoose'), {});
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ state: 'kept', chosenAt: null, published: null });
    expectProblem(await officer.post(quoteUrl(evaluationId, 'unchoose'), {}), 409);
  });

  it('should let a link quote be chosen and published without consent, as anonymous', async () => {
    const sent = await t
      .anonymous()
      .post(`/api/evaluation-links/${linkToken}/evaluations`)
      .set('Idempotency-Key', randomUUID())
      .send({ answers: [{ questionKey: 'quote', text: '<script>x</script> Make it shorter' }] });
    expect(sent.status).toBe(201);
    const [{ id }] = await t.db.query(
      `SELECT e.id FROM evaluations e JOIN evaluation_answers a ON a.evaluation_id = e.id WHERE a.text LIKE '<script>%'`,
    );
    expect((await officer.post(quoteUrl(id, 'choose'), {})).body).toMatchObject({
      state: 'chosen',
      consent: null,
    });
    const published = await officer.post(quoteUrl(id, 'publish'), { where: 'Workforce briefing' });
    expect(published.body.published).toMatchObject({ named: false, where: 'Workforce briefing' });
  });

  it('should refuse bad, missing, oversized and unauthorised quote requests, writing nothing', async () => {
    const { personId, evaluationId } = await withQuote('Zed');
    await quoteConsent(personId);
    const noQuote = await officer
      .post(`/api/evaluation-rounds/${roundId}/evaluations`, {
        youngPersonId: personId,
        answeredOn: today,
        answers: [{ questionKey: 'overall', rating: 3 }],
      })
      .set('Idempotency-Key', randomUUID());
    const before = await written();
    expectProblem(await officer.post(quoteUrl(evaluationId, 'choose'), { now: true }), 400);
    await officer.post(quoteUrl(evaluationId, 'choose'), {});
    const afterChoose = await written();
    for (const body of [{}, { where: '' }, { where: 'w'.repeat(201) }, { where: 'ok', named: true }]) {
      const res = await officer.post(quoteUrl(evaluationId, 'publish'), body);
      expectProblem(res, 400);
    }
    expectProblem(await officer.post(quoteUrl(noQuote.body.id, 'choose'), {}), 404);
    expectProblem(await officer.post(quoteUrl(randomUUID(), 'choose'), {}), 404);
    expectProblem(await officer.post(quoteUrl('nope', 'choose'), {}), 404);
    expectProblem(await practitioner.post(quoteUrl(evaluationId, 'publish'), { where: 'Report' }), 403);
    expectProblem(await t.anonymous().post(quoteUrl(evaluationId, 'publish')).send({ where: 'Report' }), 401);
    expect(await written()).toEqual(afterChoose);
    expect(afterChoose.quotes).toBe(before.quotes + 1);
  });
});
