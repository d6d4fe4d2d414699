/**
 * Preloaded into an API process by bench/busy-day.ts (`node --expose-gc --require bench/loop-probe.js
 * dist/apps/api/main.js`), so the app itself carries no measuring code. Every BUSY_DAY_PROBE_MS it
 * appends one JSON line to BUSY_DAY_PROBE_FILE: the event loop's longest delay in that window (how
 * long the loop was blocked), its p99, and the process's memory. On SIGUSR2 it collects garbage first
 * and writes a `gc` line, so the bench compares the heap that is really retained at the start and
 * at the end of a run rather than wherever the collector happened to be.
 */
'use strict';
const { appendFileSync } = require('node:fs');
const { monitorEventLoopDelay } = require('node:perf_hooks');

const file = process.env['BUSY_DAY_PROBE_FILE'];
if (file) {
  const every = Number(process.env['BUSY_DAY_PROBE_MS'] || 5000);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  const write = (extra) => {
    const memory = process.memoryUsage();
    const line = {
      at: Date.now(),
      pid: process.pid,
      loopMaxMs: ms(delay.max),
      loopP99Ms: ms(delay.percentile(99)),
      loopMeanMs: ms(delay.mean),
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      heapTotal: memory.heapTotal,
      external: memory.external,
      ...extra,
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
    delay.reset();
  };
  setInterval(() => write({}), every).unref();
  process.on('SIGUSR2', () => {
    // The window so far first, then the collection. Its own pause is the bench's doing, not the
    // app's: the loop delay it causes is recorded on the next timer tick, so that is dropped too.
    write({});
    if (typeof global.gc === 'function') global.gc();
    write({ gc: true });
    setTimeout(() => delay.reset(), 50);
  });
}
