import { AuditAction, AuditRecordType, OfflineChangeKind, OfflineResolution } from '@heard/domain';
import { EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit.service';

export type HeldOccasionKind = 'group_session' | 'activity_day' | 'evaluation_round';

/** The body a held change keeps: what the online request would have sent for this one young person. */
export type HeldBody = Record<string, string | boolean | number | null | object>;

export interface HoldRequest {
  madeBy: string;
  youngPersonId: string;
  occasion: { kind: HeldOccasionKind; id: string };
  kind: OfflineChangeKind;
  body: HeldBody;
  deviceTime: Date;
  resolution: OfflineResolution;
}

/**
 * Keeps a change aside for its officer (held-moved, held-consent-withdrawn), in the request's own
 * transaction so the idempotency key's stored 202 and the held row commit together.
 */
export async function holdChange(em: EntityManager, trail: AuditTrail, hold: HoldRequest): Promise<string> {
  const [row]: { id: string }[] = await em.query(
    `INSERT INTO held_changes (made_by, young_person_id, occasion_kind, occasion_id, change_kind, body, device_time, outcome, detail)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9) RETURNING id`,
    [
      hold.madeBy,
      hold.youngPersonId,
      hold.occasion.kind,
      hold.occasion.id,
      hold.kind,
      JSON.stringify(hold.body),
      hold.deviceTime,
      hold.resolution.outcome,
      hold.resolution.detail,
    ],
  );
  await trail.record(em, {
    action: AuditAction.Create,
    type: AuditRecordType.HeldChange,
    id: row.id,
    detail: { outcome: hold.resolution.outcome, kind: hold.kind, occasionId: hold.occasion.id },
  });
  return row.id;
}
