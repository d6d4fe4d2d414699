import {
  MAX_PLAN_RUN_LENGTH,
  PLAN_TEXT_MARKS,
  PlanBlock,
  PlanDocument,
  PlanHeadingLevel,
  PlanInline,
  PlanTextMark,
  PlanTextRun,
  isSafePlanLink,
} from './plan-text';

/**
 * The small markup an officer types a plan's section in (docs/plan.md "Text"), and back. It only
 * ever makes a PlanDocument, never HTML: what it does not recognise stays as the characters typed.
 *
 * - a blank line starts a new paragraph; lines without one between them are one paragraph;
 * - a line starting "## ", "### " or "#### " is a heading of level 2, 3 or 4;
 * - lines starting "- " are a bulleted list, lines starting "1. " (whichever number) a numbered one;
 * - a line that is only ![alt text](picture:ID) is a picture (ID a stored picture's uuid);
 * - *emphasis*, **strong**, ***both***; [words](https://…) is a link, when the address is one
 *   isSafePlanLink accepts (otherwise the brackets stay as text);
 * - a backslash before one of \ * [ ] # - . ( ) keeps that character as it is.
 *
 * Bounds are PlanDocumentSchema's: this turns whatever is typed into a document, and the schema
 * says what is too long. Only a piece of text longer than one run may hold is split into runs, so
 * a long paragraph is not refused for a limit the officer cannot see.
 */

const ESCAPABLE = new Set(['\\', '*', '[', ']', '#', '-', '.', '(', ')']);
const HEADING = /^(#{2,4}) +(\S.*)$/;
const BULLET = /^- +(\S.*)$/;
const NUMBERED = /^\d{1,9}\. +(\S.*)$/;
/** Alt text is every character but an unescaped "]"; the id is a uuid's characters. */
const PICTURE = /^!\[((?:\\.|[^\\\]])+)\]\(picture:([0-9a-fA-F-]{36})\)$/;
/** Control characters other than line breaks: invisible, and refused by the schema. */
const CONTROL = /[\p{Cc}]/gu;

type LineKind =
  | { kind: 'blank' }
  | { kind: 'heading'; level: PlanHeadingLevel; text: string }
  | { kind: 'item'; ordered: boolean; text: string }
  | { kind: 'picture'; pictureId: string; alt: string }
  | { kind: 'text'; text: string };

function lineKind(raw: string): LineKind {
  const line = raw.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (line === '') return { kind: 'blank' };
  const picture = PICTURE.exec(line);
  if (picture)
    return { kind: 'picture', pictureId: picture[2].toLowerCase(), alt: unescape(picture[1]).trim() };
  const heading = HEADING.exec(line);
  if (heading) return { kind: 'heading', level: heading[1].length as PlanHeadingLevel, text: heading[2] };
  const bullet = BULLET.exec(line);
  if (bullet) return { kind: 'item', ordered: false, text: bullet[1] };
  const numbered = NUMBERED.exec(line);
  if (numbered) return { kind: 'item', ordered: true, text: numbered[1] };
  return { kind: 'text', text: line };
}

/** The officer's typed text as a plan document. */
export function planDocumentFromMarkup(text: string): PlanDocument {
  const blocks: PlanBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: PlanInline[][] } | null = null;
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: parseInlines(paragraph.join(' ')) });
    paragraph = [];
  };
  const endList = () => {
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items });
    list = null;
  };
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = lineKind(raw);
    switch (line.kind) {
      case 'blank':
        endParagraph();
        endList();
        break;
      case 'heading':
        endParagraph();
        endList();
        blocks.push({ type: 'heading', level: line.level, children: parseInlines(line.text) });
        break;
      case 'picture':
        endParagraph();
        endList();
        blocks.push({ type: 'picture', pictureId: line.pictureId, alt: line.alt });
        break;
      case 'item':
        endParagraph();
        if (list && list.ordered !== line.ordered) endList();
        list ??= { ordered: line.ordered, items: [] };
        list.items.push(parseInlines(line.text));
        break;
      case 'text':
        endList();
        paragraph.push(line.text);
        break;
    }
  }
  endParagraph();
  endList();
  return { blocks };
}

