import type { PGlite } from '@electric-sql/pglite';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { types as pgTypes } from 'pg';
import { DataSource, DataSourceOptions, EntityManager, Logger } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { MIGRATIONS } from '@heard/migrations';
import { ENTITIES } from './entities';
import { PGliteHandle, PGliteParts, openPGlite } from './pglite-pool';

const PG_DATE_OID = 1082;
// Dates without a time (date of birth, activity dates) stay 'YYYY-MM-DD' strings: turning them into
// JavaScript Dates at local midnight shifts them a day in some time zones.
pgTypes.setTypeParser(PG_DATE_OID, (value: string) => value);

/** Settings every connection to a PostgreSQL server starts with (libpq's `options`). */
export const SESSION_SETTINGS = '-c jit=off';

export interface DatabaseTarget {
  /** A postgres:// URL, or null for the embedded database. */
  databaseUrl: string | null;
  /** Folder for the embedded database's files; undefined keeps it in memory (tests). */
  pgliteDir: string | undefined;
  /** A dumped embedded data folder to start from instead of an empty one (tests: an already-migrated copy). */
  pgliteSnapshot?: Blob;
  /** Parts of PGlite made once and reused by every instance (tests start many per process). */
  pgliteParts?: PGliteParts;
}

export class DatabaseUnavailableError extends Error {}

// The PGlite behind each embedded DataSource, so it can be dumped; TypeORM keeps it out of reach.
const embeddedInstances = new WeakMap<DataSource, PGlite>();

export function embeddedDataDir(dataDir: string): string {
  return join(dataDir, 'pglite');
}

/** Opens the database and brings its schema up to date. Never `synchronize`: the schema is the migrations. */
export async function openDatabase(
  target: DatabaseTarget,
  options: { runMigrations?: boolean; logger?: Logger } = {},
) {
  const common: Pick<
    PostgresConnectionOptions,
    'type' | 'entities' | 'migrations' | 'migrationsTableName' | 'synchronize' | 'migrationsRun' | 'logging'
  > = {
    type: 'postgres',
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
  };

  let dataSourceOptions: DataSourceOptions;
  let embedded: PGliteHandle | null = null;
  if (target.databaseUrl) {
    dataSourceOptions = {
      ...common,
      url: target.databaseUrl,
      poolSize: 10,
      connectTimeoutMS: 5000,
      applicationName: 'heard',
      // Heard's heaviest reads (a year's figures, a report's draft) take a few hundred ms; JIT's
      // compiling cost more than it saved on each of them (ADR 0037), so its connections go without.
      extra: { options: SESSION_SETTINGS },
    };
  } else {
    if (target.pgliteDir) mkdirSync(target.pgliteDir, { recursive: true });
    embedded = await openPGlite(target.pgliteDir, target.pgliteSnapshot, target.pgliteParts);
    dataSourceOptions = {
      ...common,
      driver: embedded.driver,
      // PGlite has no uuid-ossp; gen_random_uuid() is built in from PostgreSQL 13.
      uuidExtension: 'pgcrypto',
      installExtensions: false,
    };
  }

  const dataSource = new DataSource(
    options.logger ? { ...dataSourceOptions, logger: options.logger, logging: true } : dataSourceOptions,
  );
  if (embedded) embeddedInstances.set(dataSource, embedded.db);
  try {
    await dataSource.initialize();
  } catch (error) {
    const where = target.databaseUrl
      ? redactUrl(target.databaseUrl)
      : `the embedded database in ${target.pgliteDir}`;
    throw new DatabaseUnavailableError(`Heard cannot reach ${where}: ${(error as Error).message}`);
  }
  if (options.runMigrations !== false) {
    await dataSource.runMigrations({ transaction: 'each' });
  }
  return dataSource;
}

/**
 * The embedded database's data folder as a tarball, for `pgliteSnapshot`. A checkpoint first, so a
 * copy started from it has no write-ahead log to replay.
 */
export async function dumpEmbeddedDatabase(dataSource: DataSource): Promise<Blob> {
  const pglite = embeddedInstances.get(dataSource);
  if (!pglite) throw new Error('Only the embedded database can be dumped.');
  await dataSource.query('CHECKPOINT');
  return pglite.dumpDataDir('none');
}

/** The PGlite under an embedded DataSource (undefined on a server): tests close it to take the database away. */
export function embeddedPGlite(dataSource: DataSource): PGlite | undefined {
  return embeddedInstances.get(dataSource);
}

/** Keeps passwords out of messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

interface NamedStatementPool {
  query<T>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
}

/**
 * Runs a read as a named prepared statement on PostgreSQL, so each connection parses and plans it
 * once instead of on every request: for the hot paths (the session lookup, list pages), where
 * planning cost more than running. PGlite runs it as a plain query. The name comes from the text,
 * so only use it for queries built from a bounded set of fragments (never inline values or lists):
 * each distinct text is kept per connection. Not for use inside a transaction (it takes its own
 * connection).
 */
export async function queryPrepared<T>(db: DataSource, text: string, values: unknown[]): Promise<T[]> {
  const embedded = (db.options as PostgresConnectionOptions).driver !== undefined;
  if (embedded) return db.query(text, values);
  // DataSource.query would have logged it: query counts in tests must not depend on the database.
  db.logger.logQuery(text, values);
  const name = `heard_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  const pool = (db.driver as unknown as { master: NamedStatementPool }).master;
  return (await pool.query<T>({ name, text, values })).rows;
}

/**
 * queryPrepared when `em` is the DataSource's own manager; inside a transaction (a manager with its
 * own query runner) the read must see the transaction's writes, so it runs there as a plain query.
 * For reads shared by a request's hot path and a write that lists what it just wrote.
 */
export function readPrepared<T>(em: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  return em.queryRunner ? em.query(text, values) : queryPrepared<T>(em.connection, text, values);
}
