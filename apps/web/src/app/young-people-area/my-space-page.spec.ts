import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { signInAs } from '../../testing/session';
import { MySpacePage } from './my-space-page';

describe('MySpacePage', () => {
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [MySpacePage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    await signInAs(Role.YoungExpert, { displayName: 'Jay' });
    const fixture = TestBed.createComponent(MySpacePage);
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
  });

  it('says what the space is for, in plain words', () => {
    expect(el.querySelector('h1')?.textContent).toBe('My space');
    expect(el.textContent).toContain(
      'This is your space. Soon you can tell us what you think about things made for you.',
    );
  });

  it('uses the warmer young people’s look', () => {
    expect(el.classList).toContain('heard-young');
  });

  it('keeps sentences short enough for a 10-year-old', () => {
    const blocks = Array.from(el.querySelectorAll('h1, h2, p, li, a')).map(
      (block) => block.textContent ?? '',
    );
    const sentences = blocks
      .flatMap((text) => text.replace(/\s+/g, ' ').split(/[.!?]/))
      .filter((s) => s.trim());
    expect(sentences.length).toBeGreaterThan(5);
    const longest = Math.max(...sentences.map((s) => s.trim().split(' ').length));
    expect(longest).toBeLessThanOrEqual(16);
  });

  it('has no nudges: no points, streaks, badges or levels', () => {
    expect(el.textContent?.toLowerCase()).not.toMatch(/\b(points?|streaks?|badges?|levels?|leaderboard)\b/);
  });

  it('has no axe violations', async () => {
    expect(await axeViolations(el)).toEqual([]);
  });
});
