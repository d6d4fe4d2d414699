import {
  DEFAULT_LOG_QUERY,
  isLogFiltered,
  parseLogQuery,
  toItemListRequest,
  toLogParams,
} from './action-log-query';

const THEME = '77777777-7777-4777-8777-777777777777';

describe('the action log query in the address', () => {
  it('reads every filter it knows', () => {
    expect(
      parseLogQuery({
        stage: 'to_answer',
        overdue: 'true',
        source: 'survey',
        themeId: THEME,
        from: '2026-01-01',
        to: '2026-03-31',
        q: '  social worker ',
        cursor: 'abc',
        limit: '50',
      }),
    ).toEqual({
      ...DEFAULT_LOG_QUERY,
      stage: 'to_answer',
      overdue: true,
      source: 'survey',
      themeId: THEME,
      from: '2026-01-01',
      to: '2026-03-31',
      q: 'social worker',
      cursor: 'abc',
      limit: 50,
    });
  });

  it.each([
    ['an unknown stage', { stage: 'lost' }],
    ['a service that is not an id', { serviceId: 'fostering' }],
    ['a date that is not real', { from: '2026-02-30' }],
    ['a page size not offered', { limit: '7' }],
    ['overdue as anything but true', { overdue: 'yes' }],
  ])('falls back to the default for %s', (_, params) => {
    expect(parseLogQuery(params)).toEqual(DEFAULT_LOG_QUERY);
  });

  it('leaves defaults out of the address and of the request', () => {
    expect(Object.values(toLogParams(DEFAULT_LOG_QUERY)).every((v) => v === null)).toBe(true);
    expect(toItemListRequest(DEFAULT_LOG_QUERY)).toEqual(
      expect.objectContaining({ stage: undefined, overdue: undefined, q: undefined, limit: 25 }),
    );
    expect(isLogFiltered(DEFAULT_LOG_QUERY)).toBe(false);
    expect(isLogFiltered({ ...DEFAULT_LOG_QUERY, overdue: true })).toBe(true);
    // Turning the page is not a filter: an empty later page is not "no matches".
    expect(isLogFiltered({ ...DEFAULT_LOG_QUERY, cursor: 'abc' })).toBe(false);
  });
});
