import { z } from 'zod';

/**
 * The text of a plan's section (issue 14 §3, docs/plan.md): a small typed document, never HTML.
 * Officers write paragraphs, headings, lists, links and emphasis; anything they type, "<script>"
 * included, is kept as the characters they typed and rendered as text, so there is nothing to
 * sanitise on the way out. A picture is a block of its own: the id of a stored picture
 * (plan-pictures.ts) and the alt text read in its place (docs/decisions/0035-plan-pictures.md).
 */

/** Emphasis (read as italics) and strong emphasis (read as bold). */
export const PLAN_TEXT_MARKS = ['emphasis', 'strong'] as const;
export type PlanTextMark = (typeof PLAN_TEXT_MARKS)[number];

/**
 * Level 1 is the plan's title and the section's own heading is level 2 on the page, so headings
 * inside a section start at 2 and stop at 4: deeper than that is a plan no one can follow.
 */
export const PLAN_HEADING_LEVELS = [2, 3, 4] as const;
export type PlanHeadingLevel = (typeof PLAN_HEADING_LEVELS)[number];

/** Bounds that keep one section to what a person writes, and a request to a size the API can check. */
export const MAX_PLAN_TEXT_CHARACTERS = 20_000;
export const MAX_PLAN_BLOCKS = 200;
export const MAX_PLAN_INLINES = 100;
export const MAX_PLAN_LIST_ITEMS = 50;
export const MAX_PLAN_RUN_LENGTH = 5_000;
export const MAX_PLAN_LINK_LENGTH = 2_000;

export interface PlanTextRun {
  type: 'text';
  text: string;
  marks?: PlanTextMark[];
}

export interface PlanLink {
  type: 'link';
  href: string;
  children: PlanTextRun[];
}

export type PlanInline = PlanTextRun | PlanLink;

export interface PlanParagraph {
  type: 'paragraph';
  children: PlanInline[];
}

export interface PlanHeading {
  type: 'heading';
  level: PlanHeadingLevel;
  children: PlanInline[];
}

/** A list's items are one line of text each: no nested lists, which read badly aloud. */
export interface PlanList {
  type: 'list';
  ordered: boolean;
  items: PlanInline[][];
}

/** A stored picture (plan_pictures) and the words that say what it shows to someone who cannot see it. */
export interface PlanPicture {
  type: 'picture';
  pictureId: string;
  alt: string;
}

export const MAX_PLAN_PICTURE_ALT_LENGTH = 250;

export type PlanBlock = PlanParagraph | PlanHeading | PlanList | PlanPicture;

export interface PlanDocument {
  blocks: PlanBlock[];
}

export const EMPTY_PLAN_DOCUMENT: PlanDocument = { blocks: [] };

/**
 * Control characters have no place in prose: a line break is a new paragraph or list item, and the
 * rest could hide text from a reader or confuse a PDF.
 */
const CONTROL_CHARACTERS = /\p{Cc}/u;

/**
 * Only web pages on https and email addresses: no javascript:, data: or file: links, no plain
 * http (a public plan should not send children to an unencrypted page), and no user name or
 * password in the address, which would hide where the link really goes.
 */
export function isSafePlanLink(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return url.pathname.includes('@');
  return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
}

const runSchema = z
  .object({
    type: z.literal('text'),
    text: z
      .string({ error: 'Send the words as text.' })
      .min(1, 'A piece of text cannot be empty.')
      .max(MAX_PLAN_RUN_LENGTH, `Keep each piece of text under ${MAX_PLAN_RUN_LENGTH} characters.`)
      .refine(
        (t) => !CONTROL_CHARACTERS.test(t),
        'Remove line breaks and hidden characters: start a new paragraph instead.',
      ),
    marks: z
      .array(z.enum(PLAN_TEXT_MARKS, { error: 'Text can be emphasised or strong, nothing else.' }))
      .max(PLAN_TEXT_MARKS.length)
      .refine((m) => new Set(m).size === m.length, 'Give each emphasis once.')
      .optional(),
  })
  .strict();

const linkSchema = z
  .object({
    type: z.literal('link'),
    href: z
      .string({ error: 'Give the link’s address.' })
      .max(MAX_PLAN_LINK_LENGTH, `Keep a link under ${MAX_PLAN_LINK_LENGTH} characters.`)
      .refine(isSafePlanLink, 'Link to an https:// web page or a mailto: email address.'),
    children: z
      .array(runSchema)
      .min(1, 'A link needs words to click on.')
      .max(MAX_PLAN_INLINES, `At most ${MAX_PLAN_INLINES} pieces of text in a link.`),
  })
  .strict();

const inlineSchema = z.discriminatedUnion('type', [runSchema, linkSchema], {
  error: 'This is not text or a link.',
});

