import {
  DEFAULT_ACKNOWLEDGE_WORKING_DAYS,
  YouSaidChannel,
  YouSaidSource,
  acknowledgeBy,
  addDays,
  todayInLondon,
  zonedToUtc,
} from '@heard/domain';
import { EntityManager } from 'typeorm';
import { appendTimeline } from '../action-log/action-log-base';

/** The services and themes the issue names: the lists an administrator starts from. */
const SERVICES = [
  'Duty & Assessment',
  'Intervention & Planning',
  'MASH',
  'Early Help',
  'Fostering',
  'Clinical service',
  'Care leavers’ service',
];
const THEMES = [
  'Transparency and managing expectations',
  'Sharing learning',
  'Multi-agency partnerships',
  'Developing family feedback',
];

interface DemoItem {
  summary: string;
  source: YouSaidSource;
  channel: YouSaidChannel;
  service: number;
  theme: number;
  daysAgo: number;
  /** From the Children in Care Council's last session, and its members who said it. */
  atSession: boolean;
  speakers: number;
  acknowledged: boolean;
  /** An answer, for the stages past "to answer": a We will still being done, or a We did not yet told. */
  action?: { status: 'planned' | 'done'; words: string; told: boolean };
}

/** Fictional feedback, at different stages of its life in the log. */
const ITEMS: readonly DemoItem[] = [
  {
    summary: 'We want to know who will be at our review meeting before it starts, and why they are there.',
    source: 'group_session',
    channel: 'group_session',
    service: 1,
    theme: 0,
    daysAgo: 1,
    atSession: true,
    speakers: 2,
    acknowledged: false,
  },
  {
    summary:
      'Letters about my plan use words I do not understand. Please write them so I can read them myself.',
    source: 'young_person',
    channel: 'in_person',
    service: 4,
    theme: 0,
    daysAgo: 9,
    atSession: false,
    speakers: 1,
    acknowledged: false,
  },
  {
    summary: 'Foster carers would like to hear what changed after they gave feedback on the review form.',
    source: 'parent_carer',
    channel: 'email',
    service: 4,
    theme: 3,
    daysAgo: 6,
    atSession: false,
    speakers: 0,
    acknowledged: true,
  },
  {
    summary: 'When my social worker changes, nobody tells me until the new one turns up.',
    source: 'young_person',
    channel: 'phone',
    service: 0,
    theme: 2,
    daysAgo: 14,
    atSession: false,
    speakers: 1,
    acknowledged: true,
    action: {
      status: 'planned',
      words: 'A short hello letter from the new worker before their first visit.',
      told: true,
    },
  },
  {
    summary: 'Care leavers said the drop-in should stay open later on Thursdays.',
    source: 'survey',
    channel: 'survey',
    service: 6,
    theme: 1,
    daysAgo: 21,
    atSession: false,
    speakers: 0,
    acknowledged: true,
    action: { status: 'done', words: 'The Thursday drop-in now stays open until 7pm.', told: false },
  },
  {
    summary: 'Practitioners asked for a way to share what young people told them at MASH meetings.',
    source: 'practitioner',
    channel: 'email',
    service: 2,
    theme: 1,
    daysAgo: 3,
    atSession: false,
    speakers: 0,
    acknowledged: false,
  },
];

/**
 * The action log's lists and a handful of fictional You said items at different stages, attached
 * to the demo council's young people (some linked to the demo practitioner) and groups.
 */
