import { z } from 'zod';
import { pageSchema, uuidSchema } from '../shared/schemas';
import type { Page } from '../users/users.contract';
import { ActionAnswer } from './action-status';

/**
 * The public "You said, We did" board (issue 12 §7, docs/action-log.md): only the pairs an officer
 * published, in the child-friendly words written for them, with quotes only while consent is in
 * force. Nothing here names or dates a young person.
 */

/** At most this many quotes go on the board with one pair. */
export const MAX_BOARD_QUOTES = 5;
/** What the officer's live reading-level measure accepts: a child-friendly text and some room. */
export const MAX_READING_LEVEL_TEXT = 2000;

/** Items on a page of the board unless asked otherwise: enough to read, small enough to be quick on a phone. */
export const BOARD_PAGE_SIZE = 20;
/** The most items a page of the board holds. */
export const MAX_BOARD_PAGE_SIZE = 50;

export const BoardQuerySchema = z
  .object({
    themeId: uuidSchema.optional(),
    page: pageSchema.page,
    pageSize: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_BOARD_PAGE_SIZE, `At most ${MAX_BOARD_PAGE_SIZE} a page.`)
      .default(BOARD_PAGE_SIZE),
  })
  .strict();
export type BoardQuery = z.output<typeof BoardQuerySchema>;

export const PublicationRequestSchema = z
  .object({
    quoteIds: z
      .array(uuidSchema, { error: 'List the quotes to show, or none.' })
      .max(MAX_BOARD_QUOTES, `Choose at most ${MAX_BOARD_QUOTES} quotes.`)
      .refine((ids) => new Set(ids).size === ids.length, 'Choose each quote once.')
      .default([]),
  })
  .strict();
export type PublicationRequest = z.input<typeof PublicationRequestSchema>;
export type PublicationCommand = z.output<typeof PublicationRequestSchema>;

export const ReadingLevelRequestSchema = z
  .object({
    text: z
      .string({ error: 'Send the words to measure.' })
      .max(MAX_READING_LEVEL_TEXT, `Measure at most ${MAX_READING_LEVEL_TEXT} characters at once.`),
  })
  .strict();
export type ReadingLevelRequest = z.output<typeof ReadingLevelRequestSchema>;

export interface ReadingLevelResponse {
  /** The age young people's words are written for. */
  forAge: number;
  /** The youngest age it reads at; null when it is hard even for adults. */
  readingAge: number | null;
  /** Sentences most formulas put above `forAge`: the ones to rewrite. */
  hardSentences: string[];
}

export interface BoardAnswer {
  answer: ActionAnswer;
  /** "We did", "We will", "We can't". */
  label: string;
  words: string;
  because: string | null;
  /** A We did: the month it was done; a We will: the month it is due ("2026-04"). */
  month: string | null;
}

export interface BoardItem {
  itemId: string;
  theme: { id: string; name: string } | null;
  /** The month it was said ("2026-03"): never a day, so no one is picked out by it. */
  month: string;
  youSaid: string;
  quotes: string[];
  answers: BoardAnswer[];
}

/**
 * One page of the board, newest said first. A page past the end has no items and the same total, so
 * a paginator can still say how far the board goes.
 */
export interface BoardResponse extends Page<BoardItem> {
  /** Every theme that has something on the board (not only on this page or theme), for the filter. */
  themes: { id: string; name: string }[];
}

/** An item's publication, as the officer sees it on the item page. */
export interface ItemPublicationResponse {
  itemId: string;
  youngWords: string | null;
  readingLevel: ReadingLevelResponse | null;
  pairs: {
    actionId: string;
    answer: ActionAnswer;
    label: string;
    youngWords: string | null;
    publishedAt: string | null;
    quoteIds: string[];
  }[];
  quotes: { id: string; words: string; needsConsent: boolean; consentInForce: boolean }[];
}
