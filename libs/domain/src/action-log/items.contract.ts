import { z } from 'zod';
import { IsoDate, isIsoDate } from '../shared/dates';
import { KeptListEntry } from '../shared/kept-lists';
import { isoDateSchema, uuidSchema } from '../shared/schemas';
import { ITEM_STAGES, ItemStage } from './item-stage';
import { YOU_SAID_SOURCES, YouSaidSource } from './item-source';

/**
 * "You said" items in the action log (docs/action-log.md, "Items"): what was said, by whom, about
 * which service and theme, and whether an officer has taken it on in time.
 */

// Who reads, records and keeps the log: in a file without zod, for the app shell's navigation.
export { ACTION_LOG_KEEPERS, ACTION_LOG_READERS, ACTION_LOG_OFFICERS } from './action-log-roles';

export const MAX_ITEM_SUMMARY_LENGTH = 2000;
export const MAX_QUOTE_LENGTH = 1000;
export const MAX_ITEM_SPEAKERS = 50;
export const MAX_ITEM_QUOTES = 10;
export const MAX_SESSION_ITEMS = 20;
export const MAX_ITEM_PAGE_SIZE = 100;
export const ACKNOWLEDGE_DAYS_RANGE = { min: 1, max: 20 } as const;

/**
 * How it reached us. 'evaluation' is only for items made from an evaluation's answer (see
 * YouSaidService); the log's form offers the rest.
 */
export const YOU_SAID_CHANNELS = [
  'in_person',
  'group_session',
  'email',
  'phone',
  'letter',
  'online_form',
  'survey',
  'evaluation',
  'other',
] as const;
export type YouSaidChannel = (typeof YOU_SAID_CHANNELS)[number];

export const YOU_SAID_CHANNEL_LABELS: Readonly<Record<YouSaidChannel, string>> = {
  in_person: 'In person',
  group_session: 'At a group session',
  email: 'By email',
  phone: 'By phone',
  letter: 'By letter',
  online_form: 'Online form',
  survey: 'A survey',
  evaluation: 'An evaluation',
  other: 'Another way',
};

/** The sources an officer may pick when recording: an evaluation's items are made from the evaluation. */
export const RECORDABLE_SOURCES = YOU_SAID_SOURCES.filter(
  (s): s is Exclude<YouSaidSource, 'evaluation'> => s !== 'evaluation',
);
export const RECORDABLE_CHANNELS = YOU_SAID_CHANNELS.filter(
  (c): c is Exclude<YouSaidChannel, 'evaluation'> => c !== 'evaluation',
);

const summarySchema = z
  .string({ error: 'Write what was said.' })
  .trim()
  .min(1, 'Write what was said.')
  .max(MAX_ITEM_SUMMARY_LENGTH, `Keep what was said under ${MAX_ITEM_SUMMARY_LENGTH} characters.`);

const quoteWordsSchema = z
  .string({ error: 'Write the quote.' })
  .trim()
  .min(1, 'Write the quote.')
  .max(MAX_QUOTE_LENGTH, `Keep a quote under ${MAX_QUOTE_LENGTH} characters.`);

const speakersSchema = z
  .array(uuidSchema, { error: 'List the young people it is from.' })
  .max(MAX_ITEM_SPEAKERS, `Name at most ${MAX_ITEM_SPEAKERS} young people.`)
  .refine((ids) => new Set(ids).size === ids.length, 'Name each young person once.');

const sourceSchema = z.enum(RECORDABLE_SOURCES, {
  error: 'Choose who it came from (items from an evaluation are made from the evaluation).',
});
const channelSchema = z.enum(RECORDABLE_CHANNELS, { error: 'Choose how it reached us.' });
const optionalListId = uuidSchema.nullable().default(null);

export const QuoteRequestSchema = z
  .object({
    words: quoteWordsSchema,
    /** Who said it: one of the item's young people. Null only on an item that names no one. */
    youngPersonId: uuidSchema.nullable().default(null),
  })
  .strict();
export type QuoteRequest = z.input<typeof QuoteRequestSchema>;
export type QuoteCommand = z.output<typeof QuoteRequestSchema>;

