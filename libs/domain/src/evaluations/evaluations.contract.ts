import { z } from 'zod';
import { AgeBand } from '../young-people/age';
import { IsoDate, isIsoDate } from '../shared/dates';
import { isoDateSchema, optionalText, uuidSchema } from '../shared/schemas';
import {
  DEFAULT_QUESTIONS,
  EvaluationQuestion,
  HIGHEST_RATING,
  LOWEST_RATING,
  MAX_ANSWER_LENGTH,
  MAX_HELPED_BY_LENGTH,
  MAX_PROMPT_LENGTH,
  MAX_QUESTIONS,
  QUESTION_KINDS,
  ROUND_AUDIENCES,
  ROUND_OCCASION_KINDS,
  Rating,
  RoundAudience,
  RoundOccasionKind,
  RoundState,
} from './evaluation-rules';

/** At most this many young people named on one round. */
export const MAX_ROUND_INVITEES = 200;

export const EvaluationQuestionSchema = z
  .object({
    key: z
      .string({ error: 'Give the question a key.' })
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use up to 40 lower-case letters, digits and dashes.'),
    kind: z.enum(QUESTION_KINDS, { error: 'Choose a rating, an open question or a quote box.' }),
    prompt: z
      .string({ error: 'Write the question.' })
      .trim()
      .min(1, 'Write the question.')
      .max(MAX_PROMPT_LENGTH, `Keep the question under ${MAX_PROMPT_LENGTH} characters.`),
  })
  .strict();

const occasionRefSchema = z
  .object({
    kind: z.enum(ROUND_OCCASION_KINDS, { error: 'Choose an activity day, a group session or a one-to-one.' }),
    id: uuidSchema,
  })
  .strict();

/** Setting up a round of one tool version. */
export const EvaluationRoundRequestSchema = z
  .object({
    toolVersionId: uuidSchema,
    title: z
      .string({ error: 'Give the round a title.' })
      .trim()
      .min(1, 'Give the round a title.')
      .max(120, 'Keep the title under 120 characters.'),
    questions: z
      .array(EvaluationQuestionSchema)
      .min(1, 'Ask at least one question.')
      .max(MAX_QUESTIONS, `Ask at most ${MAX_QUESTIONS} questions.`)
      .default(() => DEFAULT_QUESTIONS.map((q) => ({ ...q })))
      .refine((qs) => new Set(qs.map((q) => q.key)).size === qs.length, 'Give each question its own key.'),
    /** Null: held online. */
    occasion: occasionRefSchema.nullable().default(null),
    opensOn: isoDateSchema,
    closesOn: isoDateSchema,
    audience: z.enum(ROUND_AUDIENCES, { error: 'Choose named young people, a group or a link.' }),
    groupId: uuidSchema.nullable().default(null),
    youngPersonIds: z
      .array(uuidSchema)
      .max(MAX_ROUND_INVITEES, `Name at most ${MAX_ROUND_INVITEES} young people.`)
      .default([]),
  })
  .strict()
  .refine((r) => !isIsoDate(r.opensOn) || !isIsoDate(r.closesOn) || r.closesOn >= r.opensOn, {
    message: 'The round must close on or after the day it opens.',
    path: ['closesOn'],
  })
  .refine((r) => r.audience !== 'group' || r.groupId !== null, {
    message: 'Choose the group the round is for.',
    path: ['groupId'],
  })
  .refine((r) => r.audience === 'group' || r.groupId === null, {
    message: 'Only a round for a group names a group.',
    path: ['groupId'],
  })
  .refine((r) => r.audience !== 'named' || r.youngPersonIds.length > 0, {
    message: 'Name at least one young person.',
    path: ['youngPersonIds'],
  })
  .refine((r) => r.audience === 'named' || r.youngPersonIds.length === 0, {
    message: 'Only a round for named young people lists them.',
    path: ['youngPersonIds'],
  })
  .refine((r) => new Set(r.youngPersonIds).size === r.youngPersonIds.length, {
    message: 'Name each young person once.',
    path: ['youngPersonIds'],
  });
export type EvaluationRoundRequest = z.input<typeof EvaluationRoundRequestSchema>;
export type EvaluationRoundCommand = z.output<typeof EvaluationRoundRequestSchema>;

/**
 * Rounds of one tool version (the practice tool's page), or the rounds held at one occasion (the
 * day's page, and what "Get ready for the day" keeps on the device): one or the other, never both.
 */
export const EvaluationRoundListQuerySchema = z.union(
  [
    z.object({ toolVersionId: uuidSchema }).strict(),
    z.object({ occasionKind: occasionRefSchema.shape.kind, occasionId: uuidSchema }).strict(),
  ],
  { error: 'Ask for the rounds of one tool version, or of one occasion (occasionKind and occasionId).' },
);
export type EvaluationRoundListQuery = z.output<typeof EvaluationRoundListQuerySchema>;

