import { HttpErrorResponse } from '@angular/common/http';

/**
 * Whether a request got no answer at all (status 0): the network, not the server, failed. The one
 * test for reading the day from the device: a 401, 404 or 5xx is the server's answer and stands.
 * Its own small file, because the shell's interceptor needs it before anything offline has loaded.
 */
export function noAnswer(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 0;
}

/**
 * Whether a failed save belongs in the outbox: no answer, or a browser that says it is offline
 * (whatever answer came, the outbox sends it again when there is signal).
 */
export function isOffline(error: unknown): boolean {
  return noAnswer(error) || (typeof navigator !== 'undefined' && navigator.onLine === false);
}