export const CreateItemRequestSchema = z
  .object({
    source: sourceSchema,
    serviceId: optionalListId,
    themeId: optionalListId,
    /** The day it was said (not after today, in London: the API checks). */
    saidOn: isoDateSchema,
    channel: channelSchema,
    summary: summarySchema,
    /** May it be attributed to who said it? Anonymous unless someone says otherwise. */
    attributable: z.boolean({ error: 'Say whether it may be attributed.' }).default(false),
    youngPersonIds: speakersSchema.default([]),
    groupId: optionalListId,
    /** A session of the group (or, with no group given, the session decides the group). */
    sessionId: optionalListId,
    quotes: z
      .array(QuoteRequestSchema)
      .max(MAX_ITEM_QUOTES, `Keep at most ${MAX_ITEM_QUOTES} quotes.`)
      .default([]),
  })
  .strict()
  .refine(
    (c) => c.quotes.every((q) => q.youngPersonId === null || c.youngPersonIds.includes(q.youngPersonId)),
    {
      message: 'A quote is from one of the young people the item is from.',
      path: ['quotes'],
    },
  )
  .refine((c) => c.source !== 'group_session' || c.groupId !== null || c.sessionId !== null, {
    message: 'Choose the group or the session it was said at.',
    path: ['groupId'],
  });
export type CreateItemRequest = z.input<typeof CreateItemRequestSchema>;
export type CreateItemCommand = z.output<typeof CreateItemRequestSchema>;

/** A change to an item: only the fields sent change. Who spoke is not changed here. */
export const UpdateItemRequestSchema = z
  .object({
    source: sourceSchema.optional(),
    serviceId: uuidSchema.nullable().optional(),
    themeId: uuidSchema.nullable().optional(),
    saidOn: isoDateSchema.optional(),
    channel: channelSchema.optional(),
    summary: summarySchema.optional(),
    attributable: z.boolean({ error: 'Say whether it may be attributed.' }).optional(),
    /** The item's updatedAt as last read: a change made since then is refused (409), not overwritten. */
    expectedUpdatedAt: z.iso.datetime({ error: 'Send the updatedAt you last read.', offset: true }),
  })
  .strict()
  .refine((c) => Object.keys(c).some((k) => k !== 'expectedUpdatedAt'), {
    message: 'Change at least one thing.',
    path: ['summary'],
  });
export type UpdateItemRequest = z.input<typeof UpdateItemRequestSchema>;
export type UpdateItemCommand = z.output<typeof UpdateItemRequestSchema>;
export type EditableItemField = Exclude<keyof UpdateItemCommand, 'expectedUpdatedAt'>;

/** Taking an item on carries no body; anything sent is refused rather than ignored. */
export const AcknowledgeItemRequestSchema = z.object({}).strict();

export const ItemListQuerySchema = z
  .object({
    stage: z.enum(ITEM_STAGES, { error: 'This is not a stage.' }).optional(),
    source: z.enum(YOU_SAID_SOURCES, { error: 'This is not a source.' }).optional(),
    serviceId: uuidSchema.optional(),
    themeId: uuidSchema.optional(),
    groupId: uuidSchema.optional(),
    sessionId: uuidSchema.optional(),
    /** Only items not acknowledged in time (true) or only the others (false). */
    overdue: z
      .enum(['true', 'false'], { error: 'Use true or false.' })
      .transform((v) => v === 'true')
      .optional(),
    /** Said on or after this day. */
    from: isoDateSchema.optional(),
    /** Said on or before this day. */
    to: isoDateSchema.optional(),
    /** Words in the summary. */
    q: z.string().trim().max(100, 'Search with at most 100 characters.').optional(),
    /** The nextCursor of the page before; absent for the first page. */
    cursor: z.string().max(200, 'This is not a page cursor.').optional(),
    limit: z.coerce
      .number({ error: 'Use a number of items.' })
      .int('Use a whole number of items.')
      .min(1, 'Ask for at least one item.')
      .max(MAX_ITEM_PAGE_SIZE, `At most ${MAX_ITEM_PAGE_SIZE} a page.`)
      .default(25),
  })
  .strict()
  .refine((f) => !f.from || !f.to || !isIsoDate(f.from) || !isIsoDate(f.to) || f.from <= f.to, {
    message: 'The period must end on or after the day it starts.',
    path: ['to'],
  });
