/**
 * Where a request's CPU goes (issue 16): reads a `.cpuprofile` written by `node --cpu-prof` and
 * attributes each sample's self time to a layer by the source file of its frame. Frames in the
 * bundled API (dist/apps/api/main.js) are mapped back to their source file with main.js.map.
 *
 *   bench/floor/profile-read.sh runs the API, the load and this; by hand:
 *   TS_NODE_PROJECT=bench/tsconfig.json node -r ts-node/register/transpile-only \
 *     bench/floor/profile-summary.ts /tmp/prof/CPU.….cpuprofile --requests 12345
 *
 * --requests: how many requests the load sent (per-request figures divide by it).
 * --last: only the last N seconds of the profile; by default, the longest busy stretch (the load),
 *   so start-up, the warm-up and sign-in are not counted.
 *
 * Self time only: a layer's figure is the time spent in its own code, not in what it calls. Time
 * waiting for PostgreSQL is idle and not counted, but the sampler ticks on the clock: on a busy
 * machine a thread that lost its core is charged to the frame it was in (mostly socket writes).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** First match wins: more specific paths before the broad ones. */
const LAYERS: [string, RegExp][] = [
  ['session lookup', /apps\/api\/src\/platform\/auth\/(session\.service|session\.entity)/],
  ['CSRF', /apps\/api\/src\/platform\/auth\/tokens|node_modules\/cookie-parser|node_modules\/cookie\//],
  ['access guard', /apps\/api\/src\/platform\/(auth|access)\//],
  ['zod', /node_modules\/zod\/|apps\/api\/src\/platform\/errors\/zod\.pipe/],
  ['audit', /apps\/api\/src\/platform\/audit\//],
  ['service', /apps\/api\/src\/app\/|libs\/domain\//],
  ['TypeORM', /node_modules\/typeorm\//],
  ['pg', /node_modules\/(pg|pg-pool|pg-protocol|pg-types|postgres-[a-z]+|pgpass)\//],
  [
    'pino',
    /node_modules\/(pino|pino-http|pino-std-serializers|sonic-boom|fast-redact|@pinojs\/redact|thread-stream|on-exit-leak-free)\/|platform\/logging\//,
  ],
  ['helmet', /node_modules\/helmet\//],
  [
    'express/nest',
    /node_modules\/(@nestjs|express|router|body-parser|path-to-regexp|rxjs|reflect-metadata|finalhandler|send|on-finished|etag|fresh|type-is|accepts|content-type|qs|depd|parseurl|proxy-addr|mime-types|negotiator|utils-merge|encodeurl|vary|debug|tslib)\//,
  ],
  ['Heard platform: database helpers, HTTP set-up, errors', /apps\/api\/src\/platform\//],
  ['node: http, net, streams', /^node:/],
];

/** Engine entries (no file) by name. */
const BY_NAME: [string, RegExp][] = [
  ['JSON', /^(stringify|parse|JSONStringify|JSONParse)$/],
  // Writing to a socket (PostgreSQL's or the client's) wakes its reader: on a busy machine the OS
  // often hands it the core right there, so this row holds waiting as well as work.
  ['socket writes (writev)', /^(writev|writeBuffer|writeUtf8String|writeLatin1String)$/],
  ['promise jobs (runMicrotasks)', /^runMicrotasks$/],
  // Express tries each route's pattern in turn until one matches.
  ['express/nest', /^RegExp: \^\(\?:\\\/api/],
  ['garbage collection', /^\(garbage collector\)$/],
  ['idle', /^\((idle|program)\)$/],
];

function layerOf(path: string, functionName: string): string {
  // JSON.stringify runs inside its caller's frame: Express's res.json wrapper is named for it.
  if (functionName === 'stringify') return 'JSON';
  if (path === '') return BY_NAME.find(([, re]) => re.test(functionName))?.[0] ?? 'other';
  return LAYERS.find(([, re]) => re.test(path))?.[0] ?? 'other';
}

function newestProfile(dir: string): string {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (files.length === 0) throw new Error(`No .cpuprofile in ${dir}.`);
  return files[0];
}

/**
 * The load: the longest run of 100 ms buckets in which the process did some work (5%; the floor
 * is lightly loaded even when it is answering as fast as asked). Start-up, the
 * warm-up and the client's sign-in are separated from it by idle time while the client starts.
 */
function busiestStretch(
  times: number[],
  own: (i: number) => number,
  isIdle: (i: number) => boolean,
  start: number,
): [number, number] {
  const bucket = 100_000;
  const busy: number[] = [];
  times.forEach((t, i) => {
    const b = Math.floor((t - start) / bucket);
    busy[b] = (busy[b] ?? 0) + (isIdle(i) ? 0 : own(i));
  });
  let best: [number, number] = [0, 0];
  let runStart = -1;
  for (let b = 0; b <= busy.length; b++) {
    const loaded = (busy[b] ?? 0) > bucket * 0.05;
    if (loaded && runStart < 0) runStart = b;
    if (!loaded && runStart >= 0) {
      if (b - runStart > best[1] - best[0]) best = [runStart, b];
      runStart = -1;
    }
  }
  return [start + best[0] * bucket, start + best[1] * bucket];
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { requests: { type: 'string' }, last: { type: 'string' }, top: { type: 'string' } },
  });
  const given = positionals[0] ?? '/tmp/prof';
  const file = statSync(given).isDirectory() ? newestProfile(given) : given;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;

  const maps = new Map<string, SourceMap | null>();
  const mapFor = (url: string): SourceMap | null => {
    if (!maps.has(url)) {
      const path = url.startsWith('file://') ? fileURLToPath(url) : url;
      maps.set(
        url,
        existsSync(`${path}.map`) ? new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8'))) : null,
      );
    }
    return maps.get(url) ?? null;
  };
  const layerOfNode = new Map<number, string>();
  for (const node of profile.nodes) {
    const { url, lineNumber, columnNumber, functionName } = node.callFrame;
    let path = url.startsWith('file://') ? fileURLToPath(url) : url;
    // Only the bundled API: packages' own maps would move their frames out of node_modules.
    const map = url.includes('/dist/apps/api/') ? mapFor(url) : null;
    if (map) {
      const entry = map.findEntry(lineNumber, columnNumber) as { originalSource?: string };
      // webpack names sources relative to apps/api: ./src/… and ../../libs/domain/….
      if (entry.originalSource)
        path = posix.join('apps/api', entry.originalSource.replace(/^webpack:\/\/\/?/, ''));
    }
    layerOfNode.set(node.id, layerOf(path, functionName));
  }

  // timeDeltas[i] is the time before sample i; the time after it is the sample's own.
  const times: number[] = [];
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) times.push((at += profile.timeDeltas[i]));
  const own = (i: number) => profile.timeDeltas[i + 1] ?? 0;
  const isIdle = (i: number) => layerOfNode.get(profile.samples[i]) === 'idle';
  const [from, to] = values.last
    ? [profile.endTime - Number(values.last) * 1e6, profile.endTime]
    : busiestStretch(times, own, isIdle, profile.startTime);
  const micros = new Map<string, number>();
  // --top LAYER: that layer's costliest frames, to see what a row is made of.
  const frames = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  for (let i = 0; i < profile.samples.length; i++) {
    if (times[i] < from || times[i] >= to) continue;
    const layer = layerOfNode.get(profile.samples[i]) ?? 'other';
    micros.set(layer, (micros.get(layer) ?? 0) + own(i));
    if (layer === values.top) {
      const frame = byId.get(profile.samples[i]);
      const name = `${frame?.functionName || '(anonymous)'} ${frame?.url.replace(/.*node_modules\//, '')}:${frame?.lineNumber}`;
      frames.set(name, (frames.get(name) ?? 0) + own(i));
    }
  }
  const idle = micros.get('idle') ?? 0;
  micros.delete('idle');
  const busy = [...micros.values()].reduce((a, b) => a + b, 0);
  const requests = values.requests ? Number(values.requests) : null;
  const rows = [...micros.entries()].sort((a, b) => b[1] - a[1]);
  process.stdout.write(
    `${file}\n${((to - from) / 1e6).toFixed(1)} s profiled (${values.last ? 'the last seconds' : 'the longest busy stretch: the load'}), ${(busy / 1e6).toFixed(2)} s busy, ${(idle / 1e6).toFixed(2)} s idle${requests ? `, ${requests} requests` : ''}\n\n`,
  );
  process.stdout.write(
    `| layer | CPU ms${requests ? ' per request' : ''} | share of busy |\n|---|---|---|\n`,
  );
  for (const [layer, us] of rows) {
    const ms = requests ? (us / 1000 / requests).toFixed(3) : (us / 1000).toFixed(0);
    process.stdout.write(`| ${layer} | ${ms} | ${((us / busy) * 100).toFixed(1)}% |\n`);
  }
  const total = requests ? (busy / 1000 / requests).toFixed(3) : (busy / 1000).toFixed(0);
  process.stdout.write(`| **all** | **${total}** | 100% |\n`);
  if (values.top) {
    process.stdout.write(`\nCostliest frames in ${values.top}, ms in all:\n`);
    for (const [name, us] of [...frames.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20))
      process.stdout.write(`${(us / 1000).toFixed(0).padStart(6)}  ${name}\n`);
  }
}

main();
