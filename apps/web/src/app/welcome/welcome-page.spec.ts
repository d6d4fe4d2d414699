import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { PASSWORD_MIN_LENGTH } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { WelcomePage } from './welcome-page';

const TOKEN = 'invitation-token-0123456789';

describe('WelcomePage', () => {
  let fixture: ComponentFixture<WelcomePage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [WelcomePage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(WelcomePage);
    fixture.componentRef.setInput('token', TOKEN);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function typePassword(value: string, leave = true): Promise<void> {
    const input = el.querySelector<HTMLInputElement>('input[formcontrolname="password"]');
    if (!input) throw new Error('No password field');
    input.value = value;
    input.dispatchEvent(new Event('input'));
    if (leave) input.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    el.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  }

  it('shows the password rules before anyone types', () => {
    expect(el.querySelector('.rules')?.textContent).toContain(`at least ${PASSWORD_MIN_LENGTH} characters`);
  });

  it('has one h1 and no axe violations', async () => {
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('asks for a password when none is given', async () => {
    await submit();
    expect(el.querySelector('mat-error')?.textContent?.trim()).toBe('Choose a password.');
    http.expectNone('/api/auth/accept-invitation');
  });

  it('explains a password that breaks the rules, without calling the API', async () => {
    await typePassword('short');
    await submit();
    expect(el.querySelector('mat-error')?.textContent).toContain(
      `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
    );
    http.expectNone('/api/auth/accept-invitation');
  });

  it('counts characters while they are being typed', async () => {
    await typePassword('kettle', false);
    expect(el.querySelector('mat-hint')?.textContent).toContain('6 characters, at least 12');
  });

  it('can show the password as plain text', async () => {
    const input = () => el.querySelector<HTMLInputElement>('input[formcontrolname="password"]');
    expect(input()?.type).toBe('password');
    el.querySelector<HTMLInputElement>('mat-checkbox input')?.click();
    await fixture.whenStable();
    expect(input()?.type).toBe('text');
  });

  it('sends the token and password, then goes to sign in', async () => {
    await typePassword('kettle river violet');
    await submit();
    const req = http.expectOne({ method: 'POST', url: '/api/auth/accept-invitation' });
    expect(req.request.body).toEqual({ token: TOKEN, password: 'kettle river violet' });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { passwordSet: 'yes' } });
  });

  it('shows the server’s reasons in the alert and under the field', async () => {
    await typePassword('kettle river violet');
    await submit();
    http.expectOne('/api/auth/accept-invitation').flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'Choose a different password.',
        errors: { password: ['This password has appeared in a data breach.'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const alert = el.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('Choose a different password.');
    expect(alert).toContain('Password: This password has appeared in a data breach.');
    expect(el.querySelector('mat-error')?.textContent).toContain(
      'This password has appeared in a data breach.',
    );
    expect(navigate).not.toHaveBeenCalled();
  });

  it('says plainly when the link has no token', async () => {
    fixture.componentRef.setInput('token', '');
    await fixture.whenStable();
    expect(el.querySelector('form')).toBeNull();
    expect(el.textContent).toContain('This link is not complete.');
  });

  describe('as the page of a "forgotten your password?" link', () => {
    beforeEach(async () => {
      fixture.componentRef.setInput('mode', 'reset');
      await fixture.whenStable();
    });

    it('says it is a new password, and has no axe violations', async () => {
      expect(el.querySelector('h1')?.textContent).toBe('Choose a new password');
      expect(el.textContent).toContain('signed out everywhere else');
      expect(await axeViolations(el)).toEqual([]);
    });

    it('states the rule in plain words: length, no composition rules, the list of leaked passwords', () => {
      const rules = el.querySelector('.rules')?.textContent ?? '';
      expect(rules).toContain(`at least ${PASSWORD_MIN_LENGTH} characters`);
      expect(rules).toContain('needs no capitals, numbers or symbols');
      expect(rules).toContain('list of common or leaked passwords');
    });

    it('sends the token and password to the reset call, then goes to sign in', async () => {
      await typePassword('kettle river violet');
      await submit();
      const req = http.expectOne({ method: 'POST', url: '/api/auth/reset-password' });
      expect(req.request.body).toEqual({ token: TOKEN, password: 'kettle river violet' });
      req.flush(null, { status: 204, statusText: 'No Content' });
      await fixture.whenStable();
      expect(navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { passwordSet: 'yes' } });
    });

    it('offers a new link when the link has no token', async () => {
      fixture.componentRef.setInput('token', '');
      await fixture.whenStable();
      expect(el.querySelector('form')).toBeNull();
      expect(el.querySelector('[role="status"] a')?.getAttribute('href')).toBe('/forgot-password');
    });
  });
});
