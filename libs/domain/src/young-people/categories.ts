import { Role } from '../roles/role';

/**
 * The team's own categories of young people (issue 13 §4, docs/reach.md "The team's categories"):
 * a list administrators keep ("Young carer", "Care leaver in higher education"…), ticked on a
 * young person's record, so reach can show whether each is heard. No zod here: the app shell's
 * navigation imports the roles.
 */

/** Who reads the list: whoever reads or records young people, and the administrators who keep it. */
export const YOUNG_PEOPLE_CATEGORY_READERS = [
  Role.ParticipationOfficer,
  Role.Practitioner,
  Role.Administrator,
] as const;
/** Who keeps the list: adds, renames, retires and brings back. */
export const YOUNG_PEOPLE_CATEGORY_KEEPERS = [Role.Administrator] as const;

/** More than this on one record would be a list of everything, not the few that matter for reach. */
export const MAX_YOUNG_PERSON_CATEGORIES = 20;

/** A category as a young person's record shows it. */
export interface YoungPersonCategory {
  id: string;
  name: string;
}
