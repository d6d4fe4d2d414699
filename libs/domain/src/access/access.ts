import { Role } from '../roles/role';
import type { UserStatus } from '../users/users.contract';

/**
 * How far a role's view of individual young people reaches. `linked` means only while a trusted
 * adult link ties the user to the young person: the link is what gives a practitioner (or a
 * senior leader who is also linked) a reason to see them, so access ends the moment it does.
 * Young experts reach nothing here: a young expert's account is not tied to a young person
 * record, so there is no "themselves" to show. Administrators keep settings and audit only.
 */
export type YoungPersonReach = 'programme' | 'linked' | 'none';

export const YOUNG_PERSON_REACH: Readonly<Record<Role, YoungPersonReach>> = {
  [Role.ParticipationOfficer]: 'programme',
  [Role.Practitioner]: 'linked',
  [Role.SeniorLeader]: 'linked',
  [Role.YoungExpert]: 'none',
  [Role.Administrator]: 'none',
};

export const youngPersonReachOf = (role: Role): YoungPersonReach => YOUNG_PERSON_REACH[role];

/**
 * Who may be picked as a trusted adult, a group's facilitator or a one-to-one's member of staff:
 * the people who work with young people directly. SQL that lists them is built from these.
 */
export const PICKABLE_STAFF_ROLES = [Role.Practitioner, Role.ParticipationOfficer] as const;
export type PickableStaffRole = (typeof PICKABLE_STAFF_ROLES)[number];
export const PICKABLE_STAFF_STATUS: UserStatus = 'active';

export function mayBePickedAsStaff(user: { role: Role; status: UserStatus }): boolean {
  return (
    user.status === PICKABLE_STAFF_STATUS && (PICKABLE_STAFF_ROLES as readonly Role[]).includes(user.role)
  );
}

/** The one message for a picked id that fails mayBePickedAsStaff, wherever it was picked. */
export const NOT_PICKABLE_STAFF_MESSAGE = 'This is not an active practitioner or participation officer.';

/**
 * Who may hold a calendar feed of each scope: their own occasions for the staff who run them, a
 * whole group's for participation officers. Checked when a feed is made and again every time a
 * calendar app reads it, so a feed ends the moment its owner no longer has a role that may hold it.
 */
export type CalendarFeedScope = 'mine' | 'group';

export const CALENDAR_FEED_ROLES: Readonly<Record<CalendarFeedScope, readonly Role[]>> = {
  mine: [Role.ParticipationOfficer, Role.Practitioner],
  group: [Role.ParticipationOfficer],
};

export function mayHoldCalendarFeed(role: Role, scope: CalendarFeedScope): boolean {
  return CALENDAR_FEED_ROLES[scope].includes(role);
}

/**
 * Who sees a parent's or carer's name and number on a young person's record: the officers who send
 * them copies and phone them. A linked practitioner does not act on it, so does not see it.
 */
export const mayContactParentCarer = (role: Role): boolean => role === Role.ParticipationOfficer;
