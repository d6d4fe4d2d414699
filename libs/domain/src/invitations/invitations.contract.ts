import { z } from 'zod';
import { optionalText, pageSchema, uuidSchema } from '../shared/schemas';
import { InvitationChannel } from './channels';
import { InvitationStatus } from './invitation-status';
import { INVITATION_TARGET_KINDS, InvitationTargetKind } from './suggestions';

/** The target (activity day, session, one-to-one or review) is in the URL. */
export const InvitationCreateRequestSchema = z
  .object({
    youngPersonIds: z
      .array(uuidSchema)
      .min(1, 'Choose at least one young person.')
      .max(200, 'Invite at most 200 at a time.')
      .refine((ids) => new Set(ids).size === ids.length, 'Each young person can only be chosen once.'),
    channel: z.enum(InvitationChannel, { error: 'Choose how the invitation reaches them.' }),
    viaTrustedAdultId: uuidSchema.nullable().default(null),
    /** Needed for anyone outside the cohort; kept on the invitation. */
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
  createdAt: string;
}

export interface InvitationCreateResponse {
  created: InvitationResponse[];
  /** Young people not invited, and why (already invited, channel not agreed, outside cohort with no reason). */
  skipped: { youngPersonId: string; reason: string }[];
}

/** Suggestions with the names and channels an officer needs to choose from. */
export interface InvitationSuggestionsResponse {
  suggested: {
    youngPerson: { id: string; preferredName: string };
    channel: InvitationChannel;
    viaTrustedAdult: { id: string; displayName: string } | null;
    note: string | null;
  }[];
  offerOneToOne: { youngPerson: { id: string; preferredName: string }; reason: string }[];
  notSuggested: { youngPerson: { id: string; preferredName: string }; reason: string }[];
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
  venue: string | null;
  accessibility: string | null;
  answer: 'yes' | 'no' | 'waiting_list' | null;
  /** From YOUNG_PERSON_STATUS_WORDS. */
  statusWords: string;
  canStillChange: boolean;
  /** 1 for next in line; null unless on the waiting list. */
  waitingListPosition: number | null;
  cancelled: boolean;
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
