import { Foundation1763800000000 } from './1763800000000-foundation';
import { YoungPeopleAndGroups1763900000000 } from './1763900000000-young-people-and-groups';

/** Every migration, oldest first. Committed migrations are never edited: add a new one. */
export const MIGRATIONS = [Foundation1763800000000, YoungPeopleAndGroups1763900000000];
