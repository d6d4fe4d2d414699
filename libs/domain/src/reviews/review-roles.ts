import { Role } from '../roles/role';

/**
 * Who records and reads a young person's review meetings: officers, and practitioners for the
 * young people linked to them (the access policy decides which young people each may reach).
 */
export const REVIEW_RECORDERS = [Role.ParticipationOfficer, Role.Practitioner] as const;
