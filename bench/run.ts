/**
 * Load test: `npm run bench` against a running Heard (BENCH_URL, default http://localhost:3000)
 * started on generated data. Each endpoint gets CONNECTIONS concurrent signed-in clients for
 * DURATION seconds. Latencies are recorded per response, so p50/p95/p99 are exact, not binned.
 *
 * `npm run bench -- --against-floor` compares Heard with bench/floor (the same SQL by hand) on each
 * officer read the floor serves: FLOOR_URL, or a floor started on DATABASE_URL. With
 * `--floor-is-heard`, FLOOR_URL is another build of Heard on the same database (say, main before a
 * change), sent the same session: the same interleaved run then compares two builds.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_LEADER, BENCH_USERS } from './bench-users';
import { floorServes } from './floor/floor-routes';
import { signIn } from './sign-in';

interface Target {
  name: string;
  /** A path, or one built from ids found after signing in. */
  path: string | ((ids: Ids) => string);
  as: 'anonymous' | (typeof BENCH_USERS)[number]['email'];
  /** A write: its body, sent with the session's CSRF token and a fresh Idempotency-Key each time. */
  post?: (ids: Ids) => object;
}

interface Ids {
  groupId: string;
  youngPersonId: string;
  today: string;
  /** A tool with rounds in two versions; a past round of it (100 evaluations); its open link round. */
  toolId: string;
  resultsRoundId: string;
  openRoundId: string;
  /** A theme of the action log's (bench:data makes three). */
  themeId: string;
}

const OFFICER = 'bench.officer@bench.heard.example';
const ADMIN = 'bench.admin@bench.heard.example';
const PRACTITIONER = 'bench.practitioner@bench.heard.example';
const LEADER = BENCH_LEADER;

