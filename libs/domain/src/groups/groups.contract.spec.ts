import { GroupRequest, GroupRequestSchema } from './groups.contract';

const request = (overrides: Partial<GroupRequest> = {}): GroupRequest => ({
  name: 'Juniors',
  purpose: 'Having a say about the things that matter to 10 to 12 year olds.',
  minAge: 10,
  maxAge: 12,
  ...overrides,
});

describe('GroupRequestSchema: ages', () => {
  it.each<[number, number, string[]]>([
    [10, 12, []],
    [18, 25, []],
    [9, 12, ['minAge']],
    [8, 12, ['minAge']],
    [10, 26, ['maxAge']],
    [9, 9, ['minAge', 'maxAge']],
  ])('ages %i to %i → errors at %j', (minAge, maxAge, fields) => {
    const result = GroupRequestSchema.safeParse(request({ minAge, maxAge }));
    expect(result.success ? [] : result.error.issues.map((i) => i.path.join('.'))).toEqual(fields);
  });

  it('should say that Heard is for ages 10 to 25', () => {
    const result = GroupRequestSchema.safeParse(request({ minAge: 9 }));
    expect(result.error?.issues[0].message).toBe('Heard is for ages 10 to 25, so ages start at 10.');
  });
});
