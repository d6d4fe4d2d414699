import { Role } from '../roles/role';

/**
 * Who works the officer's queue, downloads the log and imports a team's spreadsheet: participation
 * officers, who see every item. Others see only the items of young people they are linked to
 * (itemVisibleSql), so a download of theirs would look like the whole log and not be.
 * No zod here: the menu imports it, and the web app's first bundle must stay small.
 */
export const ACTION_LOG_OFFICE_ROLES = [Role.ParticipationOfficer] as const;
