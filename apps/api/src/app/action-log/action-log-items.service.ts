import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  CreateItemCommand,
  EditableItemField,
  ItemDetail,
  ItemListQuery,
  ItemPage,
  QuoteCommand,
  UpdateItemCommand,
  todayInLondon,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { QuotesService } from '../evaluations/quotes.service';
import { appendTimeline, boardChanged, reachItem } from './action-log-base';
import {
  DetailRow,
  assertCurrentListEntries,
  itemRow,
  listItems,
  quotesOf,
  speakersOf,
  timelineOf,
  toSummary,
} from './action-log-items.queries';
import { ItemRecorder } from './action-log-items.recording';

/** The item's columns an officer may change, by the contract's field names. */
const EDITABLE_COLUMNS: Readonly<Record<EditableItemField, string>> = {
  source: 'source_kind',
  serviceId: 'service_id',
  themeId: 'theme_id',
  saidOn: 'said_on',
  channel: 'channel',
  summary: 'words',
  attributable: 'attributable',
};

/**
 * You said items in the action log (docs/action-log.md, "Items"): recorded by officers, read by
 * whoever may see them (itemVisibleSql), changed without losing what they said before (the
 * timeline keeps which fields changed), and taken on by an officer in time.
 */
@Injectable()
export class ActionLogItemsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
    private readonly recorder: ItemRecorder,
    private readonly quotes: QuotesService,
  ) {}

  list(actor: Actor, query: ItemListQuery): Promise<ItemPage> {
    return listItems(this.db.manager, actor, this.clock.now(), query);
  }

  async get(actor: Actor, id: string): Promise<ItemDetail> {
    return this.db.transaction(async (em) => {
      await reachItem(actor, em, id);
      const item = await this.detail(em, actor, id);
      // A staff read that names young people is a read of their records.
      if (item.speakers.length > 0)
        await this.audit.for(actor).record(em, {
          action: AuditAction.Read,
          type: AuditRecordType.YouSaidItem,
          id,
          detail: { speakers: item.speakers.length },
        });
      return item;
    });
  }

  async create(actor: Actor, command: CreateItemCommand): Promise<ItemDetail> {
    return this.db.transaction(async (em) => {
      this.assertNotAfterToday(command.saidOn);
      await assertCurrentListEntries(em, command);
      await this.assertReachable(actor, em, command.youngPersonIds, 'youngPersonIds');
      const place = await this.placeOf(em, command.groupId, command.sessionId);
      const [id] = await this.recorder.record(em, actor, [{ ...command, ...place }]);
      return this.detail(em, actor, id);
    });
  }

  async update(actor: Actor, id: string, command: UpdateItemCommand): Promise<ItemDetail> {
    return this.db.transaction(async (em) => {
      await reachItem(actor, em, id);
      const expected = new Date(command.expectedUpdatedAt);
      if (Number.isNaN(expected.getTime()))
        throw DomainError.validation('expectedUpdatedAt', 'Send the updatedAt you last read.');
      const [current]: (Record<string, unknown> & { stale: boolean; source_kind: string })[] = await em.query(
        `SELECT source_kind, service_id, theme_id, to_char(said_on, 'YYYY-MM-DD') AS said_on, channel, words,
            attributable, date_trunc('milliseconds', updated_at) <> $2::timestamptz AS stale
           FROM you_said_items WHERE id = $1 FOR UPDATE`,
        [id, expected],
      );
      if (current.stale)
        throw new DomainError(
          'conflict',
          'Someone changed this item after you opened it. Reload it to see their change, then make yours again.',
        );
      const changed = (Object.keys(EDITABLE_COLUMNS) as EditableItemField[]).filter(
        (field) => command[field] !== undefined && command[field] !== current[EDITABLE_COLUMNS[field]],
      );
      if (changed.length === 0) return this.detail(em, actor, id);
      if (changed.includes('source') && current.source_kind === 'evaluation')
        throw DomainError.validation('source', 'An item made from an evaluation stays an evaluation item.');
      if (command.saidOn !== undefined) this.assertNotAfterToday(command.saidOn);
      await assertCurrentListEntries(em, {
        serviceId: changed.includes('serviceId') ? command.serviceId : null,
        themeId: changed.includes('themeId') ? command.themeId : null,
      });
      const params: unknown[] = [id, this.clock.now()];
      const sets = changed.map((field) => `${EDITABLE_COLUMNS[field]} = $${params.push(command[field])}`);
      await em.query(`UPDATE you_said_items SET ${sets.join(', ')}, updated_at = $2 WHERE id = $1`, params);
      await appendTimeline(em, {
        itemId: id,
        event: 'item_changed',
        detail: { fields: changed },
        byUserId: actor.userId,
      });
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.YouSaidItem,
        id,
        detail: { event: 'item_changed', fields: changed.join(',') },
      });
      if (changed.includes('summary') || changed.includes('themeId')) await boardChanged(em);
      return this.detail(em, actor, id);
    });
  }

  /** The officer takes the item on: from now it is theirs to answer. */
  async acknowledge(actor: Actor, id: string): Promise<ItemDetail> {
    return this.db.transaction(async (em) => {
      await reachItem(actor, em, id);
      const now = this.clock.now();
      const taken: unknown[] = await em.query(
        `WITH taken AS (
           UPDATE you_said_items SET acknowledged_by = $2, acknowledged_at = $3, updated_at = $3
            WHERE id = $1 AND acknowledged_at IS NULL RETURNING id)
         SELECT id FROM taken`,
        [id, actor.userId, now],
      );
      if (taken.length === 0) throw new DomainError('conflict', 'An officer has already taken this item on.');
      await appendTimeline(em, { itemId: id, event: 'item_acknowledged', byUserId: actor.userId });
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.YouSaidItem,
        id,
        detail: { event: 'item_acknowledged' },
      });
      return this.detail(em, actor, id);
    });
  }

  /**
   * A quote kept with the item: from one of the young people it is from, or, on an item that
   * names no one (a survey), from no one. Whether it may be published is read each time from
   * their quote consent, never stored.
   */
  async addQuote(actor: Actor, id: string, command: QuoteCommand): Promise<ItemDetail> {
    return this.db.transaction(async (em) => {
      await reachItem(actor, em, id);
      const speakers: { id: string }[] = await em.query(
        `SELECT young_person_id AS id FROM you_said_speakers WHERE item_id = $1`,
        [id],
      );
      const from = command.youngPersonId;
      if (from === null ? speakers.length > 0 : !speakers.some((s) => s.id === from))
        throw DomainError.validation(
          'youngPersonId',
          from === null
            ? 'Say which of the young people it is from said this.'
            : 'A quote is from one of the young people the item is from.',
        );
      if (from !== null) await this.assertReachable(actor, em, [from], 'youngPersonId');
      const [{ quoteId }]: { quoteId: string }[] = await em.query(
        `INSERT INTO you_said_quotes (item_id, words, young_person_id, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id AS "quoteId"`,
        [id, command.words, from, actor.userId, this.clock.now()],
      );
      await em.query(`UPDATE you_said_items SET updated_at = $2 WHERE id = $1`, [id, this.clock.now()]);
      await appendTimeline(em, {
        itemId: id,
        event: 'quote_added',
        detail: { quoteId, youngPersonId: from },
        byUserId: actor.userId,
      });
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.YouSaidItem,
        id,
        detail: { event: 'quote_added', quoteId },
      });
      await boardChanged(em);
      return this.detail(em, actor, id);
    });
  }

  /** The whole item as its page shows it, for an item the actor has reached. */
  async detail(em: EntityManager, actor: Actor, id: string): Promise<ItemDetail> {
    const now = this.clock.now();
    // One after another: a transaction's statements share one connection.
    const row = await itemRow(em, id, now);
    const speakers = await speakersOf(em, actor, id);
    const quotes = await quotesOf(em, id);
    const timeline = await timelineOf(em, id);
    const seen = new Set(speakers.filter((s) => s.visible).map((s) => s.youngPersonId));
    const consents = await this.quotes.consentViews(
      em,
      quotes.flatMap((q) => (q.youngPersonId ? [q.youngPersonId] : [])),
    );
    return {
      ...toSummary(row),
      ...detailFields(row),
      speakers: speakers
        .filter((s) => s.visible)
        .map((s) => ({ youngPersonId: s.youngPersonId, name: s.name })),
      quotes: quotes.map((q) => ({
        id: q.id,
        words: q.words,
        youngPersonId: q.youngPersonId && seen.has(q.youngPersonId) ? q.youngPersonId : null,
        publishable: q.youngPersonId === null || consents.get(q.youngPersonId)?.inForce === true,
      })),
      timeline: timeline.map((e) => ({
        at: new Date(e.at).toISOString(),
        event: e.event,
        byName: e.byName,
        detail: e.detail,
      })),
    };
  }

  /** A field error naming the young people the actor may not reach (or who do not exist). */
  async assertReachable(
    actor: Actor,
    em: EntityManager,
    youngPersonIds: readonly string[],
    field: string,
  ): Promise<void> {
    if ((await this.access.unreachable(actor, em, youngPersonIds)).size > 0)
      throw DomainError.validation(field, 'Choose young people from your list.');
  }

  assertNotAfterToday(saidOn: string, field = 'saidOn'): void {
    if (saidOn > todayInLondon(this.clock.now()))
      throw DomainError.validation(field, 'It cannot have been said after today.');
  }

  /** The group and session an item was said at: the session decides its group. */
  private async placeOf(
    em: EntityManager,
    groupId: string | null,
    sessionId: string | null,
  ): Promise<{ groupId: string | null; sessionId: string | null }> {
    if (sessionId) {
      const [session]: { groupId: string }[] = await em.query(
        `SELECT group_id AS "groupId" FROM group_sessions WHERE id = $1`,
        [sessionId],
      );
      if (!session) throw DomainError.validation('sessionId', 'Choose a session from the list.');
      if (groupId && groupId !== session.groupId)
        throw DomainError.validation('sessionId', 'This session is not one of that group’s.');
      return { groupId: session.groupId, sessionId };
    }
    if (groupId) {
      const [group]: unknown[] = await em.query(`SELECT 1 FROM groups WHERE id = $1`, [groupId]);
      if (!group) throw DomainError.validation('groupId', 'Choose a group from the list.');
    }
    return { groupId, sessionId: null };
  }
}

function detailFields(row: DetailRow) {
  const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
  return {
    channel: row.channel,
    attributable: row.attributable,
    youngWords: row.youngWords,
    sessionStartsAt: iso(row.sessionStartsAt),
    evaluationId: row.evaluationId,
    acknowledgedBy:
      row.acknowledgedById && row.acknowledgedByName
        ? { id: row.acknowledgedById, name: row.acknowledgedByName }
        : null,
    acknowledgedAt: iso(row.acknowledgedAt),
    closedAt: iso(row.closedAt),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
