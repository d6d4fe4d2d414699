import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { sessionFor } from '../../testing/session';
import { SessionService } from '../core/session.service';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { SecondStepPage } from './second-step-page';

describe('SecondStepPage', () => {
  let fixture: ComponentFixture<SecondStepPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SecondStepPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SecondStepPage);
    fixture.componentRef.setInput('returnUrl', '/groups');
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function type(value: string): Promise<void> {
    const input = el.querySelector<HTMLInputElement>('input[formcontrolname="code"]');
    if (!input) throw new Error('No code field');
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    el.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  }

  it('has one h1, a labelled field for a one-time code and no axe violations', async () => {
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(el.querySelector('h1')?.textContent).toBe('Enter your code');
    expect(el.querySelector('mat-label')?.textContent).toBe('Code');
    expect(el.querySelector('input')?.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('asks for six digits before sending anything', async () => {
    await type('12ab');
    await submit();
    expect(el.querySelector('mat-error')?.textContent?.trim()).toBe(
      'Enter the 6-digit code from your authenticator app.',
    );
    http.expectNone('/api/auth/second-factor');
  });

  it('sends the code, takes the new session and goes where the person was going', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await type(' 287082 ');
    await submit();
    const req = http.expectOne({ method: 'POST', url: '/api/auth/second-factor' });
    expect(req.request.body).toEqual({ code: '287082' });
    req.flush({ ...sessionFor(Role.ParticipationOfficer), authMethods: ['password', 'otp'] });
    await fixture.whenStable();
    expect(TestBed.inject(SessionService).signedIn()).toBe(true);
    expect(navigate).toHaveBeenCalledWith('/groups');
  });

  it('takes a recovery code instead, and shows a wrong one', async () => {
    el.querySelector<HTMLButtonElement>('button[type="button"]')?.click();
    await fixture.whenStable();
    expect(el.querySelector('mat-label')?.textContent).toBe('Recovery code');
    await type('abcde-23456');
    await submit();
    const req = http.expectOne('/api/auth/second-factor');
    expect(req.request.body).toEqual({ recoveryCode: 'abcde-23456' });
    req.flush(
      {
        type: 'about:blank',
        title: 'Bad request',
        status: 400,
        detail: 'That recovery code is not right, or it has already been used.',
        errors: { recoveryCode: ['That recovery code is not right, or it has already been used.'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('already been used');
    expect(await axeViolations(el)).toEqual([]);
  });
});
