import { HttpErrorResponse } from '@angular/common/http';

/**
 * Whether a failed request means the device had no signal: no answer at all, or a browser that
 * says it is offline. Its own small file, because the shell's interceptor needs it before anything
 * offline has loaded.
 */
export function isOffline(error: unknown): boolean {
  return (
    (error instanceof HttpErrorResponse && error.status === 0) ||
    (typeof navigator !== 'undefined' && navigator.onLine === false)
  );
}
