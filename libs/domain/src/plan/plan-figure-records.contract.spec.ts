import { PlanReference } from './plan-assembly';
import {
  MAX_REFERENCE_IDS,
  PlanFigureRecordsQuerySchema,
  PlanRecordLink,
  encodePlanReference,
  isPlanPeriod,
  planPeriodHolding,
  planRecordPath,
} from './plan-figure-records.contract';

const period = { from: '2025-04-01', to: '2026-03-31' };
const id = '6f1c1f3e-7d4a-4c55-9a55-0c2b8f0f6a11';

describe('a figure’s reference, as the link carries it', () => {
  it.each<[string, PlanReference]>([
    ['actions of every theme', { kind: 'actions', period, answer: 'done' }],
    ['actions of a theme', { kind: 'actions', period, answer: 'open', theme: { id } }],
    ['actions of no theme', { kind: 'actions', period, answer: 'cant', theme: { id: null } }],
    ['loops', { kind: 'loops', period, closed: false }],
    ['pledges', { kind: 'pledges', ids: [id] }],
    ['no pledges', { kind: 'pledges', ids: [] }],
    ['a tool’s evaluations', { kind: 'practice_tool_evaluations', period, toolId: id }],
    ['activity days', { kind: 'activity_days', ids: [id] }],
    ['invitations', { kind: 'invitations', occasionIds: [id], stage: 'attended' }],
    ['a group', { kind: 'group_attendance', period, groupId: id }],
    ['reach', { kind: 'reach', period }],
    ['a reach cell', { kind: 'reach', period, stage: 'came', dimension: 'ageBand', group: '13-15' }],
    ['reviews', { kind: 'review_participation', period }],
    ['a code', { kind: 'review_participation', period, code: 'PN4' }],
    ['chaired', { kind: 'review_participation', period, chaired: true }],
  ])('%s round-trips through the query', (_, ref) => {
    expect(PlanFigureRecordsQuerySchema.parse({ ref: encodePlanReference(ref) })).toEqual({ ref });
  });

  const ids = (n: number) => Array.from({ length: n }, () => id);
  it.each<[string, unknown]>([
    ['no ref', {}],
    ['text that is not JSON', { ref: '{kind' }],
    ['an unknown kind', { ref: JSON.stringify({ kind: 'young_people', period }) }],
    ['an unknown field', { ref: JSON.stringify({ kind: 'loops', period, closed: true, names: true }) }],
    [
      'a bad period',
      { ref: JSON.stringify({ kind: 'loops', period: { from: '2025-13-01', to: period.to }, closed: true }) },
    ],
    [
      'a period ending before it starts',
      { ref: JSON.stringify({ kind: 'loops', period: { from: period.to, to: period.from }, closed: true }) },
    ],
    [
      'a period that is not a council year (one overlapping a plan’s)',
      { ref: JSON.stringify({ kind: 'reach', period: { from: '2025-05-01', to: '2026-04-30' } }) },
    ],
    [
      'every group at once (the plan shows no sum of groups)',
      { ref: JSON.stringify({ kind: 'group_attendance', period }) },
    ],
    [
      'part of a council year',
      { ref: JSON.stringify({ kind: 'group_attendance', period: { from: '2025-04-01', to: '2025-09-30' } }) },
    ],
    ['an unknown answer', { ref: JSON.stringify({ kind: 'actions', period, answer: 'maybe' }) }],
    ['an id that is not one', { ref: JSON.stringify({ kind: 'pledges', ids: ['1'] }) }],
    ['too many ids', { ref: JSON.stringify({ kind: 'pledges', ids: ids(MAX_REFERENCE_IDS + 1) }) }],
    ['an unknown code', { ref: JSON.stringify({ kind: 'review_participation', period, code: 'PN9' }) }],
    ['another field beside ref', { ref: JSON.stringify({ kind: 'pledges', ids: [] }), page: '2' }],
  ])('refuses %s', (_, query) => {
    expect(PlanFigureRecordsQuerySchema.safeParse(query).success).toBe(false);
  });

  it('takes the most ids a reference may carry', () => {
    const ref: PlanReference = { kind: 'activity_days', ids: ids(MAX_REFERENCE_IDS) };
    expect(PlanFigureRecordsQuerySchema.safeParse({ ref: encodePlanReference(ref) }).success).toBe(true);
  });
});

describe('a plan’s period', () => {
  it.each<[string, { from: string; to: string }, boolean]>([
    ['a council year', { from: '2025-04-01', to: '2026-03-31' }, true],
    ['a calendar year', { from: '2025-01-01', to: '2025-12-31' }, false],
    ['a council year a day short', { from: '2025-04-01', to: '2026-03-30' }, false],
    ['two council years', { from: '2024-04-01', to: '2026-03-31' }, false],
  ])('%s is one: %s', (_, p, expected) => {
    expect(isPlanPeriod(p)).toBe(expected);
  });

  it.each<[string, string]>([
    ['2025-04-01', '2025-04-01'],
    ['2026-03-31', '2025-04-01'],
    ['2025-12-25', '2025-04-01'],
    ['2026-04-01', '2026-04-01'],
  ])('%s is in the council year from %s', (day, from) => {
    expect(planPeriodHolding(day).from).toBe(from);
  });
});

describe('where a record is', () => {
  it.each<[PlanRecordLink, string]>([
    [{ page: 'action', id }, `/action-log/actions/${id}`],
    [{ page: 'you_said_item', id }, `/action-log/items/${id}`],
    [{ page: 'pledge', id }, `/pledges/${id}`],
    [{ page: 'activity_day', id }, `/activities/${id}`],
    [{ page: 'practice_tool', id }, `/practice-tools/${id}`],
    [{ page: 'group', id }, `/groups/${id}`],
    [{ page: 'reach' }, '/reach'],
    [{ page: 'funnel' }, '/funnel'],
  ])('%j is at %s', (link, path) => {
    expect(planRecordPath(link)).toBe(path);
  });
});
