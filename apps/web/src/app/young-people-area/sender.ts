import { Signal, WritableSignal, signal } from '@angular/core';
import type { Observable } from 'rxjs';
import { failureWords } from './my-space-api';

/** One thing a young person sends from a page: sending, then sent or plain words on failure. */
export interface Sender<S> {
  readonly sending: Signal<boolean>;
  /** Set by the page too, when there is nothing to send yet. */
  readonly problem: WritableSignal<string | null>;
  readonly sent: Signal<S | null>;
  /** Sends the request; `keep` turns the answer into what the page shows once it is sent. */
  send<R>(request: Observable<R>, keep: (received: R) => S | null): void;
}

export function sender<S>(): Sender<S> {
  const sending = signal(false);
  const problem = signal<string | null>(null);
  const sent = signal<S | null>(null);
  return {
    sending: sending.asReadonly(),
    problem,
    sent: sent.asReadonly(),
    send: (request, keep) => {
      sending.set(true);
      problem.set(null);
      request.subscribe({
        next: (received) => {
          sent.set(keep(received));
          sending.set(false);
        },
        error: (error: unknown) => {
          problem.set(failureWords(error));
          sending.set(false);
        },
      });
    },
  };
}
