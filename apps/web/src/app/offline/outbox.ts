import { HttpClient, HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { DestroyRef, Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import {
  HEARD_RECORDED_AT_HEADER,
  OUTBOX_STATES_NEEDING_YOU,
  type OutboxAnswer,
  type OutboxCounts,
  type OutboxState,
  outboxStepFor,
} from '@heard/domain';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { firstValueFrom } from 'rxjs';
import { SessionService } from '../core/session.service';

/** A change kept on the device until the server has answered it (docs/offline.md, ADR 0031). */
export interface OutboxChange {
  /** Made on the device, so the change can be found again whichever tab looks. */
  id: string;
  method: 'POST' | 'PUT';
  url: string;
  body: unknown;
  /** The same on every try, so a change the server already has is stored once (ADR 0025). */
  idempotencyKey: string;
  /** When the officer made it, on the device's clock (Heard-Recorded-At). */
  recordedAt: string;
  state: OutboxState;
  /** The officer's words for it ("Robin Fictional: came"), shown while it waits or needs them. */
  label: string;
  /** Whom it is about (a young person's id), so the page can show their mark as not sent yet. */
  about: string;
  /**
   * Who made it (their user id). A shared device may be signed in as another officer later: only
   * the officer who made a change sends it, sees it or is told about it.
   */
  madeBy: string;
  /** The server's words when it was not stored as it was. */
  detail: string | null;
  outcome: string | null;
  /** The server's id for a change it kept aside for the officer to decide. */
  heldChangeId: string | null;
}

/** What a page hands over: the request it would have made, and its words. */
export interface OutboxRequest {
  method: 'POST' | 'PUT';
  url: string;
  body: unknown;
  label: string;
  about: string;
}

/** The queue as stored: the auto-numbered key keeps the order the changes were made in. */
type Stored = OutboxChange & { seq?: number };

interface OutboxDb extends DBSchema {
  changes: { key: number; value: Stored; indexes: { id: string } };
}

export const OUTBOX_DB = 'heard-outbox';
const STORE = 'changes';
/** How long to wait before trying again after a send found no answer (a spec makes it short). */
export const OUTBOX_RETRY_MS = new InjectionToken<number>('How long before the outbox tries again', {
  providedIn: 'root',
  factory: () => 15_000,
});
/** One sender on the device: each tab asks for this lock and only the holder sends. */
const LOCK = 'heard-outbox-sender';

function openOutbox(): Promise<IDBPDatabase<OutboxDb>> {
  return openDB<OutboxDb>(OUTBOX_DB, 1, {
    upgrade(db) {
      db.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true }).createIndex('id', 'id', {
        unique: true,
      });
    },
  });
}

/** A string the server put in its answer (`heldChangeId`, or the `id` of what it created). */
function answerField(body: unknown, field: 'heldChangeId' | 'id'): string | null {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : null;
  return typeof value === 'string' ? value : null;
}

/** Whether a failed save means the device had no signal, so the change belongs in the outbox. */
export { isOffline } from './is-offline';

/**
 * The outbox: changes made without signal, kept in IndexedDB in the order they were made and sent
 * in that order when the device is online again. Each answer is read by `outboxStepFor`; a change
 * the server did not store is kept with its words until the officer has seen it.
 */
