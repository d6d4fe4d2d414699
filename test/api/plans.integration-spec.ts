import {
  LUNDY_QUESTIONS,
  PlanComparisonResponse,
  PlanDocument,
  PlanListResponse,
  PlanVersionResponse,
  PublishedPlanListResponse,
  PublishedPlanResponse,
  Role,
  planSectionsFor,
} from '@heard/domain';
import { PublishedPlansService } from '@heard/api/app/plans/published-plans.service';
import { openDatabase } from '@heard/api/platform/database/database';
import { DataSource } from 'typeorm';
import { makeTheme } from './support/action-log-office-fixtures';
import { createYoungPerson, dateOfBirthForAge } from './support/factories';
import { serverTestUrl } from './support/server-databases';
import { SignedInClient, TestApp, createTestApp, expectProblem } from './support/test-app';

const doc = (...paragraphs: string[]): PlanDocument => ({
  blocks: paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })),
});

/** Everything the plan tables and the action log hold: a refused request leaves it exactly as it was. */
async function planState(db: DataSource): Promise<unknown> {
  const [row]: unknown[] = await db.query(
    `SELECT (SELECT json_agg(p ORDER BY p.id) FROM voice_plans p) AS plans,
            (SELECT json_agg(v ORDER BY v.id) FROM plan_versions v) AS versions,
            (SELECT count(*)::int FROM plan_moves) AS moves,
            (SELECT json_agg(s ORDER BY s.version_id, s.section_key) FROM plan_sections s) AS sections,
            (SELECT json_agg(l ORDER BY l.version_id, l.question_key) FROM plan_lundy_answers l) AS lundy,
            (SELECT json_agg(c ORDER BY c.version_id, c.position) FROM plan_commitments c) AS commitments,
            (SELECT count(*)::int FROM actions) AS actions`,
  );
  return row;
}

/**
 * The annual voice plan's storage and API (issue 14 §1, §4, §5; docs/plan.md): an officer drafts
 * the year's plan, it cannot go to young people unfinished, a senior leader approves it, the
 * officer publishes it and its commitments become We will actions; the public reads it; a
 * correction is version 2 with a note, whose publishing supersedes version 1; the two compare word
 * by word. A published version never changes, and every refusal is problem+json that writes nothing.
 */
