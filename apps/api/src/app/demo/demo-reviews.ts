import { ReviewParticipationCode, addDays, mayHaveChaired, todayInLondon } from '@heard/domain';
import { EntityManager } from 'typeorm';
import { insertReview } from '../reviews/review-participation.queries';

/**
 * Fictional review meetings (issue 14 §7), so the plan's review participation shows a distribution:
 * most young people came and spoke or had an advocate speak, a few gave their views another way,
 * and a couple (fewer than five, so withheld) chose not to take part. Some chaired their own review.
 * Spread over the last 200 days, never a day to come, by the reviewing officer (the practitioner).
 */
const MEETINGS: readonly { code: ReviewParticipationCode; count: number; chaired: number }[] = [
  { code: 'PN1', count: 8, chaired: 3 },
  { code: 'PN3', count: 6, chaired: 1 },
  { code: 'PN5', count: 5, chaired: 0 },
  { code: 'PN2', count: 3, chaired: 0 },
  { code: 'PN7', count: 2, chaired: 0 },
];

export async function loadDemoReviews(em: EntityManager, ids: { recordedBy: string }): Promise<void> {
  const people: { id: string }[] = await em.query(
    `SELECT id FROM young_people WHERE archived_at IS NULL ORDER BY preferred_name, id`,
  );
  if (people.length === 0) return;
  const today = todayInLondon();
  let n = 0;
  for (const { code, count, chaired } of MEETINGS) {
    for (let i = 0; i < count; i++, n++) {
      await insertReview(
        em,
        people[n % people.length].id,
        {
          heldOn: addDays(today, -((n * 37) % 200) - 1),
          code,
          chaired: i < chaired && mayHaveChaired(code),
          note: null,
        },
        ids.recordedBy,
      );
    }
  }
}
