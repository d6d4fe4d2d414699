import { Role } from '../roles/role';
import { navigationFor } from './navigation';

describe('navigationFor', () => {
  it.each<[Role, string[]]>([
    [
      Role.Administrator,
      [
        'home',
        'reach',
        'admin/action-log',
        'admin/categories',
        'admin/users',
        'admin/audit',
        'admin/retention',
        'worries',
        'account',
      ],
    ],
    [
      Role.ParticipationOfficer,
      [
        'home',
        'young-people',
        'groups',
        'activities',
        'one-to-ones',
        'invitations/by-hand',
        'practice-tools',
        'deletion-requests',
        'funnel',
        'action-log',
        'action-log/queue',
        'action-log/import',
        'pledges',
        'plans',
        'reports',
        'reach',
        'to-pass-on',
        'worries',
        'account',
      ],
    ],
    [
      Role.Practitioner,
      ['home', 'young-people', 'action-log', 'handover', 'to-pass-on', 'worries', 'account'],
    ],
    [
      Role.SeniorLeader,
      ['home', 'practice-tools', 'action-log', 'pledges', 'plans', 'reports', 'reach', 'worries', 'account'],
    ],
    [Role.YoungExpert, ['home', 'my-space']],
  ])('%s sees %p', (role, paths) => {
    expect(navigationFor(role).map((i) => i.path)).toEqual(paths);
  });

  it('never shows a young expert anything about other young people or staff tools', () => {
    const paths = navigationFor(Role.YoungExpert).map((i) => i.path);
    expect(paths).not.toContain('young-people');
    expect(paths.some((p) => p.startsWith('admin'))).toBe(false);
  });
});