/** Marks in one order, so equal runs compare equal and print the same. */
function canonicalMarks(marks: readonly PlanTextMark[]): PlanTextMark[] {
  return PLAN_TEXT_MARKS.filter((m) => marks.includes(m));
}

function run(text: string, marks: readonly PlanTextMark[]): PlanTextRun {
  const canonical = canonicalMarks(marks);
  return canonical.length > 0 ? { type: 'text', text, marks: canonical } : { type: 'text', text };
}

const sameMarks = (a: PlanTextRun, b: PlanTextRun) =>
  canonicalMarks(a.marks ?? []).join() === canonicalMarks(b.marks ?? []).join();

/** Joins neighbouring runs with the same marks, then splits those too long for one run. */
function tidyRuns(runs: readonly PlanTextRun[]): PlanTextRun[] {
  const joined: PlanTextRun[] = [];
  for (const r of runs) {
    if (r.text === '') continue;
    const last = joined[joined.length - 1];
    if (last && sameMarks(last, r)) joined[joined.length - 1] = run(last.text + r.text, last.marks ?? []);
    else joined.push(r);
  }
  return joined.flatMap((r) => {
    const pieces: PlanTextRun[] = [];
    for (let i = 0; i < r.text.length; i += MAX_PLAN_RUN_LENGTH)
      pieces.push(run(r.text.slice(i, i + MAX_PLAN_RUN_LENGTH), r.marks ?? []));
    return pieces;
  });
}

/**
 * Scans a line once from left to right. A marker with no partner further on stays as text; the
 * positions past which no partner exists are remembered, so a line of unmatched markers stays
 * linear rather than searching to its end from each one.
 */
class InlineScanner {
  private readonly noCloser = new Map<string, number>();

  constructor(private readonly line: string) {}

  inlines(): PlanInline[] {
    const out: PlanInline[] = [];
    let runs: PlanTextRun[] = [];
    const flush = () => {
      out.push(...tidyRuns(runs));
      runs = [];
    };
    let i = 0;
    while (i < this.line.length) {
      const link = this.line[i] === '[' ? this.link(i) : null;
      if (link) {
        flush();
        out.push(link.inline);
        i = link.end;
        continue;
      }
      const next = this.runAt(i);
      runs.push(next.run);
      i = next.end;
    }
    flush();
    return out;
  }

  /** Text, an escape or an emphasised stretch starting at i (never a link). */
  private runAt(i: number): { run: PlanTextRun; end: number } {
    const c = this.line[i];
    const escaped = this.line[i + 1];
    if (c === '\\' && escaped !== undefined && ESCAPABLE.has(escaped))
      return { run: run(escaped, []), end: i + 2 };
    if (c === '*') {
      const emphasis = this.emphasis(i);
      if (emphasis) return emphasis;
      // A run of stars that opens nothing is text, all of it at once.
      let end = i;
      while (this.line[end] === '*') end++;
      return { run: run(this.line.slice(i, end), []), end };
    }
    return { run: run(c, []), end: i + 1 };
  }

  private emphasis(i: number): { run: PlanTextRun; end: number } | null {
    let stars = 0;
    while (this.line[i + stars] === '*') stars++;
    if (stars > 3) return null;
    const start = i + stars;
    const first = this.line[start];
    if (first === undefined || /\s/.test(first)) return null;
    const marker = '*'.repeat(stars);
    const close = this.find(
      start + 1,
      (j) => this.line.startsWith(marker, j) && !/\s/.test(this.line[j - 1]),
      marker,
    );
    if (close === null) return null;
    const marks: PlanTextMark[] =
      stars === 1 ? ['emphasis'] : stars === 2 ? ['strong'] : ['emphasis', 'strong'];
    return { run: run(unescape(this.line.slice(start, close)), marks), end: close + stars };
  }

