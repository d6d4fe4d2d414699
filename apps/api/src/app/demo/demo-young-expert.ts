import { DEFAULT_QUESTIONS, ServiceExperienceKind, addDays, todayInLondon } from '@heard/domain';
import { EntityManager } from 'typeorm';

/**
 * The demo young expert Kai's own record, linked to their account, in the Young Experts group, with
 * a round waiting on their pages: the invitation-to-chair letter's newest version, named for them.
 */
export async function loadDemoYoungExpert(
  em: EntityManager,
  ids: { officerId: string; youngExpertId: string },
): Promise<void> {
  const today = todayInLondon();
  const [{ id }]: { id: string }[] = await em.query(
    `INSERT INTO young_people (preferred_name, date_of_birth, contact, participation_preference, decides_for_themselves, created_by)
     VALUES ('Kai', $1, $2, 'either', true, $3) RETURNING id`,
    [
      addDays(today, -(16 * 365 + 120)),
      JSON.stringify({ email: null, phone: null, whatsapp: null, letter: null, onlyViaTrustedAdult: false }),
      ids.officerId,
    ],
  );
  await em.query(
    `INSERT INTO young_person_service_experiences (young_person_id, kind, from_date) VALUES ($1, $2, $3)`,
    [id, ServiceExperienceKind.LookedAfter, addDays(today, -900)],
  );
  await em.query(
    `INSERT INTO group_memberships (group_id, young_person_id, role, joined_on)
     SELECT g.id, $1, 'member', $2 FROM groups g WHERE g.name = 'Young Experts'`,
    [id, addDays(today, -60)],
  );
  await em.query(`UPDATE users SET young_person_id = $1 WHERE id = $2`, [id, ids.youngExpertId]);
  const [version]: { id: string }[] = await em.query(
    `SELECT v.id FROM practice_tool_versions v JOIN practice_tools t ON t.id = v.tool_id
      WHERE t.name = 'Invitation-to-chair letter' ORDER BY v.added_at DESC LIMIT 1`,
  );
  if (!version) return;
  const [{ id: roundId }]: { id: string }[] = await em.query(
    `INSERT INTO evaluation_rounds (tool_version_id, title, questions, opens_on, closes_on, audience, created_by)
     VALUES ($1, 'What young experts think of the new letter', $2, $3, $4, 'named', $5) RETURNING id`,
    [version.id, JSON.stringify(DEFAULT_QUESTIONS), addDays(today, -3), addDays(today, 28), ids.officerId],
  );
  await em.query(`INSERT INTO evaluation_round_invitees (round_id, young_person_id) VALUES ($1, $2)`, [
    roundId,
    id,
  ]);
}
