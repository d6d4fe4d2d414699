/**
 * Load test: `npm run bench` against a running Heard (BENCH_URL, default http://localhost:3000)
 * started on generated data. Each endpoint gets CONNECTIONS concurrent signed-in clients for
 * DURATION seconds. Latencies are recorded per response, so p50/p95/p99 are exact, not binned.
 */
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { BENCH_PASSWORD, BENCH_USERS } from './bench-users';

interface Target {
  name: string;
  path: string;
  as: 'anonymous' | (typeof BENCH_USERS)[number]['email'];
}

const TARGETS: Target[] = [
  { name: 'health', path: '/api/health', as: 'anonymous' },
  { name: 'home (officer)', path: '/api/home', as: 'bench.officer@bench.heard.example' },
  { name: 'home (admin)', path: '/api/home', as: 'bench.admin@bench.heard.example' },
  { name: 'audit log, first page', path: '/api/audit?pageSize=50', as: 'bench.admin@bench.heard.example' },
];

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (!res.ok)
    throw new Error(`Sign-in as ${email} failed with ${res.status}: did you run npm run bench:data?`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: process.env['BENCH_URL'] ?? 'http://localhost:3000' },
      connections: { type: 'string', default: '20' },
      duration: { type: 'string', default: '15' },
      only: { type: 'string' },
    },
  });
  const base = values.url!;
  const cookies = new Map<string, string>();
  const rows: string[] = [];
  for (const target of TARGETS.filter((t) => !values.only || t.name.includes(values.only))) {
    if (target.as !== 'anonymous' && !cookies.has(target.as))
      cookies.set(target.as, await signIn(base, target.as));
    const latencies: number[] = [];
    let errors = 0;
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: `${base}${target.path}`,
          connections: Number(values.connections),
          duration: Number(values.duration),
          headers: target.as === 'anonymous' ? {} : { cookie: cookies.get(target.as)! },
        },
        (error, done) => (error ? reject(error) : resolve(done)),
      );
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (statusCode !== 200) errors++;
        latencies.push(responseTime);
      });
    });
    latencies.sort((a, b) => a - b);
    const row = [
      target.name,
      target.path,
      String(latencies.length),
      percentile(latencies, 50).toFixed(1),
      percentile(latencies, 95).toFixed(1),
      percentile(latencies, 99).toFixed(1),
      result.requests.average.toFixed(0),
      String(errors + result.errors + result.timeouts),
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
