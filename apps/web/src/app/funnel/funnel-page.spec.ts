import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { axeViolations } from '../../testing/axe';
import {
  byLabel,
  byName,
  funnelResponse,
  problemBody,
  textOf,
  typeInto,
} from '../../testing/activity-fixtures';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import FunnelPage from './funnel-page';
import { lastTwelveMonths } from '../period/period';

describe('lastTwelveMonths', () => {
  it('runs from a year ago plus a day to today', () => {
    expect(lastTwelveMonths('2026-11-22')).toEqual({ from: '2025-11-23', to: '2026-11-22' });
    expect(lastTwelveMonths('2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
  });
});

describe('FunnelPage', () => {
  let fixture: ComponentFixture<FunnelPage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  const period = lastTwelveMonths();

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [FunnelPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(FunnelPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function expectFunnel(from: string, to: string) {
    return http.expectOne(
      (req) => req.url === '/api/funnel' && req.params.get('from') === from && req.params.get('to') === to,
    );
  }

  it('shows the last 12 months: invited, said yes, came, and the splits, with no axe violations', async () => {
    expect(byLabel(el, 'From').value).toBe(period.from);
    expect(byLabel(el, 'To').value).toBe(period.to);
    expectFunnel(period.from, period.to).flush(
      funnelResponse({ activityId: null, from: '2025-11-23', to: '2026-11-22' }),
    );
    await fixture.whenStable();
    // The API counts every kind of occasion, so the page names them all, not only activity days.
    expect(textOf(el.querySelector('heard-page-header p'))).toBe(
      'How many young people were invited, said yes and came, counting activity days, group sessions, one-to-ones and review meetings.',
    );
    expect(textOf(el.querySelector('#results-heading'))).toBe('Everything in the period');
    expect(textOf(el.querySelector('.period-words'))).toBe(
      'From Sunday 23 November 2025 to Sunday 22 November 2026.',
    );
    expect(textOf(el.querySelector('.explain'))).toContain(
      'Being invited counts even when someone cannot come',
    );
    expect(
      Array.from(el.querySelectorAll('.chart-table tbody tr')).map((row) =>
        Array.from(row.children).map(textOf),
      ),
    ).toEqual([
      ['Invited', '12', ''],
      ['Said yes', '6', '50% of those invited'],
      ['Came', '4', '33% of those invited'],
    ]);
    expect(textOf(el.querySelector('.others'))).toBe('4 said no. 1 is on the waiting list.');
    const rows = (table: string) =>
      Array.from(el.querySelectorAll(`[aria-labelledby="${table}"] tbody tr`)).map((row) =>
        Array.from(row.children).map(textOf),
      );
    expect(rows('by-age-heading')).toEqual([
      ['10 to 12', '0', '0', '0'],
      ['13 to 15', '8', '4', '2 (25%)'],
      ['16 to 17', '4', '2', '2 (50%)'],
      ['18 to 25', '0', '0', '0'],
    ]);
    expect(rows('by-experience-heading')).toContainEqual(['Looked after', '12', '6', '4 (33%)']);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('asks again for another period, and refuses one that ends before it starts', async () => {
    expectFunnel(period.from, period.to).flush(funnelResponse({ activityId: null }));
    await fixture.whenStable();
    typeInto(byLabel(el, 'From'), '2026-01-01');
    typeInto(byLabel(el, 'To'), '2025-12-01');
    byName(el, 'Show').click();
    await fixture.whenStable();
    http.expectNone((req) => req.url === '/api/funnel');
    expect(textOf(byLabel(el, 'To').closest('mat-form-field')?.querySelector('mat-error'))).toBe(
      'The end of the period is before its start.',
    );
    typeInto(byLabel(el, 'To'), '2026-03-31');
    byName(el, 'Show').click();
    expectFunnel('2026-01-01', '2026-03-31').flush(
      funnelResponse({ activityId: null, invited: 0, accepted: 0, attended: 0 }),
    );
    await fixture.whenStable();
    expect(el.textContent).toContain('No one was invited to anything in this period.');
  });

  it('says what to do when the figures cannot be loaded', async () => {
    expectFunnel(period.from, period.to).flush(
      problemBody(400, 'Check the dates.', { to: ['The end of the range is before its start.'] }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="alert"]'))).toContain('Check the dates.');
    expect(textOf(el.querySelector('[role="alert"] li'))).toBe(
      'To: The end of the range is before its start.',
    );
    expect(textOf(byLabel(el, 'To').closest('mat-form-field')?.querySelector('mat-error'))).toBe(
      'The end of the range is before its start.',
    );
    expect(el.textContent).toContain('choose Show to try again');
    expect(await axeViolations(el)).toEqual([]);
  });
});
