import { ALL_ROLES, RETENTION_KINDS, Role } from '@heard/domain';
import fc from 'fast-check';
import type { Server } from 'node:http';
import { AddressInfo, connect } from 'node:net';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createGroup, createYoungPerson, planActivity } from './support/factories';
import {
  NAUGHTY_STRINGS,
  RESERVED_KEYS,
  fromZod,
  jsonText,
  mutated,
  naughtyValue,
  percentEncode,
  queryText,
} from './support/fuzz';
import { DeclaredRoute, declaredRoutes } from './support/routes';
import { SignedInClient, TestApp, createTestApp, createUser } from './support/test-app';

/**
 * Issue 17, section 5: every route gets generated bodies, path parameters and query strings, signed
 * in as each role that may call it, as a role that may not, and signed out. Whatever comes in, the
 * answer is never 5xx, a 4xx is problem+json, and a refused request leaves every table as it was.
 *
 * Fixed seed by default so CI is reproducible; FUZZ_SEED and FUZZ_RUNS vary it.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261203);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 10_000);

/**
 * Tables a refused request may legitimately change, and why. Everything else must not move.
 * - sign_in_delays: a wrong password is counted per email and per address; that is the refusal.
 * - login_throttle: the password-reset limits count requests, refused ones included.
 * - audit_events: only rows saying a request was refused (access_refused: wrong role or no CSRF
 *   header; sign_in_failed: a wrong password) are allowed; they are counted apart below.
 */
const MAY_CHANGE_ON_REFUSAL = ['sign_in_delays', 'login_throttle', 'audit_events'];
const REFUSAL_AUDIT_ACTIONS = ['access_refused', 'sign_in_failed'];

/**
 * Routes that cost a lot per call (PDF letters, mail, argon2 on sign-in) get a low weight, so
 * thousands of requests are not spent on them. Sign-out is sent signed out only: signed in, it
 * would end the session the rest of the run uses.
 */
const LOW_WEIGHT = [
  /\/letter$/,
  /\/send$/,
  /\/auth\/(sign-in|accept-invitation|reset-password|forgot-password)$/,
  /\/(resend-invitation|send-password-reset)$/,
  /^\/api\/users$/,
];
const SIGNED_OUT_ONLY = ['POST /api/auth/sign-out'];

type ClientKey = Role | 'anonymous';

interface FuzzRequest {
  route: DeclaredRoute;
  client: ClientKey;
  url: string;
  body: string | undefined;
  contentType: string;
  csrf: boolean;
}

const describeRequest = (r: FuzzRequest) =>
  `${r.route.method} ${r.url} as ${r.client}${r.csrf ? '' : ' (no CSRF)'} [${r.contentType}] ${
    r.body === undefined ? '' : r.body.length > 300 ? `${r.body.slice(0, 300)}…` : r.body
  }`;

