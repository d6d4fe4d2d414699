import { z } from 'zod';
import { REACH_DIMENSIONS, REACH_STAGES } from '../reach/reach';
import { isoDateSchema, uuidSchema } from '../shared/schemas';
import type { ShownCount } from '../shared/small-numbers';
import { PlanReference, REVIEW_PARTICIPATION_CODES } from './plan-assembly';
import { planPeriodOfYear } from './plans.contract';

/**
 * What a figure of section C counts, record by record (issue 14 §2, docs/plan.md "Figure links"):
 * `GET /api/plans/figures/records?ref=` with the figure's PlanReference as JSON. Counts of the
 * council's work list their records; counts of young people list groups, days, codes and tools with
 * their counts through the small-number rules, never a young person.
 */

/** Ids a reference may carry: a year of pledges or activity days, in a link short enough for a URL. */
export const MAX_REFERENCE_IDS = 250;
/** The reference's JSON: room for MAX_REFERENCE_IDS ids, refused long before it is costly to read. */
export const MAX_REFERENCE_TEXT = 40 * (MAX_REFERENCE_IDS + 10);
/** Records listed at most; past it the answer says how many more there are. */
export const PLAN_RECORDS_SHOWN = 200;

/**
 * Whether a period is one a plan reports on: a council year, April to March (planPeriodOfYear).
 * The plan's figures are only ever for such a year, and a reference for another period (two that
 * overlap, say) could be set against a plan's to work out a count it withholds.
 */
export function isPlanPeriod(period: { from: string; to: string }): boolean {
  const year = planPeriodOfYear(Number(period.from.slice(0, 4)));
  return period.from === year.from && period.to === year.to;
}

/** The council year (April to March) a day is in, as planPeriodOfYear names it. */
export function planPeriodHolding(day: string): { from: string; to: string } {
  const year = Number(day.slice(0, 4));
  return planPeriodOfYear(Number(day.slice(5, 7)) < 4 ? year - 1 : year);
}

const periodSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .strict()
  .refine(isPlanPeriod, 'A plan’s figures are for a council year, 1 April to 31 March.');
const idsSchema = z.array(uuidSchema).max(MAX_REFERENCE_IDS, `Give at most ${MAX_REFERENCE_IDS} ids.`);

/** PlanReference, strictly: an unknown kind or field, a bad period or too many ids is refused. */
export const planReferenceSchema: z.ZodType<PlanReference> = z.discriminatedUnion(
  'kind',
  [
    z
      .object({
        kind: z.literal('actions'),
        period: periodSchema,
        answer: z.enum(['done', 'open', 'cant']),
        theme: z.object({ id: uuidSchema.nullable() }).strict().optional(),
      })
      .strict(),
    z.object({ kind: z.literal('loops'), period: periodSchema, closed: z.boolean() }).strict(),
    z.object({ kind: z.literal('pledges'), ids: idsSchema }).strict(),
    z
      .object({ kind: z.literal('practice_tool_evaluations'), period: periodSchema, toolId: uuidSchema })
      .strict(),
    z.object({ kind: z.literal('activity_days'), ids: idsSchema }).strict(),
    z
      .object({
        kind: z.literal('invitations'),
        occasionIds: idsSchema,
        stage: z.enum(['invited', 'accepted', 'attended']),
      })
      .strict(),
    z
      // One group: the plan shows each group's count, withheld under five, and no sum of them (a
      // young person in two groups would count twice, and a sum less the shown would tell the rest).
      .object({ kind: z.literal('group_attendance'), period: periodSchema, groupId: uuidSchema })
      .strict(),
    z
      .object({
        kind: z.literal('reach'),
        period: periodSchema,
        stage: z.enum(REACH_STAGES).optional(),
        dimension: z.enum(REACH_DIMENSIONS).optional(),
        group: z.string().min(1).max(60).optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('review_participation'),
        period: periodSchema,
        code: z.enum(REVIEW_PARTICIPATION_CODES).optional(),
        chaired: z.literal(true).optional(),
      })
      .strict(),
  ],
  { error: 'There is no such kind of figure.' },
);

/** The query: the reference as JSON text, read and checked in one step. */
export const PlanFigureRecordsQuerySchema = z
  .object({
    ref: z
      .string({ error: 'Say which figure, as the plan links it.' })
      .max(MAX_REFERENCE_TEXT, 'This figure’s reference is too long.')
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'Say which figure, as the plan links it.' });
          return z.NEVER;
        }
      })
      .pipe(planReferenceSchema),
  })
  .strict();
export type PlanFigureRecordsQuery = z.infer<typeof PlanFigureRecordsQuerySchema>;

/** The reference as the `ref` of the query: plain JSON, so it round-trips through the schema above. */
export function encodePlanReference(ref: PlanReference): string {
  return JSON.stringify(ref);
}

/** The staff page a record is on. */
export type PlanRecordLink =
  | { page: 'action' | 'you_said_item' | 'pledge' | 'activity_day' | 'practice_tool' | 'group'; id: string }
  | { page: 'reach' | 'funnel' };

const RECORD_PATHS: Readonly<Record<PlanRecordLink['page'], string>> = {
  action: '/action-log/actions',
  you_said_item: '/action-log/items',
  pledge: '/pledges',
  activity_day: '/activities',
  practice_tool: '/practice-tools',
  group: '/groups',
  reach: '/reach',
  funnel: '/funnel',
};

/** The web path of a record's page: the one home of where each kind of record lives. */
export function planRecordPath(link: PlanRecordLink): string {
  const base = RECORD_PATHS[link.page];
  return 'id' in link ? `${base}/${encodeURIComponent(link.id)}` : base;
}

export interface PlanFigureRecord {
  label: string;
  /** A second line: an action's answer and theme, a day's date. */
  detail: string | null;
  /** Rows of a count of young people: the count, null when fewer than five. Absent on a record. */
  count?: ShownCount;
  link: PlanRecordLink | null;
}

/** `GET /api/plans/figures/records`: what one figure counts. */
export interface PlanFigureRecordsResponse {
  counts: PlanReference;
  /** It counts young people: the rows are groups, days, codes or tools with counts, not people. */
  ofYoungPeople: boolean;
  /** The figure as the plan shows it (null: fewer than five). For records, how many there are. */
  value: ShownCount;
  /** At most PLAN_RECORDS_SHOWN. */
  records: PlanFigureRecord[];
  /** Records past those listed. */
  more: number;
}
