import { z } from 'zod';
import { isoDateSchema, optionalText, pageSchema, timeSchema, uuidSchema } from '../shared/schemas';
import { InvitationChannel } from './channels';
import { InvitationStatus } from './invitation-status';
import { INVITATION_TARGET_KINDS, InvitationTargetKind } from './suggestions';
import type { ParentCarerChannel } from '../young-people/young-people.contract';

/** What the invitation is for. A review meeting has no record of its own in Heard: its details travel with the invitation. */
export const InvitationTargetRequestSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('activity_day'), id: uuidSchema }).strict(),
    z.object({ kind: z.literal('group_session'), id: uuidSchema }).strict(),
    z.object({ kind: z.literal('one_to_one'), id: uuidSchema }).strict(),
    z
      .object({
        kind: z.literal('review_meeting'),
        title: z
          .string({ error: 'Name the meeting, like "Your review meeting".' })
          .trim()
          .min(1, 'Name the meeting, like "Your review meeting".')
          .max(120, 'Keep the name under 120 characters.'),
        date: isoDateSchema,
        startTime: timeSchema.nullable().default(null),
        venue: optionalText(200),
      })
      .strict(),
  ],
  { error: 'Choose what they are invited to.' },
);
export type InvitationTargetRequest = z.output<typeof InvitationTargetRequestSchema>;

export const InviteeRequestSchema = z
  .object({
    youngPersonId: uuidSchema,
    channel: z.enum(InvitationChannel, { error: 'Choose how the invitation reaches them.' }),
    /** A linked trusted adult who hands it over; required for someone reached only via a trusted adult. */
    viaTrustedAdultId: uuidSchema.nullable().default(null),
    /** Also tell the parent or carer on their record (the answer stays the young person's). */
    alsoToParentCarer: z.boolean().default(false),
  })
  .strict();

/** Each invitee keeps their own channel: a cohort mixes emails, letters and hand-overs. */
export const InvitationCreateRequestSchema = z
  .object({
    target: InvitationTargetRequestSchema,
    invitees: z
      .array(InviteeRequestSchema)
      .min(1, 'Choose at least one young person.')
      .max(200, 'Invite at most 200 at a time.')
      .refine(
        (list) => new Set(list.map((i) => i.youngPersonId)).size === list.length,
        'Each young person can only be chosen once.',
      ),
    /** Needed when anyone is outside the cohort; kept on their invitations, which are flagged. */
    outsideCohortReason: z
      .string()
      .trim()
      .min(5, 'Give a reason of at least a few words.')
      .max(300, 'Keep the reason under 300 characters.')
      .optional(),
    /** false keeps them as drafts to send later. */
    send: z.boolean().default(true),
  })
  .strict();
export type InvitationCreateRequest = z.input<typeof InvitationCreateRequestSchema>;
export type InvitationCreateCommand = z.output<typeof InvitationCreateRequestSchema>;

/** The young person's answer on their page, or an officer recording it for them. */
export const InvitationAnswerRequestSchema = z
  .object({
    answer: z.enum(['yes', 'no'], { error: 'Choose yes or no.' }),
    reason: optionalText(300),
  })
  .strict();
export type InvitationAnswerRequest = z.input<typeof InvitationAnswerRequestSchema>;

export const InvitationWithdrawRequestSchema = z.object({ reason: optionalText(300) }).strict();

export const InvitationQuerySchema = z
  .object({
    status: z.enum(InvitationStatus).optional(),
    targetKind: z
      .enum(INVITATION_TARGET_KINDS as [InvitationTargetKind, ...InvitationTargetKind[]])
      .optional(),
    youngPersonId: uuidSchema.optional(),
    ...pageSchema,
  })
  .strict();
export type InvitationQuery = z.output<typeof InvitationQuerySchema>;

export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface InvitationTarget {
  kind: InvitationTargetKind;
  id: string;
  title: string;
  date: string;
}

