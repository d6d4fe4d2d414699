import {
  ActionLogSettingsRequestSchema,
  CreateItemRequestSchema,
  ItemListQuerySchema,
  MAX_ITEM_SUMMARY_LENGTH,
  MAX_SESSION_ITEMS,
  SessionYouSaidRequestSchema,
  UpdateItemRequestSchema,
} from './items.contract';
import { ListEntryChangeRequestSchema } from '../shared/kept-lists';

const PERSON = '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
const OTHER = '7d3f1c2e-9a4b-4c5d-8e6f-0a1b2c3d4e5f';

const item = (overrides: Record<string, unknown> = {}) => ({
  source: 'young_person',
  saidOn: '2026-11-20',
  channel: 'in_person',
  summary: 'Tell us who will be at the meeting before it starts.',
  ...overrides,
});

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('CreateItemRequestSchema', () => {
  it('should make an item anonymous, unnamed and without quotes unless told otherwise', () => {
    const parsed = CreateItemRequestSchema.parse(item());
    expect(parsed).toMatchObject({
      attributable: false,
      youngPersonIds: [],
      quotes: [],
      serviceId: null,
      themeId: null,
      groupId: null,
      sessionId: null,
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an evaluation as source', { source: 'evaluation' }, 'source'],
    ['an evaluation as channel', { channel: 'evaluation' }, 'channel'],
    ['an empty summary', { summary: '   ' }, 'summary'],
    ['an oversized summary', { summary: 'x'.repeat(MAX_ITEM_SUMMARY_LENGTH + 1) }, 'summary'],
    ['a date that is not real', { saidOn: '2026-02-30' }, 'saidOn'],
    ['the same young person twice', { youngPersonIds: [PERSON, PERSON] }, 'youngPersonIds'],
    ['a quote from someone it is not from', { quotes: [{ words: 'Yes', youngPersonId: OTHER }] }, 'quotes'],
    ['a group session with no group or session', { source: 'group_session' }, 'groupId'],
    ['a field it does not know', { words: 'x' }, ''],
  ])('should refuse %s', (_, overrides, path) => {
    expect(paths(CreateItemRequestSchema.safeParse(item(overrides)))).toContain(path);
  });
});

describe('UpdateItemRequestSchema', () => {
  it('should refuse a change with nothing in it', () => {
    expect(
      paths(UpdateItemRequestSchema.safeParse({ expectedUpdatedAt: '2026-11-20T10:00:00.000Z' })),
    ).toContain('summary');
  });

  it('should refuse a change without the updatedAt last read', () => {
    expect(paths(UpdateItemRequestSchema.safeParse({ summary: 'New words' }))).toContain('expectedUpdatedAt');
  });
});

describe('ItemListQuerySchema', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a period ending before it starts', { from: '2026-11-20', to: '2026-11-19' }, 'to'],
    ['more than a hundred a page', { limit: '101' }, 'limit'],
    ['an unknown stage', { stage: 'lost' }, 'stage'],
  ])('should refuse %s', (_, query, path) => {
    expect(paths(ItemListQuerySchema.safeParse(query))).toContain(path);
  });

  it('should read overdue and the limit from a query string', () => {
    expect(ItemListQuerySchema.parse({ overdue: 'true', limit: '10' })).toMatchObject({
      overdue: true,
      limit: 10,
    });
  });
});

describe('SessionYouSaidRequestSchema', () => {
  it('should refuse more than can be recorded at once', () => {
    const items = Array.from({ length: MAX_SESSION_ITEMS + 1 }, () => ({ summary: 'More time to talk' }));
    expect(paths(SessionYouSaidRequestSchema.safeParse({ items }))).toContain('items');
  });

  it('should refuse an empty list', () => {
    expect(paths(SessionYouSaidRequestSchema.safeParse({ items: [] }))).toContain('items');
  });
});

describe('lists and settings', () => {
  it('should refuse a change to a service or theme that changes nothing', () => {
    expect(paths(ListEntryChangeRequestSchema.safeParse({}))).toContain('name');
  });

  it.each([0, 21, 2.5])('should refuse %s working days to acknowledge', (days) => {
    expect(ActionLogSettingsRequestSchema.safeParse({ acknowledgeWithinWorkingDays: days }).success).toBe(
      false,
    );
  });
});
