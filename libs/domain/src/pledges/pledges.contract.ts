import { z } from 'zod';
import { ItemTimelineEntry } from '../action-log/items.contract';
import { OccasionKind } from '../occasions/occasion';
import { isoDateSchema, optionalText, pageSchema, uuidSchema } from '../shared/schemas';
import {
  DEFAULT_UPDATE_EVERY_DAYS,
  MAX_UPDATE_EVERY_DAYS,
  MIN_UPDATE_EVERY_DAYS,
  PLEDGE_VERDICTS,
  PledgeDivergence,
  PledgeStatus,
  PledgeVerdict,
  RAGS,
  Rag,
} from './pledge-rules';

/**
 * Pledges (issue 13 §1, docs/pledges.md): what a senior leader promised young people, where and
 * when, its progress, the leader's red/amber/green and the young people's own verdict.
 */

export const MAX_PLEDGE_WORDS = 2000;
export const MAX_PLEDGE_ROLE = 120;
export const MAX_PLEDGE_FORUM = 200;
export const MAX_PLEDGE_REASON = 1000;
export const MAX_PLEDGE_UPDATE_WORDS = 2000;
export const MAX_PLEDGE_EVIDENCE = 4000;
export const MAX_VERDICT_WORDS = 1000;

/** The occasions a pledge is made at in front of young people: a day or a group's session, never a one-to-one. */
export const PLEDGE_OCCASION_KINDS = [
  'activity_day',
  'group_session',
] as const satisfies readonly OccasionKind[];
export type PledgeOccasionKind = (typeof PLEDGE_OCCASION_KINDS)[number];

const text = (missing: string, max: number) =>
  z.string({ error: missing }).trim().min(1, missing).max(max, `Keep this under ${max} characters.`);

const ragSchema = z.enum(RAGS, { error: 'Choose red, amber or green.' });
const verdictSchema = z.enum(PLEDGE_VERDICTS, { error: 'Choose kept, partly or not kept.' });
const everyDaysSchema = z
  .number({ error: 'Say how many days between updates.' })
  .int('Use a whole number of days.')
  .min(MIN_UPDATE_EVERY_DAYS, `Updates come at most every ${MIN_UPDATE_EVERY_DAYS} days.`)
  .max(MAX_UPDATE_EVERY_DAYS, `Updates come at least every ${MAX_UPDATE_EVERY_DAYS} days.`);
const occasionSchema = z
  .object({
    kind: z.enum(PLEDGE_OCCASION_KINDS, { error: 'Choose an activity day or a group session.' }),
    id: uuidSchema,
  })
  .strict();

const wordsSchema = text('Say what was pledged, in the words used.', MAX_PLEDGE_WORDS);
const roleSchema = text('Say the leader’s role, for example Head of Service.', MAX_PLEDGE_ROLE);
const forumSchema = text('Say where the pledge was made, for example the managers’ forum.', MAX_PLEDGE_FORUM);

/**
 * Recording a pledge. A senior leader records their own (madeById left out or their own id); an
 * officer records one made at a forum on a leader's behalf (madeById required), and it waits for
 * the leader to confirm it.
 */
export const PledgeCreateRequestSchema = z
  .object({
    madeById: uuidSchema.nullable().default(null),
    role: roleSchema,
    forum: forumSchema,
    occasion: occasionSchema.nullable().default(null),
    madeOn: isoDateSchema,
    words: wordsSchema,
    themeId: uuidSchema,
    targetDate: isoDateSchema,
    updateEveryDays: everyDaysSchema.default(DEFAULT_UPDATE_EVERY_DAYS),
    /** The young people's group it was made to; only its members give a young expert's verdict. */
    groupId: uuidSchema.nullable().default(null),
  })
  .strict()
  .refine((p) => !(p.targetDate < p.madeOn), {
    message: 'The target date cannot be before the pledge was made.',
    path: ['targetDate'],
  });
export type PledgeCreateRequest = z.input<typeof PledgeCreateRequestSchema>;
export type PledgeCreateCommand = z.output<typeof PledgeCreateRequestSchema>;

/**
 * The leader changing their pledge: its details, or its status (completed; withdrawn with a
 * reason). Only what is sent changes; `expectedUpdatedAt` is the pledge as they last saw it.
 */
export const PledgeUpdateRequestSchema = z
  .object({
    expectedUpdatedAt: z.iso.datetime({
      offset: true,
      error: 'Send the pledge’s updatedAt as you last saw it.',
    }),
    role: roleSchema.optional(),
    forum: forumSchema.optional(),
    words: wordsSchema.optional(),
    themeId: uuidSchema.optional(),
    targetDate: isoDateSchema.optional(),
    updateEveryDays: everyDaysSchema.optional(),
    status: z.enum(['completed', 'withdrawn'], { error: 'Choose completed or withdrawn.' }).optional(),
    statusReason: optionalText(MAX_PLEDGE_REASON),
  })
  .strict()
  .refine((p) => p.statusReason === null || p.status !== undefined, {
    message: 'A reason goes with a change of status.',
    path: ['statusReason'],
  });
export type PledgeUpdateRequest = z.input<typeof PledgeUpdateRequestSchema>;
export type PledgeUpdateCommand = z.output<typeof PledgeUpdateRequestSchema>;

/** The leader's answer to a pledge an officer recorded for them: it is mine, or it is not (why). */
export const PledgeConfirmationRequestSchema = z
  .object({
    answer: z.enum(['confirm', 'decline'], { error: 'Choose confirm or decline.' }),
    reason: optionalText(MAX_PLEDGE_REASON),
  })
  .strict();
