import { Injectable } from '@nestjs/common';
import {
  AttendanceStatus,
  AuditAction,
  AuditRecordType,
  HeldChangeResponse,
  HeldReason,
  OfflineChangeKind,
  mayApplyHeld,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { youngPersonVisibleSql } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ActivityDayOnTheDay } from '../activities/activity-day-on-the-day.service';
import { AttendanceService } from '../sessions/attendance.service';

interface HeldRow {
  id: string;
  kind: OfflineChangeKind;
  occasionId: string;
  youngPersonId: string;
  outcome: 'held-moved' | 'held-consent-withdrawn';
  detail: string;
  body: { youngPersonId: string; status?: AttendanceStatus; attended?: boolean };
  deviceTime: Date;
  arrivedAt: Date;
  decision: 'applied' | 'discarded' | null;
}

const WHY: Readonly<Record<HeldRow['outcome'], HeldReason>> = {
  'held-moved': 'moved',
  'held-consent-withdrawn': 'consent-withdrawn',
};

const NOT_FOUND = 'This held change';

function toResponse(row: HeldRow): HeldChangeResponse {
  return {
    id: row.id,
    kind: row.kind,
    occasionId: row.occasionId,
    youngPersonId: row.youngPersonId,
    why: WHY[row.outcome],
    came: saysTheyCame(row),
    detail: row.detail,
    deviceTime: new Date(row.deviceTime).toISOString(),
    arrivedAt: new Date(row.arrivedAt).toISOString(),
    decision: row.decision,
  };
}

/** Whether the held mark says the young person came: only that needs their consent. */
function saysTheyCame(row: HeldRow): boolean {
  return row.kind === 'session-mark' ? row.body.status === 'present' : row.body.attended === true;
}

/**
 * Changes made offline that the rules kept aside (docs/offline.md, decision 0029). They belong to
 * the officer who made them: only they list, apply or discard them, and only while the young person
 * is still within their reach. Applying goes through the same service path as the online page, so
 * every online rule still holds; it is audited with the device time the change was made at.
 */
@Injectable()
export class HeldChangesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly attendance: AttendanceService,
    private readonly activityDays: ActivityDayOnTheDay,
  ) {}

  async listMine(actor: Actor): Promise<HeldChangeResponse[]> {
    return (await this.rows(this.db.manager, actor, null)).map(toResponse);
  }

  async apply(actor: Actor, id: string, reason: string | undefined): Promise<HeldChangeResponse> {
    const row = await this.undecided(actor, id);
    const allowed = mayApplyHeld(WHY[row.outcome], saysTheyCame(row), reason);
    if (!allowed.ok) throw DomainError.validation(allowed.field, allowed.message);
    // Audited, and the mark dated, as when it was made on the device.
    const atDevice: Actor = { ...actor, deviceTime: row.deviceTime };
    if (row.kind === 'session-mark' && row.body.status) {
      await this.attendance.record(atDevice, row.occasionId, [
        { youngPersonId: row.youngPersonId, status: row.body.status },
      ]);
    } else if (row.kind === 'activity-mark' && row.body.attended !== undefined) {
      await this.activityDays.markAttendance(atDevice, row.occasionId, {
        youngPersonId: row.youngPersonId,
        attended: row.body.attended,
        // The reason becomes the register's consent override, as it would online.
        ...(reason !== undefined ? { overrideReason: reason } : {}),
      });
    } else {
      throw new DomainError('conflict', 'This held change cannot be applied: decide it by letting it go.');
    }
    return this.decide(actor, row, 'applied', reason ?? null);
  }

  async discard(actor: Actor, id: string, reason: string): Promise<HeldChangeResponse> {
    return this.decide(actor, await this.undecided(actor, id), 'discarded', reason);
  }

  private async decide(
    actor: Actor,
    row: HeldRow,
    decision: 'applied' | 'discarded',
    reason: string | null,
  ): Promise<HeldChangeResponse> {
    return this.db.transaction(async (em) => {
      const changed: unknown[] = await em.query(
        `UPDATE held_changes SET decision = $3, reason = $4, decided_at = now(), decided_by = $2
          WHERE id = $1 AND made_by = $2 AND decision IS NULL RETURNING id`,
        [row.id, actor.userId, decision, reason],
      );
      // Decided meanwhile (a second tab): the first decision stands.
      if (changed.length === 0)
        throw new DomainError('conflict', 'This held change was already decided.', undefined);
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.HeldChange,
        id: row.id,
        detail: { decision, kind: row.kind, occasionId: row.occasionId, withReason: reason !== null },
      });
      const [decided] = await this.rows(em, actor, row.id);
      return toResponse(decided);
    });
  }

  private async undecided(actor: Actor, id: string): Promise<HeldRow> {
    const [row] = await this.rows(this.db.manager, actor, id);
    if (!row) throw DomainError.notFound(NOT_FOUND);
    if (row.decision !== null) throw new DomainError('conflict', 'This held change was already decided.');
    return row;
  }

  /** The actor's own held changes (undecided, or the one asked for), for young people still in their reach. */
  private rows(em: EntityManager, actor: Actor, id: string | null): Promise<HeldRow[]> {
    const params: unknown[] = [actor.userId, id];
    const visible = youngPersonVisibleSql(actor, params, 'h.young_person_id');
    return em.query(
      `SELECT h.id, h.change_kind AS kind, h.occasion_id AS "occasionId", h.young_person_id AS "youngPersonId",
              h.outcome, h.detail, h.body, h.device_time AS "deviceTime", h.created_at AS "arrivedAt", h.decision
         FROM held_changes h
        WHERE h.made_by = $1 AND ${visible}
          AND ($2::uuid IS NULL AND h.decision IS NULL OR h.id = $2::uuid)
        ORDER BY h.device_time, h.id
        LIMIT 500`,
      params,
    );
  }
}
