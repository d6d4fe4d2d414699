import { ALL_ROLES, Role } from '@heard/domain';
import { TestApp, createTestApp, expectProblem } from './support/test-app';
import { declaredRoutes, registeredRoutes } from './support/routes';

describe('every route declares who may call it', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('should find an access rule on every route Express serves', () => {
    const declared = declaredRoutes();
    const served = registeredRoutes(t.app);
    expect(served.length).toBeGreaterThan(5);
    for (const route of served) {
      const match = declared.find(
        (d) => d.method === route.method && d.path.replace(/:(\w+)/g, ':$1') === route.path,
      );
      expect({ route, declared: Boolean(match) }).toEqual({ route, declared: true });
      expect({ route, rule: match?.rule?.kind ?? 'none' }).toEqual({
        route,
        rule: expect.stringMatching(/^(public|roles)$/),
      });
    }
  });

  it('should list every route with its roles, so a change of access shows in review', () => {
    const table = declaredRoutes().map(
      (r) =>
        `${r.method.padEnd(6)} ${r.path.padEnd(36)} ${r.rule?.kind === 'roles' ? [...r.rule.roles].sort().join(', ') : (r.rule?.kind ?? 'NO RULE')}${r.duringSignIn.length ? ` (also half signed in: ${r.duringSignIn.join(', ')})` : ''}`,
    );
    expect(table).toMatchSnapshot();
  });
});

describe('authorisation matrix', () => {
  let t: TestApp;
  const clients = {} as Record<Role, Awaited<ReturnType<TestApp['signInAs']>>>;

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ALL_ROLES) clients[role] = await t.signInAs(role);
  });
  afterAll(() => t.close());

  // route group → the roles that may use it; every other role must get 403.
  const groups: {
    name: string;
    call: (c: (typeof clients)[Role]) => ReturnType<(typeof clients)[Role]['get']>;
    roles: Role[];
  }[] = [
    { name: 'home', call: (c) => c.get('/api/home'), roles: [...ALL_ROLES] },
    { name: 'own session', call: (c) => c.get('/api/auth/session'), roles: [...ALL_ROLES] },
    { name: 'list users', call: (c) => c.get('/api/users'), roles: [Role.Administrator] },
    {
      name: 'invite user',
      call: (c) =>
        c.post('/api/users', {
          email: `m${Math.random()}@test.heard.example`.replace('0.', ''),
          displayName: 'Matrix',
          role: 'practitioner',
        }),
      roles: [Role.Administrator],
    },
    { name: 'audit log', call: (c) => c.get('/api/audit'), roles: [Role.Administrator] },
    {
      name: 'young people list',
      call: (c) => c.get('/api/young-people'),
      roles: [Role.ParticipationOfficer, Role.Practitioner],
    },
    {
      name: 'create a young person',
      call: (c) => c.post('/api/young-people', { preferredName: 'Matrix', dateOfBirth: '2012-01-01' }),
      roles: [Role.ParticipationOfficer],
    },
    { name: 'groups', call: (c) => c.get('/api/groups'), roles: [Role.ParticipationOfficer] },
    { name: 'ageing out', call: (c) => c.get('/api/groups/ageing-out'), roles: [Role.ParticipationOfficer] },
    { name: 'session calendar', call: (c) => c.get('/api/sessions'), roles: [Role.ParticipationOfficer] },
    {
      name: 'calendar feeds',
      call: (c) => c.get('/api/calendar-feeds'),
      roles: [Role.ParticipationOfficer, Role.Practitioner],
    },
    { name: 'activity days', call: (c) => c.get('/api/activities'), roles: [Role.ParticipationOfficer] },
    { name: 'invitations', call: (c) => c.get('/api/invitations'), roles: [Role.ParticipationOfficer] },
    {
      name: 'the tell-by-hand list',
      call: (c) => c.get('/api/invitations/by-hand'),
      roles: [Role.ParticipationOfficer],
    },
    {
      name: 'the staff calendar',
      call: (c) => c.get(`/api/calendar?from=2026-01-05&to=2026-01-11`),
      roles: [Role.ParticipationOfficer],
    },
    { name: 'the funnel', call: (c) => c.get('/api/funnel'), roles: [Role.ParticipationOfficer] },
    { name: 'one-to-ones', call: (c) => c.get('/api/one-to-ones'), roles: [Role.ParticipationOfficer] },
    { name: 'the hand-over list', call: (c) => c.get('/api/handover'), roles: [Role.Practitioner] },
    { name: 'the staff directory', call: (c) => c.get('/api/staff'), roles: [Role.ParticipationOfficer] },
    {
      name: 'the reports',
      call: (c) => c.get('/api/reports'),
      roles: [Role.ParticipationOfficer, Role.SeniorLeader],
    },
  ];

  for (const group of groups) {
    for (const role of ALL_ROLES) {
      const allowed = group.roles.includes(role);
      it(`should ${allowed ? 'allow' : 'refuse'} ${role} to use ${group.name}`, async () => {
        const res = await group.call(clients[role]);
        if (allowed) {
          expect(res.status).toBeGreaterThanOrEqual(200);
          expect(res.status).toBeLessThan(300);
        } else {
          expectProblem(res, 403);
        }
      });
    }
  }

  it('should refuse every route but the public ones without a session', async () => {
    for (const route of declaredRoutes()) {
      if (route.rule?.kind === 'public') continue;
      const path = route.path.replace(/:\w+/g, '00000000-0000-4000-8000-000000000000');
      const res = await t
        .anonymous()
        [route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](path);
      expect({ route: route.handler, status: res.status }).toEqual({ route: route.handler, status: 401 });
    }
  });

  it('should record refused authorisation checks in the audit log', async () => {
    await clients[Role.YoungExpert].get('/api/audit');
    const [row]: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'access_refused' AND actor_user_id = $1`,
      [clients[Role.YoungExpert].user.id],
    );
    expect(row.n).toBeGreaterThan(0);
  });
});