  private link(i: number): { inline: PlanInline; end: number } | null {
    const close = this.find(i + 1, (j) => this.line[j] === ']', ']');
    if (close === null || close === i + 1 || this.line[close + 1] !== '(') return null;
    const href = hrefAt(this.line, close + 2);
    if (href === null || !isSafePlanLink(href.href)) return null;
    const children = tidyRuns(
      new InlineScanner(this.line.slice(i + 1, close))
        .inlines()
        .flatMap((inline) => (inline.type === 'text' ? [inline] : inline.children)),
    );
    if (children.length === 0) return null;
    return { inline: { type: 'link', href: href.href, children }, end: href.end };
  }

  /** The first unescaped position from `from` where `found` holds, or null (remembered per key). */
  private find(from: number, found: (j: number) => boolean, key: string): number | null {
    const none = this.noCloser.get(key);
    if (none !== undefined && from >= none) return null;
    for (let j = from; j < this.line.length; j++) {
      if (this.line[j] === '\\' && ESCAPABLE.has(this.line[j + 1] ?? '')) {
        j++;
        continue;
      }
      if (found(j)) return j;
    }
    this.noCloser.set(key, Math.min(from, none ?? from));
    return null;
  }
}

/** An address after "](": no spaces, parentheses only in balanced pairs, ended by ")". */
function hrefAt(line: string, from: number): { href: string; end: number } | null {
  let depth = 0;
  for (let j = from; j < line.length; j++) {
    const c = line[j];
    if (/\s/.test(c)) return null;
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return j === from ? null : { href: line.slice(from, j), end: j + 1 };
      depth--;
    }
  }
  return null;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, (whole, c: string) => (ESCAPABLE.has(c) ? c : whole));
}

function parseInlines(line: string): PlanInline[] {
  return new InlineScanner(line).inlines();
}

/** A document as the officer's typed text: planDocumentFromMarkup reads it back as the same document. */
export function planMarkupOf(doc: PlanDocument): string {
  return doc.blocks
    .map((block) => {
      switch (block.type) {
        case 'heading':
          return `${'#'.repeat(block.level)} ${inlinesMarkup(block.children)}`;
        case 'list':
          return block.items
            .map((item, n) => `${block.ordered ? `${n + 1}.` : '-'} ${inlinesMarkup(item)}`)
            .join('\n');
        case 'paragraph':
          return escapeLineStart(inlinesMarkup(block.children));
        case 'picture':
          return pictureMarkup(block.alt, block.pictureId);
      }
    })
    .join('\n\n');
}

/** A paragraph that would read as a heading or a list item keeps its first characters as text. */
function escapeLineStart(line: string): string {
  if (line.startsWith('#') || line.startsWith('- ')) return `\\${line}`;
  return line.replace(/^(\d{1,9})\. /, '$1\\. ');
}

function escapeText(text: string): string {
  return text.replace(/[\\*[\]]/g, (c) => `\\${c}`);
}

function runMarkup(r: PlanTextRun): string {
  const marks = canonicalMarks(r.marks ?? []);
  const text = escapeText(r.text);
  if (marks.length === 0) return text;
  // Markers hug the words: spaces at either end go outside them, or the stars would read as text.
  const [, before, words, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? ['', '', text, ''];
  if (words === '') return text;
  const marker = marks.length === 2 ? '***' : marks[0] === 'strong' ? '**' : '*';
  return `${before}${marker}${words}${marker}${after}`;
}

/** Spaces and unbalanced parentheses in an address are written percent-encoded, as a browser would. */
function hrefMarkup(href: string): string {
  const balanced = hrefAt(`${href})`, 0)?.href === href;
  const encoded = href.replace(/\s/g, (c) => encodeURIComponent(c));
  return balanced ? encoded : encoded.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

function inlinesMarkup(inlines: readonly PlanInline[]): string {
  return inlines
    .map((inline) =>
      inline.type === 'text'
        ? runMarkup(inline)
        : `[${inline.children.map(runMarkup).join('')}](${hrefMarkup(inline.href)})`,
    )
    .join('');
}

/** A picture's line; planDocumentFromMarkup reads it back (escapes keep a "]" in the alt text). */
export function pictureMarkup(alt: string, pictureId: string): string {
  return `![${escapeText(alt.replace(/\s+/g, ' ').trim())}](picture:${pictureId})`;
}