export type ItemListQueryRequest = z.input<typeof ItemListQuerySchema>;
export type ItemListQuery = z.output<typeof ItemListQuerySchema>;

export const SessionYouSaidEntrySchema = z
  .object({
    summary: summarySchema,
    youngPersonIds: speakersSchema.default([]),
    themeId: optionalListId,
    serviceId: optionalListId,
  })
  .strict();

/** What was said at a group session, several items in one step: all are recorded, or none. */
export const SessionYouSaidRequestSchema = z
  .object({
    items: z
      .array(SessionYouSaidEntrySchema, { error: 'List what was said.' })
      .min(1, 'Write at least one thing that was said.')
      .max(MAX_SESSION_ITEMS, `Record at most ${MAX_SESSION_ITEMS} at once.`),
    attributable: z.boolean({ error: 'Say whether they may be attributed.' }).default(false),
  })
  .strict();
export type SessionYouSaidRequest = z.input<typeof SessionYouSaidRequestSchema>;
export type SessionYouSaidCommand = z.output<typeof SessionYouSaidRequestSchema>;

export const ActionLogSettingsRequestSchema = z
  .object({
    acknowledgeWithinWorkingDays: z
      .number({ error: 'Give a number of working days.' })
      .int('Use a whole number of working days.')
      .min(ACKNOWLEDGE_DAYS_RANGE.min, `At least ${ACKNOWLEDGE_DAYS_RANGE.min} working day.`)
      .max(ACKNOWLEDGE_DAYS_RANGE.max, `At most ${ACKNOWLEDGE_DAYS_RANGE.max} working days.`),
  })
  .strict();
export type ActionLogSettingsCommand = z.output<typeof ActionLogSettingsRequestSchema>;

export type ActionLogListKind = 'services' | 'themes';

/** A service or theme. A retired one stays on the items that name it, but is no longer offered. */
export type ActionLogListEntry = KeptListEntry;

export interface ActionLogSettingsResponse {
  acknowledgeWithinWorkingDays: number;
}

/** An item in the log's list. */
export interface ItemSummary {
  id: string;
  summary: string;
  source: YouSaidSource;
  serviceId: string | null;
  serviceName: string | null;
  themeId: string | null;
  themeName: string | null;
  saidOn: IsoDate;
  stage: ItemStage;
  /** When an officer must take it on by (working days, bank holidays counted). */
  acknowledgeBy: string;
  /** Not acknowledged, and acknowledgeBy has passed. */
  overdue: boolean;
  groupId: string | null;
  groupName: string | null;
  sessionId: string | null;
  /** How many young people it is from (names only on the item itself, for those the reader may see). */
  speakerCount: number;
}

export interface ItemPage {
  items: ItemSummary[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface ItemSpeaker {
  youngPersonId: string;
  name: string;
}

export interface ItemQuote {
  id: string;
  words: string;
  /** Null on an anonymous item, or when the reader may not see who said it. */
  youngPersonId: string | null;
  /** True while it may be published: quote consent in force today (or a quote that names no one). */
  publishable: boolean;
}

export interface ItemTimelineEntry {
  at: string;
  event: string;
  /** Who did it; null when Heard did (a job). */
  byName: string | null;
  detail: Record<string, unknown>;
}

export interface ItemDetail extends ItemSummary {
  channel: string;
  attributable: boolean;
  /** The child-friendly text for the public board, when written. */
  youngWords: string | null;
  sessionStartsAt: string | null;
  /** Those of its young people the reader may see (speakerCount counts them all). */
  speakers: ItemSpeaker[];
  quotes: ItemQuote[];
  timeline: ItemTimelineEntry[];
  evaluationId: string | null;
  acknowledgedBy: { id: string; name: string } | null;
  acknowledgedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  /** Send back as expectedUpdatedAt when changing it. */
  updatedAt: string;
}
