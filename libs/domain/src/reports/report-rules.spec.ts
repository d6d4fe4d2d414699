import { planDocumentFromMarkup, planMarkupOf } from '../plan/plan-markup';
import { planPlainText } from '../plan/plan-text';
import { FEWER_THAN_FIVE } from '../shared/small-numbers';
import {
  REPORT_SECTION_KEYS,
  ReportData,
  defaultReportPeriod,
  draftedQuotes,
  draftReport,
  reportFilename,
  reportPeriodProblem,
  reportTitle,
  withoutQuotes,
} from './report-rules';
import { ReportCreateRequestSchema, ReportSectionRequestSchema } from './reports.contract';

const period = { from: '2026-06-01', to: '2026-11-30' };
const data = (over: Partial<ReportData> = {}): ReportData => ({
  period,
  actionsByTheme: [
    { themeId: 't1', label: 'Sharing learning', done: 7, open: 6, cant: 5 },
    { themeId: 't2', label: 'Transparency', done: 2, open: 0, cant: 0 },
    { themeId: null, label: null, done: 0, open: 0, cant: 0 },
  ],
  actionsTotal: { done: 9, open: 6, cant: 5 },
  actionsByService: [{ label: 'Fostering', done: 8, open: 5, cant: 0 }],
  loops: { closed: 12, notClosed: 3 },
  review: {
    answered: 6,
    faces: [1, 2, 3, 4, 5].map((rating) => ({
      rating: rating as 1 | 2 | 3 | 4 | 5,
      count: rating === 5 ? 6 : 0,
    })),
  },
  activityDays: [
    {
      occasionId: 'o1',
      title: 'Summer day',
      date: '2026-07-04',
      funnel: { invited: 20, accepted: 9, attended: 3 },
    },
  ],
  practiceTools: [{ toolId: 'p1', name: 'All about me', evaluatedBy: 2, whatChanged: null }],
  quotes: [
    { quoteId: 'q1', theme: 'Sharing learning', words: 'They listened.' },
    { quoteId: 'q2', theme: null, words: 'Nobody rang back.' },
  ],
  ...over,
});

describe('report periods', () => {
  it.each([
    ['family_feedback', '2026-12-07', { from: '2026-06-01', to: '2026-11-30' }],
    ['family_feedback', '2026-03-31', { from: '2025-09-01', to: '2026-02-28' }],
    ['family_feedback', '2026-01-01', { from: '2025-07-01', to: '2025-12-31' }],
    ['annual_participation', '2026-12-07', { from: '2025-04-01', to: '2026-03-31' }],
    ['annual_participation', '2026-04-01', { from: '2025-04-01', to: '2026-03-31' }],
    ['annual_participation', '2026-03-31', { from: '2024-04-01', to: '2025-03-31' }],
  ] as const)('a %s drafted on %s covers %j', (kind, today, expected) => {
    expect(defaultReportPeriod(kind, today)).toEqual(expected);
  });

  it.each([
    [{ from: '2026-01-01', to: '2026-01-01' }, null],
    [{ from: '2025-04-01', to: '2026-04-30' }, null],
    [{ from: '2025-04-01', to: '2026-05-01' }, 'to'],
    [{ from: '2026-02-01', to: '2026-01-31' }, 'to'],
    [{ from: '2026-02-30', to: '2026-03-31' }, 'from'],
    [{ from: '2026-02-01', to: 'soon' }, 'to'],
  ])('%j: problem with %s', (p, field) => {
    expect(reportPeriodProblem(p)?.field ?? null).toBe(field);
  });

  it('names the file and the report by the kind and months only', () => {
    expect(reportFilename('family_feedback', period, 'pdf')).toBe(
      'family-feedback-report-2026-06-to-2026-11.pdf',
    );
    expect(reportFilename('annual_participation', period, 'docx')).toBe(
      'annual-participation-report-2026-06-to-2026-11.docx',
    );
    expect(reportTitle('family_feedback', period)).toBe('Family Feedback Report, June 2026 to November 2026');
  });
});

