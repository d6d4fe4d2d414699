/**
 * 500 changes made without signal, sent on a slow link (issue 15, "Bad input and faults"): how long
 * the outbox takes to send them, and that each is stored once, even when every answer is lost and
 * all 500 are sent again.
 *
 *   npx nx build api
 *   TS_NODE_PROJECT=bench/tsconfig.json node -r ts-node/register/transpile-only -r tsconfig-paths/register \
 *     bench/offline-sync.ts [--changes 500] [--one-way-ms 0,50,150]
 *
 * It makes its own database on the PostgreSQL server (heard_offline_…, on OFFLINE_SYNC_PG, default
 * postgres://postgres@127.0.0.1:5432; dropped at the end), one officer with an authenticator app,
 * starts the built API, and puts a TCP relay in front of it that holds every chunk for --one-way-ms
 * each way (so a round trip costs twice that, as on a weak mobile signal). Then, for each delay, it
 * sends --changes register marks one after another, as the device's outbox does (each waits for the
 * one before: the order matters, docs/offline.md), each with its own Idempotency-Key and the device
 * time an hour ago; then sends every one of them again with the same key, as when the answers were
 * lost. It prints the time taken, p50/p95 per change and changes per second, and checks the marks
 * stored: exactly --changes each time.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { type Socket, connect, createServer } from 'node:net';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { HEARD_RECORDED_AT_HEADER, addDays, todayInLondon } from '@heard/domain';
import { hashPassword } from '@heard/api/platform/auth/passwords';
import { newTotpSecret } from '@heard/api/platform/auth/totp';
import { openDatabase } from '@heard/api/platform/database/database';
import { dateOfBirthForAge, groupRequest, youngPersonRequest } from '../test/api/support/requests';
import { BENCH_PASSWORD } from './bench-users';
import { signIn } from './sign-in';

const MAIN_JS = resolve(__dirname, '..', 'dist', 'apps', 'api', 'main.js');
const PEOPLE = 50;

/** A relay that holds each chunk `oneWayMs` before passing it on, in order, both ways. */
async function slowLink(targetPort: number, oneWayMs: number): Promise<{ base: string; close(): void }> {
  const open = new Set<Socket>();
  const relay = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    open.add(client).add(upstream);
    const pass = (from: Socket, to: Socket) =>
      from.on('data', (chunk) => {
        if (oneWayMs === 0) to.write(chunk);
        // Timers of one length fire in the order they were set: the bytes keep their order.
        else setTimeout(() => to.writable && to.write(chunk), oneWayMs);
      });
    pass(client, upstream);
    pass(upstream, client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) socket.on('error', drop).on('close', drop);
  });
  const port = await new Promise<number>((done) =>
    relay.listen(0, '127.0.0.1', () => {
      const address = relay.address();
      done(typeof address === 'object' && address ? address.port : 0);
    }),
  );
  return {
    base: `http://127.0.0.1:${port}`,
    close() {
      for (const socket of open) socket.destroy();
      relay.close();
    },
  };
}

function xsrfOf(cookie: string): string {
  return /XSRF-TOKEN=([^;]+)/.exec(cookie)?.[1] ?? '';
}

