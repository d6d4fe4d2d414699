import { z } from 'zod';
import { PickableStaffRole } from '../access/access';

/** A search names a few people, never the whole staff list: type more to narrow it. */
export const STAFF_MATCH_LIMIT = 20;

export const StaffQuerySchema = z
  .object({
    q: z.string().trim().max(100, 'Search with at most 100 characters.').default(''),
  })
  .strict();
export type StaffQuery = z.output<typeof StaffQuerySchema>;

/** A colleague who can be picked (see mayBePickedAsStaff): the email tells apart two of the same name. */
export interface StaffMember {
  id: string;
  displayName: string;
  email: string;
  role: PickableStaffRole;
}

export interface StaffDirectoryResponse {
  /** Active staff whose name or email contains the search, by name, at most STAFF_MATCH_LIMIT. */
  items: StaffMember[];
}
