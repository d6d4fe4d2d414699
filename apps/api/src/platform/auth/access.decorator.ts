import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiCookieAuth } from '@nestjs/swagger';
import { ALL_ROLES, PendingSignInStep, Role } from '@heard/domain';

export const ACCESS_KEY = 'heard:access';
export const DURING_SIGN_IN_KEY = 'heard:during-sign-in';

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

/**
 * Also open to a session that is half signed in, at the given steps: the second step itself,
 * enrolling a factor the account needs, reading the session and signing out. Every other route
 * refuses such a session (AccessGuard), so a new route is closed to it unless it says otherwise.
 */
export function DuringSignIn(...steps: Exclude<PendingSignInStep, null>[]) {
  return SetMetadata(DURING_SIGN_IN_KEY, steps);
}
