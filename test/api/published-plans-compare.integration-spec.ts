import {
  LUNDY_QUESTIONS,
  PlanComparisonResponse,
  PlanDocument,
  PlanVersionResponse,
  PublishedPlanComparisonResponse,
  Role,
  planSectionsFor,
} from '@heard/domain';
import { makeTheme } from './support/action-log-office-fixtures';
import { SignedInClient, TestApp, createTestApp, expectProblem } from './support/test-app';

const doc = (...paragraphs: string[]): PlanDocument => ({
  blocks: paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })),
});

/** Every plan row, for proving a refused comparison read and wrote nothing. */
async function planState(t: TestApp): Promise<unknown> {
  const [row]: unknown[] = await t.db.query(
    `SELECT (SELECT json_agg(v ORDER BY v.id) FROM plan_versions v) AS versions,
            (SELECT count(*)::int FROM plan_moves) AS moves,
            (SELECT json_agg(s ORDER BY s.version_id, s.section_key) FROM plan_sections s) AS sections`,
  );
  return row;
}

/**
 * Comparing two published versions of the plan, for everyone, no sign-in (issue 14 §4–5;
 * docs/plan.md "Storage and API"): version 1 is corrected by version 2, both are public, and the
 * public compares them word by word exactly as staff do. A version still being worked on is
 * "not found" to the public whichever side it is on; bad ids, a missing one and a version compared
 * with itself are problem+json.
 */
