import { Role } from '../roles/role';

/**
 * Who works with pledges (issue 13 §1, docs/pledges.md). Without zod, so navigation may import it.
 *
 * Senior leaders make pledges and keep their own up to date; participation officers record a
 * pledge made at a forum on a leader's behalf (the leader confirms it) and the view of a group at a
 * session. Young experts give their own verdict on their pages (/me/pledges). Practitioners and
 * administrators have no part in pledges.
 */
export const PLEDGE_LEADERS = [Role.SeniorLeader] as const;
export const PLEDGE_OFFICERS = [Role.ParticipationOfficer] as const;
/** Who reads pledges: officers all of them, senior leaders their own. */
export const PLEDGE_READERS = [Role.ParticipationOfficer, Role.SeniorLeader] as const;
