import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PLAN_STATUS_RULES } from '@heard/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { PlanPdfFacts, renderPlanPdf } from './plan-pdf';
import { contentOf, reachVersion } from './plans.queries';

/** Tries before a document is marked failed: a plan that breaks the renderer three times will break it again. */
export const PLAN_DOCUMENT_ATTEMPTS = 3;

/**
 * How long a claim holds. One plan renders in seconds (docs/benchmarks.md), so only a dead or
 * frozen worker lets a lease run out; it is also how long a document waits after a crash.
 */
export const PLAN_DOCUMENT_LEASE_SECONDS = 300;

/** 15 s, then 30 s: a failure that is not the plan's fault (a restart, a full disk) has passed by then. */
export function planDocumentBackoffSeconds(attempt: number): number {
  return Math.min(600, 15 * 2 ** Math.max(0, attempt - 1));
}

/** Written on a row the sweep takes back from a worker that stopped mid-job. */
export const PLAN_DOCUMENT_INTERRUPTED = 'Interrupted: the worker making it stopped or ran past its lease.';

/**
 * What is kept of a failure: the kind of error only. The message may quote the plan's text, which
 * belongs in the log beside the version's id, not in a row the officers' page shows.
 */
function describeFailure(error: unknown): string {
  const kind = error instanceof Error ? error.name : typeof error;
  return `The PDF could not be made (${kind.slice(0, 100)}).`;
}

/**
 * Makes the published plans' PDFs off the request path (issue 14 §5, ADR 0033), like the mail
 * outbox (ADR 0008): rows are claimed with FOR UPDATE SKIP LOCKED, so API processes side by side
 * never make the same document; a claim carries a token and a lease, a result is recorded only
 * while its token is on the row, and the sweep takes back rows whose worker died. Polls every
 * MAIL_POLL_MS, the background jobs' one switch (0: off, and tests call runOnce).
 */
