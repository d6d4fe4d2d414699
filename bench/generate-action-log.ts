/**
 * The action log at the size issue 12 measures: by default 100,000 You said items, 60,000 actions
 * answering them and 300,000 timeline entries, spread over two years. Most items name one or two of
 * the generated young people, two in five a group; nine in ten were acknowledged, the older ones
 * mostly closed after the young people were told. A tenth of the answers are published on the board.
 */
import { DataSource } from 'typeorm';

export interface ActionLogSizes {
  items: number;
  actions: number;
  timeline: number;
}

const SERVICES = ['Duty & Assessment', 'Intervention & Planning', 'MASH', 'Early Help', 'Fostering'];
const THEMES = ['Transparency and managing expectations', 'Sharing learning', 'Multi-agency partnerships'];
const SAID = [
  'Meetings should start on time and say who everyone is',
  'I want to know who my new social worker is before they visit',
  'Reports use words I do not understand',
  'Nobody told me what happened after my review',
  'The waiting room is not a nice place to wait',
  'I would like to read my plan before the meeting',
];
const DID = [
  'Every meeting now starts with names and jobs',
  'Letters introduce a new worker with a photo',
  'A word list is printed on the back of reports',
  'Reviews end with a note of what happens next',
];

/**
 * The row triggers that keep each item's stage and next due date (migrations 1765250000000 and
 * 1765280000000). Row by row, each one's plan was made while the tables were still empty, so every
 * answer inserted read the answers before it: 72,000 of them took over half an hour. They are off
 * while the log is loaded and every item's stage is then worked out once, by the same function the
 * triggers call (`you_said_stage_refresh`), after the tables are analysed.
 */
const STAGE_TRIGGERS = [
  ['you_said_items', 'you_said_items_stage'],
  ['you_said_speakers', 'you_said_speakers_stage'],
  ['action_answers', 'action_answers_stage'],
  ['loop_tellings', 'loop_tellings_stage'],
] as const;

async function stageTriggers(db: DataSource, on: boolean): Promise<void> {
  for (const [table, trigger] of STAGE_TRIGGERS)
    await db.query(`ALTER TABLE ${table} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${trigger}`);
}

export async function generateActionLog(
  db: DataSource,
  sizes: ActionLogSizes,
  timed: (label: string, work: () => Promise<unknown>) => Promise<void>,
): Promise<void> {
  await stageTriggers(db, false);
  try {
    await loadActionLog(db, sizes, timed);
  } finally {
    await stageTriggers(db, true);
  }
  await timed("each item's stage and next due date", async () => {
    await db.query(`ANALYZE you_said_items, you_said_speakers, actions, action_answers, loop_tellings`);
    await db.query(`SELECT you_said_stage_refresh(array_agg(id)) FROM you_said_items`);
  });
}

