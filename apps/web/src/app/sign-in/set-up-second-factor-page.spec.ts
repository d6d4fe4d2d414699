import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { sessionFor } from '../../testing/session';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { SetUpSecondFactorPage } from './set-up-second-factor-page';

// A 1×1 PNG: the page only shows what the API sends.
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=';
const CODES = Array.from({ length: 10 }, (_, i) => `ABCDE-2345${i}`);

describe('SetUpSecondFactorPage', () => {
  let fixture: ComponentFixture<SetUpSecondFactorPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SetUpSecondFactorPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SetUpSecondFactorPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function type(name: string, value: string): Promise<void> {
    const input = el.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
    if (!input) throw new Error(`No ${name} field`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    el.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  }

  async function toCodes(): Promise<void> {
    await type('password', 'a-long-test-password-42');
    await submit();
    http.expectOne('/api/auth/totp/enrolment').flush({
      secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      otpauthUri: 'otpauth://totp/x',
      qrCodeDataUrl: PNG,
    });
    await fixture.whenStable();
    await type('code', '123456');
    await submit();
    http.expectOne('/api/auth/totp/enrolment/confirm').flush({ recoveryCodes: CODES });
    await fixture.whenStable();
  }

  it('asks for the password again first, with one h1 and no axe violations', async () => {
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(el.querySelector('mat-label')?.textContent).toBe('Password');
    await submit();
    http.expectNone('/api/auth/totp/enrolment');
    expect(el.querySelector('mat-error')?.textContent?.trim()).toBe('Enter your password.');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('shows the QR code and the key to type, then sends the code from the app', async () => {
    await type('password', 'a-long-test-password-42');
    await submit();
    const start = http.expectOne({ method: 'POST', url: '/api/auth/totp/enrolment' });
    expect(start.request.body).toEqual({ password: 'a-long-test-password-42' });
    start.flush({
      secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      otpauthUri: 'otpauth://totp/x',
      qrCodeDataUrl: PNG,
    });
    await fixture.whenStable();
    expect(el.querySelector('img')?.getAttribute('src')).toBe(PNG);
    expect(el.querySelector('img')?.getAttribute('alt')).toContain('QR code');
    expect(el.querySelector('[data-testid="totp-secret"]')?.textContent).toBe(
      'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    );
    expect(await axeViolations(el)).toEqual([]);

    await type('code', ' 654321 ');
    await submit();
    const confirm = http.expectOne({ method: 'POST', url: '/api/auth/totp/enrolment/confirm' });
    expect(confirm.request.body).toEqual({ code: '654321' });
    confirm.flush({ recoveryCodes: CODES });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="totp-secret"]')).toBeNull();
    expect(el.querySelectorAll('[data-testid="recovery-codes"] li')).toHaveLength(10);
  });

  it('shows the recovery codes once and goes on only after "I have saved these"', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await toCodes();
    expect(el.textContent).toContain('will not be shown again');
    expect(await axeViolations(el)).toEqual([]);

    el.querySelector<HTMLButtonElement>('.actions button')?.click();
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('I have saved these recovery codes');
    http.expectNone('/api/auth/session');
    expect(navigate).not.toHaveBeenCalled();

    el.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
    el.querySelector<HTMLButtonElement>('.actions button')?.click();
    await fixture.whenStable();
    http
      .expectOne('/api/auth/session')
      .flush({ ...sessionFor(Role.Administrator), authMethods: ['password', 'otp'] });
    // The page waits for the session answer, then navigates: let both settle.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/home');
    expect(el.querySelectorAll('[data-testid="recovery-codes"] li')).toHaveLength(0);
  });

  it('shows a wrong password from the API and stays on the first stage', async () => {
    await type('password', 'not the password');
    await submit();
    http.expectOne('/api/auth/totp/enrolment').flush(
      {
        type: 'about:blank',
        title: 'Bad request',
        status: 400,
        detail: 'That password is not right.',
        errors: { password: ['That password is not right.'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('That password is not right.');
    expect(el.querySelector('img')).toBeNull();
  });
});