@Injectable({ providedIn: 'root' })
export class Outbox {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionService);
  private db: Promise<IDBPDatabase<OutboxDb>> | null = null;
  /** A browser without IndexedDB (or a test without one) keeps nothing: pages save as they always did. */
  readonly available = typeof indexedDB !== 'undefined';
  private running: Promise<void> | null = null;
  private started = false;

  /** The signed-in officer's changes on the device, oldest first. */
  readonly changes = signal<OutboxChange[]>([]);
  /**
   * The server's id for what a change sent from this tab created (a 201's `id`), by the change's id: a sent change
   * leaves the device, and a page may still need to point at what it made (a worry about an evaluation).
   */
  readonly createdIds = signal<Readonly<Record<string, string>>>({});
  private readonly sending = signal(false);
  private readonly sent = signal(0);
  private readonly signInAgain = signal(false);

  readonly counts = computed<OutboxCounts>(() => {
    const changes = this.changes();
    return {
      waiting: changes.filter((c) => c.state === 'waiting').length,
      needYou: changes.filter((c) => OUTBOX_STATES_NEEDING_YOU.includes(c.state)).length,
      sent: this.sent(),
      sending: this.sending(),
      signInAgain: this.signInAgain(),
    };
  });

  constructor() {
    // The connection stays open for the page's life: a send still running may need it to the end.
    inject(DestroyRef).onDestroy(() => {
      if (typeof window !== 'undefined') window.removeEventListener('online', this.whenOnline);
      if (this.retry !== null) clearTimeout(this.retry);
    });
  }

  private retry: ReturnType<typeof setTimeout> | null = null;
  private readonly retryMs = inject(OUTBOX_RETRY_MS);

  /**
   * Tries again a little later after a send found no answer: on one bar of signal the browser
   * still says it is online, so no "online" event would come to start the next run.
   */
  private retryLater(): void {
    if (this.retry !== null) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.send();
    }, this.retryMs);
  }

  private readonly whenOnline = () => void this.send();

  /** On app start for a signed-in officer: shows what is kept, sends it, and sends again when online. */
  start(): Promise<void> {
    if (!this.available) return Promise.resolve();
    if (!this.started && typeof window !== 'undefined') {
      this.started = true;
      window.addEventListener('online', this.whenOnline);
    }
    return this.send();
  }

  private database(): Promise<IDBPDatabase<OutboxDb>> {
    this.db ??= openOutbox();
    return this.db;
  }

  /** Keeps a change made without signal; it is sent on the next run (online again, app start, "Send now"). */
  async add(request: OutboxRequest): Promise<OutboxChange> {
    const madeBy = this.session.user()?.id;
    if (!madeBy) throw new Error('Sign in again to keep changes on this device.');
    const change: OutboxChange = {
      ...request,
      madeBy,
      id: crypto.randomUUID(),
      idempotencyKey: crypto.randomUUID(),
      recordedAt: new Date().toISOString(),
      state: 'waiting',
      detail: null,
      outcome: null,
      heldChangeId: null,
    };
    await (await this.database()).add(STORE, change);
    await this.refresh();
    return change;
  }

  /**
   * Whether a change to `url` goes into the outbox rather than straight to the server: the device
   * is offline, or changes to the same register still wait there, and the new one must follow them.
   */
  keeps(url: string): boolean {
    if (!this.available) return false;
    return (
      (typeof navigator !== 'undefined' && navigator.onLine === false) ||
      this.changes().some((c) => c.url === url && c.state === 'waiting')
    );
  }

  /** Who has a change to `url` still waiting on the device. */
  waitingAbout(url: string): ReadonlySet<string> {
    return new Set(this.changes().flatMap((c) => (c.url === url && c.state === 'waiting' ? [c.about] : [])));
  }

  /** Takes a change off the device once the officer has seen it (or decided it, when held). */
  async forget(id: string): Promise<void> {
    const db = await this.database();
    const key = await db.getKeyFromIndex(STORE, 'id', id);
    if (key !== undefined) await db.delete(STORE, key);
    await this.refresh();
  }

  /** Held changes the server no longer lists are decided: the device need keep them no longer. */
  async settleHeld(stillHeld: readonly string[]): Promise<void> {
    const gone = this.changes().filter(
      (c) => c.state === 'held' && c.heldChangeId !== null && !stillHeld.includes(c.heldChangeId),
    );
    for (const change of gone) await this.forget(change.id);
  }

  /**
   * Sends what waits, in order. Only one sender runs on the device: another tab already sending
   * (navigator.locks) or a run in this tab means there is nothing to do here.
   */
  send(): Promise<void> {
    if (!this.available) return Promise.resolve();
    if (this.running) return this.running;
    const run = async () => {
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      if (locks)
        await locks.request(LOCK, { ifAvailable: true }, (lock) => (lock ? this.run() : this.refresh()));
      else await this.run();
    };
    this.running = run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    await this.refresh();
    const db = await this.database();
    const waiting = (await db.getAll(STORE)).filter((c) => c.state === 'waiting' && this.mine(c));
    if (waiting.length === 0) return;
    this.sending.set(true);
    try {
      for (const change of waiting) {
        const answer = await this.sendOne(change);
        const step = outboxStepFor(answer);
        if (step.state === 'sent') {
          if (change.seq !== undefined) await db.delete(STORE, change.seq);
          this.sent.update((n) => n + 1);
          const created = answer.status === 201 ? answerField(answer.body, 'id') : null;
          if (created) this.createdIds.update((ids) => ({ ...ids, [change.id]: created }));
        } else if (step.state !== 'waiting') {
          await db.put(STORE, {
            ...change,
            state: step.state,
            detail: step.detail,
            outcome: step.outcome,
            heldChangeId: step.state === 'held' ? answerField(answer.body, 'heldChangeId') : null,
          });
        }
        this.signInAgain.set(step.signInAgain);
        await this.refresh();
        if (step.stopSending) {
          // Waiting for signal (not for the officer to sign in again): try again on a timer too.
          if (step.state === 'waiting' && !step.signInAgain) this.retryLater();
          break;
        }
      }
    } finally {
      this.sending.set(false);
    }
  }

  private async sendOne(change: OutboxChange): Promise<OutboxAnswer> {
    const headers = new HttpHeaders({
      'Idempotency-Key': change.idempotencyKey,
      [HEARD_RECORDED_AT_HEADER]: change.recordedAt,
    });
    try {
      const response = await firstValueFrom(
        this.http.request(change.method, change.url, { body: change.body, headers, observe: 'response' }),
      );
      return { status: response.status, body: response.body };
    } catch (error: unknown) {
      if (error instanceof HttpErrorResponse)
        return { status: error.status, body: error.error, retryAfter: error.headers.has('Retry-After') };
      return { status: 0, body: null };
    }
  }

  private mine(change: OutboxChange): boolean {
    const user = this.session.user();
    return user !== null && change.madeBy === user.id;
  }

  /** The signed-in officer's own changes on the device, oldest first. */
  private async refresh(): Promise<void> {
    const stored = await (await this.database()).getAll(STORE);
    this.changes.set(stored.filter((c) => this.mine(c)).map(({ seq: _seq, ...change }) => change));
  }
}
