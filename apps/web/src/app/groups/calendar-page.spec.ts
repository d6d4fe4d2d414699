import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { axeViolations } from '../../testing/axe';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import type { CalendarOccasion } from '@heard/domain';
import CalendarPage, { occasionLink, weekFromParam } from './calendar-page';
import { GROUP_ID, SESSION_ID, byName, textOf } from '../../testing/fixtures';

const ACTIVITY_ID = '66666666-6666-4666-8666-666666666666';
const ONE_TO_ONE_ID = '77777777-7777-4777-8777-777777777777';

function occasion(overrides: Partial<CalendarOccasion> = {}): CalendarOccasion {
  return {
    kind: 'group_session',
    id: SESSION_ID,
    title: 'Deputies',
    startsAt: '2026-03-05T17:00:00Z',
    endsAt: '2026-03-05T18:30:00Z',
    venue: 'Youth Hub, Room 2',
    status: 'open',
    groupId: GROUP_ID,
    moved: false,
    cancelReason: null,
    ...overrides,
  };
}

describe('occasionLink', () => {
  it.each<[CalendarOccasion['kind'], string[]]>([
    ['activity_day', ['/activities', 'x']],
    ['group_session', ['/groups/sessions', 'x']],
    ['one_to_one', ['/one-to-ones']],
  ])('%s → %p', (kind, link) => {
    expect(occasionLink(occasion({ kind, id: 'x' }))).toEqual(link);
  });
});

describe('weekFromParam', () => {
  it.each([
    ['2026-03-04', '2026-03-02'],
    [null, '2026-03-09'],
    ['rubbish', '2026-03-09'],
  ])('%s → the week of %s', (value, monday) => {
    expect(weekFromParam(value, '2026-03-11')).toBe(monday);
  });
});

describe('CalendarPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'groups/calendar', component: CalendarPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/groups/calendar?week=2026-03-04');
    el = harness.routeNativeElement as HTMLElement;
    http.expectOne('/api/calendar-feeds').flush([]);
  });

  afterEach(() => http.verify());

  function expectWeek(from: string, to: string) {
    return http.expectOne(
      (req) => req.url === '/api/calendar' && req.params.get('from') === from && req.params.get('to') === to,
    );
  }

  it('shows a week’s activity days, sessions and one-to-ones by day, with no axe violations', async () => {
    expectWeek('2026-03-02', '2026-03-08').flush([
      occasion(),
      occasion({
        kind: 'activity_day',
        id: ACTIVITY_ID,
        title: 'Climbing wall day',
        startsAt: '2026-03-05T10:00:00Z',
        endsAt: '2026-03-05T15:00:00Z',
        venue: 'Peak Climbing Centre',
        groupId: null,
        moved: true,
      }),
      occasion({
        id: 's-2',
        title: 'Juniors',
        status: 'cancelled',
        cancelReason: 'Half term',
        startsAt: '2026-03-04T16:30:00Z',
        endsAt: '2026-03-04T18:00:00Z',
      }),
      occasion({
        kind: 'one_to_one',
        id: ONE_TO_ONE_ID,
        title: 'One-to-one chat',
        status: 'done',
        startsAt: '2026-03-04T10:00:00Z',
        endsAt: '2026-03-04T11:00:00Z',
        venue: null,
        groupId: null,
      }),
    ]);
    await harness.fixture.whenStable();
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(textOf(el.querySelector('#week-heading'))).toBe('Week of 2 to 8 March 2026');
    expect(Array.from(el.querySelectorAll('h3')).map(textOf)).toEqual([
      'Wednesday 4 March',
      'Thursday 5 March',
    ]);
    expect(Array.from(el.querySelectorAll('li.occasion')).map(textOf)).toEqual([
      '10:00 to 11:00 One-to-one chat One-to-one Done',
      '16:30 to 18:00 Juniors Group session Youth Hub, Room 2 Cancelled Half term',
      '10:00 to 15:00 Climbing wall day Activity day Peak Climbing Centre Moved',
      '17:00 to 18:30 Deputies Group session Youth Hub, Room 2',
    ]);
    const cancelled = el.querySelector('.occasion.cancelled');
    expect(textOf(cancelled?.querySelector('s'))).toBe('16:30 to 18:00 Juniors');
    expect(textOf(cancelled?.querySelector('.tag'))).toBe('Cancelled');
    expect(byName(el, 'Deputies').getAttribute('href')).toBe(`/groups/sessions/${SESSION_ID}`);
    expect(byName(el, 'Climbing wall day').getAttribute('href')).toBe(`/activities/${ACTIVITY_ID}`);
    expect(byName(el, 'One-to-one chat').getAttribute('href')).toBe('/one-to-ones');
    expect(textOf(el.querySelector('.feed p'))).toBe(
      'See the group sessions you run, the activity days you set up and your one-to-ones in your own calendar app.',
    );
    expect(await axeViolations(el)).toEqual([]);
  });

  it('moves a week at a time', async () => {
    expectWeek('2026-03-02', '2026-03-08').flush([]);
    await harness.fixture.whenStable();
    expect(textOf(el.querySelector('heard-empty-state h2'))).toBe('Nothing on this week');

    byName(el, 'Next week').click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/groups/calendar?week=2026-03-09');
    expectWeek('2026-03-09', '2026-03-15').flush([]);
    await harness.fixture.whenStable();

    byName(el, 'Previous week').click();
    await harness.fixture.whenStable();
    byName(el, 'Previous week').click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/groups/calendar?week=2026-02-23');
    expectWeek('2026-02-23', '2026-03-01').flush([]);
    await harness.fixture.whenStable();
    expect(textOf(el.querySelector('#week-heading'))).toBe('Week of 23 February to 1 March 2026');
    http.match((req) => req.url === '/api/calendar');
  });

  it('says what to do when the calendar cannot load', async () => {
    expectWeek('2026-03-02', '2026-03-08').flush(null, { status: 500, statusText: 'Error' });
    await harness.fixture.whenStable();
    expect(textOf(el.querySelector('[role="alert"]'))).toContain('Something went wrong on our side.');
    expect(el.textContent).toContain('Try again with the week buttons, or reload the page.');
  });
});
