import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { sessionFor, signInAs } from '../../testing/session';
import { SessionService } from '../core/session.service';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import AccountPage from './account-page';

const PROBLEM_HEADERS = { 'Content-Type': 'application/problem+json' };

const PLACES = [
  {
    ref: 'here-aaaaaaaaaaaaaaaaaa',
    startedAt: '2026-12-03T09:00:00Z',
    lastSeenAt: '2026-12-03T09:30:00Z',
    signedInWith: ['password', 'otp'],
    current: true,
  },
  {
    ref: 'else-bbbbbbbbbbbbbbbbbb',
    startedAt: '2026-12-02T08:00:00Z',
    lastSeenAt: '2026-12-02T08:15:00Z',
    signedInWith: ['passkey'],
    current: false,
  },
];

describe('AccountPage', () => {
  let fixture: ComponentFixture<AccountPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [AccountPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.Practitioner, { email: 'sam@example.org' });
    fixture = TestBed.createComponent(AccountPage);
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne({ method: 'GET', url: '/api/account/sessions' }).flush(PLACES);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function section(name: 'password' | 'email' | 'sessions'): HTMLElement {
    const found = el.querySelector<HTMLElement>(`section.${name}`);
    if (!found) throw new Error(`No ${name} section`);
    return found;
  }

  function field(within: HTMLElement, label: string): HTMLInputElement {
    const labelled = Array.from(within.querySelectorAll('mat-form-field')).find(
      (f) => f.querySelector('mat-label')?.textContent?.trim() === label,
    );
    const input = labelled?.querySelector('input');
    if (!input) throw new Error(`No field "${label}"`);
    return input;
  }

  async function type(input: HTMLInputElement, value: string): Promise<void> {
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function submit(within: HTMLElement): Promise<void> {
    within.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  }

  it('labels every field and says which email the person signs in with', () => {
    const password = section('password');
    const email = section('email');
    expect(field(password, 'Current password').type).toBe('password');
    expect(field(password, 'Current password').autocomplete).toBe('current-password');
    expect(field(password, 'New password').autocomplete).toBe('new-password');
    expect(field(email, 'New email address').type).toBe('email');
    expect(field(email, 'Current password').type).toBe('password');
    expect(email.textContent).toContain('You sign in with sam@example.org.');
  });

  it('has no axe violations', async () => {
    expect(await axeViolations(el)).toEqual([]);
  });

  it('asks for both passwords before sending anything', async () => {
    await submit(section('password'));
    expect(section('password').textContent).toContain('Enter your current password.');
    expect(section('password').textContent).toContain('Choose a new password.');
    await type(field(section('password'), 'New password'), 'too short');
    expect(section('password').textContent).toContain('Use at least 12 characters.');
    http.expectNone('/api/account/password');
  });

  it('changes the password, clears the form and says how many other places were signed out', async () => {
    const password = section('password');
    await type(field(password, 'Current password'), 'the old password 1');
    await type(field(password, 'New password'), 'quiet harbour lanterns 7');
    await submit(password);
    const req = http.expectOne({ method: 'POST', url: '/api/account/password' });
    expect(req.request.body).toEqual({
      currentPassword: 'the old password 1',
      newPassword: 'quiet harbour lanterns 7',
    });
    req.flush({ otherSessionsEnded: 2 });
    await fixture.whenStable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'Your password is changed. You have been signed out everywhere else (2 places).',
    );
    expect(field(password, 'Current password').value).toBe('');
    expect(field(password, 'New password').value).toBe('');
  });

  it('shows the server’s reasons under the fields when the password change is refused', async () => {
    const password = section('password');
    await type(field(password, 'Current password'), 'not my password');
    await type(field(password, 'New password'), 'quiet harbour lanterns 7');
    await submit(password);
    http.expectOne('/api/account/password').flush(
      {
        type: 'about:blank',
        title: 'Check what you entered',
        status: 400,
        detail: 'That password is not right.',
        errors: { currentPassword: ['That password is not right.'] },
      },
      { status: 400, statusText: 'Bad Request', headers: PROBLEM_HEADERS },
    );
    await fixture.whenStable();
    const current = field(password, 'Current password');
    expect(current.value).toBe('');
    expect(current.closest('mat-form-field')?.textContent).toContain('That password is not right.');
    expect(field(password, 'New password').value).toBe('quiet harbour lanterns 7');
    expect(password.querySelector('heard-problem-alert')?.textContent).toContain('Current password');
    expect(await axeViolations(el)).toEqual([]);

    await type(current, 'the old password 1');
    await submit(password);
    http.expectOne('/api/account/password').flush(
      {
        type: 'about:blank',
        title: 'Bad request',
        status: 400,
        detail: 'This password is on a list of common or leaked passwords.',
        errors: { newPassword: ['This password is on a list of common or leaked passwords.'] },
      },
      { status: 400, statusText: 'Bad Request', headers: PROBLEM_HEADERS },
    );
    await fixture.whenStable();
    expect(field(password, 'New password').closest('mat-form-field')?.textContent).toContain(
      'common or leaked',
    );
  });

  it('says when to try again after too many wrong passwords', async () => {
    const password = section('password');
    await type(field(password, 'Current password'), 'not my password');
    await type(field(password, 'New password'), 'quiet harbour lanterns 7');
    await submit(password);
    http.expectOne('/api/account/password').flush(
      {
        type: 'about:blank',
        title: 'Too many requests',
        status: 429,
        detail: 'Too many wrong passwords. Wait 10 seconds, then try again.',
      },
      { status: 429, statusText: 'Too Many Requests', headers: { ...PROBLEM_HEADERS, 'Retry-After': '10' } },
    );
    await fixture.whenStable();
    expect(password.querySelector('heard-problem-alert')?.textContent).toContain('Wait 10 seconds');
  });

  it('changes the email, updates who is signed in and says the old address was told', async () => {
    const email = section('email');
    await type(field(email, 'New email address'), '  sam.new@example.org ');
    await type(field(email, 'Current password'), 'the old password 1');
    await submit(email);
    const req = http.expectOne({ method: 'POST', url: '/api/account/email' });
    expect(req.request.body).toEqual({
      newEmail: 'sam.new@example.org',
      currentPassword: 'the old password 1',
    });
    req.flush(sessionFor(Role.Practitioner, { email: 'sam.new@example.org' }));
    await fixture.whenStable();
    expect(TestBed.inject(SessionService).user()?.email).toBe('sam.new@example.org');
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'Your email address is now sam.new@example.org. We have told your old address about the change.',
    );
    expect(email.textContent).toContain('You sign in with sam.new@example.org.');
    expect(field(email, 'New email address').value).toBe('');
  });

  it('shows an address already in use under the email field', async () => {
    const email = section('email');
    await type(field(email, 'New email address'), 'taken@example.org');
    await type(field(email, 'Current password'), 'the old password 1');
    await submit(email);
    http.expectOne('/api/account/email').flush(
      {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        detail: 'Someone else already signs in with this email address. Choose another.',
        errors: { newEmail: ['Someone else already signs in with this email address. Choose another.'] },
      },
      { status: 409, statusText: 'Conflict', headers: PROBLEM_HEADERS },
    );
    await fixture.whenStable();
    expect(field(email, 'New email address').closest('mat-form-field')?.textContent).toContain(
      'Someone else already signs in with this email address.',
    );
    expect(TestBed.inject(SessionService).user()?.email).toBe('sam@example.org');
  });

  it('checks the email address before sending it', async () => {
    const email = section('email');
    await type(field(email, 'New email address'), 'not an address');
    await type(field(email, 'Current password'), 'the old password 1');
    await submit(email);
    expect(email.textContent).toContain('Enter an email address like name@example.org.');
    http.expectNone('/api/account/email');
  });

  it('lists where I am signed in, this browser first, in words', () => {
    const items = Array.from(section('sessions').querySelectorAll('li')).map((li) => li.textContent ?? '');
    expect(items[0]).toContain('Here, in this browser');
    expect(items[0]).toContain('with password and authenticator app');
    expect(items[0]).not.toContain('Sign out there');
    expect(items[1]).toContain('Somewhere else');
    expect(items[1]).toContain('with passkey');
    expect(items[1]).toContain('Sign out there');
  });

  it('asks for the password before signing out somewhere else, then signs out there and reloads the list', async () => {
    const sessions = section('sessions');
    sessions.querySelector<HTMLButtonElement>('li:nth-child(2) button')?.click();
    await fixture.whenStable();
    http.expectNone('/api/account/sessions/end');
    expect(sessions.textContent).toContain('Enter your current password.');

    await type(field(sessions, 'Current password'), 'a-long-test-password-42');
    sessions.querySelector<HTMLButtonElement>('li:nth-child(2) button')?.click();
    const end = http.expectOne('/api/account/sessions/end');
    expect(end.request.body).toEqual({
      currentPassword: 'a-long-test-password-42',
      ref: 'else-bbbbbbbbbbbbbbbbbb',
    });
    end.flush({ sessionsEnded: 1 });
    http.expectOne('/api/account/sessions').flush([PLACES[0]]);
    await fixture.whenStable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain('You are signed out there.');
    expect(section('sessions').querySelectorAll('li')).toHaveLength(1);
  });

  it('signs out everywhere else, and shows a wrong password under the field', async () => {
    const sessions = section('sessions');
    await type(field(sessions, 'Current password'), 'not my password');
    await submit(sessions);
    http.expectOne('/api/account/sessions/end').flush(
      {
        type: 'about:blank',
        title: 'Check what you entered',
        status: 400,
        detail: 'That password is not right.',
        errors: { currentPassword: ['That password is not right.'] },
      },
      { status: 400, statusText: 'Bad Request', headers: PROBLEM_HEADERS },
    );
    await fixture.whenStable();
    expect(field(sessions, 'Current password').closest('mat-form-field')?.textContent).toContain(
      'That password is not right.',
    );

    await type(field(sessions, 'Current password'), 'a-long-test-password-42');
    await submit(sessions);
    const end = http.expectOne('/api/account/sessions/end');
    expect(end.request.body).toEqual({ currentPassword: 'a-long-test-password-42', everywhereElse: true });
    end.flush({ sessionsEnded: 1 });
    http.expectOne('/api/account/sessions').flush([PLACES[0]]);
    await fixture.whenStable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'You are signed out everywhere else (1 place).',
    );
  });

  it('links to setting up an authenticator app and to passkeys', () => {
    const factors = el.querySelector<HTMLElement>('section.factors');
    const links = Array.from(factors?.querySelectorAll('a') ?? []).map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['Set up an authenticator app', '/second-factor/set-up'],
      ['Add a passkey', '/second-factor/passkeys'],
    ]);
    expect(factors?.textContent).toContain('You have no authenticator app set up.');
  });
});
