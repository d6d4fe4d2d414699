import { Injectable, Logger } from '@nestjs/common';
import { AuditAction } from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditDetail } from './audit-event.entity';

export interface AuditEntry {
  actorUserId: string | null;
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  /** Ids, codes and counts only: never names, emails or free text. */
  detail?: AuditDetail;
  requestId?: string | null;
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(private readonly db: DataSource) {}

  /**
   * Records one event. Pass the command's EntityManager so the audit row commits or rolls back
   * with the change it describes.
   */
  async record(entry: AuditEntry, em: EntityManager = this.db.manager): Promise<void> {
    // Plain SQL: this is the one write on every staff read, and the query builder's work (and its
    // RETURNING of the defaults) buys nothing here.
    await em.query(
      `INSERT INTO audit_events (actor_user_id, action, entity_type, entity_id, detail, request_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        entry.actorUserId,
        entry.action,
        entry.entityType,
        entry.entityId ?? null,
        JSON.stringify(entry.detail ?? {}),
        entry.requestId ?? null,
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
