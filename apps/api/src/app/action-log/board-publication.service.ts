import { Injectable } from '@nestjs/common';
import {
  ACTION_ANSWER_LABELS,
  ACTION_STATUS_RULES,
  ActionStatus,
  AuditAction,
  AuditRecordType,
  ItemPublicationResponse,
  PublicationCommand,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { readingLevelView } from './reading-level-view';
import { ConsentService } from '../consent/consent.service';
import { appendTimeline, boardChanged, reachItem } from './action-log-base';
import { tellOnTheBoard } from './board-telling';

interface PairRow {
  publishedAt: Date | null;
  status: ActionStatus;
  actionYoungWords: string | null;
  itemYoungWords: string | null;
}

/**
 * Publishing a pair (You said → its answer) on the public board, and taking it off
 * (docs/action-log.md, "Public board"). The officer chooses: nothing is on the board unless they
 * put it there, in the child-friendly words written for it, with quotes only while the young
 * person's quote consent is in force (the consent capability decides).
 */
@Injectable()
export class BoardPublicationService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly consent: ConsentService,
    private readonly clock: Clock,
  ) {}

  async publish(
    actor: Actor,
    actionId: string,
    itemId: string,
    command: PublicationCommand,
  ): Promise<ItemPublicationResponse> {
    await this.db.transaction(async (em) => {
      const pair = await this.reachPair(actor, em, actionId, itemId);
      if (!pair.itemYoungWords)
        throw new DomainError(
          'conflict',
          'Write what was said in young people’s words (the child-friendly text) before publishing it.',
        );
      if (!pair.actionYoungWords)
        throw new DomainError('conflict', 'Write the answer in young people’s words before publishing it.');
      await this.assertQuotesPublishable(em, itemId, command.quoteIds);
      const now = this.clock.now();
      if (!pair.publishedAt)
        await em.query(
          `UPDATE action_answers SET published_by = $3, published_at = $4 WHERE action_id = $1 AND item_id = $2`,
          [actionId, itemId, actor.userId, now],
        );
      // The quotes shown become exactly those chosen now: others come off, new ones go on.
      await em.query(
        `UPDATE board_quotes SET taken_off_at = $4, taken_off_why = 'unpublished'
          WHERE action_id = $1 AND item_id = $2 AND taken_off_at IS NULL AND NOT (quote_id = ANY($3::uuid[]))`,
        [actionId, itemId, command.quoteIds, now],
      );
      await em.query(
        `INSERT INTO board_quotes (action_id, item_id, quote_id, published_by, published_at)
         SELECT $1, $2, q, $4, $5 FROM unnest($3::uuid[]) AS q
         WHERE NOT EXISTS (SELECT 1 FROM board_quotes b WHERE b.action_id = $1 AND b.item_id = $2
                             AND b.quote_id = q AND b.taken_off_at IS NULL)`,
        [actionId, itemId, command.quoteIds, actor.userId, now],
      );
      const told = await tellOnTheBoard(
        em,
        { itemId, actionId, status: pair.status, youngWords: pair.actionYoungWords },
        actor.userId,
      );
      await this.changed(em, actor, actionId, itemId, 'published', { quoteIds: command.quoteIds, told });
    });
    return this.view(actor, itemId);
  }

  async unpublish(actor: Actor, actionId: string, itemId: string): Promise<ItemPublicationResponse> {
    await this.db.transaction(async (em) => {
      const pair = await this.reachPair(actor, em, actionId, itemId);
      if (!pair.publishedAt) throw new DomainError('conflict', 'This answer is not on the board.');
      await em.query(
        `UPDATE action_answers SET published_by = NULL, published_at = NULL WHERE action_id = $1 AND item_id = $2`,
        [actionId, itemId],
      );
      await em.query(
        `UPDATE board_quotes SET taken_off_at = $3, taken_off_why = 'unpublished'
          WHERE action_id = $1 AND item_id = $2 AND taken_off_at IS NULL`,
        [actionId, itemId, this.clock.now()],
      );
      await this.changed(em, actor, actionId, itemId, 'unpublished', {});
    });
    return this.view(actor, itemId);
  }

  /** The item's publication for the officer: what is on the board, the quotes and their consent. */
  async view(actor: Actor, itemId: string): Promise<ItemPublicationResponse> {
    const em = this.db.manager;
    await reachItem(actor, em, itemId);
    const [item]: { youngWords: string | null }[] = await em.query(
      `SELECT young_words AS "youngWords" FROM you_said_items WHERE id = $1`,
      [itemId],
    );
    const pairs: {
      actionId: string;
      status: ActionStatus;
      youngWords: string | null;
      publishedAt: Date | null;
      quoteIds: string[];
    }[] = await em.query(
      `SELECT a.id AS "actionId", a.status, a.young_words AS "youngWords", aa.published_at AS "publishedAt",
              COALESCE((SELECT array_agg(b.quote_id::text ORDER BY b.published_at, b.quote_id) FROM board_quotes b
                         WHERE b.action_id = a.id AND b.item_id = aa.item_id AND b.taken_off_at IS NULL), '{}') AS "quoteIds"
         FROM action_answers aa JOIN actions a ON a.id = aa.action_id
        WHERE aa.item_id = $1 ORDER BY aa.linked_at, a.id`,
      [itemId],
    );
    const quotes: { id: string; words: string; youngPersonId: string | null }[] = await em.query(
      `SELECT id, words, young_person_id AS "youngPersonId" FROM you_said_quotes WHERE item_id = $1
        ORDER BY created_at, id`,
      [itemId],
    );
    const consent = await this.consent.quoteConsentOf(
      em,
      quotes.flatMap((q) => (q.youngPersonId ? [q.youngPersonId] : [])),
      this.clock.now(),
    );
    return {
      itemId,
      youngWords: item.youngWords,
      readingLevel: item.youngWords ? await readingLevelView(item.youngWords) : null,
      pairs: pairs.map((p) => {
        const answer = ACTION_STATUS_RULES[p.status].answer;
        return {
          actionId: p.actionId,
          answer,
          label: ACTION_ANSWER_LABELS[answer],
          youngWords: p.youngWords,
          publishedAt: p.publishedAt ? new Date(p.publishedAt).toISOString() : null,
          quoteIds: p.quoteIds,
        };
      }),
      quotes: quotes.map((q) => ({
        id: q.id,
        words: q.words,
        needsConsent: q.youngPersonId !== null,
        consentInForce: q.youngPersonId === null || (consent.get(q.youngPersonId)?.inForce ?? false),
      })),
    };
  }

  /** 404 unless the item is theirs to see and the action answers it; the pair is locked for the change. */
  private async reachPair(
    actor: Actor,
    em: EntityManager,
    actionId: string,
    itemId: string,
  ): Promise<PairRow> {
    await reachItem(actor, em, itemId);
    const [pair]: PairRow[] = await em.query(
      `SELECT aa.published_at AS "publishedAt", a.status, a.young_words AS "actionYoungWords",
              y.young_words AS "itemYoungWords"
         FROM action_answers aa JOIN actions a ON a.id = aa.action_id JOIN you_said_items y ON y.id = aa.item_id
        WHERE aa.action_id = $1 AND aa.item_id = $2
        FOR UPDATE OF aa`,
      [actionId, itemId],
    );
    if (!pair) throw DomainError.notFound('This answer to the item');
    return pair;
  }

  /** Each quote is one of the item's, and a young person's only while their quote consent is in force. */
  private async assertQuotesPublishable(
    em: EntityManager,
    itemId: string,
    quoteIds: readonly string[],
  ): Promise<void> {
    if (quoteIds.length === 0) return;
    const quotes: { id: string; youngPersonId: string | null }[] = await em.query(
      `SELECT id, young_person_id AS "youngPersonId" FROM you_said_quotes WHERE item_id = $1 AND id = ANY($2::uuid[])`,
      [itemId, quoteIds],
    );
    if (quotes.length !== quoteIds.length)
      throw DomainError.validation('quoteIds', 'Choose quotes kept with this item.');
    const people = quotes.flatMap((q) => (q.youngPersonId ? [q.youngPersonId] : []));
    const consent = await this.consent.quoteConsentOf(em, people, this.clock.now());
    for (const id of people) {
      const view = consent.get(id);
      if (!view?.inForce)
        throw new DomainError(
          'conflict',
          `A quote can go on the board only while its young person’s consent to quoting is in force. ${view?.message ?? ''}`.trim(),
        );
    }
  }

  private async changed(
    em: EntityManager,
    actor: Actor,
    actionId: string,
    itemId: string,
    event: 'published' | 'unpublished',
    detail: { quoteIds?: readonly string[]; told?: boolean },
  ): Promise<void> {
    await appendTimeline(em, {
      itemId,
      actionId,
      event,
      detail: detail.quoteIds ? { quoteIds: detail.quoteIds } : {},
      byUserId: actor.userId,
    });
    await this.audit.for(actor).record(em, {
      action: AuditAction.Update,
      type: AuditRecordType.YouSaidItem,
      id: itemId,
      detail: {
        event,
        actionId,
        quotes: detail.quoteIds?.length ?? 0,
        ...(detail.told ? { told: true } : {}),
      },
    });
    await boardChanged(em);
  }
}
