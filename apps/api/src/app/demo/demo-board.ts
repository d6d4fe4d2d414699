import { addDays, todayInLondon } from '@heard/domain';
import { EntityManager } from 'typeorm';

/**
 * Two answers to the Young Experts group, published on the public board, so the board and Kai's
 * "What we did" page show something: a We did with a quote that names no one, and a We will.
 * The staff summaries say who spoke (as real ones do); the board and Kai's page never show them.
 */
export async function loadDemoBoard(em: EntityManager, ids: { officerId: string }): Promise<void> {
  const today = todayInLondon();
  const [group]: { id: string }[] = await em.query(`SELECT id FROM groups WHERE name = 'Young Experts'`);
  if (!group) return;
  const theme = async (name: string): Promise<string> => {
    // Another part of the demo may have added the theme already: one row per name.
    await em.query(
      `INSERT INTO action_log_themes (name) SELECT $1::varchar WHERE NOT EXISTS
         (SELECT 1 FROM action_log_themes WHERE lower(name) = lower($1))`,
      [name],
    );
    const [row]: { id: string }[] = await em.query(
      `SELECT id FROM action_log_themes WHERE lower(name) = lower($1)`,
      [name],
    );
    return row.id;
  };
  const pairs = [
    {
      theme: await theme('Transparency and managing expectations'),
      saidOn: addDays(today, -50),
      words: 'Kai and two others said review dates arrive with a day’s notice',
      youngWords: 'Tell us sooner when our review is.',
      status: 'done',
      actionWords: 'Reviewing officers now send the date four weeks ahead',
      actionYoungWords: 'We now tell you the date four weeks before your review.',
      quote: 'I found out the day before, every time.',
    },
    {
      theme: await theme('Sharing learning'),
      saidOn: addDays(today, -20),
      words: 'The group asked to hear what other councils changed after talking to young people',
      youngWords: 'Show us what other places changed.',
      status: 'planned',
      actionWords: 'Invite two nearby councils to the spring session',
      actionYoungWords: 'We will ask two other councils to come and tell you.',
      quote: null,
    },
  ];
  for (const p of pairs) {
    const [item]: { id: string }[] = await em.query(
      `INSERT INTO you_said_items (words, source_kind, created_by, said_on, channel, group_id, theme_id, young_words,
                                   acknowledge_by, acknowledged_by, acknowledged_at)
       VALUES ($1, 'group_session', $2, $3, 'session', $4, $5, $6, $7::date, $2, $7::date) RETURNING id`,
      [p.words, ids.officerId, p.saidOn, group.id, p.theme, p.youngWords, addDays(p.saidOn, 1)],
    );
    const willDo = p.status === 'planned';
    const [action]: { id: string }[] = await em.query(
      `INSERT INTO actions (status, words, young_words, owner_id, due_on, done_on, progress, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        p.status,
        p.actionWords,
        p.actionYoungWords,
        willDo ? ids.officerId : null,
        willDo ? addDays(today, 60) : null,
        willDo ? null : addDays(today, -10),
        willDo ? 0 : 100,
        ids.officerId,
      ],
    );
    await em.query(
      `INSERT INTO action_answers (action_id, item_id, linked_by, published_by, published_at) VALUES ($1, $2, $3, $3, now())`,
      [action.id, item.id, ids.officerId],
    );
    if (p.quote) {
      const [quote]: { id: string }[] = await em.query(
        `INSERT INTO you_said_quotes (item_id, words, created_by) VALUES ($1, $2, $3) RETURNING id`,
        [item.id, p.quote, ids.officerId],
      );
      await em.query(
        `INSERT INTO board_quotes (action_id, item_id, quote_id, published_by) VALUES ($1, $2, $3, $4)`,
        [action.id, item.id, quote.id, ids.officerId],
      );
    }
  }
}
