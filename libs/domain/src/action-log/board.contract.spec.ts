import { monthInWords } from '../shared/dates';
import { BoardQuerySchema, PublicationRequestSchema } from './board.contract';

describe('monthInWords', () => {
  it.each([
    ['2026-03', 'March 2026'],
    ['2025-12', 'December 2025'],
    ['2026-01', 'January 2026'],
    ['2026-13', '2026-13'],
    ['March', 'March'],
  ])('should say %s as %s', (month, words) => {
    expect(monthInWords(month)).toBe(words);
  });
});

describe('PublicationRequestSchema', () => {
  const id = '3f2c6a1e-8d4b-4c1a-9e2f-1a2b3c4d5e6f';
  it('should default to no quotes', () => {
    expect(PublicationRequestSchema.parse({})).toEqual({ quoteIds: [] });
  });
  it.each([
    [{ quoteIds: [id, id] }],
    [{ quoteIds: ['x'] }],
    [{ quoteIds: Array.from({ length: 6 }, (_, i) => id.replace(/f$/, String(i))) }],
    [{ quoteIds: [], extra: true }],
  ])('should refuse %j', (body) => {
    expect(PublicationRequestSchema.safeParse(body).success).toBe(false);
  });
});

describe('BoardQuerySchema', () => {
  it('should take no theme or a theme id, and nothing else', () => {
    expect(BoardQuerySchema.parse({})).toEqual({});
    expect(BoardQuerySchema.safeParse({ themeId: 'all' }).success).toBe(false);
    expect(BoardQuerySchema.safeParse({ page: '2' }).success).toBe(false);
  });
});
