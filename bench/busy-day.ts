/**
 * A busy day (issue 17 §7, issue 16 §7): 50 officers and 200 young people on one Heard for
 * --minutes (default 30), on the PostgreSQL server, with mixed reads and writes.
 *
 *   npm run build   # or: npx nx build api
 *   TS_NODE_PROJECT=bench/tsconfig.json node -r ts-node/register/transpile-only -r tsconfig-paths/register \
 *     bench/busy-day.ts --minutes 30 [--processes 2] [--think 1]
 *
 * It makes its own database (heard_busy_…, on BUSY_DAY_PG, default postgres://postgres@127.0.0.1:5432;
 * dropped at the end unless --keep), fills it with bench:data's generator at a small size plus 50
 * officers with authenticator apps, starts the built API (one process, or two on two ports against
 * the same database) with an SMTP listener here for its mail, and has the officers plan activity
 * days and invite the young people through the API as they would. Then, for the run:
 *
 * - officers read their home page, lists, records, group pages, day sheets and results, mark
 *   registers and who came today, enter evaluations, and now and then plan a day and invite people;
 * - young people open their answer links and say yes or no (changing their minds), and answer
 *   evaluations through a round's link.
 *
 * It reports p50/p95/max per endpoint, req/s, errors (network, 5xx, or any 4xx: the mix sends only
 * requests the rules allow), each API process's RSS and heap after a full collection at the start
 * (after warm-up) and the end, the PostgreSQL connections the API holds, and the event loop's
 * longest block (bench/loop-probe.js, preloaded). With two processes every request goes to the next
 * process in turn, so each session made on one is used on the other; at the end it checks that every
 * mail the outbox sent arrived once, that the jobs reminded nobody twice, and that a sign-out on one
 * process ends the session on the other.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { InvitationCreateResponse, addDays, todayInLondon } from '@heard/domain';
import { AnswerLinks } from '@heard/api/app/invitations/answer-link';
import { hashPassword } from '@heard/api/platform/auth/passwords';
import { newTotpSecret } from '@heard/api/platform/auth/totp';
import { openDatabase } from '@heard/api/platform/database/database';
import { messageIdFor } from '@heard/api/platform/mail/mail.worker';
import { countByMessageId, SmtpSink, startSmtpSink } from '../test/api/support/smtp-sink';
import { BENCH_PASSWORD } from './bench-users';
import { Sizes, generate } from './generate-data';
import { signIn } from './sign-in';

const MAIN_JS = resolve(__dirname, '..', 'dist', 'apps', 'api', 'main.js');
const PROBE_JS = resolve(__dirname, 'loop-probe.js');
/** How often the API processes poll the outbox: often enough that mail keeps up with the day. */
const MAIL_POLL_MS = 1000;
const FUTURE_DAYS = 8;
const TODAY_INVITEES = 40;

// ---------------------------------------------------------------------------------------------
// Measuring

interface EndpointStats {
  latencies: number[];
  serverErrors: number;
  clientErrors: number;
  networkErrors: number;
}

/** Every response after warm-up, by endpoint (method and route, ids as :id). */
class Recorder {
  readonly endpoints = new Map<string, EndpointStats>();
  readonly statusSeen = new Map<string, number>();
  recording = false;
  /** Writes the rules accepted, counted from the start (warm-up too), for the checks at the end. */
  evaluationsStored = 0;

  record(endpoint: string, ms: number, status: number, expected: boolean): void {
    if (!this.recording) return;
    let stats = this.endpoints.get(endpoint);
    if (!stats) {
      stats = { latencies: [], serverErrors: 0, clientErrors: 0, networkErrors: 0 };
      this.endpoints.set(endpoint, stats);
    }
    stats.latencies.push(ms);
    if (status === 0) stats.networkErrors++;
    else if (status >= 500) stats.serverErrors++;
    else if (!expected) stats.clientErrors++;
    if (!expected) {
      const key = `${endpoint} → ${status}`;
      this.statusSeen.set(key, (this.statusSeen.get(key) ?? 0) + 1);
    }
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// ---------------------------------------------------------------------------------------------
// HTTP: one signed-in (or anonymous) user, spreading its requests over the API processes

interface Reply<T> {
  status: number;
  body: T | null;
}

class Http {
  private turn = 0;

  constructor(
    readonly bases: string[],
    readonly recorder: Recorder,
  ) {}

  /** The next process in turn, so with two every user's requests alternate between them. */
  base(): string {
    return this.bases[this.turn++ % this.bases.length];
  }

