import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { axeViolations } from '../../testing/axe';
import { MySpacePage } from './my-space-page';
import { HOME } from './my-space-words';

describe('MySpacePage', () => {
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [MySpacePage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(MySpacePage);
    TestBed.inject(HttpTestingController)
      .expectOne('/api/me')
      .flush({ name: 'Jay', waiting: { rounds: 2, invitations: 0 } });
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
  });

  it('greets them by name and lists what is here, each its own page', () => {
    expect(el.querySelector('h1')?.textContent).toBe(HOME.title);
    expect(el.textContent).toContain(`${HOME.hello} Jay.`);
    const links = Array.from(el.querySelectorAll('.menu a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      '/rounds',
      '/said',
      '/responses',
      '/promises',
      '/plan',
      '/invitations',
      '/one-to-one',
      '/choices',
      '/data',
      '/delete',
      '/worry',
    ]);
  });

  it('counts only what is waiting, and says nothing when nothing is', () => {
    expect(el.textContent).toContain(`${HOME.roundsWaiting} 2`);
    expect(el.textContent).not.toContain(HOME.invitationsWaiting);
  });

  it('uses the warmer young people’s look', () => {
    expect(el.classList).toContain('heard-young');
  });

  it('has no nudges: no points, streaks, badges or levels', () => {
    expect(el.textContent?.toLowerCase()).not.toMatch(/\b(points?|streaks?|badges?|levels?|leaderboard)\b/);
  });

  it('has no axe violations', async () => {
    expect(await axeViolations(el)).toEqual([]);
  });
});
