import { SERVICE_EXPERIENCE_LABELS } from '@heard/domain';
import type { MembershipRole, ServiceExperienceKind } from '@heard/domain';

export const MEMBERSHIP_ROLE_LABELS: Readonly<Record<MembershipRole, string>> = {
  member: 'Member',
  chair: 'Chair',
  vice_chair: 'Vice chair',
};

export const MEMBERSHIP_ROLES: readonly MembershipRole[] = ['member', 'chair', 'vice_chair'];

/** Who a group or activity day is for: "Looked after, Care leaver", or everyone when none are named. */
export function experiencesText(kinds: readonly ServiceExperienceKind[]): string {
  return kinds.length === 0
    ? 'Open to every service experience'
    : kinds.map((kind) => SERVICE_EXPERIENCE_LABELS[kind] ?? kind).join(', ');
}
