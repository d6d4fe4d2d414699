import { TestEnvironment } from 'jest-environment-node';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  EMBEDDED_START_GLOBAL,
  EmbeddedStart,
  SNAPSHOT_ENV,
  TEST_PGLITE_SETTINGS,
} from './embedded-snapshot';

/**
 * Jest's node environment, plus what every embedded test database starts from, made once per
 * worker process and handed to each test file: the migrated snapshot (read once instead of per
 * file), PGlite's file bundle (read once instead of per file). This module lives outside the per-file sandbox, so it outlives each file.
 * Each file still starts its own PGlite from the snapshot: files never share rows.
 */
let prepared: Promise<EmbeddedStart> | undefined;

/**
 * A Blob over bytes held once per worker, handed out without copying: PGlite only reads a
 * snapshot or file bundle (its file system takes its own copy of each file), and Node's own
 * Blob would copy all of it, in chunks, for every test file that starts a database.
 */
class SharedBytes extends Blob {
  constructor(private readonly content: ArrayBuffer) {
    super([]);
  }

  override get size(): number {
    return this.content.byteLength;
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.content);
  }
}

function readBytes(file: string): SharedBytes {
  const buffer = readFileSync(file);
  return new SharedBytes(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
}

async function prepare(): Promise<EmbeddedStart> {
  const dist = dirname(require.resolve('@electric-sql/pglite'));
  const snapshotFile = process.env[SNAPSHOT_ENV];
  const start: EmbeddedStart = {
    snapshot: snapshotFile ? readBytes(snapshotFile) : undefined,
    parts: {
      // Compiling PostgreSQL's 9 MB of WebAssembly is most of a database's start (on V8's
      // background threads, which a loaded machine starves); done once here, each file only
      // instantiates it.
      pgliteWasmModule: await WebAssembly.compile(readFileSync(join(dist, 'pglite.wasm'))),
      fsBundle: readBytes(join(dist, 'pglite.data')),
      settings: TEST_PGLITE_SETTINGS,
    },
  };
  await warmUp(start);
  return start;
}

/**
 * Starts and stops one database the way every file will, once per worker. V8 compiles hot
 * WebAssembly functions again, optimised, after first use, and that code belongs to the module
 * compiled above, so every later start in this worker gets it; without this the worker's first
 * file paid for it in its own set-up (about 2 s of CPU against 0.8 s for the files after it).
 */
async function warmUp(start: EmbeddedStart): Promise<void> {
  // Plain requires: Jest loads this module outside its transform, so it cannot import the app's
  // TypeScript (openPGlite). The settings only size memory; the code that runs is the same.
  const { PGlite } = require('@electric-sql/pglite') as typeof import('@electric-sql/pglite');
  const { pg_trgm } =
    require('@electric-sql/pglite/contrib/pg_trgm') as typeof import('@electric-sql/pglite/contrib/pg_trgm');
  const db = await PGlite.create({
    pgliteWasmModule: start.parts.pgliteWasmModule,
    fsBundle: start.parts.fsBundle,
    loadDataDir: start.snapshot,
    extensions: { pg_trgm },
  });
  await db.query("SELECT similarity('heard', 'herd'), count(*) FROM schema_migrations");
  await db.close();
}

/**
 * The module compiled above comes from this realm, and PGlite's loader, running in the test
 * file's realm, asks `binary instanceof WebAssembly.Module` before reading its sections, which a
 * module from another realm fails. Every WebAssembly API takes such a module (V8 checks what it
 * is, not its realm), so the file's WebAssembly.Module is taught to recognise this realm's too.
 * Only that answer changes: tables, memories and errors stay the file's own (replacing the whole
 * WebAssembly object made PGlite's `err instanceof TypeError` fail while loading pg_trgm).
 */
function acceptSharedWasmModules(fileWebAssembly: typeof WebAssembly): void {
  const FileModule = fileWebAssembly.Module;
  if (FileModule === WebAssembly.Module) return;
  Object.defineProperty(FileModule, Symbol.hasInstance, {
    value: (value: unknown) =>
      Function.prototype[Symbol.hasInstance].call(FileModule, value) || value instanceof WebAssembly.Module,
  });
}

export default class HeardApiEnvironment extends TestEnvironment {
  override async setup(): Promise<void> {
    await super.setup();
    // On the PostgreSQL server path each file clones the template database instead.
    if (process.env['TEST_DATABASE_URL']) return;
    acceptSharedWasmModules(this.global['WebAssembly'] as typeof WebAssembly);
    prepared ??= prepare();
    this.global[EMBEDDED_START_GLOBAL] = await prepared;
  }
}
