import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import type { PledgeResponse, PledgeTimelineEntry } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { problemBody, textOf } from '../../testing/fixtures';
import { PLEDGE_ID, PLEDGE_LEADER, pledgeResponse } from '../../testing/pledge-fixtures';
import { signInAs } from '../../testing/session';
import PledgePage from './pledge-page';
import PledgesPage from './pledges-page';

const LEADER = PLEDGE_LEADER;

function pledge(overrides: Partial<PledgeResponse> = {}): PledgeResponse {
  return pledgeResponse({
    nextUpdateDue: '2026-12-02',
    ratings: {
      leader: { rag: 'amber', reason: 'Half the teams are done.' },
      youngPeople: { rag: 'red', counts: { kept: 0, partly: 0, not_kept: 1 } },
      flagged: true,
      divergence: 'leader_more_hopeful',
    },
    updates: [
      {
        id: 'update-1',
        notedOn: '2026-11-10',
        words: 'Two of four teams rewrote their letters.',
        evidence: 'The new templates.',
        rag: 'amber',
        ragReason: 'Half the teams are done.',
        createdBy: LEADER,
        createdAt: '2026-11-10T09:00:00.000Z',
      },
    ],
    verdicts: [
      {
        id: 'verdict-1',
        from: 'young_expert',
        groupName: null,
        verdict: 'not_kept',
        words: 'My letter still said placement.',
        at: '2026-11-12T09:00:00.000Z',
      },
    ],
    ...overrides,
  });
}

const TIMELINE: PledgeTimelineEntry[] = [
  { at: '2026-11-02T09:00:00.000Z', event: 'pledge_recorded', byName: 'Ola Officer', detail: {} },
  { at: '2026-11-12T09:00:00.000Z', event: 'verdict_given', byName: null, detail: {} },
];

describe('pledge pages', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.SeniorLeader, LEADER);
  });
  afterEach(() => http.verify());

  it('lists pledges with both colours in words and the flag, with no axe violations', async () => {
    const fixture = TestBed.createComponent(PledgesPage);
    const el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http
      .expectOne((r) => r.url === '/api/pledges')
      .flush({
        pledges: [
          pledge(),
          pledge({
            id: 'other',
            unconfirmed: true,
            status: 'unconfirmed',
            ratings: {
              leader: { rag: null, reason: null },
              youngPeople: { rag: null, counts: { kept: 0, partly: 0, not_kept: 0 } },
              flagged: false,
              divergence: null,
            },
          }),
        ],
        total: 2,
      });
    await fixture.whenStable();
    const cards = Array.from(el.querySelectorAll('li.heard-record'));
    expect(cards).toHaveLength(2);
    expect(textOf(cards[0].querySelector('h2'))).toBe('Dana Fairweather, Managers’ forum');
    expect(textOf(cards[0].querySelector('.heard-facts'))).toContain('Amber');
    expect(textOf(cards[0].querySelector('.heard-facts'))).toContain('Red');
    expect(textOf(cards[0].querySelector('.flag'))).toContain('The two views differ.');
    expect(cards[1].querySelector('.flag')).toBeNull();
    expect(textOf(cards[1].querySelector('.unconfirmed'))).toBe('Not confirmed by the leader yet.');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says so when the list cannot load', async () => {
    const fixture = TestBed.createComponent(PledgesPage);
    await fixture.whenStable();
    http
      .expectOne((r) => r.url === '/api/pledges')
      .flush(problemBody(403, 'You may not see these pledges.'), { status: 403, statusText: 'Problem' });
    await fixture.whenStable();
    expect(textOf(fixture.nativeElement as HTMLElement)).toContain('You may not see these pledges.');
  });

  it('shows one pledge with its updates, the young people’s words and its history, with no axe violations', async () => {
    const fixture = TestBed.createComponent(PledgePage);
    fixture.componentRef.setInput('id', PLEDGE_ID);
    const el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(`/api/pledges/${PLEDGE_ID}`).flush(
      pledge({
        occasion: { kind: 'activity_day', id: 'day-1', title: 'Climbing wall day', date: '2026-07-04' },
      }),
    );
    http.expectOne(`/api/pledges/${PLEDGE_ID}/timeline`).flush(TIMELINE);
    await fixture.whenStable();
    expect(textOf(el.querySelector('h1'))).toBe('Pledge by Dana Fairweather');
    expect(textOf(el)).toContain('OccasionActivity day: Climbing wall day, 4 Jul 2026');
    expect(textOf(el)).toContain('The young people see this pledge as red; the leader as amber.');
    expect(textOf(el)).toContain('A young expert: No, it was not kept. “My letter still said placement.”');
    expect(textOf(el)).toContain('Two of four teams rewrote their letters.');
    expect(Array.from(el.querySelectorAll('.timeline li')).map((li) => textOf(li))).toEqual([
      expect.stringContaining('Recorded, by Ola Officer'),
      expect.stringContaining('Young people’s verdict'),
    ]);
    expect(await axeViolations(el)).toEqual([]);
  });
});
