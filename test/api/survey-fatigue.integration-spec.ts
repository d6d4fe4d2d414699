import { randomUUID } from 'node:crypto';
import { MAX_HOW_OFTEN_ASKED_IDS, Role, addDays, todayInLondon } from '@heard/domain';
import { createGroup, createYoungPerson, dateOfBirthForAge, planActivity } from './support/factories';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();

/**
 * Survey fatigue (issue 11 §8): per young person, how often they were asked for their views in the
 * last 3, 6 and 12 months — rounds (named, through their group, or by giving an evaluation; each
 * round once) and invitations sent — for officers choosing who to ask. No ranking is returned.
 */
describe('how often asked', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let practitioner: SignedInClient;
  let versionId: string;
  let activityId: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    practitioner = await t.signInAs(Role.Practitioner);
    const tool = await officer.post('/api/practice-tools', {
      name: 'Roles and responsibilities index',
      purpose: 'Who does what.',
      owningService: 'Children in care service',
      coProducedWith: 'Young Experts',
    });
    const version = await officer.post(`/api/practice-tools/${tool.body.id}/versions`, {
      label: 'v1',
      link: 'https://tools.example/roles.pdf',
      notes: null,
    });
    versionId = version.body.versions[0].id;
    activityId = (await planActivity(officer, { title: 'Bowling day' })).body.id;
  });
  afterAll(() => t.close());

  const round = async (overrides: object) => {
    const res = await officer.post('/api/evaluation-rounds', {
      toolVersionId: versionId,
      title: 'Roles index',
      occasion: null,
      opensOn: today,
      closesOn: addDays(today, 10),
      audience: 'link',
      ...overrides,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const asked = (ids: string[]) => officer.get(`/api/evaluations/how-often-asked?ids=${ids.join(',')}`);

  it('should count each round once however they were in it, group rounds and invitations, by window', async () => {
    const named = await createYoungPerson(officer, { preferredName: 'Nia' });
    const member = await createYoungPerson(officer, {
      preferredName: 'Milo',
      dateOfBirth: dateOfBirthForAge(11),
    });
    const invited = await createYoungPerson(officer, { preferredName: 'Ines' });
    const quiet = await createYoungPerson(officer, { preferredName: 'Quinn' });

    const namedRound = await round({ audience: 'named', youngPersonIds: [named.id] });
    const entered = await officer
      .post(`/api/evaluation-rounds/${namedRound}/evaluations`, {
        youngPersonId: named.id,
        answeredOn: today,
        answers: [{ questionKey: 'overall', rating: 4 }],
      })
      .set('Idempotency-Key', randomUUID());
    expect(entered.status).toBe(201);
    // Four months ago: in the 6 and 12 month windows, not the 3.
    const older = await round({ audience: 'named', youngPersonIds: [named.id] });
    await t.db.query(`UPDATE evaluation_rounds SET opens_on = $2 WHERE id = $1`, [
      older,
      addDays(today, -120),
    ]);
    // Opens next week: not an ask yet.
    await round({
      audience: 'named',
      youngPersonIds: [named.id],
      opensOn: addDays(today, 7),
      closesOn: addDays(today, 9),
    });

    const group = await createGroup(officer, { name: 'Young Experts' });
    const joined = await officer.post(`/api/groups/${group.id}/members`, {
      youngPersonId: member.id,
      joinedOn: today,
    });
    expect(joined.body).toMatchObject({ youngPersonId: member.id });
    await round({ audience: 'group', groupId: group.id });

    await t.db.query(
      `INSERT INTO invitations (young_person_id, target_kind, activity_id, event_date, channel, status, sent_at)
       VALUES ($1, 'activity_day', $2, $3, 'email', 'sent', now()),
              ($4, 'activity_day', $2, $3, 'email', 'draft', NULL)`,
      [invited.id, activityId, addDays(today, 20), quiet.id],
    );

    const res = await asked([named.id, member.id, invited.id, quiet.id]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { youngPersonId: named.id, lastThreeMonths: 1, lastSixMonths: 2, lastTwelveMonths: 2 },
      { youngPersonId: member.id, lastThreeMonths: 1, lastSixMonths: 1, lastTwelveMonths: 1 },
      { youngPersonId: invited.id, lastThreeMonths: 1, lastSixMonths: 1, lastTwelveMonths: 1 },
      { youngPersonId: quiet.id, lastThreeMonths: 0, lastSixMonths: 0, lastTwelveMonths: 0 },
    ]);
  });

  it('should leave out young people who do not exist, and refuse bad, missing, oversized and unauthorised asks', async () => {
    const someone = await createYoungPerson(officer, { preferredName: 'Sol' });
    expect((await asked([someone.id, randomUUID()])).body).toEqual([
      { youngPersonId: someone.id, lastThreeMonths: 0, lastSixMonths: 0, lastTwelveMonths: 0 },
    ]);
    const audit = await countRows(t.db, 'audit_events');
    for (const url of [
      '/api/evaluations/how-often-asked',
      '/api/evaluations/how-often-asked?ids=',
      '/api/evaluations/how-often-asked?ids=not-a-uuid',
      `/api/evaluations/how-often-asked?ids=${someone.id}&rank=true`,
      `/api/evaluations/how-often-asked?ids=${Array.from({ length: MAX_HOW_OFTEN_ASKED_IDS + 1 }, () => randomUUID()).join(',')}`,
    ])
      expectProblem(await officer.get(url), 400);
    expect(await countRows(t.db, 'audit_events')).toBe(audit);
    expectProblem(await practitioner.get(`/api/evaluations/how-often-asked?ids=${someone.id}`), 403);
    expectProblem(await t.anonymous().get(`/api/evaluations/how-often-asked?ids=${someone.id}`), 401);
  });
});
