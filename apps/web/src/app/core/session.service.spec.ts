import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Role, navigationFor } from '@heard/domain';
import { firstValueFrom } from 'rxjs';
import { sessionFor } from '../../testing/session';
import { SessionService } from './session.service';

describe('SessionService', () => {
  let service: SessionService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(SessionService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('knows the user after the session check answers 200', async () => {
    const loading = service.load();
    http.expectOne({ method: 'GET', url: '/api/auth/session' }).flush(sessionFor(Role.SeniorLeader));
    await loading;
    expect(service.user()?.role).toBe(Role.SeniorLeader);
    expect(service.signedIn()).toBe(true);
    expect(service.navigation()).toEqual(navigationFor(Role.SeniorLeader));
  });

  it('is signed out, without failing start-up, when the session check answers 401', async () => {
    const loading = service.load();
    http
      .expectOne('/api/auth/session')
      .flush({ detail: 'Sign in.' }, { status: 401, statusText: 'Unauthorized' });
    await expect(loading).resolves.toBeUndefined();
    expect(service.user()).toBeNull();
    expect(service.navigation()).toEqual([]);
  });

  it('is signed out when the API cannot be reached', async () => {
    const loading = service.load();
    http.expectOne('/api/auth/session').error(new ProgressEvent('error'));
    await loading;
    expect(service.signedIn()).toBe(false);
  });

  it('signs in with the given email and password and keeps the session', async () => {
    const result = firstValueFrom(
      service.signIn({ email: 'a@example.org', password: 'kettle river violet' }),
    );
    const req = http.expectOne({ method: 'POST', url: '/api/auth/sign-in' });
    expect(req.request.body).toEqual({ email: 'a@example.org', password: 'kettle river violet' });
    req.flush(sessionFor(Role.Administrator));
    await result;
    expect(service.user()?.role).toBe(Role.Administrator);
  });

  it('forgets the user when signing out, even if the server answers with an error', async () => {
    const loading = service.load();
    http.expectOne('/api/auth/session').flush(sessionFor(Role.Practitioner));
    await loading;

    const done = firstValueFrom(service.signOut()).catch(() => 'failed');
    http
      .expectOne({ method: 'POST', url: '/api/auth/sign-out' })
      .flush(null, { status: 500, statusText: 'Oops' });
    expect(await done).toBe('failed');
    expect(service.user()).toBeNull();
  });
});