const TARGETS: Target[] = [
  { name: 'health', path: '/api/health', as: 'anonymous' },
  { name: 'home (officer)', path: '/api/home', as: OFFICER },
  { name: 'home (admin)', path: '/api/home', as: ADMIN },
  { name: 'young people, first page', path: '/api/young-people?pageSize=25', as: OFFICER },
  { name: 'young people, name search', path: '/api/young-people?q=morgan%201&pageSize=25', as: OFFICER },
  {
    name: 'young people, age band + experience, by age',
    path: '/api/young-people?ageBand=13-15&serviceExperience=looked_after&sort=age&pageSize=25',
    as: OFFICER,
  },
  {
    name: 'young people, by group',
    path: (ids) => `/api/young-people?groupId=${ids.groupId}&pageSize=25`,
    as: OFFICER,
  },
  { name: 'young people, page 200', path: '/api/young-people?page=200&pageSize=25', as: OFFICER },
  {
    name: 'young people (practitioner: linked only)',
    path: '/api/young-people?pageSize=25',
    as: PRACTITIONER,
  },
  {
    name: 'young person record (audited read)',
    path: (ids) => `/api/young-people/${ids.youngPersonId}`,
    as: OFFICER,
  },
  // Subject access (issue 17 §3): "within seconds", the whole assembly and its audit row each time.
  {
    name: 'subject access copy, JSON (audited)',
    path: (ids) => `/api/young-people/${ids.youngPersonId}/subject-access.json`,
    as: OFFICER,
  },
  {
    name: 'subject access copy, tagged PDF (audited)',
    path: (ids) => `/api/young-people/${ids.youngPersonId}/subject-access.pdf`,
    as: OFFICER,
  },
  { name: 'groups list', path: '/api/groups?pageSize=25', as: OFFICER },
  { name: 'group page: group', path: (ids) => `/api/groups/${ids.groupId}`, as: OFFICER },
  { name: 'group page: members', path: (ids) => `/api/groups/${ids.groupId}/members`, as: OFFICER },
  {
    name: 'group page: schedule',
    path: (ids) => `/api/sessions?groupId=${ids.groupId}&from=${ids.today}`,
    as: OFFICER,
  },
  {
    name: 'group page: attendance rates',
    path: (ids) => `/api/groups/${ids.groupId}/attendance`,
    as: OFFICER,
  },
  {
    name: 'calendar, one week of all groups',
    path: (ids) => `/api/sessions?from=${ids.today}&to=${addDays(ids.today, 6)}`,
    as: OFFICER,
  },
  { name: 'audit log, first page', path: '/api/audit?pageSize=50', as: ADMIN },
  {
    name: 'evaluation results of a round',
    path: (ids) => `/api/evaluation-rounds/${ids.resultsRoundId}/results`,
    as: OFFICER,
  },
  {
    name: 'evaluation results CSV of a round',
    path: (ids) => `/api/evaluation-rounds/${ids.resultsRoundId}/results.csv`,
    as: OFFICER,
  },
  {
    name: 'practice tool, change between versions',
    path: (ids) => `/api/practice-tools/${ids.toolId}/results`,
    as: OFFICER,
  },
  { name: 'action log, first page', path: '/api/action-log/items?limit=25', as: OFFICER },
  {
    name: 'action log, filtered page (theme, stage)',
    path: (ids) => `/api/action-log/items?themeId=${ids.themeId}&stage=in_hand&limit=25`,
    as: OFFICER,
  },
  {
    name: 'action log, text search',
    path: '/api/action-log/items?q=waiting%20room&limit=25',
    as: OFFICER,
  },
  {
    name: "officer's queue: to answer, everyone's",
    path: '/api/action-log/queue?kind=to_answer&who=everyone',
    as: OFFICER,
  },
  {
    name: "officer's queue: overdue, mine",
    path: '/api/action-log/queue?kind=overdue&who=mine',
    as: OFFICER,
  },
  {
    name: "officer's queue: to acknowledge, mine",
    path: '/api/action-log/queue?kind=to_acknowledge&who=mine',
    as: OFFICER,
  },
  // A senior leader's home (issue 13): what it asks for when it opens, for the last year.
  { name: "leader's home: home", path: '/api/home', as: LEADER },
  { name: "leader's home: their pledges", path: '/api/pledges?page=1&pageSize=50', as: LEADER },
  {
    name: "leader's home: the leaders' view, a year",
    path: (ids) => `/api/leaders/view?from=${addDays(ids.today, -364)}&to=${ids.today}`,
    as: LEADER,
  },
  {
    name: "leader's home: reach, a year",
    path: (ids) => `/api/reach?from=${addDays(ids.today, -364)}&to=${ids.today}`,
    as: LEADER,
  },
  {
    name: 'reach CSV, a year (officer)',
    path: (ids) => `/api/reach/export.csv?from=${addDays(ids.today, -364)}&to=${ids.today}`,
    as: OFFICER,
  },
  { name: 'pledges, every one (officer)', path: '/api/pledges?page=1&pageSize=25', as: OFFICER },
  {
    name: 'pledges CSV, a year (officer)',
    path: (ids) => `/api/pledges/export.csv?from=${addDays(ids.today, -364)}&to=${ids.today}`,
    as: OFFICER,
  },
  { name: 'public board', path: '/api/board', as: 'anonymous' },
  { name: 'public board, page 40', path: '/api/board?page=40', as: 'anonymous' },
  {
    name: 'public board, one theme',
    path: (ids) => `/api/board?themeId=${ids.themeId}`,
    as: 'anonymous',
  },
  {
    name: 'enter one evaluation (officer)',
    path: (ids) => `/api/evaluation-rounds/${ids.openRoundId}/evaluations`,
    as: OFFICER,
    post: (ids) => ({
      youngPersonId: ids.youngPersonId,
      answeredOn: ids.today,
      helpedBy: null,
      pictureMode: false,
      answers: [
        { questionKey: 'overall', rating: 4 },
        { questionKey: 'easy-to-understand', rating: 3 },
        { questionKey: 'liked', text: 'The pictures of the people' },
      ],
    }),
  },
];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A busy group (the one with the most members) and one of its young people. */
async function findIds(base: string, cookie: string): Promise<Ids> {
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${path} answered ${res.status}`);
    return (await res.json()) as T;
  };
  const groups = await get<{ items: { id: string; memberCount: number }[] }>('/api/groups?pageSize=100');
  const group = [...groups.items].sort((a, b) => b.memberCount - a.memberCount)[0];
  const people = await get<{ items: { id: string }[] }>(`/api/young-people?groupId=${group.id}&pageSize=1`);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const themes = await get<{ id: string }[]>('/api/action-log/themes');
  if (themes.length === 0)
    throw new Error('No action log themes: did bench:data make the log (--you-said-items)?');
  return {
    groupId: group.id,
    youngPersonId: people.items[0].id,
    today,
    themeId: themes[0].id,
    ...(await findRounds(get)),
  };
}

/** The first generated tool whose first version has an open round for anyone with its link. */
async function findRounds(
  get: <T>(path: string) => Promise<T>,
): Promise<Pick<Ids, 'toolId' | 'resultsRoundId' | 'openRoundId'>> {
  type Round = { id: string; state: string; audience: string; evaluationCount: number };
  const tools = await get<{ items: { id: string }[] }>('/api/practice-tools?pageSize=50');
  for (const { id } of tools.items) {
    const tool = await get<{ versions: { id: string }[] }>(`/api/practice-tools/${id}`);
    for (const version of tool.versions) {
      const rounds = await get<Round[]>(`/api/evaluation-rounds?toolVersionId=${version.id}`);
      const open = rounds.find((r) => r.state === 'open' && r.audience === 'link');
      const past = rounds.find((r) => r.state === 'closed' && r.evaluationCount > 0);
      if (open && past) return { toolId: id, resultsRoundId: past.id, openRoundId: open.id };
    }
  }
  throw new Error('No practice tool with an open link round: did bench:data make rounds (--rounds)?');
}

/** The session's CSRF token, as the web app reads it from its cookie. */
function xsrfOf(cookie: string): string {
  const token = /(?:^|; )XSRF-TOKEN=([^;]+)/.exec(cookie)?.[1];
  if (!token) throw new Error('The session has no XSRF-TOKEN cookie to send writes with.');
  return decodeURIComponent(token);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Measured {
  /** Sorted, in milliseconds. */
  latencies: number[];
  errors: number;
  requestsPerSecond: number;
  /** CPU the server's process spent per response, when its pid is known (Linux /proc). */
  cpuMsPerRequest: number | null;
}

interface Load {
  connections: number;
  duration: number;
  rate: number;
}

/** CONNECTIONS clients on one path for DURATION seconds; every response's latency is kept. */
async function measure(
  base: string,
  path: string,
  target: Target,
  cookie: string | null,
  ids: Ids,
  load: Load,
  pid?: number,
): Promise<Measured> {
  const cpuBefore = cpuMsOf(pid);
  const latencies: number[] = [];
  let errors = 0;
  const write = target.post
    ? {
        method: 'POST' as const,
        body: JSON.stringify(target.post(ids)),
        // Each request a fresh key, as each evaluation an officer saves: every one is stored.
        requests: [
          {
            setupRequest: (req: autocannon.Request) => ({
              ...req,
              headers: { ...req.headers, 'idempotency-key': randomUUID() },
            }),
          },
        ],
      }
    : {};
  const expected = target.post ? 201 : 200;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}${path}`,
        connections: load.connections,
        duration: load.duration,
        ...(load.rate > 0 ? { overallRate: load.rate } : {}),
        headers: !cookie
          ? {}
          : target.post
            ? { cookie, 'x-xsrf-token': xsrfOf(cookie), 'content-type': 'application/json' }
            : { cookie },
        ...write,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== expected) errors++;
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    latencies,
    errors: errors + result.errors + result.timeouts,
    requestsPerSecond: result.requests.average,
    cpuMsPerRequest: cpuBefore === null ? null : ((cpuMsOf(pid) ?? 0) - cpuBefore) / latencies.length,
  };
}

