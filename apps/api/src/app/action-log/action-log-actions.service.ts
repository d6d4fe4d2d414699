import { Injectable } from '@nestjs/common';
import {
  ACTION_STATUS_RULES,
  ActionCreateCommand,
  ActionResponse,
  ActionUpdateCommand,
  AuditAction,
  AuditRecordType,
  ProgressNoteCommand,
  checkActionChange,
  todayInLondon,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { TimelineEntry, appendTimeline, boardChanged, itemsAnsweredBy, reachItem } from './action-log-base';
import { ActionRow, checkItemOpen, checkOwner, loadActions, reachAction } from './action-log-actions.queries';

/** The fields of an action an officer may change, and the column each is stored in. */
const CHANGEABLE = {
  words: 'words',
  youngWords: 'young_words',
  cantReason: 'cant_reason',
  ownerId: 'owner_id',
  dueOn: 'due_on',
  evidence: 'evidence',
  lundy: 'lundy',
} as const satisfies Partial<Record<keyof ActionUpdateCommand, string>>;
type Changeable = keyof typeof CHANGEABLE;

/**
 * Actions (docs/action-log.md "Actions"): answering You said items with We did / We will / We
 * can't, moving an action on the status table, progress notes. Every change goes on the timeline
 * of each item the action answers; nothing is deleted.
 */
@Injectable()
export class ActionLogActionsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  forItem(actor: Actor, itemId: string): Promise<ActionResponse[]> {
    return this.db.transaction(async (em) => {
      await reachItem(actor, em, itemId);
      return loadActions(actor, em, { itemId });
    });
  }

  /** One action, for its own page: a published plan's commitment answers no item, so is found only this way. */
  get(actor: Actor, id: string): Promise<ActionResponse> {
    return this.db.transaction(async (em) => {
      await reachAction(actor, em, id, false);
      return this.one(actor, em, id);
    });
  }

  create(actor: Actor, command: ActionCreateCommand): Promise<ActionResponse> {
    return this.db.transaction(async (em) => {
      for (const itemId of [...command.itemIds].sort()) {
        await reachItem(actor, em, itemId);
        await checkItemOpen(em, itemId);
      }
      await checkOwner(em, command.ownerId);
      const id = await this.insertAction(actor, em, command);
      return this.one(actor, em, id);
    });
  }

  /**
   * Writes a new action in the caller's transaction: the action, the items it answers (none for a
   * plan's commitment), their timelines and the audit row. The one home of an action's insert, for
   * an officer answering items and for a voice plan's commitments becoming We will on publishing.
   * The caller has checked the items and the owner.
   */
  async insertAction(
    actor: Actor,
    em: EntityManager,
    command: Omit<ActionCreateCommand, 'itemIds'> & { itemIds: readonly string[] },
    origin: Record<string, string> = {},
  ): Promise<string> {
    const rule = ACTION_STATUS_RULES[command.status];
    const doneOn = command.status === 'done' ? (command.doneOn ?? todayInLondon()) : null;
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO actions (status, words, young_words, cant_reason, owner_id, due_on, done_on, progress, evidence,
             lundy, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text[], $11) RETURNING id`,
      [
        command.status,
        command.words,
        command.youngWords,
        command.cantReason,
        command.ownerId,
        command.dueOn,
        doneOn,
        command.progress ?? rule.defaultProgress,
        command.evidence,
        command.lundy,
        actor.userId,
      ],
    );
    if (command.itemIds.length > 0)
      await em.query(
        `INSERT INTO action_answers (action_id, item_id, linked_by) SELECT $1, unnest($2::uuid[]), $3`,
        [id, command.itemIds, actor.userId],
      );
    await appendTimeline(
      em,
      command.itemIds.map((itemId) => ({
        itemId,
        actionId: id,
        event: 'action_linked',
        detail: {
          status: command.status,
          ownerId: command.ownerId,
          dueOn: command.dueOn,
          doneOn,
          lundy: command.lundy,
        },
        byUserId: actor.userId,
      })),
    );
    await this.audit.for(actor).record(em, {
      action: AuditAction.Create,
      type: AuditRecordType.Action,
      id,
      detail: { status: command.status, items: command.itemIds.length, ...origin },
    });
    return id;
  }

  update(actor: Actor, id: string, command: ActionUpdateCommand): Promise<ActionResponse> {
    return this.db.transaction(async (em) => {
      const before = await reachAction(actor, em, id, true);
      if (before.version !== new Date(command.expectedUpdatedAt).toISOString())
        throw new DomainError(
          'conflict',
          'Someone changed this action since you opened it. Look at it again before you change it.',
        );
      const after = this.merged(before, command);
      const to = command.status ?? before.status;
      const check = checkActionChange(before.status, to, after, {
        current: before.progress,
        given: command.progress ?? null,
      });
      if (!check.allowed) throw DomainError.validation(check.field, check.message);
      if (command.doneOn && to !== 'done')
        throw DomainError.validation('doneOn', 'Only a “We did” has a date it was done.');
      if (command.ownerId !== undefined) await checkOwner(em, after.ownerId);
      const doneOn = to === 'done' ? (command.doneOn ?? before.doneOn ?? todayInLondon()) : null;
      const changed = (Object.keys(CHANGEABLE) as Changeable[]).filter(
        (k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]),
      );
      const moved = to !== before.status;
      if (!moved && changed.length === 0 && check.progress === before.progress && doneOn === before.doneOn)
        return this.one(actor, em, id);
      await em.query(
        `UPDATE actions SET status = $2, words = $3, young_words = $4, cant_reason = $5, owner_id = $6, due_on = $7,
            done_on = $8, progress = $9, evidence = $10, lundy = $11::text[], updated_at = now()
          WHERE id = $1`,
        [
          id,
          to,
          after.words,
          after.youngWords,
          after.cantReason,
          after.ownerId,
          after.dueOn,
          doneOn,
          check.progress,
          after.evidence,
          after.lundy,
        ],
      );
      const itemIds = await itemsAnsweredBy(em, id);
      const entries: TimelineEntry[] = [];
      for (const itemId of itemIds) {
        if (moved)
          entries.push({
            itemId,
            actionId: id,
            event: 'action_status',
            detail: { from: before.status, to, progress: check.progress, doneOn },
            byUserId: actor.userId,
          });
        if (changed.length > 0 || (!moved && check.progress !== before.progress))
          entries.push({
            itemId,
            actionId: id,
            event: 'action_changed',
            detail: { fields: changed, ownerId: after.ownerId, dueOn: after.dueOn, progress: check.progress },
            byUserId: actor.userId,
          });
      }
      await appendTimeline(em, entries);
      if (moved) await this.reopenClosedItems(actor, em, id, itemIds);
      if ((moved || changed.includes('youngWords')) && (await this.published(em, id))) await boardChanged(em);
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.Action,
        id,
        detail: { from: before.status, to, fields: changed.join(',') },
      });
      return this.one(actor, em, id);
    });
  }

  addNote(actor: Actor, id: string, command: ProgressNoteCommand): Promise<ActionResponse> {
    return this.db.transaction(async (em) => {
      await reachAction(actor, em, id, true);
      const [{ id: noteId }]: { id: string }[] = await em.query(
        `INSERT INTO action_progress_notes (action_id, noted_on, words, created_by) VALUES ($1, $2, $3, $4)
         RETURNING id`,
        [id, command.notedOn, command.words, actor.userId],
      );
      await appendTimeline(
        em,
        (await itemsAnsweredBy(em, id)).map((itemId) => ({
          itemId,
          actionId: id,
          event: 'progress_noted',
          detail: { noteId, notedOn: command.notedOn },
          byUserId: actor.userId,
        })),
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.Action,
        id,
        detail: { event: 'progress_noted', noteId },
      });
      return this.one(actor, em, id);
    });
  }

  linkItem(actor: Actor, id: string, itemId: string): Promise<ActionResponse> {
    return this.db.transaction(async (em) => {
      const action = await reachAction(actor, em, id, true);
      await reachItem(actor, em, itemId);
      await checkItemOpen(em, itemId);
      const [already]: unknown[] = await em.query(
        `SELECT 1 FROM action_answers WHERE action_id = $1 AND item_id = $2`,
        [id, itemId],
      );
      if (already) throw new DomainError('conflict', 'This action already answers that item.');
      await em.query(`INSERT INTO action_answers (action_id, item_id, linked_by) VALUES ($1, $2, $3)`, [
        id,
        itemId,
        actor.userId,
      ]);
      await appendTimeline(
        em,
        (await itemsAnsweredBy(em, id)).map((answered) => ({
          itemId: answered,
          actionId: id,
          event: 'action_linked',
          detail: { status: action.status, linkedItemId: itemId },
          byUserId: actor.userId,
        })),
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.Action,
        id,
        detail: { event: 'linked', itemId },
      });
      return this.one(actor, em, id);
    });
  }

  private async one(actor: Actor, em: EntityManager, id: string): Promise<ActionResponse> {
    const [action] = await loadActions(actor, em, { actionId: id });
    return action;
  }

  /** The action as it will be: what was sent, over what it was. */
  private merged(before: ActionRow, command: ActionUpdateCommand): Pick<ActionRow, Changeable> {
    const pick = <K extends Changeable>(k: K): ActionRow[K] =>
      command[k] === undefined ? before[k] : (command[k] as ActionRow[K]);
    return {
      words: pick('words'),
      youngWords: pick('youngWords'),
      cantReason: pick('cantReason'),
      ownerId: pick('ownerId'),
      dueOn: pick('dueOn'),
      evidence: pick('evidence'),
      lundy: pick('lundy'),
    };
  }

  /**
   * A new answer to a closed item opens it again: the young people who spoke must hear the new
   * answer before it can be closed once more.
   */
  private async reopenClosedItems(
    actor: Actor,
    em: EntityManager,
    actionId: string,
    itemIds: string[],
  ): Promise<void> {
    // A SELECT around the UPDATE: the driver gives an UPDATE's rows back wrapped with its count.
    const reopened: { id: string }[] = await em.query(
      `WITH reopened AS (UPDATE you_said_items SET closed_at = NULL, closed_by = NULL, updated_at = now()
          WHERE id = ANY($1::uuid[]) AND closed_at IS NOT NULL RETURNING id)
       SELECT id FROM reopened ORDER BY id`,
      [itemIds],
    );
    await appendTimeline(
      em,
      reopened.map((r) => ({
        itemId: r.id,
        actionId,
        event: 'item_reopened',
        detail: { because: 'answer_changed' },
        byUserId: actor.userId,
      })),
    );
  }

  private async published(em: EntityManager, actionId: string): Promise<boolean> {
    const [row]: unknown[] = await em.query(
      `SELECT 1 FROM action_answers WHERE action_id = $1 AND published_at IS NOT NULL LIMIT 1`,
      [actionId],
    );
    return !!row;
  }
}
