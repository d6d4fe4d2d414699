import { Role, STAFF_MATCH_LIMIT } from '@heard/domain';
import type { StaffDirectoryResponse } from '@heard/domain';
import { SignedInClient, TestApp, createTestApp, createUser, expectProblem } from './support/test-app';

describe('the staff directory', () => {
  let t: TestApp;
  let officer: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer, { displayName: 'Olu Officer' });
    await createUser(t.db, {
      role: Role.Practitioner,
      displayName: 'Priya Quellbrook',
      email: 'pq@test.heard.example',
    });
    await createUser(t.db, {
      role: Role.Practitioner,
      displayName: 'Pat Quellbrook',
      email: 'pat.q@test.heard.example',
    });
    await createUser(t.db, {
      role: Role.Practitioner,
      displayName: 'Quinn Gone',
      email: 'quinn.quellbrook@test.heard.example',
      status: 'deactivated',
    });
    await createUser(t.db, {
      role: Role.Practitioner,
      displayName: 'Quentin Invited',
      email: 'quellbrook.invited@test.heard.example',
      status: 'invited',
    });
    await createUser(t.db, { role: Role.SeniorLeader, displayName: 'Sol Quellbrook' });
    await createUser(t.db, { role: Role.Administrator, displayName: 'Ada Quellbrook' });
    await createUser(t.db, { role: Role.Practitioner, displayName: 'Percy 100%_Sure' });
  });
  afterAll(() => t.close());

  const search = async (q: string): Promise<StaffDirectoryResponse['items']> => {
    const res = await officer.get(`/api/staff?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return (res.body as StaffDirectoryResponse).items;
  };

  it('should find active practitioners and officers by name or email, by name, with nothing else about them', async () => {
    const found = await search('  QUELLBROOK ');
    expect(found.map((s) => s.displayName)).toEqual(['Pat Quellbrook', 'Priya Quellbrook']);
    expect(found[0]).toEqual({
      id: expect.any(String),
      displayName: 'Pat Quellbrook',
      email: 'pat.q@test.heard.example',
      role: 'practitioner',
    });
    expect((await search('pq@test')).map((s) => s.displayName)).toEqual(['Priya Quellbrook']);
    expect((await search('olu off')).map((s) => s.role)).toEqual(['participation_officer']);
  });

  it("should treat LIKE's wildcards as the letters they are", async () => {
    expect((await search('100%_')).map((s) => s.displayName)).toEqual(['Percy 100%_Sure']);
    // As a wildcard it would match everyone.
    expect((await search('%')).map((s) => s.displayName)).toEqual(['Percy 100%_Sure']);
  });

  it('should name a few people at most, even with no search', async () => {
    for (let i = 0; i < STAFF_MATCH_LIMIT + 5; i++)
      await createUser(t.db, {
        role: Role.Practitioner,
        displayName: `Aaron Many ${String(i).padStart(2, '0')}`,
      });
    const all = await search('');
    expect(all).toHaveLength(STAFF_MATCH_LIMIT);
    expect(all[0].displayName).toBe('Aaron Many 00');
    expect((await search('aaron many')).length).toBe(STAFF_MATCH_LIMIT);
  });

  it.each([
    ['an unknown parameter', 'role=administrator', 'role'],
    ['an oversized search', `q=${'a'.repeat(101)}`, 'q'],
    ['a search given twice', 'q=a&q=b', 'q'],
  ])('should refuse %s by name', async (_name, query, field) => {
    const res = await officer.get(`/api/staff?${query}`);
    expectProblem(res, 400);
    expect(res.body.errors).toHaveProperty(field);
  });

  it('should be for participation officers only', async () => {
    expectProblem(await t.anonymous().get('/api/staff?q=quellbrook'), 401);
    for (const role of [Role.Practitioner, Role.SeniorLeader, Role.Administrator, Role.YoungExpert]) {
      const client = await t.signInAs(role);
      expectProblem(await client.get('/api/staff?q=quellbrook'), 403);
    }
  });
});
