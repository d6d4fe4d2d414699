import { PLAN_STATUS_RULES, PlanDocumentStatus } from '@heard/domain';
import { EntityManager } from 'typeorm';

/**
 * The queue of a published plan's documents (migration 1765470000000-plan-documents, ADR 0033):
 * what publishing adds to it and what the routes read from it. PlanDocumentsWorker makes them.
 */

/** Queues the version's PDF, in the caller's transaction, so it is queued if and only if the version is published. */
export async function enqueuePlanDocuments(em: EntityManager, versionId: string): Promise<void> {
  await em.query(
    `INSERT INTO plan_documents (version_id, kind) VALUES ($1, 'pdf') ON CONFLICT (version_id, kind) DO NOTHING`,
    [versionId],
  );
}

/**
 * Puts a PDF that failed after its tries back in the queue with its tries restored, for when what
 * broke it has been mended (a full disk, a restart mid-deploy). True when it was failed and is now
 * queued; a conditional update, so two officers pressing at once queue it once.
 */
export async function requeueFailedPlanDocument(em: EntityManager, versionId: string): Promise<boolean> {
  const requeued: unknown[] = await em.query(
    `WITH requeued AS (
       UPDATE plan_documents SET status = 'queued', attempts = 0, next_attempt_at = now()
        WHERE version_id = $1 AND kind = 'pdf' AND status = 'failed'
        RETURNING version_id)
     SELECT version_id FROM requeued`,
    [versionId],
  );
  return requeued.length > 0;
}

/** A version's PDF as the routes read it; the bytes only when asked for and made. */
export interface PlanDocumentRow {
  versionId: string;
  year: number;
  number: number | null;
  versionStatus: keyof typeof PLAN_STATUS_RULES;
  status: PlanDocumentStatus | null;
  attempts: number;
  lastError: string | null;
  madeAt: Date | null;
  size: number | null;
  /** Seconds until the next try, for Retry-After (0 when due now). */
  dueIn: number;
  bytes: Uint8Array | null;
  /** The pictures a made PDF drew (null: made before pictures, so none). */
  picturesDrawn: string[] | null;
}

/** The version and its PDF's row (null status: none queued), or null when there is no such version. */
export async function planDocumentOf(
  em: EntityManager,
  versionId: string,
  withBytes: boolean,
): Promise<PlanDocumentRow | null> {
  const [row]: PlanDocumentRow[] = await em.query(
    `SELECT v.id AS "versionId", p.year, v.number, v.status AS "versionStatus", d.status,
            coalesce(d.attempts, 0) AS attempts, d.last_error AS "lastError", d.made_at AS "madeAt",
            octet_length(d.bytes) AS size,
            greatest(0, ceil(extract(epoch FROM d.next_attempt_at - now())))::int AS "dueIn",
            ${withBytes ? 'd.bytes' : 'NULL'} AS bytes, d.pictures_drawn AS "picturesDrawn"
       FROM plan_versions v JOIN voice_plans p ON p.id = v.plan_id
       LEFT JOIN plan_documents d ON d.version_id = v.id AND d.kind = 'pdf'
      WHERE v.id = $1`,
    [versionId],
  );
  return row ?? null;
}
