/** The five kinds of account. Values are stored in the database and sent over the wire. */
export enum Role {
  Administrator = 'administrator',
  ParticipationOfficer = 'participation_officer',
  Practitioner = 'practitioner',
  SeniorLeader = 'senior_leader',
  YoungExpert = 'young_expert',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Staff are everyone except young experts: they get staff pages, audit of their reads, and so on. */
export const STAFF_ROLES: readonly Role[] = ALL_ROLES.filter((r) => r !== Role.YoungExpert);

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  [Role.Administrator]: 'Administrator',
  [Role.ParticipationOfficer]: 'Participation officer',
  [Role.Practitioner]: 'Practitioner',
  [Role.SeniorLeader]: 'Senior leader',
  [Role.YoungExpert]: 'Young expert',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);
}
