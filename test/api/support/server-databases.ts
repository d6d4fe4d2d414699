import { Client } from 'pg';

/**
 * On the PostgreSQL server, TEST_DATABASE_URL names a database made for this run. Global setup
 * migrates it once; each test file then gets its own copy (CREATE DATABASE … TEMPLATE), which is
 * far quicker than migrating again, and files never see each other's rows.
 */
export function serverTestUrl(): string | null {
  return process.env['TEST_DATABASE_URL'] || null;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return new URL(url).pathname.slice(1);
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function cloneTemplate(url: string, copyName: string): Promise<string> {
  await adminQuery(url, `CREATE DATABASE "${copyName}" TEMPLATE "${databaseName(url)}"`);
  return withDatabase(url, copyName);
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

export async function copiesOf(url: string): Promise<string[]> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    const result = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${databaseName(url)}\\_f\\_%`],
    );
    return result.rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}
