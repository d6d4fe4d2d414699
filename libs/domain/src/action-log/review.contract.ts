import { z } from 'zod';
import {
  HIGHEST_RATING,
  LOWEST_RATING,
  RATING_SCALE,
  Rating,
  RatingStep,
} from '../evaluations/evaluation-rules';
import { optionalText } from '../shared/schemas';
import { ActionAnswer } from './action-status';

/**
 * The Young Experts' review (issue 12 §5, docs/action-log.md): "How well did we do?", on the one
 * rating scale of faces with words (RATING_SCALE), with the young expert's own comment.
 */

export const RESPONSE_RATING_QUESTION = 'How well did we do?';
export const MAX_RATING_COMMENT = 1000;

export const ResponseRatingRequestSchema = z
  .object({
    rating: z
      .number({ error: 'Choose a face.' })
      .int('Choose a face.')
      .min(LOWEST_RATING, 'Choose a face.')
      .max(HIGHEST_RATING, 'Choose a face.'),
    // Kept exactly as typed: shown as text, never as markup.
    comment: optionalText(MAX_RATING_COMMENT),
  })
  .strict();
export type ResponseRatingRequest = z.input<typeof ResponseRatingRequestSchema>;
export type ResponseRatingCommand = z.output<typeof ResponseRatingRequestSchema>;

/** The face a rating is: its words are what is shown and read out, never the number alone. */
export type RatingFace = RatingStep;
export const ratingFaceOf = (rating: Rating): RatingFace => RATING_SCALE[rating - 1];

/** One answer to an item, as a young expert reads it: the answer in young people's words. */
export interface MyResponseAnswer {
  answer: ActionAnswer;
  /** "We did", "We will", "We can't". */
  label: string;
  words: string;
  /** A We can't says why. */
  because: string | null;
}

/** An item from one of their groups, with its answers; no one who spoke is named. */
export interface MyResponse {
  itemId: string;
  groupName: string;
  saidOn: string;
  youSaid: string;
  answers: MyResponseAnswer[];
  myRating: { face: RatingFace; comment: string | null; ratedAt: string } | null;
}

/** For staff: each rating beside its comment and the item. Never an average. */
export interface ItemRatingView {
  id: string;
  face: RatingFace;
  comment: string | null;
  ratedAt: string;
}

export interface ItemRatingsResponse {
  itemId: string;
  youSaid: string;
  /** Every face with how many chose it, worst first: the whole spread, never one figure. */
  faces: { face: RatingFace; count: number }[];
  ratings: ItemRatingView[];
}
