import { Injectable, Logger } from '@nestjs/common';
import { AuditAction, AuditRecordType } from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../auth/auth-context';
import { AuditDetail } from './audit-event.entity';

export interface AuditEntry {
  actorUserId: string | null;
  action: AuditAction;
  entityType: AuditRecordType;
  entityId?: string | null;
  /** Ids, codes and counts only: never names, emails or free text. */
  detail?: AuditDetail;
  requestId?: string | null;
  /** When it was done on the device, for a change the offline outbox sent later. */
  deviceTime?: Date | null;
}

/** One audit row about a record, as a feature states it; who and which request come from the trail. */
export interface AuditRecord {
  action: AuditAction;
  type: AuditRecordType;
  id?: string | null;
  detail?: AuditDetail;
}

/**
 * The audit trail of one actor in one request. Pass the command's EntityManager, so the row
 * commits or rolls back with the change it describes.
 */
export interface AuditTrail {
  record(em: EntityManager | null, record: AuditRecord): Promise<void>;
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(private readonly db: DataSource) {}

  /**
   * The trail for a signed-in actor, or for nobody signed in (a young person answering through
   * their link) when `actor` is null.
   */
  for(actor: Actor | null): AuditTrail {
    return {
      record: (em, r) =>
        this.write(
          {
            actorUserId: actor?.userId ?? null,
            action: r.action,
            entityType: r.type,
            entityId: r.id ?? null,
            detail: r.detail,
            requestId: actor?.requestId ?? null,
            deviceTime: actor?.deviceTime ?? null,
          },
          em ?? this.db.manager,
        ),
    };
  }

  /**
   * Records one event where there is no Actor yet (sign-in, refused access). Everything else goes
   * through `for(actor)`.
   */
  async record(entry: AuditEntry, em: EntityManager = this.db.manager): Promise<void> {
    await this.write(entry, em);
  }

  private async write(entry: AuditEntry, em: EntityManager): Promise<void> {
    // Plain SQL: this is the one write on every staff read, and the query builder's work (and its
    // RETURNING of the defaults) buys nothing here.
    await em.query(
      `INSERT INTO audit_events (actor_user_id, action, entity_type, entity_id, detail, request_id, device_time)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.actorUserId,
        entry.action,
        entry.entityType,
        entry.entityId ?? null,
        JSON.stringify(entry.detail ?? {}),
        entry.requestId ?? null,
        entry.deviceTime ?? null,
      ],
    );
    if (
      entry.action === AuditAction.SignIn ||
      entry.action === AuditAction.SignInFailed ||
      entry.action === AuditAction.AccessRefused
    ) {
      this.logger.log({
        msg: `audit ${entry.action}`,
        actorUserId: entry.actorUserId,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        ...entry.detail,
      });
    }
  }
}