async function call(
  base: string,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
  headers = {},
) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie, 'x-xsrf-token': xsrfOf(cookie), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function must(base: string, cookie: string, method: string, path: string, body?: unknown) {
  const res = await call(base, cookie, method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      changes: { type: 'string', default: '500' },
      'one-way-ms': { type: 'string', default: '0,50,150' },
      port: { type: 'string', default: '3271' },
    },
  });
  const changes = Number(values.changes);
  const delays = (values['one-way-ms'] ?? '0').split(',').map(Number);
  if (!existsSync(MAIN_JS)) throw new Error(`No built API at ${MAIN_JS}: run npx nx build api first.`);
  const server = (process.env['OFFLINE_SYNC_PG'] ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/$/, '');
  const database = `heard_offline_${Date.now().toString(36)}`;
  const databaseUrl = `${server}/${database}`;
  const admin = new Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  let api: ChildProcess | null = null;
  const pg = new Client({ connectionString: databaseUrl });
  try {
    const email = 'officer@offline.bench.heard.example';
    const secret = newTotpSecret();
    const db = await openDatabase({ databaseUrl, pgliteDir: undefined });
    await db.query(
      `INSERT INTO users (email, display_name, role, status, password_hash, totp_secret, totp_enrolled_at)
       VALUES ($1, 'Offline bench officer', 'participation_officer', 'active', $2, $3, now())`,
      [email, await hashPassword(BENCH_PASSWORD), secret],
    );
    await db.destroy();
    const port = Number(values.port);
    api = spawn(process.execPath, [MAIN_JS], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        DEMO_DATA: 'false',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        MAIL_POLL_MS: '0',
        PORT: String(port),
        PUBLIC_URL: `http://localhost:${port}`,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((ready, fail) => {
      let seen = '';
      api?.stdout?.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes('Heard is ready')) ready();
      });
      api?.once('exit', (code) => fail(new Error(`The API stopped before it was ready (exit ${code})`)));
    });
    const direct = `http://127.0.0.1:${port}`;
    const cookie = await signIn(direct, email, { [email]: secret });
    await pg.connect();

    // A group of 50 with enough sessions today for every run: 50 marks a session.
    const today = todayInLondon();
    const group = await must(direct, cookie, 'POST', '/api/groups', groupRequest({ minAge: 10, maxAge: 25 }));
    const people: string[] = [];
    for (let n = 0; n < PEOPLE; n++) {
      const person = await must(
        direct,
        cookie,
        'POST',
        '/api/young-people',
        youngPersonRequest({ preferredName: `Bench ${n + 1}`, dateOfBirth: dateOfBirthForAge(14) }),
      );
      people.push(String(person['id']));
      await must(direct, cookie, 'POST', `/api/groups/${group['id']}/members`, {
        youngPersonId: person['id'],
        joinedOn: addDays(today, -30),
      });
    }
    const sessionsPerRun = Math.ceil(changes / PEOPLE);
    const deviceTime = new Date(Date.now() - 60 * 60_000).toISOString();
    const rows: string[] = [];
    for (const [run, oneWayMs] of delays.entries()) {
      const sessions: string[] = [];
      for (let s = 0; s < sessionsPerRun; s++) {
        const session = await must(direct, cookie, 'POST', `/api/groups/${group['id']}/sessions`, {
          date: today,
          startTime: `${String(1 + ((run * sessionsPerRun + s) % 22)).padStart(2, '0')}:${String((run * 7 + s) % 60).padStart(2, '0')}`,
          durationMinutes: 15,
          venue: null,
          agenda: null,
        });
        sessions.push(String(session['id']));
      }
      const marks = Array.from({ length: changes }, (_, i) => ({
        sessionId: sessions[Math.floor(i / PEOPLE)],
        youngPersonId: people[i % PEOPLE],
        key: randomUUID(),
      }));
      const link = await slowLink(port, oneWayMs);
      const send = async () => {
        const times: number[] = [];
        const statuses = new Map<number, number>();
        const started = performance.now();
        for (const mark of marks) {
          const t0 = performance.now();
          const res = await call(
            link.base,
            cookie,
            'PUT',
            `/api/sessions/${mark.sessionId}/attendance`,
            { entries: [{ youngPersonId: mark.youngPersonId, status: 'present' }] },
            { 'Idempotency-Key': mark.key, [HEARD_RECORDED_AT_HEADER]: deviceTime },
          );
          times.push(performance.now() - t0);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
        const total = (performance.now() - started) / 1000;
        times.sort((a, b) => a - b);
        return { total, times, statuses };
      };
      const first = await send();
      const again = await send();
      link.close();
      const [{ n }] = (
        await pg.query(`SELECT count(*)::int AS n FROM attendance WHERE session_id = ANY($1::uuid[])`, [
          sessions,
        ])
      ).rows as { n: number }[];
      const [{ keys }] = (
        await pg.query(`SELECT count(*)::int AS keys FROM idempotency_keys WHERE key = ANY($1::text[])`, [
          marks.map((m) => m.key),
        ])
      ).rows as { keys: number }[];
      for (const [label, r] of [
        ['first send', first],
        ['all sent again', again],
      ] as const) {
        rows.push(
          `| ${oneWayMs * 2} ms | ${label} | ${changes} | ${r.total.toFixed(1)} s | ${percentile(r.times, 50).toFixed(1)} | ${percentile(r.times, 95).toFixed(1)} | ${(changes / r.total).toFixed(0)} | ${[...r.statuses].map(([s, c]) => `${c}× ${s}`).join(', ')} |`,
        );
      }
      rows.push(`| ${oneWayMs * 2} ms | stored | ${n} marks, ${keys} keys | | | | | |`);
      if (n !== changes) throw new Error(`Stored ${n} marks for ${changes} changes at ${oneWayMs * 2} ms`);
    }
    process.stdout.write(
      [
        '| round trip | pass | changes | time | p50 ms | p95 ms | changes/s | answers |',
        '|---|---|---|---|---|---|---|---|',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    api?.kill('SIGTERM');
    await pg.end().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 1000));
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
