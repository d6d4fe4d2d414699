import { z } from 'zod';
import type { ConsentGiver, ConsentPurpose } from '../consent/consent';
import type { EvaluationQuestion, Rating } from '../evaluations/evaluation-rules';
import type { RsvpView } from '../invitations/invitations.contract';
import type { OneToOneStatus } from '../activities/one-to-ones.contract';
import type { MailStatus } from '../invitations/invitations.contract';
import type { RatingFace } from '../action-log/review.contract';
import type { IsoDate } from '../shared/dates';
import { optionalText } from '../shared/schemas';
import { worryWordsSchema } from '../worries/worries.contract';
import { MY_SPACE_MESSAGES } from './my-space-messages';
import type { ErasureDecision } from '../erasure/erasure.contract';
import type { ReviewParticipationCode } from '../plan/plan-assembly';

/**
 * A young expert's own pages (issue 11 §9): every route is /api/me/… and answers only about the
 * young person their account is linked to. Request shapes here; the words shown in my-space-messages.ts.
 */

export const MAX_ONE_TO_ONE_ABOUT = 300;
export const MAX_DELETION_WHAT = 2000;

/** What an officer reads on a one-to-one a young person asked for without saying what about. */
export const ONE_TO_ONE_NO_TOPIC = 'They asked on their own pages and did not say what about.';

/** Asking for a one-to-one; saying what about is optional. */
export const MyOneToOneRequestSchema = z.object({ about: optionalText(MAX_ONE_TO_ONE_ABOUT) }).strict();
export type MyOneToOneRequest = z.input<typeof MyOneToOneRequestSchema>;

export const MyDeletionRequestSchema = z
  .object({
    what: z
      .string({ error: MY_SPACE_MESSAGES.deletionAboutWhat })
      .trim()
      .min(1, MY_SPACE_MESSAGES.deletionAboutWhat)
      .max(MAX_DELETION_WHAT, `Keep this under ${MAX_DELETION_WHAT} characters.`),
  })
  .strict();
export type MyDeletionRequest = z.input<typeof MyDeletionRequestSchema>;

export const MyWorryRequestSchema = z.object({ words: worryWordsSchema }).strict();
export type MyWorryRequest = z.input<typeof MyWorryRequestSchema>;

/** Changing a choice: quote consent (yes or no) and whether quotes carry their name. */
export const MyChoicesRequestSchema = z
  .object({
    quoteConsent: z.boolean({ error: 'Say yes or no.' }).optional(),
    quotesNamed: z.boolean({ error: 'Say yes or no.' }).optional(),
  })
  .strict()
  .refine((c) => c.quoteConsent !== undefined || c.quotesNamed !== undefined, {
    message: MY_SPACE_MESSAGES.chooseSomething,
  });
export type MyChoicesRequest = z.input<typeof MyChoicesRequestSchema>;

/** GET /api/me: their name and how many of their own things are waiting. */
export interface MeResponse {
  name: string;
  waiting: { rounds: number; invitations: number };
}

/** A round waiting for them: what it is about and its questions, nothing about anyone else. */
export interface MyRound {
  id: string;
  title: string;
  toolName: string;
  versionLabel: string;
  questions: EvaluationQuestion[];
  closesOn: IsoDate;
  occasion: { title: string; date: IsoDate | null } | null;
}

export interface MyEvaluationSummary {
  id: string;
  roundTitle: string;
  toolName: string;
  versionLabel: string;
  answeredOn: IsoDate;
  pictureMode: boolean;
}

/** One of their evaluations with each question beside their answer. */
export interface MyEvaluation extends MyEvaluationSummary {
  answers: { questionKey: string; prompt: string; rating: Rating | null; text: string | null }[];
}

export interface MyInvitation extends RsvpView {
  id: string;
}

export interface MyChoices {
  quoteConsent: {
    /** Their words may be quoted today. */
    given: boolean;
    /** The day the consent in force was given, or null. */
    since: IsoDate | null;
    /** They may decide this themselves (else an adult has to agree too). */
    mayDecide: boolean;
  };
  /** Quotes carry their name; false (the default) means anonymous. */
  quotesNamed: boolean;
}

export interface MyRequestReceived {
  id: string;
  at: string;
  message: string;
}

