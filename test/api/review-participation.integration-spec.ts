import {
  AuditRecordType,
  PlanFiguresResponse,
  REVIEW_NOTE_MAX,
  ReviewParticipationRequest,
  ReviewParticipationResponse,
  Role,
  TrustedAdultRelationship,
  addDays,
  todayInLondon,
} from '@heard/domain';
import { anonymiseYoungPerson } from '@heard/api/app/erasure/anonymise-young-person';
import { createYoungPerson } from './support/factories';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();
/** The council year (April to March) holding today: the plan for the year after reports on it. */
const YEAR = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0);
const FROM = `${YEAR}-04-01`;
/** A day in this council year, never one to come. */
const inYear = (days: number) => {
  const day = addDays(FROM, days);
  return day > today ? today : day;
};

const review = (overrides: Partial<ReviewParticipationRequest> = {}): ReviewParticipationRequest => ({
  heldOn: today,
  code: 'PN1',
  chaired: false,
  note: null,
  ...overrides,
});

/**
 * Review participation (issue 14 §7, seed 002 data set 2b): how a young person took part in each
 * review of their plan, recorded on their record by the staff who may change it, audited, and
 * counted by code in the plan's figures with small numbers withheld.
 */
describe('review participation', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let practitioner: SignedInClient;
  let otherPractitioner: SignedInClient;
  let person: { id: string };
  let other: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    practitioner = await t.signInAs(Role.Practitioner);
    otherPractitioner = await t.signInAs(Role.Practitioner);
    person = await createYoungPerson(officer, {
      preferredName: 'Juno Fairweather',
      trustedAdults: [{ userId: practitioner.user.id, relationship: TrustedAdultRelationship.SocialWorker }],
    });
    other = await createYoungPerson(officer, { preferredName: 'Orrin Vale' });
  });
  afterAll(() => t.close());

  const rowsOf = (id: string) => countRows(t.db, `review_participation WHERE young_person_id = '${id}'`);
  const auditRows = (): Promise<{ action: string; entity_id: string; detail: Record<string, unknown> }[]> =>
    t.db.query(`SELECT action, entity_id, detail FROM audit_events WHERE entity_type = $1 ORDER BY at, id`, [
      AuditRecordType.ReviewParticipation,
    ]);

  it('should record a review meeting, list it, and audit both', async () => {
    const auditBefore = (await auditRows()).length;
    const res = await officer.post(
      `/api/young-people/${person.id}/reviews`,
      review({
        heldOn: addDays(today, -3),
        code: 'PN3',
        chaired: true,
        note: '  Chaired with an advocate beside them  ',
      }),
    );
    expect(res.status).toBe(201);
    const body = res.body as ReviewParticipationResponse;
    expect(body).toMatchObject({
      youngPersonId: person.id,
      heldOn: addDays(today, -3),
      code: 'PN3',
      codeLabel: 'Came to their review, and an advocate spoke for them',
      chaired: true,
      note: 'Chaired with an advocate beside them',
      recordedBy: { userId: officer.user.id, displayName: officer.user.displayName },
    });

    // The linked practitioner (their reviewing officer) records the next one.
    const second = await practitioner.post(`/api/young-people/${person.id}/reviews`, review({ code: 'PN5' }));
    expect(second.status).toBe(201);

    const list = await practitioner.get(`/api/young-people/${person.id}/reviews`);
    expect(list.status).toBe(200);
    expect((list.body as ReviewParticipationResponse[]).map((r) => [r.code, r.heldOn, r.chaired])).toEqual([
      ['PN5', today, false],
      ['PN3', addDays(today, -3), true],
    ]);

    const audit = (await auditRows()).slice(auditBefore);
    // The young person's copy says a member of staff looked at their review meetings, and when.
    const copy = await officer.get(`/api/young-people/${person.id}/subject-access.json`);
    expect(copy.status).toBe(200);
    expect(copy.body.whoLooked).toContainEqual(expect.objectContaining({ what: 'Your review meetings' }));
    expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
      ['create', body.id],
      ['create', second.body.id],
      ['read', person.id],
    ]);
    expect(audit[0].detail).toEqual({ youngPersonId: person.id, code: 'PN3', chaired: true });
    // Ids and codes only: never the note's words.
    expect(JSON.stringify(audit)).not.toContain('advocate');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown code', { code: 'PN9' }, 'code'],
    ['a date that is not a day', { heldOn: '2026-02-30' }, 'heldOn'],
    ['a meeting yet to come', { heldOn: addDays(today, 1) }, 'heldOn'],
    ['a meeting before 2000', { heldOn: '1999-12-31' }, 'heldOn'],
    ['chairing a meeting they chose to take no part in', { code: 'PN7', chaired: true }, 'chaired'],
    ['chaired as a word', { chaired: 'yes' }, 'chaired'],
    ['a missing code', { code: undefined }, 'code'],
    ['a missing date', { heldOn: undefined }, 'heldOn'],
    ['a missing chaired', { chaired: undefined }, 'chaired'],
    ['a note over the limit', { note: 'x'.repeat(REVIEW_NOTE_MAX + 1) }, 'note'],
    ['an unknown field', { youngPersonId: '00000000-0000-4000-8000-000000000000' }, ''],
  ])('should refuse %s with problem+json and write nothing', async (_name, change, field) => {
    const rows = await rowsOf(person.id);
    const audit = (await auditRows()).length;
    const res = await officer.post(`/api/young-people/${person.id}/reviews`, { ...review(), ...change });
    expectProblem(res, 400);
    if (field) expect(Object.keys(res.body.errors)).toContain(field);
    expect(await rowsOf(person.id)).toBe(rows);
    expect((await auditRows()).length).toBe(audit);
  });

  it('should refuse a missing body, a body over the size limit, and those who may not, writing nothing', async () => {
    const rows = await countRows(t.db, 'review_participation');
    const audit = (await auditRows()).length;
    const url = `/api/young-people/${person.id}/reviews`;
    expectProblem(await officer.post(url, {}), 400);
    const huge = await officer.post(url, review({ note: 'x'.repeat(2_000_000) }));
    expect(huge.status).toBe(413);
    expect(huge.headers['content-type']).toMatch(/application\/problem\+json/);

    expectProblem(await t.anonymous().get(url), 401);
    const leader = await t.signInAs(Role.SeniorLeader);
    expectProblem(await leader.post(url, review()), 403);
    expectProblem(await leader.get(url), 403);
    const admin = await t.signInAs(Role.Administrator);
    expectProblem(await admin.post(url, review()), 403);

    // A practitioner not linked to them is told what a missing record is told, even with bad input.
    expectProblem(await otherPractitioner.post(url, review()), 404);
    expectProblem(await otherPractitioner.post(url, review({ heldOn: addDays(today, 5) })), 404);
    expectProblem(await otherPractitioner.get(url), 404);
    expectProblem(await practitioner.post(`/api/young-people/${other.id}/reviews`, review()), 404);
    expectProblem(
      await officer.post('/api/young-people/00000000-0000-4000-8000-000000000000/reviews', review()),
      404,
    );
    expectProblem(await officer.get('/api/young-people/not-a-uuid/reviews'), 404);

    expect(await countRows(t.db, 'review_participation')).toBe(rows);
    expect((await auditRows()).length).toBe(audit);
  });

  it('should refuse a meeting for an archived record with 409 and write nothing', async () => {
    const gone = await createYoungPerson(officer, { preferredName: 'Tamsin Gale' });
    expect(
      (await officer.post(`/api/young-people/${gone.id}/archive`, { reason: 'Moved away' })).status,
    ).toBe(201);
    expectProblem(await officer.post(`/api/young-people/${gone.id}/reviews`, review()), 409);
    expect(await rowsOf(gone.id)).toBe(0);
  });

  it('should show the year’s distribution in the plan, a code of fewer than five withheld', async () => {
    const planId: string = (await officer.post('/api/plans', { year: YEAR + 1 }).expect(201)).body.planId;
    // With no review recorded in the year the plan says nothing about reviews.
    const before = await officer.get(`/api/plans/${planId}/figures`);
    expect(before.status).toBe(200);
    await t.db.query(`DELETE FROM review_participation`);
    const empty = await officer.get(`/api/plans/${planId}/figures`);
    expect((empty.body as PlanFiguresResponse).figures.reviews).toBeNull();

    const people = [person, other, await createYoungPerson(officer, { preferredName: 'Priya Lark' })];
    // Each code on its own days, so no young person has two meetings on one day by chance.
    const record = async (
      code: ReviewParticipationRequest['code'],
      times: number,
      day: number,
      chaired = 0,
    ) => {
      for (let i = 0; i < times; i++) {
        const res = await officer.post(
          `/api/young-people/${people[i % people.length].id}/reviews`,
          review({ code, heldOn: inYear(day + i * 7), chaired: i < chaired }),
        );
        expect(res.status).toBe(201);
      }
    };
    await record('PN1', 7, 0, 4);
    await record('PN3', 5, 1, 1);
    await record('PN5', 2, 2);
    // Recorded as PN4, then corrected the same day to PN1: the correction counts, once.
    for (const code of ['PN4', 'PN1'] as const)
      await officer
        .post(`/api/young-people/${other.id}/reviews`, review({ code, heldOn: inYear(3) }))
        .expect(201);
    // The day before the year: not counted.
    await officer
      .post(`/api/young-people/${person.id}/reviews`, review({ code: 'PN8', heldOn: addDays(FROM, -1) }))
      .expect(201);

    const res = await officer.get(`/api/plans/${planId}/figures`);
    expect(res.status).toBe(200);
    const reviews = (res.body as PlanFiguresResponse).figures.reviews;
    expect(reviews?.recorded.value).toBe(15);
    const byCode = Object.fromEntries(reviews?.byCode.map((c) => [c.code, c.figure.value]) ?? []);
    // PN5's two are withheld, and PN3 with them, or 15 less the others would give PN5 away.
    expect(byCode).toEqual({ PN1: 8, PN2: 0, PN3: null, PN4: 0, PN5: null, PN6: 0, PN7: 0, PN8: 0 });
    expect(reviews?.byCode.find((c) => c.code === 'PN5')?.figure.fewYoungPeople).toBe(true);
    expect(reviews?.chaired.value).toBe(5);
  });

  it('should keep the meetings when a young person is erased, and remove the notes', async () => {
    const erased = await createYoungPerson(officer, { preferredName: 'Wren Hallam' });
    const url = `/api/young-people/${erased.id}/reviews`;
    await officer
      .post(url, review({ code: 'PN2', chaired: true, note: 'Wren used her picture cards' }))
      .expect(201);
    const counts = await t.db.transaction((em) =>
      anonymiseYoungPerson(em, erased.id, { reason: 'erasure', at: new Date(), byUserId: officer.user.id }),
    );
    expect(counts.reviewNotes).toBe(1);
    const rows: { code: string; chaired: boolean; note: string | null }[] = await t.db.query(
      `SELECT code, chaired, note FROM review_participation WHERE young_person_id = $1`,
      [erased.id],
    );
    expect(rows).toEqual([{ code: 'PN2', chaired: true, note: null }]);
    // Their subject access copy still lists the meeting, with its code and chairing, and no note.
    const copy = await officer.get(`/api/young-people/${erased.id}/subject-access.json`);
    expect(copy.status).toBe(200);
    expect(JSON.parse(copy.text).reviewMeetings).toEqual([
      expect.objectContaining({ code: 'PN2', youChaired: true, note: null }),
    ]);
    expect(copy.text).not.toContain('picture cards');
  });
});
