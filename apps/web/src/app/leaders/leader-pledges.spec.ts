import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { addDays, todayInLondon } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { textOf } from '../../testing/fixtures';
import { pledgeSummary } from '../../testing/pledge-fixtures';
import { PLEDGES_URL } from '../pledges/pledges-api';
import { LeaderPledges, pledgesNeedingYou } from './leader-pledges';

const today = '2026-12-05';

const flagged = {
  leader: { rag: 'green' as const, reason: 'All done.' },
  youngPeople: { rag: 'red' as const, counts: { kept: 0, partly: 0, not_kept: 3 } },
  flagged: true,
  divergence: 'leader_more_hopeful' as const,
};

describe('pledgesNeedingYou', () => {
  it.each([
    ['due today', { nextUpdateDue: today }, 'due'],
    ['overdue', { nextUpdateDue: addDays(today, -3) }, 'due'],
    ['due in a week', { nextUpdateDue: addDays(today, 7) }, 'due'],
    ['due in eight days', { nextUpdateDue: addDays(today, 8) }, null],
    ['completed, however late its update', { status: 'completed' as const, nextUpdateDue: today }, null],
    ['recorded for them to confirm', { status: 'unconfirmed' as const, unconfirmed: true }, 'toConfirm'],
    ['the two colours differ', { ratings: flagged }, 'differing'],
  ])('a pledge %s is listed under %p', (_case, over, list) => {
    const needs = pledgesNeedingYou([pledgeSummary(over)], today);
    const found = (['toConfirm', 'due', 'differing'] as const).filter((k) => needs[k].length > 0);
    expect(found).toEqual(list ? [list] : []);
  });

  it('lists what is due soonest first', () => {
    const needs = pledgesNeedingYou(
      [
        pledgeSummary({ id: 'b', nextUpdateDue: today }),
        pledgeSummary({ id: 'a', nextUpdateDue: addDays(today, -1) }),
      ],
      today,
    );
    expect(needs.due.map((p) => p.id)).toEqual(['a', 'b']);
  });
});

describe('LeaderPledges', () => {
  it('shows a leader what is due, what waits for them and where the young people differ, with no axe violations', async () => {
    TestBed.configureTestingModule({
      imports: [LeaderPledges],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(LeaderPledges);
    const el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    const now = todayInLondon();
    http
      .expectOne((req) => req.url === PLEDGES_URL)
      .flush({
        pledges: [
          pledgeSummary({ id: 'due', words: 'Reply within a week.', nextUpdateDue: addDays(now, 2) }),
          pledgeSummary({
            id: 'confirm',
            words: 'Visit every group.',
            status: 'unconfirmed',
            unconfirmed: true,
          }),
          pledgeSummary({
            id: 'differ',
            words: 'Use plain words.',
            ratings: flagged,
            nextUpdateDue: addDays(now, 30),
          }),
        ],
        total: 3,
      });
    await fixture.whenStable();
    const listUnder = (heading: string) => {
      const h4 = Array.from(el.querySelectorAll('h4')).find((h) => textOf(h) === heading);
      return Array.from(h4?.nextElementSibling?.querySelectorAll('li') ?? []).map(textOf);
    };
    expect(listUnder('Waiting for you to confirm')).toEqual(['Visit every group. (Managers’ forum)']);
    expect(listUnder('Updates due')).toEqual([
      expect.stringMatching(/^Reply within a week\. Update due .+\.$/),
    ]);
    expect(listUnder('Where the young people see it differently')).toEqual([
      expect.stringContaining('Use plain words. The young people see this pledge as'),
    ]);
    expect(el.querySelector('a[href="/pledges/due"]')).not.toBeNull();
    expect(textOf(el.querySelector('a[href="/pledges"]'))).toBe('All your pledges (3)');
    expect(await axeViolations(el)).toEqual([]);
    http.verify();
  });
});
