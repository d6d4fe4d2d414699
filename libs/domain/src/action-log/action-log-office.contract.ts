import { z } from 'zod';
import { isoDateSchema, uuidSchema } from '../shared/schemas';
import { ITEM_STAGES, ItemStage } from './item-stage';
import { YOU_SAID_SOURCES, YouSaidSource } from './item-source';

/** The log's filters, shared by its page and its CSV and XLSX downloads. Dates are when it was said. */
export const ActionLogFilterSchema = z
  .object({
    stage: z.enum(ITEM_STAGES, { error: `Choose a stage: ${ITEM_STAGES.join(', ')}.` }).optional(),
    service: uuidSchema.optional(),
    theme: uuidSchema.optional(),
    source: z
      .enum(YOU_SAID_SOURCES, { error: `Choose a source: ${YOU_SAID_SOURCES.join(', ')}.` })
      .optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: '“From” must not be after “to”.',
    path: ['to'],
  });
export type ActionLogFilter = z.output<typeof ActionLogFilterSchema>;

/** What the officer's queue shows, one list at a time. */
export const QUEUE_KINDS = ['to_acknowledge', 'to_answer', 'to_tell', 'overdue'] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

export const QUEUE_KIND_LABELS: Readonly<Record<QueueKind, string>> = {
  to_acknowledge: 'To acknowledge',
  to_answer: 'To answer',
  to_tell: 'To tell the young people',
  overdue: 'Overdue',
};

export const ActionLogQueueQuerySchema = z
  .object({
    kind: z.enum(QUEUE_KINDS, { error: `Choose a list: ${QUEUE_KINDS.join(', ')}.` }),
    who: z.enum(['mine', 'everyone'], { error: 'Choose mine or everyone.' }).default('mine'),
    page: z.coerce.number().int().min(1, 'Pages start at 1.').max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100, 'At most 100 a page.').default(25),
  })
  .strict();
export type ActionLogQueueQuery = z.output<typeof ActionLogQueueQuerySchema>;

export interface QueueItem {
  id: string;
  words: string;
  saidOn: string;
  source: YouSaidSource;
  serviceName: string | null;
  themeName: string | null;
  stage: ItemStage;
  acknowledgeBy: string;
  /** Not acknowledged in time, or a We will answering it is past its due date. */
  overdue: boolean;
  /** The earliest due date of a We will still being done, if any. */
  nextDueOn: string | null;
}

/**
 * A team's spreadsheet of feedback, pasted or read from a file as CSV text. Kept well under the
 * API's body limit, so the answer to a file too big names the limit rather than just refusing it.
 */
export const MAX_IMPORT_CSV_CHARS = 90_000;
export const MAX_IMPORT_ROWS = 500;

export const ActionLogImportRequestSchema = z
  .object({
    csv: z
      .string({ error: 'Send the spreadsheet as CSV text in "csv".' })
      .min(1, 'The CSV is empty.')
      .max(
        MAX_IMPORT_CSV_CHARS,
        `Keep the CSV under ${MAX_IMPORT_CSV_CHARS.toLocaleString('en-GB')} characters.`,
      ),
  })
  .strict();
export type ActionLogImportRequest = z.output<typeof ActionLogImportRequestSchema>;

/** One row of the CSV as it would become a You said item. */
export interface ImportRowPreview {
  /** The row's line in the file, counting the header as line 1, as a spreadsheet numbers it. */
  line: number;
  saidOn: string;
  source: YouSaidSource;
  serviceName: string | null;
  themeName: string | null;
  channel: string | null;
  words: string;
}

export interface ImportRefusal {
  line: number;
  reasons: string[];
}

export interface ImportPreviewResponse {
  accepted: ImportRowPreview[];
  refused: ImportRefusal[];
}

export interface ImportResponse {
  imported: number;
  itemIds: string[];
}

/** A reminder the daily job sends, at most once a day per subject and person. */
export const REMINDER_KINDS = [
  'we_will_due',
  'we_will_overdue',
  'not_acknowledged',
  'loop_not_closed',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** A We will is chased this many days before it is due. */
export const WE_WILL_DUE_WITHIN_DAYS = 7;
/** A loop still open this many days after its action was done is chased. */
export const LOOP_OPEN_AFTER_DONE_DAYS = 30;
