import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  IsoDate,
  QuoteCommand,
  YouSaidChannel,
  YouSaidSource,
} from '@heard/domain';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { acknowledgeByFor, appendTimeline } from './action-log-base';

/** An item as it is stored, once every id in it has been checked against the actor's reach. */
export interface NewItem {
  source: Exclude<YouSaidSource, 'evaluation'>;
  serviceId: string | null;
  themeId: string | null;
  saidOn: IsoDate;
  channel: Exclude<YouSaidChannel, 'evaluation'>;
  summary: string;
  attributable: boolean;
  youngPersonIds: readonly string[];
  groupId: string | null;
  sessionId: string | null;
  quotes: readonly QuoteCommand[];
}

/**
 * Writing new You said items, from the log's form or several at once from a group session: the
 * item, who spoke, its quotes, the first entry of its timeline and the audit row, all in the
 * caller's transaction. Each must be acknowledged by the time the administrator's setting gives.
 */
@Injectable()
export class ItemRecorder {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async record(em: EntityManager, actor: Actor, items: readonly NewItem[]): Promise<string[]> {
    const now = this.clock.now();
    const acknowledgeBy = await acknowledgeByFor(em, now);
    const ids: string[] = [];
    for (const item of items) {
      const [{ id }]: { id: string }[] = await em.query(
        `INSERT INTO you_said_items (words, source_kind, service_id, theme_id, said_on, channel, attributable,
             group_id, session_id, acknowledge_by, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
        [
          item.summary,
          item.source,
          item.serviceId,
          item.themeId,
          item.saidOn,
          item.channel,
          item.attributable,
          item.groupId,
          item.sessionId,
          acknowledgeBy,
          actor.userId,
          now,
        ],
      );
      if (item.youngPersonIds.length > 0)
        await em.query(
          `INSERT INTO you_said_speakers (item_id, young_person_id) SELECT $1, unnest($2::uuid[])`,
          [id, [...item.youngPersonIds]],
        );
      if (item.quotes.length > 0)
        await em.query(
          `INSERT INTO you_said_quotes (item_id, words, young_person_id, created_by, created_at)
           SELECT $1, w, p, $4, $5 FROM unnest($2::text[], $3::uuid[]) AS q(w, p)`,
          [id, item.quotes.map((q) => q.words), item.quotes.map((q) => q.youngPersonId), actor.userId, now],
        );
      await appendTimeline(em, {
        itemId: id,
        event: 'item_recorded',
        detail: { source: item.source, sessionId: item.sessionId, quotes: item.quotes.length },
        byUserId: actor.userId,
      });
      await this.audit.for(actor).record(em, {
        action: AuditAction.Create,
        type: AuditRecordType.YouSaidItem,
        id,
        detail: {
          source: item.source,
          speakers: item.youngPersonIds.length,
          quotes: item.quotes.length,
          sessionId: item.sessionId,
        },
      });
      ids.push(id);
    }
    return ids;
  }
}
