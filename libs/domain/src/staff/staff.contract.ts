import { z } from 'zod';
import { Role } from '../roles/role';

/** Who may be a young person's trusted adult, and so who the staff directory offers. */
export const TRUSTED_ADULT_ROLES = [Role.Practitioner, Role.ParticipationOfficer] as const;

/** A search names a few people, never the whole staff list: type more to narrow it. */
export const STAFF_MATCH_LIMIT = 20;

export const StaffQuerySchema = z
  .object({
    q: z.string().trim().max(100, 'Search with at most 100 characters.').default(''),
  })
  .strict();
export type StaffQuery = z.output<typeof StaffQuerySchema>;

/** A colleague who can be picked as a trusted adult: the email tells apart two of the same name. */
export interface StaffMember {
  id: string;
  displayName: string;
  email: string;
  role: (typeof TRUSTED_ADULT_ROLES)[number];
}

export interface StaffDirectoryResponse {
  /** Active staff whose name or email contains the search, by name, at most STAFF_MATCH_LIMIT. */
  items: StaffMember[];
}