export const EvaluationAnswerSchema = z
  .object({
    questionKey: z
      .string({ error: 'Say which question this answers.' })
      .max(40, 'This is not a question key.'),
    rating: z
      .number({ error: 'Choose a face from 1 to 5.' })
      .int('Choose a face from 1 to 5.')
      .min(LOWEST_RATING, 'Choose a face from 1 to 5.')
      .max(HIGHEST_RATING, 'Choose a face from 1 to 5.')
      .nullable()
      .default(null),
    // Kept exactly as typed (HTML included): it is stored and shown as text, never as markup.
    text: optionalText(MAX_ANSWER_LENGTH),
  })
  .strict();

const answersSchema = z
  .array(EvaluationAnswerSchema)
  .min(1, 'Answer at least one question.')
  .max(MAX_QUESTIONS, `At most ${MAX_QUESTIONS} answers.`);

/** An evaluation an officer or practitioner enters for a young person. */
export const EvaluationEntryRequestSchema = z
  .object({
    youngPersonId: uuidSchema,
    /** The day they gave it; their age band is worked out for this day. */
    answeredOn: isoDateSchema,
    /** Who helped them answer, in the officer's words ("their foster carer read it out"). */
    helpedBy: optionalText(MAX_HELPED_BY_LENGTH),
    pictureMode: z.boolean({ error: 'Say whether they answered in picture mode.' }).default(false),
    answers: answersSchema,
  })
  .strict();
export type EvaluationEntryRequest = z.input<typeof EvaluationEntryRequestSchema>;
export type EvaluationEntryCommand = z.output<typeof EvaluationEntryRequestSchema>;

/** An answer through a round's link: nothing about who gave it. */
export const LinkEvaluationRequestSchema = z
  .object({
    pictureMode: z.boolean({ error: 'Say whether they answered in picture mode.' }).default(false),
    answers: answersSchema,
  })
  .strict();
export type LinkEvaluationRequest = z.input<typeof LinkEvaluationRequestSchema>;
export type LinkEvaluationCommand = z.output<typeof LinkEvaluationRequestSchema>;

/** The header every evaluation POST carries, so a resend after a dropped connection is stored once. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IdempotencyKeySchema = z.uuid({ error: 'Send an Idempotency-Key header holding a UUID.' });
/**
 * The same header on any create (docs/decisions/0025-idempotency-keys.md): 16 to 128 letters, digits
 * and - _ . : so a UUID fits; compared without regard to case, as the evaluations' UUIDs always were.
 */
export const IDEMPOTENCY_KEY_MESSAGE =
  'An Idempotency-Key is 16 to 128 letters, digits, or - _ . : — a UUID made once for this change is best.';
export const AnyIdempotencyKeySchema = z
  .string({ error: IDEMPOTENCY_KEY_MESSAGE })
  .regex(/^[A-Za-z0-9._:-]{16,128}$/, { error: IDEMPOTENCY_KEY_MESSAGE })
  .transform((key) => key.toLowerCase());

export interface EvaluationRoundOccasion {
  kind: RoundOccasionKind;
  id: string;
  title: string;
  date: IsoDate | null;
}

/** A round in a list: everything but who it names. */
export interface EvaluationRoundSummary {
  id: string;
  toolVersionId: string;
  toolId: string;
  toolName: string;
  versionLabel: string;
  title: string;
  questions: EvaluationQuestion[];
  /** Null: held online. */
  occasion: EvaluationRoundOccasion | null;
  opensOn: IsoDate;
  closesOn: IsoDate;
  closedAt: string | null;
  /** Today, in London. */
  state: RoundState;
  audience: RoundAudience;
  groupId: string | null;
  evaluationCount: number;
  createdAt: string;
}

export interface EvaluationRoundResponse extends EvaluationRoundSummary {
  /** For a named round: those the reader may see (the access policy decides). */
  invitees: { id: string; displayName: string }[];
}

/** The answer to creating a link round: the only time its token is shown. */
export interface EvaluationRoundCreated extends EvaluationRoundResponse {
  link: { token: string; path: string } | null;
}

export interface EvaluationAnswerResponse {
  questionKey: string;
  rating: Rating | null;
  text: string | null;
}

export interface EvaluationResponse {
  /** What a later worry, quote or "You said" item points at. */
  id: string;
  roundId: string;
  /** Null for an answer through a link: no identity is kept. */
  youngPersonId: string | null;
  answeredOn: IsoDate;
  ageBand: AgeBand | null;
  helpedBy: string | null;
  pictureMode: boolean;
  occasion: { kind: RoundOccasionKind; id: string } | null;
  enteredBy: { id: string; displayName: string } | null;
  answers: EvaluationAnswerResponse[];
  createdAt: string;
}

/** What anyone with a round's link sees: the questions and the tool, nothing personal. */
export interface EvaluationLinkView {
  title: string;
  toolName: string;
  versionLabel: string;
  questions: EvaluationQuestion[];
  closesOn: IsoDate;
}

/** What the link answer returns: that it arrived, nothing to identify it by. */
export interface LinkEvaluationReceived {
  received: true;
}
