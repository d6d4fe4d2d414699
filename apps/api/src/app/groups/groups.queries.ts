import { EntityManager } from 'typeorm';
import { readPrepared } from '../../platform/database/database';
import { Group, GroupPatternException } from './entities/group.entity';

/** What a group's exceptions to its pattern say, as its page reads them. */
export type PatternExceptionRow = Pick<
  GroupPatternException,
  'patternDate' | 'kind' | 'movedToDate' | 'movedToTime' | 'reason'
>;

/*
 * The group page, its members and its attendance rates each read the group first: plain prepared
 * statements, since building them through TypeORM's query builder and hydrating the rows on every
 * request cost more than running them.
 */

export async function selectGroup(em: EntityManager, id: string): Promise<Group | null> {
  const [group] = await readPrepared<Group>(
    em,
    `SELECT g.id, g.name, g.purpose, g.min_age AS "minAge", g.max_age AS "maxAge",
            g.service_experiences AS "serviceExperiences", g.venue, g.online_link AS "onlineLink", g.capacity,
            g.pattern_rrule AS "patternRrule", g.pattern_starts_on AS "patternStartsOn",
            g.pattern_start_time AS "patternStartTime", g.pattern_duration_minutes AS "patternDurationMinutes",
            g.archived_at AS "archivedAt", g.created_at AS "createdAt", g.updated_at AS "updatedAt"
       FROM groups g WHERE g.id = $1`,
    [id],
  );
  return group ?? null;
}

/** Earliest first; a group has at most one exception a date. */
export function selectPatternExceptions(em: EntityManager, groupId: string): Promise<PatternExceptionRow[]> {
  return readPrepared<PatternExceptionRow>(
    em,
    `SELECT e.pattern_date AS "patternDate", e.kind, e.moved_to_date AS "movedToDate",
            e.moved_to_time AS "movedToTime", e.reason
       FROM group_pattern_exceptions e WHERE e.group_id = $1 ORDER BY e.pattern_date`,
    [groupId],
  );
}
