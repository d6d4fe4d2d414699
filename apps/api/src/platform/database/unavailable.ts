/**
 * Whether an error means the database cannot be reached right now (down, restarting, refusing
 * connections, or the connection was cut), as opposed to a fault in the query or in our code.
 * Those get 503 with Retry-After instead of 500: nothing is wrong with the request, and trying
 * again later will work.
 */

/** Socket failures from Node while connecting or talking to the server. */
const NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * SQLSTATEs that say the server, not the statement, is the problem: class 08 (connection
 * exception), 57P01-57P03 (shut down by an administrator, crash, cannot connect now), 53300 (too
 * many connections) and 3D000 (the database is gone).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300|3D000)$/;

/** Messages node-postgres and PGlite give without a code. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed|not currently accepting connections|PGlite is closed|the database system is (starting up|shutting down|in recovery mode)/i;

const MAX_CHAIN = 5;

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let i = 0; i < MAX_CHAIN && current !== null && typeof current === 'object'; i++) {
    const e = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || UNAVAILABLE_SQLSTATE.test(e.code)))
      return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
    // TypeORM wraps the driver's error in QueryFailedError.driverError; Node uses `cause`.
    current = e.driverError ?? e.cause;
  }
  return false;
}

/** Seconds a client should wait before asking again. Long enough for a restart or a fail-over. */
export const DATABASE_RETRY_AFTER_SECONDS = 30;
