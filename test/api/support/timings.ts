import { appendFileSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename } from 'node:path';

/**
 * With HEARD_TEST_SETUP_LOG=<file>, each test app appends a line there: how long its test file
 * took to load (Jest compiling and running the imports), its database to start, the Nest app to
 * build, and the CPU the main thread spent on that set-up. On a loaded machine the clock says how
 * long a file waited; the CPU time says what the set-up itself costs, whatever the load.
 */
export const SETUP_LOG_ENV = 'HEARD_TEST_SETUP_LOG';

const FILE_START = '__heardFileStart';

interface Mark {
  at: number;
  /** The main thread's CPU time. */
  cpuMs: number;
  /** All threads' CPU time (V8 compiles and collects garbage on threads of its own). */
  processCpu: NodeJS.CpuUsage;
}

/**
 * CPU time of this process's main thread in ms, from /proc (10 ms steps), or NaN elsewhere.
 * process.cpuUsage() would also count V8's compiler and collector threads.
 */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

export function mark(): Mark {
  return { at: performance.now(), cpuMs: mainThreadCpuMs(), processCpu: process.cpuUsage() };
}

/** Called from setupFiles, before the test file's own imports. */
export function markFileStart(): void {
  (globalThis as Record<string, unknown>)[FILE_START] = mark();
}

function cpuMs(from: Mark, to: Mark): number {
  const used = process.cpuUsage(from.processCpu);
  const until = process.cpuUsage(to.processCpu);
  return Math.round((used.user + used.system - until.user - until.system) / 1000);
}

export function recordSetUp(started: Mark, databaseReady: Mark, appReady: Mark): void {
  const log = process.env[SETUP_LOG_ENV];
  if (!log) return;
  const fileStart = (globalThis as Record<string, unknown>)[FILE_START] as Mark | undefined;
  const ms = (from: Mark, to: Mark) => Math.round(to.at - from.at);
  const fields = [
    basename(expect.getState().testPath ?? 'unknown'),
    `load ${fileStart ? ms(fileStart, started) : '?'} ms`,
    `database ${ms(started, databaseReady)} ms`,
    `app ${ms(databaseReady, appReady)} ms`,
    `set-up ${ms(started, appReady)} ms`,
    `set-up cpu ${appReady.cpuMs - started.cpuMs} ms`,
    `all threads ${cpuMs(started, appReady)} ms`,
    `loadavg ${loadavg()[0].toFixed(1)}`,
  ];
  appendFileSync(log, `${fields.join('\t')}\n`);
}
