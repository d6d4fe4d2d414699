import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { axeViolations } from '../../testing/axe';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { ForgotPasswordPage } from './forgot-password-page';

describe('ForgotPasswordPage', () => {
  let fixture: ComponentFixture<ForgotPasswordPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ForgotPasswordPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ForgotPasswordPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function typeEmail(value: string): Promise<void> {
    const input = el.querySelector<HTMLInputElement>('input[formcontrolname="email"]');
    if (!input) throw new Error('No email field');
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    el.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  }

  it('has one h1, a labelled field and no axe violations', async () => {
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(el.querySelector('h1')?.textContent).toBe('Forgotten your password?');
    expect(el.querySelector('mat-label')?.textContent).toBe('Email address');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('asks for an email address before sending anything', async () => {
    await submit();
    expect(el.querySelector('mat-error')?.textContent?.trim()).toBe('Enter your email address.');
    http.expectNone('/api/auth/forgot-password');
  });

  it('sends the address and says what happens, without saying whether it has an account', async () => {
    await typeEmail(' sam.okafor@council.example ');
    await submit();
    const req = http.expectOne({ method: 'POST', url: '/api/auth/forgot-password' });
    expect(req.request.body).toEqual({ email: 'sam.okafor@council.example' });
    req.flush(null, { status: 202, statusText: 'Accepted' });
    await fixture.whenStable();
    const status = el.querySelector('[role="status"]')?.textContent ?? '';
    expect(status).toContain('If sam.okafor@council.example has a Heard account');
    expect(status).toContain('30 minutes');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('shows the wait when there have been too many requests', async () => {
    await typeEmail('sam.okafor@council.example');
    await submit();
    http.expectOne('/api/auth/forgot-password').flush(
      {
        type: 'about:blank',
        title: 'Too many requests',
        status: 429,
        detail: 'Too many requests for a new password. Try again in 45 minutes.',
      },
      { status: 429, statusText: 'Too Many Requests' },
    );
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Try again in 45 minutes.');
    expect(el.querySelector('[role="status"]')).toBeNull();
  });
});
