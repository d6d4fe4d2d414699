import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { addDays, todayInLondon } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import ActivitiesPage, { parseActivityListView, toActivityQuery } from './activities-page';
import { ACTIVITY_ID, byName, listItem, page, problemBody, textOf } from '../../testing/activity-fixtures';

describe('toActivityQuery', () => {
  it.each([
    ['upcoming', { from: '2026-05-10', status: 'planned', page: 1, pageSize: 25 }],
    ['past', { to: '2026-05-09', status: 'planned', page: 1, pageSize: 25 }],
    ['cancelled', { status: 'cancelled', page: 1, pageSize: 25 }],
  ] as const)('%s', (show, expected) => {
    expect(toActivityQuery({ show, page: 1, pageSize: 25 }, '2026-05-10')).toEqual(expected);
  });

  it('falls back to upcoming', () => {
    expect(parseActivityListView({ show: 'x', page: '0' })).toEqual({
      show: 'upcoming',
      page: 1,
      pageSize: 25,
    });
  });
});

describe('ActivitiesPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let el: HTMLElement;
  const today = todayInLondon();

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'activities', component: ActivitiesPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/activities');
    el = harness.routeNativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  function expectList(params: Record<string, string | null>) {
    return http.expectOne(
      (req) =>
        req.url === '/api/activities' &&
        Object.entries(params).every(([key, value]) => req.params.get(key) === value),
    );
  }

  it('lists upcoming activity days with their counts, and no axe violations', async () => {
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Loading activity days');
    expectList({ from: today, to: null, status: 'planned', page: '1' }).flush(
      page([
        listItem({ date: addDays(today, 20) }),
        listItem({ id: 'a-2', title: 'Theatre trip', capacity: null }),
      ]),
    );
    await harness.fixture.whenStable();
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(byName(el, 'Plan an activity day').getAttribute('href')).toBe('/activities/new');
    expect(byName(el, 'Climbing wall day').getAttribute('href')).toBe(`/activities/${ACTIVITY_ID}`);
    const first = Array.from(el.querySelectorAll('tbody tr:first-child td')).map(textOf);
    expect(first.slice(2)).toEqual(['Peak Climbing Centre', '12 places', '8', '5', '1', '0']);
    expect(first[1]).toContain('10:00 to 15:00');
    expect(textOf(el.querySelector('tbody tr:nth-child(2) td:nth-child(4)'))).toBe('No limit');
    expect(textOf(el.querySelector('.count'))).toBe('2 upcoming activity days.');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('shows past and cancelled days through the address', async () => {
    expectList({ from: today }).flush(page([]));
    await harness.fixture.whenStable();
    expect(textOf(el.querySelector('heard-empty-state h2'))).toBe('No activity days planned');
    (el.querySelectorAll('mat-button-toggle button')[1] as HTMLButtonElement).click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/activities?show=past');
    expectList({ to: addDays(today, -1), from: null, status: 'planned' }).flush(page([]));
    await harness.fixture.whenStable();
    expect(textOf(el.querySelector('heard-empty-state h2'))).toBe('No past activity days');
    (el.querySelectorAll('mat-button-toggle button')[2] as HTMLButtonElement).click();
    await harness.fixture.whenStable();
    expectList({ status: 'cancelled', from: null, to: null }).flush(
      page([listItem({ status: 'cancelled' })]),
    );
    await harness.fixture.whenStable();
    expect(textOf(el.querySelector('.count'))).toBe('1 cancelled activity day.');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says what to do when the list cannot be loaded', async () => {
    expectList({}).flush(problemBody(503, 'Heard is busy. Try again in a minute.'), {
      status: 503,
      statusText: 'Unavailable',
    });
    await harness.fixture.whenStable();
    expect(textOf(el.querySelector('[role="alert"]'))).toContain('Heard is busy.');
    expect(el.textContent).toContain('Reload the page to try again.');
  });
});