export async function loadDemoActionLog(em: EntityManager, officerId: string): Promise<void> {
  const now = new Date();
  const today = todayInLondon(now);
  const serviceIds: string[] = [];
  for (const name of SERVICES)
    serviceIds.push(
      (
        (await em.query(`INSERT INTO action_log_services (name) VALUES ($1) RETURNING id`, [name])) as {
          id: string;
        }[]
      )[0].id,
    );
  const themeIds: string[] = [];
  for (const name of THEMES)
    themeIds.push(
      (
        (await em.query(`INSERT INTO action_log_themes (name) VALUES ($1) RETURNING id`, [name])) as {
          id: string;
        }[]
      )[0].id,
    );

  const [session]: { id: string; groupId: string; startsAt: Date }[] = await em.query(
    `SELECT s.id, s.group_id AS "groupId", s.starts_at AS "startsAt" FROM group_sessions s
       JOIN groups g ON g.id = s.group_id
      WHERE g.name = 'Children in Care Council' AND s.starts_at < $1 ORDER BY s.starts_at DESC LIMIT 1`,
    [now],
  );
  const present: { id: string }[] = session
    ? await em.query(
        `SELECT young_person_id AS id FROM attendance WHERE session_id = $1 AND status = 'present'
          ORDER BY young_person_id`,
        [session.id],
      )
    : [];
  // Linked to the demo practitioner first, so their log shows the items they may see.
  const people: { id: string }[] = await em.query(
    `SELECT yp.id FROM young_people yp
      ORDER BY NOT EXISTS (SELECT 1 FROM young_person_trusted_adults ta WHERE ta.young_person_id = yp.id), yp.id
      LIMIT 4`,
  );

  let nextPerson = 0;
  for (const item of ITEMS) {
    const madeAt = new Date(now.getTime() - item.daysAgo * 86_400_000);
    const place = item.atSession && session ? session : null;
    const saidOn = place ? todayInLondon(new Date(place.startsAt)) : addDays(today, -item.daysAgo);
    const speakers = place
      ? present.slice(0, item.speakers).map((p) => p.id)
      : people.slice(nextPerson, (nextPerson += item.speakers)).map((p) => p.id);
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO you_said_items (words, source_kind, service_id, theme_id, said_on, channel, group_id, session_id,
          acknowledge_by, acknowledged_by, acknowledged_at, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id`,
      [
        item.summary,
        item.source,
        serviceIds[item.service],
        themeIds[item.theme],
        saidOn,
        item.channel,
        place?.groupId ?? null,
        place?.id ?? null,
        acknowledgeBy(madeAt, DEFAULT_ACKNOWLEDGE_WORKING_DAYS),
        item.acknowledged ? officerId : null,
        item.acknowledged ? new Date(madeAt.getTime() + 86_400_000) : null,
        officerId,
        madeAt,
      ],
    );
    for (const youngPersonId of speakers)
      await em.query(`INSERT INTO you_said_speakers (item_id, young_person_id) VALUES ($1, $2)`, [
        id,
        youngPersonId,
      ]);
    await appendTimeline(em, {
      itemId: id,
      event: 'item_recorded',
      detail: { source: item.source, sessionId: place?.id ?? null, quotes: 0 },
      byUserId: officerId,
    });
    if (item.acknowledged)
      await appendTimeline(em, { itemId: id, event: 'item_acknowledged', byUserId: officerId });
    if (item.action) await answer(em, id, item.action, speakers, { officerId, today });
  }
}

async function answer(
  em: EntityManager,
  itemId: string,
  action: NonNullable<DemoItem['action']>,
  speakers: readonly string[],
  ctx: { officerId: string; today: string },
): Promise<void> {
  const done = action.status === 'done';
  const [{ id: actionId }]: { id: string }[] = await em.query(
    `INSERT INTO actions (status, words, owner_id, due_on, done_on, progress, lundy, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      action.status,
      action.words,
      done ? null : ctx.officerId,
      done ? null : addDays(ctx.today, 28),
      done ? addDays(ctx.today, -5) : null,
      done ? 100 : 0,
      ['voice', 'influence'],
      ctx.officerId,
    ],
  );
  await em.query(`INSERT INTO action_answers (action_id, item_id, linked_by) VALUES ($1, $2, $3)`, [
    actionId,
    itemId,
    ctx.officerId,
  ]);
  await appendTimeline(em, {
    itemId,
    actionId,
    event: 'action_linked',
    detail: { status: action.status },
    byUserId: ctx.officerId,
  });
  if (!action.told) return;
  for (const youngPersonId of speakers)
    await em.query(
      `INSERT INTO loop_tellings (item_id, action_id, action_status, message, channel, young_person_id, told_by, told_at)
       VALUES ($1, $2, $3, $4, 'in_person', $5, $6, $7)`,
      [
        itemId,
        actionId,
        action.status,
        'You told us nobody says when your worker changes. From next month, your new worker will send you a hello letter first.',
        youngPersonId,
        ctx.officerId,
        zonedToUtc(addDays(ctx.today, -2), '16:00'),
      ],
    );
  await appendTimeline(em, {
    itemId,
    actionId,
    event: 'told',
    detail: { channel: 'in_person', people: speakers.length },
    byUserId: ctx.officerId,
  });
}
