import { Injectable } from '@nestjs/common';
import { AuditAction, AuditRecordType, ToPassOnEntry, ToReadOutEntry } from '@heard/domain';
import { DataSource } from 'typeorm';
import { youngPersonVisibleSql } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { appendTimeline } from './action-log-base';

interface PassOnRow {
  tellingId: string;
  itemId: string;
  youngPersonId: string;
  preferredName: string;
  message: string;
  toldAt: Date;
}

/**
 * The loop closed by people rather than by email: a trusted adult's list of messages to pass on,
 * and what is read out to a group at a session. One telling (a message to one young person, or to
 * one group) is one entry, however many actions it told.
 */
@Injectable()
export class ActionLogPassOnService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Messages still to pass on, newest first, for young people the actor is still linked to. */
  async toPassOn(actor: Actor): Promise<ToPassOnEntry[]> {
    const params: unknown[] = [actor.userId];
    const visible = youngPersonVisibleSql(actor, params, 'lt.young_person_id');
    const rows: PassOnRow[] = await this.db.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (lt.item_id, lt.young_person_id, lt.told_at) lt.id AS "tellingId", lt.item_id AS "itemId",
                lt.young_person_id AS "youngPersonId", yp.preferred_name AS "preferredName", lt.message,
                lt.told_at AS "toldAt"
           FROM loop_tellings lt JOIN young_people yp ON yp.id = lt.young_person_id
          WHERE lt.channel = 'trusted_adult' AND lt.trusted_adult_id = $1 AND lt.passed_at IS NULL AND ${visible}
          ORDER BY lt.item_id, lt.young_person_id, lt.told_at, lt.id) t
        ORDER BY "toldAt" DESC, "tellingId"`,
      params,
    );
    return rows.map((r) => ({
      tellingId: r.tellingId,
      itemId: r.itemId,
      youngPerson: { id: r.youngPersonId, preferredName: r.preferredName },
      message: r.message,
      toldAt: new Date(r.toldAt).toISOString(),
      passedAt: null,
    }));
  }

  /** The adult says they passed it on: the whole telling leaves their list, and the timeline says when. */
  passed(actor: Actor, tellingId: string): Promise<void> {
    return this.db.transaction(async (em) => {
      const params: unknown[] = [tellingId, actor.userId];
      const visible = youngPersonVisibleSql(actor, params, 'lt.young_person_id');
      const [telling]: { itemId: string; youngPersonId: string; passed: boolean }[] = await em.query(
        `SELECT lt.item_id AS "itemId", lt.young_person_id AS "youngPersonId", lt.passed_at IS NOT NULL AS passed
           FROM loop_tellings lt
          WHERE lt.id = $1 AND lt.channel = 'trusted_adult' AND lt.trusted_adult_id = $2 AND ${visible}
          FOR UPDATE OF lt`,
        params,
      );
      if (!telling) throw DomainError.notFound('This message to pass on');
      if (telling.passed) throw new DomainError('conflict', 'You have already said you passed this on.');
      await em.query(
        `UPDATE loop_tellings lt SET passed_at = now(), passed_by = $2
          FROM loop_tellings t
         WHERE t.id = $1 AND lt.item_id = t.item_id AND lt.young_person_id = t.young_person_id
           AND lt.told_at = t.told_at AND lt.trusted_adult_id = $2 AND lt.passed_at IS NULL`,
        [tellingId, actor.userId],
      );
      await appendTimeline(em, {
        itemId: telling.itemId,
        event: 'told',
        detail: {
          passedOn: true,
          tellingId,
          youngPersonId: telling.youngPersonId,
          trustedAdultId: actor.userId,
        },
        byUserId: actor.userId,
      });
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.YouSaidItem,
        id: telling.itemId,
        detail: { event: 'passed_on', tellingId },
      });
    });
  }

  /** What is read out to the group at this session, one entry for each telling. */
  async toReadOut(sessionId: string): Promise<ToReadOutEntry[]> {
    const [session]: unknown[] = await this.db.query(`SELECT 1 FROM group_sessions WHERE id = $1`, [
      sessionId,
    ]);
    if (!session) throw DomainError.notFound('This session');
    const rows: (Omit<ToReadOutEntry, 'toldAt'> & { toldAt: Date })[] = await this.db.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (lt.item_id, lt.told_at) lt.id AS "tellingId", lt.item_id AS "itemId", lt.message,
                lt.told_at AS "toldAt"
           FROM loop_tellings lt WHERE lt.session_id = $1 AND lt.channel = 'session'
          ORDER BY lt.item_id, lt.told_at, lt.id) t
        ORDER BY "toldAt", "tellingId"`,
      [sessionId],
    );
    return rows.map((r) => ({ ...r, toldAt: new Date(r.toldAt).toISOString() }));
  }
}
