import {
  SignInDelayPolicy,
  SignInDelayState,
  addressSignInDelay,
  afterSignInFailure,
  secondsUntilNextTry,
} from '@heard/domain';
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

/**
 * The slow-down per client address that every way of signing in shares (password, passkey, a
 * young expert's code): guesses from one address are counted together, whichever way they come.
 */
export function addressClaim(
  clientAddress: string,
  freeFailures: number,
): { key: string; policy: SignInDelayPolicy } {
  return { key: addressDelayKey(clientAddress), policy: addressSignInDelay(freeFailures) };
}

type Db = DataSource | EntityManager;

/**
 * Claims one try under each key, atomically, before the password or code is checked: refused with
 * the longest wait (nothing written), or counted as a failure in advance. The keys' rows are locked
 * for the claim only, never while argon2 runs, so parallel guesses queue for an instant and each
 * sees the one before; a check-then-record would let a burst of guesses all pass while the count
 * is still 0. A try that turns out right is forgiven (`forgiveTry`) or cleared (`clearDelay`).
 */
export async function claimTry(
  db: DataSource,
  claims: { key: string; policy: SignInDelayPolicy }[],
  now: Date,
): Promise<number> {
  // Always the same order, so two claims over the same keys cannot deadlock.
  const ordered = [...claims].sort((a, b) => a.key.localeCompare(b.key));
  return db.transaction(async (em) => {
    const states: SignInDelayState[] = [];
    for (const { key } of ordered) {
      // One statement that inserts or locks, and always returns the row. An insert that did nothing
      // followed by SELECT … FOR UPDATE found no row when a right try cleared the count in between
      // (clearDelay, or the retention sweep): of two uses of one code at once, the loser got a 500.
      const [row]: { failures: number; last_failure_at: Date }[] = await em.query(
        `INSERT INTO sign_in_delays AS d (key, failures, last_failure_at) VALUES ($1, 0, $2)
         ON CONFLICT (key) DO UPDATE SET failures = d.failures
         RETURNING failures, last_failure_at`,
        [key, now],
      );
      states.push({ failures: row.failures, lastFailureAt: new Date(row.last_failure_at) });
    }
    const wait = Math.max(0, ...ordered.map((c, i) => secondsUntilNextTry(states[i], now, c.policy)));
    if (wait > 0) return wait;
    for (const [i, { key, policy }] of ordered.entries()) {
      const next = afterSignInFailure(states[i], now, policy);
      await em.query(`UPDATE sign_in_delays SET failures = $2, last_failure_at = $3 WHERE key = $1`, [
        key,
        next.failures,
        next.lastFailureAt,
      ]);
    }
    return 0;
  });
}

/** Takes back the failure a claim counted in advance, for a try that was right. */
export async function forgiveTry(db: Db, key: string): Promise<void> {
  await db.query(`UPDATE sign_in_delays SET failures = GREATEST(failures - 1, 0) WHERE key = $1`, [key]);
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
