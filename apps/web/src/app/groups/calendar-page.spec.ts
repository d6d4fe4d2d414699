import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { axeViolations } from '../../testing/axe';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import CalendarPage, { weekFromParam } from './calendar-page';
import { SESSION_ID, byName, sessionResponse, textOf } from '../../testing/fixtures';

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
      (req) => req.url === '/api/sessions' && req.params.get('from') === from && req.params.get('to') === to,
    );
  }

  it('shows a week’s sessions by day, cancelled ones struck through, with no axe violations', async () => {
    expectWeek('2026-03-02', '2026-03-08').flush([
      sessionResponse(),
      sessionResponse({
        id: 's-2',
        groupName: 'Juniors',
        status: 'cancelled',
        cancelReason: 'Snow',
        startsAt: '2026-03-04T16:30:00Z',
        endsAt: '2026-03-04T18:00:00Z',
      }),
    ]);
    await harness.fixture.whenStable();
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(textOf(el.querySelector('#week-heading'))).toBe('Week of 2 to 8 March 2026');
    expect(Array.from(el.querySelectorAll('h3')).map(textOf)).toEqual([
      'Wednesday 4 March',
      'Thursday 5 March',
    ]);
    const cancelled = el.querySelector('.session.cancelled');
    expect(textOf(cancelled?.querySelector('s'))).toBe('16:30 to 18:00 Juniors');
    expect(textOf(cancelled?.querySelector('.tag'))).toBe('Cancelled');
    expect(byName(el, 'Deputies').getAttribute('href')).toBe(`/groups/sessions/${SESSION_ID}`);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('moves a week at a time', async () => {
    expectWeek('2026-03-02', '2026-03-08').flush([]);
    await harness.fixture.whenStable();
    expect(textOf(el.querySelector('heard-empty-state h2'))).toBe('No sessions this week');

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
    http.match((req) => req.url === '/api/sessions');
  });

  it('says what to do when sessions cannot load', async () => {
    expectWeek('2026-03-02', '2026-03-08').flush(null, { status: 500, statusText: 'Error' });
    await harness.fixture.whenStable();
    expect(textOf(el.querySelector('[role="alert"]'))).toContain('Something went wrong on our side.');
    expect(el.textContent).toContain('Try again with the week buttons, or reload the page.');
  });
});
