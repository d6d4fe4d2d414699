import { z } from 'zod';
import { MAX_ACTION_WORDS, MAX_ACTION_YOUNG_WORDS } from '../action-log/actions.contract';
import { isoDateSchema, optionalText, uuidSchema } from '../shared/schemas';
import type { PlanFigures, PlanPeriod } from './plan-assembly';
import type { DiffSegment } from './plan-diff';
import { LUNDY_QUESTIONS, PLAN_SECTION_KEYS, PlanGap, PlanSectionKey } from './plan-sections';
import { PlanDocument, PlanDocumentSchema } from './plan-text';
import { MAX_PLAN_REASON, MAX_WHAT_CHANGED, PLAN_STATUSES, PlanStatus } from './plan-workflow';

/**
 * The annual voice plan over the wire (issue 14 §1, §4, §5; docs/plan.md "Storage and API"): a
 * plan a year, its versions, each version's sections, Lundy answers and commitments, the moves
 * through the workflow, and the published versions the public reads.
 */

/** The years a plan may be for: a plan is about the council's present, not its distant past or future. */
export const FIRST_PLAN_YEAR = 2020;
export const LAST_PLAN_YEAR = 2100;
export const MAX_LUNDY_ANSWER = 4000;
export const MAX_EVIDENCE_WORDS = 2000;
export const MAX_EVIDENCE_PER_ANSWER = 10;
export const MAX_PLAN_COMMITMENTS = 50;

/**
 * A plan's period: the council's year, April to March, named by its first year (the 2026 plan runs
 * from 1 April 2026 to 31 March 2027), the year its commitments are due within.
 */
export function planPeriodOfYear(year: number): PlanPeriod {
  return { from: `${year}-04-01`, to: `${year + 1}-03-31` };
}

const expectedUpdatedAt = z.iso.datetime({
  offset: true,
  error: 'Send the version’s updatedAt as you last saw it.',
});

const words = (missing: string, max: number) =>
  z.string({ error: missing }).trim().max(max, `Keep this under ${max} characters.`);

export const PlanCreateRequestSchema = z
  .object({
    year: z
      .number({ error: 'Say which year the plan is for, like 2026.' })
      .int('Use a year like 2026.')
      .min(FIRST_PLAN_YEAR, `Plans start from ${FIRST_PLAN_YEAR}.`)
      .max(LAST_PLAN_YEAR, `Use a year before ${LAST_PLAN_YEAR}.`),
  })
  .strict();
export type PlanCreateRequest = z.input<typeof PlanCreateRequestSchema>;
export type PlanCreateCommand = z.output<typeof PlanCreateRequestSchema>;

export const planSectionKeySchema = z.enum(PLAN_SECTION_KEYS, { error: 'There is no such section.' });
const lundyKeys = LUNDY_QUESTIONS.map((q) => q.key) as [string, ...string[]];
export const lundyQuestionKeySchema = z.enum(lundyKeys, { error: 'There is no such Lundy question.' });

/** A section's two texts, as the officer last saw the version. Both are sent, either may be empty. */
export const PlanSectionRequestSchema = z
  .object({
    expectedUpdatedAt,
    professional: PlanDocumentSchema,
    childFriendly: PlanDocumentSchema,
  })
  .strict();
export type PlanSectionRequest = z.input<typeof PlanSectionRequestSchema>;
export type PlanSectionCommand = z.output<typeof PlanSectionRequestSchema>;

/** Evidence: what shows it, in words. A reference to a figure is added by section C's assembly, not typed. */
const evidenceSchema = z
  .object({
    words: words('Say what shows this.', MAX_EVIDENCE_WORDS).min(1, 'Say what shows this.'),
  })
  .strict();

export const PlanLundyAnswerRequestSchema = z
  .object({
    expectedUpdatedAt,
    answer: words('Answer the question.', MAX_LUNDY_ANSWER),
    evidence: z
      .array(evidenceSchema, { error: 'Give the evidence as a list.' })
      .max(MAX_EVIDENCE_PER_ANSWER, `At most ${MAX_EVIDENCE_PER_ANSWER} pieces of evidence.`),
  })
  .strict();
export type PlanLundyAnswerRequest = z.input<typeof PlanLundyAnswerRequestSchema>;
export type PlanLundyAnswerCommand = z.output<typeof PlanLundyAnswerRequestSchema>;

const commitmentSchema = z
  .object({
    words: words('Say what will be done.', MAX_ACTION_WORDS),
    childWords: words('Say it in words a young person understands.', MAX_ACTION_YOUNG_WORDS),
    ownerId: uuidSchema.nullable().default(null),
    dueOn: isoDateSchema.nullable().default(null),
    themeId: uuidSchema.nullable().default(null),
  })
  .strict();

/**
 * Next year's commitments, the whole list at once (in order): the officer's page edits them as one
 * list, and planGaps says which are not ready yet.
 */
export const PlanCommitmentsRequestSchema = z
  .object({
    expectedUpdatedAt,
    commitments: z
      .array(commitmentSchema, { error: 'Send the commitments as a list.' })
      .max(MAX_PLAN_COMMITMENTS, `At most ${MAX_PLAN_COMMITMENTS} commitments.`),
  })
  .strict();
export type PlanCommitmentsRequest = z.input<typeof PlanCommitmentsRequestSchema>;
export type PlanCommitmentsCommand = z.output<typeof PlanCommitmentsRequestSchema>;

