import { Role } from '../roles/role';

/**
 * Who reads, records and keeps the action log: the API's access rules, the pages and the
 * navigation all use these. A file of its own, without zod, because the app shell's navigation
 * imports it (items.contract.ts passes them on).
 *
 * Readers see only the items the access policy lets them see (itemVisibleSql): officers the whole
 * programme, practitioners and senior leaders the items of young people linked to them.
 */
export const ACTION_LOG_READERS = [Role.ParticipationOfficer, Role.Practitioner, Role.SeniorLeader] as const;
/**
 * Who works the log: records items, takes them on, answers them, tells the young people, publishes
 * to the board, works the queue, downloads and imports. Participation officers, who see every item,
 * so a download of theirs is the whole log.
 */
export const ACTION_LOG_OFFICERS = [Role.ParticipationOfficer] as const;
/** Who keeps the lists of services and themes and the log's settings. */
export const ACTION_LOG_KEEPERS = [Role.Administrator] as const;
