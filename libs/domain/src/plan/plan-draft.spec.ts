import { PlanAssemblyInput, assemblePlanFigures } from './plan-assembly';
import { draftLastYear } from './plan-draft';
import { PlanDocumentSchema, planPlainText } from './plan-text';

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
});
