import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { API } from './api-urls';
import { safeReturnUrl } from './return-url';
import { SessionService } from './session.service';

/**
 * Calls whose 401 is part of their normal work, answered by the page itself: the check at
 * start-up, a wrong password, signing out of an ended session, the public invitation link, and a
 * young expert's code that does not work (the /enrol page says so in its own words).
 */
const EXPECTS_401: readonly string[] = [
  API.session,
  API.signIn,
  API.signOut,
  API.acceptInvitation,
  API.enrolment,
];

function pathOf(url: string): string {
  return url.split(/[?#]/)[0];
}

/**
 * When the session has ended (401 from any other call), forget the user and go to sign in,
 * keeping the page they were on so they can come back to it.
 */
export const unauthorisedInterceptor: HttpInterceptorFn = (req, next) => {
  const session = inject(SessionService);
  const router = inject(Router);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        !EXPECTS_401.includes(pathOf(req.url))
      ) {
        session.clear();
        const current = router.url;
        if (!current.startsWith('/sign-in')) {
          const returnUrl = safeReturnUrl(current, '');
          void router.navigate(['/sign-in'], { queryParams: returnUrl ? { returnUrl } : {} });
        }
      }
      return throwError(() => error);
    }),
  );
};
