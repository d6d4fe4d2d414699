import { addDays, nextUpdateDue, pledgeRemindOn, todayInLondon } from '@heard/domain';
import { EntityManager } from 'typeorm';
import { notePledge } from '../pledges/pledges.queries';

/**
 * Fictional pledges by the demo leader, so their pledges and the flag show something: one made at
 * the managers' forum to the Young Experts, confirmed, amber, which Kai says was not kept (flagged);
 * and one an officer recorded at the forum that the leader has not confirmed yet.
 */
export async function loadDemoPledges(
  em: EntityManager,
  ids: { officerId: string; leaderId: string; youngExpertId: string },
): Promise<void> {
  const today = todayInLondon();
  const [group]: { id: string }[] = await em.query(`SELECT id FROM groups WHERE name = 'Young Experts'`);
  const [theme]: { id: string }[] = await em.query(
    `SELECT id FROM action_log_themes WHERE name = 'Transparency and managing expectations'`,
  );
  const [kai]: { youngPersonId: string | null }[] = await em.query(
    `SELECT young_person_id AS "youngPersonId" FROM users WHERE id = $1`,
    [ids.youngExpertId],
  );
  if (!group || !theme) return;
  const pledge = async (p: { madeOn: string; words: string; status: string; updateOn?: string }) => {
    const due = nextUpdateDue(p.updateOn ?? p.madeOn, 30);
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO pledges (made_by, role, forum, made_on, words, theme_id, target_date, update_every_days,
           next_update_due, remind_on, group_id, status, recorded_by, confirmed_at)
       VALUES ($1, 'Director of Children’s Services', 'Managers’ forum', $2, $3, $4, $5, 30, $6, $7, $8, $9, $10, $11)
       RETURNING id`,
      [
        ids.leaderId,
        p.madeOn,
        p.words,
        theme.id,
        addDays(p.madeOn, 180),
        due,
        pledgeRemindOn(due, 30),
        group.id,
        p.status,
        ids.officerId,
        p.status === 'active' ? new Date() : null,
      ],
    );
    await notePledge(em, id, 'pledge_recorded', ids.officerId, { status: 'unconfirmed', onBehalf: true });
    return id;
  };
  const kept = await pledge({
    madeOn: addDays(today, -40),
    updateOn: addDays(today, -10),
    words: 'Every letter from my service will use the young person’s own words, not “placement” or “LAC”.',
    status: 'active',
  });
  await notePledge(em, kept, 'pledge_confirmed', ids.leaderId, { from: 'unconfirmed', to: 'active' });
  const reason = 'Half of the teams have new letter templates; the rest start next month.';
  await em.query(
    `INSERT INTO pledge_updates (pledge_id, noted_on, words, evidence, rag, rag_reason, created_by)
     VALUES ($1, $2, 'Two of four teams rewrote their letter templates with the Young Experts.',
             'The new templates, read by the Young Experts.', 'amber', $3, $4)`,
    [kept, addDays(today, -10), reason, ids.leaderId],
  );
  await em.query(`UPDATE pledges SET rag = 'amber', rag_reason = $2 WHERE id = $1`, [kept, reason]);
  await notePledge(em, kept, 'progress_updated', ids.leaderId, { notedOn: addDays(today, -10) });
  await notePledge(em, kept, 'rag_changed', ids.leaderId, { from: null, to: 'amber' });
  if (kai?.youngPersonId) {
    await em.query(
      `INSERT INTO pledge_verdicts (pledge_id, source, young_person_id, verdict, words, recorded_by)
       VALUES ($1, 'young_expert', $2, 'not_kept', 'My last letter still said placement.', $3)`,
      [kept, kai.youngPersonId, ids.youngExpertId],
    );
    await notePledge(em, kept, 'verdict_given', ids.youngExpertId, {
      source: 'young_expert',
      verdict: 'not_kept',
    });
  }
  await pledge({
    madeOn: addDays(today, -2),
    words: 'I will come to a Young Experts session each term and answer their questions.',
    status: 'unconfirmed',
  });
}
