import { ChangeDetectionStrategy, Component } from '@angular/core';
import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import { firstValueFrom } from 'rxjs';
import { signInAs } from '../../testing/session';
import { SessionService } from './session.service';
import { unauthorisedInterceptor } from './unauthorised.interceptor';

@Component({ changeDetection: ChangeDetectionStrategy.OnPush, template: '' })
class Blank {}

describe('unauthorisedInterceptor', () => {
  let http: HttpClient;
  let mock: HttpTestingController;
  let router: Router;
  let session: SessionService;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'sign-in', component: Blank },
          { path: 'admin/users', component: Blank },
        ]),
        provideHttpClient(withInterceptors([unauthorisedInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    mock = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    session = TestBed.inject(SessionService);
    await signInAs(Role.Administrator);
    await router.navigateByUrl('/admin/users');
  });

  async function answer401(url: string, method: 'GET' | 'POST' = 'GET'): Promise<void> {
    const call = firstValueFrom(method === 'GET' ? http.get(url) : http.post(url, {})).catch(() => undefined);
    mock.expectOne(url).flush({ detail: 'Sign in again.' }, { status: 401, statusText: 'Unauthorized' });
    await call;
    await new Promise((resolve) => setTimeout(resolve));
  }

  it('forgets the user and goes to sign in when the session has ended', async () => {
    await answer401('/api/users');
    expect(session.user()).toBeNull();
    expect(router.url).toBe('/sign-in?returnUrl=%2Fadmin%2Fusers');
  });

  it('leaves the start-up session check alone', async () => {
    await answer401('/api/auth/session');
    expect(router.url).toBe('/admin/users');
  });

  it('leaves a wrong password to the sign-in page', async () => {
    await answer401('/api/auth/sign-in', 'POST');
    expect(router.url).toBe('/admin/users');
    expect(session.signedIn()).toBe(true);
  });

  it('passes the error on to the caller', async () => {
    const call = firstValueFrom(http.get('/api/home')).then(
      () => 'ok',
      (error: { status: number }) => error.status,
    );
    mock.expectOne('/api/home').flush(null, { status: 401, statusText: 'Unauthorized' });
    expect(await call).toBe(401);
  });

  it('does nothing special for other errors', async () => {
    const call = firstValueFrom(http.get('/api/users')).catch(() => undefined);
    mock.expectOne('/api/users').flush({ detail: 'No.' }, { status: 403, statusText: 'Forbidden' });
    await call;
    expect(session.signedIn()).toBe(true);
    expect(router.url).toBe('/admin/users');
  });
});
