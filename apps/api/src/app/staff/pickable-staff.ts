import {
  PICKABLE_STAFF_ROLES,
  PICKABLE_STAFF_STATUS,
  Role,
  UserStatus,
  mayBePickedAsStaff,
} from '@heard/domain';
import { EntityManager } from 'typeorm';

/**
 * The picked ids that mayBePickedAsStaff refuses (unknown ids included), for the forms that pick a
 * colleague: trusted adults, group facilitators and a one-to-one's member of staff.
 */
export async function unpickableStaff(em: EntityManager, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const users: { id: string; role: Role; status: UserStatus }[] = await em.query(
    `SELECT id, role, status FROM users WHERE id = ANY($1::uuid[])`,
    [[...ids]],
  );
  const pickable = new Set(users.filter(mayBePickedAsStaff).map((u) => u.id));
  return new Set(ids.filter((id) => !pickable.has(id)));
}

/** The same rule as SQL, from the same constants, for the directory that searches and pages. */
export function pickableStaffSql(params: unknown[], alias: string): string {
  params.push(PICKABLE_STAFF_STATUS, PICKABLE_STAFF_ROLES);
  return `${alias}.status = $${params.length - 1} AND ${alias}.role = ANY($${params.length})`;
}
