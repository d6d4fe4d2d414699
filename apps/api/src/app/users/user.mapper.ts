import { UserResponse, secondFactorStatus } from '@heard/domain';
import { User } from './entities/user.entity';

/** `passkeys`: how many the person has, counted by the caller (one query for a whole page). */
export function toUserResponse(user: User, passkeys: number): UserResponse {
  const factor = secondFactorStatus({
    role: user.role,
    requiredForPerson: user.secondFactorRequired,
    totpEnrolled: user.totpEnrolledAt !== null,
    passkeys,
  });
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    status: user.status,
    createdAt: user.createdAt.toISOString(),
    lastSignedInAt: user.lastSignedInAt?.toISOString() ?? null,
    secondFactorEnrolled: factor.enrolled,
    secondFactorRequired: factor.required,
    safeguardingContact: user.safeguardingContact,
  };
}
