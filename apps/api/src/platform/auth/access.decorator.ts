import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiCookieAuth } from '@nestjs/swagger';
import { ALL_ROLES, Role } from '@heard/domain';

export const ACCESS_KEY = 'heard:access';

export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

/**
 * Who may call a route. Every route carries exactly one of these; the access guard refuses a
 * route without one, and test/api/route-access.integration-spec.ts lists them all for review.
 */
export function Allow(...roles: Role[]) {
  return applyDecorators(
    SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule),
    ApiCookieAuth(),
  );
}

/** Any signed-in account, whatever its role. */
export function AllowSignedIn() {
  return Allow(...ALL_ROLES);
}

/** No sign-in needed: health, sign-in itself, invitation links. */
export function Public() {
  return SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);
}
