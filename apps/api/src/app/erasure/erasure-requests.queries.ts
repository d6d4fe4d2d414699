import {
  AnonymisedCounts,
  ErasureAskedBy,
  ErasureDecision,
  ErasureReceivedHow,
  IsoDate,
} from '@heard/domain';
import { EntityManager } from 'typeorm';

export interface ErasureRequestRow {
  id: string;
  youngPersonId: string;
  askedBy: ErasureAskedBy;
  receivedHow: ErasureReceivedHow;
  receivedOn: IsoDate;
  details: string | null;
  deletionRequestId: string | null;
  recordedAt: Date;
  recordedBy: string | null;
  decision: ErasureDecision | null;
  reason: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  carriedOutAt: Date | null;
  counts: AnonymisedCounts | null;
}

const SELECT = `SELECT r.id, r.young_person_id AS "youngPersonId", r.asked_by AS "askedBy",
    r.received_how AS "receivedHow", r.received_on::text AS "receivedOn", r.details,
    r.deletion_request_id AS "deletionRequestId", r.recorded_at AS "recordedAt", rb.display_name AS "recordedBy",
    r.decision, r.reason, r.decided_at AS "decidedAt", db.display_name AS "decidedBy",
    r.carried_out_at AS "carriedOutAt", r.counts
  FROM erasure_requests r
  JOIN users rb ON rb.id = r.recorded_by
  LEFT JOIN users db ON db.id = r.decided_by`;

export async function erasureRequestById(em: EntityManager, id: string): Promise<ErasureRequestRow> {
  const [row]: ErasureRequestRow[] = await em.query(`${SELECT} WHERE r.id = $1`, [id]);
  return row;
}

/** A young person's requests, newest first, and when their details were anonymised (if they were). */
export async function erasureRequestsOf(
  em: EntityManager,
  youngPersonId: string,
): Promise<{ anonymisedAt: Date | null; rows: ErasureRequestRow[] }> {
  const [[person], rows] = await Promise.all([
    em.query(`SELECT anonymised_at AS "anonymisedAt" FROM young_people WHERE id = $1`, [
      youngPersonId,
    ]) as Promise<{ anonymisedAt: Date | null }[]>,
    em.query(`${SELECT} WHERE r.young_person_id = $1 ORDER BY r.recorded_at DESC, r.id LIMIT 100`, [
      youngPersonId,
    ]) as Promise<ErasureRequestRow[]>,
  ]);
  return { anonymisedAt: person?.anonymisedAt ?? null, rows };
}
