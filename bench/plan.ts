/**
 * The annual voice plan at issue 14's sizes (docs/benchmarks.md, "The voice plan"): assembling a
 * year's figures, the public plan page under 50 clients, and a plan PDF made by the worker while
 * another endpoint is measured.
 *
 *   createdb -h 127.0.0.1 -U postgres heard_bench_plan
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/heard_bench_plan npm run bench:data -- --young-people 20000
 *   npx nx build api
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/heard_bench_plan npm run bench:plan -- [--year 2026]
 *
 * On the generated data (the bench accounts sign in with its authenticator secrets), it starts the
 * built API with the background jobs' poll on (MAIL_POLL_MS=200, so its PlanDocumentsWorker makes
 * the PDFs in the API's own process, as in production) and the daily jobs' look pushed an hour away
 * (JOB_LOOK_MS), then:
 *   (a) creates the year's plan and reads its figures (`GET /api/plans/:id/figures`, section C's
 *       assembly over the year before) --runs times, one after another: p50/p95; with
 *       --figures-only it stops here, leaving the plan a draft;
 *   (b) writes every section, Lundy answer and --commitments commitments, has it approved and
 *       published, waits for its PDF, then runs autocannon with --public-connections clients on the
 *       current version's public page and on the list of published plans (health first, as the
 *       reference for what a request costs in the same minute);
 *   (c) with --during-connections clients on the public page for --duration seconds, once with no
 *       PDF being made and once while --pdfs corrections are published one after another, each
 *       waiting for its PDF: how long each PDF took (publish answered → ready, and making → ready as
 *       seen by polling plan_documents every 20 ms), and the page's p95 over the requests that
 *       overlapped the making, against the run without.
 * The plan is left in the database, published: run again with another --year.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Client } from 'pg';
import {
  LUNDY_QUESTIONS,
  PlanDocument,
  PlanFiguresResponse,
  PlanListResponse,
  PlanVersionResponse,
  planSectionsFor,
} from '@heard/domain';
import { BENCH_LEADER, BENCH_USERS } from './bench-users';
import { benchCommitment, benchLundyAnswer, benchPlanText } from './plan-content';
import { signIn } from './sign-in';

const MAIN_JS = resolve(__dirname, '..', 'dist', 'apps', 'api', 'main.js');
const OFFICER = BENCH_USERS[1].email;
/** What a phone's browser sends for the published pages, which are kept compressed (ADR 0036). */
const BROWSER = { 'accept-encoding': 'br, gzip' };

function xsrfOf(cookie: string): string {
  const token = /(?:^|; )XSRF-TOKEN=([^;]+)/.exec(cookie)?.[1];
  if (!token) throw new Error('The session has no XSRF-TOKEN cookie to send writes with.');
  return decodeURIComponent(token);
}

async function must<T>(
  base: string,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie, 'x-xsrf-token': xsrfOf(cookie) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (n: number) => n.toFixed(1);

/** A document followed by more paragraphs: section C's draft and what an officer adds to it. */
const joined = (a: PlanDocument, b: PlanDocument): PlanDocument => ({ blocks: [...a.blocks, ...b.blocks] });

interface Sample {
  /** When the answer came, performance.now() of this process. */
  end: number;
  ms: number;
  status: number;
}

interface Run {
  samples: Sample[];
  errors: number;
  requestsPerSecond: number;
}

/**
 * autocannon on one path for `duration` seconds; every response kept with the moment it came. With
 * `during`, that runs alongside from the start, and the load goes on until it has finished (and at
 * least `duration` seconds), so every PDF it waits for is made under load. `headers` go with every
 * request (a browser's Accept-Encoding, for the published pages it is sent compressed: ADR 0036).
 */
async function load(
  url: string,
  connections: number,
  duration: number,
  during?: () => Promise<void>,
  headers: Record<string, string> = {},
): Promise<Run> {
  const samples: Sample[] = [];
  let errors = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(
      // With work alongside, an hour at most: it is stopped once the work is done.
      { url, connections, headers, duration: during ? 3600 : duration },
      (error, finished) => (error ? fail(error) : done(finished)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 200) errors++;
      samples.push({ end: performance.now(), ms: responseTime, status: statusCode });
    });
    if (during)
      during()
        .then(async () => {
          const left = duration * 1000 - (performance.now() - started);
          await new Promise((r) => setTimeout(r, Math.max(500, left)));
          instance.stop();
        })
        .catch((error: unknown) => {
          instance.stop();
          fail(error);
        });
  });
  return {
    samples,
    errors: errors + result.errors + result.timeouts,
    requestsPerSecond: samples.length / ((performance.now() - started) / 1000),
  };
}

