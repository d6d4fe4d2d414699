import { ALL_ROLES, Role } from '../roles/role';
import type { UserStatus } from '../users/users.contract';
import { mayBePickedAsStaff, mayHoldCalendarFeed, youngPersonReachOf } from './access';

describe('mayBePickedAsStaff', () => {
  const statuses: UserStatus[] = ['invited', 'active', 'deactivated'];
  const cases: [Role, UserStatus, boolean][] = [
    [Role.Practitioner, 'active', true],
    [Role.ParticipationOfficer, 'active', true],
    [Role.Practitioner, 'invited', false],
    [Role.Practitioner, 'deactivated', false],
    [Role.ParticipationOfficer, 'invited', false],
    [Role.ParticipationOfficer, 'deactivated', false],
    [Role.SeniorLeader, 'active', false],
    [Role.Administrator, 'active', false],
    [Role.YoungExpert, 'active', false],
  ];

  it.each(cases)('should answer %s who is %s with %p', (role, status, expected) => {
    expect(mayBePickedAsStaff({ role, status })).toBe(expected);
  });

  it('should cover every role and status', () => {
    for (const role of ALL_ROLES)
      for (const status of statuses) expect(typeof mayBePickedAsStaff({ role, status })).toBe('boolean');
    expect(new Set(cases.map(([role]) => role))).toEqual(new Set(ALL_ROLES));
  });
});

describe('youngPersonReachOf', () => {
  it.each([
    [Role.ParticipationOfficer, 'programme'],
    [Role.Practitioner, 'linked'],
    [Role.SeniorLeader, 'linked'],
    [Role.YoungExpert, 'none'],
    [Role.Administrator, 'none'],
  ])('should give %s the reach %s', (role, reach) => {
    expect(youngPersonReachOf(role)).toBe(reach);
  });
});

describe('mayHoldCalendarFeed', () => {
  it.each([
    [Role.ParticipationOfficer, true, true],
    [Role.Practitioner, true, false],
    [Role.SeniorLeader, false, false],
    [Role.Administrator, false, false],
    [Role.YoungExpert, false, false],
  ])('should let a %s hold their own feed: %s, a group feed: %s', (role, mine, group) => {
    expect(mayHoldCalendarFeed(role, 'mine')).toBe(mine);
    expect(mayHoldCalendarFeed(role, 'group')).toBe(group);
  });
});
