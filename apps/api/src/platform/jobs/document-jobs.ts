import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * The one home of "a document made by a job through the database" (ADR 0033, 0034): the published
 * plan's PDF and the reports' PDF and DOCX. Like the mail outbox (ADR 0008), rows are claimed with
 * FOR UPDATE SKIP LOCKED, so API processes side by side never make the same document; a claim
 * carries a token and a lease, a result is recorded only while its token is on the row, and the
 * sweep takes back rows whose worker died, failing one whose tries are spent.
 *
 * The table is the caller's, fixed in code (never from a request): its key columns and
 * `status`, `attempts`, `next_attempt_at`, `claim_token`, `lease_until`, `last_error`, `bytes`,
 * `made_at`, and, with `progress`, `step` and `steps`.
 */
export interface DocumentJobsSpec {
  /** Names the job in the log: "plan document". */
  label: string;
  table: string;
  /** The key columns, read back as text. */
  keys: readonly string[];
  attempts: number;
  leaseSeconds: number;
  backoffSeconds(attempt: number): number;
  /** Written on a row the sweep takes back. */
  interrupted: string;
  /** What is kept of a failure: its kind only, never the document's words. */
  describeFailure(error: unknown): string;
  /** The table has `step` and `steps`, written as the document is made. */
  progress?: boolean;
  /**
   * A jsonb column that records what the document was made with (the report's quotes left out),
   * written with the bytes, under the same claim, so the two always belong together.
   */
  madeWith?: string;
}

/** 15 s, then 30 s: a failure that is not the document's fault (a restart, a full disk) has passed by then. */
export function documentBackoffSeconds(attempt: number): number {
  return Math.min(600, 15 * 2 ** Math.max(0, attempt - 1));
}

/** Written on a row the sweep takes back from a worker that stopped mid-job. */
export const DOCUMENT_INTERRUPTED = 'Interrupted: the worker making it stopped or ran past its lease.';

/** A claimed row's key, by column. */
export type DocumentJobKey = Readonly<Record<string, string>>;

/** Says how far the making has got: step of steps. */
export type DocumentJobProgress = (step: number, steps: number) => Promise<void>;

/** A document, and what it was made with when the spec names a `madeWith` column. */
export interface MadeDocument {
  bytes: Uint8Array;
  madeWith?: unknown;
}

export type MakeDocument = (
  key: DocumentJobKey,
  progress: DocumentJobProgress,
) => Promise<Uint8Array | MadeDocument>;

/** Tries of a document that the sweep, the worker or a release handles, by key: the log's words. */
const keyWords = (key: DocumentJobKey) => Object.values(key).join('/');

