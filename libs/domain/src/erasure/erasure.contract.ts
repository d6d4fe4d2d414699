import { z } from 'zod';
import { Role } from '../roles/role';
import { isoDateSchema, optionalText, uuidSchema } from '../shared/schemas';

/** What an anonymised young person is called everywhere their record still counts. */
export const ANONYMOUS_NAME = 'A young person';

/**
 * What stands in for free text that had to go but whose column keeps a row (a worry, a request, a
 * message): the row still says that something happened, never what or who.
 */
export const ERASED_WORDS = 'Removed when this young person’s details were erased.';

/** Why a young person was anonymised: their own request, or the end of a retention period. */
export type AnonymisationReason = 'erasure' | 'retention';
export const ANONYMISATION_REASONS: readonly AnonymisationReason[] = ['erasure', 'retention'];

/**
 * Each kind of record anonymisation touches, in the order it is done. The counts say how many rows
 * of each kind changed; a second run over the same young person counts nothing.
 */
export const ANONYMISED_KINDS = [
  'namesRemovedFromText',
  'record',
  'serviceExperiences',
  'categories',
  'trustedAdults',
  'heldChanges',
  'groupMemberships',
  'oneToOnes',
  'invitations',
  'consents',
  'evaluations',
  'evaluationAnswers',
  'evaluationQuotes',
  'youSaidSpeakers',
  'youSaidItems',
  'quotesRemoved',
  'quotesKeptAnonymous',
  'responseRatings',
  'pledgeVerdicts',
  'planComments',
  'reviewNotes',
  'planPictures',
  'planPdfsMadeAgain',
  'loopTellings',
  'worries',
  'deletionRequests',
  'erasureRequests',
  'enrolmentCodes',
  'account',
  'sessions',
  'passkeys',
  'recoveryCodes',
  'mailWithdrawn',
  'mailAnonymised',
] as const;
export type AnonymisedKind = (typeof ANONYMISED_KINDS)[number];
export type AnonymisedCounts = Record<AnonymisedKind, number>;

/** Who may record an erasure request and decide it: the staff who can see the young person. */
export const ERASURE_ROLES = [Role.ParticipationOfficer] as const;

export const ERASURE_ASKED_BY = ['young_person', 'parent_carer', 'trusted_adult', 'other'] as const;
export type ErasureAskedBy = (typeof ERASURE_ASKED_BY)[number];
export const ERASURE_ASKED_BY_LABELS: Readonly<Record<ErasureAskedBy, string>> = {
  young_person: 'The young person',
  parent_carer: 'A parent or carer',
  trusted_adult: 'A trusted adult',
  other: 'Someone else',
};

export const ERASURE_RECEIVED_HOW = ['their_pages', 'in_person', 'phone', 'email', 'letter'] as const;
export type ErasureReceivedHow = (typeof ERASURE_RECEIVED_HOW)[number];
export const ERASURE_RECEIVED_HOW_LABELS: Readonly<Record<ErasureReceivedHow, string>> = {
  their_pages: 'On their own pages in Heard',
  in_person: 'In person',
  phone: 'By phone',
  email: 'By email',
  letter: 'By letter',
};

export const ERASURE_DECISIONS = ['erase', 'refuse', 'erase_part'] as const;
export type ErasureDecision = (typeof ERASURE_DECISIONS)[number];
export const ERASURE_DECISION_LABELS: Readonly<Record<ErasureDecision, string>> = {
  erase: 'Erase everything',
  refuse: 'Refuse',
  erase_part: 'Erase part',
};

export const MAX_ERASURE_DETAILS = 2000;
export const MAX_ERASURE_REASON = 2000;

/** Recording a request as it was received. */
export const ErasureRequestSchema = z
  .object({
    askedBy: z.enum(ERASURE_ASKED_BY, { error: 'Say who asked.' }),
    receivedHow: z.enum(ERASURE_RECEIVED_HOW, { error: 'Say how the request reached you.' }),
    receivedOn: isoDateSchema,
    details: optionalText(MAX_ERASURE_DETAILS),
    deletionRequestId: uuidSchema.nullable().default(null),
  })
  .strict();
export type ErasureRequest = z.input<typeof ErasureRequestSchema>;
export type ErasureRequestCommand = z.output<typeof ErasureRequestSchema>;

/**
 * Deciding a request. A refusal, or erasing only part, says why in plain words (the young person
 * is told); erasing everything must be confirmed, because it cannot be undone.
 */
export const ErasureDecisionSchema = z
  .object({
    decision: z.enum(ERASURE_DECISIONS, { error: 'Choose erase, refuse or erase part.' }),
    reason: optionalText(MAX_ERASURE_REASON),
    confirmCannotBeUndone: z.boolean().default(false),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision !== 'erase' && v.reason === null)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message:
          v.decision === 'refuse'
            ? 'Say why in plain words: the young person will be told.'
            : 'Say which part is erased and why, in plain words.',
      });
    if (v.decision === 'erase' && !v.confirmCannotBeUndone)
      ctx.addIssue({
        code: 'custom',
        path: ['confirmCannotBeUndone'],
        message: 'Confirm that you understand erasing cannot be undone.',
      });
  });
export type ErasureDecisionRequest = z.input<typeof ErasureDecisionSchema>;
export type ErasureDecisionCommand = z.output<typeof ErasureDecisionSchema>;

export interface ErasureRequestResponse {
  id: string;
  youngPersonId: string;
  askedBy: ErasureAskedBy;
  receivedHow: ErasureReceivedHow;
  receivedOn: string;
  details: string | null;
  deletionRequestId: string | null;
  recordedAt: string;
  recordedBy: string | null;
  decision: ErasureDecision | null;
  reason: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  carriedOutAt: string | null;
  counts: AnonymisedCounts | null;
}

/** A young person's erasure requests, newest first, and whether their details are already gone. */
export interface ErasureRequestsResponse {
  anonymisedAt: string | null;
  requests: ErasureRequestResponse[];
}
