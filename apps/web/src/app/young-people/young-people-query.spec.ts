import { ServiceExperienceKind } from '@heard/domain';
import { DEFAULT_QUERY, isFiltered, parseListQuery, toHttpParams, toQueryParams } from './young-people-query';

const GROUP = '0b7c3e5a-1f2d-4c8e-9a6b-3d2e1f0a9b8c';

describe('parseListQuery', () => {
  it('gives the default list for an empty address', () => {
    expect(parseListQuery({})).toEqual(DEFAULT_QUERY);
  });

  it('reads every known parameter', () => {
    expect(
      parseListQuery({
        q: '  Sam ',
        groupId: GROUP,
        serviceExperience: 'care_leaver',
        ageBand: '16-17',
        categoryId: GROUP,
        sort: 'age',
        order: 'desc',
        page: '3',
        pageSize: '50',
      }),
    ).toEqual({
      q: 'Sam',
      groupId: GROUP,
      serviceExperience: ServiceExperienceKind.CareLeaver,
      ageBand: '16-17',
      categoryId: GROUP,
      sort: 'age',
      order: 'desc',
      page: 3,
      pageSize: 50,
    });
  });

  it.each([
    ['groupId', 'not-a-uuid', 'groupId', null],
    ['serviceExperience', 'pirate', 'serviceExperience', null],
    ['ageBand', '5-9', 'ageBand', null],
    ['categoryId', 'kinship', 'categoryId', null],
    ['sort', 'created', 'sort', 'name'],
    ['order', 'sideways', 'order', 'asc'],
    ['page', '0', 'page', 1],
    ['page', '-2', 'page', 1],
    ['page', 'two', 'page', 1],
    ['pageSize', '7', 'pageSize', 25],
    ['pageSize', '1000', 'pageSize', 25],
  ])('ignores %s=%s', (param, value, field, expected) => {
    expect(parseListQuery({ [param]: value })[field as keyof typeof DEFAULT_QUERY]).toBe(expected);
  });

  it('keeps searches within the API’s 60-character limit', () => {
    expect(parseListQuery({ q: 'a'.repeat(80) }).q).toHaveLength(60);
  });

  it('uses the first value when a parameter is repeated', () => {
    expect(parseListQuery({ sort: ['age', 'name'] }).sort).toBe('age');
  });
});

describe('toQueryParams', () => {
  it('leaves defaults out of the address', () => {
    expect(toQueryParams(DEFAULT_QUERY)).toEqual({
      q: null,
      groupId: null,
      serviceExperience: null,
      ageBand: null,
      categoryId: null,
      sort: null,
      order: null,
      page: null,
      pageSize: null,
    });
  });

  it('round-trips through parseListQuery', () => {
    const query = {
      ...DEFAULT_QUERY,
      q: 'Ali',
      ageBand: '13-15' as const,
      categoryId: GROUP,
      sort: 'age' as const,
      order: 'desc' as const,
      page: 2,
      pageSize: 10,
    };
    const params = Object.fromEntries(
      Object.entries(toQueryParams(query))
        .filter(([, value]) => value !== null)
        .map(([k, v]) => [k, String(v)]),
    );
    expect(parseListQuery(params)).toEqual(query);
  });
});

describe('toHttpParams', () => {
  it('always sends sort, order and paging, and only the filters in use', () => {
    const params = toHttpParams({
      ...DEFAULT_QUERY,
      q: ' Jo ',
      serviceExperience: ServiceExperienceKind.LookedAfter,
      categoryId: GROUP,
    });
    expect(params.keys().sort()).toEqual([
      'categoryId',
      'order',
      'page',
      'pageSize',
      'q',
      'serviceExperience',
      'sort',
    ]);
    expect(params.get('categoryId')).toBe(GROUP);
    expect(params.get('q')).toBe('Jo');
    expect(params.get('serviceExperience')).toBe('looked_after');
    expect(params.get('page')).toBe('1');
  });
});

describe('isFiltered', () => {
  it('is false for the plain list, whatever the sort or page', () => {
    expect(isFiltered({ ...DEFAULT_QUERY, sort: 'age', page: 4 })).toBe(false);
  });

  it.each([{ q: 'x' }, { groupId: GROUP }, { ageBand: '10-12' as const }, { categoryId: GROUP }])(
    'is true with %o',
    (change) => {
      expect(isFiltered({ ...DEFAULT_QUERY, ...change })).toBe(true);
    },
  );
});
