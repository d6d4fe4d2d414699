import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ALL_ROLES, Role, navigationFor } from '@heard/domain';
import { sessionFor, signInAs, signedOut } from '../../testing/session';
import { SessionService } from './session.service';
import { appRoutes } from '../app.routes';
import { mayVisit } from './auth.guards';

describe('mayVisit (the role guard decision)', () => {
  it.each([
    [Role.Administrator, 'admin/users', true],
    [Role.Administrator, 'admin/audit', true],
    [Role.Administrator, 'my-space', false],
    [Role.Administrator, 'young-people', false],
    [Role.YoungExpert, 'my-space', true],
    [Role.YoungExpert, 'admin/audit', false],
    [Role.YoungExpert, 'young-people', false],
    [Role.Practitioner, 'young-people', true],
    [Role.Practitioner, 'young-people/3f2b', true],
    [Role.Practitioner, 'young-people-export', false],
    [Role.Practitioner, 'groups', false],
    [Role.ParticipationOfficer, 'groups', true],
    [Role.ParticipationOfficer, 'admin/users', false],
    [Role.SeniorLeader, 'young-people', false],
    [Role.SeniorLeader, '/home', true],
    [Role.SeniorLeader, 'practice-tools/5f2b', true],
    [Role.Practitioner, 'practice-tools', false],
    [Role.Practitioner, 'account', true],
    [Role.Administrator, 'account', true],
    [Role.YoungExpert, 'account', false],
    // The most specific menu entry decides: the log is for its readers, its queue for officers.
    [Role.Practitioner, 'action-log/items/3f2b', true],
    [Role.Practitioner, 'action-log/queue', false],
    [Role.SeniorLeader, 'action-log/import', false],
    [Role.ParticipationOfficer, 'action-log/queue', true],
  ])('%s may visit "%s": %s', (role, path, expected) => {
    expect(mayVisit(role, path)).toBe(expected);
  });

  it.each(ALL_ROLES)('lets %s open every page its menu offers, and home', (role) => {
    for (const item of navigationFor(role)) {
      expect(mayVisit(role, item.path)).toBe(true);
    }
    expect(mayVisit(role, 'home')).toBe(true);
  });

  it.each(ALL_ROLES)('keeps %s out of every page the menu offers only to other roles', (role) => {
    const offered = new Set(navigationFor(role).map((item) => item.path));
    const others = ALL_ROLES.flatMap((other) => navigationFor(other).map((item) => item.path)).filter(
      (path) => !offered.has(path),
    );
    for (const path of others) {
      expect(mayVisit(role, path)).toBe(false);
    }
  });
});

describe('app routes with the guards', () => {
  let harness: RouterTestingHarness;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  it('sends signed-out people to sign in, remembering where they were going', async () => {
    await signedOut();
    await harness.navigateByUrl('/admin/users?page=2');
    expect(router.url).toBe('/sign-in?returnUrl=%2Fadmin%2Fusers%3Fpage%3D2');
  });

  it('sends a half-signed-in person to the second step, or to set one up, remembering where they were going', async () => {
    const loading = TestBed.inject(SessionService).load();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/session')
      .flush({ ...sessionFor(Role.ParticipationOfficer), pendingStep: 'second_factor' });
    await loading;
    await harness.navigateByUrl('/groups');
    expect(router.url).toBe('/sign-in/second-step?returnUrl=%2Fgroups');

    const again = TestBed.inject(SessionService).load();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/session')
      .flush({ ...sessionFor(Role.Administrator), pendingStep: 'enrol_second_factor' });
    await again;
    await harness.navigateByUrl('/admin/users');
    expect(router.url).toBe('/second-factor/set-up?returnUrl=%2Fadmin%2Fusers');
  });

  it('does not add a return address for home', async () => {
    await signedOut();
    await harness.navigateByUrl('/');
    expect(router.url).toBe('/sign-in');
  });

  it('sends a practitioner who opens an administrator page home', async () => {
    await signInAs(Role.Practitioner);
    await harness.navigateByUrl('/admin/users');
    expect(router.url).toBe('/home');
  });

  it('lets an administrator open the users page', async () => {
    await signInAs(Role.Administrator);
    await harness.navigateByUrl('/admin/users');
    expect(router.url).toBe('/admin/users');
    TestBed.inject(HttpTestingController).expectOne((req) => req.url === '/api/users');
  });

  it('sends an administrator away from the young experts’ space', async () => {
    await signInAs(Role.Administrator);
    await harness.navigateByUrl('/my-space');
    expect(router.url).toBe('/home');
  });

  it('lets a young expert into their space', async () => {
    await signInAs(Role.YoungExpert);
    await harness.navigateByUrl('/my-space');
    expect(router.url).toBe('/my-space');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toContain('My space');
  });

  it('sends signed-in people from the sign-in page to home', async () => {
    await signInAs(Role.SeniorLeader);
    await harness.navigateByUrl('/sign-in');
    expect(router.url).toBe('/home');
  });

  it('shows "Page not found" for an unknown address, signed in or not', async () => {
    await harness.navigateByUrl('/no-such-page');
    expect(router.url).toBe('/no-such-page');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toContain('Page not found');
  });

  it('shows the welcome page without signing in', async () => {
    await harness.navigateByUrl('/welcome/a-token-that-is-long-enough-123');
    expect(router.url).toBe('/welcome/a-token-that-is-long-enough-123');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toContain('Choose your password');
  });

  it('lets a participation officer open groups, and keeps a senior leader out', async () => {
    await signInAs(Role.ParticipationOfficer);
    await harness.navigateByUrl('/groups');
    expect(router.url).toBe('/groups');
    await signInAs(Role.SeniorLeader);
    await harness.navigateByUrl('/young-people');
    expect(router.url).toBe('/home');
  });
});
