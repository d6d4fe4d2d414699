import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import type { Page, UserResponse } from '@heard/domain';
import { axeViolations } from '../../../testing/axe';
import { signInAs } from '../../../testing/session';
import { provideFormFieldDefaults } from '../../shared/form-field-defaults';
import UsersPage from './users-page';

function user(overrides: Partial<UserResponse>): UserResponse {
  return {
    id: 'u-1',
    email: 'someone@example.org',
    displayName: 'Someone',
    role: Role.Practitioner,
    status: 'active',
    createdAt: '2026-01-01T09:00:00Z',
    lastSignedInAt: null,
    secondFactorEnrolled: false,
    secondFactorRequired: false,
    safeguardingContact: false,
    ...overrides,
  };
}

const ME = user({ id: `user-${Role.Administrator}`, displayName: 'Ada Admin', role: Role.Administrator });
const SAM = user({
  id: 'u-sam',
  displayName: 'Sam Worker',
  email: 'sam@example.org',
  role: Role.Practitioner,
});
const IVY = user({ id: 'u-ivy', displayName: 'Ivy Invited', email: 'ivy@example.org', status: 'invited' });
const LEE = user({
  id: 'u-lee',
  displayName: 'Lee Enrolled',
  email: 'lee@example.org',
  role: Role.ParticipationOfficer,
  secondFactorEnrolled: true,
});
const KIM = user({ id: 'u-kim', displayName: 'Kim Former', email: 'kim@example.org', status: 'deactivated' });

function page(items: UserResponse[]): Page<UserResponse> {
  return { items, total: items.length, page: 1, pageSize: 25 };
}

