import { randomUUID } from 'node:crypto';
import { AuditAction, AuditRecordType, MAX_YOUNG_PERSON_CATEGORIES, Role } from '@heard/domain';
import { createYoungPerson, youngPersonRequest } from './support/factories';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

/** Every table a category change or a young person's save could write, to prove a refusal wrote nothing. */
const written = async (t: TestApp) => ({
  categories: await countRows(t.db, 'young_people_categories'),
  names: (
    (await t.db.query(
      `SELECT coalesce(string_agg(name || ':' || (retired_at IS NOT NULL)::text, ',' ORDER BY id), '') AS s
         FROM young_people_categories`,
    )) as { s: string }[]
  )[0].s,
  links: await countRows(t.db, 'young_person_categories'),
  people: await countRows(t.db, 'young_people'),
  audit: await countRows(t.db, 'audit_events'),
});

/**
 * The team's own categories of young people (issue 13 §4, docs/young-people.md): a list
 * administrators keep the way they keep the action log's services and themes, ticked on a young
 * person's record. Every refusal is problem+json and writes nothing.
 */
describe("young people's categories", () => {
  let t: TestApp;
  let admin: SignedInClient;
  let officer: SignedInClient;
  let practitioner: SignedInClient;
  let leader: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signInAs(Role.Administrator);
    officer = await t.signInAs(Role.ParticipationOfficer);
    practitioner = await t.signInAs(Role.Practitioner);
    leader = await t.signInAs(Role.SeniorLeader);
  });
  afterAll(() => t.close());

  const add = async (name: string): Promise<string> => {
    const res = await admin.post('/api/young-people/categories', { name });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  describe('the list', () => {
    it('should let administrators add, rename, retire and bring back, each audited, nothing deleted', async () => {
      const added = await admin.post('/api/young-people/categories', { name: '  Young carer  ' });
      expect(added.status).toBe(201);
      expect(added.body).toEqual({ id: expect.any(String), name: 'Young carer', retired: false });
      const id = added.body.id as string;
      await add('Lives with kinship carers');

      const renamed = await admin.patch(`/api/young-people/categories/${id}`, { name: 'Young carers' });
      expect(renamed.body).toEqual({ id, name: 'Young carers', retired: false });
      const retired = await admin.patch(`/api/young-people/categories/${id}`, { retired: true });
      expect(retired.body).toEqual({ id, name: 'Young carers', retired: true });

      // Current first, then retired; officers and practitioners read it to fill in a record.
      for (const reader of [officer, practitioner, admin]) {
        const list = await reader.get('/api/young-people/categories');
        expect(list.status).toBe(200);
        expect(list.body.map((c: { name: string }) => c.name)).toEqual([
          'Lives with kinship carers',
          'Young carers',
        ]);
        expect(list.body.at(-1)).toEqual(retired.body);
      }

      const back = await admin.patch(`/api/young-people/categories/${id}`, { retired: false });
      expect(back.body.retired).toBe(false);

      const trail: { action: string; detail: Record<string, unknown> }[] = await t.db.query(
        `SELECT action, detail FROM audit_events WHERE entity_type = $1 AND entity_id = $2 ORDER BY at, id`,
        [AuditRecordType.YoungPeopleCategory, id],
      );
      expect(trail).toEqual([
        { action: AuditAction.Create, detail: {} },
        { action: AuditAction.Update, detail: { renamed: true, event: null } },
        { action: AuditAction.Update, detail: { renamed: false, event: 'retired' } },
        { action: AuditAction.Update, detail: { renamed: false, event: 'brought_back' } },
      ]);
    });

    it.each([
      ['a name already on the list, whatever its case', () => ({ name: 'LIVES WITH KINSHIP CARERS' }), 409],
      ['an empty name', () => ({ name: '   ' }), 400],
      ['a missing name', () => ({}), 400],
      ['a name that is not text', () => ({ name: 42 }), 400],
      ['an oversized name', () => ({ name: 'x'.repeat(81) }), 400],
      ['an unknown field', () => ({ name: 'Care leaver', colour: 'red' }), 400],
    ])('should refuse to add %s and write nothing', async (_name, body, status) => {
      const before = await written(t);
      expectProblem(await admin.post('/api/young-people/categories', body()), status);
      expect(await written(t)).toEqual(before);
    });

    it('should refuse a change that is empty, oversized, a taken name, or to a category not there', async () => {
      const id = await add('Unaccompanied asylum-seeking');
      const before = await written(t);
      expectProblem(await admin.patch(`/api/young-people/categories/${id}`, {}), 400);
      expectProblem(await admin.patch(`/api/young-people/categories/${id}`, { name: 'x'.repeat(81) }), 400);
      expectProblem(await admin.patch(`/api/young-people/categories/${id}`, { retired: 'yes' }), 400);
      expectProblem(
        await admin.patch(`/api/young-people/categories/${id}`, { name: 'lives with kinship carers' }),
        409,
      );
      expectProblem(await admin.patch(`/api/young-people/categories/${randomUUID()}`, { name: 'Gone' }), 404);
      expectProblem(await admin.patch('/api/young-people/categories/not-an-id', { name: 'Gone' }), 404);
      expect(await written(t)).toEqual(before);
    });

    it('should let only administrators keep it, and only those who read young people read it', async () => {
      const [id] = (await admin.get('/api/young-people/categories')).body.map((c: { id: string }) => c.id);
      const before = await written(t);
      expectProblem(
        await officer.post('/api/young-people/categories', { name: 'Officers do not keep it' }),
        403,
      );
      expectProblem(await officer.patch(`/api/young-people/categories/${id}`, { retired: true }), 403);
      expectProblem(
        await practitioner.post('/api/young-people/categories', { name: 'Nor practitioners' }),
        403,
      );
      expectProblem(await leader.get('/api/young-people/categories'), 403);
      expectProblem(await t.anonymous().get('/api/young-people/categories'), 401);
      expectProblem(await t.anonymous().post('/api/young-people/categories').send({ name: 'Anyone' }), 401);
      // The refusals themselves are audited; nothing else is written.
      const after = await written(t);
      expect({ ...after, audit: before.audit }).toEqual(before);
    });
  });

  describe('on a young person’s record', () => {
    let carer: string;
    let kinship: string;
    let retired: string;

    beforeAll(async () => {
      carer = await add('Care leaver in higher education');
      const list: { id: string; name: string }[] = (await admin.get('/api/young-people/categories')).body;
      kinship = list.find((c) => c.name === 'Lives with kinship carers')?.id ?? '';
      retired = await add('An old category');
      await admin.patch(`/api/young-people/categories/${retired}`, { retired: true });
    });

    it('should keep the categories ticked, show them by name, and replace them on a change, audited', async () => {
      const made = await officer.post(
        '/api/young-people',
        youngPersonRequest({ preferredName: 'Ticked Tamsin', categoryIds: [kinship, carer] }),
      );
      expect(made.status).toBe(201);
      expect(made.body.categories).toEqual([
        { id: carer, name: 'Care leaver in higher education' },
        { id: kinship, name: 'Lives with kinship carers' },
      ]);
      const read = await officer.get(`/api/young-people/${made.body.id}`);
      expect(read.body.categories).toEqual(made.body.categories);

      const changed = await officer.put(
        `/api/young-people/${made.body.id}`,
        youngPersonRequest({ preferredName: 'Ticked Tamsin', categoryIds: [kinship] }),
      );
      expect(changed.status).toBe(200);
      expect(changed.body.categories).toEqual([{ id: kinship, name: 'Lives with kinship carers' }]);
      const updates = await countRows(
        t.db,
        `audit_events WHERE entity_type = '${AuditRecordType.YoungPerson}' AND action = 'update' AND entity_id = '${made.body.id}'`,
      );
      expect(updates).toBe(1);

      const none = await officer.put(
        `/api/young-people/${made.body.id}`,
        youngPersonRequest({ preferredName: 'Ticked Tamsin' }),
      );
      expect(none.body.categories).toEqual([]);
    });

    it('should filter the young people list by a category, retired ones too, within what the reader may see', async () => {
      const category = await add('Filter by me');
      await createYoungPerson(officer, {
        preferredName: 'Filtered Fenna',
        categoryIds: [category],
      });
      await createYoungPerson(officer, { preferredName: 'Unfiltered Uma' });
      const names = async (who: SignedInClient, categoryId: string) => {
        const res = await who.get(`/api/young-people?categoryId=${categoryId}`);
        expect(res.status).toBe(200);
        return (res.body.items as { preferredName: string }[]).map((p) => p.preferredName);
      };
      expect(await names(officer, category)).toEqual(['Filtered Fenna']);
      await admin.patch(`/api/young-people/categories/${category}`, { retired: true });
      expect(await names(officer, category)).toEqual(['Filtered Fenna']);
      expect(await names(officer, randomUUID())).toEqual([]);
      // A practitioner is a trusted adult for no one here: the filter never widens what they see.
      expect(await names(practitioner, category)).toEqual([]);
      for (const bad of ['not-a-uuid', 'x'.repeat(5000)]) {
        const res = await officer.get(`/api/young-people?categoryId=${bad}`);
        expectProblem(res, 400);
        expect(Object.keys(res.body.errors)).toContain('categoryId');
      }
      expectProblem(await t.anonymous().get(`/api/young-people?categoryId=${category}`), 401);
    });

    it('should keep a category retired since it was ticked, until it is unticked', async () => {
      const category = await add('Retired later');
      const person = await createYoungPerson(officer, { preferredName: 'Kept Kit', categoryIds: [category] });
      await admin.patch(`/api/young-people/categories/${category}`, { retired: true });
      const again = await officer.put(
        `/api/young-people/${person.id}`,
        youngPersonRequest({ preferredName: 'Kept Kit', categoryIds: [category, carer] }),
      );
      expect(again.status).toBe(200);
      expect(again.body.categories.map((c: { id: string }) => c.id).sort()).toEqual([category, carer].sort());
      // Unticked, a retired category cannot be ticked again.
      await officer.put(`/api/young-people/${person.id}`, youngPersonRequest({ preferredName: 'Kept Kit' }));
      const before = await written(t);
      const res = await officer.put(
        `/api/young-people/${person.id}`,
        youngPersonRequest({ preferredName: 'Kept Kit', categoryIds: [category] }),
      );
      expectProblem(res, 422);
      expect(Object.keys(res.body.errors)).toEqual(['categoryIds.0']);
      expect(await written(t)).toEqual(before);
    });

    it.each([
      ['a category not on the list', () => [carer, randomUUID()], 422, 'categoryIds.1'],
      ['a retired category', () => [retired], 422, 'categoryIds.0'],
      ['an id that is not an id', () => ['young-carer'], 400, 'categoryIds.0'],
      ['the same category twice', () => [carer, carer], 400, 'categoryIds'],
      [
        'more categories than allowed',
        () => Array.from({ length: MAX_YOUNG_PERSON_CATEGORIES + 1 }, () => randomUUID()),
        400,
        'categoryIds',
      ],
      ['categories that are not a list', () => carer, 400, 'categoryIds'],
    ])('should refuse %s, naming the field, and write nothing', async (_name, ids, status, field) => {
      const before = await written(t);
      const res = await officer.post(
        '/api/young-people',
        youngPersonRequest({ preferredName: 'Refused Rowan', categoryIds: ids() as string[] }),
      );
      expectProblem(res, status);
      expect(Object.keys(res.body.errors)).toContain(field);
      expect(await written(t)).toEqual(before);
    });
  });
});
