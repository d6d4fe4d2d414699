import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';

/** Long enough for the busiest machine; a step that never comes still fails the test with its name. */
const PATIENCE_MS = 30_000;

/**
 * Waits, a turn of the event loop at a time, until `find` returns something. For steps a test
 * cannot await: a FileReader's tasks, IndexedDB's requests, the outbox's sends. They finish on their
 * own schedule, which a busy machine (or a long garbage collection) stretches, so the wait is
 * bounded by the clock and never by a fixed pause or a count of turns.
 */
export async function eventually<T>(find: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`Still waiting for ${what} after ${PATIENCE_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The one request `match` names, once it has been made; two of them fail the test. */
export function requestMade(
  http: HttpTestingController,
  match: Parameters<HttpTestingController['match']>[0],
): Promise<TestRequest> {
  return eventually(
    () => {
      const found = http.match(match);
      if (found.length > 1) throw new Error(`${found.length} requests to ${JSON.stringify(match)}`);
      return found[0];
    },
    `a request to ${JSON.stringify(match)}`,
  );
}