  async call<T>(
    user: { cookie: string | null },
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    endpoint: string,
    expected: number[],
    body?: object,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const all: Record<string, string> = { ...headers };
    if (user.cookie) all['cookie'] = user.cookie;
    if (body) all['content-type'] = 'application/json';
    if (user.cookie && method !== 'GET') all['x-xsrf-token'] = xsrfOf(user.cookie);
    const t0 = performance.now();
    let status = 0;
    let text = '';
    try {
      const res = await fetch(`${this.base()}${path}`, {
        method,
        headers: all,
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(60_000),
      });
      status = res.status;
      text = await res.text();
    } catch {
      status = 0;
    }
    const ok = expected.includes(status);
    this.recorder.record(`${method} ${endpoint}`, performance.now() - t0, status, ok);
    return { status, body: ok && text ? (JSON.parse(text) as T) : null };
  }
}

function xsrfOf(cookie: string): string {
  const token = /(?:^|; )(?:__Host-)?XSRF-TOKEN=([^;]+)/.exec(cookie)?.[1];
  if (!token) throw new Error('The session has no XSRF-TOKEN cookie to send writes with.');
  return decodeURIComponent(token);
}

// ---------------------------------------------------------------------------------------------
// The day's data

interface Group {
  id: string;
  members: string[];
  /** The latest of its sessions up to today: the register officers mark. */
  sessionId: string;
}

interface World {
  today: string;
  youngPeople: string[];
  groups: Group[];
  todayActivityId: string;
  /** Young people invited to today's day, all of whom said yes before the run. */
  todayInvitees: string[];
  activityIds: string[];
  /** Open rounds anyone with the link may answer, with their links. */
  linkRounds: { id: string; token: string }[];
  /** Each young person's answer links (their invitations to days still to come). */
  answerLinks: Map<string, string[]>;
  links: AnswerLinks;
}

interface Officer {
  email: string;
  cookie: string | null;
}

const LIKED = ['The games', 'Being listened to', 'The pizza', 'Meeting people', 'It was short'];
const CHANGE = ['Longer breaks', 'Nothing', 'More music', 'Start later', 'Smaller groups'];

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];
const between = (low: number, high: number) => low + Math.random() * (high - low);
const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

function evaluationAnswers() {
  return [
    { questionKey: 'overall', rating: 1 + Math.floor(Math.random() * 5) },
    { questionKey: 'easy-to-understand', rating: 1 + Math.floor(Math.random() * 5) },
    { questionKey: 'liked', text: pick(LIKED) },
    { questionKey: 'change', text: pick(CHANGE) },
  ];
}

function activityBody(title: string, date: string, capacity: number | null) {
  return {
    title,
    date,
    startTime: '10:00',
    endTime: '15:30',
    venue: 'The Youth Hub, Fictional Street',
    capacity,
    cohort: { minAge: 10, maxAge: 25 },
    photos: null,
    // A fortnight, so everyone who says yes is due a reminder: the job's work is there to check.
    reminderDaysBefore: 14,
  };
}

/** A fresh database, migrated, with the generator's data at a small size and the officers. */
async function seed(
  databaseUrl: string,
  officers: number,
  youngPeople: number,
): Promise<{ secrets: Record<string, string>; links: AnswerLinks }> {
  const db = await openDatabase({ databaseUrl, pgliteDir: undefined });
  try {
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const secrets: Record<string, string> = {};
    for (let n = 1; n <= officers; n++) secrets[`officer${n}@busy.bench.heard.example`] = newTotpSecret();
    // Participation officers must have a second factor: each has an authenticator app.
    await db.query(
      `INSERT INTO users (email, display_name, role, status, password_hash, totp_secret, totp_enrolled_at)
       SELECT e, 'Busy officer ' || n, 'participation_officer', 'active', $3, s, now()
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(e, s, n)`,
      [Object.keys(secrets), Object.values(secrets), passwordHash],
    );
    const sizes: Sizes = {
      youngPeople,
      staff: 0,
      auditEvents: youngPeople * 10,
      groups: 10,
      sessionsPerGroup: 16,
      marksPerSession: 20,
      evaluations: { rounds: 20, evaluations: 2000 },
      // The officers invite through the API below, so the outbox, reminders and answers are real.
      invitations: { perDay: 0 },
      actionLog: { items: 1000, actions: 600, timeline: 3000 },
      pledges: { pledges: 0 },
      categories: { categories: 0 },
    };
    await generate(db, sizes);
    // Every young person agreed to email, so invitations go through the outbox (fictional addresses).
    await db.query(
      `UPDATE young_people SET contact = jsonb_build_object(
         'email', 'young.person.' || substr(md5(id::text), 1, 10) || '@bench.heard.example',
         'phone', null, 'whatsapp', null, 'letter', null, 'onlyViaTrustedAdult', false)`,
    );
    // The answer links' key is read once, as the API reads it; links are then made without the database.
    const links = new AnswerLinks(db);
    await links.onModuleInit();
    return { secrets, links };
  } finally {
    await db.destroy();
  }
}

/** What the day starts with, made through the API by the officers: days planned, people invited. */
async function planTheDay(
  http: Http,
  pg: Client,
  officers: Officer[],
  links: AnswerLinks,
  anonymous: { cookie: null },
): Promise<World> {
  const today = todayInLondon();
  const youngPeople = (
    await pg.query<{ id: string }>(`SELECT id FROM young_people WHERE archived_at IS NULL ORDER BY id`)
  ).rows.map((r) => r.id);
  const groups = (
    await pg.query<{ id: string; members: string[]; session_id: string }>(
      `SELECT g.id, array_agg(DISTINCT m.young_person_id) AS members,
              (SELECT s.id FROM group_sessions s WHERE s.group_id = g.id AND s.status = 'scheduled'
                  AND s.starts_at < now() ORDER BY s.starts_at DESC LIMIT 1) AS session_id
         FROM groups g JOIN group_memberships m ON m.group_id = g.id GROUP BY g.id`,
    )
  ).rows.map((r) => ({ id: r.id, members: r.members, sessionId: r.session_id }));
  const linkRounds = (
    await pg.query<{ id: string; title: string }>(
      `SELECT id, title FROM evaluation_rounds
        WHERE audience = 'link' AND opens_on <= $1 AND closes_on >= $1 AND closed_at IS NULL`,
      [today],
    )
  ).rows.map((r) => ({ id: r.id, token: `bench-round-${r.title.replace('Bench round ', '')}` }));
  if (linkRounds.length === 0) throw new Error('The generator made no open link round.');

  const must = async <T>(reply: Promise<Reply<T>>, what: string): Promise<T> => {
    const { status, body } = await reply;
    if (!body) throw new Error(`Setting up the day: ${what} answered ${status}.`);
    return body;
  };
  const answerLinks = new Map<string, string[]>(youngPeople.map((id) => [id, []]));
  const invite = async (officer: Officer, activityId: string, invitees: string[]) => {
    const created = await must(
      http.call<InvitationCreateResponse>(officer, 'POST', '/api/invitations', '/api/invitations', [201], {
        target: { kind: 'activity_day', id: activityId },
        invitees: invitees.map((youngPersonId) => ({ youngPersonId, channel: 'email' })),
        send: true,
      }),
      'inviting',
    );
    return created.created;
  };

  const todayActivity = await must(
    http.call<{ id: string }>(officers[0], 'POST', '/api/activities', '/api/activities', [201], {
      ...activityBody('Youth forum: today', today, null),
    }),
    'planning today',
  );
  const todayInvitees = youngPeople.slice(0, TODAY_INVITEES);
  for (const invitation of await invite(officers[0], todayActivity.id, todayInvitees)) {
    // Everyone coming today said yes beforehand, so the register can mark them either way.
    await must(
      http.call(anonymous, 'POST', `/api/rsvp/${links.tokenFor(invitation.id)}`, '/api/rsvp/:token', [200], {
        answer: 'yes',
      }),
      'saying yes to today',
    );
  }
  const activityIds = [todayActivity.id];
  for (let d = 0; d < FUTURE_DAYS; d++) {
    const officer = officers[(d + 1) % officers.length];
    const activity = await must(
      http.call<{ id: string }>(officer, 'POST', '/api/activities', '/api/activities', [201], {
        // Every other day has fewer places than people invited, so some go on the waiting list.
        ...activityBody(`Activity day ${d + 1}`, addDays(today, 1 + d), d % 2 === 0 ? 40 : null),
      }),
      'planning a day',
    );
    activityIds.push(activity.id);
    // Each young person is invited to half the days.
    const invitees = youngPeople.filter((_, i) => (i + d) % 2 === 0);
    for (const invitation of await invite(officer, activity.id, invitees))
      answerLinks.get(invitation.youngPerson.id)?.push(links.tokenFor(invitation.id));
  }
  // Every young person has invitations to answer, or the run would quietly leave out their answers.
  const without = [...answerLinks.values()].filter((l) => l.length === 0).length;
  if (without > 0) throw new Error(`Setting up the day: ${without} young people have no answer link.`);
  return {
    today,
    youngPeople,
    groups,
    todayActivityId: todayActivity.id,
    todayInvitees,
    activityIds,
    linkRounds,
    answerLinks,
    links,
  };
}

// ---------------------------------------------------------------------------------------------
// What officers and young people do

type Action = (http: Http, officer: Officer, world: World) => Promise<void>;

const OFFICER_ACTIONS: [weight: number, name: string, action: Action][] = [
  [6, 'home', async (http, o) => void (await http.call(o, 'GET', '/api/home', '/api/home', [200]))],
  [
    6,
    'young people list',
    async (http, o) => {
      const q =
        Math.random() < 0.4 ? `&q=${encodeURIComponent(pick(['alex', 'sam', 'morgan 1', 'kit']))}` : '';
      await http.call(o, 'GET', `/api/young-people?pageSize=25${q}`, '/api/young-people', [200]);
    },
  ],
  [
    8,
    'a young person’s record',
    async (http, o, w) => {
      const id = pick(w.youngPeople);
      await http.call(o, 'GET', `/api/young-people/${id}`, '/api/young-people/:id', [200]);
      await sleep(between(200, 800));
      await http.call(o, 'GET', `/api/young-people/${id}/attendance`, '/api/young-people/:id/attendance', [
        200,
      ]);
      await http.call(o, 'GET', `/api/young-people/${id}/consents`, '/api/young-people/:id/consents', [200]);
    },
  ],
  [
    3,
    'groups',
    async (http, o) => void (await http.call(o, 'GET', '/api/groups?pageSize=25', '/api/groups', [200])),
  ],
  [
    6,
    'a group’s page',
    async (http, o, w) => {
      const g = pick(w.groups);
      await http.call(o, 'GET', `/api/groups/${g.id}`, '/api/groups/:id', [200]);
      await http.call(o, 'GET', `/api/groups/${g.id}/members`, '/api/groups/:id/members', [200]);
      await http.call(o, 'GET', `/api/sessions?groupId=${g.id}&from=${w.today}`, '/api/sessions?groupId', [
        200,
      ]);
      await http.call(o, 'GET', `/api/groups/${g.id}/attendance`, '/api/groups/:id/attendance', [200]);
    },
  ],
  [
    5,
    'mark a group’s register',
    async (http, o, w) => {
      const g = pick(w.groups);
      await http.call(o, 'GET', `/api/sessions/${g.sessionId}`, '/api/sessions/:id', [200]);
      await sleep(between(500, 1500));
      const entries = g.members.map((youngPersonId) => ({
        youngPersonId,
        status: pick(['present', 'present', 'present', 'apologies', 'absent'] as const),
      }));
      await http.call(
        o,
        'PUT',
        `/api/sessions/${g.sessionId}/attendance`,
        '/api/sessions/:id/attendance',
        [200],
        {
          entries,
        },
      );
    },
  ],
  [
    3,
    'calendar week',
    async (http, o, w) =>
      void (await http.call(
        o,
        'GET',
        `/api/sessions?from=${w.today}&to=${addDays(w.today, 6)}`,
        '/api/sessions?from&to',
        [200],
      )),
  ],
  [
    5,
    'activities',
    async (http, o, w) =>
      void (await http.call(o, 'GET', `/api/activities?from=${w.today}`, '/api/activities', [200])),
  ],
  [
    6,
    'an activity day’s page',
    async (http, o, w) => {
      const id = pick(w.activityIds);
      await http.call(o, 'GET', `/api/activities/${id}`, '/api/activities/:id', [200]);
      await http.call(o, 'GET', `/api/activities/${id}/invitations`, '/api/activities/:id/invitations', [
        200,
      ]);
    },
  ],
  [
    4,
    'today’s day sheet',
    async (http, o, w) =>
      void (await http.call(
        o,
        'GET',
        `/api/activities/${w.todayActivityId}/day-sheet`,
        '/api/activities/:id/day-sheet',
        [200],
      )),
  ],
  [
    5,
    'mark who came today',
    async (http, o, w) =>
      void (await http.call(
        o,
        'POST',
        `/api/activities/${w.todayActivityId}/attendance`,
        '/api/activities/:id/attendance',
        [200],
        { youngPersonId: pick(w.todayInvitees), attended: Math.random() < 0.8 },
      )),
  ],
  [
    4,
    'enter an evaluation',
    async (http, o, w) =>
      void (await http
        .call(
          o,
          'POST',
          `/api/evaluation-rounds/${pick(w.linkRounds).id}/evaluations`,
          '/api/evaluation-rounds/:id/evaluations',
          [201],
          {
            youngPersonId: pick(w.youngPeople),
            answeredOn: w.today,
            helpedBy: null,
            pictureMode: false,
            answers: evaluationAnswers(),
          },
          { 'idempotency-key': randomUUID() },
        )
        .then((r) => {
          if (r.status === 201) http.recorder.evaluationsStored++;
        })),
  ],
  [
    3,
    'a round’s results',
    async (http, o, w) =>
      void (await http.call(
        o,
        'GET',
        `/api/evaluation-rounds/${pick(w.linkRounds).id}/results`,
        '/api/evaluation-rounds/:id/results',
        [200],
      )),
  ],
  [
    3,
    'invitations',
    async (http, o) =>
      void (await http.call(
        o,
        'GET',
        '/api/invitations?targetKind=activity_day&pageSize=25',
        '/api/invitations',
        [200],
      )),
  ],
  [
    1,
    'plan a day and invite a few',
    async (http, o, w) => {
      const created = await http.call<{ id: string }>(
        o,
        'POST',
        '/api/activities',
        '/api/activities',
        [201],
        activityBody('Drop-in planning session', addDays(w.today, 2 + Math.floor(Math.random() * 10)), null),
      );
      if (!created.body) return;
      w.activityIds.push(created.body.id);
      const invitees = [...w.youngPeople].sort(() => Math.random() - 0.5).slice(0, 6);
      const sent = await http.call<InvitationCreateResponse>(
        o,
        'POST',
        '/api/invitations',
        '/api/invitations',
        [201],
        {
          target: { kind: 'activity_day', id: created.body.id },
          invitees: invitees.map((youngPersonId) => ({ youngPersonId, channel: 'email' })),
          send: true,
        },
      );
      // They get the email and answer it like the rest.
      for (const i of sent.body?.created ?? [])
        w.answerLinks.get(i.youngPerson.id)?.push(w.links.tokenFor(i.id));
    },
  ],
];

const TOTAL_WEIGHT = OFFICER_ACTIONS.reduce((n, [w]) => n + w, 0);

function pickAction(): Action {
  let r = Math.random() * TOTAL_WEIGHT;
  for (const [weight, , action] of OFFICER_ACTIONS) {
    r -= weight;
    if (r < 0) return action;
  }
  return OFFICER_ACTIONS[0][2];
}

async function officerDay(http: Http, officer: Officer, world: World, until: number, think: number) {
  // Officers do not all start in the same second.
  await sleep(between(0, 3000) * think);
  while (Date.now() < until) {
    await pickAction()(http, officer, world);
    await sleep(between(500, 2500) * think);
  }
}

interface RsvpView {
  answer: 'yes' | 'no' | 'waiting_list' | null;
  canStillChange: boolean;
  cancelled: boolean;
}

async function youngPersonDay(http: Http, id: string, world: World, until: number, think: number) {
  const me = { cookie: null };
  await sleep(between(0, 20_000) * think);
  while (Date.now() < until) {
    const mine = world.answerLinks.get(id) ?? [];
    if (mine.length > 0) {
      const token = pick(mine);
      const view = await http.call<RsvpView>(me, 'GET', `/api/rsvp/${token}`, '/api/rsvp/:token', [200]);
      await sleep(between(2000, 6000) * think);
      // Only what the page offers: someone on the waiting list can say no, not yes again.
      const v = view.body;
      if (v && v.canStillChange && !v.cancelled) {
        const answer = v.answer === 'waiting_list' || Math.random() < 0.35 ? 'no' : 'yes';
        if (v.answer !== 'waiting_list' || Math.random() < 0.3)
          await http.call(me, 'POST', `/api/rsvp/${token}`, '/api/rsvp/:token', [200], { answer });
      }
    }
    if (Math.random() < 0.4) {
      const round = pick(world.linkRounds);
      await http.call(me, 'GET', `/api/evaluation-links/${round.token}`, '/api/evaluation-links/:token', [
        200,
      ]);
      await sleep(between(5000, 15_000) * think);
      const stored = await http.call(
        me,
        'POST',
        `/api/evaluation-links/${round.token}/evaluations`,
        '/api/evaluation-links/:token/evaluations',
        [201],
        { pictureMode: Math.random() < 0.2, answers: evaluationAnswers() },
        { 'idempotency-key': randomUUID() },
      );
      if (stored.status === 201) http.recorder.evaluationsStored++;
    }
    await sleep(between(10_000, 40_000) * think);
  }
}

// ---------------------------------------------------------------------------------------------
// The API processes

interface Api {
  port: number;
  base: string;
  child: ChildProcess;
  probeFile: string;
}

interface ProbeLine {
  at: number;
  pid: number;
  loopMaxMs: number;
  loopP99Ms: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  gc?: boolean;
}

async function startApi(port: number, env: Record<string, string>, dir: string): Promise<Api> {
  const probeFile = join(dir, `probe-${port}.jsonl`);
  writeFileSync(probeFile, '');
  const child = spawn(process.execPath, ['--expose-gc', '--require', PROBE_JS, MAIN_JS], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      BUSY_DAY_PROBE_FILE: probeFile,
      BUSY_DAY_PROBE_MS: '5000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
  });
  await new Promise<void>((ready, fail) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('Heard is ready')) ready();
    });
    child.once('exit', (code) =>
      fail(new Error(`The API on ${port} stopped before it was ready (exit ${code}):\n${stderr}`)),
    );
  });
  // Stopped with the bench, however it ends, so nothing is left holding the port or connections.
  process.once('exit', () => child.kill('SIGTERM'));
  return { port, base: `http://127.0.0.1:${port}`, child, probeFile };
}

