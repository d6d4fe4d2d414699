import { readFileSync } from 'node:fs';
import type { PGliteParts } from '@heard/api/platform/database/pglite-pool';

/**
 * On the embedded database, global setup migrates one PGlite and dumps its data folder to the file
 * named here; each test app starts from that copy instead of running initdb and every migration
 * again, which took 30 s and more per file on a busy machine. Files still never share rows.
 */
export const SNAPSHOT_ENV = 'HEARD_TEST_PGLITE_SNAPSHOT';

/** Global setup makes the snapshot with 1 MB WAL segments instead of 16 MB: a smaller dump to load. */
export const SNAPSHOT_INITDB_ARGS = ['--wal-segsize=1'];

/**
 * Each test file's database holds a few hundred rows: a 16 MB buffer pool is plenty, and starts in
 * a fifth of the time of the default 128 MB (see PGliteParts.settings).
 */
export const TEST_PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '16MB',
  wal_buffers: '1MB',
};

/**
 * Where the test environment (environment.ts) leaves what it prepared once per Jest worker, for
 * every test file that worker runs; see EmbeddedStart.
 */
export const EMBEDDED_START_GLOBAL = '__heardEmbeddedStart';

/**
 * What each embedded test database starts from. Jest gives every test file fresh globals and
 * modules, so kept in a module here, the snapshot would be read and PGlite's WebAssembly compiled
 * again for each file; the worker-wide test environment makes them once instead.
 */
export interface EmbeddedStart {
  snapshot: Blob | undefined;
  parts: PGliteParts;
}

let cached: EmbeddedStart | undefined;

/** The migrated data folder and PGlite's prepared parts (outside the test environment: read here). */
export function embeddedStart(): EmbeddedStart {
  const prepared = (globalThis as Record<string, unknown>)[EMBEDDED_START_GLOBAL] as
    | EmbeddedStart
    | undefined;
  if (prepared) return prepared;
  const file = process.env[SNAPSHOT_ENV];
  cached ??= {
    snapshot: file ? new Blob([readFileSync(file)]) : undefined,
    parts: { settings: TEST_PGLITE_SETTINGS },
  };
  return cached;
}

/** The migrated data folder, or undefined when global setup made none (then each app migrates from empty). */
export function embeddedSnapshot(): Blob | undefined {
  return embeddedStart().snapshot;
}