/** Everything Heard holds about them (GET /api/me/data). Dates as ISO text. */
export interface MyData {
  madeAt: string;
  aboutThisFile: string[];
  record: {
    preferredName: string;
    dateOfBirth: IsoDate;
    serviceExperiences: { kind: string; from: IsoDate | null; to: IsoDate | null }[];
    contact: unknown;
    parentCarer: unknown;
    accessibilityNeeds: string | null;
    communicationNeeds: string | null;
    participationPreference: string;
    decidesForThemselves: boolean;
    placedOutOfArea: boolean;
    /** The local authority they live in, when placed out of area. */
    placementAuthority: string | null;
    /** The team's categories on their record (docs/reach.md), by name. */
    categories: string[];
    quotesNamed: boolean;
    trustedAdults: { name: string; relationship: string }[];
    createdAt: string;
  };
  /** Their account on Heard, if they have one: never a password, code or other sign-in secret. */
  account: { email: string | null; status: string; createdAt: string; lastSignedInAt: string | null } | null;
  /** Codes made for them to set up their account: when, never the code itself. */
  joiningCodes: { madeAt: string; expiresAt: string; usedAt: string | null; stoppedAt: string | null }[];
  groups: { group: string; role: string; joinedOn: IsoDate; leftOn: IsoDate | null }[];
  sessionsAttended: { group: string; startsAt: string; attendance: string }[];
  invitations: MyInvitation[];
  consents: {
    purpose: ConsentPurpose;
    givenBy: ConsentGiver;
    method: string;
    wording: string;
    givenOn: IsoDate;
    expiresOn: IsoDate | null;
    withdrawnAt: string | null;
  }[];
  /** Evaluation rounds they were asked to answer by name, answered or not. */
  askedToEvaluate: { round: string; opensOn: IsoDate; closesOn: IsoDate; answered: boolean }[];
  /** Every evaluation about them, their own or written down by staff ("You", or the staff role). */
  evaluations: (MyEvaluation & { writtenDownBy: string; helpedBy: string | null })[];
  /** Answers of theirs chosen as quotes: where they were shared and whether with their name. */
  evaluationQuotes: {
    words: string | null;
    state: string;
    chosenAt: string;
    sharedWhere: string | null;
    sharedWithName: boolean | null;
    sharedAt: string | null;
    takenBackAt: string | null;
  }[];
  oneToOnes: {
    about: string;
    askedBy: string;
    status: OneToOneStatus;
    when: string | null;
    outcome: string | null;
  }[];
  deletionRequests: { what: string; at: string; handledAt: string | null; outcome: string | null }[];
  /** Requests to erase their details (docs/erasure.md): when, the decision and its reason. */
  erasureRequests: {
    receivedOn: IsoDate;
    decision: ErasureDecision | null;
    reason: string | null;
    decidedAt: string | null;
    carriedOutAt: string | null;
  }[];
  worries: { toldUsOn: IsoDate }[];
  /** Their "How well did we do?" ratings: what their group said (in young people's words), the face, their words. */
  responseRatings: { youSaid: string | null; face: RatingFace; comment: string | null; ratedAt: string }[];
  /** Their verdicts on leaders' pledges: the pledge, their verdict in words, their own words; a replaced one says when. */
  pledgeVerdicts: {
    pledge: string;
    verdict: string;
    words: string | null;
    at: string;
    replacedAt: string | null;
  }[];
  /**
   * Their comments on a voice plan while it was with young people (docs/plan.md): the plan's year,
   * the part in its child-friendly title, their words, and what was changed because of it.
   */
  planComments: {
    plan: number;
    section: string;
    words: string;
    at: string;
    reply: string | null;
    repliedAt: string | null;
  }[];
  /**
   * Pictures in the voice plan they can be recognised in (ADR 0035): when each was added, and since
   * when it is no longer shown (their details erased). Public only while their photo consent lasts.
   */
  planPictures: { addedAt: string; noLongerShownSince: string | null }[];
  /**
   * The reviews of their plan (docs/plan.md, "Review participation"): the day, the PN code with its
   * words, whether they chaired it and the note (null when there is none or erasure removed it). Who
   * recorded it by staff role, never a name (null once that account is gone), as for evaluations.
   */
  reviewMeetings: {
    heldOn: IsoDate;
    code: ReviewParticipationCode;
    howYouTookPart: string;
    youChaired: boolean;
    note: string | null;
    recordedBy: string | null;
    recordedAt: string;
  }[];
  whoLooked: { role: string; what: string; at: string }[];
  /**
   * Marks made about them on a day without signal that staff kept aside to decide on (issue 15):
   * what it was, when it was made, why it waited, and what was decided.
   */
  heldChanges: {
    what: string;
    madeAt: string;
    why: string;
    decision: string | null;
    decidedAt: string | null;
  }[];
  /** You said items that name them (young words only, never the staff summary) and quotes kept as theirs. */
  youSaid: { youSaid: string | null; saidOn: IsoDate }[];
  quotes: { words: string; at: string }[];
  /** What staff told them back about what happened after they spoke (the loop), and how. */
  toldYouBack: { youSaid: string | null; message: string; how: string; at: string }[];
  /**
   * Emails sent to them or about them (to a parent, carer or trusted adult): when, the subject,
   * the kind and whether it went. The words are cleared once an email is sent, so they are not here.
   */
  emails: {
    to: string;
    kind: string;
    subject: string;
    status: MailStatus;
    at: string;
    sentAt: string | null;
  }[];
}

/** What officers see of a young person's request to delete something. */
/** An officer's answer to a request to delete something: what was decided or done. */
export const DeletionRequestHandledSchema = z
  .object({
    outcome: z
      .string({ error: 'Say what was decided or done.' })
      .trim()
      .min(1, 'Say what was decided or done.')
      .max(MAX_DELETION_WHAT, `Keep this under ${MAX_DELETION_WHAT} characters.`),
  })
  .strict();
export type DeletionRequestHandled = z.input<typeof DeletionRequestHandledSchema>;

export interface DeletionRequestResponse {
  id: string;
  youngPerson: { id: string; preferredName: string };
  what: string;
  requestedAt: string;
}
