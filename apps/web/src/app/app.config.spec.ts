import { HttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { Role } from '@heard/domain';
import { firstValueFrom } from 'rxjs';
import { sessionFor } from '../testing/session';
import { appConfig } from './app.config';
import { SessionService } from './core/session.service';

describe('appConfig', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    document.cookie = 'XSRF-TOKEN=token-from-cookie; path=/';
    TestBed.configureTestingModule({ providers: [...appConfig.providers, provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    // provideAppInitializer asks who is signed in before anything else.
    http.expectOne({ method: 'GET', url: '/api/auth/session' }).flush(sessionFor(Role.Administrator));
    await TestBed.inject(Router).navigateByUrl('/sign-in');
  });

  afterEach(() => {
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('knows the user from the start-up session check', () => {
    expect(TestBed.inject(SessionService).user()?.role).toBe(Role.Administrator);
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
    // Signed in, so /sign-in sends the administrator home.
    expect(TestBed.inject(Router).url).toBe('/home');
    expect(TestBed.inject(Title).getTitle()).toBe('Home – Heard');
  });
});
