/**
 * The device's outbox (issue 15): changes made without signal, kept on the device and sent in
 * order when the connection returns. These are its rules, kept free of the browser so they can be
 * read and tested as a table. The contract with the server is in docs/decisions/0031.
 */

/** Where a change is: still to send, stored, or back with an answer the officer must see. */
export type OutboxState = 'waiting' | 'sent' | 'conflict' | 'held' | 'needs-attention';

/** The states that wait for the officer: never dropped, always listed. */
export const OUTBOX_STATES_NEEDING_YOU: readonly OutboxState[] = ['conflict', 'held', 'needs-attention'];

/** What came back for one send. `status` 0 means no answer at all (no signal, connection dropped). */
export interface OutboxAnswer {
  status: number;
  body: unknown;
  /** The server is still storing the first send under this key (ADR 0025: 409 with Retry-After). */
  retryAfter?: boolean;
}

/** What an answer does to a change, and to the sending of the rest. */
export interface OutboxStep {
  state: OutboxState;
  /** In plain words, for the officer: why it was not stored, or what is waiting for them. */
  detail: string | null;
  /** The server's word for what it did with a conflicting change (`outcome` in its answer). */
  outcome: string | null;
  /** Stop here and keep the rest in order: no signal, the server is down, or the session ended. */
  stopSending: boolean;
  /** The session ended: the officer must sign in again before anything more is sent. */
  signInAgain: boolean;
}

export const OFFLINE_CONFLICT_TYPE_SUFFIX = '/offline-conflict';

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

function text(body: unknown, name: string): string | null {
  const value = field(body, name);
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

const keep = (signInAgain = false): OutboxStep => ({
  state: 'waiting',
  detail: null,
  outcome: null,
  stopSending: true,
  signInAgain,
});

/**
 * The state a change moves to for the server's answer. Only a plain 2xx stores it; an answer that
 * means "not now" keeps it waiting and stops the run so the order is kept; every refusal is kept
 * with its words for the officer, so nothing is silently dropped.
 */
export function outboxStepFor(answer: OutboxAnswer): OutboxStep {
  const { status, body } = answer;
  if (status === 0 || status >= 500 || status === 408 || status === 429) return keep();
  if (status === 401) return keep(true);
  if (status === 202 && field(body, 'held') === true) {
    return {
      state: 'held',
      detail: text(body, 'detail') ?? 'This change is held for you to decide.',
      outcome: null,
      stopSending: false,
      signInAgain: false,
    };
  }
  if (status >= 200 && status < 300) {
    return { state: 'sent', detail: null, outcome: null, stopSending: false, signInAgain: false };
  }
  if (status === 409 && answer.retryAfter) return keep();
  const type = text(body, 'type');
  if (status === 409 && type?.endsWith(OFFLINE_CONFLICT_TYPE_SUFFIX)) {
    return {
      state: 'conflict',
      detail:
        text(body, 'detail') ?? 'This change was not applied: something changed while you were offline.',
      outcome: text(body, 'outcome'),
      stopSending: false,
      signInAgain: false,
    };
  }
  if (status === 422) {
    return {
      state: 'needs-attention',
      detail:
        text(body, 'detail') ??
        'The server already has a different change under this change’s key, so this one was not stored.',
      outcome: null,
      stopSending: false,
      signInAgain: false,
    };
  }
  return {
    state: 'needs-attention',
    detail: text(body, 'detail') ?? `The server refused this change (${status}).`,
    outcome: null,
    stopSending: false,
    signInAgain: false,
  };
}