function row(
  label: string,
  connections: number,
  samples: Sample[],
  rps: number | null,
  errors: number,
): string {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return `| ${label} | ${connections} | ${sorted.length} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(percentile(sorted, 99))} | ${rps === null ? '' : rps.toFixed(0)} | ${errors} |`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      year: { type: 'string', default: '2026' },
      runs: { type: 'string', default: '10' },
      duration: { type: 'string', default: '10' },
      'public-connections': { type: 'string', default: '50' },
      'during-connections': { type: 'string', default: '20' },
      pdfs: { type: 'string', default: '3' },
      commitments: { type: 'string', default: '20' },
      port: { type: 'string', default: '3281' },
      'figures-only': { type: 'boolean', default: false },
    },
  });
  const year = Number(values.year);
  const runs = Number(values.runs);
  const duration = Number(values.duration);
  const publicConnections = Number(values['public-connections']);
  const duringConnections = Number(values['during-connections']);
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) throw new Error('Set DATABASE_URL to the generated bench database (npm run bench:data).');
  if (!existsSync(MAIN_JS)) throw new Error(`No built API at ${MAIN_JS}: run npx nx build api first.`);
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  let api: ChildProcess | null = null;
  const out: string[] = [];
  const say = (line: string) => {
    out.push(line);
    process.stdout.write(`${line}\n`);
  };
  try {
    const port = Number(values.port);
    api = spawn(process.execPath, [MAIN_JS], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        DEMO_DATA: 'false',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        MAIL_POLL_MS: '200',
        JOB_LOOK_MS: '3600000',
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
    const base = `http://127.0.0.1:${port}`;
    const officer = await signIn(base, OFFICER);
    const leader = await signIn(base, BENCH_LEADER);
    const [{ id: leaderId }] = (await pg.query(`SELECT id FROM users WHERE email = $1`, [BENCH_LEADER]))
      .rows as { id: string }[];
    const [theme] = (await pg.query(`SELECT id FROM action_log_themes ORDER BY name LIMIT 1`)).rows as {
      id: string;
    }[];

    // (a) The year's plan and its figures.
    const plans = await must<PlanListResponse>(base, officer, 'GET', '/api/plans');
    if (plans.plans.some((p) => p.year === year))
      throw new Error(`There is a ${year} plan in this database already: run with another --year.`);
    // The year before's plan first (left a draft), so this one is a second year's, with section C.
    if (!plans.plans.some((p) => p.year === year - 1))
      await must<PlanVersionResponse>(base, officer, 'POST', '/api/plans', { year: year - 1 });
    let v = await must<PlanVersionResponse>(base, officer, 'POST', '/api/plans', { year });
    const [sizes] = (
      await pg.query(
        `SELECT (SELECT count(*) FROM you_said_items)::int AS items,
                (SELECT count(*) FROM you_said_items WHERE said_on BETWEEN $1 AND $2)::int AS "itemsInYear",
                (SELECT count(*) FROM actions)::int AS actions,
                (SELECT count(*) FROM attendance)::int AS attendance,
                (SELECT count(*) FROM attendance a JOIN group_sessions s ON s.id = a.session_id
                  WHERE s.starts_at >= $1::date AND s.starts_at < $2::date + 1)::int AS "attendanceInYear"`,
        [`${year - 1}-04-01`, `${year}-03-31`],
      )
    ).rows as Record<string, number>[];
    say(
      `Data: ${sizes['items']} You said items (${sizes['itemsInYear']} said in the year before the plan), ` +
        `${sizes['actions']} actions, ${sizes['attendance']} attendance rows ` +
        `(${sizes['attendanceInYear']} in the year before the plan).`,
    );
    const times: number[] = [];
    const figuresOf = () => must<PlanFiguresResponse>(base, officer, 'GET', `/api/plans/${v.planId}/figures`);
    // The first read warms the connection pool and the database's caches: reported apart.
    const cold = performance.now();
    let figures = await figuresOf();
    say(
      `Figures of ${figures.period.from} to ${figures.period.to}, first read: ${ms(performance.now() - cold)} ms`,
    );
    for (let n = 0; n < runs; n++) {
      const t0 = performance.now();
      figures = await figuresOf();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    say(
      `Figures, ${runs} reads one after another: p50 ${ms(percentile(times, 50))} ms, p95 ${ms(percentile(times, 95))} ms, ` +
        `max ${ms(times[times.length - 1])} ms`,
    );
    if (values['figures-only']) return;

    // (b) A whole plan, written, approved and published; its PDF made by the worker.
    const sectionKeys = planSectionsFor(v.yearOfPlan);
    for (const key of sectionKeys) {
      const { draft } = figures;
      v = await must<PlanVersionResponse>(
        base,
        officer,
        'PUT',
        `/api/plans/versions/${v.id}/sections/${key}`,
        {
          expectedUpdatedAt: v.updatedAt,
          professional:
            key === 'last_year'
              ? joined(draft.professional, benchPlanText(3000, key))
              : benchPlanText(6000, key),
          childFriendly:
            key === 'last_year'
              ? joined(draft.childFriendly, benchPlanText(1000, key))
              : benchPlanText(2000, key),
        },
      );
    }
    for (const q of LUNDY_QUESTIONS)
      v = await must<PlanVersionResponse>(
        base,
        officer,
        'PUT',
        `/api/plans/versions/${v.id}/lundy/${q.key}`,
        {
          expectedUpdatedAt: v.updatedAt,
          ...benchLundyAnswer,
        },
      );
    v = await must<PlanVersionResponse>(base, officer, 'PUT', `/api/plans/versions/${v.id}/commitments`, {
      expectedUpdatedAt: v.updatedAt,
      commitments: Array.from({ length: Number(values.commitments) }, (_, i) => ({
        ...benchCommitment(i),
        ownerId: leaderId,
        dueOn: `${year + 1}-03-01`,
        themeId: theme?.id ?? null,
      })),
    });
    const publish = async (): Promise<PlanVersionResponse> => {
      v = await must<PlanVersionResponse>(base, officer, 'POST', `/api/plans/versions/${v.id}/moves`, {
        expectedUpdatedAt: v.updatedAt,
        to: 'scrutiny',
      });
      v = await must<PlanVersionResponse>(base, leader, 'POST', `/api/plans/versions/${v.id}/moves`, {
        expectedUpdatedAt: v.updatedAt,
        to: 'approved',
      });
      v = await must<PlanVersionResponse>(base, officer, 'POST', `/api/plans/versions/${v.id}/moves`, {
        expectedUpdatedAt: v.updatedAt,
        to: 'published',
      });
      return v;
    };
    /** Polls the version's PDF: when it was seen being made, and when ready, in this process's clock. */
    const pdfOf = async (versionId: string) => {
      let making: number | null = null;
      for (;;) {
        const [doc] = (
          await pg.query(
            `SELECT status, octet_length(bytes) AS size FROM plan_documents WHERE version_id = $1`,
            [versionId],
          )
        ).rows as { status: string; size: number | null }[];
        const now = performance.now();
        if (doc?.status === 'making' && making === null) making = now;
        if (doc?.status === 'ready') return { making: making ?? now, ready: now, size: doc.size ?? 0 };
        if (doc?.status === 'failed') throw new Error(`The PDF of ${versionId} failed.`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const pdfRows: string[] = [];
    const made = async (label: string): Promise<{ from: number; to: number }> => {
      const asked = performance.now();
      const published = await publish();
      const answered = performance.now();
      const pdf = await pdfOf(published.id);
      pdfRows.push(
        `| ${label} (version ${published.number}) | ${ms(answered - asked)} | ${ms(pdf.ready - answered)} | ${ms(pdf.ready - pdf.making)} | ${(pdf.size / 1024).toFixed(0)} KiB |`,
      );
      return { from: pdf.making, to: pdf.ready };
    };
    await made('first publication, nothing else running');
    const current = v.id;

    // (b) The public plan page at 50 clients, with health in the same minute for reference.
    const table = [
      '| run | clients | requests | p50 ms | p95 ms | p99 ms | req/s | errors |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ];
    for (const [label, path, headers] of [
      ['health', '/api/health', {}],
      ['public plan page, current version, as a browser asks', `/api/published-plans/${current}`, BROWSER],
      ['public plan page, current version, uncompressed', `/api/published-plans/${current}`, {}],
      ['published plans list, as a browser asks', '/api/published-plans', BROWSER],
    ] as const) {
      const r = await load(`${base}${path}`, publicConnections, duration, undefined, headers);
      table.push(row(label, publicConnections, r.samples, r.requestsPerSecond, r.errors));
    }

    // (c) The page at 20 clients with no PDF being made, then while corrections are published.
    const quiet = await load(
      `${base}/api/published-plans/${current}`,
      duringConnections,
      duration,
      undefined,
      BROWSER,
    );
    table.push(
      row(
        'public plan page, no PDF being made',
        duringConnections,
        quiet.samples,
        quiet.requestsPerSecond,
        quiet.errors,
      ),
    );
    const windows: { from: number; to: number }[] = [];
    const during = await load(
      `${base}/api/published-plans/${current}`,
      duringConnections,
      duration,
      async () => {
        await new Promise((r) => setTimeout(r, 1000));
        for (let n = 0; n < Number(values.pdfs); n++) {
          v = await must<PlanVersionResponse>(base, officer, 'POST', `/api/plans/${v.planId}/versions`, {
            whatChanged: `Correction ${n + 1}: a date in the commitments.`,
          });
          windows.push(await made(`correction ${n + 1}, page under load`));
        }
      },
      BROWSER,
    );
    const overlapping = during.samples.filter((s) =>
      windows.some((w) => s.end >= w.from && s.end - s.ms <= w.to),
    );
    table.push(
      row(
        'same page, whole run with the PDFs',
        duringConnections,
        during.samples,
        during.requestsPerSecond,
        during.errors,
      ),
    );
    table.push(
      row('same page, requests overlapping a PDF being made', duringConnections, overlapping, null, 0),
    );
    say('');
    say('| PDF | publish answered in ms | publish answered → ready ms | making → ready ms | size |');
    say('| --- | --- | --- | --- | --- |');
    for (const line of pdfRows) say(line);
    say('');
    for (const line of table) say(line);
    if (windows.length < Number(values.pdfs)) say(`Only ${windows.length} PDFs were made within the run.`);
  } finally {
    api?.kill('SIGTERM');
    await pg.end().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
