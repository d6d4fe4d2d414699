import { INVITATION_CHANNEL_LABELS, InvitationChannel, InvitationStatus } from '@heard/domain';
import type { InvitationResponse } from '@heard/domain';

/**
 * Statuses in which the young person can still say yes or no (or change their mind). An answer to
 * an invitation still to deliver shows it reached them.
 */
export const ANSWERABLE: ReadonlySet<InvitationStatus> = new Set([
  InvitationStatus.ToDeliver,
  InvitationStatus.Sent,
  InvitationStatus.HandedOver,
  InvitationStatus.Accepted,
  InvitationStatus.Declined,
  InvitationStatus.Waitlisted,
]);

/** "12 invited: 5 coming, 1 on the waiting list, 2 not coming, 4 no answer yet." */
export function invitationSummary(invitations: readonly InvitationResponse[]): string {
  const count = (...statuses: InvitationStatus[]) =>
    invitations.filter((i) => statuses.includes(i.status)).length;
  const parts = [
    `${count(InvitationStatus.Accepted, InvitationStatus.Attended)} coming`,
    `${count(InvitationStatus.Waitlisted)} on the waiting list`,
    `${count(InvitationStatus.Declined, InvitationStatus.DidNotAttend)} not coming or did not come`,
    `${count(InvitationStatus.Sent, InvitationStatus.HandedOver)} no answer yet`,
  ];
  const toDeliver = count(InvitationStatus.ToDeliver);
  if (toDeliver > 0) parts.push(`${toDeliver} still to deliver`);
  const drafts = count(InvitationStatus.Draft);
  if (drafts > 0) parts.push(`${drafts} not sent yet`);
  const live = invitations.filter((i) => i.status !== InvitationStatus.Withdrawn).length;
  return `${live} ${live === 1 ? 'invitation' : 'invitations'}: ${parts.join(', ')}.`;
}

/** What staff do next once an invitation that does not go by email is ready. */
export function channelHowTo(invitation: InvitationResponse): string {
  switch (invitation.channel) {
    case InvitationChannel.Letter:
      return 'print the letter and post it or hand it over.';
    case InvitationChannel.InPerson:
      return invitation.viaTrustedAdult
        ? `${invitation.viaTrustedAdult.displayName} will hand it over.`
        : 'tell them in person.';
    default:
      return `contact them by ${INVITATION_CHANNEL_LABELS[invitation.channel].toLowerCase()}.`;
  }
}
