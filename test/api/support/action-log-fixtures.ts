import { YouSaidSource, todayInLondon } from '@heard/domain';
import { DataSource } from 'typeorm';

/**
 * You said items for tests of what answers them, put straight into the tables: the items API is
 * built alongside (issue 12 §1) and these can become calls to it. An item is acknowledged by the
 * given officer unless `acknowledged` is false, so it is ready to be answered.
 */
export async function insertItem(
  db: DataSource,
  by: string,
  options: {
    words?: string;
    youngWords?: string | null;
    youngPersonIds?: string[];
    groupId?: string | null;
    source?: YouSaidSource;
    acknowledged?: boolean;
  } = {},
): Promise<string> {
  const acknowledged = options.acknowledged ?? true;
  const [{ id }]: { id: string }[] = await db.query(
    `INSERT INTO you_said_items (words, young_words, source_kind, said_on, channel, group_id, acknowledge_by,
         acknowledged_by, acknowledged_at, created_by)
     VALUES ($1, $2, $3, $4, 'in_person', $5, now() + interval '2 days', $6, $7, $8) RETURNING id`,
    [
      options.words ?? 'The review leaflet is too hard to read.',
      options.youngWords ?? null,
      options.source ?? (options.groupId ? 'group_session' : 'young_person'),
      todayInLondon(),
      options.groupId ?? null,
      acknowledged ? by : null,
      acknowledged ? new Date() : null,
      by,
    ],
  );
  for (const youngPersonId of options.youngPersonIds ?? [])
    await db.query(`INSERT INTO you_said_speakers (item_id, young_person_id) VALUES ($1, $2)`, [
      id,
      youngPersonId,
    ]);
  return id;
}

/** A group's next session, `days` from now, and (when given) young people as its members. */
export async function insertSession(
  db: DataSource,
  groupId: string,
  days: number,
  memberIds: string[] = [],
): Promise<string> {
  const [{ id }]: { id: string }[] = await db.query(
    `INSERT INTO group_sessions (group_id, starts_at, ends_at)
     VALUES ($1, now() + make_interval(days => $2), now() + make_interval(days => $2, hours => 2)) RETURNING id`,
    [groupId, days],
  );
  for (const youngPersonId of memberIds)
    await db.query(
      `INSERT INTO group_memberships (group_id, young_person_id, role, joined_on) VALUES ($1, $2, 'member', $3)`,
      [groupId, youngPersonId, '2025-01-01'],
    );
  return id;
}

/** Counts of every table an action or a telling writes, and the actions' state: a refusal changes none. */
export async function actionLogState(db: DataSource): Promise<Record<string, number | string | null>> {
  const [row]: Record<string, string>[] = await db.query(
    `SELECT (SELECT count(*) FROM actions) AS actions, (SELECT count(*) FROM action_answers) AS answers,
            (SELECT count(*) FROM action_progress_notes) AS notes, (SELECT count(*) FROM you_said_timeline) AS timeline,
            (SELECT count(*) FROM loop_tellings) AS tellings, (SELECT count(*) FROM mail_outbox) AS mail,
            (SELECT count(*) FROM you_said_items WHERE closed_at IS NOT NULL) AS closed,
            (SELECT count(*) FROM loop_tellings WHERE passed_at IS NOT NULL) AS passed,
            (SELECT string_agg(id::text || status || progress || updated_at::text, ',' ORDER BY id) FROM actions) AS state`,
  );
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === 'state' ? v : Number(v)]));
}
