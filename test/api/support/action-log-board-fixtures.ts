import { ActionStatus, addDays, todayInLondon } from '@heard/domain';
import { DataSource } from 'typeorm';

/**
 * Items, actions, answers and quotes written straight into the database, so the board and review
 * tests do not depend on the item and action endpoints (built alongside). Each writes only what
 * its columns need; the words are fictional.
 */
export interface ItemFixture {
  /** The staff summary: private, never on the board. */
  words?: string;
  youngWords?: string | null;
  groupId?: string | null;
  themeId?: string | null;
  saidOn?: string;
  speakers?: readonly string[];
  createdBy: string;
}

export async function insertTheme(db: DataSource, name: string): Promise<string> {
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO action_log_themes (name) VALUES ($1) RETURNING id`,
    [name],
  );
  return row.id;
}

export async function insertItem(db: DataSource, item: ItemFixture): Promise<string> {
  const saidOn = item.saidOn ?? addDays(todayInLondon(), -20);
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO you_said_items (words, source_kind, created_by, said_on, channel, group_id, theme_id,
                                 young_words, acknowledge_by, acknowledged_by, acknowledged_at)
     VALUES ($1, 'group_session', $2, $3, 'session', $4, $5, $6, now(), $2, now()) RETURNING id`,
    [
      item.words ?? 'More notice before reviews, said at the group.',
      item.createdBy,
      saidOn,
      item.groupId ?? null,
      item.themeId ?? null,
      item.youngWords === undefined ? 'Tell us sooner when our review is.' : item.youngWords,
    ],
  );
  for (const youngPersonId of item.speakers ?? [])
    await db.query(`INSERT INTO you_said_speakers (item_id, young_person_id) VALUES ($1, $2)`, [
      row.id,
      youngPersonId,
    ]);
  return row.id;
}

export interface ActionFixture {
  status?: ActionStatus;
  /** The officers' words: private, never on the board. */
  words?: string;
  youngWords?: string | null;
  cantReason?: string;
  createdBy: string;
}

/** An action answering the items, linked to each of them. */
export async function insertAction(
  db: DataSource,
  itemIds: readonly string[],
  action: ActionFixture,
): Promise<string> {
  const status = action.status ?? 'done';
  const willDo = status === 'planned' || status === 'in_progress';
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO actions (status, words, young_words, cant_reason, owner_id, due_on, done_on, progress, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      status,
      action.words ?? 'Review dates now go out four weeks ahead.',
      action.youngWords === undefined ? 'We now tell you four weeks before.' : action.youngWords,
      status === 'cant' ? (action.cantReason ?? 'There is no money for it this year.') : null,
      willDo ? action.createdBy : null,
      willDo ? addDays(todayInLondon(), 30) : null,
      status === 'done' ? addDays(todayInLondon(), -3) : null,
      status === 'done' ? 100 : 0,
      action.createdBy,
    ],
  );
  for (const itemId of itemIds)
    await db.query(`INSERT INTO action_answers (action_id, item_id, linked_by) VALUES ($1, $2, $3)`, [
      row.id,
      itemId,
      action.createdBy,
    ]);
  return row.id;
}

export async function insertQuote(
  db: DataSource,
  itemId: string,
  quote: { words: string; youngPersonId: string | null; createdBy: string },
): Promise<string> {
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO you_said_quotes (item_id, words, young_person_id, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [itemId, quote.words, quote.youngPersonId, quote.createdBy],
  );
  return row.id;
}

export async function boardRevision(db: DataSource): Promise<number> {
  const [row]: { revision: string }[] = await db.query(
    `SELECT board_revision AS revision FROM action_log_settings`,
  );
  return Number(row.revision);
}