function probeLines(api: Api): ProbeLine[] {
  return readFileSync(api.probeFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ProbeLine);
}

/** A full collection in each process, then its memory as it is retained. */
async function memoryAfterGc(apis: Api[]): Promise<ProbeLine[]> {
  const before = apis.map((a) => probeLines(a).length);
  for (const api of apis) api.child.kill('SIGUSR2');
  for (let i = 0; i < 100; i++) {
    const found = apis.map((a, k) =>
      probeLines(a)
        .slice(before[k])
        .find((l) => l.gc),
    );
    if (found.every(Boolean)) return found as ProbeLine[];
    await sleep(100);
  }
  throw new Error('An API process did not report its memory after collection.');
}

/** /proc reports CPU in USER_HZ ticks, which Linux fixes at 100 a second (as bench/run.ts reads it). */
function cpuSecondsOf(pid: number | undefined): number {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return NaN;
  // The command name, in brackets, may hold spaces: count fields after its closing bracket.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function stopApi(api: Api): Promise<void> {
  if (api.child.exitCode !== null) return;
  const exited = new Promise<void>((done) => api.child.once('exit', () => done()));
  api.child.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000)]);
}

// ---------------------------------------------------------------------------------------------
// Checks on the database

async function connectionsHeld(pg: Client, database: string): Promise<{ total: number; byState: string }> {
  const rows = (
    await pg.query<{ state: string | null; n: number }>(
      `SELECT state, count(*)::int AS n FROM pg_stat_activity
        WHERE datname = $1 AND application_name = 'heard' GROUP BY state ORDER BY state`,
      [database],
    )
  ).rows;
  return {
    total: rows.reduce((n, r) => n + r.n, 0),
    byState: rows.map((r) => `${r.state ?? 'none'} ${r.n}`).join(', '),
  };
}

