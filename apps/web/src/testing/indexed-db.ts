/**
 * The browser storage the offline outbox needs, in a component or service test: imported first,
 * before anything that opens IndexedDB.
 */
import 'fake-indexeddb/auto';
import { deserialize, serialize } from 'node:v8';

// jsdom has no structuredClone, which IndexedDB uses to store a value; Node's own does the same work.
globalThis.structuredClone ??= <T>(value: T): T => deserialize(serialize(value)) as T;

/** IndexedDB answers on its own schedule: a few turns of the event loop let its requests finish. */
export async function indexedDbTurns(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** What `navigator.onLine` says, as when the phone loses and finds its signal. */
export function setOffline(off: boolean): void {
  if (off) Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
  else Reflect.deleteProperty(navigator, 'onLine');
}
