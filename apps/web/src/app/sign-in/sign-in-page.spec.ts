import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { sessionFor } from '../../testing/session';
import { SessionService } from '../core/session.service';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { SignInPage } from './sign-in-page';

describe('SignInPage', () => {
  let fixture: ComponentFixture<SignInPage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let navigateByUrl: jest.SpyInstance;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SignInPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(SignInPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function type(selector: string, value: string): Promise<void> {
    const input = el.querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`No ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    el.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  }

  function errors(): string[] {
    return Array.from(el.querySelectorAll('mat-error')).map((e) => e.textContent?.trim() ?? '');
  }

  it('offers a way back in for a forgotten password', () => {
    const link = Array.from(el.querySelectorAll('a')).find((a) => a.textContent?.includes('Forgotten'));
    expect(link?.getAttribute('href')).toBe('/forgot-password');
  });

  it('has one h1, labelled fields and no axe violations', async () => {
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(el.querySelector('h1')?.textContent).toBe('Sign in');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('asks for both fields, without calling the API, when they are empty', async () => {
    await submit();
    expect(errors()).toEqual(['Enter your email address.', 'Enter your password.']);
    expect(document.activeElement).toBe(el.querySelector('input[type="email"]'));
    http.expectNone('/api/auth/sign-in');
  });

  it('explains what an email address looks like', async () => {
    await type('input[type="email"]', 'not an email');
    await type('input[type="password"]', 'whatever');
    await submit();
    expect(errors()).toEqual(['Enter an email address like name@example.org.']);
    http.expectNone('/api/auth/sign-in');
  });

  it('shows the server’s message in an alert when the password is wrong', async () => {
    await type('input[type="email"]', 'sam@example.org');
    await type('input[type="password"]', 'wrong password');
    await submit();
    http.expectOne('/api/auth/sign-in').flush(
      {
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        detail: 'The email or password is not right.',
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('The email or password is not right.');
    expect(el.querySelector<HTMLInputElement>('input[type="password"]')?.value).toBe('');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('shows how long to wait after too many wrong passwords', async () => {
    await type('input[type="email"]', 'sam@example.org');
    await type('input[type="password"]', 'any password');
    await submit();
    http.expectOne('/api/auth/sign-in').flush(
      {
        type: 'about:blank',
        title: 'Too many requests',
        status: 429,
        detail: 'Too many sign-in attempts with these details. Wait 20 seconds, then try again.',
      },
      { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '20' } },
    );
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Wait 20 seconds, then try again.');
  });

  it('signs in with the trimmed email and goes home', async () => {
    await type('input[type="email"]', '  sam@example.org ');
    await type('input[type="password"]', 'kettle river violet');
    await submit();
    const req = http.expectOne({ method: 'POST', url: '/api/auth/sign-in' });
    expect(req.request.body).toEqual({ email: 'sam@example.org', password: 'kettle river violet' });
    req.flush(sessionFor(Role.Practitioner));
    await fixture.whenStable();
    expect(TestBed.inject(SessionService).user()?.role).toBe(Role.Practitioner);
    expect(navigateByUrl).toHaveBeenCalledWith('/home');
  });

  it('goes back to the page the guard sent them from', async () => {
    fixture.componentRef.setInput('returnUrl', '/admin/audit?page=3');
    await type('input[type="email"]', 'sam@example.org');
    await type('input[type="password"]', 'kettle river violet');
    await submit();
    http.expectOne('/api/auth/sign-in').flush(sessionFor(Role.Administrator));
    await fixture.whenStable();
    expect(navigateByUrl).toHaveBeenCalledWith('/admin/audit?page=3');
  });

  it('sends an account with an authenticator app to the second step, keeping the return address', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture.componentRef.setInput('returnUrl', '/admin/audit');
    await type('input[type="email"]', 'sam@example.org');
    await type('input[type="password"]', 'kettle river violet');
    await submit();
    http
      .expectOne('/api/auth/sign-in')
      .flush({ ...sessionFor(Role.Administrator), pendingStep: 'second_factor' });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/sign-in/second-step'], {
      queryParams: { returnUrl: '/admin/audit' },
    });
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('never follows a return address to another site', async () => {
    fixture.componentRef.setInput('returnUrl', '//evil.example/');
    await type('input[type="email"]', 'sam@example.org');
    await type('input[type="password"]', 'kettle river violet');
    await submit();
    http.expectOne('/api/auth/sign-in').flush(sessionFor(Role.Administrator));
    await fixture.whenStable();
    expect(navigateByUrl).toHaveBeenCalledWith('/home');
  });

  it('confirms a newly chosen password', async () => {
    expect(el.querySelector('[role="status"]')).toBeNull();
    fixture.componentRef.setInput('passwordSet', 'yes');
    await fixture.whenStable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Your password is set.');
  });
});