@Injectable()
export class PlanDocumentsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PlanDocumentsWorker');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  /** The renderer: a seam for the test of a job that throws, never replaced outside tests. */
  render: (facts: PlanPdfFacts) => Promise<Uint8Array> = renderPlanPdf;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.mailPollMs > 0) this.schedule();
  }

  /** Waits for the document being made; rows claimed and not started go back to the queue. */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => 0);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runOnce()
        .catch((error: Error) => this.logger.warn(`Plan document run failed: ${error.message}`))
        .finally(() => this.schedule());
    }, this.config.mailPollMs);
    this.timer.unref();
  }

  /** Sweeps expired claims, then makes one batch. Returns how many documents it claimed. */
  async runOnce(batchSize = 2): Promise<number> {
    if (this.running) return this.running;
    this.running = this.makeBatch(batchSize).finally(() => (this.running = null));
    return this.running;
  }

  private async makeBatch(batchSize: number): Promise<number> {
    await this.sweep();
    const token = randomUUID();
    // Wrapped in a SELECT because TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
    const claimed: { versionId: string; attempts: number }[] = await this.db.query(
      `WITH claimed AS (
         UPDATE plan_documents
            SET status = 'making', claim_token = $2, lease_until = now() + make_interval(secs => $3),
                attempts = attempts + 1
          WHERE (version_id, kind) IN (
            SELECT version_id, kind FROM plan_documents
             WHERE status = 'queued' AND next_attempt_at <= now()
             ORDER BY next_attempt_at
             LIMIT $1
             FOR UPDATE SKIP LOCKED)
          RETURNING version_id, attempts, next_attempt_at)
       SELECT version_id AS "versionId", attempts FROM claimed ORDER BY next_attempt_at`,
      [batchSize, token, PLAN_DOCUMENT_LEASE_SECONDS],
    );
    for (const [i, job] of claimed.entries()) {
      if (this.stopped) {
        await this.release(
          token,
          claimed.slice(i).map((j) => j.versionId),
        );
        break;
      }
      await this.make(job.versionId, job.attempts, token);
    }
    return claimed.length;
  }

  /**
   * Takes back rows whose lease ran out: their worker died or froze. One that has used up its tries
   * fails instead, so a plan that kills its worker every time is not tried for ever.
   */
  private async sweep(): Promise<void> {
    const swept: { versionId: string }[] = await this.db.query(
      `WITH swept AS (
         UPDATE plan_documents
            SET status = CASE WHEN attempts >= $1 THEN 'failed' ELSE 'queued' END,
                last_error = $2, claim_token = NULL, lease_until = NULL, next_attempt_at = now()
          WHERE status = 'making' AND lease_until < now()
          RETURNING version_id)
       SELECT version_id AS "versionId" FROM swept`,
      [PLAN_DOCUMENT_ATTEMPTS, PLAN_DOCUMENT_INTERRUPTED],
    );
    if (swept.length > 0)
      this.logger.warn({
        msg: 'plan document claims expired; taken back',
        versionIds: swept.map((r) => r.versionId),
      });
  }

  /** Rows claimed but not started when the process is stopping: back to the queue, the try not counted. */
  private async release(token: string, versionIds: string[]): Promise<void> {
    await this.db.query(
      `UPDATE plan_documents
          SET status = 'queued', attempts = attempts - 1, claim_token = NULL, lease_until = NULL
        WHERE claim_token = $1 AND status = 'making' AND version_id IN (SELECT unnest($2::uuid[]))`,
      [token, versionIds],
    );
  }

  private async make(versionId: string, attempts: number, token: string): Promise<void> {
    let recorded: { versionId: string }[];
    try {
      const pdf = await this.render(await this.factsOf(versionId));
      recorded = await this.db.query(
        `WITH made AS (
           UPDATE plan_documents
              SET status = 'ready', bytes = decode($3, 'base64'), made_at = now(), last_error = NULL,
                  claim_token = NULL, lease_until = NULL
            WHERE version_id = $1 AND kind = 'pdf' AND claim_token = $2 AND status = 'making'
            RETURNING version_id)
         SELECT version_id AS "versionId" FROM made`,
        [versionId, token, Buffer.from(pdf).toString('base64')],
      );
    } catch (error) {
      const giveUp = attempts >= PLAN_DOCUMENT_ATTEMPTS;
      this.logger.warn({
        msg: 'plan document not made',
        versionId,
        attempts,
        giveUp,
        error: error instanceof Error ? error.message : String(error),
      });
      recorded = await this.db.query(
        `WITH failed AS (
           UPDATE plan_documents
              SET status = $3, last_error = $4, claim_token = NULL, lease_until = NULL,
                  next_attempt_at = now() + make_interval(secs => $5)
            WHERE version_id = $1 AND kind = 'pdf' AND claim_token = $2 AND status = 'making'
            RETURNING version_id)
         SELECT version_id AS "versionId" FROM failed`,
        [
          versionId,
          token,
          giveUp ? 'failed' : 'queued',
          describeFailure(error),
          planDocumentBackoffSeconds(attempts),
        ],
      );
    }
    // The sweep took the row back while this one ran past its lease: the other worker's result stands.
    if (recorded.length === 0)
      this.logger.warn({ msg: 'plan document claim lost while making it; result not recorded', versionId });
  }

  /** The published content of the version, read as the public page reads it. */
  private async factsOf(versionId: string): Promise<PlanPdfFacts> {
    const em = this.db.manager;
    const row = await reachVersion(em, versionId, false);
    // Only published versions are queued (enqueuePlanDocuments is called when publishing).
    if (!PLAN_STATUS_RULES[row.status].public || row.number === null || row.publishedAt === null)
      throw new Error(`The version is ${row.status}, not published.`);
    const { sections, lundy, commitments } = await contentOf(em, row);
    return {
      year: row.year,
      number: row.number,
      publishedAt: row.publishedAt,
      whatChanged: row.whatChanged,
      sections,
      lundy,
      commitments: commitments.map((c) => ({ words: c.words, childWords: c.childWords, dueOn: c.dueOn })),
    };
  }
}
