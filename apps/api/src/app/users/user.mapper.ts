import { UserResponse, secondFactorRequiredFor } from '@heard/domain';
import { User } from './entities/user.entity';

export function toUserResponse(user: User): UserResponse {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    status: user.status,
    createdAt: user.createdAt.toISOString(),
    lastSignedInAt: user.lastSignedInAt?.toISOString() ?? null,
    secondFactorEnrolled: user.totpEnrolledAt !== null,
    secondFactorRequired: secondFactorRequiredFor(user.role, user.secondFactorRequired),
  };
}