describe('fuzzing every route', () => {
  let t: TestApp;
  const clients = new Map<Role, SignedInClient>();
  /** Real ids by the path segment before the parameter (`groups`, `members`…), grown by 201s. */
  const ids = new Map<string, string[]>();
  const addId = (resource: string, id: unknown) => {
    if (typeof id === 'string') ids.set(resource, [...(ids.get(resource) ?? []), id].slice(-20));
  };

  beforeAll(async () => {
    t = await createTestApp();
    // Listening once: given a server that is not listening, supertest opens and closes a port for
    // every request, which was a large part of the run time.
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    for (const role of ALL_ROLES) clients.set(role, await t.signInAs(role));
    const officer = await t.signInAs(Role.ParticipationOfficer);
    // Records whose ids the fuzzer uses as path parameters; users it may deactivate are not its own.
    for (let i = 0; i < 3; i++) {
      addId('young-people', (await createYoungPerson(officer)).id);
      addId('groups', (await createGroup(officer)).id);
      const activity = await planActivity(officer, {});
      addId('activities', activity.body.id);
      addId('users', (await createUser(t.db, { role: Role.Practitioner })).id);
    }
    addId(
      'users',
      (await createUser(t.db, { role: Role.Practitioner, status: 'invited', passwordHash: null })).id,
    );
    // Retention periods are addressed by kind, not id.
    for (const kind of RETENTION_KINDS) addId('retention', kind);
  }, 120_000);
  afterAll(() => t.close());

  it('should list the same routes in the OpenAPI document as the controllers declare', async () => {
    const doc = await t.anonymous().get('/api/docs/openapi.json');
    expect(doc.status).toBe(200);
    const fromOpenApi = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      )
      .sort();
    const declared = declaredRoutes()
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(fromOpenApi).toEqual(declared);
  });

  it(`should answer ${RUNS} generated requests (seed ${SEED}) with no 5xx, problem+json 4xx and no partial write`, async () => {
    const tables: string[] = (
      await t.db.query(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('migrations', 'typeorm_metadata')
          ORDER BY table_name`,
      )
    ).map((r: { table_name: string }) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(['users', 'young_people', 'audit_events', 'mail_outbox']));
    const watched = tables.filter((name) => !MAY_CHANGE_ON_REFUSAL.includes(name));
    const countSql = `SELECT ${[
      ...watched.map((name) => `(SELECT count(*)::int FROM "${name}") AS "${name}"`),
      `(SELECT count(*)::int FROM audit_events WHERE action NOT IN (${REFUSAL_AUDIT_ACTIONS.map((a) => `'${a}'`).join(', ')})) AS "audit_events (not refusals)"`,
    ].join(', ')}`;
    const counts = async (): Promise<Record<string, number>> => (await t.db.query(countSql))[0];

    const routes = declaredRoutes();
    const arbitrary = fc.oneof(
      ...routes.map((route) => ({
        weight: LOW_WEIGHT.some((re) => re.test(route.path)) ? 1 : 12,
        arbitrary: requestFor(route),
      })),
    );
    const generated = fc.sample(arbitrary, { seed: SEED, numRuns: RUNS });

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const reached = new Set<string>();
    let before = await counts();
    const startedAt = performance.now();
    let countingMs = 0;
    for (const generator of generated) {
      const fuzz = generator(ids);
      const res = await send(fuzz);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const countedAt = performance.now();
      const after = await counts();
      countingMs += performance.now() - countedAt;
      const what = describeRequest(fuzz);
      if (res.status >= 500) failures.push(`${res.status} for ${what}: ${JSON.stringify(res.body)}`);
      if (res.status >= 400 && res.status < 500) {
        const problem = res.body as { status?: unknown; title?: unknown; detail?: unknown };
        if (
          !/^application\/problem\+json/.test(String(res.headers['content-type'])) ||
          problem.status !== res.status ||
          typeof problem.title !== 'string' ||
          typeof problem.detail !== 'string'
        )
          failures.push(
            `${res.status} not problem+json for ${what}: ${res.headers['content-type']} ${res.text}`,
          );
        const moved = Object.keys(after).filter((k) => after[k] !== before[k]);
        if (moved.length > 0)
          failures.push(
            `${res.status} but ${moved.map((k) => `${k} ${before[k]}→${after[k]}`).join(', ')} for ${what}`,
          );
      }
      if (res.status < 300) reached.add(`${fuzz.route.method} ${fuzz.route.path}`);
      if (res.status === 201 && fuzz.route.method === 'POST') {
        const segments = fuzz.route.path.split('/').filter((s) => s && !s.startsWith(':'));
        addId(segments[segments.length - 1], (res.body as { id?: unknown }).id);
      }
      before = after;
    }
    const seconds = (performance.now() - startedAt) / 1000;
    // Seen in the CI log: how long the run took and what it reached, to tune weights by.
    console.info(
      `fuzz: ${generated.length} requests in ${seconds.toFixed(1)} s (${(countingMs / 1000).toFixed(1)} s counting rows, seed ${SEED}); statuses ${JSON.stringify(
        Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
      )}; ${reached.size} of ${routes.length} routes answered 2xx at least once`,
    );
    expect({ failures: failures.length, first: failures.slice(0, 20) }).toEqual({ failures: 0, first: [] });
    expect(generated.length).toBe(RUNS);
  }, 900_000);

  it('should answer an address too long for Node with problem+json (found by the fuzzer)', async () => {
    const res = await t.anonymous().get(`/api/activities/${'%C3%A9'.repeat(5000)}`);
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 431,
      title: 'Request headers too large',
      code: 'headers_too_large',
    });
  });

  it('should answer a request Node cannot parse with problem+json (found by the fuzzer)', async () => {
    // Supertest cannot send a broken header line, so a raw socket does, to the app's own server.
    const server = t.app.getHttpServer() as Server;
    const { port } = server.address() as AddressInfo;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write('GET /api/health HTTP/1.1\r\nHost: heard.test\r\nNot a header\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toMatch(/\r\nContent-Type: application\/problem\+json/);
    expect(JSON.parse(body)).toMatchObject({ status: 400, title: 'Bad request', code: 'malformed_request' });
  });

  /** Sends one generated request through the app in-process, as its client would. */
  function send(fuzz: FuzzRequest): Promise<request.Response> {
    const client = fuzz.client === 'anonymous' ? undefined : clients.get(fuzz.client);
    const agent: TestAgent = client ? client.agent : t.anonymous();
    const method = fuzz.route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let req = agent[method](fuzz.url);
    if (client && fuzz.csrf) req = req.set('X-XSRF-TOKEN', client.session.csrfToken);
    if (fuzz.body !== undefined) req = req.set('Content-Type', fuzz.contentType).send(fuzz.body);
    // A client that gives up on a slow answer would hide a hang; a hang fails the test instead.
    return req.timeout(30_000).ok(() => true);
  }
});

type RequestGenerator = (ids: Map<string, string[]>) => FuzzRequest;

/** A body written when the request is sent, so uuid fields can name records made by then. */
const asText =
  (value: unknown) =>
  (ids: readonly string[]): string =>
    jsonText(value, ids);

const junkId = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NAUGHTY_STRINGS) },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('1', '-1', '99999999999999999999', '1e999', '0x10', '%', '%E0%A4%A', '..'),
  },
);

/**
 * Each path parameter with the resource its ids come from: the segment before it (`groups/:id`),
 * or its own name when it follows another parameter (`answers/:actionId/:itemId`), so every
 * parameter of a route gets a value.
 */
function pathParams(path: string): { resource: string; name: string }[] {
  const segments = path.split('/');
  return segments.flatMap((segment, i) =>
    segment.startsWith(':')
      ? [
          {
            resource: segments[i - 1].startsWith(':') ? segment.slice(1) : segments[i - 1],
            name: segment.slice(1),
          },
        ]
      : [],
  );
}

/**
 * One route's requests. Ids come from the pool when the request is sent (records made earlier in
 * the run are used), so the sample is a function of the pool; which pool entry is fixed by the seed.
 */
function requestFor(route: DeclaredRoute): fc.Arbitrary<RequestGenerator> {
  const params = pathParams(route.path);
  const allowed: ClientKey[] =
    SIGNED_OUT_ONLY.includes(`${route.method} ${route.path}`) || route.rule?.kind !== 'roles'
      ? ['anonymous']
      : [...route.rule.roles];
  const refused: ClientKey[] = SIGNED_OUT_ONLY.includes(`${route.method} ${route.path}`)
    ? ['anonymous']
    : route.rule?.kind === 'roles'
      ? ['anonymous', ...ALL_ROLES.filter((r) => !allowed.includes(r))]
      : [...ALL_ROLES];
  const client = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...allowed) },
    { weight: 1, arbitrary: fc.constantFrom(...refused) },
  );
  const pathValues = fc.tuple(
    ...params.map(() =>
      fc.oneof(
        { weight: 3, arbitrary: fc.nat().map((n) => ({ real: n })) },
        { weight: 2, arbitrary: junkId.map((junk) => ({ junk })) },
      ),
    ),
  );
  const validQuery = route.query ? fromZod(route.query) : fc.constant({});
  const query = fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: validQuery },
    { weight: 4, arbitrary: mutated(validQuery) },
    {
      weight: 1,
      arbitrary: fc.dictionary(
        fc.oneof(fc.constantFrom(...RESERVED_KEYS), fc.string({ maxLength: 6 })),
        naughtyValue,
        {
          maxKeys: 3,
        },
      ),
    },
  );
  const hasBody = route.method !== 'GET';
  const validBody = route.body ? fromZod(route.body) : fc.constant({});
  const body = hasBody
    ? fc.oneof(
        { weight: 3, arbitrary: validBody.map(asText) },
        { weight: 6, arbitrary: mutated(validBody).map(asText) },
        { weight: 2, arbitrary: naughtyValue.map(asText) },
        { weight: 1, arbitrary: fc.jsonValue().map((v) => () => JSON.stringify(v)) },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom(
              '',
              '{',
              '{"a":',
              '[1,2',
              'nul',
              '{"a":1}{"b":2}',
              '\u0000',
              '{"a":"\\ud800"}',
              '{"a":"\\u0000"}',
            )
            .map((raw) => () => raw),
        },
        { weight: 1, arbitrary: fc.constant(undefined) },
      )
    : fc.constant(undefined);
  const contentType = fc.oneof(
    { weight: 20, arbitrary: fc.constant('application/json') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=utf-16',
      ),
    },
  );
  const csrf = fc.oneof(
    { weight: 20, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  );

  return fc
    .tuple(client, pathValues, query, body, contentType, csrf)
    .map(([who, values, q, text, type, withCsrf]) => (ids) => {
      let i = 0;
      const path = route.path.replace(/:(\w+)/g, () => {
        const value = values[i];
        const pool = ids.get(params[i++].resource) ?? [];
        if ('real' in value && pool.length > 0) return pool[value.real % pool.length];
        return 'junk' in value ? percentOrRaw(value.junk) : '00000000-0000-4000-8000-000000000000';
      });
      const every = [...ids.values()].flat();
      const search = q === undefined ? '' : queryText(q, every);
      return {
        route,
        client: who,
        url: search ? `${path}?${search}` : path,
        body: text?.(every),
        contentType: type,
        csrf: withCsrf,
      };
    });
}

/** Junk ids are percent-encoded, except a few sent raw to try broken escapes and dot segments. */
const percentOrRaw = (junk: string) =>
  /^(%|%E0%A4%A|\.\.)$/.test(junk) ? junk : percentEncode(junk) || '%20';
