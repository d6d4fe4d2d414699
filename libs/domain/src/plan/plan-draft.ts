import { monthInWords } from '../shared/dates';
import { FEWER_THAN_FIVE, ShownCount } from '../shared/small-numbers';
import type { PlanFigures } from './plan-assembly';
import {
  MAX_PLAN_LIST_ITEMS,
  MAX_PLAN_TEXT_CHARACTERS,
  PlanBlock,
  PlanDocument,
  planTextLength,
} from './plan-text';

/**
 * The first draft of section C's two texts from its figures (issue 14 §2): a start the officer
 * edits, never the final words. Every count is the figure's shown count, so a withheld one reads
 * "fewer than 5" here too.
 */

function count(value: ShownCount, one: string, many: string): string {
  if (value === null) return `${FEWER_THAN_FIVE} ${many}`;
  return `${value} ${value === 1 ? one : many}`;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const paragraph = (text: string): PlanBlock => ({ type: 'paragraph', children: [{ type: 'text', text }] });

/**
 * The draft is a start: it leaves at least half a section's room for the officer's own words, so
 * a year with many evaluated tools still gives a draft that can be saved and written into.
 */
export const PLAN_DRAFT_CHARACTERS = MAX_PLAN_TEXT_CHARACTERS / 2;
/** What changed in a tool, as the draft quotes it: its first words, the rest on the tool's page. */
export const PLAN_DRAFT_WHAT_CHANGED = 300;

function shortened(text: string, length: number): string {
  if (text.length <= length) return text;
  let cut = text.slice(0, length - 1);
  // Never half a character: a lone surrogate (half an emoji) is text the database refuses.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

type DraftTool = PlanFigures['practiceTools'][number];

/** Most evaluated first; a count withheld as under five goes after every count shown. */
const byEvaluations = (a: DraftTool, b: DraftTool) => (b.evaluatedBy.value ?? 0) - (a.evaluatedBy.value ?? 0);

const TOOLS_INTRO = 'Young people evaluated these practice tools:';
const moreTools = (left: number) =>
  `…and ${count(left, 'more practice tool', 'more practice tools')}, each in the figures below.`;

/**
 * The tools young people evaluated, as a list that fits: at most a list's items and the draft's
 * characters, the rest counted in a line after it (each is in the figures, linked to its records).
 */
function toolBlocks(tools: readonly DraftTool[], rest: readonly PlanBlock[]): PlanBlock[] {
  // Room for the list's own lines too: its introduction, and the line counting the rest at its longest.
  let room =
    PLAN_DRAFT_CHARACTERS -
    planTextLength({ blocks: [...rest] }) -
    TOOLS_INTRO.length -
    moreTools(tools.length).length;
  const items: string[] = [];
  for (const t of [...tools].sort(byEvaluations)) {
    const text =
      `${t.name} (${count(t.evaluatedBy.value, 'young person', 'young people')})` +
      (t.whatChanged ? `: ${shortened(t.whatChanged, PLAN_DRAFT_WHAT_CHANGED)}` : '');
    if (items.length === MAX_PLAN_LIST_ITEMS || text.length > room) break;
    items.push(text);
    room -= text.length;
  }
  const left = tools.length - items.length;
  // A list needs an item: with none that fits, the line counting them says it all.
  const blocks: PlanBlock[] =
    items.length > 0
      ? [
          paragraph(TOOLS_INTRO),
          { type: 'list', ordered: false, items: items.map((text) => [{ type: 'text', text }]) },
        ]
      : [];
  if (left > 0)
    blocks.push(
      paragraph(
        items.length > 0
          ? moreTools(left)
          : `${capital(count(left, 'practice tool was', 'practice tools were'))} evaluated, each in the figures below.`,
      ),
    );
  return blocks;
}

function periodInWords(figures: PlanFigures): string {
  return `${monthInWords(figures.period.from.slice(0, 7))} to ${monthInWords(figures.period.to.slice(0, 7))}`;
}

function professional(f: PlanFigures): PlanDocument {
  const { done, open, cant } = f.actions.total;
  const funnel = f.activityDays.funnel;
  const blocks: PlanBlock[] = [
    paragraph(
      `From ${periodInWords(f)}, what young people told us led to ${count(done.value, 'action', 'actions')} done ` +
        `(“We did”), ${count(open.value, 'action', 'actions')} still being done (“We will”) and ` +
        `${count(cant.value, 'action', 'actions')} we could not take (“We can’t”), each with its reason.`,
    ),
    paragraph(
      `The young people who spoke were told what happened for ${count(f.loops.closed.value, 'item', 'items')}; ` +
        `${count(f.loops.notClosed.value, 'item is', 'items are')} still to be told.`,
    ),
    paragraph(`${capital(count(f.takingPart.total.value, 'young person', 'young people'))} took part.`),
  ];
  if (f.activityDays.held.value)
    blocks.push(
      paragraph(
        `${capital(count(f.activityDays.held.value, 'activity day was', 'activity days were'))} held: ` +
          `${count(funnel.invited.value, 'invitation', 'invitations')} reached young people, ` +
          `${count(funnel.accepted.value, 'young person', 'young people')} said yes and ${count(funnel.attended.value, 'came', 'came')}.`,
      ),
    );
  if (f.pledges.total.value)
    blocks.push(
      paragraph(
        `Senior leaders made ${count(f.pledges.total.value, 'pledge', 'pledges')}; on ` +
          `${count(f.pledges.flagged.value, 'pledge', 'pledges')} the leader and young people see progress differently.`,
      ),
    );
  const after: PlanBlock[] = f.reviews
    ? [
        paragraph(
          `How young people took part was recorded for ${count(f.reviews.recorded.value, 'review meeting', 'review meetings')}; ` +
            `${count(f.reviews.chaired.value, 'young person', 'young people')} chaired their own.`,
        ),
      ]
    : [];
  const tools = f.practiceTools.length > 0 ? toolBlocks(f.practiceTools, [...blocks, ...after]) : [];
  return { blocks: [...blocks, ...tools, ...after] };
}

/** Short sentences in everyday words: the officer measures and edits them before scrutiny. */
function childFriendly(f: PlanFigures): PlanDocument {
  const { done, open, cant } = f.actions.total;
  const sentences = [
    'Last year you told us what you think.',
    `We did ${count(done.value, 'thing', 'things')} you asked for.`,
    `We are still working on ${count(open.value, 'thing', 'things')}.`,
  ];
  if (cant.value) sentences.push(`We could not do ${count(cant.value, 'thing', 'things')}. We told you why.`);
  sentences.push(`${capital(count(f.takingPart.total.value, 'young person', 'young people'))} took part.`);
  if (f.activityDays.held.value)
    sentences.push(`We had ${count(f.activityDays.held.value, 'activity day', 'activity days')}.`);
  if (f.practiceTools.length > 0)
    sentences.push(
      `You checked ${count(f.practiceTools.length, 'of our tools', 'of our tools')} and helped us make them better.`,
    );
  return { blocks: sentences.map(paragraph) };
}

/** Section C's first draft: both texts, or a plain "nothing recorded" for an empty year. */
export function draftLastYear(figures: PlanFigures): {
  professional: PlanDocument;
  childFriendly: PlanDocument;
} {
  if (figures.empty)
    return {
      professional: { blocks: [paragraph(`Nothing was recorded in Heard for ${periodInWords(figures)}.`)] },
      childFriendly: { blocks: [paragraph('We have nothing to tell you about last year yet.')] },
    };
  return { professional: professional(figures), childFriendly: childFriendly(figures) };
}