export type PledgeConfirmationRequest = z.input<typeof PledgeConfirmationRequestSchema>;
export type PledgeConfirmationCommand = z.output<typeof PledgeConfirmationRequestSchema>;

/** A progress update: what happened, its evidence, and (when it changes) the red/amber/green and why. */
export const PledgeProgressRequestSchema = z
  .object({
    notedOn: isoDateSchema,
    words: text('Say what has happened.', MAX_PLEDGE_UPDATE_WORDS),
    evidence: optionalText(MAX_PLEDGE_EVIDENCE),
    rag: ragSchema.nullable().default(null),
    ragReason: optionalText(MAX_PLEDGE_REASON),
  })
  .strict()
  .refine((p) => p.ragReason === null || p.rag !== null, {
    message: 'Choose red, amber or green for this reason.',
    path: ['rag'],
  });
export type PledgeProgressRequest = z.input<typeof PledgeProgressRequestSchema>;
export type PledgeProgressCommand = z.output<typeof PledgeProgressRequestSchema>;

/** An officer recording what a group said at a session: was it kept, in their words. */
export const PledgeGroupViewRequestSchema = z
  .object({
    sessionId: uuidSchema,
    verdict: verdictSchema,
    words: text('Write down what the group said.', MAX_VERDICT_WORDS),
  })
  .strict();
export type PledgeGroupViewRequest = z.input<typeof PledgeGroupViewRequestSchema>;
export type PledgeGroupViewCommand = z.output<typeof PledgeGroupViewRequestSchema>;

/** A young expert's own verdict; a second one replaces the first, which stays in the history. */
export const MyPledgeVerdictRequestSchema = z
  .object({ verdict: verdictSchema, words: optionalText(MAX_VERDICT_WORDS) })
  .strict();
export type MyPledgeVerdictRequest = z.input<typeof MyPledgeVerdictRequestSchema>;
export type MyPledgeVerdictCommand = z.output<typeof MyPledgeVerdictRequestSchema>;

/** Linking a pledge to a You said item or an action: exactly one of them. */
export const PledgeLinkRequestSchema = z
  .object({ itemId: uuidSchema.optional(), actionId: uuidSchema.optional() })
  .strict()
  .refine((l) => (l.itemId === undefined) !== (l.actionId === undefined), {
    message: 'Choose a You said item or an action.',
    path: ['itemId'],
  });
export type PledgeLinkRequest = z.input<typeof PledgeLinkRequestSchema>;

/** A page of the pledges a reader may see: a leader's own, or every one for an officer. */
export const PledgeListQuerySchema = z.object({ ...pageSchema }).strict();
export type PledgeListQuery = z.output<typeof PledgeListQuerySchema>;

export interface PledgeListResponse {
  pledges: PledgeSummary[];
  total: number;
}

export interface PledgePerson {
  id: string;
  displayName: string;
}

export interface PledgeProgressUpdate {
  id: string;
  notedOn: string;
  words: string;
  evidence: string | null;
  rag: Rag | null;
  ragReason: string | null;
  createdBy: PledgePerson;
  createdAt: string;
}

/** A current verdict as staff see it: what was said, and by whom only as "a young expert" or the group. */
export interface PledgeVerdictView {
  id: string;
  from: 'young_expert' | 'group';
  /** The group whose view an officer recorded; null for a young expert. */
  groupName: string | null;
  verdict: PledgeVerdict;
  words: string | null;
  at: string;
}

/** The two sides' red/amber/green and whether they differ (pledgeFlag). */
export interface PledgeRatings {
  leader: { rag: Rag | null; reason: string | null };
  youngPeople: { rag: Rag | null; counts: Record<PledgeVerdict, number> };
  flagged: boolean;
  divergence: PledgeDivergence | null;
}

export interface PledgeSummary {
  id: string;
  status: PledgeStatus;
  /** The leader has not confirmed it yet (an officer recorded it for them). */
  unconfirmed: boolean;
  madeBy: PledgePerson;
  role: string;
  forum: string;
  madeOn: string;
  words: string;
  theme: { id: string; name: string };
  targetDate: string;
  updateEveryDays: number;
  nextUpdateDue: string;
  ratings: PledgeRatings;
  updatedAt: string;
}

export interface PledgeResponse extends PledgeSummary {
  occasion: { kind: PledgeOccasionKind; id: string; title: string; date: string | null } | null;
  group: { id: string; name: string } | null;
  recordedBy: PledgePerson;
  confirmedAt: string | null;
  statusReason: string | null;
  updates: PledgeProgressUpdate[];
  verdicts: PledgeVerdictView[];
  links: { itemIds: string[]; actionIds: string[] };
  createdAt: string;
}

/** One entry of a pledge's timeline: the same shape as a You said item's. */
export type PledgeTimelineEntry = ItemTimelineEntry;

/** A pledge as a young expert sees it on their pages, with their own verdict. */
export interface MyPledge {
  id: string;
  /** Who made it: their role and name, as they said it in front of young people. */
  madeBy: string;
  role: string;
  forum: string;
  madeOn: string;
  words: string;
  targetDate: string;
  /** The leader's latest update, in their words. */
  latestUpdate: { notedOn: string; words: string } | null;
  myVerdict: { verdict: PledgeVerdict; label: string; words: string | null; at: string } | null;
}
