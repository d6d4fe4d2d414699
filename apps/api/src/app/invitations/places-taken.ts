import { EntityManager } from 'typeorm';
import { invitationIs } from '../../platform/database/rules-sql';

/**
 * How many places an activity day has given out. The caller must already hold the activity's row
 * `FOR UPDATE`, or an answer in another transaction could take a place between this count and
 * whatever the caller decides from it.
 */
export async function placesTaken(em: EntityManager, activityId: string): Promise<number> {
  const [{ taken }]: { taken: number }[] = await em.query(
    `SELECT count(*)::int AS taken FROM invitations i WHERE i.activity_id = $1 AND ${invitationIs.holdingAPlace('i')}`,
    [activityId],
  );
  return taken;
}
