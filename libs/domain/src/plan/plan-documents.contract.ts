/**
 * A published version's PDF over the wire (issue 14 §5, docs/plan.md "The PDF"): made off the
 * request path, so a reader may be told it is still being made.
 */

export const PLAN_DOCUMENT_STATUSES = ['queued', 'making', 'ready', 'failed'] as const;
export type PlanDocumentStatus = (typeof PLAN_DOCUMENT_STATUSES)[number];

/** `GET /api/published-plans/:versionId/pdf` while the PDF is not ready yet (202, with Retry-After). */
export interface PlanPdfPending {
  status: 'queued' | 'making';
  detail: string;
}

/** `GET /api/plans/versions/:id/document`: where the version's PDF is, for the officers' page. */
export interface PlanDocumentStatusResponse {
  versionId: string;
  kind: 'pdf';
  /** Null while the version is not published: its PDF is queued when it is. */
  status: PlanDocumentStatus | null;
  attempts: number;
  /** The kind of error of the last failed try, never the plan's text. */
  lastError: string | null;
  madeAt: string | null;
  /** Size of the made PDF in bytes, once ready. */
  size: number | null;
  /** Where the public downloads it, once the version is published. */
  href: string | null;
}
