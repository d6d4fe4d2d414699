import { z } from 'zod';
import { REVIEW_PARTICIPATION_CODES, ReviewParticipationCode } from '../plan/plan-assembly';
import { IsoDate } from '../shared/dates';
import { isoDateSchema, optionalText } from '../shared/schemas';

/**
 * How a young person took part in one review of their plan (seed 002, data set 2b): the PN code the
 * chair records after the meeting, and whether the young person chaired it. Optional data: the plan
 * shows the year's distribution when some were recorded (docs/plan.md, "Review participation").
 */

/** The earliest meeting Heard takes: earlier is a typing mistake, not a review of today's plan. */
export const EARLIEST_REVIEW_DATE: IsoDate = '2000-01-01';
export const REVIEW_NOTE_MAX = 500;

/**
 * The codes whose own words say the young person was not at the meeting or did not take part in it
 * (PN4, PN5 "does not attend"; PN7 "chooses not to participate"; PN8 "cannot
 * participate"): a young person cannot have chaired a meeting the code says they were not part of.
 */
export const CODES_WITHOUT_CHAIRING: readonly ReviewParticipationCode[] = ['PN4', 'PN5', 'PN7', 'PN8'];

export const mayHaveChaired = (code: ReviewParticipationCode): boolean =>
  !CODES_WITHOUT_CHAIRING.includes(code);

export const ReviewParticipationRequestSchema = z
  .object({
    heldOn: isoDateSchema,
    code: z.enum(REVIEW_PARTICIPATION_CODES, { error: 'Choose how they took part: a code from PN1 to PN8.' }),
    chaired: z.boolean({ error: 'Say whether the young person chaired their review.' }),
    note: optionalText(REVIEW_NOTE_MAX),
  })
  .strict();
export type ReviewParticipationRequest = z.input<typeof ReviewParticipationRequestSchema>;
export type ReviewParticipationCommand = z.output<typeof ReviewParticipationRequestSchema>;

/** The fields the rule looks at: a request the schema already accepted, or the web form's values. */
export type ReviewParticipationFacts = Pick<ReviewParticipationCommand, 'heldOn' | 'code' | 'chaired'>;

/**
 * What is wrong with a review meeting's record on `today` (London), by field; empty when nothing
 * is. The schema checks the shape; this checks the dates and that the code and chairing agree.
 */
export function reviewParticipationProblems(
  facts: ReviewParticipationFacts,
  today: IsoDate,
): Partial<Record<keyof ReviewParticipationFacts, string>> {
  const problems: Partial<Record<keyof ReviewParticipationFacts, string>> = {};
  if (facts.heldOn > today)
    problems.heldOn =
      'A review is recorded after it was held: use the day of the meeting, not a day to come.';
  else if (facts.heldOn < EARLIEST_REVIEW_DATE) problems.heldOn = 'Use a meeting on or after 1 January 2000.';
  if (facts.chaired && !mayHaveChaired(facts.code))
    problems.chaired = `${facts.code} says they did not come to or take part in the meeting, so they cannot have chaired it.`;
  return problems;
}

export interface ReviewParticipationResponse {
  id: string;
  youngPersonId: string;
  heldOn: IsoDate;
  code: ReviewParticipationCode;
  /** The code's words, as the plan shows them. */
  codeLabel: string;
  chaired: boolean;
  note: string | null;
  /** The member of staff who recorded it; null once their account is gone. */
  recordedBy: { userId: string; displayName: string } | null;
  recordedAt: string;
}