describe('the annual voice plan', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let leader: SignedInClient;
  let youngExpert: SignedInClient;
  let practitioner: SignedInClient;
  let themeId: string;
  let v1: PlanVersionResponse;
  let v2: PlanVersionResponse;

  const ok = async (res: { status: number; body: unknown }, status = 200): Promise<PlanVersionResponse> => {
    expect({ status: res.status, body: res.body }).toMatchObject({ status });
    return res.body as PlanVersionResponse;
  };
  const refused = async (
    send: () => Promise<{ status: number }>,
    status: number,
    field?: string,
  ): Promise<{ body: { errors?: Record<string, string[]> } }> => {
    const before = await planState(t.db);
    const res = (await send()) as Parameters<typeof expectProblem>[0];
    expectProblem(res, status);
    if (field) expect(Object.keys(res.body.errors ?? {})).toContain(field);
    expect(await planState(t.db)).toEqual(before);
    return res;
  };
  const sectionUrl = (v: PlanVersionResponse, key: string) => `/api/plans/versions/${v.id}/sections/${key}`;
  const moveTo = (by: SignedInClient, v: PlanVersionResponse, to: string, reason?: string) =>
    by.post(`/api/plans/versions/${v.id}/moves`, { expectedUpdatedAt: v.updatedAt, to, reason });

  /** Writes every section, every Lundy answer and one commitment, as an officer would over days. */
  async function fill(v: PlanVersionResponse): Promise<PlanVersionResponse> {
    let at = v;
    for (const key of planSectionsFor(v.yearOfPlan))
      at = await ok(
        await officer.put(sectionUrl(at, key), {
          expectedUpdatedAt: at.updatedAt,
          professional: doc(`We will listen to children in ${key}, and we will check that we did.`),
          childFriendly: doc(`We will listen to you. We will check.`),
        }),
      );
    for (const q of LUNDY_QUESTIONS)
      at = await ok(
        await officer.put(`/api/plans/versions/${at.id}/lundy/${q.key}`, {
          expectedUpdatedAt: at.updatedAt,
          answer: 'Mostly, and we know where we fall short.',
          evidence: [{ words: 'The Young DIB said so at its March session.' }],
        }),
      );
    return ok(
      await officer.put(`/api/plans/versions/${at.id}/commitments`, {
        expectedUpdatedAt: at.updatedAt,
        commitments: [
          {
            words: 'Every service asks children what they thought of their review meeting.',
            childWords: 'We will ask you what you thought of your review meeting.',
            ownerId: leader.user.id,
            dueOn: '2026-12-01',
            themeId,
          },
        ],
      }),
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer, { displayName: 'Ola Officer' });
    leader = await t.signInAs(Role.SeniorLeader, { displayName: 'Dana Fairweather' });
    practitioner = await t.signInAs(Role.Practitioner);
    const kai = await createYoungPerson(officer, {
      preferredName: 'Kai',
      dateOfBirth: dateOfBirthForAge(16),
    });
    youngExpert = await t.signInAs(Role.YoungExpert, { displayName: 'Kai', youngPersonId: kai.id });
    themeId = await makeTheme(t.db, 'Sharing learning');
  });
  afterAll(() => t.close());

  it('an officer starts the 2026 plan: version 1, a draft with every section still to write', async () => {
    v1 = await ok(await officer.post('/api/plans', { year: 2026 }), 201);
    expect(v1).toMatchObject({
      year: 2026,
      yearOfPlan: 1,
      period: { from: '2026-04-01', to: '2027-03-31' },
      status: 'draft',
      number: null,
      sections: planSectionsFor(1).map((key) => ({ key, professional: { blocks: [] } })),
      moves: [{ from: null, to: 'draft', by: { id: officer.user.id } }],
      nextMoves: ['scrutiny'],
    });
    expect(v1.gaps.map((g) => g.path)).toContain('sections.individual_work.childFriendly');
    await refused(() => officer.post('/api/plans', { year: 2026 }), 409);
    const list = (await leader.get('/api/plans')).body as PlanListResponse;
    expect(list.plans).toEqual([
      expect.objectContaining({ year: 2026, versions: [expect.objectContaining({ id: v1.id })] }),
    ]);
  });

  it('refuses to send an unfinished plan to young people, naming each gap', async () => {
    const res = await refused(() => moveTo(officer, v1, 'scrutiny'), 400, 'lundy.space.asked.answer');
    expect(Object.keys(res.body.errors ?? {})).toEqual(
      expect.arrayContaining(['commitments', 'sections.lundy.professional']),
    );
  });

  it('refuses bad, missing, oversized and stale edits, with nothing written', async () => {
    const body = { expectedUpdatedAt: v1.updatedAt, professional: doc('A.'), childFriendly: doc('B.') };
    // Oversized: five paragraphs of 4,500 characters go past the 20,000 of a section.
    const long = doc(...Array.from({ length: 5 }, () => 'x'.repeat(4500)));
    await refused(() => officer.put(sectionUrl(v1, 'individual_work'), { ...body, professional: long }), 400);
    // HTML is not a block type: only paragraphs, headings and lists.
    await refused(
      () =>
        officer.put(sectionUrl(v1, 'individual_work'), {
          ...body,
          professional: { blocks: [{ type: 'html', html: '<script>alert(1)</script>' }] },
        }),
      400,
    );
    await refused(
      () => officer.put(sectionUrl(v1, 'individual_work'), { professional: doc('A.') }),
      400,
      'expectedUpdatedAt',
    );
    await refused(() => officer.put(sectionUrl(v1, 'no_such_section'), body), 400);
    await refused(() => officer.put(sectionUrl(v1, 'last_year'), body), 400, 'key');
    await refused(() => officer.put(`/api/plans/versions/${v1.id}/lundy/space.nope`, { ...body }), 400);
    await refused(
      () =>
        officer.put(`/api/plans/versions/${v1.id}/commitments`, {
          expectedUpdatedAt: v1.updatedAt,
          commitments: [{ words: 'x', childWords: 'y', ownerId: youngExpert.user.id, dueOn: '2026-12-01' }],
        }),
      400,
      'commitments.0.ownerId',
    );
    await refused(
      () =>
        officer.put(`/api/plans/versions/${v1.id}/commitments`, {
          expectedUpdatedAt: v1.updatedAt,
          commitments: Array.from({ length: 51 }, () => ({ words: 'x', childWords: 'y' })),
        }),
      400,
      'commitments',
    );
    await refused(
      () =>
        officer.put(`/api/plans/versions/${v1.id}/lundy/space.asked`, {
          expectedUpdatedAt: v1.updatedAt,
          answer: 'Yes.',
          evidence: Array.from({ length: 11 }, () => ({ words: 'A survey.' })),
        }),
      400,
      'evidence',
    );
    await refused(
      () =>
        officer.post(`/api/plans/versions/${v1.id}/moves`, { expectedUpdatedAt: v1.updatedAt, to: 'gone' }),
      400,
      'to',
    );
    await refused(() => officer.post('/api/plans', { year: 1999 }), 400, 'year');
    await refused(() => officer.post('/api/plans', {}), 400, 'year');
    await refused(
      () =>
        officer.put(sectionUrl(v1, 'individual_work'), {
          ...body,
          expectedUpdatedAt: '2020-01-01T00:00:00.000Z',
        }),
      409,
    );
    // Only officers write; leaders read and move; young experts and practitioners have no part.
    await refused(() => leader.put(sectionUrl(v1, 'individual_work'), body), 403);
    await refused(() => youngExpert.put(sectionUrl(v1, 'individual_work'), body), 403);
    await refused(() => youngExpert.get(`/api/plans/versions/${v1.id}`), 403);
    await refused(() => practitioner.get('/api/plans'), 403);
    await refused(() => t.anonymous().get('/api/plans'), 401);
    await refused(() => t.anonymous().put(sectionUrl(v1, 'individual_work')).send(body), 401);
    await refused(() => officer.get('/api/plans/versions/not-an-id'), 404);
  });

  it('keeps script typed into a section as text', async () => {
    const typed = doc('<script>alert("hi")</script> is what we typed.');
    const res = await ok(
      await officer.put(sectionUrl(v1, 'council_activity'), {
        expectedUpdatedAt: v1.updatedAt,
        professional: typed,
        childFriendly: { blocks: [] },
      }),
    );
    expect(res.sections.find((s) => s.key === 'council_activity')?.professional).toEqual(typed);
    expect(res.updatedAt).not.toBe(v1.updatedAt);
    v1 = res;
  });

  it('goes to young people, a leader approves it, an officer publishes it: its commitment becomes a We will', async () => {
    v1 = await fill(v1);
    expect(v1.gaps).toEqual([]);
    // Only a leader approves; only after scrutiny.
    await refused(() => moveTo(officer, v1, 'published'), 409);
    await refused(() => moveTo(leader, v1, 'scrutiny'), 403);
    v1 = await ok(await moveTo(officer, v1, 'scrutiny'));
    expect(v1.status).toBe('scrutiny');
    await refused(() => moveTo(officer, v1, 'approved'), 403);
    await refused(() => moveTo(leader, v1, 'draft'), 400, 'reason');
    await refused(() => moveTo(leader, { ...v1, updatedAt: '2020-01-01T00:00:00.000Z' }, 'approved'), 409);
    const approved = await ok(await moveTo(leader, v1, 'approved'));
    expect(approved.status).toBe('approved');
    // A second approval of the same version, sent as the first was: the first won.
    await refused(() => moveTo(leader, v1, 'approved'), 409);
    v1 = approved;
    // What the leader approved is what is published.
    await refused(
      () =>
        officer.put(sectionUrl(v1, 'individual_work'), {
          expectedUpdatedAt: v1.updatedAt,
          professional: doc('Changed after approval.'),
          childFriendly: doc('Changed.'),
        }),
      409,
    );
    await refused(() => moveTo(leader, v1, 'published'), 403);
    v1 = await ok(await moveTo(officer, v1, 'published'));
    expect(v1).toMatchObject({ status: 'published', number: 1, gaps: [], nextMoves: [] });
    expect(v1.moves.map((m) => [m.from, m.to, m.by?.id])).toEqual([
      [null, 'draft', officer.user.id],
      ['draft', 'scrutiny', officer.user.id],
      ['scrutiny', 'approved', leader.user.id],
      ['approved', 'published', officer.user.id],
    ]);
    const actionId = v1.commitments[0].actionId;
    expect(typeof actionId).toBe('string');
    const [action]: unknown[] = await t.db.query(
      `SELECT status, words, young_words, owner_id, due_on::text AS due_on, created_by FROM actions WHERE id = $1`,
      [actionId],
    );
    expect(action).toEqual({
      status: 'planned',
      words: 'Every service asks children what they thought of their review meeting.',
      young_words: 'We will ask you what you thought of your review meeting.',
      owner_id: leader.user.id,
      due_on: '2026-12-01',
      created_by: officer.user.id,
    });
    // In the action log: the officer keeps the We will up to date like every other.
    const moved = await officer.patch(`/api/action-log/actions/${actionId}`, {
      expectedUpdatedAt: (
        await t.db.query(
          `SELECT to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS v FROM actions WHERE id = $1`,
          [actionId],
        )
      )[0].v,
      status: 'in_progress',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      id: actionId,
      status: 'in_progress',
      answer: expect.anything(),
      itemIds: [],
    });
    const audit: { entity_type: string; detail: Record<string, unknown> }[] = await t.db.query(
      `SELECT entity_type, detail FROM audit_events WHERE entity_id = $1 ORDER BY at`,
      [actionId],
    );
    expect(audit).toEqual([
      { entity_type: 'action', detail: expect.objectContaining({ planVersionId: v1.id }) },
      { entity_type: 'action', detail: expect.objectContaining({ to: 'in_progress' }) },
    ]);
    // It answers no You said item, so its own page is where the log's readers find it.
    for (const reader of [officer, leader, practitioner]) {
      const read = await reader.get(`/api/action-log/actions/${actionId}`);
      expect({ status: read.status, body: read.body }).toMatchObject({
        status: 200,
        body: { id: actionId, status: 'in_progress', itemIds: [], owner: { id: leader.user.id } },
      });
    }
    expectProblem(await youngExpert.get(`/api/action-log/actions/${actionId}`), 403);
    expectProblem(await t.anonymous().get(`/api/action-log/actions/${actionId}`), 401);
    expectProblem(await officer.get('/api/action-log/actions/not-an-action'), 404);
    expectProblem(await officer.get(`/api/action-log/actions/${'1'.repeat(2000)}`), 404);
    expectProblem(await officer.get('/api/action-log/actions/00000000-0000-4000-8000-000000000000'), 404);
  });

  it('never changes a published version, through the API or in the database', async () => {
    await refused(
      () =>
        officer.put(sectionUrl(v1, 'individual_work'), {
          expectedUpdatedAt: v1.updatedAt,
          professional: doc('A quiet change.'),
          childFriendly: doc('A quiet change.'),
        }),
      409,
    );
    await refused(() => moveTo(officer, v1, 'draft', 'Oops'), 409);
    const before = await planState(t.db);
    await expect(
      t.db.query(`UPDATE plan_sections SET professional = '{"blocks":[]}' WHERE version_id = $1`, [v1.id]),
    ).rejects.toThrow(/never changes/);
    await expect(t.db.query(`DELETE FROM plan_commitments WHERE version_id = $1`, [v1.id])).rejects.toThrow(
      /never changes/,
    );
    await expect(t.db.query(`UPDATE plan_versions SET number = 7 WHERE id = $1`, [v1.id])).rejects.toThrow(
      /never changes/,
    );
    expect(await planState(t.db)).toEqual(before);
  });

  it('the public reads the published version, both texts, without signing in; nothing else', async () => {
    const list = await t.anonymous().get('/api/published-plans');
    expect(list.status).toBe(200);
    expect(list.headers['cache-control']).toBe('public, no-cache');
    expect((list.body as PublishedPlanListResponse).plans).toEqual([
      expect.objectContaining({
        year: 2026,
        current: expect.objectContaining({ id: v1.id, number: 1 }),
        past: [],
      }),
    ]);
    const page = await t.anonymous().get(`/api/published-plans/${v1.id}`);
    expect(page.status).toBe(200);
    const body = page.body as PublishedPlanResponse;
    expect(body.sections.find((s) => s.key === 'individual_work')).toMatchObject({
      childFriendly: doc('We will listen to you. We will check.'),
    });
    expect(body.commitments).toEqual([
      expect.objectContaining({ childWords: expect.stringContaining('We will ask') }),
    ]);
    const again = await t
      .anonymous()
      .get(`/api/published-plans/${v1.id}`)
      .set('If-None-Match', page.headers['etag']);
    expect(again.status).toBe(304);

    // Sent compressed to a browser that takes it, made once: each copy under its own tag.
    const asked = (encoding: string, tag?: string) => {
      const req = t.anonymous().get(`/api/published-plans/${v1.id}`).set('Accept-Encoding', encoding);
      return tag ? req.set('If-None-Match', tag) : req;
    };
    const plain = await asked('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const sizes: Record<string, number> = { identity: Number(plain.headers['content-length']) };
    for (const encoding of ['br', 'gzip']) {
      const copy = await asked(`${encoding}, identity;q=0.5`);
      expect(copy.status).toBe(200);
      expect(copy.headers['content-encoding']).toBe(encoding);
      expect(copy.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(copy.headers['etag']).toBe(`${plain.headers['etag'].replace(/"$/, '')}.${encoding}"`);
      expect(copy.body).toEqual(plain.body);
      sizes[encoding] = Number(copy.headers['content-length']);
      expect((await asked(encoding, copy.headers['etag'])).status).toBe(304);
      // Another copy's tag is not this one: a cache asking for the JSON as it is gets it whole.
      expect((await asked('identity', copy.headers['etag'])).status).toBe(200);
    }
    expect(sizes['br']).toBeLessThan(sizes['identity'] / 2);
    expect(sizes['gzip']).toBeLessThan(sizes['identity'] / 2);
  });

  it('a correction is version 2 with a note; publishing it supersedes version 1; the two compare word by word', async () => {
    await refused(() => officer.post(`/api/plans/${v1.planId}/versions`, {}), 400, 'whatChanged');
    await refused(
      () => officer.post(`/api/plans/${v1.planId}/versions`, { whatChanged: 'x'.repeat(501) }),
      400,
      'whatChanged',
    );
    await refused(() => leader.post(`/api/plans/${v1.planId}/versions`, { whatChanged: 'A fix.' }), 403);
    v2 = await ok(
      await officer.post(`/api/plans/${v1.planId}/versions`, {
        whatChanged: 'We fixed the date of the review.',
      }),
      201,
    );
    expect(v2).toMatchObject({
      status: 'draft',
      number: null,
      whatChanged: 'We fixed the date of the review.',
    });
    expect(v2.sections).toEqual(v1.sections);
    expect(v2.commitments).toEqual(v1.commitments);
    // One version worked on at a time.
    await refused(() => officer.post(`/api/plans/${v1.planId}/versions`, { whatChanged: 'Another.' }), 409);
    // Not public while it is worked on, nor what does not exist.
    expectProblem(await t.anonymous().get(`/api/published-plans/${v2.id}`), 404);
    expectProblem(await t.anonymous().get('/api/published-plans/00000000-0000-4000-8000-000000000000'), 404);
    expectProblem(await t.anonymous().get('/api/published-plans/not-an-id'), 404);

    v2 = await ok(
      await officer.put(sectionUrl(v2, 'individual_work'), {
        expectedUpdatedAt: v2.updatedAt,
        professional: doc('We will listen to every child in individual_work, and we will check that we did.'),
        childFriendly: doc('We will listen to you. We will check.'),
      }),
    );
    v2 = await ok(await moveTo(officer, v2, 'scrutiny'));
    // Two approvals at once: one wins, the other is told it is already done.
    const both = await Promise.all([moveTo(leader, v2, 'approved'), moveTo(leader, v2, 'approved')]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    v2 = both.find((r) => r.status === 200)?.body as PlanVersionResponse;
    expect(v2.moves.filter((m) => m.to === 'approved')).toHaveLength(1);
    v2 = await ok(await moveTo(officer, v2, 'published'));
    expect(v2).toMatchObject({ status: 'published', number: 2 });
    // The carried commitment keeps its We will: the promise is not made twice.
    expect(v2.commitments[0].actionId).toBe(v1.commitments[0].actionId);
    const [{ n }]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM actions`);
    expect(n).toBe(1);

    const old = await ok(await officer.get(`/api/plans/versions/${v1.id}`));
    expect(old.status).toBe('superseded');
    expect(old.moves.at(-1)).toMatchObject({ from: 'published', to: 'superseded', by: null });

    const compared = await leader.get(`/api/plans/compare?before=${v1.id}&after=${v2.id}`);
    expect(compared.status).toBe(200);
    const section = (compared.body as PlanComparisonResponse).sections.find(
      (s) => s.key === 'individual_work',
    );
    expect(section?.professional).toEqual([
      { kind: 'same', text: 'We will listen to ' },
      { kind: 'removed', text: 'children' },
      { kind: 'added', text: 'every child' },
      { kind: 'same', text: ' in individual_work, and we will check that we did.' },
    ]);
    expect(section?.childFriendly).toEqual([{ kind: 'same', text: 'We will listen to you. We will check.' }]);
    await refused(() => leader.get(`/api/plans/compare?before=${v1.id}`), 400, 'after');

    const list = (await t.anonymous().get('/api/published-plans')).body as PublishedPlanListResponse;
    expect(list.plans).toEqual([
      expect.objectContaining({
        current: expect.objectContaining({
          id: v2.id,
          number: 2,
          whatChanged: 'We fixed the date of the review.',
        }),
        past: [expect.objectContaining({ id: v1.id, number: 1, status: 'superseded' })],
      }),
    ]);
    const past = await t.anonymous().get(`/api/published-plans/${v1.id}`);
    expect(past.status).toBe(200);
    expect((past.body as PublishedPlanResponse).status).toBe('superseded');
  });

  it('another API process reads each publication at once: the new current plan, past versions as they were', async () => {
    // On the server, a second process's own pool and its own kept pages; PGlite is one connection
    // in one process, so there the second reader shares it but still keeps its own pages.
    const onServer = serverTestUrl() !== null;
    const second = onServer
      ? await openDatabase(
          { databaseUrl: t.config.databaseUrl, pgliteDir: undefined },
          { runMigrations: false },
        )
      : t.db;
    try {
      const other = new PublishedPlansService(second);
      const listOf = async (): Promise<PublishedPlanListResponse> =>
        JSON.parse((await other.list()).identity.toString()) as PublishedPlanListResponse;
      const pageOf = async (id: string): Promise<PublishedPlanResponse> =>
        JSON.parse((await other.version(id)).identity.toString()) as PublishedPlanResponse;
      // Read (and kept) there before the correction.
      expect((await listOf()).plans[0].current?.id).toBe(v2.id);
      const v1Before = (await other.version(v1.id)).identity.toString();
      expect((await pageOf(v2.id)).status).toBe('published');

      let v3 = await ok(
        await officer.post(`/api/plans/${v1.planId}/versions`, { whatChanged: 'We named the new owner.' }),
        201,
      );
      // A draft changes nothing the public reads, in either process.
      expect((await listOf()).plans[0].current?.id).toBe(v2.id);
      await expect(other.version(v3.id)).rejects.toMatchObject({ code: 'not_found' });
      v3 = await ok(
        await officer.put(sectionUrl(v3, 'individual_work'), {
          expectedUpdatedAt: v3.updatedAt,
          professional: doc('We will listen to every child and young person, and we will check that we did.'),
          childFriendly: doc('We will listen to you. We will check.'),
        }),
      );
      v3 = await ok(await moveTo(officer, v3, 'scrutiny'));
      v3 = await ok(await moveTo(leader, v3, 'approved'));
      v3 = await ok(await moveTo(officer, v3, 'published'));

      // The next read in the other process is the correction: current, with what it replaced.
      expect((await listOf()).plans).toEqual([
        expect.objectContaining({
          current: expect.objectContaining({ id: v3.id, number: 3, whatChanged: 'We named the new owner.' }),
          past: [
            expect.objectContaining({ id: v2.id, number: 2, status: 'superseded' }),
            expect.objectContaining({ id: v1.id, number: 1, status: 'superseded' }),
          ],
        }),
      ]);
      expect((await pageOf(v3.id)).sections.find((s) => s.key === 'individual_work')?.professional).toEqual(
        doc('We will listen to every child and young person, and we will check that we did.'),
      );
      expect((await pageOf(v2.id)).status).toBe('superseded');
      // A past version reads exactly as it did.
      expect((await other.version(v1.id)).identity.toString()).toBe(v1Before);
      // And through the API of the process that published it.
      const current = await t.anonymous().get('/api/published-plans');
      expect((current.body as PublishedPlanListResponse).plans[0].current?.id).toBe(v3.id);
      const past = await t.anonymous().get(`/api/published-plans/${v1.id}`);
      expect(JSON.stringify(past.body)).toBe(v1Before);
    } finally {
      if (second !== t.db) await second.destroy();
    }
  });
});