/** A move through the workflow; plan-workflow.ts says who may make it and when a reason is needed. */
export const PlanMoveRequestSchema = z
  .object({
    expectedUpdatedAt,
    to: z.enum(PLAN_STATUSES, { error: 'Choose where the plan goes next.' }),
    reason: optionalText(MAX_PLAN_REASON),
  })
  .strict();
export type PlanMoveRequest = z.input<typeof PlanMoveRequestSchema>;
export type PlanMoveCommand = z.output<typeof PlanMoveRequestSchema>;

/** A correction of the published plan: a new version, with what changed in plain words. */
export const PlanCorrectionRequestSchema = z.object({ whatChanged: optionalText(MAX_WHAT_CHANGED) }).strict();
export type PlanCorrectionRequest = z.input<typeof PlanCorrectionRequestSchema>;
export type PlanCorrectionCommand = z.output<typeof PlanCorrectionRequestSchema>;

/**
 * Two versions to compare, the older first by convention (either order works). A version compared
 * with itself is refused: it has no changes to show, so the address was almost surely a mistake.
 */
export const PlanCompareQuerySchema = z
  .object({ before: uuidSchema, after: uuidSchema })
  .strict()
  .refine((q) => q.before !== q.after, {
    path: ['after'],
    error: 'Choose two different versions to compare.',
  });
export type PlanCompareQuery = z.output<typeof PlanCompareQuerySchema>;

export interface PlanPerson {
  id: string;
  displayName: string;
}

export interface PlanSectionView {
  key: PlanSectionKey;
  professional: PlanDocument;
  childFriendly: PlanDocument;
}

export interface PlanLundyAnswerView {
  questionKey: string;
  answer: string;
  evidence: { words: string; reference: null }[];
}

export interface PlanCommitmentView {
  words: string;
  childWords: string;
  owner: PlanPerson | null;
  dueOn: string | null;
  themeId: string | null;
  /** The We will it became when the version was published. */
  actionId: string | null;
}

export interface PlanMoveView {
  from: PlanStatus | null;
  to: PlanStatus;
  reason: string | null;
  /** null when it followed from another move (superseded by the next version). */
  by: PlanPerson | null;
  at: string;
}

/** A version as staff see it: everything in it, its moves, what is still missing and what they may do next. */
export interface PlanVersionResponse {
  id: string;
  planId: string;
  year: number;
  yearOfPlan: number;
  period: PlanPeriod;
  status: PlanStatus;
  number: number | null;
  whatChanged: string | null;
  publishedAt: string | null;
  sections: PlanSectionView[];
  lundy: PlanLundyAnswerView[];
  commitments: PlanCommitmentView[];
  moves: PlanMoveView[];
  gaps: PlanGap[];
  /** The statuses this reader may move the version to. */
  nextMoves: PlanStatus[];
  createdAt: string;
  /** What expectedUpdatedAt is compared with. */
  updatedAt: string;
}

export interface PlanVersionSummary {
  id: string;
  status: PlanStatus;
  number: number | null;
  whatChanged: string | null;
  publishedAt: string | null;
  updatedAt: string;
}

export interface PlanSummary {
  id: string;
  year: number;
  yearOfPlan: number;
  period: PlanPeriod;
  versions: PlanVersionSummary[];
}

export interface PlanListResponse {
  plans: PlanSummary[];
}

export interface PlanSectionComparison {
  key: PlanSectionKey;
  professional: DiffSegment[];
  childFriendly: DiffSegment[];
}

export interface PlanComparisonResponse {
  before: PlanVersionSummary;
  after: PlanVersionSummary;
  sections: PlanSectionComparison[];
}

/** A published version in the public list: the current one and each earlier one. */
export interface PublishedPlanVersionSummary {
  id: string;
  number: number;
  status: Extract<PlanStatus, 'published' | 'superseded'>;
  whatChanged: string | null;
  publishedAt: string;
}

export interface PublishedPlanSummary {
  year: number;
  period: PlanPeriod;
  current: PublishedPlanVersionSummary | null;
  past: PublishedPlanVersionSummary[];
}

export interface PublishedPlanListResponse {
  plans: PublishedPlanSummary[];
}

/** One published version for the public page: both texts of every section, and the commitments. */
export interface PublishedPlanResponse extends PublishedPlanVersionSummary {
  year: number;
  period: PlanPeriod;
  sections: PlanSectionView[];
  lundy: PlanLundyAnswerView[];
  commitments: { words: string; childWords: string; dueOn: string | null }[];
}

/** A published version as a comparison names it: which year's plan it is a version of. */
export interface PublishedPlanComparedVersion extends PublishedPlanVersionSummary {
  year: number;
}

/**
 * Two published (or superseded) versions compared for the public, section by section, word by
 * word: the same comparison staff see (PlanComparisonResponse), with only what the public may read.
 */
export interface PublishedPlanComparisonResponse {
  before: PublishedPlanComparedVersion;
  after: PublishedPlanComparedVersion;
  sections: PlanSectionComparison[];
}

/**
 * Section C's figures for staff (`GET /api/plans/:id/figures`): the year before the plan
 * (lastYearOf), every figure with what it counts and small numbers withheld (assemblePlanFigures),
 * and a first draft of both texts from them (draftLastYear), for the officer to edit.
 */
export interface PlanFiguresResponse {
  planId: string;
  year: number;
  /** The period the figures count: the year before the plan's own. */
  period: PlanPeriod;
  figures: PlanFigures;
  draft: { professional: PlanDocument; childFriendly: PlanDocument };
}
