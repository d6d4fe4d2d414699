/**
 * One Idempotency-Key per request body (docs/decisions/0025): a resend of the same answers reuses
 * the key, so the server stores them once however often the connection drops; changed answers get
 * a new key, because the server refuses a key sent again with a different body (422).
 */
export class IdempotencyKeys {
  private last: { key: string; body: string } | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  /** The key to send this body with. */
  for(body: unknown): string {
    const text = JSON.stringify(body);
    if (this.last?.body !== text) this.last = { key: this.newKey(), body: text };
    return this.last.key;
  }

  /** The server has it: whatever is sent next is a new request, even the same body. */
  done(): void {
    this.last = null;
  }
}
