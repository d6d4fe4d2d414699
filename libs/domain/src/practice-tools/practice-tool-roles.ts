import { Role } from '../roles/role';

/**
 * Who reads the catalogue, and who changes it: the API's access rules, the pages and the navigation
 * all use these. A file of its own, without zod, because the app shell's navigation imports it.
 */
export const PRACTICE_TOOL_READERS = [Role.ParticipationOfficer, Role.SeniorLeader] as const;
export const PRACTICE_TOOL_EDITORS = [Role.ParticipationOfficer] as const;
export const mayEditPracticeTools = (role: Role | undefined): boolean =>
  role !== undefined && (PRACTICE_TOOL_EDITORS as readonly Role[]).includes(role);
