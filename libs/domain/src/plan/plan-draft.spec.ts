import { PlanAssemblyInput, assemblePlanFigures } from './plan-assembly';
import { PLAN_DRAFT_CHARACTERS, PLAN_DRAFT_WHAT_CHANGED, draftLastYear } from './plan-draft';
import { MAX_PLAN_LIST_ITEMS, PlanDocumentSchema, planPlainText, planTextLength } from './plan-text';

const period = { from: '2025-04-01', to: '2026-03-31' };
const ZERO = { couldTakePart: 0, invited: 0, came: 0, evaluated: 0, spoke: 0 };
const EMPTY: PlanAssemblyInput = {
  period,
  actions: { byTheme: [], total: { done: 0, open: 0, cant: 0 } },
  loops: { closed: 0, notClosed: 0 },
  pledges: [],
  practiceTools: [],
  activityDays: [],
  groups: [],
  reach: { total: ZERO, rows: [] },
  reviews: [],
};

const draft = (change: Partial<PlanAssemblyInput>) =>
  draftLastYear(assemblePlanFigures({ ...EMPTY, ...change }));
const texts = (change: Partial<PlanAssemblyInput>) => {
  const { professional, childFriendly } = draft(change);
  return {
    professional: planPlainText(professional).split('\n\n'),
    child: planPlainText(childFriendly).split('\n\n'),
  };
};

