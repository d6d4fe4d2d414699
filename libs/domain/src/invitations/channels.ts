import { ContactPreferences } from '../young-people/young-people.contract';

/** How an invitation reaches a young person. Only email is sent by Heard; the rest are recorded. */
export enum InvitationChannel {
  Email = 'email',
  Letter = 'letter',
  Phone = 'phone',
  WhatsApp = 'whatsapp',
  VoiceNote = 'voice_note',
  InPerson = 'in_person',
}

export const INVITATION_CHANNEL_LABELS: Readonly<Record<InvitationChannel, string>> = {
  [InvitationChannel.Email]: 'Email',
  [InvitationChannel.Letter]: 'Letter',
  [InvitationChannel.Phone]: 'Phone call',
  [InvitationChannel.WhatsApp]: 'WhatsApp',
  [InvitationChannel.VoiceNote]: 'Voice note',
  [InvitationChannel.InPerson]: 'In person',
};

/**
 * Best first, for suggestions: email and letter leave the young person something to keep and
 * answer in their own time; in person is the fallback that is always possible.
 */
export const CHANNEL_PREFERENCE: readonly InvitationChannel[] = [
  InvitationChannel.Email,
  InvitationChannel.Letter,
  InvitationChannel.WhatsApp,
  InvitationChannel.Phone,
  InvitationChannel.VoiceNote,
  InvitationChannel.InPerson,
];

const VIA_TRUSTED_ADULT: ReadonlySet<InvitationChannel> = new Set([
  InvitationChannel.Letter,
  InvitationChannel.InPerson,
]);

/**
 * Why a channel cannot be used for this young person, or null when it can. Through a trusted adult
 * a letter needs no address of theirs: the adult prints it and hands it over.
 */
export function channelProblem(
  contact: ContactPreferences,
  channel: InvitationChannel,
  trustedAdultAssigned: boolean,
): string | null {
  // Any invitation can go through a linked trusted adult, who prints a letter or says it in person.
  if (trustedAdultAssigned && VIA_TRUSTED_ADULT.has(channel)) return null;
  if (contact.onlyViaTrustedAdult) {
    if (!trustedAdultAssigned)
      return 'They are only contacted through a trusted adult: choose one of their trusted adults to hand it over.';
    if (!VIA_TRUSTED_ADULT.has(channel))
      return 'They are only contacted through a trusted adult: use a letter or hand it over in person.';
    return null;
  }
  switch (channel) {
    case InvitationChannel.Email:
      return contact.email ? null : 'They have not agreed to email: add their email address first.';
    case InvitationChannel.Letter:
      return contact.letter ? null : 'They have not agreed to letters: add their address first.';
    case InvitationChannel.Phone:
      return contact.phone ? null : 'They have not agreed to phone calls: add their phone number first.';
    case InvitationChannel.VoiceNote:
      return contact.phone ? null : 'They have not agreed to voice notes: add their phone number first.';
    case InvitationChannel.WhatsApp:
      return contact.whatsapp ? null : 'They have not agreed to WhatsApp: add their WhatsApp number first.';
    case InvitationChannel.InPerson:
      return null;
  }
}

/** The channels this young person has agreed to, best first. */
export function agreedChannels(
  contact: ContactPreferences,
  trustedAdultAssigned: boolean,
): InvitationChannel[] {
  return CHANNEL_PREFERENCE.filter((c) => channelProblem(contact, c, trustedAdultAssigned) === null);
}

/** How Heard passes on news about an occasion (it moved, it was cancelled) to someone invited to it. */
export type TellBy = 'email' | 'trusted_adult' | 'by_hand';

/**
 * Who passes on a change, judged on the young person's contact preferences as they are now, not as
 * they were when the invitation went out. Their trusted adult tells them when the invitation went
 * through one who can still be reached; otherwise Heard emails them if they agree to email today;
 * anything else (a call, a message, a word in person) an officer does by hand.
 */
export function howToTell(
  contact: ContactPreferences,
  invitation: { viaTrustedAdult: boolean; trustedAdultReachable: boolean },
): TellBy {
  if (invitation.viaTrustedAdult && invitation.trustedAdultReachable) return 'trusted_adult';
  if (contact.onlyViaTrustedAdult) return 'by_hand';
  return contact.email ? 'email' : 'by_hand';
}
