import { MAX_RATING_COMMENT, RATING_SCALE, Role, addDays, todayInLondon } from '@heard/domain';
import { randomUUID } from 'node:crypto';
import { insertAction, insertItem } from './support/action-log-board-fixtures';
import { createGroup, createYoungPerson, dateOfBirthForAge } from './support/factories';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();

/**
 * The Young Experts' review (issue 12 §5, docs/action-log.md, "Young experts' review"): a young
 * expert sees the answers to what their groups said, with no one named, and rates "How well did
 * we do?" with a face and their words; only their groups' items; staff see every rating beside its
 * comment and the item, never an average alone.
 */
describe('action log: the young experts’ review', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let leader: SignedInClient;
  let practitioner: SignedInClient;
  let kai: SignedInClient;
  let zara: SignedInClient;
  let ourItem: string;
  let otherGroupItem: string;
  let unwordedItem: string;

  /** What a rating could write: a refusal leaves each as it was. */
  const written = async () => ({
    ratings: await countRows(t.db, 'response_ratings'),
    timeline: await countRows(t.db, 'you_said_timeline'),
    audit: await countRows(t.db, `audit_events WHERE action <> 'access_refused'`),
  });
  const rate = (who: SignedInClient, itemId: string, body: object) =>
    who.put(`/api/me/responses/${itemId}/rating`, body);

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    leader = await t.signInAs(Role.SeniorLeader);
    practitioner = await t.signInAs(Role.Practitioner);
    const kaiPerson = await createYoungPerson(officer, {
      preferredName: 'Kai',
      dateOfBirth: dateOfBirthForAge(16),
    });
    const zaraPerson = await createYoungPerson(officer, {
      preferredName: 'Zara',
      dateOfBirth: dateOfBirthForAge(15),
    });
    const speaker = await createYoungPerson(officer, {
      preferredName: 'Pellam',
      dateOfBirth: dateOfBirthForAge(14),
    });
    kai = await t.signInAs(Role.YoungExpert, { displayName: 'Kai', youngPersonId: kaiPerson.id });
    zara = await t.signInAs(Role.YoungExpert, { displayName: 'Zara', youngPersonId: zaraPerson.id });
    const ours = await createGroup(officer, { name: 'Wednesday council', minAge: 10, maxAge: 25 });
    const theirs = await createGroup(officer, { name: 'Care leavers forum', minAge: 10, maxAge: 25 });
    for (const [group, person] of [
      [ours.id, kaiPerson.id],
      [theirs.id, zaraPerson.id],
    ]) {
      const joined = await officer.post(`/api/groups/${group}/members`, {
        youngPersonId: person,
        joinedOn: addDays(today, -30),
        role: 'member',
      });
      expect(joined.status).toBe(201);
    }
    const by = officer.user.id;
    ourItem = await insertItem(t.db, {
      words: 'Pellam said reviews are sprung on them',
      youngWords: 'Tell us sooner when our review is.',
      groupId: ours.id,
      speakers: [speaker.id],
      createdBy: by,
    });
    await insertAction(t.db, [ourItem], { words: 'Pellam’s social worker was told', createdBy: by });
    otherGroupItem = await insertItem(t.db, {
      youngWords: 'More trips in the summer.',
      groupId: theirs.id,
      createdBy: by,
    });
    await insertAction(t.db, [otherGroupItem], { status: 'planned', createdBy: by });
    // Not written for young people yet: not on anyone's page.
    unwordedItem = await insertItem(t.db, { youngWords: null, groupId: ours.id, createdBy: by });
    await insertAction(t.db, [unwordedItem], { createdBy: by });
  });
  afterAll(() => t.close());

  it('should show a young expert only their groups’ answered items, naming no one who spoke', async () => {
    const res = await kai.get('/api/me/responses');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        itemId: ourItem,
        groupName: 'Wednesday council',
        saidOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        youSaid: 'Tell us sooner when our review is.',
        answers: [
          { answer: 'we_did', label: 'We did', words: 'We now tell you four weeks before.', because: null },
        ],
        myRating: null,
      },
    ]);
    expect(JSON.stringify(res.body)).not.toContain('Pellam');
    expect((await zara.get('/api/me/responses')).body.map((r: { itemId: string }) => r.itemId)).toEqual([
      otherGroupItem,
    ]);
  });

  it('should keep their rating as a face with words and their comment, once per item', async () => {
    const first = await rate(kai, ourItem, { rating: 4, comment: 'Better, but tell the carers too.' });
    expect(first.status).toBe(200);
    expect(first.body.myRating).toMatchObject({
      face: RATING_SCALE[3],
      comment: 'Better, but tell the carers too.',
    });
    expect(first.body.myRating.face.words).toBe('Good');
    const changed = await rate(kai, ourItem, { rating: 5 });
    expect(changed.status).toBe(200);
    expect(changed.body.myRating).toMatchObject({ face: { value: 5, words: 'Really good' }, comment: null });
    expect(await countRows(t.db, `response_ratings WHERE item_id = '${ourItem}'`)).toBe(1);
    const entries = await t.db.query(
      `SELECT event, by_user, detail FROM you_said_timeline WHERE item_id = $1 AND event = 'rated' ORDER BY id`,
      [ourItem],
    );
    expect(entries).toEqual([
      { event: 'rated', by_user: kai.user.id, detail: { rating: 4 } },
      { event: 'rated', by_user: kai.user.id, detail: { rating: 5 } },
    ]);
  });

  it('should refuse a rating of an item from a group they are not in, writing nothing', async () => {
    const before = await written();
    const res = await rate(kai, otherGroupItem, { rating: 2, comment: 'Not mine.' });
    expectProblem(res, 403);
    expectProblem(await rate(kai, unwordedItem, { rating: 2 }), 403);
    expectProblem(await rate(kai, randomUUID(), { rating: 2 }), 404);
    expectProblem(await rate(kai, 'not-an-id', { rating: 2 }), 404);
    expect(await written()).toEqual(before);
  });

  it('should refuse invalid, missing, oversized and unknown input, writing nothing', async () => {
    const before = await written();
    for (const body of [
      {},
      { rating: 0 },
      { rating: 6 },
      { rating: 2.5 },
      { rating: '4' },
      { rating: null },
      { rating: 3, comment: 'x'.repeat(MAX_RATING_COMMENT + 1) },
      { rating: 3, comment: 7 },
      { rating: 3, youngPersonId: randomUUID() },
    ])
      expectProblem(await rate(kai, ourItem, body), 400);
    expect(await written()).toEqual(before);
  });

  it('should keep their pages to young experts, and staff off them', async () => {
    const before = await written();
    expectProblem(await t.anonymous().get('/api/me/responses'), 401);
    expectProblem(await t.anonymous().put(`/api/me/responses/${ourItem}/rating`).send({ rating: 3 }), 401);
    for (const staff of [officer, leader, practitioner]) {
      expectProblem(await staff.get('/api/me/responses'), 403);
      expectProblem(await rate(staff, ourItem, { rating: 3 }), 403);
    }
    expect(await written()).toEqual(before);
  });

  it('should show staff each rating beside its comment and the item, with every face counted', async () => {
    await rate(zara, otherGroupItem, { rating: 2, comment: 'It has not happened yet.' });
    const res = await officer.get(`/api/action-log/items/${ourItem}/ratings`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      itemId: ourItem,
      youSaid: 'Tell us sooner when our review is.',
      faces: RATING_SCALE.map((face) => ({ face, count: face.value === 5 ? 1 : 0 })),
      ratings: [
        { id: expect.any(String), face: RATING_SCALE[4], comment: null, ratedAt: expect.any(String) },
      ],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/Kai|Zara|average/i);
    const theirs = await officer.get(`/api/action-log/items/${otherGroupItem}/ratings`);
    expect(theirs.body.ratings).toEqual([expect.objectContaining({ comment: 'It has not happened yet.' })]);
  });

  it('should refuse the ratings to young experts and to staff who may not see the item', async () => {
    expectProblem(await t.anonymous().get(`/api/action-log/items/${ourItem}/ratings`), 401);
    expectProblem(await kai.get(`/api/action-log/items/${ourItem}/ratings`), 403);
    expectProblem(await practitioner.get(`/api/action-log/items/${ourItem}/ratings`), 403);
    // A senior leader sees items only through young people linked to them.
    expectProblem(await leader.get(`/api/action-log/items/${ourItem}/ratings`), 404);
    expectProblem(await officer.get(`/api/action-log/items/${randomUUID()}/ratings`), 404);
    expectProblem(await officer.get('/api/action-log/items/not-an-id/ratings'), 404);
  });
});
