import { monthInWords } from '../shared/dates';
import {
  BOARD_PAGE_SIZE,
  BoardQuerySchema,
  MAX_BOARD_PAGE_SIZE,
  PublicationRequestSchema,
} from './board.contract';

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
  const id = '3f2c6a1e-8d4b-4c1a-9e2f-1a2b3c4d5e6f';
  it('should default to the first page of the whole board', () => {
    expect(BoardQuerySchema.parse({})).toEqual({ page: 1, pageSize: BOARD_PAGE_SIZE });
  });
  it.each([
    [{ themeId: id }, { themeId: id, page: 1, pageSize: BOARD_PAGE_SIZE }],
    [{ page: '2' }, { page: 2, pageSize: BOARD_PAGE_SIZE }],
    [
      { page: '100000', pageSize: '1' },
      { page: 100_000, pageSize: 1 },
    ],
    [{ pageSize: String(MAX_BOARD_PAGE_SIZE) }, { page: 1, pageSize: MAX_BOARD_PAGE_SIZE }],
  ])('should read %j from the address', (query, parsed) => {
    expect(BoardQuerySchema.parse(query)).toEqual(parsed);
  });
  it.each([
    [{ themeId: 'all' }],
    [{ page: '0' }],
    [{ page: '-1' }],
    [{ page: '1.5' }],
    [{ page: 'two' }],
    [{ page: '100001' }],
    [{ page: '9'.repeat(400) }],
    [{ pageSize: '0' }],
    [{ pageSize: String(MAX_BOARD_PAGE_SIZE + 1) }],
    [{ pageSize: 'all' }],
    [{ sort: 'new' }],
  ])('should refuse %j', (query) => {
    expect(BoardQuerySchema.safeParse(query).success).toBe(false);
  });
});
