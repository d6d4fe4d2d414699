import { AuditRecordType, MAX_IMPORT_CSV_CHARS, Role, addDays, todayInLondon } from '@heard/domain';
import { actionLogCounts, makeService, makeTheme } from './support/action-log-office-fixtures';
import { SignedInClient, TestApp, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();
const HEADER = 'Said on,Source,Service,Theme,Channel,Summary';

/**
 * Items from a team's spreadsheet (issue 12 §8): the preview names every row it refuses and why;
 * the import writes every row or, with one bad row, nothing, and names the row.
 */
describe('action log import', () => {
  let t: TestApp;
  let officer: SignedInClient;

  const good = () =>
    [
      HEADER,
      `${addDays(today, -3)},A young person,Early Help,Sharing learning,in person,More evening sessions`,
      `${addDays(today, -2)},survey,,,,"Letters with fewer long words, please"`,
    ].join('\r\n');

  const importAudits = async () => {
    const [{ n }]: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_type = $1 AND detail->>'event' = 'import'`,
      [AuditRecordType.YouSaidItem],
    );
    return n;
  };

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    await makeService(t.db, 'Early Help');
    await makeTheme(t.db, 'Sharing learning');
  });

  afterAll(() => t.close());

  it('previews the rows it would import and names each one it refuses, writing nothing', async () => {
    const before = await actionLogCounts(t.db);
    const csv = `${good()}\r\n${addDays(today, 1)},a neighbour,Nowhere,,,\r\n${addDays(today, -1)},parent or carer,,,,Fine`;
    const res = await officer.post('/api/action-log/import/preview', { csv });
    expect(res.status).toBe(200);
    expect(res.body.accepted.map((r: { line: number }) => r.line)).toEqual([2, 3, 5]);
    expect(res.body.accepted[0]).toEqual({
      line: 2,
      saidOn: addDays(today, -3),
      source: 'young_person',
      serviceName: 'Early Help',
      themeName: 'Sharing learning',
      channel: 'in person',
      words: 'More evening sessions',
    });
    expect(res.body.refused).toEqual([
      {
        line: 4,
        reasons: [
          `“Said on” ${addDays(today, 1)} is in the future.`,
          '“a neighbour” is not a source Heard knows.',
          '“Nowhere” is not on the list of services.',
          '“Summary” is empty.',
        ],
      },
    ]);
    expect(await actionLogCounts(t.db)).toEqual(before);
  });

  it('imports every row, each on its timeline, to acknowledge, audited once', async () => {
    const audits = await importAudits();
    const res = await officer.post('/api/action-log/import', { csv: good() });
    expect(res.status).toBe(201);
    expect(res.body.imported).toBe(2);
    const rows: { id: string; words: string; source_kind: string; said_on: string; created_by: string }[] =
      await t.db.query(
        `SELECT id, words, source_kind, said_on::text, created_by, acknowledged_at FROM you_said_items
          WHERE id = ANY($1::uuid[]) ORDER BY said_on`,
        [res.body.itemIds],
      );
    expect(rows).toEqual([
      expect.objectContaining({
        words: 'More evening sessions',
        source_kind: 'young_person',
        said_on: addDays(today, -3),
        created_by: officer.user.id,
        acknowledged_at: null,
      }),
      expect.objectContaining({ words: 'Letters with fewer long words, please', source_kind: 'survey' }),
    ]);
    const timeline: { event: string; detail: { via: string } }[] = await t.db.query(
      `SELECT event, detail FROM you_said_timeline WHERE item_id = ANY($1::uuid[])`,
      [res.body.itemIds],
    );
    expect(timeline.map((e) => [e.event, e.detail.via])).toEqual([
      ['item_recorded', 'import'],
      ['item_recorded', 'import'],
    ]);
    expect(await importAudits()).toBe(audits + 1);
    const queue = await officer.get('/api/action-log/queue?kind=to_acknowledge');
    expect(queue.body.items.map((i: { id: string }) => i.id).sort()).toEqual([...res.body.itemIds].sort());
  });

  it('imports nothing when one row is bad, and names the row', async () => {
    const before = await actionLogCounts(t.db);
    const audits = await importAudits();
    const csv = `${good()}\r\n${addDays(today, -1)},evaluation,,,,From a round`;
    const res = await officer.post('/api/action-log/import', { csv });
    expectProblem(res, 400);
    expect(res.body.detail).toContain('line 4');
    expect(res.body.errors).toEqual({
      'line 4': ['Evaluation items are made from an evaluation’s answers, not imported.'],
    });
    expect(await actionLogCounts(t.db)).toEqual(before);
    expect(await importAudits()).toBe(audits);
  });

  it('refuses bad, missing, oversized and unauthorised requests with problem+json, writing nothing', async () => {
    const before = await actionLogCounts(t.db);
    const bodies: object[] = [
      {},
      { csv: '' },
      { csv: 42 },
      { csv: good(), extra: true },
      { csv: 'Said on,Source,Summary' },
      { csv: 'Name,Source,Summary\nRobin,survey,Words' },
      { csv: `${HEADER}\n"${today},survey,,,,never closed` },
      { csv: `${HEADER}\n${'x'.repeat(MAX_IMPORT_CSV_CHARS)}` },
    ];
    for (const path of ['/api/action-log/import/preview', '/api/action-log/import'])
      for (const body of bodies) expectProblem(await officer.post(path, body), 400);
    // Past the API's body limit the request is refused before it is read.
    const huge = await officer.post('/api/action-log/import', { csv: 'x'.repeat(200 * 1024) });
    expectProblem(huge, 413);
    const notJson = await officer.agent
      .post('/api/action-log/import')
      .set('X-XSRF-TOKEN', officer.session.csrfToken)
      .set('Content-Type', 'text/csv')
      .send(good());
    expect(notJson.status).toBeGreaterThanOrEqual(400);
    expect(notJson.headers['content-type']).toMatch(/^application\/problem\+json/);
    for (const role of [Role.Practitioner, Role.SeniorLeader, Role.Administrator, Role.YoungExpert]) {
      const client = await t.signInAs(role);
      expectProblem(await client.post('/api/action-log/import', { csv: good() }), 403);
      expectProblem(await client.post('/api/action-log/import/preview', { csv: good() }), 403);
    }
    expectProblem(await t.anonymous().post('/api/action-log/import').send({ csv: good() }), 401);
    expect(await actionLogCounts(t.db)).toEqual(before);
  });
});