async function count(pg: Client, sql: string, values: unknown[] = []): Promise<number> {
  return (await pg.query<{ n: number }>(sql, values)).rows[0].n;
}

/** Until the outbox has nothing left that is due, or a couple of minutes have gone. */
async function drainOutbox(pg: Client): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const waiting = await count(
      pg,
      `SELECT count(*)::int AS n FROM mail_outbox
        WHERE status = 'sending' OR (status = 'pending' AND next_attempt_at <= now())`,
    );
    if (waiting === 0) return;
    await sleep(500);
  }
}

interface MailCheck {
  sent: number;
  pendingOrFailed: number;
  received: number;
  duplicates: number;
  missing: number;
  unexpected: number;
  byKind: string;
  reminders: number;
  remindedTwice: number;
  invitationsReminded: number;
  chaseClaims: number;
  chaseMails: number;
  chaseMailedTwice: number;
}

async function checkMail(pg: Client, sink: SmtpSink, publicUrl: string): Promise<MailCheck> {
  const sentIds = (
    await pg.query<{ id: string }>(`SELECT id FROM mail_outbox WHERE status = 'sent'`)
  ).rows.map((r) => messageIdFor(r.id, publicUrl));
  const received = countByMessageId(sink.received);
  const sent = new Set(sentIds);
  const byKind = (
    await pg.query<{ kind: string; status: string; n: number }>(
      `SELECT kind, status, count(*)::int AS n FROM mail_outbox GROUP BY kind, status ORDER BY kind, status`,
    )
  ).rows
    .map((r) => `${r.kind} ${r.status} ${r.n}`)
    .join('; ');
  return {
    sent: sentIds.length,
    pendingOrFailed: await count(pg, `SELECT count(*)::int AS n FROM mail_outbox WHERE status <> 'sent'`),
    received: sink.received.length,
    duplicates: [...received.values()].filter((n) => n > 1).length,
    missing: sentIds.filter((id) => !received.has(id)).length,
    unexpected: [...received.keys()].filter((id) => !sent.has(id)).length,
    byKind,
    reminders: await count(
      pg,
      `SELECT count(*)::int AS n FROM mail_outbox WHERE kind = 'young_person_reminder'`,
    ),
    remindedTwice: await count(
      pg,
      `SELECT count(*)::int AS n FROM (SELECT related_id FROM mail_outbox WHERE kind = 'young_person_reminder'
        GROUP BY related_id HAVING count(*) > 1) twice`,
    ),
    invitationsReminded: await count(
      pg,
      `SELECT count(*)::int AS n FROM invitations WHERE reminder_sent_at IS NOT NULL`,
    ),
    chaseClaims: await count(pg, `SELECT count(*)::int AS n FROM action_log_reminders`),
    chaseMails: await count(
      pg,
      `SELECT count(*)::int AS n FROM mail_outbox WHERE kind = 'action_log_reminder'`,
    ),
    chaseMailedTwice: await count(
      pg,
      `SELECT count(*)::int AS n FROM (SELECT related_id, created_at::date FROM mail_outbox
        WHERE kind = 'action_log_reminder' GROUP BY 1, 2 HAVING count(*) > 1) twice`,
    ),
  };
}

