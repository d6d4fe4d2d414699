import {
  ACTION_STATUS_RULES,
  ActionResponse,
  ActionStatus,
  LundyTag,
  ProgressNoteResponse,
  STAFF_ROLES,
} from '@heard/domain';
import { EntityManager } from 'typeorm';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { itemVisibleSql } from './action-log-base';

/** An action's row as the service reads it to change it. */
export interface ActionRow {
  id: string;
  status: ActionStatus;
  words: string;
  youngWords: string | null;
  cantReason: string | null;
  ownerId: string | null;
  dueOn: string | null;
  doneOn: string | null;
  progress: number;
  evidence: string | null;
  lundy: LundyTag[];
  updatedAt: Date;
  /** updated_at to the millisecond, as the API sends it: what expectedUpdatedAt is compared with. */
  version: string;
}

const ACTION_COLUMNS = `a.id, a.status, a.words, a.young_words AS "youngWords", a.cant_reason AS "cantReason",
  a.owner_id AS "ownerId", a.due_on::text AS "dueOn", a.done_on::text AS "doneOn", a.progress, a.evidence, a.lundy,
  a.updated_at AS "updatedAt",
  to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS version`;

/**
 * 404 unless the action exists and the actor may see an item it answers; locked for the change
 * when `lock` is set. Its answered items are locked too, so a close cannot slip past a new answer.
 * An action answering no item is a published voice plan's commitment (docs/plan.md): public
 * already, so every reader of the log reaches it, and its owner's officer can keep it up to date.
 */
export async function reachAction(
  actor: Actor,
  em: EntityManager,
  id: string,
  lock: boolean,
): Promise<ActionRow> {
  const params: unknown[] = [id];
  const visible = itemVisibleSql(actor, params, 'y');
  const [row]: ActionRow[] = await em.query(
    `SELECT ${ACTION_COLUMNS} FROM actions a
      WHERE a.id = $1 AND (EXISTS (SELECT 1 FROM action_answers aa JOIN you_said_items y ON y.id = aa.item_id
                                    WHERE aa.action_id = a.id AND ${visible})
                           OR NOT EXISTS (SELECT 1 FROM action_answers aa WHERE aa.action_id = a.id))${
                             lock ? ' FOR UPDATE OF a' : ''
                           }`,
    params,
  );
  if (!row) throw DomainError.notFound('This action');
  if (lock)
    await em.query(
      `SELECT 1 FROM you_said_items WHERE id IN (SELECT item_id FROM action_answers WHERE action_id = $1)
        ORDER BY id FOR UPDATE`,
      [id],
    );
  return row;
}

/** An item is answered while it is open: a closed one is reopened on purpose first. */
export async function checkItemOpen(em: EntityManager, itemId: string): Promise<void> {
  const [row]: { closed: boolean }[] = await em.query(
    `SELECT closed_at IS NOT NULL AS closed FROM you_said_items WHERE id = $1 FOR UPDATE`,
    [itemId],
  );
  if (row?.closed)
    throw new DomainError('conflict', 'This You said item is closed. Reopen it before you answer it again.');
}

/** The owner of a We will: an active member of staff (anyone who may be asked to do something). */
export async function checkOwner(em: EntityManager, ownerId: string | null): Promise<void> {
  if (ownerId === null) return;
  const [row]: unknown[] = await em.query(
    `SELECT 1 FROM users WHERE id = $1 AND status = 'active' AND role = ANY($2::text[])`,
    [ownerId, STAFF_ROLES],
  );
  if (!row) throw DomainError.validation('ownerId', 'Choose an active member of staff as the owner.');
}

interface ListedRow extends ActionRow {
  ownerName: string | null;
  itemIds: string[];
  createdAt: Date;
}

/** The actions with these ids, or answering this item, as the actor may see them, oldest first. */
export async function loadActions(
  actor: Actor,
  em: EntityManager,
  where: { actionId: string } | { itemId: string },
): Promise<ActionResponse[]> {
  const params: unknown[] = ['actionId' in where ? where.actionId : where.itemId];
  const visible = itemVisibleSql(actor, params, 'y');
  const filter =
    'actionId' in where ? 'a.id = $1' : 'a.id IN (SELECT action_id FROM action_answers WHERE item_id = $1)';
  const rows: ListedRow[] = await em.query(
    `SELECT ${ACTION_COLUMNS}, a.created_at AS "createdAt", u.display_name AS "ownerName",
            ARRAY(SELECT aa.item_id::text FROM action_answers aa JOIN you_said_items y ON y.id = aa.item_id
                   WHERE aa.action_id = a.id AND ${visible} ORDER BY aa.linked_at, aa.item_id) AS "itemIds"
       FROM actions a LEFT JOIN users u ON u.id = a.owner_id
      WHERE ${filter} ORDER BY a.created_at, a.id`,
    params,
  );
  const notes = await notesOf(
    em,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    answer: ACTION_STATUS_RULES[r.status].answer,
    words: r.words,
    youngWords: r.youngWords,
    cantReason: r.cantReason,
    owner: r.ownerId ? { id: r.ownerId, displayName: r.ownerName ?? '' } : null,
    dueOn: r.dueOn,
    doneOn: r.doneOn,
    progress: r.progress,
    evidence: r.evidence,
    lundy: r.lundy,
    itemIds: r.itemIds,
    notes: notes.get(r.id) ?? [],
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: r.version,
  }));
}

async function notesOf(em: EntityManager, actionIds: string[]): Promise<Map<string, ProgressNoteResponse[]>> {
  const byAction = new Map<string, ProgressNoteResponse[]>();
  if (actionIds.length === 0) return byAction;
  const rows: (ProgressNoteResponse & { actionId: string; byId: string; byName: string; at: Date })[] =
    await em.query(
      `SELECT n.id, n.action_id AS "actionId", n.noted_on::text AS "notedOn", n.words, n.created_by AS "byId",
              u.display_name AS "byName", n.created_at AS at
         FROM action_progress_notes n JOIN users u ON u.id = n.created_by
        WHERE n.action_id = ANY($1::uuid[]) ORDER BY n.noted_on, n.created_at, n.id`,
      [actionIds],
    );
  for (const r of rows)
    byAction.set(r.actionId, [
      ...(byAction.get(r.actionId) ?? []),
      {
        id: r.id,
        notedOn: r.notedOn,
        words: r.words,
        createdBy: { id: r.byId, displayName: r.byName },
        createdAt: new Date(r.at).toISOString(),
      },
    ]);
  return byAction;
}
