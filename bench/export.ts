/**
 * A large export, measured where it runs: the API is started in this process on the bench
 * database (DATABASE_URL, made by `npm run bench:data`), an officer downloads one export, and the
 * process's memory and the event loop's longest block are sampled while the file streams.
 * Issue 12's target: a 100,000-row XLSX with memory under 200 MB and no block over 100 ms.
 *
 *   DATABASE_URL=postgres://… npm run bench:export -- --path /api/action-log/export.xlsx
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createHeardApp } from '@heard/api/app/create-app';
import { loadConfig } from '@heard/api/platform/config/config';
import { openDatabase } from '@heard/api/platform/database/database';
import { createLogger } from '@heard/api/platform/logging/logger';
import { signIn } from './sign-in';

const OFFICER = 'bench.officer@bench.heard.example';
const MB = 1024 * 1024;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { path: { type: 'string', default: '/api/action-log/export.xlsx' } },
  });
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) throw new Error('Set DATABASE_URL to the bench database.');
  const config = loadConfig({ ...process.env, PORT: '3299', DEMO_DATA: 'false', MAIL_POLL_MS: '0' });
  const db = await openDatabase({ databaseUrl, pgliteDir: '' });
  const app = await createHeardApp(config, db, createLogger('warn'));
  await app.listen(0);
  const base = (await app.getUrl()).replace('[::1]', 'localhost');
  try {
    const cookie = await signIn(base, OFFICER);
    global.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    }, 20);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = performance.now();
    const res = await fetch(`${base}${values.path}`, { headers: { cookie } });
    if (!res.ok || !res.body) throw new Error(`${values.path} answered ${res.status}`);
    let bytes = 0;
    const reader = res.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      bytes += chunk.value.length;
    const seconds = (performance.now() - started) / 1000;
    loop.disable();
    clearInterval(sampler);
    process.stdout.write(
      [
        `${values.path}: ${(bytes / MB).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
        `file name: ${res.headers.get('content-disposition')}`,
        `memory (whole process, API and client): rss ${(before.rss / MB).toFixed(0)} MB before, ` +
          `peak ${(peakRss / MB).toFixed(0)} MB (+${((peakRss - before.rss) / MB).toFixed(0)} MB); ` +
          `heap peak ${(peakHeap / MB).toFixed(0)} MB`,
        `event loop delay: max ${(loop.max / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, ` +
          `mean ${(loop.mean / 1e6).toFixed(1)} ms`,
        '',
      ].join('\n'),
    );
  } finally {
    await app.close();
    await db.destroy();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