/** A session made on one process works on the other, and signing out on one ends it on both. */
async function checkSessionsAcross(apis: Api[], email: string, secrets: Record<string, string>) {
  const [a, b] = apis;
  // A code works once: this officer's earlier code was used at the start of the run, long ago.
  const cookie = await signIn(a.base, email, secrets);
  const onB = await fetch(`${b.base}/api/home`, { headers: { cookie } });
  const out = await fetch(`${b.base}/api/auth/sign-out`, {
    method: 'POST',
    headers: { cookie, 'x-xsrf-token': xsrfOf(cookie), 'content-type': 'application/json' },
    body: '{}',
  });
  const onAAfter = await fetch(`${a.base}/api/home`, { headers: { cookie } });
  return { madeOnAUsedOnB: onB.status, signOutOnB: out.status, usedOnAAfterSignOut: onAAfter.status };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '30' },
      processes: { type: 'string', default: '1' },
      officers: { type: 'string', default: '50' },
      'young-people': { type: 'string', default: '200' },
      ports: { type: 'string', default: '3261,3262' },
      // Seconds at the start not measured: first plans, prepared statements, JIT.
      warmup: { type: 'string' },
      // Scales every pause (officers between actions, young people reading); 0 is a closed loop.
      think: { type: 'string', default: '1' },
      database: { type: 'string' },
      keep: { type: 'boolean', default: false },
      // Where to write the figures as JSON too.
      out: { type: 'string' },
    },
  });
  const minutes = Number(values.minutes);
  const processes = Number(values.processes);
  const officerCount = Number(values.officers);
  const think = Number(values.think);
  const ports = (values.ports ?? '3261,3262').split(',').map(Number).slice(0, processes);
  if (ports.length < processes) throw new Error(`Give ${processes} ports with --ports.`);
  const warmupSeconds = values.warmup ? Number(values.warmup) : Math.min(60, Math.round(minutes * 6));
  if (!existsSync(MAIN_JS)) throw new Error(`No built API at ${MAIN_JS}: run npx nx build api first.`);
  const database = values.database ?? `heard_busy_${Date.now().toString(36)}`;
  if (!/^heard_busy_[a-z0-9_]+$/.test(database)) throw new Error('The database must be named heard_busy_….');
  const server = (process.env['BUSY_DAY_PG'] ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/$/, '');
  const databaseUrl = `${server}/${database}`;
  const log = (line: string) => process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

  const admin = new Client({ connectionString: `${server}/postgres`, application_name: 'busy-day-bench' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  log(`Made ${database}.`);
  const stopping: (() => Promise<void>)[] = [];
  try {
    const { secrets, links } = await seed(databaseUrl, officerCount, Number(values['young-people']));
    const sink = await startSmtpSink();
    stopping.push(() => sink.close());
    const publicUrl = `http://localhost:${ports[0]}`;
    const env = {
      DATABASE_URL: databaseUrl,
      DEMO_DATA: 'false',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      MAIL_POLL_MS: String(MAIL_POLL_MS),
      SMTP_URL: sink.url,
      // One address for the service, as behind a load balancer: mail and links name it.
      PUBLIC_URL: publicUrl,
    };
    const dir = mkdtempSync(join(tmpdir(), 'busy-day-'));
    const apis = await Promise.all(ports.map((port) => startApi(port, env, dir)));
    stopping.push(async () => void (await Promise.all(apis.map(stopApi))));
    log(
      `API ${apis.length === 1 ? 'process' : 'processes'} ready on ${ports.join(', ')} (probe lines in ${dir}).`,
    );

    const pg = new Client({ connectionString: databaseUrl, application_name: 'busy-day-bench' });
    await pg.connect();
    stopping.push(() => pg.end());
    const recorder = new Recorder();
    const http = new Http(
      apis.map((a) => a.base),
      recorder,
    );
    const officers: Officer[] = Object.keys(secrets).map((email) => ({ email, cookie: null }));
    for (let i = 0; i < officers.length; i += 5)
      await Promise.all(
        officers.slice(i, i + 5).map(async (o) => (o.cookie = await signIn(http.base(), o.email, secrets))),
      );
    log(`${officers.length} officers signed in.`);
    const world = await planTheDay(http, pg, officers, links, { cookie: null });
    log(
      `Planned ${world.activityIds.length} activity days and invited the young people; sending their mail.`,
    );
    await drainOutbox(pg);
    const dataSizes = (
      await pg.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM young_people) AS young_people,
                (SELECT count(*)::int FROM groups) AS groups, (SELECT count(*)::int FROM group_sessions) AS sessions,
                (SELECT count(*)::int FROM attendance) AS attendance, (SELECT count(*)::int FROM invitations) AS invitations,
                (SELECT count(*)::int FROM evaluations) AS evaluations, (SELECT count(*)::int FROM audit_events) AS audit_events,
                (SELECT count(*)::int FROM you_said_items) AS you_said_items, (SELECT count(*)::int FROM actions) AS actions`,
      )
    ).rows[0];
    const evaluationsBefore = dataSizes['evaluations'];
    log(`Data: ${JSON.stringify(dataSizes)}.`);

    // The day.
    const start = Date.now();
    const until = start + minutes * 60_000;
    log(`Running for ${minutes} min (${warmupSeconds} s warm-up), think ×${think}.`);
    const users = [
      ...officers.map((o) => officerDay(http, o, world, until, think)),
      ...world.youngPeople.map((id) => youngPersonDay(http, id, world, until, think)),
    ];
    await sleep(warmupSeconds * 1000);
    recorder.recording = true;
    const measuredFrom = Date.now();
    const cpuStart = apis.map((a) => cpuSecondsOf(a.child.pid));
    const benchCpuStart = process.cpuUsage();
    // The machine is shared (other sessions run tests and benches on the same 2 cores): its load
    // is reported beside the figures.
    const loads = [loadavg()[0]];
    const memoryStart = await memoryAfterGc(apis);
    const connectionsStart = await connectionsHeld(pg, database);
    let connectionsMax = connectionsStart.total;
    const watcher = setInterval(() => {
      loads.push(loadavg()[0]);
      connectionsHeld(pg, database)
        .then((c) => (connectionsMax = Math.max(connectionsMax, c.total)))
        .catch(() => undefined);
      const done = Math.round((Date.now() - start) / 60_000);
      if (done > 0 && (Date.now() - start) % 300_000 < 30_000) log(`${done} min…`);
    }, 30_000);
    // Under load still, just before the day ends: the pool as the run leaves it.
    const lateSample = sleep(Math.max(0, until - Date.now() - 5000)).then(() =>
      connectionsHeld(pg, database),
    );
    await Promise.all(users);
    clearInterval(watcher);
    const connectionsLate = await lateSample;
    recorder.recording = false;
    const measuredSeconds = (Date.now() - measuredFrom) / 1000;
    const cpuSeconds = apis.map((a, i) => cpuSecondsOf(a.child.pid) - cpuStart[i]);
    const benchCpu = process.cpuUsage(benchCpuStart);
    loads.push(loadavg()[0]);
    const memoryEnd = await memoryAfterGc(apis);
    log('Load stopped; waiting for the outbox to drain.');
    await drainOutbox(pg);
    const mail = await checkMail(pg, sink, publicUrl);
    const evaluationsAfter = await count(pg, `SELECT count(*)::int AS n FROM evaluations`);
    const sessions = apis.length > 1 ? await checkSessionsAcross(apis, officers[0].email, secrets) : null;
    // Idle for longer than the pool's idle timeout (10 s): what it still holds then is held for good.
    await sleep(15_000);
    const connectionsIdle = await connectionsHeld(pg, database);
    const probes = apis.map((api) => probeLines(api).filter((l) => l.at >= measuredFrom && !l.gc));

    // The report.
    const rows: string[] = [];
    let requests = 0;
    let failures = 0;
    const all: number[] = [];
    for (const [endpoint, s] of [...recorder.endpoints.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      s.latencies.sort((a, b) => a - b);
      all.push(...s.latencies);
      requests += s.latencies.length;
      const errors = s.networkErrors + s.serverErrors + s.clientErrors;
      failures += errors;
      rows.push(
        `| ${endpoint} | ${s.latencies.length} | ${percentile(s.latencies, 50).toFixed(1)} | ${percentile(s.latencies, 95).toFixed(1)} | ${s.latencies[s.latencies.length - 1].toFixed(0)} | ${errors === 0 ? '0' : `${errors} (${s.serverErrors} 5xx, ${s.clientErrors} 4xx, ${s.networkErrors} network)`} |`,
      );
    }
    all.sort((a, b) => a - b);
    const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
    const growth = (from: number, to: number) => `${(((to - from) / from) * 100).toFixed(1)} %`;
    const processRows = apis.map((api, i) => {
      const s = memoryStart[i];
      const e = memoryEnd[i];
      const lines = probes[i];
      const longest = Math.max(...lines.map((l) => l.loopMaxMs));
      const p99s = lines.map((l) => l.loopP99Ms).sort((a, b) => a - b);
      const cpu = `${cpuSeconds[i].toFixed(0)} s (${((cpuSeconds[i] * 100) / measuredSeconds).toFixed(0)} % of a core)`;
      return `| ${api.port} | ${cpu} | ${mb(s.rss)} → ${mb(e.rss)} (${growth(s.rss, e.rss)}) | ${mb(s.heapUsed)} → ${mb(e.heapUsed)} (${growth(s.heapUsed, e.heapUsed)}) | ${longest.toFixed(0)} | ${percentile(p99s, 50).toFixed(1)} |`;
    });
    const report = [
      '',
      `## Busy day: ${processes} API process${processes > 1 ? 'es' : ''}, ${minutes} min (${measuredSeconds.toFixed(0)} s measured after ${warmupSeconds} s warm-up), think ×${think}`,
      '',
      `${officerCount} officers and ${world.youngPeople.length} young people; data: ${JSON.stringify(dataSizes)}.`,
      '',
      `All endpoints: ${requests} requests, ${(requests / measuredSeconds).toFixed(1)} req/s, p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms, max ${all[all.length - 1]?.toFixed(0)} ms; errors ${failures} (${((failures / Math.max(1, requests)) * 100).toFixed(3)} %).`,
      '',
      '| endpoint | requests | p50 ms | p95 ms | max ms | errors |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
      '| process (port) | CPU while measured | RSS MiB after GC, start → end | heap used MiB after GC, start → end | longest event loop block ms | median of 5 s p99 loop delay ms |',
      '|---|---|---|---|---|---|',
      ...processRows,
      '',
      `API CPU per request: ${((cpuSeconds.reduce((a, b) => a + b, 0) * 1000) / Math.max(1, requests)).toFixed(2)} ms. The load generator (this process, with the SMTP listener) used ${((benchCpu.user + benchCpu.system) / 1e6).toFixed(0)} s of CPU. Machine load (1-minute load average, 2 cores, shared with other sessions) while measured: mean ${(loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(1)}, ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}.`,
      '',
      `PostgreSQL connections held by the API (pg_stat_activity, application_name heard): start ${connectionsStart.total} (${connectionsStart.byState}), most seen ${connectionsMax}, 5 s before the end ${connectionsLate.total} (${connectionsLate.byState}), 15 s after the load stopped ${connectionsIdle.total} (${connectionsIdle.byState}); pool size 10 a process.`,
      '',
      `Mail: ${mail.sent} sent by the outbox, ${mail.received} received by the SMTP listener; ${mail.duplicates} received twice, ${mail.missing} sent but not received, ${mail.unexpected} received but not recorded sent; ${mail.pendingOrFailed} not sent at the end. By kind: ${mail.byKind}.`,
      `Jobs: ${mail.reminders} reminder mails for ${mail.invitationsReminded} invitations stamped reminded, ${mail.remindedTwice} invitations reminded twice; action log chasing claimed ${mail.chaseClaims} reminders in ${mail.chaseMails} mails, ${mail.chaseMailedTwice} people mailed twice in a day.`,
      `Evaluations: ${evaluationsAfter - evaluationsBefore} new rows for ${recorder.evaluationsStored} answered 201.`,
      ...(sessions
        ? [
            `Sessions across processes: made on ${apis[0].port}, used on ${apis[1].port}: ${sessions.madeOnAUsedOnB}; signed out on ${apis[1].port}: ${sessions.signOutOnB}; then used on ${apis[0].port}: ${sessions.usedOnAAfterSignOut}.`,
          ]
        : []),
      ...(recorder.statusSeen.size > 0
        ? ['', 'Unexpected answers:', ...[...recorder.statusSeen].map(([k, n]) => `- ${k}: ${n}`)]
        : []),
      '',
    ].join('\n');
    process.stdout.write(report);
    if (values.out)
      writeFileSync(
        values.out,
        JSON.stringify(
          {
            processes,
            minutes,
            think,
            requests,
            measuredSeconds,
            failures,
            cpuSeconds,
            loads,
            memoryStart,
            memoryEnd,
            dataSizes,
            mail,
            sessions,
            report,
          },
          null,
          2,
        ),
      );
  } finally {
    for (const stop of stopping.reverse()) await stop().catch(() => undefined);
    if (!values.keep) {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      log(`Dropped ${database}.`);
    }
    await admin.end();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