async function loadActionLog(
  db: DataSource,
  sizes: ActionLogSizes,
  timed: (label: string, work: () => Promise<unknown>) => Promise<void>,
): Promise<void> {
  await timed(`${sizes.items} You said items with their speakers`, async () => {
    await db.query(
      `INSERT INTO action_log_services (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
      [SERVICES],
    );
    await db.query(`INSERT INTO action_log_themes (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [
      THEMES,
    ]);
    await db.query(
      `WITH officers AS (SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE role = 'participation_officer'),
            services AS (SELECT array_agg(id ORDER BY name) AS ids FROM action_log_services),
            themes AS (SELECT array_agg(id ORDER BY name) AS ids FROM action_log_themes),
            grp AS (SELECT array_agg(id ORDER BY id) AS ids FROM groups),
            items AS (SELECT g, current_date - (g % 730) AS said_on FROM generate_series(1, $1) g)
       INSERT INTO you_said_items (words, source_kind, created_by, created_at, service_id, theme_id, said_on, channel,
                                   attributable, group_id, acknowledge_by, acknowledged_by, acknowledged_at,
                                   closed_by, closed_at, updated_at, young_words)
       SELECT ($2::text[])[1 + i.g % array_length($2::text[], 1)] || ' (' || i.g || ')',
              (ARRAY['young_person', 'group_session', 'young_expert', 'parent_carer', 'survey', 'practitioner'])[1 + i.g % 6],
              o.ids[1 + i.g % array_length(o.ids, 1)], i.said_on + time '12:00',
              s.ids[1 + i.g % array_length(s.ids, 1)], t.ids[1 + (i.g / 7) % array_length(t.ids, 1)],
              i.said_on, (ARRAY['in_person', 'session', 'email', 'survey'])[1 + i.g % 4], i.g % 5 = 0,
              CASE WHEN i.g % 5 < 2 THEN grp.ids[1 + i.g % array_length(grp.ids, 1)] END,
              i.said_on + 2 + time '12:00',
              CASE WHEN i.g % 10 <> 0 THEN o.ids[1 + i.g % array_length(o.ids, 1)] END,
              CASE WHEN i.g % 10 <> 0 THEN i.said_on + 1 + time '09:00' END,
              CASE WHEN i.g % 10 <> 0 AND i.said_on < current_date - 120 AND i.g % 3 <> 0
                   THEN o.ids[1 + i.g % array_length(o.ids, 1)] END,
              CASE WHEN i.g % 10 <> 0 AND i.said_on < current_date - 120 AND i.g % 3 <> 0
                   THEN i.said_on + 90 + time '09:00' END,
              i.said_on + time '12:00',
              -- The child-friendly words the public board shows.
              ($2::text[])[1 + i.g % array_length($2::text[], 1)]
         FROM items i, officers o, services s, themes t, grp`,
      [sizes.items, SAID],
    );
    // One or two young people spoke for most items (a survey's are anonymous).
    await db.query(
      `WITH people AS (SELECT array_agg(id ORDER BY id) AS ids FROM young_people),
            items AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM you_said_items WHERE source_kind <> 'survey')
       INSERT INTO you_said_speakers (item_id, young_person_id)
       SELECT i.id, p.ids[1 + ((i.n * k) % array_length(p.ids, 1))]
         FROM items i, people p, generate_series(1, 2) k
        WHERE k = 1 OR i.n % 3 = 0
       ON CONFLICT DO NOTHING`,
    );
  });
  await timed(`${sizes.actions} actions with their answers and tellings`, async () => {
    // Actions answer the acknowledged items, oldest first; a fifth of them answer a second item too.
    await db.query(
      `WITH officers AS (SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE role = 'participation_officer'),
            n AS (SELECT g, (ARRAY['done', 'done', 'planned', 'in_progress', 'cant'])[1 + g % 5] AS status
                    FROM generate_series(1, $1) g)
       INSERT INTO actions (status, words, young_words, cant_reason, owner_id, due_on, done_on, progress, lundy,
                            created_by, created_at, updated_at)
       SELECT n.status, ($2::text[])[1 + n.g % array_length($2::text[], 1)], ($2::text[])[1 + n.g % array_length($2::text[], 1)],
              CASE WHEN n.status = 'cant' THEN 'We do not have the money for that this year' END,
              CASE WHEN n.status IN ('planned', 'in_progress') OR n.g % 2 = 0 THEN o.ids[1 + n.g % array_length(o.ids, 1)] END,
              CASE WHEN n.status IN ('planned', 'in_progress') THEN current_date - 20 + n.g % 120 END,
              CASE WHEN n.status = 'done' THEN current_date - n.g % 700 END,
              CASE n.status WHEN 'done' THEN 100 WHEN 'in_progress' THEN 50 ELSE 0 END,
              CASE n.g % 4 WHEN 0 THEN ARRAY['voice'] WHEN 1 THEN ARRAY['influence'] WHEN 2 THEN ARRAY['space', 'voice'] ELSE ARRAY['audience'] END,
              o.ids[1 + n.g % array_length(o.ids, 1)], now() - (n.g % 700 || ' days')::interval, now()
         FROM n, officers o`,
      [sizes.actions, DID],
    );
    await db.query(
      `WITH acts AS (SELECT id, created_by, row_number() OVER (ORDER BY created_at, id) AS n FROM actions),
            items AS (SELECT id, row_number() OVER (ORDER BY said_on, id) AS n
                        FROM you_said_items WHERE acknowledged_at IS NOT NULL)
       INSERT INTO action_answers (action_id, item_id, linked_by, published_by, published_at)
       SELECT a.id, i.id, a.created_by,
              CASE WHEN a.n % 10 = 0 THEN a.created_by END, CASE WHEN a.n % 10 = 0 THEN now() - (a.n % 300 || ' days')::interval END
         FROM acts a
         JOIN LATERAL (SELECT 1 + (a.n - 1) % (SELECT count(*) FROM items) AS n
                       UNION ALL SELECT 1 + a.n % (SELECT count(*) FROM items) WHERE a.n % 5 = 0) pick ON true
         JOIN items i ON i.n = pick.n
       ON CONFLICT DO NOTHING`,
    );
    // The young people who spoke were told the current answer of most actions; every closed item's.
    await db.query(
      `INSERT INTO loop_tellings (item_id, action_id, action_status, message, channel, young_person_id, told_by, told_at)
       SELECT aa.item_id, aa.action_id, a.status, 'You told us something. Here is what happened.', 'email',
              sp.young_person_id, a.created_by, a.updated_at
         FROM action_answers aa
         JOIN actions a ON a.id = aa.action_id
         JOIN you_said_items y ON y.id = aa.item_id
         JOIN you_said_speakers sp ON sp.item_id = aa.item_id
        WHERE y.closed_at IS NOT NULL OR hashtext(aa.item_id::text) % 4 <> 0`,
    );
  });
  await timed(`${sizes.timeline} timeline entries`, () =>
    db.query(
      `WITH items AS (SELECT id, created_by, created_at, row_number() OVER (ORDER BY id) AS n FROM you_said_items),
            t AS (SELECT g, 1 + (g - 1) % (SELECT count(*) FROM you_said_items) AS n,
                         (g - 1) / (SELECT count(*) FROM you_said_items) AS k FROM generate_series(1, $1) g)
       INSERT INTO you_said_timeline (item_id, event, detail, by_user, at)
       SELECT i.id, (ARRAY['item_recorded', 'item_acknowledged', 'action_linked', 'told', 'action_status', 'item_changed'])[1 + t.k % 6],
              '{}'::jsonb, i.created_by, i.created_at + (t.k || ' days')::interval
         FROM t JOIN items i ON i.n = t.n`,
      [sizes.timeline],
    ),
  );
}
