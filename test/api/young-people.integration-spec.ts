import { AuditAction, Role, ServiceExperienceKind, TrustedAdultRelationship } from '@heard/domain';
import { AuditEvent } from '@heard/api/platform/audit/audit-event.entity';
import { createGroup, createYoungPerson, dateOfBirthForAge, youngPersonRequest } from './support/factories';
import {
  QueryCounter,
  SignedInClient,
  TestApp,
  countRows,
  createTestApp,
  expectProblem,
} from './support/test-app';

describe('young people', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let practitioner: SignedInClient;
  const counter = new QueryCounter();

  beforeAll(async () => {
    t = await createTestApp({}, { queryLogger: counter });
    officer = await t.signInAs(Role.ParticipationOfficer);
    practitioner = await t.signInAs(Role.Practitioner);
  });
  afterAll(() => t.close());

  it('should create a young person with only the minimum fields and derive the age', async () => {
    const res = await officer.post(
      '/api/young-people',
      youngPersonRequest({
        preferredName: 'Tallulah',
        dateOfBirth: dateOfBirthForAge(13, 10),
        trustedAdults: [
          { userId: practitioner.user.id, relationship: TrustedAdultRelationship.SocialWorker },
        ],
        contact: {
          email: 'tallulah@young.example',
          phone: null,
          whatsapp: null,
          letter: null,
          onlyViaTrustedAdult: false,
        },
        accessibilityNeeds: 'Step-free rooms.',
        confidentialityNotes: 'Never contact through school.',
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      preferredName: 'Tallulah',
      age: 13,
      ageBand: '13-15',
      currentServiceExperiences: ['looked_after'],
    });
    expect(res.body.trustedAdults).toEqual([
      {
        userId: practitioner.user.id,
        displayName: practitioner.user.displayName,
        relationship: 'social_worker',
      },
    ]);
    const [columns]: { n: number }[][] = [
      await t.db.query(
        `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'young_people' AND column_name = 'age'`,
      ),
    ];
    expect(columns[0].n).toBe(0);
  });

  it.each([
    ['a date of birth in the future', { dateOfBirth: '2999-01-01' }, 'dateOfBirth', /in the future/],
    [
      'someone too young for every band',
      { dateOfBirth: dateOfBirthForAge(7) },
      'dateOfBirth',
      /aged 10 to 25/,
    ],
    [
      'someone too old for every band',
      { dateOfBirth: dateOfBirthForAge(30) },
      'dateOfBirth',
      /aged 10 to 25/,
    ],
    ['an impossible date', { dateOfBirth: '2012-02-30' }, 'dateOfBirth', /real date/],
    ['a missing name', { preferredName: '' }, 'preferredName', /name/],
    [
      'a badly formed email channel',
      {
        contact: {
          email: 'not-email',
          phone: null,
          whatsapp: null,
          letter: null,
          onlyViaTrustedAdult: false,
        },
      },
      'contact.email',
      /email address/,
    ],
    [
      'a service experience ending before it starts',
      {
        serviceExperiences: [
          { kind: ServiceExperienceKind.ChildInNeed, from: '2024-05-01', to: '2024-01-01' },
        ],
      },
      'serviceExperiences.0.to',
      /before the start/,
    ],
    [
      'an unknown trusted adult',
      {
        trustedAdults: [
          { userId: '00000000-0000-4000-8000-000000000000', relationship: TrustedAdultRelationship.Other },
        ],
      },
      'trustedAdults.0.userId',
      /not an active practitioner/,
    ],
  ])('should refuse %s, naming the field, and write nothing', async (_name, overrides, field, message) => {
    const before = await countRows(t.db, 'young_people');
    const res = await officer.post(
      '/api/young-people',
      youngPersonRequest(overrides as Parameters<typeof youngPersonRequest>[0]),
    );
    expectProblem(res, 400);
    expect(res.body.errors[field]?.[0]).toMatch(message);
    expect(await countRows(t.db, 'young_people')).toBe(before);
  });

  it('should keep whether they are placed out of area and with which local authority, off by default', async () => {
    const plain = await createYoungPerson(officer, { preferredName: 'Stays Local' });
    expect((await officer.get(`/api/young-people/${plain.id}`)).body).toMatchObject({
      placedOutOfArea: false,
      placementAuthority: null,
    });
    const placed = await officer.post(
      '/api/young-people',
      youngPersonRequest({
        preferredName: 'Placed Away',
        placedOutOfArea: true,
        placementAuthority: '  Northmere County Council ',
      }),
    );
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({
      placedOutOfArea: true,
      placementAuthority: 'Northmere County Council',
    });
    // Moving back into the area forgets the other authority.
    const back = await officer.agent
      .put(`/api/young-people/${placed.body.id}`)
      .set('X-XSRF-TOKEN', officer.session.csrfToken)
      .send(youngPersonRequest({ preferredName: 'Placed Away', placedOutOfArea: false }));
    expect(back.body).toMatchObject({ placedOutOfArea: false, placementAuthority: null });
  });

  it.each([
    [
      'a local authority without being placed out of area',
      { placedOutOfArea: false, placementAuthority: 'Northmere County Council' },
      /unless they are placed out of area/,
    ],
    [
      'a local authority over 100 characters',
      { placedOutOfArea: true, placementAuthority: 'x'.repeat(101) },
      /under 100 characters/,
    ],
  ])('should refuse %s and write nothing', async (_name, overrides, message) => {
    const before = await countRows(t.db, 'young_people');
    const res = await officer.post('/api/young-people', youngPersonRequest(overrides));
    expectProblem(res, 400);
    expect(res.body.errors.placementAuthority?.[0]).toMatch(message);
    expect(await countRows(t.db, 'young_people')).toBe(before);
  });

  it('should refuse unknown fields and oversized text', async () => {
    expectProblem(await officer.post('/api/young-people', { ...youngPersonRequest(), caseNotes: 'no' }), 400);
    const long = await officer.post(
      '/api/young-people',
      youngPersonRequest({ confidentialityNotes: 'x'.repeat(1001) }),
    );
    expectProblem(long, 400);
    expect(long.body.errors).toHaveProperty('confidentialityNotes');
  });

  it('should audit every staff read of a record, with ids only', async () => {
    const person = await createYoungPerson(officer, { preferredName: 'Audited' });
    await officer.get(`/api/young-people/${person.id}`);
    const reads = await t.db
      .getRepository(AuditEvent)
      .findBy({ action: AuditAction.Read, entityId: person.id });
    expect(reads).toHaveLength(1);
    expect(reads[0].actorUserId).toBe(officer.user.id);
    expect(JSON.stringify(reads)).not.toContain('Audited');
  });

  it('should read the whole record back: periods by start, kind and end (open last), adults by id', async () => {
    const adults = [];
    for (let i = 0; i < 3; i++) adults.push((await t.signInAs(Role.Practitioner)).user);
    // Entered against their ids' order, so an answer in the order entered would show.
    adults.sort((a, b) => b.id.localeCompare(a.id));
    const [first, second, third] = adults;
    const periods = [
      { kind: ServiceExperienceKind.YoungCarer, from: '2021-01-01', to: null },
      { kind: ServiceExperienceKind.YoungCarer, from: '2021-01-01', to: '2021-06-30' },
      { kind: ServiceExperienceKind.CareLeaver, from: '2022-03-01', to: null },
      { kind: ServiceExperienceKind.ChildInNeed, from: '2019-05-01', to: '2020-12-31' },
    ];
    const contact = {
      email: 'marlow@young.example',
      phone: null,
      whatsapp: null,
      letter: null,
      onlyViaTrustedAdult: false,
    };
    // Asked for and answered back alike.
    const needs = {
      accessibilityNeeds: 'Quiet room.',
      communicationNeeds: 'Short sentences.',
      participationPreference: 'group' as const,
      decidesForThemselves: true,
      confidentialityNotes: 'Not via school.',
      placedOutOfArea: true,
      placementAuthority: 'Northmere County Council',
    };
    const parentCarer = {
      name: 'Jo Carer',
      relationship: 'Kinship carer',
      channel: 'email' as const,
      email: 'jo.carer@family.example',
      phone: null,
      purpose: 'They bring Marlow to sessions.',
    };
    const dateOfBirth = dateOfBirthForAge(16, 2);
    const person = await createYoungPerson(officer, {
      preferredName: 'Marlow',
      dateOfBirth,
      serviceExperiences: periods,
      trustedAdults: [
        { userId: first.id, relationship: TrustedAdultRelationship.SocialWorker },
        { userId: second.id, relationship: TrustedAdultRelationship.PersonalAdviser },
        { userId: third.id, relationship: TrustedAdultRelationship.Other },
      ],
      contact,
      parentCarer,
      ...needs,
    });
    const read = await officer.get(`/api/young-people/${person.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      id: person.id,
      preferredName: 'Marlow',
      dateOfBirth,
      age: 16,
      ageBand: '16-17',
      serviceExperiences: [periods[3], periods[1], periods[0], periods[2]],
      currentServiceExperiences: ['young_carer', 'care_leaver'],
      trustedAdults: [
        { userId: third.id, displayName: third.displayName, relationship: 'other' },
        { userId: second.id, displayName: second.displayName, relationship: 'personal_adviser' },
        { userId: first.id, displayName: first.displayName, relationship: 'social_worker' },
      ],
      contact,
      parentCarer,
      ...needs,
      categories: [],
      groups: [],
      archivedAt: null,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });

    // Saved again in another order, the record answers in the same order.
    const updated = await officer.agent
      .put(`/api/young-people/${person.id}`)
      .set('X-XSRF-TOKEN', officer.session.csrfToken)
      .send(
        youngPersonRequest({
          preferredName: 'Marlow',
          dateOfBirth,
          serviceExperiences: [periods[0], periods[1]],
          trustedAdults: [
            { userId: first.id, relationship: TrustedAdultRelationship.SocialWorker },
            { userId: third.id, relationship: TrustedAdultRelationship.Other },
          ],
        }),
      );
    expect(updated.status).toBe(200);
    const reread = await officer.get(`/api/young-people/${person.id}`);
    for (const body of [updated.body, reread.body]) {
      expect(body.serviceExperiences).toEqual([periods[1], periods[0]]);
      expect(body.trustedAdults.map((a: { userId: string }) => a.userId)).toEqual([third.id, first.id]);
      expect(body.parentCarer).toBeNull();
    }
  });

  it('should show a practitioner only the young people linked to them, and 404 for the rest', async () => {
    const linked = await createYoungPerson(officer, {
      preferredName: 'Linked Lou',
      trustedAdults: [{ userId: practitioner.user.id, relationship: TrustedAdultRelationship.SocialWorker }],
    });
    const other = await createYoungPerson(officer, { preferredName: 'Unlinked Uma' });
    const list = await practitioner.get('/api/young-people?pageSize=100');
    expect(list.status).toBe(200);
    const ids = list.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(linked.id);
    expect(ids).not.toContain(other.id);
    expect((await practitioner.get(`/api/young-people/${linked.id}`)).status).toBe(200);
    const hidden = await practitioner.get(`/api/young-people/${other.id}`);
    expectProblem(hidden, 404);
    const missing = await practitioner.get('/api/young-people/00000000-0000-4000-8000-000000000000');
    expect(hidden.body.detail).toBe(missing.body.detail);
    expectProblem(await practitioner.get(`/api/young-people/${other.id}/attendance`), 404);
    expectProblem(await practitioner.post('/api/young-people', youngPersonRequest()), 403);
  });

  it('should show senior leaders and young experts no individual young person', async () => {
    const leader = await t.signInAs(Role.SeniorLeader);
    const expert = await t.signInAs(Role.YoungExpert);
    expectProblem(await leader.get('/api/young-people'), 403);
    expectProblem(await expert.get('/api/young-people'), 403);
  });

  it('should search, filter and sort on the server', async () => {
    const group = await createGroup(officer, { minAge: 10, maxAge: 25 });
    const a = await createYoungPerson(officer, {
      preferredName: 'Zebedee Search',
      dateOfBirth: dateOfBirthForAge(11),
      serviceExperiences: [{ kind: ServiceExperienceKind.YoungCarer, from: '2021-01-01', to: null }],
    });
    const b = await createYoungPerson(officer, {
      preferredName: 'Zebedee Other',
      dateOfBirth: dateOfBirthForAge(19),
      serviceExperiences: [{ kind: ServiceExperienceKind.CareLeaver, from: '2021-01-01', to: null }],
    });
    await officer.post(`/api/groups/${group.id}/members`, { youngPersonId: a.id, joinedOn: '2026-01-05' });

    const names = async (query: string) =>
      ((await officer.get(`/api/young-people?${query}`)).body.items as { preferredName: string }[]).map(
        (i) => i.preferredName,
      );
    expect(await names('q=zebedee&sort=name')).toEqual(['Zebedee Other', 'Zebedee Search']);
    expect(await names('q=zebedee&sort=age&order=asc')).toEqual(['Zebedee Search', 'Zebedee Other']);
    expect(await names('q=zebedee&serviceExperience=young_carer')).toEqual(['Zebedee Search']);
    expect(await names('q=zebedee&ageBand=18-25')).toEqual(['Zebedee Other']);
    expect(await names(`q=zebedee&groupId=${group.id}`)).toEqual(['Zebedee Search']);
    expect(await names('q=%25')).toEqual([]);
    const page = await officer.get('/api/young-people?q=zebedee&pageSize=1&page=2&sort=name');
    expect(page.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.body.items[0].preferredName).toBe('Zebedee Search');
    expect(b.id).toBeTruthy();
  });

  it.each([
    ['an unknown filter', 'colour=blue', 'colour'],
    ['an unknown age band', 'ageBand=5-9', 'ageBand'],
    ['an unknown sort', 'sort=postcode', 'sort'],
    ['a huge page', 'pageSize=5000', 'pageSize'],
    ['a group id that is not an id', 'groupId=juniors', 'groupId'],
  ])('should refuse %s by name', async (_name, query, field) => {
    const res = await officer.get(`/api/young-people?${query}`);
    expectProblem(res, 400);
    expect(res.body.errors).toHaveProperty(field);
  });

  it('should use the same number of queries for a page of 3 or of 30 (no N+1)', async () => {
    for (let i = 0; i < 30; i++)
      await createYoungPerson(officer, { preferredName: `Count ${String(i).padStart(2, '0')}` });
    const measure = async (pageSize: number) => {
      counter.count = 0;
      const res = await officer.get(`/api/young-people?q=count&pageSize=${pageSize}`);
      expect(res.body.items).toHaveLength(pageSize);
      return counter.count;
    };
    const small = await measure(3);
    const large = await measure(30);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(6);
  });

  it('should update in full, and archive without deleting', async () => {
    const person = await createYoungPerson(officer, { preferredName: 'Before' });
    const updated = await t.anonymous().put(`/api/young-people/${person.id}`);
    expectProblem(updated, 401);
    const res = await officer.agent
      .put(`/api/young-people/${person.id}`)
      .set('X-XSRF-TOKEN', officer.session.csrfToken)
      .send(youngPersonRequest({ preferredName: 'After', participationPreference: 'one_to_one' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ preferredName: 'After', participationPreference: 'one_to_one' });
    const archived = await officer.post(`/api/young-people/${person.id}/archive`, { reason: 'Moved away' });
    expect(archived.body.archivedAt).not.toBeNull();
    expect((await officer.get('/api/young-people?q=after')).body.total).toBe(0);
    expect((await officer.get('/api/young-people?q=after&includeArchived=true')).body.total).toBe(1);
    expectProblem(await officer.post(`/api/young-people/${person.id}/archive`, {}), 409);
  });
});

describe('young people: counting a long list', () => {
  it('should stop counting past 1,000 and say the total is a lower bound, yet still page to the end', async () => {
    const t = await createTestApp();
    try {
      const officer = await t.signInAs(Role.ParticipationOfficer);
      await t.db.query(
        `INSERT INTO young_people (preferred_name, date_of_birth)
         SELECT 'Counted ' || lpad(n::text, 4, '0'), DATE '2012-01-01' FROM generate_series(1, 1030) AS n`,
      );
      const first = await officer.get('/api/young-people?pageSize=25');
      expect(first.body).toMatchObject({ total: 1001, totalIsLowerBound: true, page: 1 });
      expect(first.body.items).toHaveLength(25);

      // Page 42 asks for rows 1026–1050, so the count runs to 1051 and finds the exact 1,030.
      const last = await officer.get('/api/young-people?pageSize=25&page=42');
      expect(last.body.total).toBe(1030);
      expect(last.body.totalIsLowerBound).toBeUndefined();
      expect(last.body.items.map((i: { preferredName: string }) => i.preferredName)).toEqual([
        'Counted 1026',
        'Counted 1027',
        'Counted 1028',
        'Counted 1029',
        'Counted 1030',
      ]);

      const filtered = await officer.get('/api/young-people?q=counted%20100');
      expect(filtered.body).toMatchObject({ total: 10 }); // Counted 1000 to 1009
      expect(filtered.body.totalIsLowerBound).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
