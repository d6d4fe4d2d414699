import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import type { PasskeyResponse, SessionResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { sessionFor } from '../../testing/session';
import { SessionService } from '../core/session.service';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { WEBAUTHN_BROWSER, type WebAuthnBrowser } from './passkey-client';
import { PasskeysPage } from './passkeys-page';
import { SecondStepPage } from './second-step-page';
import { SignInPage } from './sign-in-page';

/**
 * The browser's side of the ceremonies stands in for an authenticator (jsdom has no WebAuthn):
 * it records the options it was given and answers with a fixed credential, or refuses as a
 * browser does when the person cancels. The real one is driven in test/browser/passkeys.
 */
class FakeAuthenticator implements WebAuthnBrowser {
  readonly seen: unknown[] = [];
  refuse = false;
  supported(): boolean {
    return true;
  }
  register(options: unknown): Promise<unknown> {
    return this.answer(options, { id: 'new-credential' });
  }
  authenticate(options: unknown): Promise<unknown> {
    return this.answer(options, { id: 'credential', response: { signature: 'sig' } });
  }
  private answer(options: unknown, response: object): Promise<unknown> {
    this.seen.push(options);
    if (this.refuse)
      return Promise.reject(
        new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError'),
      );
    return Promise.resolve(response);
  }
}

const OPTIONS = { options: { challenge: 'abc', rpId: 'localhost' } };
const passkey = (over: Partial<PasskeyResponse> = {}): PasskeyResponse => ({
  id: '00000000-0000-4000-8000-000000000001',
  label: 'Work laptop',
  createdAt: '2026-12-01T10:00:00Z',
  lastUsedAt: null,
  ...over,
});

/** Lets the awaited HTTP answers and the fake authenticator's promise run on. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('passkeys in the web app', () => {
  let http: HttpTestingController;
  let authenticator: FakeAuthenticator;
  let navigateByUrl: jest.SpyInstance;

  beforeEach(() => {
    authenticator = new FakeAuthenticator();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
        { provide: WEBAUTHN_BROWSER, useValue: authenticator },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  function button(el: HTMLElement, text: string): HTMLButtonElement {
    const found = Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
    if (!found) throw new Error(`No button "${text}"`);
    return found;
  }

  async function type(fixture: ComponentFixture<unknown>, selector: string, value: string): Promise<void> {
    const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`No ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  describe('on the sign-in page', () => {
    let fixture: ComponentFixture<SignInPage>;
    let el: HTMLElement;

    beforeEach(async () => {
      fixture = TestBed.createComponent(SignInPage);
      fixture.componentRef.setInput('returnUrl', '/groups');
      el = fixture.nativeElement as HTMLElement;
      await fixture.whenStable();
    });

    it('signs in with a passkey alone: options, the browser, then the answer; no email or password sent', async () => {
      expect(el.querySelector('h2')?.textContent).toBe('Sign in with a passkey');
      expect(await axeViolations(el)).toEqual([]);
      button(el, 'Use a passkey').click();
      http.expectOne({ method: 'POST', url: '/api/auth/passkeys/sign-in/options' }).flush(OPTIONS);
      await settle();
      expect(authenticator.seen).toEqual([OPTIONS.options]);
      const req = http.expectOne({ method: 'POST', url: '/api/auth/passkeys/sign-in' });
      expect(req.request.body).toEqual({ response: { id: 'credential', response: { signature: 'sig' } } });
      const session: SessionResponse = { ...sessionFor(Role.Practitioner), authMethods: ['passkey'] };
      req.flush(session);
      await settle();
      expect(TestBed.inject(SessionService).signedIn()).toBe(true);
      expect(navigateByUrl).toHaveBeenCalledWith('/groups');
    });

    it('says so when the person cancels, and when the API refuses, without leaving the page', async () => {
      authenticator.refuse = true;
      button(el, 'Use a passkey').click();
      http.expectOne('/api/auth/passkeys/sign-in/options').flush(OPTIONS);
      await settle();
      await fixture.whenStable();
      expect(el.textContent).toContain('The passkey request was cancelled or timed out.');
      http.expectNone('/api/auth/passkeys/sign-in');

      authenticator.refuse = false;
      button(el, 'Use a passkey').click();
      http.expectOne('/api/auth/passkeys/sign-in/options').flush(OPTIONS);
      await settle();
      http.expectOne('/api/auth/passkeys/sign-in').flush(
        {
          type: 'about:blank',
          title: 'Sign-in needed',
          status: 401,
          detail: 'That passkey could not be used to sign in.',
        },
        { status: 401, statusText: 'Unauthorized' },
      );
      await settle();
      await fixture.whenStable();
      expect(el.textContent).toContain('That passkey could not be used to sign in.');
      expect(navigateByUrl).not.toHaveBeenCalled();
    });
  });

  describe('on the second-step page', () => {
    async function open(passkeys: number) {
      const session = TestBed.inject(SessionService);
      session.replace({
        ...sessionFor(Role.Practitioner),
        pendingStep: 'second_factor',
        secondFactor: { enrolled: true, required: false, totp: passkeys === 0, passkeys },
      });
      const fixture = TestBed.createComponent(SecondStepPage);
      fixture.componentRef.setInput('returnUrl', '/home');
      await fixture.whenStable();
      return { fixture, el: fixture.nativeElement as HTMLElement, session };
    }

    it('offers "Use a passkey" only when the account has one, and codes only when it has an app', async () => {
      const without = await open(0);
      expect(without.el.textContent).not.toContain('Use a passkey');
      expect(without.el.querySelector('h1')?.textContent).toBe('Enter your code');
      const withOne = await open(1);
      expect(withOne.el.textContent).toContain('Use a passkey');
      // Passkeys only: no code to ask for, so no code field and no recovery codes.
      expect(withOne.el.querySelector('h1')?.textContent).toBe('Use your passkey');
      expect(withOne.el.querySelector('input')).toBeNull();
      expect(withOne.el.textContent).not.toContain('use a recovery code');
      expect(await axeViolations(withOne.el)).toEqual([]);
    });

    it('completes the second step with a passkey and takes the new session', async () => {
      const { el, session } = await open(2);
      button(el, 'Use a passkey').click();
      http.expectOne({ method: 'POST', url: '/api/auth/passkeys/second-factor/options' }).flush(OPTIONS);
      await settle();
      const req = http.expectOne({ method: 'POST', url: '/api/auth/passkeys/second-factor' });
      expect(req.request.body).toEqual({ response: { id: 'credential', response: { signature: 'sig' } } });
      req.flush({ ...sessionFor(Role.Practitioner), authMethods: ['password', 'passkey'] });
      await settle();
      expect(session.signedIn()).toBe(true);
      expect(navigateByUrl).toHaveBeenCalledWith('/home');
    });
  });

  describe('on the passkeys page', () => {
    async function open(list: PasskeyResponse[]) {
      const fixture = TestBed.createComponent(PasskeysPage);
      const el = fixture.nativeElement as HTMLElement;
      await fixture.whenStable();
      http.expectOne({ method: 'GET', url: '/api/auth/passkeys' }).flush(list);
      await settle();
      await fixture.whenStable();
      return { fixture, el };
    }

    it('lists my passkeys and has no axe violations', async () => {
      const { el } = await open([
        passkey(),
        passkey({ id: 'p2', label: 'Phone', lastUsedAt: '2026-12-02T09:30:00Z' }),
      ]);
      const items = Array.from(el.querySelectorAll('[data-testid="passkey-list"] li')).map((li) =>
        li.textContent?.replace(/\s+/g, ' ').trim(),
      );
      expect(items).toEqual([
        expect.stringContaining('Work laptop added 1 December 2026, not used yet'),
        expect.stringContaining('Phone added 1 December 2026, last used 2 December 2026'),
      ]);
      expect(await axeViolations(el)).toEqual([]);
    });

    it('asks for a name and the password before asking the browser', async () => {
      const { fixture, el } = await open([]);
      expect(el.textContent).toContain('You have no passkeys yet.');
      button(el, 'Add a passkey').click();
      await fixture.whenStable();
      expect(Array.from(el.querySelectorAll('mat-error')).map((e) => e.textContent?.trim())).toEqual([
        'Give the passkey a name of up to 60 characters.',
        'Enter your password.',
      ]);
      http.expectNone('/api/auth/passkeys/registration/options');
      expect(authenticator.seen).toEqual([]);
    });

    it('adds a passkey: the password for the options, the new credential with its name, then the list again', async () => {
      const { fixture, el } = await open([]);
      await type(fixture, 'input[formcontrolname="label"]', '  Work laptop ');
      await type(fixture, 'input[formcontrolname="password"]', 'my-password');
      button(el, 'Add a passkey').click();
      const options = http.expectOne({ method: 'POST', url: '/api/auth/passkeys/registration/options' });
      expect(options.request.body).toEqual({ password: 'my-password' });
      options.flush(OPTIONS);
      await settle();
      const reg = http.expectOne({ method: 'POST', url: '/api/auth/passkeys/registration' });
      expect(reg.request.body).toEqual({ label: 'Work laptop', response: { id: 'new-credential' } });
      reg.flush(passkey());
      await settle();
      http.expectOne('/api/auth/session').flush(sessionFor(Role.Practitioner));
      await settle();
      http.expectOne({ method: 'GET', url: '/api/auth/passkeys' }).flush([passkey()]);
      await settle();
      await fixture.whenStable();
      expect(el.querySelector('[role="status"]')?.textContent).toContain('Passkey "Work laptop" added.');
      expect(el.querySelectorAll('[data-testid="passkey-list"] li')).toHaveLength(1);
      expect(button(el, 'Continue to Heard')).toBeTruthy();
    });

    it('removes a passkey after the password again, and shows a wrong password', async () => {
      const { fixture, el } = await open([passkey()]);
      button(el, 'Remove Work laptop').click();
      await fixture.whenStable();
      expect(el.textContent).toContain('Remove "Work laptop"');
      const passwordInputs = el.querySelectorAll<HTMLInputElement>('input[type="password"]');
      const removePassword = passwordInputs[0];
      removePassword.value = 'wrong';
      removePassword.dispatchEvent(new Event('input'));
      button(el, 'Remove passkey').click();
      const url = `/api/auth/passkeys/${passkey().id}/remove`;
      const wrong = http.expectOne({ method: 'POST', url });
      expect(wrong.request.body).toEqual({ password: 'wrong' });
      wrong.flush(
        {
          type: 'about:blank',
          title: 'Bad request',
          status: 400,
          detail: 'That password is not right.',
          errors: { password: ['That password is not right.'] },
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await settle();
      await fixture.whenStable();
      expect(el.textContent).toContain('That password is not right.');

      removePassword.value = 'right';
      removePassword.dispatchEvent(new Event('input'));
      button(el, 'Remove passkey').click();
      http.expectOne({ method: 'POST', url }).flush(null, { status: 204, statusText: 'No Content' });
      await settle();
      http.expectOne('/api/auth/session').flush(sessionFor(Role.Practitioner));
      await settle();
      http.expectOne({ method: 'GET', url: '/api/auth/passkeys' }).flush([]);
      await settle();
      await fixture.whenStable();
      expect(el.querySelector('[role="status"]')?.textContent).toContain('Passkey "Work laptop" removed.');
      expect(el.textContent).toContain('You have no passkeys yet.');
    });
  });
});
