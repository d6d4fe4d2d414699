import { EventEmitter } from 'node:events';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * A `pg`-shaped pool over one PGlite instance, for TypeORM's postgres driver.
 *
 * PGlite is a single connection. TypeORM assumes each query runner has a connection of its own,
 * so two overlapping transactions on a shared connection would interleave their statements
 * (one request's COMMIT committing another's half-done work). This pool hands the connection to
 * one holder at a time and queues the rest, which gives each transaction real isolation.
 * See docs/decisions/0002-embedded-postgres.md for why typeorm-pglite's pool is not used.
 */

interface PgLikeResult {
  rows: unknown[];
  rowCount: number;
  command: string;
  fields: { name: string; dataTypeID: number }[];
}

type Callback<T> = (error: Error | null, result?: T) => void;

/** How long a caller may wait for the connection before we call it a deadlock rather than hang for ever. */
const ACQUIRE_TIMEOUT_MS = 30_000;

/** One holder of the embedded database's single connection at a time, in the order they asked. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly timeoutMs = ACQUIRE_TIMEOUT_MS) {}

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    let timer: NodeJS.Timeout | undefined;
    let gaveUp = false;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        gaveUp = true;
        reject(
          new Error(
            `Waited ${this.timeoutMs / 1000} s for the embedded database. Usually a query outside a transaction was made while that transaction was open: pass its EntityManager.`,
          ),
        );
      }, this.timeoutMs);
      timer.unref();
    });
    // A caller that gave up keeps its place in the queue: when its turn comes it passes the
    // connection straight on, or every caller after it would wait for ever.
    void ready.then((mine) => {
      if (gaveUp) mine();
    });
    return Promise.race([ready, timeout]).finally(() => clearTimeout(timer));
  }
}

function commandOf(sql: string): string {
  const match = /^\s*(?:--[^\n]*\n\s*)*(\w+)/.exec(sql);
  return match ? match[1].toUpperCase() : '';
}

class PGliteClient extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  async query(sql: string, params?: unknown[] | Callback<PgLikeResult>, cb?: Callback<PgLikeResult>) {
    const callback = typeof params === 'function' ? params : cb;
    const values = Array.isArray(params) ? params : [];
    try {
      // exec runs several statements (migrations); query runs one with parameters.
      const raw =
        values.length > 0
          ? await this.db.query(sql, values)
          : ((await this.db.exec(sql)).at(-1) ?? { rows: [], fields: [], affectedRows: 0 });
      const result: PgLikeResult = {
        rows: raw.rows,
        rowCount: raw.affectedRows ?? raw.rows.length,
        command: commandOf(sql),
        fields: raw.fields,
      };
      callback?.(null, result);
      return result;
    } catch (error) {
      callback?.(error as Error);
      throw error;
    }
  }
}

export interface PGliteHandle {
  db: PGlite;
  /** The constructor TypeORM's `driver.Pool` expects. */
  driver: { Pool: new () => EventEmitter };
}

/**
 * What a process that starts many PGlites (the integration tests: one per test file) can prepare
 * once: the compiled PostgreSQL module and its file bundle, which each instance otherwise reads
 * and compiles again; and arguments for initdb (tests make smaller WAL segments, so the dumped
 * data folder every test file loads is half the size).
 */
export interface PGliteParts {
  pgliteWasmModule?: WebAssembly.Module;
  fsBundle?: Blob;
  initDbStartParams?: string[];
  /**
   * Server settings (`-c name=value`) on top of PGlite's own start parameters. Tests give a small
   * buffer pool: PostgreSQL zeroes its whole shared memory on every start (145 MB by default), and
   * on a busy machine that was half of a test file's database start.
   */
  settings?: Readonly<Record<string, string>>;
}

/**
 * `snapshot` is a data folder from `dumpDataDir()` to start from; PGlite then skips initdb, which
 * is most of its start-up time.
 */
export async function openPGlite(
  dataDir: string | undefined,
  snapshot?: Blob,
  parts: PGliteParts = {},
): Promise<PGliteHandle> {
  const { settings, ...prepared } = parts;
  const db = await PGlite.create({
    ...prepared,
    ...(settings
      ? {
          startParams: [
            ...PGlite.defaultStartParams,
            ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
          ],
        }
      : {}),
    dataDir,
    loadDataDir: snapshot,
    // The same extensions the migrations create on a PostgreSQL server.
    extensions: { pg_trgm },
    // Match node-postgres: int8 and numeric as strings, dates as 'YYYY-MM-DD' (see database.ts).
    parsers: {
      [types.INT8]: (v: string) => v,
      [types.NUMERIC]: (v: string) => v,
      [types.DATE]: (v: string) => v,
    },
  });
  const mutex = new Mutex();
  const client = new PGliteClient(db);

  class PGlitePool extends EventEmitter {
    connect(
      callback: (error: Error | null, client: PGliteClient | null, release: (err?: Error) => void) => void,
    ) {
      mutex.acquire().then(
        (release) => {
          let released = false;
          callback(null, client, () => {
            if (!released) {
              released = true;
              release();
            }
          });
        },
        (error: Error) => callback(error, null, () => undefined),
      );
    }

    end(callback?: (error: Error | null) => void) {
      db.close().then(
        () => callback?.(null),
        (error: Error) => callback?.(error),
      );
    }
  }

  return { db, driver: { Pool: PGlitePool } };
}
