import { AuditAction, AuditRecordType, PracticeToolRequest, Role } from '@heard/domain';
import { AuditEvent } from '@heard/api/platform/audit/audit-event.entity';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

let counter = 0;
const toolRequest = (overrides: Partial<PracticeToolRequest> = {}): PracticeToolRequest => ({
  name: `Tool ${++counter}`,
  purpose: 'Helps a child understand their review meeting.',
  owningService: 'Independent reviewing service',
  coProducedWith: 'Young Experts',
  ...overrides,
});
const versionRequest = (label = 'v1, March 2026') => ({
  label,
  link: 'https://tools.example/letter.pdf',
  notes: 'First version.',
});

describe('practice tools', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let leader: SignedInClient;
  let practitioner: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    leader = await t.signInAs(Role.SeniorLeader);
    practitioner = await t.signInAs(Role.Practitioner);
  });
  afterAll(() => t.close());

  const create = async (overrides: Partial<PracticeToolRequest> = {}) => {
    const res = await officer.post('/api/practice-tools', toolRequest(overrides));
    expect(res.status).toBe(201);
    return res.body as { id: string; name: string };
  };
  const move = (id: string, to: string, reason?: string) =>
    officer.post(`/api/practice-tools/${id}/stage`, reason === undefined ? { to } : { to, reason });
  const auditRows = (id: string) =>
    t.db.getRepository(AuditEvent).find({ where: { entityId: id }, order: { at: 'ASC' } });

  /** Counts every table a write could touch, to prove a refused request changed nothing. */
  const counts = async () => ({
    tools: await countRows(t.db, 'practice_tools'),
    versions: await countRows(t.db, 'practice_tool_versions'),
    stages: await countRows(t.db, 'practice_tool_stage_changes'),
    audit: await countRows(t.db, `audit_events WHERE entity_type = '${AuditRecordType.PracticeTool}'`),
  });

  describe('create and read', () => {
    it('should create a tool at co-producing, with the first history row and an audit row, and read it back', async () => {
      const res = await officer.post(
        '/api/practice-tools',
        toolRequest({ name: 'Invitation-to-chair letter' }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        name: 'Invitation-to-chair letter',
        owningService: 'Independent reviewing service',
        coProducedWith: 'Young Experts',
        stage: 'co_producing',
        latestVersion: null,
        versionCount: 0,
        versions: [],
      });
      expect(res.body.stageHistory).toEqual([
        expect.objectContaining({
          from: null,
          to: 'co_producing',
          reason: null,
          movedBy: { id: officer.user.id, displayName: officer.user.displayName },
        }),
      ]);
      const read = await leader.get(`/api/practice-tools/${res.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(res.body);
      const audit = await auditRows(res.body.id);
      expect(audit.map((a) => [a.action, a.entityType, a.actorUserId])).toEqual([
        [AuditAction.Create, AuditRecordType.PracticeTool, officer.user.id],
      ]);
    });

    it.each([
      ['a missing name', { name: undefined }, 'name', 'Enter a name.'],
      ['a blank purpose', { purpose: '   ' }, 'purpose', 'Say what the tool is for.'],
      [
        'a missing owning service',
        { owningService: undefined },
        'owningService',
        'Say which service owns the tool.',
      ],
      ['a name too long', { name: 'x'.repeat(121) }, 'name', 'Keep this under 120 characters.'],
      ['a name that is not text', { name: 42 }, 'name', undefined],
      ['an unknown field', { colour: 'blue' }, '', undefined],
    ])('should refuse %s, naming the field, and write nothing', async (_label, overrides, field, message) => {
      const before = await counts();
      const res = await officer.post('/api/practice-tools', { ...toolRequest(), ...overrides });
      expectProblem(res, 400);
      const keys = Object.keys(res.body.errors);
      if (field) expect(keys).toContain(field);
      else expect(keys.length).toBeGreaterThan(0);
      if (message) expect(res.body.errors[field]).toEqual([message]);
      expect(await counts()).toEqual(before);
    });

    it('should refuse a missing body, an oversized body and anyone but an officer, writing nothing', async () => {
      const before = await counts();
      expectProblem(await officer.post('/api/practice-tools'), 400);
      expectProblem(await officer.post('/api/practice-tools', {}), 400);
      const huge = await officer.post(
        '/api/practice-tools',
        toolRequest({ purpose: 'x'.repeat(200 * 1024) }),
      );
      expectProblem(huge, 413);
      expectProblem(await practitioner.post('/api/practice-tools', toolRequest()), 403);
      expectProblem(await leader.post('/api/practice-tools', toolRequest()), 403);
      expectProblem(await t.anonymous().post('/api/practice-tools').send(toolRequest()), 401);
      expect(await counts()).toEqual(before);
    });

    it('should let officers and senior leaders read, and no one else', async () => {
      const tool = await create();
      expect((await officer.get('/api/practice-tools')).status).toBe(200);
      expect((await leader.get(`/api/practice-tools/${tool.id}`)).status).toBe(200);
      expectProblem(await practitioner.get('/api/practice-tools'), 403);
      expectProblem(await practitioner.get(`/api/practice-tools/${tool.id}`), 403);
      const expert = await t.signInAs(Role.YoungExpert);
      expectProblem(await expert.get('/api/practice-tools'), 403);
      const admin = await t.signInAs(Role.Administrator);
      expectProblem(await admin.get('/api/practice-tools'), 403);
      expectProblem(await t.anonymous().get('/api/practice-tools'), 401);
      expectProblem(await t.anonymous().get(`/api/practice-tools/${tool.id}`), 401);
    });

    it('should keep HTML as text and refuse a NUL character, writing nothing', async () => {
      const html = await create({
        name: '<script>alert("x")</script> letter',
        purpose: '<b>bold</b> & more',
      });
      const read = (await officer.get(`/api/practice-tools/${html.id}`)).body;
      expect(read).toMatchObject({
        name: '<script>alert("x")</script> letter',
        purpose: '<b>bold</b> & more',
      });
      const before = await counts();
      expectProblem(await officer.post('/api/practice-tools', toolRequest({ name: 'Bad\u0000name' })), 400);
      expect(await counts()).toEqual(before);
    });

    it('should answer 404 for an unknown or malformed id', async () => {
      expectProblem(await officer.get('/api/practice-tools/not-a-uuid'), 404);
      expectProblem(await officer.get('/api/practice-tools/00000000-0000-4000-8000-000000000000'), 404);
    });
  });

  describe('list', () => {
    it('should list tools by name, filter by stage and page with the shared page schema', async () => {
      const a = await create({ name: 'Aardvark list tool' });
      const b = await create({ name: 'Aardvark list tool B' });
      expect((await move(b.id, 'being_evaluated')).status).toBe(200);

      const all = await leader.get('/api/practice-tools?pageSize=100');
      expect(all.status).toBe(200);
      const names = all.body.items.map((i: { name: string }) => i.name);
      expect(names).toEqual(
        [...names].sort((x: string, y: string) => x.toLowerCase().localeCompare(y.toLowerCase())),
      );
      expect(all.body).toMatchObject({ page: 1, pageSize: 100, total: all.body.items.length });

      const evaluated = await leader.get('/api/practice-tools?stage=being_evaluated&pageSize=100');
      const ids = evaluated.body.items.map((i: { id: string }) => i.id);
      expect(ids).toContain(b.id);
      expect(ids).not.toContain(a.id);
      expect(evaluated.body.items.every((i: { stage: string }) => i.stage === 'being_evaluated')).toBe(true);

      const firstPage = await leader.get('/api/practice-tools?pageSize=1');
      expect(firstPage.body.items).toHaveLength(1);
      expect(firstPage.body.total).toBeGreaterThanOrEqual(2);
    });

    it.each([
      ['an unknown stage', 'stage=archived', 'stage'],
      ['page zero', 'page=0', 'page'],
      ['a page too large', 'pageSize=101', 'pageSize'],
      ['an unknown parameter', 'sort=name', ''],
    ])('should refuse %s in the query', async (_label, query, field) => {
      const res = await officer.get(`/api/practice-tools?${query}`);
      expectProblem(res, 400);
      if (field) expect(Object.keys(res.body.errors)).toContain(field);
    });
  });

  describe('edit', () => {
    it('should edit the descriptive fields, keep stage and versions, and audit it', async () => {
      const tool = await create();
      await officer.post(`/api/practice-tools/${tool.id}/versions`, versionRequest());
      const res = await officer.put(
        `/api/practice-tools/${tool.id}`,
        toolRequest({ name: 'Renamed tool', owningService: 'Leaving care service', coProducedWith: '' }),
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: 'Renamed tool',
        owningService: 'Leaving care service',
        coProducedWith: null,
        stage: 'co_producing',
        versionCount: 1,
      });
      const audit = await auditRows(tool.id);
      expect(audit.map((a) => a.detail['event'] ?? null)).toEqual([null, 'add_version', 'edit']);
    });

    it('should refuse invalid, missing, oversized and unauthorised edits, changing nothing', async () => {
      const tool = await create({ name: 'Unchanged tool' });
      const before = await counts();
      const invalid = await officer.put(`/api/practice-tools/${tool.id}`, toolRequest({ name: '' }));
      expectProblem(invalid, 400);
      expect(invalid.body.errors.name).toEqual(['Enter a name.']);
      expectProblem(await officer.put(`/api/practice-tools/${tool.id}`, {}), 400);
      expectProblem(
        await officer.put(`/api/practice-tools/${tool.id}`, toolRequest({ purpose: 'x'.repeat(200 * 1024) })),
        413,
      );
      expectProblem(await practitioner.put(`/api/practice-tools/${tool.id}`, toolRequest()), 403);
      expectProblem(await leader.put(`/api/practice-tools/${tool.id}`, toolRequest()), 403);
      expectProblem(await t.anonymous().put(`/api/practice-tools/${tool.id}`).send(toolRequest()), 401);
      expectProblem(
        await officer.put('/api/practice-tools/00000000-0000-4000-8000-000000000000', toolRequest()),
        404,
      );
      expect(await counts()).toEqual(before);
      expect((await officer.get(`/api/practice-tools/${tool.id}`)).body.name).toBe('Unchanged tool');
    });
  });

  describe('versions', () => {
    it('should add versions, newest first, with who added them, and audit each', async () => {
      const tool = await create();
      const first = await officer.post(
        `/api/practice-tools/${tool.id}/versions`,
        versionRequest('v1, March 2026'),
      );
      expect(first.status).toBe(201);
      const second = await officer.post(`/api/practice-tools/${tool.id}/versions`, {
        label: 'v2, June 2026',
        link: 'https://tools.example/letter-v2.pdf',
      });
      expect(second.status).toBe(201);
      expect(second.body.versions.map((v: { label: string }) => v.label)).toEqual([
        'v2, June 2026',
        'v1, March 2026',
      ]);
      expect(second.body.versions[0]).toMatchObject({
        link: 'https://tools.example/letter-v2.pdf',
        notes: null,
        addedBy: { id: officer.user.id },
      });
      expect(second.body.latestVersion).toEqual({
        label: 'v2, June 2026',
        link: 'https://tools.example/letter-v2.pdf',
      });
      expect(second.body.versionCount).toBe(2);
      const events = (await auditRows(tool.id)).filter((a) => a.detail['event'] === 'add_version');
      expect(events).toHaveLength(2);
    });

    it.each([
      [
        'an http link',
        { link: 'http://tools.example/a.pdf' },
        'link',
        'Use a link that starts with https://.',
      ],
      ['a script link', { link: 'javascript:alert(1)' }, 'link', 'Use a link that starts with https://.'],
      [
        'an upper-case scheme',
        { link: 'HTTPS://tools.example/a.pdf' },
        'link',
        'Use a link that starts with https://.',
      ],
      [
        'a link without slashes',
        { link: 'https:tools.example/a.pdf' },
        'link',
        'Use a link that starts with https://.',
      ],
      [
        'a link with backslashes',
        { link: 'https:\\\\tools.example' },
        'link',
        'Use a link that starts with https://.',
      ],
      ['a missing link', { link: undefined }, 'link', undefined],
      ['a missing label', { label: undefined }, 'label', 'Give the version a label, like "v2, March 2026".'],
      ['a label too long', { label: 'v'.repeat(81) }, 'label', 'Keep this under 80 characters.'],
      ['an unknown field', { file: 'data:...' }, '', undefined],
    ])('should refuse a version with %s and write nothing', async (_label, overrides, field, message) => {
      const tool = await create();
      const before = await counts();
      const res = await officer.post(`/api/practice-tools/${tool.id}/versions`, {
        ...versionRequest(),
        ...overrides,
      });
      expectProblem(res, 400);
      if (field) expect(Object.keys(res.body.errors)).toContain(field);
      if (message) expect(res.body.errors[field]).toEqual([message]);
      expect(await counts()).toEqual(before);
    });

    it('should refuse a repeated label, a retired tool, and missing, oversized or unauthorised requests', async () => {
      const tool = await create();
      expect(
        (await officer.post(`/api/practice-tools/${tool.id}/versions`, versionRequest('v1'))).status,
      ).toBe(201);
      const before = await counts();
      const repeated = await officer.post(`/api/practice-tools/${tool.id}/versions`, versionRequest('V1'));
      expectProblem(repeated, 409);
      expect(repeated.body.errors.label).toEqual(['Use a label no other version of this tool has.']);
      expectProblem(await officer.post(`/api/practice-tools/${tool.id}/versions`), 400);
      expectProblem(
        await officer.post(`/api/practice-tools/${tool.id}/versions`, {
          ...versionRequest('v9'),
          notes: 'x'.repeat(200 * 1024),
        }),
        413,
      );
      expectProblem(
        await practitioner.post(`/api/practice-tools/${tool.id}/versions`, versionRequest('v2')),
        403,
      );
      expectProblem(await leader.post(`/api/practice-tools/${tool.id}/versions`, versionRequest('v2')), 403);
      expectProblem(
        await t.anonymous().post(`/api/practice-tools/${tool.id}/versions`).send(versionRequest('v2')),
        401,
      );
      expectProblem(
        await officer.post(
          '/api/practice-tools/00000000-0000-4000-8000-000000000000/versions',
          versionRequest('v2'),
        ),
        404,
      );
      expect(await counts()).toEqual(before);

      expect((await move(tool.id, 'retired', 'No longer used.')).status).toBe(200);
      const afterRetire = await counts();
      expectProblem(await officer.post(`/api/practice-tools/${tool.id}/versions`, versionRequest('v2')), 409);
      expect(await counts()).toEqual(afterRetire);
    });
  });

  describe('life cycle', () => {
    it('should move forward one stage at a time, record who and when, and audit each move', async () => {
      const tool = await create();
      for (const to of ['being_evaluated', 'shared_with_workforce', 'embedded']) {
        const res = await move(tool.id, to);
        expect(res.status).toBe(200);
        expect(res.body.stage).toBe(to);
      }
      const read = (await leader.get(`/api/practice-tools/${tool.id}`)).body;
      expect(read.stageHistory.map((s: { from: string | null; to: string }) => [s.from, s.to])).toEqual([
        [null, 'co_producing'],
        ['co_producing', 'being_evaluated'],
        ['being_evaluated', 'shared_with_workforce'],
        ['shared_with_workforce', 'embedded'],
      ]);
      expect(read.stageHistory[3].movedBy).toEqual({
        id: officer.user.id,
        displayName: officer.user.displayName,
      });
      expect(read.stageSince).toBe(read.stageHistory[3].movedAt);
      const moves = (await auditRows(tool.id)).filter((a) => a.detail['event'] === 'move_stage');
      expect(moves.map((a) => a.detail['to'])).toEqual([
        'being_evaluated',
        'shared_with_workforce',
        'embedded',
      ]);
    });

    it('should move back one stage or retire only with a reason, and keep the reason', async () => {
      const tool = await create();
      await move(tool.id, 'being_evaluated');
      const before = await counts();
      const noReason = await move(tool.id, 'co_producing');
      expectProblem(noReason, 400);
      expect(noReason.body.errors.reason).toEqual(['Say why the tool goes back a stage or is retired.']);
      expectProblem(await move(tool.id, 'retired', '   '), 400);
      expect(await counts()).toEqual(before);

      const back = await move(tool.id, 'co_producing', 'The young people want to redraw the pictures.');
      expect(back.status).toBe(200);
      expect(back.body.stageHistory.at(-1)).toMatchObject({
        from: 'being_evaluated',
        to: 'co_producing',
        reason: 'The young people want to redraw the pictures.',
      });
      const retired = await move(tool.id, 'retired', 'Replaced by a new tool.');
      expect(retired.body.stage).toBe('retired');
    });

    it.each([
      ['skipping a stage', [] as string[], 'shared_with_workforce', undefined, /one stage at a time/],
      ['staying put', [], 'co_producing', undefined, /already at "Co-producing"/],
      [
        'going back two',
        ['being_evaluated', 'shared_with_workforce'],
        'co_producing',
        'Because.',
        /back only one stage/,
      ],
      ['moving a retired tool', ['retired'], 'co_producing', 'Bring it back.', /retired tool cannot move/],
    ])('should refuse %s with 409 and change nothing', async (_label, path, to, reason, message) => {
      const tool = await create();
      for (const step of path) await move(tool.id, step, 'Getting there.');
      const before = await counts();
      const stage = (await officer.get(`/api/practice-tools/${tool.id}`)).body.stage;
      const res = await move(tool.id, to, reason);
      expectProblem(res, 409);
      expect(res.body.detail).toMatch(message);
      expect(res.body.errors.to[0]).toMatch(message);
      expect(await counts()).toEqual(before);
      expect((await officer.get(`/api/practice-tools/${tool.id}`)).body.stage).toBe(stage);
    });

    it('should refuse invalid, missing, oversized and unauthorised moves, changing nothing', async () => {
      const tool = await create();
      const before = await counts();
      const unknown = await move(tool.id, 'archived');
      expectProblem(unknown, 400);
      expect(unknown.body.errors.to).toEqual(['Choose a stage from the life cycle.']);
      expectProblem(await officer.post(`/api/practice-tools/${tool.id}/stage`), 400);
      expectProblem(await move(tool.id, 'retired', 'x'.repeat(501)), 400);
      expectProblem(await move(tool.id, 'retired', 'x'.repeat(200 * 1024)), 413);
      expectProblem(
        await practitioner.post(`/api/practice-tools/${tool.id}/stage`, { to: 'being_evaluated' }),
        403,
      );
      expectProblem(
        await leader.post(`/api/practice-tools/${tool.id}/stage`, { to: 'being_evaluated' }),
        403,
      );
      expectProblem(
        await t.anonymous().post(`/api/practice-tools/${tool.id}/stage`).send({ to: 'being_evaluated' }),
        401,
      );
      expectProblem(
        await officer.post('/api/practice-tools/00000000-0000-4000-8000-000000000000/stage', {
          to: 'being_evaluated',
        }),
        404,
      );
      expect(await counts()).toEqual(before);
    });

    it('should let only one of two moves at once from the same stage through', async () => {
      const tool = await create();
      const [a, b] = await Promise.all([move(tool.id, 'being_evaluated'), move(tool.id, 'being_evaluated')]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const history = (await officer.get(`/api/practice-tools/${tool.id}`)).body.stageHistory;
      expect(history).toHaveLength(2);
    });
  });
});
