import { SignInDelayPolicy, SignInDelayState, afterSignInFailure, secondsUntilNextTry } from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { sha256 } from '../../platform/auth/tokens';

/**
 * The keys a sign-in is counted under, hashed so the table holds neither emails nor addresses.
 * The account key is the email as typed (lower case), not a user id: an unknown email is counted
 * exactly like a known one, so the answers cannot tell them apart.
 */
export function accountDelayKey(email: string): string {
  return sha256(`sign-in:email:${email.trim().toLowerCase()}`);
}

export function addressDelayKey(clientAddress: string): string {
  return sha256(`sign-in:address:${clientAddress}`);
}

type Db = DataSource | EntityManager;

async function stateOf(db: Db, key: string): Promise<SignInDelayState> {
  const rows: { failures: number; last_failure_at: Date }[] = await db.query(
    `SELECT failures, last_failure_at FROM sign_in_delays WHERE key = $1`,
    [key],
  );
  return rows[0]
    ? { failures: rows[0].failures, lastFailureAt: new Date(rows[0].last_failure_at) }
    : { failures: 0, lastFailureAt: null };
}

/** Seconds the caller must still wait under `key`; 0 means the try may go ahead. */
export async function delayFor(db: Db, key: string, now: Date, policy: SignInDelayPolicy): Promise<number> {
  return secondsUntilNextTry(await stateOf(db, key), now, policy);
}

/**
 * Counts one wrong password under `key`. Read-then-write: two failures at the same instant may be
 * counted as one, which only makes the slow-down a little gentler; it never locks anyone out.
 */
export async function recordFailure(
  db: Db,
  key: string,
  now: Date,
  policy: SignInDelayPolicy,
): Promise<void> {
  const next = afterSignInFailure(await stateOf(db, key), now, policy);
  await db.query(
    `INSERT INTO sign_in_delays (key, failures, last_failure_at) VALUES ($1, $2, $3)
     ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures, last_failure_at = EXCLUDED.last_failure_at`,
    [key, next.failures, next.lastFailureAt],
  );
}

/** Forgets the count under `key`: after a right password, a reset, or when an administrator lifts it. */
export async function clearDelay(db: Db, key: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`DELETE FROM sign_in_delays WHERE key = $1 RETURNING key`, [key]);
  return rows.length > 0;
}

/**
 * Counts requests per key in a fixed window, in the database so every API process shares the count
 * (used for "forgotten your password?" requests). The key is stored hashed.
 */
export async function countInWindow(
  db: DataSource,
  key: string,
  windowMinutes: number,
): Promise<{ attempts: number; retryAfterSeconds: number }> {
  const rows: { attempts: number; retry_after: number }[] = await db.query(
    `INSERT INTO login_throttle AS t (key, window_started_at, attempts) VALUES ($1, now(), 1)
     ON CONFLICT (key) DO UPDATE SET
       attempts = CASE WHEN t.window_started_at < now() - make_interval(mins => $2) THEN 1 ELSE t.attempts + 1 END,
       window_started_at = CASE WHEN t.window_started_at < now() - make_interval(mins => $2) THEN now() ELSE t.window_started_at END
     RETURNING attempts,
       GREATEST(1, CEIL(EXTRACT(EPOCH FROM (window_started_at + make_interval(mins => $2) - now()))))::int AS retry_after`,
    [sha256(key), windowMinutes],
  );
  return { attempts: rows[0].attempts, retryAfterSeconds: rows[0].retry_after };
}
