import { RetentionCutoff, todayInLondon } from '@heard/domain';
import { EntityManager } from 'typeorm';
import { anonymiseYoungPerson, worryAwaitingAcknowledgementSql } from '../erasure/anonymise-young-person';

/**
 * Young people who no longer take part, past their period: anonymised whole through the one home
 * for it, as an erasure decision would, with the reason "retention" and no one deciding.
 *
 * No longer taking part: archived, or 25 (participation is for 10 to 25 year olds). The period
 * counts from the later of that day (whichever came first) and the last thing they were invited
 * to, attended or evaluated, so a young person archived by mistake and still coming is kept.
 * SKIP LOCKED leaves anyone an officer is erasing at this moment to that decision. A young person
 * with a worry no safeguarding contact has acknowledged yet is kept until someone has: anonymising
 * replaces a worry's words, and erasing on request waits for the same reason.
 */
export async function anonymiseYoungPeoplePastRetention(
  em: EntityManager,
  cutoff: RetentionCutoff,
  now: Date,
): Promise<number> {
  const due: { id: string }[] = await em.query(
    `SELECT yp.id FROM young_people yp
      WHERE yp.anonymised_at IS NULL
        AND NOT ${worryAwaitingAcknowledgementSql('yp.id')}
        AND (yp.archived_at IS NOT NULL OR (yp.date_of_birth + interval '25 years')::date <= $2)
        AND greatest(
              least((yp.archived_at AT TIME ZONE 'Europe/London')::date, (yp.date_of_birth + interval '25 years')::date),
              (SELECT max(i.event_date) FROM invitations i WHERE i.young_person_id = yp.id),
              (SELECT max(e.answered_on) FROM evaluations e WHERE e.young_person_id = yp.id),
              (SELECT max((a.recorded_at AT TIME ZONE 'Europe/London')::date) FROM attendance a
                WHERE a.young_person_id = yp.id),
              (SELECT max(m.left_on) FROM group_memberships m WHERE m.young_person_id = yp.id)
            ) < $1
      ORDER BY yp.id
      FOR UPDATE OF yp SKIP LOCKED`,
    [cutoff.on, todayInLondon(now)],
  );
  for (const { id } of due)
    await anonymiseYoungPerson(em, id, { reason: 'retention', at: now, byUserId: null });
  return due.length;
}
