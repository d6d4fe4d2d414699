import { GroupSessionResponse } from '@heard/domain';
import { GroupSession } from './entities/group-session.entity';

export function toGroupSessionResponse(session: GroupSession, groupName: string): GroupSessionResponse {
  return {
    id: session.id,
    groupId: session.groupId,
    groupName,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    venue: session.venue,
    status: session.status,
    moved: session.moved,
    cancelReason: session.cancelReason,
    oneOff: session.patternDate === null,
  };
}
