import { DataSource } from 'typeorm';
import { sha256 } from '../../platform/auth/tokens';

const WINDOW_MINUTES = 15;

/**
 * Counts sign-in attempts per client address in a 15-minute window, in the database so every API
 * process shares the count. The address is stored hashed.
 */
export async function countLoginAttempt(
  db: DataSource,
  clientAddress: string,
): Promise<{ attempts: number; retryAfterSeconds: number }> {
  const rows: { attempts: number; retry_after: number }[] = await db.query(
    `INSERT INTO login_throttle AS t (key, window_started_at, attempts) VALUES ($1, now(), 1)
     ON CONFLICT (key) DO UPDATE SET
       attempts = CASE WHEN t.window_started_at < now() - make_interval(mins => $2) THEN 1 ELSE t.attempts + 1 END,
       window_started_at = CASE WHEN t.window_started_at < now() - make_interval(mins => $2) THEN now() ELSE t.window_started_at END
     RETURNING attempts,
       GREATEST(1, CEIL(EXTRACT(EPOCH FROM (window_started_at + make_interval(mins => $2) - now()))))::int AS retry_after`,
    [sha256(`login:${clientAddress}`), WINDOW_MINUTES],
  );
  return { attempts: rows[0].attempts, retryAfterSeconds: rows[0].retry_after };
}
