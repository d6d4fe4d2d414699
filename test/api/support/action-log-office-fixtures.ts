import { ActionStatus, ACTION_STATUS_RULES, YouSaidSource, todayInLondon } from '@heard/domain';
import { DataSource } from 'typeorm';

/**
 * The action log's records written straight in SQL, for the queue, export, import and chasing
 * tests: the endpoints that record items, actions and tellings are built and tested elsewhere.
 */

export async function makeService(db: DataSource, name: string): Promise<string> {
  const [{ id }]: { id: string }[] = await db.query(
    `INSERT INTO action_log_services (name) VALUES ($1) RETURNING id`,
    [name],
  );
  return id;
}

export async function makeTheme(db: DataSource, name: string): Promise<string> {
  const [{ id }]: { id: string }[] = await db.query(
    `INSERT INTO action_log_themes (name) VALUES ($1) RETURNING id`,
    [name],
  );
  return id;
}

export interface ItemFixture {
  createdBy: string;
  words?: string;
  source?: YouSaidSource;
  saidOn?: string;
  serviceId?: string | null;
  themeId?: string | null;
  channel?: string | null;
  /** Default: two days from now. */
  acknowledgeBy?: Date;
  acknowledgedBy?: string | null;
  closedBy?: string | null;
  speakers?: string[];
}

export async function makeItem(db: DataSource, f: ItemFixture): Promise<string> {
  const [{ id }]: { id: string }[] = await db.query(
    `INSERT INTO you_said_items (words, source_kind, said_on, channel, service_id, theme_id, acknowledge_by,
        acknowledged_by, acknowledged_at, closed_by, closed_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $8::uuid IS NULL THEN NULL ELSE now() END,
        $9, CASE WHEN $9::uuid IS NULL THEN NULL ELSE now() END, $10)
     RETURNING id`,
    [
      f.words ?? 'More evening sessions, please',
      f.source ?? 'young_person',
      f.saidOn ?? todayInLondon(),
      f.channel ?? null,
      f.serviceId ?? null,
      f.themeId ?? null,
      f.acknowledgeBy ?? new Date(Date.now() + 2 * 86_400_000),
      f.acknowledgedBy ?? null,
      f.closedBy ?? null,
      f.createdBy,
    ],
  );
  for (const youngPersonId of f.speakers ?? [])
    await db.query(`INSERT INTO you_said_speakers (item_id, young_person_id) VALUES ($1, $2)`, [
      id,
      youngPersonId,
    ]);
  return id;
}

export interface ActionFixture {
  createdBy: string;
  itemIds: string[];
  status: ActionStatus;
  words?: string;
  ownerId?: string | null;
  dueOn?: string | null;
  doneOn?: string | null;
  cantReason?: string | null;
}

export async function makeAction(db: DataSource, f: ActionFixture): Promise<string> {
  const [{ id }]: { id: string }[] = await db.query(
    `INSERT INTO actions (status, words, cant_reason, owner_id, due_on, done_on, progress, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      f.status,
      f.words ?? 'We will run sessions on Tuesday evenings',
      f.status === 'cant' ? (f.cantReason ?? 'There is no money for it this year.') : null,
      f.ownerId ?? null,
      f.dueOn ?? null,
      f.status === 'done' ? (f.doneOn ?? todayInLondon()) : null,
      ACTION_STATUS_RULES[f.status].defaultProgress,
      f.createdBy,
    ],
  );
  for (const itemId of f.itemIds)
    await db.query(`INSERT INTO action_answers (action_id, item_id, linked_by) VALUES ($1, $2, $3)`, [
      id,
      itemId,
      f.createdBy,
    ]);
  return id;
}

/** The young person (or, with none, the item's group at a session) told the action's current answer. */
export async function tell(
  db: DataSource,
  f: { itemId: string; actionId: string; toldBy: string; youngPersonId?: string },
): Promise<void> {
  await db.query(
    `INSERT INTO loop_tellings (item_id, action_id, action_status, message, channel, young_person_id, told_by)
     SELECT $1, a.id, a.status, 'We did what you asked.', $4, $3, $5 FROM actions a WHERE a.id = $2`,
    [f.itemId, f.actionId, f.youngPersonId ?? null, f.youngPersonId ? 'in_person' : 'board', f.toldBy],
  );
}

/** Every row of the action log's tables, to prove a refused request wrote nothing. */
export async function actionLogCounts(db: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'you_said_items',
    'you_said_timeline',
    'actions',
    'action_answers',
    'action_log_reminders',
    'mail_outbox',
  ]) {
    const [{ n }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = n;
  }
  return counts;
}