export class DocumentJobs {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    private readonly spec: DocumentJobsSpec,
    loggerName: string,
  ) {
    this.logger = new Logger(loggerName);
  }

  /** Polls every `pollMs` (0: off, and tests call runOnce). */
  start(pollMs: number, make: MakeDocument): void {
    if (pollMs <= 0) return;
    const schedule = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        void this.runOnce(make)
          .catch((error: Error) => this.logger.warn(`${this.spec.label} run failed: ${error.message}`))
          .finally(schedule);
      }, pollMs);
      this.timer.unref();
    };
    schedule();
  }

  /** Waits for the document being made; rows claimed and not started go back to the queue. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => 0);
  }

  /** Sweeps expired claims, then makes one batch. Returns how many documents it claimed. */
  async runOnce(make: MakeDocument, batchSize = 2): Promise<number> {
    if (this.running) return this.running;
    this.running = this.makeBatch(make, batchSize).finally(() => (this.running = null));
    return this.running;
  }

  private get keyList(): string {
    return this.spec.keys.join(', ');
  }

  private get keysAsText(): string {
    return this.spec.keys.map((k) => `${k}::text AS "${k}"`).join(', ');
  }

  /** `k1 = $n AND k2 = $n+1 …` for a row's key, its values appended to params. */
  private whereKey(key: DocumentJobKey, params: unknown[]): string {
    return this.spec.keys
      .map((k) => {
        params.push(key[k]);
        return `${k} = $${params.length}`;
      })
      .join(' AND ');
  }

  private async makeBatch(make: MakeDocument, batchSize: number): Promise<number> {
    await this.sweep();
    const { table } = this.spec;
    const token = randomUUID();
    // Wrapped in a SELECT because TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
    const claimed: (DocumentJobKey & { attempts: number })[] = await this.db.query(
      `WITH claimed AS (
         UPDATE ${table}
            SET status = 'making', claim_token = $2, lease_until = now() + make_interval(secs => $3),
                attempts = attempts + 1${this.spec.progress ? ', step = 0' : ''}
          WHERE (${this.keyList}) IN (
            SELECT ${this.keyList} FROM ${table}
             WHERE status = 'queued' AND next_attempt_at <= now()
             ORDER BY next_attempt_at
             LIMIT $1
             FOR UPDATE SKIP LOCKED)
          RETURNING ${this.keyList}, attempts, next_attempt_at)
       SELECT ${this.keysAsText}, attempts FROM claimed ORDER BY next_attempt_at`,
      [batchSize, token, this.spec.leaseSeconds],
    );
    for (const [i, job] of claimed.entries()) {
      if (this.stopped) {
        for (const rest of claimed.slice(i)) await this.release(token, rest);
        break;
      }
      const { attempts, ...key } = job;
      await this.make(make, key, attempts, token);
    }
    return claimed.length;
  }

  /**
   * Takes back rows whose lease ran out: their worker died or froze. One that has used up its tries
   * fails instead, so a document that kills its worker every time is not tried for ever.
   */
  private async sweep(): Promise<void> {
    const swept: DocumentJobKey[] = await this.db.query(
      `WITH swept AS (
         UPDATE ${this.spec.table}
            SET status = CASE WHEN attempts >= $1 THEN 'failed' ELSE 'queued' END,
                last_error = $2, claim_token = NULL, lease_until = NULL, next_attempt_at = now()
          WHERE status = 'making' AND lease_until < now()
          RETURNING ${this.keyList})
       SELECT ${this.keysAsText} FROM swept`,
      [this.spec.attempts, this.spec.interrupted],
    );
    if (swept.length > 0)
      this.logger.warn({ msg: `${this.spec.label} claims expired; taken back`, keys: swept.map(keyWords) });
  }

  /** A row claimed but not started when the process is stopping: back to the queue, the try not counted. */
  private async release(token: string, key: DocumentJobKey): Promise<void> {
    const params: unknown[] = [token];
    await this.db.query(
      `UPDATE ${this.spec.table}
          SET status = 'queued', attempts = attempts - 1, claim_token = NULL, lease_until = NULL
        WHERE claim_token = $1 AND status = 'making' AND ${this.whereKey(key, params)}`,
      params,
    );
  }

  /** Records how far the making has got, while the claim is still this worker's. */
  private progressOf(key: DocumentJobKey, token: string): DocumentJobProgress {
    return async (step, steps) => {
      if (!this.spec.progress) return;
      const params: unknown[] = [token, step, steps];
      await this.db.query(
        `UPDATE ${this.spec.table} SET step = $2, steps = $3
          WHERE claim_token = $1 AND status = 'making' AND ${this.whereKey(key, params)}`,
        params,
      );
    };
  }

  private async make(
    make: MakeDocument,
    key: DocumentJobKey,
    attempts: number,
    token: string,
  ): Promise<void> {
    const { table } = this.spec;
    let recorded: unknown[];
    try {
      const made = await make(key, this.progressOf(key, token));
      const { bytes, madeWith } = made instanceof Uint8Array ? { bytes: made, madeWith: null } : made;
      const params: unknown[] = [token, Buffer.from(bytes).toString('base64')];
      const withWhat = this.spec.madeWith
        ? `, ${this.spec.madeWith} = $${params.push(JSON.stringify(madeWith ?? null))}::jsonb`
        : '';
      recorded = await this.db.query(
        `WITH made AS (
           UPDATE ${table}
              SET status = 'ready', bytes = decode($2, 'base64'), made_at = now(), last_error = NULL,
                  claim_token = NULL, lease_until = NULL${this.spec.progress ? ', step = steps' : ''}${withWhat}
            WHERE claim_token = $1 AND status = 'making' AND ${this.whereKey(key, params)}
            RETURNING ${this.keyList})
         SELECT ${this.keysAsText} FROM made`,
        params,
      );
    } catch (error) {
      const giveUp = attempts >= this.spec.attempts;
      this.logger.warn({
        msg: `${this.spec.label} not made`,
        key: keyWords(key),
        attempts,
        giveUp,
        error: error instanceof Error ? error.message : String(error),
      });
      const params: unknown[] = [
        token,
        giveUp ? 'failed' : 'queued',
        this.spec.describeFailure(error),
        this.spec.backoffSeconds(attempts),
      ];
      recorded = await this.db.query(
        `WITH failed AS (
           UPDATE ${table}
              SET status = $2, last_error = $3, claim_token = NULL, lease_until = NULL,
                  next_attempt_at = now() + make_interval(secs => $4)
            WHERE claim_token = $1 AND status = 'making' AND ${this.whereKey(key, params)}
            RETURNING ${this.keyList})
         SELECT ${this.keysAsText} FROM failed`,
        params,
      );
    }
    // The sweep took the row back while this one ran past its lease: the other worker's result stands.
    if (recorded.length === 0)
      this.logger.warn({
        msg: `${this.spec.label} claim lost while making it; result not recorded`,
        key: keyWords(key),
      });
  }
}