describe('draftReport', () => {
  const sections = draftReport('family_feedback', data());
  const text = (key: string) => planPlainText(sections.find((s) => s.key === key)?.text ?? { blocks: [] });

  it('has the sections of the council’s report, in its order', () => {
    expect(sections.map((s) => s.key)).toEqual([...REPORT_SECTION_KEYS]);
  });

  it('withholds every count under five, in the text and the tables', () => {
    expect(text('you_said_we_did')).toContain(`Transparency\n\nWe did ${FEWER_THAN_FIVE}`);
    // Sharing learning: 7, 6, 5 shown.
    expect(text('you_said_we_did')).toContain('We did 7, we will do 6, and we could not do 5.');
    expect(text('activity_days')).toContain(`${FEWER_THAN_FIVE} young people came`);
    expect(text('activity_days')).toContain(`evaluated by ${FEWER_THAN_FIVE} young people`);
    const days = sections.find((s) => s.key === 'activity_days')?.tables[0];
    expect(days?.rows[0].values).toEqual([20, 9, null]);
    const themes = sections.find((s) => s.key === 'you_said_we_did')?.tables[0];
    // A theme with nothing in the period is left out.
    expect(themes?.rows).toEqual([
      { label: 'Sharing learning', values: [7, 6, 5] },
      { label: 'Transparency', values: [null, 0, 0] },
    ]);
    expect(text('next_steps')).toContain(`${FEWER_THAN_FIVE} are still to be told`);
  });

  it('keeps words that look like HTML as the words typed', () => {
    expect(text('quotes')).toContain('“They listened.” (Sharing learning)');
  });

  it('never prints a young expert’s rating comment: it was not agreed to be shared', () => {
    const withComment = {
      ...data().review,
      comments: [{ rating: 5, comment: 'Kept with the team', theme: null, ratedOn: '2026-07-01' }],
    };
    const drafted = draftReport('family_feedback', data({ review: withComment }));
    expect(JSON.stringify(drafted)).not.toContain('Kept with the team');
  });

  it('says so when nothing happened, rather than showing empty tables', () => {
    const empty = draftReport(
      'annual_participation',
      data({
        actionsByTheme: [],
        actionsByService: [],
        actionsTotal: { done: 0, open: 0, cant: 0 },
        activityDays: [],
        practiceTools: [],
        quotes: [],
        review: { answered: 0, faces: [] },
      }),
    );
    const plain = (key: string) => planPlainText(empty.find((s) => s.key === key)?.text ?? { blocks: [] });
    expect(plain('you_said_we_did')).toBe(
      'No actions answered what we were told in June 2026 to November 2026.',
    );
    expect(plain('quotes')).toBe('No quotes from June 2026 to November 2026 can be shared.');
    expect(empty.find((s) => s.key === 'activity_days')?.tables).toEqual([]);
  });

  it('drafts every section as text the section request accepts', () => {
    for (const s of sections)
      expect(ReportSectionRequestSchema.safeParse({ version: 1, text: s.text }).success).toBe(true);
  });
});

describe('ReportCreateRequestSchema', () => {
  it.each([
    [{ kind: 'family_feedback' }, true],
    [{ kind: 'annual_participation', from: '2025-04-01', to: '2026-03-31' }, true],
    [{ kind: 'weekly' }, false],
    [{}, false],
    [{ kind: 'family_feedback', from: '2026-01-01' }, false],
    [{ kind: 'family_feedback', from: '2026-05-01', to: '2026-01-01' }, false],
    [{ kind: 'family_feedback', from: '2020-01-01', to: '2026-01-01' }, false],
    [{ kind: 'family_feedback', extra: 1 }, false],
  ])('%j is accepted: %s', (body, ok) => {
    expect(ReportCreateRequestSchema.safeParse(body).success).toBe(ok);
  });
});

describe('withoutQuotes', () => {
  const sections = draftReport('family_feedback', data());
  const quotes = (s: typeof sections) =>
    planPlainText(s.find((x) => x.key === 'quotes')?.text ?? { blocks: [] });

  it('keeps the drafted quotes with their words', () => {
    expect(draftedQuotes(data())).toEqual([
      { quoteId: 'q1', words: 'They listened.' },
      { quoteId: 'q2', words: 'Nobody rang back.' },
    ]);
  });

  it('leaves out every line holding a quote no longer shareable, wherever the officer moved it', () => {
    const moved = sections.map((s) =>
      s.key === 'introduction'
        ? {
            ...s,
            text: {
              blocks: [
                ...s.text.blocks,
                {
                  type: 'paragraph' as const,
                  children: [{ type: 'text' as const, text: 'As one said, “Nobody rang back.”' }],
                },
              ],
            },
          }
        : s,
    );
    const kept = withoutQuotes(moved, ['Nobody rang back.']);
    expect(quotes(kept)).toContain('They listened.');
    expect(quotes(kept)).not.toContain('Nobody rang back.');
    expect(planPlainText(kept[0].text)).not.toContain('Nobody rang back.');
    // A list left with no items goes too.
    const none = withoutQuotes(sections, ['They listened.', 'Nobody rang back.']);
    expect(none.find((x) => x.key === 'quotes')?.text.blocks.map((b) => b.type)).toEqual(['paragraph']);
    expect(withoutQuotes(sections, [' '])).toEqual(sections);
  });

  it('drafts a quote with line breaks on one line, so the officer’s markup cannot split it out of reach', () => {
    const twoLines = data({
      quotes: [{ quoteId: 'q3', theme: null, words: 'They rang me back.\nEvery time.' }],
    });
    expect(draftedQuotes(twoLines)).toEqual([{ quoteId: 'q3', words: 'They rang me back. Every time.' }]);
    const drafted = draftReport('family_feedback', twoLines);
    // Saved through the page: written as markup and read back, as the editor does.
    const edited = drafted.map((x) => ({ ...x, text: planDocumentFromMarkup(planMarkupOf(x.text)) }));
    expect(quotes(edited)).toContain('They rang me back. Every time.');
    // The quote's words as stored, line break and all, still find it.
    expect(quotes(withoutQuotes(edited, ['They rang me back.\nEvery time.']))).not.toContain('Every time.');
  });

  it('takes a short quote only where it stands as whole words', () => {
    const short = data({ quotes: [{ quoteId: 'q4', theme: null, words: 'ok' }] });
    const drafted = draftReport('family_feedback', short).map((x) =>
      x.key === 'introduction'
        ? {
            ...x,
            text: {
              blocks: [
                ...x.text.blocks,
                {
                  type: 'paragraph' as const,
                  children: [{ type: 'text' as const, text: 'It took a year and it looked better.' }],
                },
              ],
            },
          }
        : x,
    );
    const kept = withoutQuotes(drafted, ['ok']);
    expect(planPlainText(kept[0].text)).toContain('It took a year and it looked better.');
    expect(quotes(kept)).not.toContain('“ok”');
  });
});
