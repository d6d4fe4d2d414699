import { ChangeDetectionStrategy, Component } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, DeferBlockState, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ALL_ROLES, Role, navigationFor } from '@heard/domain';
import { axeViolations } from '../testing/axe';
import { signInAs } from '../testing/session';
import { App } from './app';

@Component({ changeDetection: ChangeDetectionStrategy.OnPush, template: '<h1>Page</h1>' })
class Blank {}

describe('App shell', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter([
          { path: 'sign-in', component: Blank },
          { path: '**', component: Blank },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  async function render(): Promise<{ fixture: ComponentFixture<App>; el: HTMLElement }> {
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl('/home');
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  function menuLabels(el: HTMLElement): string[] {
    return Array.from(el.querySelectorAll('nav[aria-label="Main"] a')).map(
      (a) => a.textContent?.trim() ?? '',
    );
  }

  it.each(ALL_ROLES)('offers %s exactly the pages navigationFor() lists, in order', async (role) => {
    await signInAs(role);
    const { el } = await render();
    expect(menuLabels(el)).toEqual(navigationFor(role).map((item) => item.label));
    const hrefs = Array.from(el.querySelectorAll('nav[aria-label="Main"] a')).map((a) =>
      a.getAttribute('href'),
    );
    expect(hrefs).toEqual(navigationFor(role).map((item) => `/${item.path}`));
  });

  it.each(['/evaluate/abc'])(
    'shows no staff menu on a young person’s answer page (%s), even to a signed-in member of staff',
    async (url) => {
      await signInAs(Role.Practitioner, { displayName: 'Jo Practitioner' });
      const { fixture, el } = await render();
      expect(menuLabels(el).length).toBeGreaterThan(0);
      await TestBed.inject(Router).navigateByUrl(url);
      await fixture.whenStable();
      expect(el.querySelector('nav[aria-label="Main"]')).toBeNull();
      expect(el.querySelector('.menu-button')).toBeNull();
      // They can still see they are signed in, and sign out.
      expect(el.querySelector('.who')?.textContent).toContain('Jo Practitioner');
      expect(el.querySelector('.sign-out')).not.toBeNull();
      expect(await axeViolations(el)).toEqual([]);
    },
  );

  it('shows administrators the users page and audit log, and not the young experts’ space', async () => {
    await signInAs(Role.Administrator);
    const labels = menuLabels((await render()).el);
    expect(labels).toEqual(expect.arrayContaining(['Users', 'Audit log']));
    expect(labels).not.toContain('My space');
  });

  it('marks the current page in the menu', async () => {
    await signInAs(Role.Practitioner);
    const { el } = await render();
    const current = el.querySelector('nav a[aria-current="page"]');
    expect(current?.textContent?.trim()).toBe('Home');
  });

  it('shows the signed-in person’s name, role and a sign-out button', async () => {
    await signInAs(Role.SeniorLeader, { displayName: 'Priya Shah' });
    const { el } = await render();
    expect(el.querySelector('.who')?.textContent).toContain('Priya Shah');
    expect(el.querySelector('.who')?.textContent).toContain('Senior leader');
    expect(el.querySelector('button.sign-out')?.textContent?.trim()).toBe('Sign out');
  });

  it('shows no menu and no sign-out button to people who are signed out', async () => {
    const { el } = await render();
    expect(el.querySelector('nav')).toBeNull();
    expect(el.querySelector('button.sign-out')).toBeNull();
    expect(el.querySelector('.brand')?.textContent).toBe('Heard');
  });

  it('signs out on the server, forgets the user and goes to sign in', async () => {
    await signInAs(Role.Administrator);
    const { fixture, el } = await render();
    (el.querySelector('button.sign-out') as HTMLButtonElement).click();
    http
      .expectOne({ method: 'POST', url: '/api/auth/sign-out' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/sign-in');
    expect(el.querySelector('nav')).toBeNull();
  });

  it('gives young experts their own warmer look', async () => {
    await signInAs(Role.YoungExpert);
    const { el } = await render();
    expect(el.classList).toContain('heard-young');
  });

  it('keeps the staff look for staff', async () => {
    await signInAs(Role.ParticipationOfficer);
    const { el } = await render();
    expect(el.classList).not.toContain('heard-young');
  });

  it('has the outbox’s status above each page for staff, and not for young experts', async () => {
    await signInAs(Role.ParticipationOfficer);
    const shown = await render();
    // Loaded once the browser is idle, so it is not part of the first download.
    const [outbox] = await shown.fixture.getDeferBlocks();
    await outbox.render(DeferBlockState.Complete);
    let el = shown.el;
    expect(el.querySelector('heard-outbox-status [role="status"]')).not.toBeNull();
    http.verify();
    await signInAs(Role.YoungExpert);
    ({ el } = await render());
    expect(el.querySelector('heard-outbox-status')).toBeNull();
  });

  it('has a skip link that moves focus to the main content', async () => {
    await signInAs(Role.Practitioner);
    const { el } = await render();
    const skip = el.querySelector<HTMLAnchorElement>('a.skip-link');
    expect(skip?.textContent).toBe('Skip to main content');
    skip?.click();
    expect(document.activeElement?.id).toBe('main');
  });

  it('has banner, navigation and main landmarks and no axe violations', async () => {
    await signInAs(Role.Administrator);
    const { el } = await render();
    expect(el.querySelector('header mat-toolbar')).not.toBeNull();
    expect(el.querySelectorAll('main#main')).toHaveLength(1);
    expect(await axeViolations(el)).toEqual([]);
  });
});
