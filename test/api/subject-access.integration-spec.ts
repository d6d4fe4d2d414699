import { randomUUID } from 'node:crypto';
import { InvitationChannel, Role, addDays, todayInLondon } from '@heard/domain';
import { createGroup, createYoungPerson, dateOfBirthForAge, planActivity } from './support/factories';
import { insertItem } from './support/action-log-board-fixtures';
import { pdfDictionaries, pdfText } from './support/pdf';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();

/**
 * Subject access (issue 17 §3): staff produce, and a young person downloads from their own pages,
 * everything Heard holds about them, as JSON and as a tagged PDF, from one assembly, audited.
 */
describe('subject access', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let kai: SignedInClient;
  let zara: SignedInClient;
  let kaiId: string;
  let zaraId: string;

  const pdfOf = async (client: SignedInClient, url: string) => {
    const res = await client.get(url).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return { res, pdf: Buffer.from(res.body as Buffer) };
  };
  const downloads = (id: string) =>
    countRows(t.db, `audit_events WHERE entity_id = '${id}' AND detail->>'event' LIKE 'subject_access_%'`);

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    kaiId = (
      await createYoungPerson(officer, {
        preferredName: 'Kai Okafor',
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
    zaraId = (
      await createYoungPerson(officer, { preferredName: 'Zara Quill', dateOfBirth: dateOfBirthForAge(15) })
    ).id;
    kai = await t.signInAs(Role.YoungExpert, { displayName: 'Kai Okafor', youngPersonId: kaiId });
    zara = await t.signInAs(Role.YoungExpert, { displayName: 'Zara Quill', youngPersonId: zaraId });

    const group = await createGroup(officer, { minAge: 10, maxAge: 25 });
    expect(
      (
        await officer.post(`/api/groups/${group.id}/members`, {
          youngPersonId: kaiId,
          joinedOn: addDays(today, -30),
          role: 'member',
        })
      ).status,
    ).toBe(201);
    const tool = await officer.post('/api/practice-tools', {
      name: 'Review letter',
      purpose: 'Tells a young person about their review.',
      owningService: 'Independent reviewing service',
      coProducedWith: 'Young Experts',
    });
    const version = await officer.post(`/api/practice-tools/${tool.body.id}/versions`, {
      label: 'v1',
      link: 'https://tools.example/review-letter.pdf',
      notes: null,
    });
    const round = await officer.post('/api/evaluation-rounds', {
      toolVersionId: version.body.versions[0].id,
      title: 'The review letter round',
      opensOn: addDays(today, -1),
      closesOn: addDays(today, 14),
      audience: 'named',
      youngPersonIds: [kaiId, zaraId],
    });
    expect(round.status).toBe(201);
    const answered = await kai
      .post(`/api/me/rounds/${round.body.id}/evaluations`)
      .set('Idempotency-Key', randomUUID())
      .send({ answers: [{ questionKey: 'liked', text: 'The big friendly font.' }] });
    expect(answered.status).toBe(201);
    const zaraAnswered = await zara
      .post(`/api/me/rounds/${round.body.id}/evaluations`)
      .set('Idempotency-Key', randomUUID())
      .send({ answers: [{ questionKey: 'liked', text: 'Only Zara said this.' }] });
    expect(zaraAnswered.status).toBe(201);
    expect((await kai.patch('/api/me/choices', { quoteConsent: true })).status).toBe(200);
    expect((await kai.post('/api/me/deletion-requests', { what: 'The photo from bowling.' })).status).toBe(
      201,
    );
    expect((await kai.post('/api/me/worries', { words: 'Something private worries me.' })).status).toBe(201);
    const activity = await planActivity(officer, { title: 'Go-karting' });
    const invited = await officer.post('/api/invitations', {
      target: { kind: 'activity_day', id: activity.body.id },
      invitees: [{ youngPersonId: kaiId, channel: InvitationChannel.InPerson }],
    });
    expect(invited.status).toBe(201);
    expect((await officer.post(`/api/invitations/${invited.body.created[0].id}/delivered`, {})).status).toBe(
      200,
    );
    const item = await insertItem(t.db, {
      words: 'Staff summary of the review letter talk',
      youngWords: 'Letters should be shorter.',
      speakers: [kaiId],
      createdBy: officer.user.id,
    });
    const quote = `INSERT INTO you_said_quotes (item_id, words, young_person_id, created_by) VALUES ($1, $2, $3, $4)`;
    await t.db.query(quote, [item, 'I read it three times.', kaiId, officer.user.id]);
    await t.db.query(quote, [item, 'Zara quoted alone.', zaraId, officer.user.id]);
    expect((await officer.get(`/api/young-people/${kaiId}`)).status).toBe(200);
  });

  afterAll(() => t?.close());

  const sections = [
    'Your record',
    'Your groups',
    'Invitations and your answers',
    'Your choices about consent',
  ];

  it('should give staff everything about one young person as JSON and a tagged PDF, audited, with no name in the file name', async () => {
    const before = await downloads(kaiId);
    const res = await officer.get(`/api/young-people/${kaiId}/subject-access.json`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="subject-access.json"');
    const data = JSON.parse(res.text);
    expect(data.record).toMatchObject({
      preferredName: 'Kai Okafor',
      contact: expect.objectContaining({ email: 'kai@young.example' }),
    });
    expect(data.groups).toHaveLength(1);
    expect(data.invitations).toHaveLength(1);
    expect(data.evaluations).toHaveLength(1);
    expect(data.consents).toHaveLength(1);
    expect(data.deletionRequests).toEqual([expect.objectContaining({ what: 'The photo from bowling.' })]);
    expect(data.worries).toEqual([{ toldUsOn: today }]);
    expect(data.youSaid).toEqual([expect.objectContaining({ youSaid: 'Letters should be shorter.' })]);
    expect(data.quotes).toEqual([expect.objectContaining({ words: 'I read it three times.' })]);
    expect(data.whoLooked[0]).toMatchObject({ role: 'Participation officer', what: 'Your record' });
    for (const leak of ['Zara', zaraId, 'Only Zara said this.', 'Something private', 'Staff summary'])
      expect(res.text).not.toContain(leak);

    const { res: file, pdf } = await pdfOf(officer, `/api/young-people/${kaiId}/subject-access.pdf`);
    expect(file.headers['content-disposition']).toBe('attachment; filename="subject-access.pdf"');
    const dictionaries = pdfDictionaries(pdf);
    expect(dictionaries).toContain('/StructTreeRoot');
    expect(dictionaries).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(dictionaries).toContain('/Lang (en-GB)');
    expect(dictionaries).toContain('/S /H1');
    expect(dictionaries).toContain('/S /L');
    const text = pdfText(pdf);
    for (const words of [
      'Kai Okafor',
      'kai@young.example',
      'The photo from bowling.',
      'Go-karting',
      ...sections,
    ])
      expect(text).toContain(words);
    for (const leak of ['Zara', 'Only Zara said this.', 'Something private'])
      expect(text).not.toContain(leak);
    expect(await downloads(kaiId)).toBe(before + 2);
  });

  it('should refuse roles that may not, unknown and malformed ids, as problem+json, writing no download row', async () => {
    const before = await downloads(kaiId);
    for (const role of [Role.Practitioner, Role.Administrator, Role.SeniorLeader]) {
      const client = await t.signInAs(role);
      for (const ext of ['json', 'pdf']) {
        const res = await client.get(`/api/young-people/${kaiId}/subject-access.${ext}`);
        expect([403, 404]).toContain(res.status);
        expectProblem(res, res.status);
      }
    }
    for (const ext of ['json', 'pdf']) {
      expectProblem(await kai.get(`/api/young-people/${kaiId}/subject-access.${ext}`), 403);
      expectProblem(await officer.get(`/api/young-people/${randomUUID()}/subject-access.${ext}`), 404);
      expectProblem(await officer.get(`/api/young-people/not-an-id/subject-access.${ext}`), 404);
    }
    expect(await downloads(kaiId)).toBe(before);
  });

  it('should let a young person download only their own PDF, audited', async () => {
    const before = await countRows(t.db, `audit_events WHERE detail->>'event' = 'own_data_download'`);
    const { res, pdf } = await pdfOf(kai, '/api/me/data/download.pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="my-data-from-heard.pdf"');
    const text = pdfText(pdf);
    for (const words of ['Kai Okafor', 'Everything Heard keeps about you', ...sections])
      expect(text).toContain(words);
    expect(text).not.toContain('Zara');
    const zaras = pdfText((await pdfOf(zara, '/api/me/data/download.pdf')).pdf);
    expect(zaras).toContain('Zara Quill');
    expect(zaras).not.toContain('Kai Okafor');
    expect(await countRows(t.db, `audit_events WHERE detail->>'event' = 'own_data_download'`)).toBe(
      before + 2,
    );
    expectProblem(await officer.get('/api/me/data/download.pdf'), 403);
  });
});