describe('UsersPage', () => {
  let fixture: ComponentFixture<UsersPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [UsersPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.Administrator);
    fixture = TestBed.createComponent(UsersPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    expectList().flush(page([ME, SAM, IVY, KIM, LEE]));
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function expectList(pageNumber = 1, pageSize = 25): TestRequest {
    return http.expectOne(
      (req) =>
        req.method === 'GET' &&
        req.url === '/api/users' &&
        req.params.get('page') === String(pageNumber) &&
        req.params.get('pageSize') === String(pageSize),
    );
  }

  function row(name: string): HTMLElement {
    const found = Array.from(el.querySelectorAll<HTMLElement>('tr.mat-mdc-row')).find((tr) =>
      tr.textContent?.includes(name),
    );
    if (!found) throw new Error(`No row for ${name}`);
    return found;
  }

  async function type(name: string, value: string): Promise<void> {
    const input = el.querySelector<HTMLInputElement>(`.invite input[formcontrolname="${name}"]`);
    if (!input) throw new Error(`No ${name}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('lists everyone with their role and status', () => {
    expect(row('Sam Worker').textContent).toContain('sam@example.org');
    expect(row('Kim Former').textContent).toContain('Deactivated');
    expect(row('Ada Admin').textContent).toContain('(you)');
  });

  it('does not let administrators change or deactivate their own account', () => {
    expect(row('Ada Admin').querySelector('mat-select')).toBeNull();
    expect(row('Ada Admin').querySelector<HTMLButtonElement>('.mat-column-actions button')).toBeNull();
  });

  it('names the person on each action button for screen readers', () => {
    expect(
      row('Sam Worker')
        .querySelector<HTMLButtonElement>('.mat-column-actions button')
        ?.textContent?.replace(/\s+/g, ' ')
        .trim(),
    ).toBe('Deactivate Sam Worker');
    expect(
      row('Kim Former')
        .querySelector<HTMLButtonElement>('.mat-column-actions button')
        ?.textContent?.replace(/\s+/g, ' ')
        .trim(),
    ).toBe('Reactivate Kim Former');
  });

  function button(name: string, words: string): HTMLButtonElement {
    const found = Array.from(row(name).querySelectorAll('button')).find((b) =>
      b.textContent?.includes(words),
    );
    if (!found) throw new Error(`No "${words}" button for ${name}`);
    return found;
  }

  it('offers the way back in that fits each account, and none for a deactivated one', () => {
    expect(row('Ivy Invited').textContent).toContain('Resend invitation');
    expect(row('Ivy Invited').textContent).not.toContain('Send password reset');
    expect(row('Sam Worker').textContent).toContain('Send password reset');
    expect(row('Sam Worker').textContent).toContain('Let them try again now');
    expect(row('Kim Former').textContent).not.toContain('Send password reset');
    expect(row('Kim Former').textContent).not.toContain('Resend invitation');
  });

  it('resends an invitation and says so', async () => {
    button('Ivy Invited', 'Resend invitation').click();
    http.expectOne({ method: 'POST', url: '/api/users/u-ivy/resend-invitation' }).flush(IVY);
    await fixture.whenStable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'A new invitation is on its way to ivy@example.org.',
    );
  });

  it('sends a password reset link and says how long it works', async () => {
    button('Sam Worker', 'Send password reset').click();
    http.expectOne({ method: 'POST', url: '/api/users/u-sam/send-password-reset' }).flush(SAM);
    await fixture.whenStable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain('It works once, for 30 minutes.');
  });

  it('lifts a sign-in slow-down', async () => {
    button('Sam Worker', 'Let them try again now').click();
    http.expectOne({ method: 'POST', url: '/api/users/u-sam/lift-sign-in-delay' }).flush(SAM);
    await fixture.whenStable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'Sam Worker can try their password again now.',
    );
  });

  it('signs someone out everywhere', async () => {
    button('Sam Worker', 'Sign out everywhere').click();
    http.expectOne({ method: 'POST', url: '/api/users/u-sam/end-sessions' }).flush(SAM);
    await fixture.whenStable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'Sam Worker has been signed out everywhere.',
    );
  });

  it('offers "Reset second factor" only for someone with an authenticator app, and resets it', async () => {
    expect(row('Sam Worker').textContent).not.toContain('Reset second factor');
    button('Lee Enrolled', 'Reset second factor').click();
    http
      .expectOne({ method: 'POST', url: '/api/users/u-lee/reset-second-factor' })
      .flush({ ...LEE, secondFactorEnrolled: false, secondFactorRequired: true });
    await fixture.whenStable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'will set up a new app when they next sign in',
    );
    expect(row('Lee Enrolled').textContent).not.toContain('Reset second factor');
  });

  it('says a second factor is required for roles that always need one, and offers the switch only for others', async () => {
    expect(row('Lee Enrolled').querySelector('.mat-column-secondFactor')?.textContent).toContain(
      'Required for this role',
    );
    expect(row('Lee Enrolled').querySelector('.mat-column-secondFactor mat-slide-toggle')).toBeNull();
    expect(row('Lee Enrolled').textContent).toContain('Set up');
    expect(row('Sam Worker').textContent).not.toContain('Required for this role');
    expect(row('Sam Worker').textContent).toContain('Not set up');

    const loader = TestbedHarnessEnvironment.loader(fixture);
    const toggle = await loader.getHarness(MatSlideToggleHarness.with({ label: /for Sam Worker/ }));
    expect(await toggle.isChecked()).toBe(false);
    await toggle.toggle();
    const req = http.expectOne({ method: 'PATCH', url: '/api/users/u-sam/second-factor' });
    expect(req.request.body).toEqual({ required: true });
    req.flush({ ...SAM, secondFactorRequired: true });
    await fixture.whenStable();
    expect(await toggle.isChecked()).toBe(true);
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'Sam Worker must now use an authenticator app to sign in, and will set one up when they next sign in.',
    );
  });

  it('makes someone a safeguarding contact with a switch, and says so', async () => {
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const toggle = await loader.getHarness(MatSlideToggleHarness.with({ label: /worries: Sam Worker/ }));
    expect(await toggle.isChecked()).toBe(false);
    await toggle.toggle();
    const req = http.expectOne({ method: 'PATCH', url: '/api/users/u-sam/safeguarding-contact' });
    expect(req.request.body).toEqual({ safeguardingContact: true });
    req.flush({ ...SAM, safeguardingContact: true });
    await fixture.whenStable();
    expect(await toggle.isChecked()).toBe(true);
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'Sam Worker is now a safeguarding contact: worries go to them at once.',
    );
  });

  it('puts the switch back and shows the problem when the setting is refused', async () => {
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const toggle = await loader.getHarness(MatSlideToggleHarness.with({ label: /for Sam Worker/ }));
    await toggle.toggle();
    http.expectOne({ method: 'PATCH', url: '/api/users/u-sam/second-factor' }).flush(
      {
        type: 'about:blank',
        title: 'Bad request',
        status: 400,
        detail: 'A second factor is always required for this role.',
      },
      { status: 400, statusText: 'Bad Request', headers: { 'Content-Type': 'application/problem+json' } },
    );
    await fixture.whenStable();
    expect(await toggle.isChecked()).toBe(false);
    expect(el.textContent).toContain('A second factor is always required for this role.');
  });

  it('has no axe violations', async () => {
    expect(await axeViolations(el)).toEqual([]);
  });

  it('deactivates someone and shows the change on the same button, so focus is not lost', async () => {
    const button = row('Sam Worker').querySelector<HTMLButtonElement>('.mat-column-actions button');
    button?.click();
    http
      .expectOne({ method: 'POST', url: '/api/users/u-sam/deactivate' })
      .flush({ ...SAM, status: 'deactivated' });
    await fixture.whenStable();
    expect(row('Sam Worker').textContent).toContain('Deactivated');
    expect(row('Sam Worker').querySelector<HTMLButtonElement>('.mat-column-actions button')).toBe(button);
    expect(button?.textContent).toContain('Reactivate');
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Sam Worker can no longer sign in.');
  });

  it('reactivates someone', async () => {
    row('Kim Former').querySelector<HTMLButtonElement>('.mat-column-actions button')?.click();
    http
      .expectOne({ method: 'POST', url: '/api/users/u-kim/reactivate' })
      .flush({ ...KIM, status: 'active' });
    await fixture.whenStable();
    expect(row('Kim Former').textContent).toContain('Active');
  });

  it('changes a role, and puts it back if the server refuses', async () => {
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const select = await loader.getHarness(
      MatSelectHarness.with({ selector: '[aria-label="Role for Sam Worker"]' }),
    );
    await select.open();
    await select.clickOptions({ text: 'Senior leader' });
    const req = http.expectOne({ method: 'PATCH', url: '/api/users/u-sam/role' });
    expect(req.request.body).toEqual({ role: Role.SeniorLeader });
    req.flush({ ...SAM, role: Role.SeniorLeader });
    await fixture.whenStable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'Sam Worker’s role is now Senior leader.',
    );

    await select.open();
    await select.clickOptions({ text: 'Administrator' });
    http
      .expectOne({ method: 'PATCH', url: '/api/users/u-sam/role' })
      .flush({ detail: 'You cannot do that.' }, { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    expect(await select.getValueText()).toBe('Senior leader');
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('You cannot do that.');
  });

  it('asks for every invitation field before sending', async () => {
    el.querySelector<HTMLButtonElement>('.invite button[type="submit"]')?.click();
    await fixture.whenStable();
    const messages = Array.from(el.querySelectorAll('.invite mat-error')).map((e) => e.textContent?.trim());
    expect(messages).toEqual(['Enter a name.', 'Enter an email address.', 'Choose a role.']);
    http.expectNone({ method: 'POST', url: '/api/users' });
  });

  it('sends an invitation, confirms it and reloads the list', async () => {
    await type('displayName', ' Priya Shah ');
    await type('email', 'priya@example.org');
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const roleSelect = await loader.getHarness(MatSelectHarness.with({ ancestor: '.invite' }));
    await roleSelect.clickOptions({ text: 'Participation officer' });
    el.querySelector<HTMLButtonElement>('.invite button[type="submit"]')?.click();
    await fixture.whenStable();

    const req = http.expectOne({ method: 'POST', url: '/api/users' });
    expect(req.request.body).toEqual({
      displayName: 'Priya Shah',
      email: 'priya@example.org',
      role: Role.ParticipationOfficer,
    });
    req.flush(
      user({ id: 'u-priya', displayName: 'Priya Shah', email: 'priya@example.org', status: 'invited' }),
      {
        status: 201,
        statusText: 'Created',
      },
    );
    await fixture.whenStable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'Invitation sent to priya@example.org.',
    );
    expect(el.querySelector<HTMLInputElement>('.invite input[formcontrolname="email"]')?.value).toBe('');
    expectList().flush(page([ME, SAM, IVY, KIM]));
  });

  it('shows the server’s reason under the field when an invitation is refused', async () => {
    await type('displayName', 'Sam Again');
    await type('email', 'sam@example.org');
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await (
      await loader.getHarness(MatSelectHarness.with({ ancestor: '.invite' }))
    ).clickOptions({ text: 'Practitioner' });
    el.querySelector<HTMLButtonElement>('.invite button[type="submit"]')?.click();
    await fixture.whenStable();
    http.expectOne({ method: 'POST', url: '/api/users' }).flush(
      {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        detail: 'Someone already has this email address.',
        errors: { email: ['This email address is already in use.'] },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(el.querySelector('.invite [role="alert"]')?.textContent).toContain(
      'Someone already has this email address.',
    );
    expect(el.querySelector('.invite mat-error')?.textContent).toContain(
      'This email address is already in use.',
    );
  });
});