/** /proc reports CPU in USER_HZ ticks, which Linux fixes at 100 a second whatever the kernel's own rate. */
const CLOCK_TICKS_PER_SECOND = 100;

/** User and system CPU of a process so far, from /proc (utime and stime are in clock ticks). */
function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return null;
  // The command name, in brackets, may hold spaces: count fields after its closing bracket.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The floor at FLOOR_URL, or one started here on a free port against DATABASE_URL. */
async function openFloor(): Promise<{ url: string; pid?: number; stop: () => void }> {
  const given = process.env['FLOOR_URL'];
  if (given) {
    const pid = process.env['FLOOR_PID'];
    return { url: given.replace(/\/$/, ''), pid: pid ? Number(pid) : undefined, stop: () => undefined };
  }
  if (!process.env['DATABASE_URL'])
    throw new Error(
      'Set FLOOR_URL to a running floor, or DATABASE_URL (the data Heard serves) to start one.',
    );
  // Its own process, as Heard is, so the load generator's CPU is not counted against the floor.
  const child = spawn(process.execPath, [...process.execArgv, join(__dirname, 'floor', 'server.ts')], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const found = /Floor listening on (\S+)/.exec(seen);
      if (found) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`The floor stopped before listening (exit ${code}).`)));
  });
  // Stopped with the run, however it ends, so no floor is left holding connections.
  process.once('exit', () => child.kill('SIGTERM'));
  return { url, pid: child.pid, stop: () => child.kill('SIGTERM') };
}

