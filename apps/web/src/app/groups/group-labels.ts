import type { MembershipRole } from '@heard/domain';

export const MEMBERSHIP_ROLE_LABELS: Readonly<Record<MembershipRole, string>> = {
  member: 'Member',
  chair: 'Chair',
  vice_chair: 'Vice chair',
};

export const MEMBERSHIP_ROLES: readonly MembershipRole[] = ['member', 'chair', 'vice_chair'];
