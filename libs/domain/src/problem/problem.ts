/** RFC 9457 problem details, as every 4xx and 5xx answer of the API carries them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Per-field messages, keyed by a dotted path to the field ("contact.email"). */
  errors?: Record<string, string[]>;
  /** Stable machine-readable code, e.g. "auth.locked". */
  code?: string;
  /** For `offline-conflict`: what became of the change sent from the offline outbox (an OfflineOutcome). */
  outcome?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
