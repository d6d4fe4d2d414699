import { register } from 'tsconfig-paths';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOCUMENT_THREAD_ENV, bundleDocumentThread } from './bundle-thread';
import { SNAPSHOT_ENV, SNAPSHOT_INITDB_ARGS } from './embedded-snapshot';
import { serverTestUrl } from './server-databases';

/**
 * Migrates once for the whole run: the server's template database, or an embedded database whose
 * data folder every test app then starts from.
 */
export default async function globalSetup(): Promise<void> {
  // Global setup runs outside Jest's module mapping, so teach Node the workspace's path aliases.
  const root = join(__dirname, '..', '..', '..');
  register({
    baseUrl: root,
    paths: {
      '@heard/domain': ['libs/domain/src/index.ts'],
      '@heard/migrations': ['migrations/index.ts'],
      '@heard/api/*': ['apps/api/src/*'],
    },
  });
  // Workers start after global setup and inherit its environment.
  process.env[DOCUMENT_THREAD_ENV] = await bundleDocumentThread();
  const { dumpEmbeddedDatabase, openDatabase } = await import('@heard/api/platform/database/database');
  const url = serverTestUrl();
  if (url) {
    const db = await openDatabase({ databaseUrl: url, pgliteDir: undefined });
    await db.destroy();
    return;
  }
  const db = await openDatabase({
    databaseUrl: null,
    pgliteDir: undefined,
    pgliteParts: { initDbStartParams: SNAPSHOT_INITDB_ARGS },
  });
  try {
    // Every test database is 'postgres'; nothing in the tests creates a database on PGlite, so the
    // two templates initdb makes are left out of the dump, halving what each test file loads.
    for (const template of ['template0', 'template1']) {
      await db.query(`ALTER DATABASE ${template} IS_TEMPLATE false`);
      await db.query(`DROP DATABASE ${template}`);
    }
    const snapshot = await dumpEmbeddedDatabase(db);
    const file = join(mkdtempSync(join(tmpdir(), 'heard-snapshot-')), 'pgdata.tar');
    writeFileSync(file, Buffer.from(await snapshot.arrayBuffer()));
    process.env[SNAPSHOT_ENV] = file;
  } finally {
    await db.destroy();
  }
}
