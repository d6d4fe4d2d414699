import { GroupResponse, GroupSummary, MeetingPattern, PatternException } from '@heard/domain';
import { Group } from './entities/group.entity';
import { PatternExceptionRow } from './groups.queries';

export function patternOf(group: Group): MeetingPattern | null {
  if (
    !group.patternRrule ||
    !group.patternStartsOn ||
    !group.patternStartTime ||
    !group.patternDurationMinutes
  )
    return null;
  return {
    rrule: group.patternRrule,
    startsOn: group.patternStartsOn,
    startTime: group.patternStartTime,
    durationMinutes: group.patternDurationMinutes,
  };
}

export function toPatternException(e: PatternExceptionRow): PatternException {
  return {
    date: e.patternDate,
    kind: e.kind,
    ...(e.kind === 'moved' && e.movedToDate && e.movedToTime
      ? { movedTo: { date: e.movedToDate, startTime: e.movedToTime } }
      : {}),
    ...(e.reason ? { reason: e.reason } : {}),
  };
}

export function toGroupSummary(group: Group, memberCount: number, nextSessionAt: Date | null): GroupSummary {
  return {
    id: group.id,
    name: group.name,
    purpose: group.purpose,
    minAge: group.minAge,
    maxAge: group.maxAge,
    serviceExperiences: group.serviceExperiences,
    memberCount,
    nextSessionAt: nextSessionAt?.toISOString() ?? null,
    archived: group.archivedAt !== null,
  };
}

export function toGroupResponse(
  group: Group,
  extra: {
    memberCount: number;
    nextSessionAt: Date | null;
    facilitators: { id: string; displayName: string }[];
    exceptions: PatternExceptionRow[];
  },
): GroupResponse {
  return {
    ...toGroupSummary(group, extra.memberCount, extra.nextSessionAt),
    facilitators: extra.facilitators,
    venue: group.venue,
    onlineLink: group.onlineLink,
    capacity: group.capacity,
    pattern: patternOf(group),
    exceptions: extra.exceptions.map(toPatternException),
  };
}