describe('the first draft of section C', () => {
  it('says plainly that nothing was recorded in an empty year', () => {
    expect(texts({})).toEqual({
      professional: ['Nothing was recorded in Heard for April 2025 to March 2026.'],
      child: ['We have nothing to tell you about last year yet.'],
    });
  });

  it('drafts both texts from a year of work, small numbers withheld', () => {
    expect(
      texts({
        actions: { byTheme: [], total: { done: 13, open: 1, cant: 2 } },
        loops: { closed: 11, notClosed: 1 },
        pledges: [{ pledgeId: 'p1', status: 'active', leaderRag: 'green', verdicts: ['not_kept'] }],
        practiceTools: [
          { toolId: 't1', name: 'Who’s who', evaluatedBy: 9, whatChanged: 'Bigger photos.' },
          { toolId: 't2', name: 'This is Me', evaluatedBy: 2, whatChanged: null },
        ],
        activityDays: [
          {
            occasionId: 'o1',
            title: 'Bowling',
            date: '2025-08-12',
            funnel: { invited: 12, accepted: 6, attended: 1 },
          },
        ],
        reach: { total: { ...ZERO, couldTakePart: 80, came: 24 }, rows: [] },
        reviews: [{ code: 'PN1', reviews: 40, chaired: 3 }],
      }),
    ).toEqual({
      professional: [
        'From April 2025 to March 2026, what young people told us led to 13 actions done (“We did”), 1 action still being done (“We will”) and 2 actions we could not take (“We can’t”), each with its reason.',
        'The young people who spoke were told what happened for 11 items; 1 item is still to be told.',
        '24 young people took part.',
        '1 activity day was held: 12 invitations reached young people, 6 young people said yes and fewer than 5 came.',
        'Senior leaders made 1 pledge; on 1 pledge the leader and young people see progress differently.',
        'Young people evaluated these practice tools:',
        'Who’s who (9 young people): Bigger photos.',
        'This is Me (fewer than 5 young people)',
        'How young people took part was recorded for 40 review meetings; fewer than 5 young people chaired their own.',
      ],
      child: [
        'Last year you told us what you think.',
        'We did 13 things you asked for.',
        'We are still working on 1 thing.',
        'We could not do 2 things. We told you why.',
        '24 young people took part.',
        'We had 1 activity day.',
        'You checked 2 of our tools and helped us make them better.',
      ],
    });
  });

  it.each([
    [
      { reach: { total: { ...ZERO, couldTakePart: 9, came: 3 }, rows: [] } },
      'Fewer than 5 young people took part.',
    ],
    [
      { reach: { total: { ...ZERO, couldTakePart: 9, came: 1, invited: 1 }, rows: [] } },
      'Fewer than 5 young people took part.',
    ],
    [
      { loops: { closed: 1, notClosed: 0 }, reach: { total: { ...ZERO, came: 0 }, rows: [] } },
      '0 young people took part.',
    ],
  ])('a small number of young people reads as “fewer than 5”: %j', (change, sentence) => {
    expect(texts(change).professional).toContain(sentence);
    expect(texts(change).child).toContain(sentence);
  });

  it('leaves out what did not happen', () => {
    const { professional, child } = texts({ actions: { byTheme: [], total: { done: 5, open: 0, cant: 0 } } });
    expect(professional.join(' ')).not.toMatch(/activity day|pledge|practice tools|review/);
    expect(child.join(' ')).not.toMatch(/could not|activity day|tools/);
  });

  it('drafts documents the plan text schema accepts', () => {
    const { professional, childFriendly } = draft({
      actions: { byTheme: [], total: { done: 1, open: 0, cant: 0 } },
      practiceTools: [{ toolId: 't', name: 'Tool', evaluatedBy: 7, whatChanged: 'Shorter.' }],
    });
    expect(PlanDocumentSchema.safeParse(professional).success).toBe(true);
    expect(PlanDocumentSchema.safeParse(childFriendly).success).toBe(true);
  });

  const tools = (n: number, whatChanged: (i: number) => string | null) =>
    Array.from({ length: n }, (_, i) => ({
      toolId: `t${i}`,
      name: `Tool ${i + 1}`,
      // The last tools most evaluated, so the draft's order is its own, not the input's.
      evaluatedBy: 5 + i,
      whatChanged: whatChanged(i),
    }));
  const listOf = (doc: ReturnType<typeof draftLastYear>['professional']) =>
    doc.blocks.flatMap((b) => (b.type === 'list' ? [b.items] : []));

  it.each([
    { case: 'a few tools', n: 3, words: () => 'Shorter.', listed: 3, more: null },
    {
      case: 'exactly a list’s worth',
      n: MAX_PLAN_LIST_ITEMS,
      words: () => null,
      listed: MAX_PLAN_LIST_ITEMS,
      more: null,
    },
    {
      case: 'more tools than a list takes',
      n: 120,
      words: () => null,
      listed: MAX_PLAN_LIST_ITEMS,
      more: `…and ${120 - MAX_PLAN_LIST_ITEMS} more practice tools, each in the figures below.`,
    },
    {
      case: 'long accounts of what changed, cut to the room the draft leaves',
      n: 60,
      words: (i: number) => `Change ${i}: ${'we rewrote the words so they are plain '.repeat(40)}`,
      listed: null,
      more: 'checked below',
    },
  ])('drafts a section the officer can save with $case', ({ n, words, listed, more }) => {
    const { professional, childFriendly } = draft({
      actions: { byTheme: [], total: { done: 1, open: 0, cant: 0 } },
      practiceTools: tools(n, words),
      reviews: [{ code: 'PN1', reviews: 40, chaired: 6 }],
    });
    expect(PlanDocumentSchema.safeParse(professional).success).toBe(true);
    expect(PlanDocumentSchema.safeParse(childFriendly).success).toBe(true);
    expect(planTextLength(professional)).toBeLessThanOrEqual(PLAN_DRAFT_CHARACTERS);
    const [items] = listOf(professional);
    if (listed !== null) expect(items).toHaveLength(listed);
    // Most evaluated first.
    expect(items[0][0]).toMatchObject({ text: expect.stringMatching(new RegExp(`^Tool ${n} \\(`)) });
    const paragraphs = planPlainText(professional).split('\n\n');
    // The sentence after the list is kept whatever the list's length.
    expect(paragraphs.at(-1)).toBe(
      'How young people took part was recorded for 40 review meetings; 6 young people chaired their own.',
    );
    if (more === null) expect(paragraphs.join(' ')).not.toContain('more practice tool');
    else if (more === 'checked below') {
      for (const [item] of items) {
        if (item.type !== 'text') throw new Error('A list item of the draft is plain text.');
        expect(item.text.length).toBeLessThanOrEqual(
          `Tool 60 (64 young people): `.length + PLAN_DRAFT_WHAT_CHANGED,
        );
        expect(item.text.endsWith('…')).toBe(true);
      }
      expect(paragraphs.at(-2)).toBe(
        `…and ${n - items.length} more practice tools, each in the figures below.`,
      );
    } else expect(paragraphs.at(-2)).toBe(more);
  });

  it('never cuts a character in half when it shortens what changed', () => {
    const { professional } = draft({
      practiceTools: [
        // No space after the middle, and an emoji (two UTF-16 units) across the cut.
        {
          toolId: 't',
          name: 'Tool',
          evaluatedBy: 7,
          whatChanged: `${'a'.repeat(PLAN_DRAFT_WHAT_CHANGED - 2)}😀 more`,
        },
      ],
    });
    const [[[item]]] = listOf(professional);
    if (item.type !== 'text') throw new Error('A list item of the draft is plain text.');
    expect(item.text).toBe(`Tool (7 young people): ${'a'.repeat(PLAN_DRAFT_WHAT_CHANGED - 2)}…`);
    expect(item.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('counts the tools in a line when not one of them fits the draft', () => {
    const { professional } = draft({
      practiceTools: tools(3, () => null).map((t) => ({
        ...t,
        name: `${t.name} ${'long name '.repeat(1_100)}`,
      })),
    });
    expect(PlanDocumentSchema.safeParse(professional).success).toBe(true);
    expect(listOf(professional)).toEqual([]);
    expect(planPlainText(professional).split('\n\n').at(-1)).toBe(
      '3 practice tools were evaluated, each in the figures below.',
    );
  });
});
