import { Role } from '../roles/role';
import { IsoDate } from '../shared/dates';
import type { OccasionKind } from '../occasions/occasion';

/**
 * Young people's evaluations of a practice tool version (issue 11 §2–3): the rating scale, the
 * kinds of question, who a round is for and when it takes answers. No zod here: the web app's
 * eager code (navigation, rating faces) may import this file without pulling zod into the first
 * bundle; the request shapes are in evaluations.contract.ts.
 */

export type Rating = 1 | 2 | 3 | 4 | 5;

export interface RatingStep {
  value: Rating;
  /** What the face says in words: shown under it, and what screen readers read. */
  words: string;
  /** The face drawn for it, for picture mode and the big buttons. */
  face: string;
}

/** The one rating scale: 1–5 faces with words, worst first. */
export const RATING_SCALE: readonly RatingStep[] = [
  { value: 1, words: 'Really bad', face: '😣' },
  { value: 2, words: 'Bad', face: '🙁' },
  { value: 3, words: 'OK', face: '😐' },
  { value: 4, words: 'Good', face: '🙂' },
  { value: 5, words: 'Really good', face: '😄' },
];
export const LOWEST_RATING: Rating = 1;
export const HIGHEST_RATING: Rating = 5;

export const isRating = (value: unknown): value is Rating =>
  typeof value === 'number' && Number.isInteger(value) && value >= LOWEST_RATING && value <= HIGHEST_RATING;

/** The words for a rating; a rating is never shown as a bare number. */
export const ratingWords = (value: Rating): string => RATING_SCALE[value - 1].words;

/** rating: a face on the 1–5 scale; open: their own words; quote: words they may let the council quote. */
export type QuestionKind = 'rating' | 'open' | 'quote';
export const QUESTION_KINDS: readonly QuestionKind[] = ['rating', 'open', 'quote'];

export interface EvaluationQuestion {
  /** Stable within a round: answers point at it. Lower-case letters, digits and dashes. */
  key: string;
  kind: QuestionKind;
  prompt: string;
}

export const MAX_QUESTIONS = 20;
export const MAX_ANSWER_LENGTH = 2000;
export const MAX_PROMPT_LENGTH = 300;
export const MAX_HELPED_BY_LENGTH = 200;

/** What a new round asks unless the officer changes it. */
export const DEFAULT_QUESTIONS: readonly EvaluationQuestion[] = [
  { key: 'overall', kind: 'rating', prompt: 'What do you think of it?' },
  { key: 'easy-to-understand', kind: 'rating', prompt: 'How easy was it to understand?' },
  { key: 'liked', kind: 'open', prompt: 'What did you like?' },
  { key: 'change', kind: 'open', prompt: 'What would you change?' },
  { key: 'quote', kind: 'quote', prompt: 'Anything you want to say in your own words?' },
];

/** named: the young people listed; group: the group's members on the day; link: anyone with the link. */
export type RoundAudience = 'named' | 'group' | 'link';
export const ROUND_AUDIENCES: readonly RoundAudience[] = ['named', 'group', 'link'];

/** Where a round can be held; a round with no occasion is held online. Review meetings are not. */
export type RoundOccasionKind = Extract<OccasionKind, 'activity_day' | 'group_session' | 'one_to_one'>;
export const ROUND_OCCASION_KINDS: readonly RoundOccasionKind[] = [
  'activity_day',
  'group_session',
  'one_to_one',
];

/** Who sets rounds up, and who enters evaluations (a practitioner, for young people linked to them). */
export const EVALUATION_ROUND_EDITORS = [Role.ParticipationOfficer] as const;
export const EVALUATION_ENTERERS = [Role.ParticipationOfficer, Role.Practitioner] as const;

export interface RoundDates {
  opensOn: IsoDate;
  closesOn: IsoDate;
  /** When an officer closed it before its last day; null while it runs its course. */
  closedAt: string | null;
}

export type RoundState = 'not_open_yet' | 'open' | 'closed';

/** Whether a round takes answers given on a day: opens_on ≤ day ≤ closes_on, and not closed early. */
export function roundStateOn(round: RoundDates, day: IsoDate): RoundState {
  if (round.closedAt !== null) return 'closed';
  if (day < round.opensOn) return 'not_open_yet';
  if (day > round.closesOn) return 'closed';
  return 'open';
}

export const ROUND_STATE_MESSAGES: Readonly<Record<Exclude<RoundState, 'open'>, string>> = {
  not_open_yet: 'This evaluation round has not opened yet.',
  closed: 'This evaluation round has closed, so it takes no more answers.',
};

export interface EvaluationAnswerInput {
  questionKey: string;
  rating?: number | null;
  text?: string | null;
}

/**
 * The problems with a set of answers to a round's questions, by field path (`answers.2.rating`):
 * a key the round does not ask, the same question twice, a rating given to a question in words or
 * words to a rating. Empty when they fit. Unanswered questions are fine: skipping is allowed.
 */
export function answerProblems(
  questions: readonly EvaluationQuestion[],
  answers: readonly EvaluationAnswerInput[],
): Record<string, string[]> {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const seen = new Set<string>();
  const problems: Record<string, string[]> = {};
  answers.forEach((a, i) => {
    const question = byKey.get(a.questionKey);
    const at = `answers.${i}`;
    if (!question) problems[`${at}.questionKey`] = ['This round does not ask this question.'];
    else if (seen.has(a.questionKey)) problems[`${at}.questionKey`] = ['This question is answered twice.'];
    else if (question.kind === 'rating' && (a.text ?? null) !== null)
      problems[`${at}.text`] = ['This question takes a face, not words.'];
    else if (question.kind !== 'rating' && (a.rating ?? null) !== null)
      problems[`${at}.rating`] = ['This question takes words, not a face.'];
    else if (question.kind === 'rating' && (a.rating ?? null) === null)
      problems[`${at}.rating`] = ['Choose a face, or leave the question out.'];
    else if (question.kind !== 'rating' && (a.text ?? null) === null)
      problems[`${at}.text`] = ['Write something, or leave the question out.'];
    seen.add(a.questionKey);
  });
  return problems;
}
