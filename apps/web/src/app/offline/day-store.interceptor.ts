import { HttpContextToken, HttpHeaders, type HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { Injector, inject } from '@angular/core';
import { catchError, from, of, switchMap, tap, throwError } from 'rxjs';
import { noAnswer } from './is-offline';

/** Set on the requests that get ready: they must reach the server, never be answered from the device. */
export const FROM_THE_SERVER = new HttpContextToken<boolean>(() => false);

/** Says on an answer that it came from the device, and when it was kept. */
export const KEPT_AT_HEADER = 'Heard-Kept-At';

/**
 * The day's pages ask the server as always; when the network does not answer at all (no signal:
 * status 0), a GET the officer kept for the day (day-store.ts) is answered from the device instead.
 * Any answer the server gave (a 401 above all) stands. With signal, a
 * kept answer is refreshed from the server's, so the device holds the latest the officer saw.
 * The store is loaded on first use, so the shell's first bundle does not carry it.
 */
export const dayStoreInterceptor: HttpInterceptorFn = (req, next) => {
  if (req.method !== 'GET' || !req.url.startsWith('/api/') || req.context.get(FROM_THE_SERVER))
    return next(req);
  const injector = inject(Injector);
  const store = () => import('./day-store').then(({ DayStore }) => injector.get(DayStore));
  const url = req.urlWithParams;
  return next(req).pipe(
    tap((event) => {
      if (event instanceof HttpResponse) void store().then((s) => s.refresh(url, event.body));
    }),
    catchError((error: unknown) =>
      noAnswer(error)
        ? from(store().then((s) => s.answerFor(url))).pipe(
            switchMap((kept) =>
              kept
                ? of(
                    new HttpResponse({
                      status: 200,
                      url,
                      body: kept.body,
                      headers: new HttpHeaders({ [KEPT_AT_HEADER]: kept.keptAt }),
                    }),
                  )
                : throwError(() => error),
            ),
          )
        : throwError(() => error),
    ),
  );
};

/**
 * API requests go past the service worker (`ngsw-bypass`): it keeps no API answers, and in front of
 * a failed network it answers 504 itself, which would hide the "no answer" (status 0) the day
 * store and the outbox look for.
 */
export const bypassServiceWorkerForApi: HttpInterceptorFn = (req, next) =>
  req.url.startsWith('/api/') ? next(req.clone({ setHeaders: { 'ngsw-bypass': 'true' } })) : next(req);
