import { PledgePerson, Role } from '@heard/domain';
import { makeTheme } from './support/action-log-office-fixtures';
import { createYoungPerson } from './support/factories';
import { pledgeRequest } from './support/pledge-fixtures';
import { SignedInClient, TestApp, createTestApp, createUser, expectProblem } from './support/test-app';

/**
 * The leaders an officer records a pledge for (GET /api/pledges/leaders, docs/pledges.md): every
 * active senior leader by name, and only them, so the form offers exactly whom POST /api/pledges
 * accepts; nobody but an officer may list them.
 */
describe('the leaders a pledge is recorded for', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let dana: SignedInClient;
  let rowan: SignedInClient;
  let formerLeaderId: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer, { displayName: 'Ola Officer' });
    rowan = await t.signInAs(Role.SeniorLeader, { displayName: 'Rowan Marsh' });
    dana = await t.signInAs(Role.SeniorLeader, { displayName: 'Dana Fairweather' });
    formerLeaderId = (
      await createUser(t.db, { role: Role.SeniorLeader, displayName: 'Fen Former', status: 'deactivated' })
    ).id;
  });
  afterAll(() => t.close());

  it('lists the active senior leaders by name for an officer, and each of them may be chosen', async () => {
    const res = await officer.get('/api/pledges/leaders');
    expect(res.status).toBe(200);
    const leaders = res.body as PledgePerson[];
    expect(leaders).toEqual([
      { id: dana.user.id, displayName: 'Dana Fairweather' },
      { id: rowan.user.id, displayName: 'Rowan Marsh' },
    ]);
    expect(leaders.map((l) => l.id)).not.toContain(formerLeaderId);

    const themeId = await makeTheme(t.db, 'Our language');
    const made = await officer.post('/api/pledges', pledgeRequest(themeId, { madeById: leaders[1].id }));
    expect(made.status).toBe(201);
    const former = await officer.post('/api/pledges', pledgeRequest(themeId, { madeById: formerLeaderId }));
    expectProblem(former, 400);
    expect(Object.keys(former.body.errors ?? {})).toEqual(['madeById']);
  });

  it('refuses every other role with 403 and the signed-out with 401, as problem+json', async () => {
    const kaiPerson = await createYoungPerson(officer, { preferredName: 'Kai' });
    const kai = await t.signInAs(Role.YoungExpert, { displayName: 'Kai', youngPersonId: kaiPerson.id });
    for (const reader of [
      dana,
      await t.signInAs(Role.Practitioner),
      await t.signInAs(Role.Administrator),
      kai,
    ])
      expectProblem(await reader.get('/api/pledges/leaders'), 403);
    expectProblem(await t.anonymous().get('/api/pledges/leaders'), 401);
  });
});
