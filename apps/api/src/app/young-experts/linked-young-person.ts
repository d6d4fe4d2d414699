import { Role } from '@heard/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';

/**
 * The one home for "which young person is this young expert": every young expert route asks here,
 * so their pages can only ever show the record their account is linked to. A member of staff, or a
 * young expert whose account is not linked yet, is refused.
 */
export async function linkedYoungPersonId(em: EntityManager, actor: Actor): Promise<string> {
  if (actor.role !== Role.YoungExpert) {
    throw new DomainError('forbidden', 'These pages are for young experts.');
  }
  const [row]: { young_person_id: string | null }[] = await em.query(
    `SELECT young_person_id FROM users WHERE id = $1`,
    [actor.userId],
  );
  if (!row?.young_person_id) {
    throw new DomainError(
      'forbidden',
      'Your account is not linked to your record yet. Ask your participation officer.',
    );
  }
  return row.young_person_id;
}
