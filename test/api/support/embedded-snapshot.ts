import { readFileSync } from 'node:fs';

/**
 * On the embedded database, global setup migrates one PGlite and dumps its data folder to the file
 * named here; each test app starts from that copy instead of running initdb and every migration
 * again, which took 30 s and more per file on a busy machine. Files still never share rows.
 */
export const SNAPSHOT_ENV = 'HEARD_TEST_PGLITE_SNAPSHOT';

let cached: Blob | undefined;

/** The migrated data folder, or undefined when global setup made none (then each app migrates from empty). */
export function embeddedSnapshot(): Blob | undefined {
  const file = process.env[SNAPSHOT_ENV];
  if (!file) return undefined;
  cached ??= new Blob([readFileSync(file)]);
  return cached;
}
