import { inject } from '@angular/core';
import { PRIMARY_OUTLET, Router, type CanActivateFn, type UrlTree } from '@angular/router';
import { navigationFor, type Role } from '@heard/domain';
import { SessionService } from './session.service';

/**
 * Whether a role may open a page. It uses the same list as the menu (`navigationFor`), so
 * a role can open exactly what it is offered, and pages under it (`young-people/…`).
 * The API enforces access on its own; this only keeps people from dead ends.
 */
export function mayVisit(role: Role, path: string): boolean {
  const clean = path.replace(/^\/+|\/+$/g, '');
  return navigationFor(role).some((item) => clean === item.path || clean.startsWith(`${item.path}/`));
}

/** The route path of a URL, without query, fragment, matrix parameters or secondary outlets. */
export function primaryPath(url: UrlTree): string {
  const group = url.root.children[PRIMARY_OUTLET];
  return group ? group.segments.map((segment) => segment.path).join('/') : '';
}

/** Each guard works as `canActivate` or `canActivateChild` (same signature). */
type Guard = CanActivateFn;

/** Signed-out people go to sign in, and come back to where they were going afterwards. */
export const authGuard: Guard = (_route, state) => {
  if (inject(SessionService).signedIn()) return true;
  const router = inject(Router);
  const returnUrl = primaryPath(router.parseUrl(state.url)) === 'home' ? undefined : state.url;
  return router.createUrlTree(['/sign-in'], { queryParams: returnUrl ? { returnUrl } : {} });
};

/** Pages a role is not offered in the menu send it home. */
export const roleGuard: Guard = (_route, state) => {
  const user = inject(SessionService).user();
  if (!user) return true; // authGuard decides about signed-out people.
  const router = inject(Router);
  return mayVisit(user.role, primaryPath(router.parseUrl(state.url)))
    ? true
    : router.createUrlTree(['/home']);
};

/** The sign-in page is for people who are not signed in. */
export const signedOutGuard: Guard = () =>
  inject(SessionService).signedIn() ? inject(Router).createUrlTree(['/home']) : true;
