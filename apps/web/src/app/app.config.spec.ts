import { HttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { Role } from '@heard/domain';
import { firstValueFrom } from 'rxjs';
import { sessionFor } from '../testing/session';
import { appConfig } from './app.config';
import { SessionService } from './core/session.service';
import { requestMade } from '../testing/eventually';

describe('appConfig', () => {
  let http: HttpTestingController;
  let router: Router;

  /** The session check a guard makes, once the lazy routes it guards have loaded. */
  function sessionCheck(): Promise<TestRequest> {
    return requestMade(http, { method: 'GET', url: '/api/auth/session' });
  }

  /** Opens a staff page as the administrator, answering the one session check it makes. */
  async function openAsAdministrator(url: string): Promise<void> {
    const navigated = router.navigateByUrl(url);
    (await sessionCheck()).flush(sessionFor(Role.Administrator));
    await navigated;
  }

  beforeEach(() => {
    document.cookie = 'XSRF-TOKEN=token-from-cookie; path=/';
    TestBed.configureTestingModule({ providers: [...appConfig.providers, provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });

  afterEach(() => {
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('does not ask who is signed in on public pages, so a signed-out visitor sees no 401', async () => {
    await router.navigateByUrl('/sign-in');
    expect(router.url).toBe('/sign-in');
    await router.navigateByUrl('/welcome/a-token-that-is-long-enough-123');
    http.expectNone('/api/auth/session');
    expect(TestBed.inject(SessionService).user()).toBeNull();
  });

  it('asks once, on the first staff page, and knows the user from then on', async () => {
    await openAsAdministrator('/admin/users');
    expect(router.url).toBe('/admin/users');
    expect(TestBed.inject(SessionService).user()?.role).toBe(Role.Administrator);
    await router.navigateByUrl('/home');
    await router.navigateByUrl('/sign-in');
    http.expectNone('/api/auth/session');
    // Signed in, so /sign-in sends the administrator home.
    expect(router.url).toBe('/home');
  });

  it('sends a signed-out visitor of a staff page to sign in', async () => {
    const navigated = router.navigateByUrl('/activities');
    (await sessionCheck()).flush(
      { status: 401, title: 'Sign in first' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await navigated;
    expect(router.url).toBe('/sign-in?returnUrl=%2Factivities');
  });

  it('echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN on writes', async () => {
    const done = firstValueFrom(TestBed.inject(HttpClient).post('/api/users/u-1/deactivate', null));
    const req = http.expectOne('/api/users/u-1/deactivate');
    expect(req.request.headers.get('X-XSRF-TOKEN')).toBe('token-from-cookie');
    req.flush({});
    await done;
  });

  it('does not send it on reads', async () => {
    const done = firstValueFrom(TestBed.inject(HttpClient).get('/api/home'));
    const req = http.expectOne('/api/home');
    expect(req.request.headers.has('X-XSRF-TOKEN')).toBe(false);
    req.flush({});
    await done;
  });

  it('titles pages "<page> – Heard"', async () => {
    await openAsAdministrator('/home');
    expect(router.url).toBe('/home');
    expect(TestBed.inject(Title).getTitle()).toBe('Home – Heard');
  });
});
