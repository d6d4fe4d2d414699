import {
  Reach,
  Role,
  SessionResponse,
  addDays,
  roleRequiresSecondFactor,
  todayInLondon,
} from '@heard/domain';
import { DEMO_PASSWORD, DEMO_USERS, loadDemoDataIfEmpty } from '@heard/api/app/demo/demo-data';
import { totpAt } from '@heard/api/platform/auth/totp';
import { SignedInClient, TestApp, countRows, createTestApp } from './support/test-app';

describe('demo data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    expect(await loadDemoDataIfEmpty(t.db)).toBe(true);
  });
  afterAll(() => t.close());

  /**
   * Signs a demo account in. The first sign-in of one that must have a second factor sets up an
   * authenticator app through the API, as a person does on the set-up page; later ones take the
   * second step with it (the test app's `signIn`).
   */
  const signedIn = new Map<string, SignedInClient>();
  async function signInDemo(email: string): Promise<SignedInClient> {
    // Staying signed in, as a person would: a second sign-in in the same 30 s would wait for a new code.
    const open = signedIn.get(email);
    if (open) return open;
    const agent = t.anonymous();
    const first = await agent.post('/api/auth/sign-in').send({ email, password: DEMO_PASSWORD });
    expect(first.status).toBe(200);
    const session = first.body as SessionResponse;
    if (session.pendingStep === 'enrol_second_factor') {
      const start = await agent
        .post('/api/auth/totp/enrolment')
        .set('X-XSRF-TOKEN', session.csrfToken)
        .send({ password: DEMO_PASSWORD });
      expect(start.status).toBe(200);
      const confirm = await agent
        .post('/api/auth/totp/enrolment/confirm')
        .set('X-XSRF-TOKEN', session.csrfToken)
        .send({ code: totpAt(start.body.secret as string, new Date()) });
      expect(confirm.status).toBe(200);
    }
    const client = await t.signIn(email, DEMO_PASSWORD);
    signedIn.set(email, client);
    return client;
  }

  it('should hold no authenticator secret: the accounts that need one set it up at their first sign-in', async () => {
    const [row] = await t.db.query(
      `SELECT count(*)::int AS n FROM users
        WHERE totp_secret IS NOT NULL OR totp_pending_secret IS NOT NULL OR totp_enrolled_at IS NOT NULL`,
    );
    expect((row as { n: number }).n).toBe(0);
    for (const user of DEMO_USERS) {
      const res = await t
        .anonymous()
        .post('/api/auth/sign-in')
        .send({ email: user.email, password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.pendingStep).toBe(roleRequiresSecondFactor(user.role) ? 'enrol_second_factor' : null);
    }
  });

  it('should give every role a demo account that can sign in', async () => {
    for (const user of DEMO_USERS) {
      const client = await signInDemo(user.email);
      expect(client.session.user.role).toBe(user.role);
      expect(client.session.pendingStep).toBeNull();
    }
    expect(new Set(DEMO_USERS.map((u) => u.role)).size).toBe(Object.values(Role).length);
  });

  it('should load the groups named in DOMAIN.md, with sessions and registers', async () => {
    const officer = await signInDemo('officer@heard.example');
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
    // Reach (docs/reach.md) has young people placed out of area to show.
    expect(await countRows(t.db, 'young_people WHERE placed_out_of_area')).toBe(6);
    // And the team's own categories, on some fictional records: the asylum-seeking ones, all placed
    // away, came to nothing.
    const categories = (await officer.get('/api/young-people/categories')).body as { name: string }[];
    expect(categories.map((c) => c.name)).toEqual([
      'Care leaver in higher education',
      'Lives with kinship carers',
      'Unaccompanied asylum-seeking',
      'Young carer',
    ]);
    expect(await countRows(t.db, 'young_person_categories')).toBeGreaterThan(5);
    const reach = (
      await officer.get(`/api/reach?from=${addDays(todayInLondon(), -90)}&to=${todayInLondon()}`)
    ).body as Reach;
    const seeking = reach.tables
      .find((table) => table.dimension === 'category')
      ?.rows.find((row) => row.label === 'Unaccompanied asylum-seeking');
    expect(seeking?.gaps).toContainEqual({ stage: 'came', gap: 'none' });
    const soon = (await officer.get(`/api/groups/ageing-out?on=${addDays(todayInLondon(), 14)}`)).body;
    expect(
      soon.some(
        (e: { group: { name: string }; suggestedGroup: { name: string } | null }) =>
          e.group.name === 'Juniors' && e.suggestedGroup?.name === 'Deputies',
      ),
    ).toBe(true);
  });

  it('should load the five practice tools named in DOMAIN.md, each with a version and its stage history', async () => {
    const leader = await signInDemo('leader@heard.example');
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

  it('should link the demo young expert Kai to their record, with a round waiting on their pages', async () => {
    const kai = await signInDemo('young.expert@heard.example');
    const me = await kai.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.name).toBe('Kai');
    const rounds = await kai.get('/api/me/rounds');
    expect(rounds.body).toEqual([expect.objectContaining({ toolName: 'Invitation-to-chair letter' })]);
  });

  it('should load the action log’s services and themes and items at different stages', async () => {
    const officer = await signInDemo('officer@heard.example');
    expect((await officer.get('/api/action-log/services')).body).toHaveLength(7);
    expect((await officer.get('/api/action-log/themes')).body).toHaveLength(4);
    const log = await officer.get('/api/action-log/items');
    expect(log.status).toBe(200);
    const stages = new Set(log.body.items.map((i: { stage: string }) => i.stage));
    expect([...stages].sort()).toEqual(['in_hand', 'to_acknowledge', 'to_answer', 'to_tell']);
    expect(log.body.items.some((i: { overdue: boolean }) => i.overdue)).toBe(true);
    expect(log.body.items.some((i: { sessionId: string | null }) => i.sessionId !== null)).toBe(true);
    const practitioner = await signInDemo('practitioner@heard.example');
    const theirs = (await practitioner.get('/api/action-log/items')).body.items;
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.length).toBeLessThan(log.body.items.length);
  });

  it('should give the demo leader a flagged pledge and one waiting to be confirmed, and Kai their verdict', async () => {
    const leader = await signInDemo('leader@heard.example');
    const mine = await leader.get('/api/pledges');
    expect(mine.status).toBe(200);
    const pledges = mine.body.pledges as { status: string; ratings: { flagged: boolean } }[];
    expect(pledges.map((p) => [p.status, p.ratings.flagged]).sort()).toEqual([
      ['active', true],
      ['unconfirmed', false],
    ]);
    const kai = await signInDemo('young.expert@heard.example');
    const theirs = await kai.get('/api/me/pledges');
    expect(theirs.body).toEqual([
      expect.objectContaining({ myVerdict: expect.objectContaining({ verdict: 'not_kept' }) }),
    ]);
  });

  it('should record review meetings so the plan shows review participation, a small code withheld', async () => {
    const rows: { code: string; n: number }[] = await t.db.query(
      `SELECT code, count(*)::int AS n FROM review_participation WHERE held_on <= CURRENT_DATE GROUP BY code ORDER BY code`,
    );
    expect(rows).toEqual([
      { code: 'PN1', n: 8 },
      { code: 'PN2', n: 3 },
      { code: 'PN3', n: 6 },
      { code: 'PN5', n: 5 },
      { code: 'PN7', n: 2 },
    ]);
  });

  it('should not load twice', async () => {
    expect(await loadDemoDataIfEmpty(t.db)).toBe(false);
  });
});