const inlinesSchema = z
  .array(inlineSchema)
  .min(1, 'Remove empty lines, or write something in them.')
  .max(MAX_PLAN_INLINES, `At most ${MAX_PLAN_INLINES} pieces of text in one line.`);

const blockSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('paragraph'), children: inlinesSchema }).strict(),
    z
      .object({
        type: z.literal('heading'),
        level: z.literal(PLAN_HEADING_LEVELS, { error: 'Use a heading of level 2, 3 or 4.' }),
        children: inlinesSchema,
      })
      .strict(),
    z
      .object({
        type: z.literal('list'),
        ordered: z.boolean({ error: 'Say whether the list is numbered.' }),
        items: z
          .array(inlinesSchema)
          .min(1, 'A list needs at least one item.')
          .max(MAX_PLAN_LIST_ITEMS, `At most ${MAX_PLAN_LIST_ITEMS} items in a list.`),
      })
      .strict(),
    z
      .object({
        type: z.literal('picture'),
        pictureId: z.uuid({ error: 'Choose a picture that has been uploaded.' }),
        alt: z
          .string({ error: 'Say what the picture shows.' })
          .trim()
          .min(1, 'Say what the picture shows: its alt text is read to people who cannot see it.')
          .max(
            MAX_PLAN_PICTURE_ALT_LENGTH,
            `Keep a picture’s alt text under ${MAX_PLAN_PICTURE_ALT_LENGTH} characters.`,
          )
          .refine((t) => !CONTROL_CHARACTERS.test(t), 'Remove line breaks and hidden characters.'),
      })
      .strict(),
  ],
  { error: 'Use paragraphs, headings, lists and pictures.' },
);

export const PlanDocumentSchema = z
  .object({
    blocks: z
      .array(blockSchema)
      .max(MAX_PLAN_BLOCKS, `At most ${MAX_PLAN_BLOCKS} paragraphs, headings and lists.`),
  })
  .strict()
  .refine((doc) => planTextLength(doc) <= MAX_PLAN_TEXT_CHARACTERS, {
    message: `Keep a section under ${MAX_PLAN_TEXT_CHARACTERS} characters.`,
    path: ['blocks'],
  });

/**
 * The lines of words of a block: a paragraph or heading is one, a list one per item. A picture has
 * none: its alt text stands in for it, but is not prose to measure for reading level or count.
 */
function linesOf(block: PlanBlock): PlanInline[][] {
  if (block.type === 'picture') return [];
  return block.type === 'list' ? block.items : [block.children];
}

/** The pictures a document shows, each once, in order: what must exist when it is saved. */
export function planPictureIds(doc: PlanDocument): string[] {
  return [...new Set(doc.blocks.flatMap((b) => (b.type === 'picture' ? [b.pictureId] : [])))];
}

/** A picture as a line of text, for comparing versions: a changed picture or alt text is a change. */
export const pictureToken = (alt: string) => `[picture: ${alt}]`;

/**
 * The document as text for comparing versions: planPlainText with each picture as its token, so
 * adding, removing or re-describing a picture shows as a change in words.
 */
export function planComparableText(doc: PlanDocument): string {
  return doc.blocks
    .flatMap((b) =>
      b.type === 'picture' ? [pictureToken(b.alt)] : linesOf(b).map((l) => textOfLine(l).trim()),
    )
    .filter((line) => line !== '')
    .join('\n\n');
}

function textOfLine(line: readonly PlanInline[]): string {
  return line.map((inline) => (inline.type === 'text' ? inline.text : textOfLine(inline.children))).join('');
}

/** How many characters of words a document holds, markup aside: what the size limit counts. */
export function planTextLength(doc: PlanDocument): number {
  return doc.blocks.flatMap(linesOf).reduce((sum, line) => sum + textOfLine(line).length, 0);
}

/**
 * The words of a document as plain text, for measuring how hard it is to read and for comparing
 * versions: every heading, paragraph and list item on its own, with a blank line between, so a
 * list item without a full stop is not run into the next as one long sentence.
 */
export function planPlainText(doc: PlanDocument): string {
  return doc.blocks
    .flatMap(linesOf)
    .map((line) => textOfLine(line).trim())
    .filter((line) => line !== '')
    .join('\n\n');
}

/** Nothing but spaces, or nothing at all: a section that still needs writing. */
export function isEmptyPlanText(doc: PlanDocument): boolean {
  return planPlainText(doc) === '';
}

/** A plain text as a document: each paragraph (separated by a blank line) becomes one. */
export function planDocumentOf(text: string): PlanDocument {
  return {
    blocks: text
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p !== '')
      .map((p) => ({ type: 'paragraph', children: [{ type: 'text', text: p }] })),
  };
}
