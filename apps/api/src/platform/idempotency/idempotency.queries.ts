import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** How long a key is kept: a retry after a dropped answer comes within minutes, a day is ample. */
export const IDEMPOTENCY_KEY_HOURS = 24;

/** Who sent a key and what with: the row's identity and what a retry must match. */
export interface KeyClaim {
  principal: string;
  key: string;
  method: string;
  route: string;
  fingerprint: string;
}

/** A key as stored; statusCode is null while the create it guards is in flight. */
export interface StoredKey {
  fingerprint: string;
  statusCode: number | null;
  body: unknown;
}

/** The key's row, if it is younger than the keeping period; an older one is deleted first. */
export async function storedKey(db: DataSource, principal: string, key: string): Promise<StoredKey | null> {
  await db.query(
    `DELETE FROM idempotency_keys
      WHERE principal = $1 AND key = $2 AND created_at < now() - make_interval(hours => $3)`,
    [principal, key, IDEMPOTENCY_KEY_HOURS],
  );
  const [row]: StoredKey[] = await db.query(
    `SELECT request_fingerprint AS fingerprint, status_code AS "statusCode", response_body AS body
       FROM idempotency_keys WHERE principal = $1 AND key = $2`,
    [principal, key],
  );
  return row ?? null;
}

/**
 * Claims the key in the create's own transaction. The primary key decides between concurrent
 * sends: a second INSERT waits for the first transaction, and finds the row once it commits.
 * False when another request holds the key.
 */
export async function claimKey(runner: QueryRunner, c: KeyClaim): Promise<boolean> {
  const rows: unknown[] = await runner.query(
    `INSERT INTO idempotency_keys (principal, key, method, route, request_fingerprint)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (principal, key) DO NOTHING RETURNING key`,
    [c.principal, c.key, c.method, c.route, c.fingerprint],
  );
  return rows.length > 0;
}

/** Records the answer under the key: on the claimed row, or a new row for a create that made no transaction. */
export async function storeAnswer(
  db: DataSource,
  c: KeyClaim,
  statusCode: number,
  body: unknown,
): Promise<void> {
  await db.query(
    `INSERT INTO idempotency_keys (principal, key, method, route, request_fingerprint, status_code, response_body, answered_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::json, now())
     ON CONFLICT (principal, key) DO UPDATE SET status_code = EXCLUDED.status_code,
       response_body = EXCLUDED.response_body, answered_at = EXCLUDED.answered_at
     WHERE idempotency_keys.status_code IS NULL
       AND idempotency_keys.request_fingerprint = EXCLUDED.request_fingerprint`,
    [c.principal, c.key, c.method, c.route, c.fingerprint, statusCode, JSON.stringify(body ?? null)],
  );
}

/** Deletes every key older than the keeping period; the interceptor calls it now and then. */
export async function sweepExpiredKeys(db: DataSource): Promise<void> {
  await db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [
    IDEMPOTENCY_KEY_HOURS,
  ]);
}

/** Gives a claim back when its request was refused after the claim committed, so a corrected retry can run. */
export async function releaseKey(db: DataSource, c: KeyClaim): Promise<void> {
  await db.query(`DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND status_code IS NULL`, [
    c.principal,
    c.key,
  ]);
}

/**
 * Erasure: forgets every stored answer that names the young person (by id, as every answer about
 * one does) and every key their own account sent. A retry after this is a new request.
 */
export async function forgetKeysAbout(
  em: EntityManager,
  youngPersonId: string,
  accountId: string | null,
): Promise<void> {
  await em.query(`DELETE FROM idempotency_keys WHERE strpos(response_body::text, $1) > 0 OR principal = $2`, [
    youngPersonId,
    accountId ?? '',
  ]);
}