/** The floor must answer exactly what Heard answers, or the comparison means nothing. */
async function assertSameAnswer(
  heard: string,
  floor: string,
  path: string,
  cookie: string,
  floorCookie: string | null,
): Promise<void> {
  const [mine, theirs] = await Promise.all([
    fetch(`${heard}${path}`, { headers: { cookie } }).then((r) => r.text()),
    fetch(`${floor}${path}`, { headers: floorCookie ? { cookie: floorCookie } : {} }).then((r) => r.text()),
  ]);
  if (mine !== theirs)
    throw new Error(
      `The floor's answer to ${path} differs from Heard's:\n${mine.slice(0, 300)}\n${theirs.slice(0, 300)}`,
    );
}

/**
 * Heard and the floor on the same reads, interleaved round by round (Heard, floor, Heard, floor…)
 * so that whatever else the machine is doing falls on both. The ratio is the figure; its spread
 * across rounds says how far to trust it.
 */
async function againstFloor(
  base: string,
  ids: Ids,
  cookie: string,
  load: Load,
  rounds: number,
  only: string | undefined,
  floorIsHeard: boolean,
) {
  const floor = await openFloor();
  const floorCookie = floorIsHeard ? cookie : null;
  // Heard's CPU per request too when HEARD_PID names its process (bench/cpu-per-request.sh finds it so).
  const heardPid = process.env['HEARD_PID'] ? Number(process.env['HEARD_PID']) : undefined;
  const rows: string[] = [];
  const fmt = (n: number) => n.toFixed(1);
  const cpu = (m: Measured[]) =>
    m[0].cpuMsPerRequest === null ? '–' : median(m.map((r) => r.cpuMsPerRequest ?? 0)).toFixed(2);
  const spread = (ratios: number[]) =>
    `${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
  try {
    for (const target of TARGETS) {
      const path = typeof target.path === 'string' ? target.path : target.path(ids);
      if (target.as !== OFFICER || target.post || !floorServes(path)) continue;
      if (only && !target.name.includes(only)) continue;
      await assertSameAnswer(base, floor.url, path, cookie, floorCookie);
      // A short warm-up on each, so first plans and prepared statements are not measured.
      const warm = { ...load, duration: 1 };
      await measure(base, path, target, cookie, ids, warm);
      await measure(floor.url, path, target, floorCookie, ids, warm);
      const heard: Measured[] = [];
      const bare: Measured[] = [];
      for (let round = 0; round < rounds; round++) {
        heard.push(await measure(base, path, target, cookie, ids, load, heardPid));
        bare.push(await measure(floor.url, path, target, floorCookie, ids, load, floor.pid));
      }
      const p = (m: Measured[], q: number) => m.map((r) => percentile(r.latencies, q));
      const ratio = (q: number) => {
        const floors = p(bare, q);
        return p(heard, q).map((h, i) => h / floors[i]);
      };
      const errors = [...heard, ...bare].reduce((n, m) => n + m.errors, 0);
      const row = [
        target.name,
        `${fmt(median(p(heard, 50)))} / ${fmt(median(p(heard, 95)))}`,
        `${fmt(median(p(bare, 50)))} / ${fmt(median(p(bare, 95)))}`,
        spread(ratio(50)),
        spread(ratio(95)),
        `${median(heard.map((m) => m.requestsPerSecond)).toFixed(0)} / ${median(bare.map((m) => m.requestsPerSecond)).toFixed(0)}`,
        `${cpu(heard)} / ${cpu(bare)}`,
        String(errors),
      ];
      rows.push(`| ${row.join(' | ')} |`);
      process.stdout.write(`${row.join('  ')}\n`);
    }
  } finally {
    floor.stop();
  }
  process.stdout.write(
    `\n${rounds} rounds, ${load.connections} connections, ${load.duration} s per read per round; median of the rounds, ratio's range across rounds in brackets.\n\n` +
      `| read | Heard p50 / p95 ms | floor p50 / p95 ms | p50 ratio | p95 ratio | req/s Heard / floor | CPU ms per request Heard / floor | non-200 or errors |\n|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: process.env['BENCH_URL'] ?? 'http://localhost:3000' },
      connections: { type: 'string', default: '20' },
      duration: { type: 'string', default: '15' },
      only: { type: 'string' },
      // Requests per second offered by all connections together; 0 sends as fast as answers come back.
      rate: { type: 'string', default: '0' },
      // Compare each officer read the floor serves (bench/floor) with the same read by hand.
      'against-floor': { type: 'boolean', default: false },
      rounds: { type: 'string', default: '3' },
      // FLOOR_URL is Heard too (another build on the same database): send it the officer's session.
      'floor-is-heard': { type: 'boolean', default: false },
    },
  });
  const base = values.url!;
  const load: Load = {
    connections: Number(values.connections),
    duration: Number(values.duration),
    rate: Number(values.rate),
  };
  const cookies = new Map<string, string>();
  const rows: string[] = [];
  const officer = await signIn(base, OFFICER);
  cookies.set(OFFICER, officer);
  const ids = await findIds(base, officer);
  if (values['against-floor']) {
    const rounds = Number(values.rounds);
    if (!(rounds >= 3)) throw new Error('Run at least 3 rounds against the floor.');
    if (values['floor-is-heard'] && !process.env['FLOOR_URL'])
      throw new Error('--floor-is-heard compares with the Heard at FLOOR_URL: set it.');
    return againstFloor(base, ids, officer, load, rounds, values.only, values['floor-is-heard'] ?? false);
  }
  for (const target of TARGETS.filter((t) => !values.only || t.name.includes(values.only))) {
    if (target.as !== 'anonymous' && !cookies.has(target.as))
      cookies.set(target.as, await signIn(base, target.as));
    const path = typeof target.path === 'string' ? target.path : target.path(ids);
    const cookie = target.as === 'anonymous' ? null : (cookies.get(target.as) ?? null);
    const { latencies, errors, requestsPerSecond } = await measure(base, path, target, cookie, ids, load);
    const row = [
      target.name,
      path.replace(/[0-9a-f-]{36}/g, ':id'),
      String(latencies.length),
      percentile(latencies, 50).toFixed(1),
      percentile(latencies, 95).toFixed(1),
      percentile(latencies, 99).toFixed(1),
      requestsPerSecond.toFixed(0),
      String(errors),
    ];
    rows.push(`| ${row.join(' | ')} |`);
    process.stdout.write(`${row.join('  ')}\n`);
  }
  process.stdout.write(
    `\n| endpoint | path | requests | p50 ms | p95 ms | p99 ms | req/s | non-200 or errors |\n|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`,
  );
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