describe('comparing published versions of the plan, in public', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let leader: SignedInClient;
  let themeId: string;
  let v1: PlanVersionResponse;
  let v2: PlanVersionResponse;
  let draft: PlanVersionResponse;

  const ok = (res: { status: number; body: unknown }, status = 200): PlanVersionResponse => {
    expect({ status: res.status, body: res.body }).toMatchObject({ status });
    return res.body as PlanVersionResponse;
  };
  const moveTo = async (by: SignedInClient, v: PlanVersionResponse, to: string) =>
    ok(await by.post(`/api/plans/versions/${v.id}/moves`, { expectedUpdatedAt: v.updatedAt, to }));
  const writeSection = async (v: PlanVersionResponse, key: string, professional: string, child: string) =>
    ok(
      await officer.put(`/api/plans/versions/${v.id}/sections/${key}`, {
        expectedUpdatedAt: v.updatedAt,
        professional: doc(professional),
        childFriendly: doc(child),
      }),
    );
  const compare = (query: string) => t.anonymous().get(`/api/published-plans/compare${query}`);
  /** A refused comparison: problem+json, naming the field when one is wrong, and nothing written. */
  const refused = async (query: string, status: number, field?: string) => {
    const before = await planState(t);
    const res = await compare(query);
    expectProblem(res, status);
    if (field) expect(Object.keys(res.body.errors ?? {})).toContain(field);
    expect(await planState(t)).toEqual(before);
  };

  /** A version through scrutiny and approval to published, as the officer and the leader would. */
  async function publish(v: PlanVersionResponse): Promise<PlanVersionResponse> {
    const approved = await moveTo(leader, await moveTo(officer, v, 'scrutiny'), 'approved');
    return moveTo(officer, approved, 'published');
  }

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer, { displayName: 'Ola Officer' });
    leader = await t.signInAs(Role.SeniorLeader, { displayName: 'Dana Fairweather' });
    themeId = await makeTheme(t.db, 'Sharing learning');

    let v = ok(await officer.post('/api/plans', { year: 2026 }), 201);
    for (const key of planSectionsFor(v.yearOfPlan))
      v = await writeSection(v, key, `We will listen to children in ${key}.`, 'We will listen to you.');
    for (const q of LUNDY_QUESTIONS)
      v = ok(
        await officer.put(`/api/plans/versions/${v.id}/lundy/${q.key}`, {
          expectedUpdatedAt: v.updatedAt,
          answer: 'Mostly.',
          evidence: [{ words: 'The Young DIB said so at its March session.' }],
        }),
      );
    v = ok(
      await officer.put(`/api/plans/versions/${v.id}/commitments`, {
        expectedUpdatedAt: v.updatedAt,
        commitments: [
          {
            words: 'Every service asks children about their review meeting.',
            childWords: 'We will ask you about your review meeting.',
            ownerId: leader.user.id,
            dueOn: '2026-12-01',
            themeId,
          },
        ],
      }),
    );
    v1 = await publish(v);

    v = ok(
      await officer.post(`/api/plans/${v1.planId}/versions`, { whatChanged: 'We said it more simply.' }),
      201,
    );
    v = await writeSection(
      v,
      'individual_work',
      'We will listen to children in individual_work.',
      'We will always listen to you.',
    );
    v2 = await publish(v);
    draft = ok(await officer.post(`/api/plans/${v1.planId}/versions`, { whatChanged: 'Not yet.' }), 201);
    draft = await writeSection(draft, 'individual_work', 'A draft nobody outside has seen.', 'A secret.');
  });
  afterAll(() => t.close());

  it('compares two published versions word by word without signing in, as staff see them', async () => {
    const res = await compare(`?before=${v1.id}&after=${v2.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, no-cache');
    const body = res.body as PublishedPlanComparisonResponse;
    expect(body.before).toEqual({
      id: v1.id,
      number: 1,
      status: 'superseded',
      whatChanged: null,
      publishedAt: v1.publishedAt,
      year: 2026,
    });
    expect(body.after).toMatchObject({ id: v2.id, number: 2, status: 'published', year: 2026 });
    expect(body.after.whatChanged).toBe('We said it more simply.');
    const section = body.sections.find((s) => s.key === 'individual_work');
    expect(section?.childFriendly).toEqual([
      { kind: 'same', text: 'We will ' },
      { kind: 'added', text: 'always ' },
      { kind: 'same', text: 'listen to you.' },
    ]);
    expect(section?.professional).toEqual([
      { kind: 'same', text: 'We will listen to children in individual_work.' },
    ]);
    expect(body.sections.map((s) => s.key)).toEqual(planSectionsFor(1));
    // One comparison, one home: the staff page reads exactly the same sections.
    const staff = await leader.get(`/api/plans/compare?before=${v1.id}&after=${v2.id}`);
    expect((staff.body as PlanComparisonResponse).sections).toEqual(body.sections);
    // Either order: the newer first reads the change the other way round.
    const back = await compare(`?before=${v2.id}&after=${v1.id}`);
    expect(back.status).toBe(200);
    expect(
      (back.body as PublishedPlanComparisonResponse).sections.find((s) => s.key === 'individual_work')
        ?.childFriendly,
    ).toContainEqual({ kind: 'removed', text: 'always ' });
    // A signed-in reader gets the same public answer.
    const signedIn = await officer.get(`/api/published-plans/compare?before=${v1.id}&after=${v2.id}`);
    expect(signedIn.body).toEqual(body);
  });

  it('lets a browser keep the comparison and ask again with its tag', async () => {
    const first = await compare(`?before=${v1.id}&after=${v2.id}`);
    const tag = first.headers['etag'];
    expect(typeof tag).toBe('string');
    const again = await t
      .anonymous()
      .get(`/api/published-plans/compare?before=${v1.id}&after=${v2.id}`)
      .set('If-None-Match', tag);
    expect(again.status).toBe(304);
    expect(again.headers['cache-control']).toBe('public, no-cache');
    // Another pair is another tag.
    const other = await compare(`?before=${v2.id}&after=${v1.id}`);
    expect(other.headers['etag']).not.toBe(tag);
  });

  it('says "not found" for a version still being worked on, on either side, or one that is not there', async () => {
    await refused(`?before=${v2.id}&after=${draft.id}`, 404);
    await refused(`?before=${draft.id}&after=${v1.id}`, 404);
    await refused(`?before=${v1.id}&after=00000000-0000-4000-8000-000000000000`, 404);
    // The draft's words are nowhere in the answer.
    const res = await compare(`?before=${v2.id}&after=${draft.id}`);
    expect(JSON.stringify(res.body)).not.toContain('secret');
  });

  it('refuses bad, missing and oversized ids, and a version compared with itself, as problem+json', async () => {
    await refused('', 400, 'before');
    await refused(`?before=${v1.id}`, 400, 'after');
    await refused(`?after=${v1.id}`, 400, 'before');
    await refused(`?before=not-an-id&after=${v2.id}`, 400, 'before');
    await refused(`?before=${v1.id}&after=${'a'.repeat(5000)}`, 400, 'after');
    await refused(`?before=${v1.id}&before=${v2.id}&after=${v2.id}`, 400, 'before');
    await refused(`?before=${v1.id}&after=${v2.id}&also=1`, 400, 'also');
    await refused(`?before=${v1.id}&after=${v1.id}`, 400, 'after');
    // Staff compare through the same rule: a version with itself is a mistake there too.
    const staff = await leader.get(`/api/plans/compare?before=${v2.id}&after=${v2.id}`);
    expectProblem(staff, 400);
  });
});
