import { inject } from '@angular/core';
import { PRIMARY_OUTLET, Router, type CanActivateFn, type UrlTree } from '@angular/router';
import { ALL_ROLES, navigationFor, type PendingSignInStep, type Role } from '@heard/domain';
import { SessionService } from './session.service';

/**
 * Whether a role may open a page. It uses the same list as the menu (`navigationFor`), so
 * a role can open exactly what it is offered, and pages under it (`young-people/…`).
 * The API enforces access on its own; this only keeps people from dead ends.
 */
export function mayVisit(role: Role, path: string): boolean {
  const clean = path.replace(/^\/+|\/+$/g, '');
  const under = (menuPath: string) => clean === menuPath || clean.startsWith(`${menuPath}/`);
  // The most specific menu entry decides: "action-log/queue" is an officer's page even though
  // "action-log" is offered to practitioners too.
  const closest = ALL_ROLES.flatMap((r) => navigationFor(r).map((item) => item.path))
    .filter(under)
    .sort((a, b) => b.length - a.length)[0];
  return closest !== undefined && navigationFor(role).some((item) => item.path === closest);
}

/** The route path of a URL, without query, fragment, matrix parameters or secondary outlets. */
export function primaryPath(url: UrlTree): string {
  const group = url.root.children[PRIMARY_OUTLET];
  return group ? group.segments.map((segment) => segment.path).join('/') : '';
}

/** Where a half-signed-in session finishes signing in. */
export function signInStepPath(step: Exclude<PendingSignInStep, null>): string {
  switch (step) {
    case 'second_factor':
      return '/sign-in/second-step';
    case 'enrol_second_factor':
      return '/second-factor/set-up';
    // A young expert's code was right: they still choose a passkey or "just this time".
    case 'enrolment':
      return '/enrol';
  }
}

/** Each guard works as `canActivate` or `canActivateChild` (same signature). */
type Guard = CanActivateFn;

/**
 * Signed-out people go to sign in, and come back to where they were going afterwards. Only staff
 * pages sit behind it, so only they ask the server who is signed in.
 */
export const authGuard: Guard = async (_route, state) => {
  const session = inject(SessionService);
  const router = inject(Router);
  await session.ensureLoaded();
  if (session.signedIn()) return true;
  const returnUrl = primaryPath(router.parseUrl(state.url)) === 'home' ? undefined : state.url;
  const queryParams = returnUrl ? { returnUrl } : {};
  // Half signed in: the password was right, the second step (or setting one up) is still to do.
  const pending = session.pendingStep();
  if (pending) return router.createUrlTree([signInStepPath(pending)], { queryParams });
  return router.createUrlTree(['/sign-in'], { queryParams });
};

/** Pages a role is not offered in the menu send it home. */
export const roleGuard: Guard = async (_route, state) => {
  const session = inject(SessionService);
  const router = inject(Router);
  // Guards run side by side: wait for the same answer authGuard waits for, or this would pass unchecked.
  await session.ensureLoaded();
  const user = session.user();
  if (!user) return true; // authGuard decides about signed-out people.
  return mayVisit(user.role, primaryPath(router.parseUrl(state.url)))
    ? true
    : router.createUrlTree(['/home']);
};

/**
 * The sign-in page is for people who are not signed in. It does not ask the server (that would
 * log a 401 for every signed-out visitor): it only knows someone is signed in once a staff page has asked.
 */
export const signedOutGuard: Guard = () =>
  inject(SessionService).signedIn() ? inject(Router).createUrlTree(['/home']) : true;
