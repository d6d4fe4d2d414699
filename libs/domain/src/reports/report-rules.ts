import type { FunnelStage } from '../activities/funnel';
import type { LeadersView } from '../leaders/leaders-view.contract';
import { RATING_SCALE } from '../evaluations/evaluation-rules';
import type { PlanActionCounts, PlanActivityDayRow, PlanPeriod, PlanToolRow } from '../plan/plan-assembly';
import type { PlanBlock, PlanDocument, PlanInline } from '../plan/plan-text';
import { IsoDate, addDays, isIsoDate, monthInWords, parseIsoDate } from '../shared/dates';
import { FEWER_THAN_FIVE, ShownCount, shownCount, shownParts } from '../shared/small-numbers';

/**
 * The reports (issue 14 §6, docs/reports.md): the six-monthly Family Feedback Report and the
 * annual participation report, drafted from the data for a period in the shape of the council's
 * own report (seed 000): an introduction, You said / We did by theme, service updates, the young
 * experts' review, activity days and what was evaluated, quotes with consent, next steps. Each
 * section's text is the plan's typed document (plan-text.ts), so officers edit it with the plan's
 * editor and the PDF renders it the plan's way. Every count in a report goes through the
 * small-number rules: a report is exported and read outside the team.
 */

export const REPORT_KINDS = ['family_feedback', 'annual_participation'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_RULES: Readonly<
  Record<ReportKind, { title: string; slug: string; months: number; describe: string }>
> = {
  family_feedback: {
    title: 'Family Feedback Report',
    slug: 'family-feedback-report',
    months: 6,
    describe: 'the last six months',
  },
  annual_participation: {
    title: 'Annual participation report',
    slug: 'annual-participation-report',
    months: 12,
    describe: 'the last year, April to March',
  },
};

/** The quotes a draft lists at most: the officer picks among them; a section stays one a person reads. */
export const MAX_REPORT_QUOTES = 30;

/** A report covers at most 13 months: a year and a month of overlap, never a scan of all history. */
export const MAX_REPORT_MONTHS = 13;

export const REPORT_SECTION_KEYS = [
  'introduction',
  'you_said_we_did',
  'service_updates',
  'young_experts_review',
  'activity_days',
  'quotes',
  'next_steps',
] as const;
export type ReportSectionKey = (typeof REPORT_SECTION_KEYS)[number];

export const REPORT_SECTION_TITLES: Readonly<Record<ReportSectionKey, string>> = {
  introduction: 'Introduction',
  you_said_we_did: 'You said, we did',
  service_updates: 'Service area updates',
  young_experts_review: 'The young experts’ review',
  activity_days: 'Activity days and what was evaluated',
  quotes: 'In their own words',
  next_steps: 'Next steps',
};

/** A figure of a section: its label and its count, null when fewer than five (withheld). */
export interface ReportFigure {
  label: string;
  value: ShownCount;
}

/** A table of figures: its caption, its column headings and rows of a label and counts. */
export interface ReportTable {
  caption: string;
  columns: string[];
  rows: { label: string; values: ShownCount[] }[];
}

export interface ReportSection {
  key: ReportSectionKey;
  title: string;
  /** The professional text, as officers type it (plan-text.ts). */
  text: PlanDocument;
  /** Figures drawn from the data, already through the small-number rules; not edited. */
  tables: ReportTable[];
}

/** How a count reads in a report's text and tables: a withheld one as "fewer than 5". */
export function reportCount(value: ShownCount): string {
  return value === null ? FEWER_THAN_FIVE : String(value);
}

function firstOfMonth(year: number, month: number): IsoDate {
  const d = new Date(Date.UTC(year, month - 1, 1));
  return d.toISOString().slice(0, 10);
}

/**
 * The period a report covers when none is chosen, from today's London date: a Family Feedback
 * Report the six whole months before this one; an annual report the last whole April to March.
 */
export function defaultReportPeriod(kind: ReportKind, today: IsoDate): PlanPeriod {
  const { year, month } = parseIsoDate(today);
  if (kind === 'family_feedback') {
    const thisMonth = firstOfMonth(year, month);
    return { from: firstOfMonth(year, month - 6), to: addDays(thisMonth, -1) };
  }
  // The council's year ends on 31 March: in April 2026 the last whole one is April 2025 to March 2026.
  const endYear = month >= 4 ? year : year - 1;
  return { from: `${endYear - 1}-04-01`, to: `${endYear}-03-31` };
}

/** Why a chosen period cannot be a report's, or null when it can. */
export function reportPeriodProblem(period: PlanPeriod): { field: 'from' | 'to'; message: string } | null {
  if (!isIsoDate(period.from)) return { field: 'from', message: 'Use a real date like 2026-04-01.' };
  if (!isIsoDate(period.to)) return { field: 'to', message: 'Use a real date like 2026-09-30.' };
  if (period.to < period.from) return { field: 'to', message: 'The end of the period is before its start.' };
  const { year, month, day } = parseIsoDate(period.from);
  const limit = addDays(isoDateOfUtc(year, month - 1 + MAX_REPORT_MONTHS, day), -1);
  if (period.to > limit)
    return { field: 'to', message: `A report covers at most ${MAX_REPORT_MONTHS} months.` };
  return null;
}

function isoDateOfUtc(year: number, monthIndex: number, day: number): IsoDate {
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}

/** "June 2026 to November 2026". */
export function reportPeriodInWords(period: PlanPeriod): string {
  return `${monthInWords(period.from.slice(0, 7))} to ${monthInWords(period.to.slice(0, 7))}`;
}

export function reportTitle(kind: ReportKind, period: PlanPeriod): string {
  return `${REPORT_KIND_RULES[kind].title}, ${reportPeriodInWords(period)}`;
}

/**
 * The file's name: the kind and the months, nothing about anyone, so it can be saved and sent.
 * "family-feedback-report-2026-06-to-2026-11.pdf".
 */
export function reportFilename(kind: ReportKind, period: PlanPeriod, format: 'pdf' | 'docx'): string {
  return `${REPORT_KIND_RULES[kind].slug}-${period.from.slice(0, 7)}-to-${period.to.slice(0, 7)}.${format}`;
}

/** What a report is drafted from: plain counts and rows for the period, read by the API. */
export interface ReportData {
  period: PlanPeriod;
  /** Actions by the items' theme, as the plan's section C reads them (action-counts.queries.ts). */
  actionsByTheme: readonly PlanActionCounts[];
  actionsTotal: { done: number; open: number; cant: number };
  /** Actions by the items' service. */
  actionsByService: readonly { label: string | null; done: number; open: number; cant: number }[];
  loops: { closed: number; notClosed: number };
  /**
   * The young experts' ratings for the period, as the leaders' view reads them (already shown
   * counts), without their comments: a comment is for the team, beside the item it is about (issue
   * 12 §5), and was never agreed to be shared; a report quotes only the quotes with consent.
   */
  review: Omit<LeadersView['ratings'], 'comments'>;
  activityDays: readonly PlanActivityDayRow[];
  practiceTools: readonly PlanToolRow[];
  /** Quotes on the public board from items said in the period, only while their consent is in force. */
  quotes: readonly { quoteId: string; theme: string | null; words: string }[];
}

const paragraph = (text: string): PlanBlock => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const heading = (text: string): PlanBlock => ({
  type: 'heading',
  level: 2,
  children: [{ type: 'text', text }],
});
const list = (items: string[]): PlanBlock => ({
  type: 'list',
  ordered: false,
  items: items.map((text) => [{ type: 'text', text }]),
});

const themeLabel = (label: string | null) => label ?? 'No theme';
const serviceLabel = (label: string | null) => label ?? 'No service named';

/** Done, We will and We can't counts through shownParts, as one table's row. */
function answerRow(label: string, c: { done: number; open: number; cant: number }) {
  return { label, values: shownParts([c.done, c.open, c.cant]) };
}

const ANSWER_COLUMNS = ['We did', 'We will', 'We can’t'];
const FUNNEL_COLUMNS = ['Invited', 'Said yes', 'Came'];
const FUNNEL_STAGES: readonly (keyof FunnelStage)[] = ['invited', 'accepted', 'attended'];

/**
 * A report's draft from the data (pure): each section's professional text written from the
 * figures, and the tables beside it. The words are a starting point the officer edits.
 */
export function draftReport(kind: ReportKind, data: ReportData): ReportSection[] {
  const when = reportPeriodInWords(data.period);
  const rule = REPORT_KIND_RULES[kind];
  const section = (
    key: ReportSectionKey,
    blocks: PlanBlock[],
    tables: ReportTable[] = [],
  ): ReportSection => ({
    key,
    title: REPORT_SECTION_TITLES[key],
    text: { blocks },
    tables,
  });
  const total = shownParts([data.actionsTotal.done, data.actionsTotal.open, data.actionsTotal.cant]);
  const themes = data.actionsByTheme.filter((t) => t.done + t.open + t.cant > 0);
  const services = data.actionsByService.filter((s) => s.done + s.open + s.cant > 0);
  const days = data.activityDays;
  const dayTotals = FUNNEL_STAGES.map((stage) => days.reduce((sum, d) => sum + d.funnel[stage], 0));
  const tools = data.practiceTools.filter((t) => t.evaluatedBy > 0);

  return [
    section('introduction', [
      paragraph(
        `This ${rule.title.toLowerCase()} covers ${when}. It sets out what children, young people and their families told us, what we did in answer, and how the young experts think we have done.`,
      ),
      paragraph(
        `In this period we did ${reportCount(total[0])} things in answer to what we were told, ${reportCount(total[1])} are still being done, and we said we could not do ${reportCount(total[2])}.`,
      ),
      paragraph(
        'Thank you to the children, young people and families who gave their time, views and ideas, and to the young experts who reviewed our answers.',
      ),
    ]),
    section(
      'you_said_we_did',
      themes.length === 0
        ? [paragraph(`No actions answered what we were told in ${when}.`)]
        : themes.flatMap((t) => {
            const [done, open, cant] = shownParts([t.done, t.open, t.cant]);
            return [
              heading(themeLabel(t.label)),
              paragraph(
                `We did ${reportCount(done)}, we will do ${reportCount(open)}, and we could not do ${reportCount(cant)}.`,
              ),
            ];
          }),
      themes.length === 0
        ? []
        : [
            {
              caption: 'Actions by theme',
              columns: ['Theme', ...ANSWER_COLUMNS],
              rows: themes.map((t) => answerRow(themeLabel(t.label), t)),
            },
          ],
    ),
    section(
      'service_updates',
      services.length === 0
        ? [paragraph(`No service recorded an action in ${when}.`)]
        : services.flatMap((s) => {
            const [done, open] = shownParts([s.done, s.open, s.cant]);
            return [
              heading(serviceLabel(s.label)),
              paragraph(
                `${serviceLabel(s.label)} did ${reportCount(done)} things because of family feedback, and ${reportCount(open)} are under way.`,
              ),
            ];
          }),
      services.length === 0
        ? []
        : [
            {
              caption: 'Actions by service',
              columns: ['Service', ...ANSWER_COLUMNS],
              rows: services.map((s) => answerRow(serviceLabel(s.label), s)),
            },
          ],
    ),
    section(
      'young_experts_review',
      [
        paragraph(
          data.review.answered === 0
            ? `No young expert rated our answers in ${when}.`
            : `Young experts rated how well we answered ${reportCount(data.review.answered)} times in ${when}, answering “How well did we do?”.`,
        ),
        paragraph(
          'What each young expert wrote beside their rating stays with the team, with the answer it is about. The words young people agreed to share are under “In their own words”.',
        ),
      ],
      [
        {
          caption: 'How well did we do?',
          columns: ['Rating', 'Young experts'],
          rows: RATING_SCALE.map((step) => ({
            label: step.words,
            values: [data.review.faces.find((f) => f.rating === step.value)?.count ?? 0],
          })),
        },
      ],
    ),
    section(
      'activity_days',
      [
        paragraph(
          days.length === 0
            ? `No activity days were held in ${when}.`
            : `We held ${reportCount(shownCount(days.length))} activity days in ${when}. ${reportCount(shownCount(dayTotals[2]))} young people came.`,
        ),
        ...(tools.length === 0
          ? []
          : [
              heading('What was evaluated'),
              list(
                tools.map(
                  (t) =>
                    `${t.name}: evaluated by ${reportCount(shownCount(t.evaluatedBy))} young people.${t.whatChanged ? ` What changed: ${t.whatChanged}` : ''}`,
                ),
              ),
            ]),
      ],
      [
        ...(days.length === 0
          ? []
          : [
              {
                caption: 'Activity days',
                columns: ['Activity day', ...FUNNEL_COLUMNS],
                rows: days.map((d) => ({
                  label: `${d.title} (${d.date})`,
                  values: FUNNEL_STAGES.map((stage) => shownCount(d.funnel[stage])),
                })),
              },
            ]),
        ...(tools.length === 0
          ? []
          : [
              {
                caption: 'Practice tools evaluated',
                columns: ['Practice tool', 'Young people'],
                rows: tools.map((t) => ({ label: t.name, values: [shownCount(t.evaluatedBy)] })),
              },
            ]),
      ],
    ),
    section(
      'quotes',
      data.quotes.length === 0
        ? [paragraph(`No quotes from ${when} can be shared.`)]
        : [
            paragraph('In their own words, shared with their agreement:'),
            list(
              data.quotes
                .slice(0, MAX_REPORT_QUOTES)
                .map((q) => `“${oneLine(q.words)}”${q.theme ? ` (${q.theme})` : ''}`),
            ),
          ],
    ),
    section('next_steps', [
      paragraph(
        `${reportCount(total[1])} actions are still being done. We will tell the children, young people and families who spoke what happened, and report back in the next ${rule.title.toLowerCase()}.`,
      ),
      paragraph(
        `We told ${reportCount(shownCount(data.loops.closed))} of those who spoke what we did in this period; ${reportCount(shownCount(data.loops.notClosed))} are still to be told.`,
      ),
    ]),
  ];
}

/** A quote a draft lists, kept with the report so an export can leave it out once no longer shareable. */
export interface DraftedQuote {
  quoteId: string;
  words: string;
}

/** The quotes a draft lists, with their words: a quote erased since is gone from the log, not from the draft. */
export function draftedQuotes(data: ReportData): DraftedQuote[] {
  return data.quotes
    .slice(0, MAX_REPORT_QUOTES)
    .map((q) => ({ quoteId: q.quoteId, words: oneLine(q.words) }));
}

/**
 * Words on one line, every run of spaces and line breaks one space: how a quote is drafted and
 * matched, so the markup the officer edits (a line break starts a new line there) cannot split it.
 */
function oneLine(words: string): string {
  return words.replace(/\s+/g, ' ').trim();
}

function lineText(line: readonly PlanInline[]): string {
  return line.map((i) => (i.type === 'text' ? i.text : i.children.map((c) => c.text).join(''))).join('');
}

/**
 * The sections without the quotes that may no longer be shown (consent withdrawn, or taken off
 * the board since the draft): every paragraph or list item holding one of their words is left
 * out, and a list left empty goes too. Run when a document is made, so a file never carries a
 * quote whose young person has said no since, whatever the officer's edits kept.
 */
export function withoutQuotes(sections: readonly ReportSection[], gone: readonly string[]): ReportSection[] {
  const patterns = gone
    .map(oneLine)
    .filter((w) => w !== '')
    // Whole words only, so a short quote ("ok") never takes a line that merely holds "took".
    .map(
      (w) =>
        new RegExp(`(^|[^\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u'),
    );
  if (patterns.length === 0) return [...sections];
  const holds = (line: readonly PlanInline[]) => {
    const text = oneLine(lineText(line));
    return patterns.some((p) => p.test(text));
  };
  return sections.map((section) => ({
    ...section,
    text: {
      blocks: section.text.blocks.flatMap((b): PlanBlock[] => {
        if (b.type === 'picture') return [b];
        if (b.type !== 'list') return holds(b.children) ? [] : [b];
        const items = b.items.filter((item) => !holds(item));
        return items.length === 0 ? [] : [{ ...b, items }];
      }),
    },
  }));
}
