import { Role, addDays, todayInLondon } from '@heard/domain';
import { DEMO_PASSWORD, DEMO_USERS, loadDemoDataIfEmpty } from '@heard/api/app/demo/demo-data';
import { TestApp, countRows, createTestApp } from './support/test-app';

describe('demo data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    expect(await loadDemoDataIfEmpty(t.db)).toBe(true);
  });
  afterAll(() => t.close());

  it('should give every role a demo account that can sign in', async () => {
    for (const user of DEMO_USERS) {
      const client = await t.signIn(user.email, DEMO_PASSWORD);
      expect(client.session.user.role).toBe(user.role);
    }
    expect(new Set(DEMO_USERS.map((u) => u.role)).size).toBe(Object.values(Role).length);
  });

  it('should load the groups named in DOMAIN.md, with sessions and registers', async () => {
    const officer = await t.signIn('officer@heard.example', DEMO_PASSWORD);
    const groups = (await officer.get('/api/groups?pageSize=100')).body.items.map(
      (g: { name: string }) => g.name,
    );
    expect(groups).toEqual(
      expect.arrayContaining([
        'Children in Care Council',
        'Young Experts',
        'Juniors',
        'Deputies',
        'Seniors',
        'Care Leavers',
        'Separated Migrants',
        'Young Diversity & Inclusion Board',
        'Young Commissioners',
        'SEND Forum',
        "Young Parents' Group",
      ]),
    );
    expect(await countRows(t.db, 'group_sessions')).toBeGreaterThan(50);
    expect(await countRows(t.db, 'attendance')).toBeGreaterThan(50);
    const soon = (await officer.get(`/api/groups/ageing-out?on=${addDays(todayInLondon(), 14)}`)).body;
    expect(
      soon.some(
        (e: { group: { name: string }; suggestedGroup: { name: string } | null }) =>
          e.group.name === 'Juniors' && e.suggestedGroup?.name === 'Deputies',
      ),
    ).toBe(true);
  });

  it('should load the five practice tools named in DOMAIN.md, each with a version and its stage history', async () => {
    const leader = await t.signIn('leader@heard.example', DEMO_PASSWORD);
    const tools = (await leader.get('/api/practice-tools')).body.items as {
      id: string;
      name: string;
      stage: string;
      versionCount: number;
    }[];
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      '"This is Me" profile',
      'Child protection conference animation',
      'Guide to co-producing summaries with children',
      'Invitation-to-chair letter',
      "Who's who: roles and responsibilities index",
    ]);
    expect(tools.every((tool) => tool.versionCount >= 1)).toBe(true);
    expect(new Set(tools.map((tool) => tool.stage)).size).toBeGreaterThanOrEqual(4);
    const retired = tools.filter((tool) => tool.stage === 'retired');
    expect(retired).toHaveLength(1);
    const history = (await leader.get(`/api/practice-tools/${retired[0].id}`)).body.stageHistory;
    expect(history[history.length - 1]).toMatchObject({ to: 'retired', reason: expect.any(String) });
  });

  it('should not load twice', async () => {
    expect(await loadDemoDataIfEmpty(t.db)).toBe(false);
  });
});
