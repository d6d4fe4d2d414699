import { z } from 'zod';
import { optionalText, uuidSchema } from '../shared/schemas';
import { HowOftenAsked, MAX_HOW_OFTEN_ASKED_IDS } from './how-often-asked';
import { worryWordsSchema } from '../worries/worries.contract';
import { wordsToCheck } from '../worries/words-to-check';
import { EvaluationAnswerSchema, EvaluationResponse } from './evaluations.contract';
import { MAX_ANSWER_LENGTH, MAX_HELPED_BY_LENGTH, MAX_QUESTIONS } from './evaluation-rules';

/**
 * What officers do with an evaluation once it is in (issue 11 §4, §5, §7): correct it, raise a
 * worry from it, choose and publish a quote, make a "You said" item from a suggestion.
 */

/** Correcting a submitted evaluation: the answers as they should be (all of them), and who helped. */
export const EvaluationEditRequestSchema = z
  .object({
    helpedBy: optionalText(MAX_HELPED_BY_LENGTH),
    answers: z
      .array(EvaluationAnswerSchema)
      .min(1, 'Answer at least one question.')
      .max(MAX_QUESTIONS, `At most ${MAX_QUESTIONS} answers.`),
  })
  .strict();
export type EvaluationEditRequest = z.input<typeof EvaluationEditRequestSchema>;
export type EvaluationEditCommand = z.output<typeof EvaluationEditRequestSchema>;

/** Raising a worry from an evaluation: the officer's words, or (none sent) the evaluation's own words. */
export const RaiseWorryFromEvaluationRequestSchema = z
  .object({ words: worryWordsSchema.nullable().default(null) })
  .strict();
export type RaiseWorryFromEvaluationRequest = z.input<typeof RaiseWorryFromEvaluationRequestSchema>;
export type RaiseWorryFromEvaluationCommand = z.output<typeof RaiseWorryFromEvaluationRequestSchema>;

export const MAX_PUBLISHED_WHERE_LENGTH = 200;

/** Publishing a chosen quote: where it appears, in the officer's words ("Annual report 2026"). */
export const QuotePublishRequestSchema = z
  .object({
    where: z
      .string({ error: 'Say where the quote is published.' })
      .trim()
      .min(1, 'Say where the quote is published.')
      .max(MAX_PUBLISHED_WHERE_LENGTH, `Keep this under ${MAX_PUBLISHED_WHERE_LENGTH} characters.`),
  })
  .strict();
export type QuotePublishRequest = z.input<typeof QuotePublishRequestSchema>;
export type QuotePublishCommand = z.output<typeof QuotePublishRequestSchema>;

/** Making a "You said" item from an answer; the words default to the answer's own. */
export const YouSaidRequestSchema = z
  .object({
    questionKey: z
      .string({ error: 'Say which answer this comes from.' })
      .max(40, 'This is not a question key.'),
    words: optionalText(MAX_ANSWER_LENGTH),
  })
  .strict();
export type YouSaidRequest = z.input<typeof YouSaidRequestSchema>;
export type YouSaidCommand = z.output<typeof YouSaidRequestSchema>;

/**
 * kept: only in the evaluation; chosen: an officer picked it for use; published: it appeared
 * somewhere; withdrawn: it was chosen, then quote consent was withdrawn before it was published.
 */
export type QuoteState = 'kept' | 'chosen' | 'published' | 'withdrawn';

/** Whether a named young person's quote consent is in force today; null for a link answer. */
export interface QuoteConsentView {
  inForce: boolean;
  /** Why not, in the consent capability's own words; null when in force. */
  message: string | null;
}

export interface QuoteView {
  questionKey: string;
  state: QuoteState;
  consent: QuoteConsentView | null;
  chosenAt: string | null;
  published: { at: string; where: string; named: boolean } | null;
}

/** An evaluation in a round's list for officers. */
export interface EvaluationListItem extends EvaluationResponse {
  /** The young person's preferred name; null for "Someone with the link". */
  youngPersonName: string | null;
  quote: QuoteView | null;
  /** The listed words found in the answers, to prompt a second read (never a decision). */
  wordsToCheck: string[];
  /** Question keys already made into "You said" items. */
  youSaidFrom: string[];
}

/** The answer to entering or editing: what was stored, and the listed words found in it. */
export interface EvaluationWithPrompts extends EvaluationResponse {
  wordsToCheck: string[];
}

export interface YouSaidItemResponse {
  id: string;
  words: string;
  source: { kind: 'evaluation'; evaluationId: string; questionKey: string; roundId: string };
  /** For the action log: which tool and round the words were about. */
  toolName: string;
  roundTitle: string;
  createdBy: { id: string; displayName: string };
  createdAt: string;
}

/** The listed words found in an evaluation's written answers, each once (see WORDS_TO_CHECK). */
export function evaluationWordsToCheck(answers: readonly { text: string | null }[]): string[] {
  return [...new Set(answers.flatMap((a) => (a.text ? wordsToCheck(a.text) : [])))];
}

/** `?ids=a,b,c`: the young people an officer is choosing between, at most MAX_HOW_OFTEN_ASKED_IDS. */
export const HowOftenAskedQuerySchema = z
  .object({
    ids: z
      .string({ error: 'Name the young people: ids=…, separated by commas.' })
      .max(MAX_HOW_OFTEN_ASKED_IDS * 37, `Name at most ${MAX_HOW_OFTEN_ASKED_IDS} young people.`)
      .transform((s) => [...new Set(s.split(',').map((id) => id.trim().toLowerCase()))])
      .pipe(
        z
          .array(uuidSchema)
          .min(1, 'Name at least one young person.')
          .max(MAX_HOW_OFTEN_ASKED_IDS, `Name at most ${MAX_HOW_OFTEN_ASKED_IDS} young people.`),
      ),
  })
  .strict();
export type HowOftenAskedQuery = z.output<typeof HowOftenAskedQuerySchema>;

export interface HowOftenAskedResponse extends HowOftenAsked {
  youngPersonId: string;
}
