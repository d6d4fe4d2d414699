import { APP_BASE_HREF, registerLocaleData } from '@angular/common';
import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import localeEnGb from '@angular/common/locales/en-GB';
import {
  type ApplicationConfig,
  Injector,
  LOCALE_ID,
  inject,
  isDevMode,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import {
  TitleStrategy,
  provideRouter,
  withComponentInputBinding,
  withInMemoryScrolling,
  withRouterConfig,
} from '@angular/router';
import { provideServiceWorker } from '@angular/service-worker';
import { appRoutes } from './app.routes';
import { HeardTitleStrategy } from './core/title.strategy';
import { unauthorisedInterceptor } from './core/unauthorised.interceptor';
import { bypassServiceWorkerForApi, dayStoreInterceptor } from './offline/day-store.interceptor';

registerLocaleData(localeEnGb);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(
      appRoutes,
      // Route params, query params and route data arrive as component inputs.
      withComponentInputBinding(),
      withRouterConfig({ paramsInheritanceStrategy: 'always' }),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
    ),
    provideHttpClient(
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
      withInterceptors([bypassServiceWorkerForApi, unauthorisedInterceptor, dayStoreInterceptor]),
    ),
    // The app shell is kept by the service worker so Heard opens with no signal on the day (ADR 0032).
    // Registered once the first page has settled, so it never slows the page the officer asked for.
    provideServiceWorker('/ngsw-worker.js', {
      enabled: !isDevMode(),
      registrationStrategy: 'registerWhenStable:10000',
    }),
    // The day kept on the device watches who is signed in from the start, so the first answer that
    // says nobody is (a session ended or revoked) wipes it, and a day that is over goes at once.
    // Loaded without waiting, and in its own chunk, so the first page is not held up.
    provideAppInitializer(() => {
      const injector = inject(Injector);
      void import('./offline/day-store').then(({ DayStore }) => injector.get(DayStore));
    }),
    { provide: TitleStrategy, useClass: HeardTitleStrategy },
    // No <base href> in index.html: the API's CSP (base-uri 'none') would ignore it anyway.
    { provide: APP_BASE_HREF, useValue: '/' },
    { provide: LOCALE_ID, useValue: 'en-GB' },
  ],
};
