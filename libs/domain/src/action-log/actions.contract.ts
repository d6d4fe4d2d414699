import { z } from 'zod';
import { Role } from '../roles/role';
import { isoDateSchema, optionalText, uuidSchema } from '../shared/schemas';
import { ACTION_STATUSES, ActionAnswer, ActionStatus } from './action-status';
import { actionAnswerProblems } from './action-rules';

/**
 * Actions (issue 12 §3, docs/action-log.md "Actions"): what answers the You said items, We did /
 * We will / We can't, with progress notes, evidence of impact and Lundy tags.
 */

/** Who answers items and moves actions: the officers who run the log. */
export const ACTION_ANSWERERS = [Role.ParticipationOfficer] as const;
/** Who reads the actions on an item they may see (reachItem decides which items). */
export const ACTION_READERS = [Role.ParticipationOfficer, Role.Practitioner, Role.SeniorLeader] as const;

/** Lundy's model of participation; stored in actions.lundy (the migration's CHECK lists the same words). */
export const LUNDY_TAGS = ['space', 'voice', 'audience', 'influence'] as const;
export type LundyTag = (typeof LUNDY_TAGS)[number];
export const LUNDY_TAG_LABELS: Readonly<Record<LundyTag, string>> = {
  space: 'Space',
  voice: 'Voice',
  audience: 'Audience',
  influence: 'Influence',
};

export const MAX_ACTION_WORDS = 2000;
export const MAX_ACTION_YOUNG_WORDS = 1000;
export const MAX_CANT_REASON = 1000;
export const MAX_EVIDENCE = 4000;
export const MAX_NOTE_WORDS = 2000;
/** An action answers a handful of items; more at once is a mistake, not a need. */
export const MAX_ITEMS_PER_ACTION = 50;

const statusSchema = z.enum(ACTION_STATUSES, { error: 'Choose We did, We will or We can’t.' });
const wordsSchema = z
  .string({ error: 'Say what the action is.' })
  .trim()
  .min(1, 'Say what the action is.')
  .max(MAX_ACTION_WORDS, `Keep this under ${MAX_ACTION_WORDS} characters.`);
const progressSchema = z
  .number({ error: 'Progress is a number from 0 to 100.' })
  .int('Progress is a whole number.')
  .min(0, 'Progress is a number from 0 to 100.')
  .max(100, 'Progress is a number from 0 to 100.');
const lundySchema = z
  .array(z.enum(LUNDY_TAGS, { error: 'Use Space, Voice, Audience or Influence.' }))
  .max(LUNDY_TAGS.length)
  .refine((tags) => new Set(tags).size === tags.length, 'Give each Lundy tag once.');

/** Text a change may send or leave out: left out keeps it, null or empty clears it. */
const changedText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters.`)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

/** Adds the status table's needs (owner and date for a We will, a reason for a We can't) as field errors. */
function answerWhole(
  value: { status: ActionStatus; ownerId: string | null; dueOn: string | null; cantReason: string | null },
  ctx: z.RefinementCtx,
): void {
  for (const [field, messages] of Object.entries(actionAnswerProblems(value.status, value)))
    for (const message of messages) ctx.addIssue({ code: 'custom', path: [field], message });
}

/** Answering one or more items with a new action. */
export const ActionCreateRequestSchema = z
  .object({
    itemIds: z
      .array(uuidSchema, { error: 'Choose the You said items this answers.' })
      .min(1, 'Choose the You said items this answers.')
      .max(MAX_ITEMS_PER_ACTION, `An action answers at most ${MAX_ITEMS_PER_ACTION} items.`)
      .refine((ids) => new Set(ids).size === ids.length, 'Choose each item once.'),
    status: statusSchema,
    words: wordsSchema,
    youngWords: optionalText(MAX_ACTION_YOUNG_WORDS),
    cantReason: optionalText(MAX_CANT_REASON),
    ownerId: uuidSchema.nullable().default(null),
    dueOn: isoDateSchema.nullable().default(null),
    doneOn: isoDateSchema.nullable().default(null),
    progress: progressSchema.nullable().default(null),
    evidence: optionalText(MAX_EVIDENCE),
    lundy: lundySchema.default([]),
  })
  .strict()
  .superRefine(answerWhole)
  .superRefine((value, ctx) => {
    // Sent for another answer, a done date would be dropped without a word.
    if (value.doneOn !== null && value.status !== 'done')
      ctx.addIssue({ code: 'custom', path: ['doneOn'], message: 'Only a “We did” has a date it was done.' });
  });
export type ActionCreateRequest = z.input<typeof ActionCreateRequestSchema>;
export type ActionCreateCommand = z.output<typeof ActionCreateRequestSchema>;

/**
 * Changing an action: a move of status and the fields that go with it. Only what is sent changes;
 * `expectedUpdatedAt` is the action as the officer last saw it, so a change made meanwhile is not
 * overwritten unseen.
 */
export const ActionUpdateRequestSchema = z
  .object({
    expectedUpdatedAt: z.iso.datetime({
      offset: true,
      error: 'Send the action’s updatedAt as you last saw it.',
    }),
    status: statusSchema.optional(),
    words: wordsSchema.optional(),
    youngWords: changedText(MAX_ACTION_YOUNG_WORDS),
    cantReason: changedText(MAX_CANT_REASON),
    ownerId: uuidSchema.nullable().optional(),
    dueOn: isoDateSchema.nullable().optional(),
    doneOn: isoDateSchema.nullable().optional(),
    progress: progressSchema.nullable().optional(),
    evidence: changedText(MAX_EVIDENCE),
    lundy: lundySchema.optional(),
  })
  .strict();
export type ActionUpdateRequest = z.input<typeof ActionUpdateRequestSchema>;
export type ActionUpdateCommand = z.output<typeof ActionUpdateRequestSchema>;

/** A progress note: what happened, on the day it happened. */
export const ProgressNoteRequestSchema = z
  .object({
    notedOn: isoDateSchema,
    words: z
      .string({ error: 'Say what happened.' })
      .trim()
      .min(1, 'Say what happened.')
      .max(MAX_NOTE_WORDS, `Keep this under ${MAX_NOTE_WORDS} characters.`),
  })
  .strict();
export type ProgressNoteRequest = z.input<typeof ProgressNoteRequestSchema>;
export type ProgressNoteCommand = z.output<typeof ProgressNoteRequestSchema>;

/** Letting an action answer one more item. */
export const ActionLinkItemRequestSchema = z.object({ itemId: uuidSchema }).strict();
export type ActionLinkItemRequest = z.input<typeof ActionLinkItemRequestSchema>;

export interface ProgressNoteResponse {
  id: string;
  notedOn: string;
  words: string;
  createdBy: { id: string; displayName: string };
  createdAt: string;
}

export interface ActionResponse {
  id: string;
  status: ActionStatus;
  answer: ActionAnswer;
  words: string;
  youngWords: string | null;
  cantReason: string | null;
  owner: { id: string; displayName: string } | null;
  dueOn: string | null;
  doneOn: string | null;
  progress: number;
  evidence: string | null;
  lundy: LundyTag[];
  /** The items it answers (only those the reader may see). */
  itemIds: string[];
  notes: ProgressNoteResponse[];
  createdAt: string;
  updatedAt: string;
}
