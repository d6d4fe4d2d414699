import { InvitationEvent, InvitationStatus, todayInLondon, transition } from '@heard/domain';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../platform/errors/domain-error';
import { Invitation } from './entities/invitation.entity';

/** The status an event leads to from here (`transition` in libs/domain), or 409 with its reason. */
export function applyInvitationEvent(invitation: Invitation, event: InvitationEvent): InvitationStatus {
  const result = transition(invitation.status, event, {
    today: todayInLondon(),
    eventDate: invitation.eventDate,
  });
  if (!result.ok) throw new DomainError('conflict', result.message);
  return result.status;
}

/** The invitation, locked for the rest of the transaction, or 404. */
export async function lockInvitation(em: EntityManager, id: string): Promise<Invitation> {
  const invitation = await em
    .getRepository(Invitation)
    .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!invitation) throw DomainError.notFound('This invitation');
  return invitation;
}
