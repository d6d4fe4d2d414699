import { ALL_ROLES, Role, STAFF_ROLES, isRole } from './role';

describe('roles', () => {
  it.each([
    ['administrator', true],
    ['young_expert', true],
    ['admin', false],
    ['', false],
    [42, false],
    [null, false],
  ])('isRole(%p) should be %p', (value, expected) => {
    expect(isRole(value)).toBe(expected);
  });

  it('should treat every role but young expert as staff', () => {
    expect(STAFF_ROLES).toHaveLength(ALL_ROLES.length - 1);
    expect(STAFF_ROLES).not.toContain(Role.YoungExpert);
  });
});
