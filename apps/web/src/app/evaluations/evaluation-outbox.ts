import { HttpErrorResponse } from '@angular/common/http';
import { DOCUMENT, DestroyRef, Injectable, inject, signal } from '@angular/core';
import type { EvaluationEntryRequest, ProblemDetails } from '@heard/domain';
import { firstValueFrom } from 'rxjs';
import { EvaluationsApi } from './evaluations-api';

/** An evaluation typed on this device and not yet acknowledged by the server. */
export interface UnsentEvaluation {
  roundId: string;
  /** Made once, when it was saved: every resend carries it, so the server stores it once. */
  idempotencyKey: string;
  request: EvaluationEntryRequest;
}

/** An evaluation the server refused (not a dropped connection): kept in view so nothing vanishes silently. */
export interface RefusedEvaluation extends UnsentEvaluation {
  detail: string;
}

export const UNSENT_EVALUATIONS_KEY = 'heard.evaluations.unsent';

export type SendOutcome = 'sent' | 'kept' | 'refused';

/** No answer at all, or a server that is down: worth sending again later. */
const worthRetrying = (error: unknown) =>
  error instanceof HttpErrorResponse && (error.status === 0 || error.status >= 500);

/**
 * Evaluations typed at an activity day, kept in localStorage until the server has them, so a
 * dropped connection loses nothing. They go again when the browser says it is back online.
 */
@Injectable({ providedIn: 'root' })
export class EvaluationOutbox {
  private readonly api = inject(EvaluationsApi);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly storage = this.window?.localStorage ?? null;
  private sending: Promise<void> | null = null;

  readonly unsent = signal<UnsentEvaluation[]>(this.load());
  readonly refused = signal<RefusedEvaluation[]>([]);
  /** The server's id for each evaluation sent from this page, by idempotency key: a worry can point at it. */
  readonly sentIds = signal<Readonly<Record<string, string>>>({});

  constructor() {
    const onOnline = () => void this.flush();
    this.window?.addEventListener('online', onOnline);
    inject(DestroyRef).onDestroy(() => this.window?.removeEventListener('online', onOnline));
  }

  /** Keeps the evaluation on the device first, then tries to send everything waiting. */
  async save(
    roundId: string,
    request: EvaluationEntryRequest,
  ): Promise<{ outcome: SendOutcome; idempotencyKey: string }> {
    const item: UnsentEvaluation = { roundId, idempotencyKey: crypto.randomUUID(), request };
    this.store([...this.unsent(), item]);
    await this.flush();
    const idempotencyKey = item.idempotencyKey;
    if (this.unsent().some((u) => u.idempotencyKey === idempotencyKey))
      return { outcome: 'kept', idempotencyKey };
    const refused = this.refused().some((r) => r.idempotencyKey === idempotencyKey);
    return { outcome: refused ? 'refused' : 'sent', idempotencyKey };
  }

  /** Sends what is waiting, oldest first; stops at the first dropped connection. One run at a time. */
  flush(): Promise<void> {
    this.sending ??= this.sendAll().finally(() => (this.sending = null));
    return this.sending;
  }

  private async sendAll(): Promise<void> {
    for (const item of [...this.unsent()]) {
      try {
        const stored = await firstValueFrom(this.api.enter(item.roundId, item.idempotencyKey, item.request));
        if (stored?.id) this.sentIds.update((ids) => ({ ...ids, [item.idempotencyKey]: stored.id }));
      } catch (error) {
        if (worthRetrying(error)) return;
        const problem =
          error instanceof HttpErrorResponse ? (error.error as Partial<ProblemDetails> | null) : null;
        this.refused.update((r) => [
          ...r,
          { ...item, detail: problem?.detail ?? 'The server refused this evaluation.' },
        ]);
      }
      this.store(this.unsent().filter((u) => u.idempotencyKey !== item.idempotencyKey));
    }
  }

  private load(): UnsentEvaluation[] {
    try {
      const parsed: unknown = JSON.parse(this.storage?.getItem(UNSENT_EVALUATIONS_KEY) ?? '[]');
      return Array.isArray(parsed) ? (parsed as UnsentEvaluation[]) : [];
    } catch {
      // A damaged entry is not worth breaking the page for; what the server has is safe.
      return [];
    }
  }

  private store(items: UnsentEvaluation[]): void {
    this.unsent.set(items);
    this.storage?.setItem(UNSENT_EVALUATIONS_KEY, JSON.stringify(items));
  }
}