export interface InvitationResponse {
  id: string;
  target: InvitationTarget;
  youngPerson: { id: string; preferredName: string };
  channel: InvitationChannel;
  status: InvitationStatus;
  viaTrustedAdult: { id: string; displayName: string } | null;
  outsideCohort: boolean;
  outsideCohortReason: string | null;
  declineReason: string | null;
  /** Only for email: how Heard's sending is going. */
  mail: { status: MailStatus; lastError: string | null } | null;
  answeredAt: string | null;
  handedOverAt: string | null;
  /** When someone recorded that an invitation to deliver reached them. */
  deliveredAt: string | null;
  /** News of a change that someone must pass on by hand, until they record they have. */
  toTell: 'moved' | 'cancelled' | 'place_free' | null;
  /** A copy for their parent or carer: emailed by Heard, or phoned by an officer who records it. */
  parentCarer: { name: string; channel: ParentCarerChannel; toldAt: string | null } | null;
  createdAt: string;
}

/** The officers' list of what Heard cannot do itself. */
export interface ByHandListResponse {
  /** Invitations still to deliver, soonest first. */
  toDeliver: InvitationResponse[];
  /** Invitations whose young person must be told of a change by hand, oldest news first. */
  toTell: InvitationResponse[];
  /** The numbers they agreed to be called or messaged on, by young person id: the officer is the one phoning. */
  numbers: Record<string, { phone: string | null; whatsapp: string | null }>;
  /** Parents or carers to phone about an invitation sent to their young person, oldest first. */
  parentCarersToTell: {
    invitation: InvitationResponse;
    parentCarer: { name: string; relationship: string | null; phone: string };
    /** A change to pass on; null when they are still to hear of the invitation itself. */
    news: 'moved' | 'cancelled' | 'place_free' | null;
  }[];
}

/** All or nothing: one invitee refused (channel not agreed, already invited…) refuses the batch, naming them. */
export interface InvitationCreateResponse {
  created: InvitationResponse[];
}

/** Suggestions with the names and channels an officer needs to choose from. */
export interface InvitationSuggestionsResponse {
  suggested: {
    youngPerson: { id: string; preferredName: string };
    channel: InvitationChannel;
    /** Every channel they agreed to (`agreedChannels`), best first: the only ones to offer. */
    channels: InvitationChannel[];
    viaTrustedAdult: { id: string; displayName: string } | null;
    /** The parent or carer on their record who could also be told, if any. */
    parentCarer: { name: string; channel: ParentCarerChannel } | null;
    note: string | null;
  }[];
  offerOneToOne: { youngPerson: { id: string; preferredName: string }; reason: string }[];
  notSuggested: {
    youngPerson: { id: string; preferredName: string };
    reason: string;
    /** The channels they agreed to, if invited anyway; empty when no channel can reach them. */
    channels: InvitationChannel[];
    /** Their trusted adult, when they are only contacted through one. */
    viaTrustedAdult: { id: string; displayName: string } | null;
    parentCarer: { name: string; channel: ParentCarerChannel } | null;
  }[];
}

/** What the young person's own page shows, reached by their personal link without an account. */
export interface RsvpView {
  firstName: string;
  kind: InvitationTargetKind;
  title: string;
  /** "Saturday 4 July 2026". */
  dateWords: string;
  /** 'HH:MM', or null when there is no set time (a review, say). */
  startTime: string | null;
  endTime: string | null;
  /** The times in words: "from half past 10 in the morning to 1 o'clock in the afternoon". */
  timeWords: string | null;
  /** What they will be asked about, so they know before they say yes. */
  askedAbout: string | null;
  /** How they get there and back. */
  transport: string | null;
  /** Whether photos or film will be taken, in words (from `photoPlanWords`); null where nobody said. */
  photosWords: string | null;
  /** Who to ask about it: the officer who invited them, and the team's phone number. */
  contact: { name: string | null; phone: string | null };
  venue: string | null;
  accessibility: string | null;
  answer: 'yes' | 'no' | 'waiting_list' | null;
  /** From YOUNG_PERSON_STATUS_WORDS. */
  statusWords: string;
  canStillChange: boolean;
  /** 1 for next in line; null unless on the waiting list. */
  waitingListPosition: number | null;
  cancelled: boolean;
  /** It has taken place and is closed (a finished one-to-one): nothing more to answer. */
  closed: boolean;
}

/** A trusted adult's "to hand over" list. */
export interface HandoverListItem {
  invitationId: string;
  youngPerson: { id: string; preferredName: string };
  target: InvitationTarget;
  channel: InvitationChannel;
  status: InvitationStatus;
  /** For a letter: where to print it from. */
  letterUrl: string | null;
  createdAt: string;
  handedOverAt: string | null;
}
