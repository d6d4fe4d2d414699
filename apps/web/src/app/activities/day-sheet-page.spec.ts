import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DOCUMENT } from '@angular/common';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { axeViolations } from '../../testing/axe';
import DaySheetPage from './day-sheet-page';
import { ACTIVITY_ID, byName, daySheet, problemBody, textOf } from '../../testing/activity-fixtures';

describe('DaySheetPage', () => {
  let fixture: ComponentFixture<DaySheetPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [DaySheetPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DaySheetPage);
    fixture.componentRef.setInput('id', ACTIVITY_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('shows who is coming, their needs, every missing consent and who not to photograph, with no axe violations', async () => {
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Loading the day sheet');
    http.expectOne(`/api/activities/${ACTIVITY_ID}/day-sheet`).flush(daySheet());
    await fixture.whenStable();
    expect(textOf(el.querySelector('h1'))).toBe('Day sheet: Climbing wall day');
    expect(textOf(el.querySelector('heard-page-header p'))).toBe('Saturday 4 July 2026, 10:00 to 15:00');
    const box = el.querySelector('.do-not-photograph');
    expect(textOf(box?.querySelector('h2'))).toBe('Do not photograph or film');
    expect(Array.from(box?.querySelectorAll('li') ?? []).map(textOf)).toEqual([
      'Sam — Withdrawn on 3 May 2026',
    ]);
    expect(el.textContent).toContain('2 young people coming. 10 places left. 1 on the waiting list.');
    const cells = (row: number) =>
      Array.from(el.querySelectorAll(`.sheet-table tbody tr:nth-child(${row}) > *`)).map(textOf);
    expect(cells(1)).toEqual(['Ali', 'None recorded', 'Prefers written instructions', 'All in place', '']);
    expect(cells(2).slice(0, 3)).toEqual(['Sam', 'Uses a wheelchair', 'None recorded']);
    expect(
      Array.from(el.querySelectorAll('.sheet-table tbody tr:nth-child(2) .consent-flags li')).map(textOf),
    ).toEqual([
      'Taking part consent was withdrawn on 2 July 2026.',
      'No emergency medical treatment consent has been recorded.',
    ]);
    // On a phone rows stack into cards, so each cell must name its column itself.
    const headers = Array.from(el.querySelectorAll('.sheet-table thead th')).map(textOf);
    for (const row of Array.from(el.querySelectorAll('.sheet-table tbody tr')))
      expect(Array.from(row.querySelectorAll('td')).map((td) => td.getAttribute('data-label'))).toEqual(
        headers.slice(1),
      );
    expect(el.querySelector('.no-print')).not.toBeNull();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('prints', async () => {
    http.expectOne(`/api/activities/${ACTIVITY_ID}/day-sheet`).flush(daySheet({ doNotPhotograph: [] }));
    await fixture.whenStable();
    expect(textOf(el.querySelector('.do-not-photograph p'))).toBe(
      'Everyone coming has photo and video consent in place for this day.',
    );
    const print = jest.fn();
    const view = TestBed.inject(DOCUMENT).defaultView as Window;
    const original = view.print;
    view.print = print;
    byName(el, 'Print').click();
    view.print = original;
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('says what to do when the sheet cannot be loaded', async () => {
    http
      .expectOne(`/api/activities/${ACTIVITY_ID}/day-sheet`)
      .flush(problemBody(404, 'We could not find that activity day.'), {
        status: 404,
        statusText: 'Not Found',
      });
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="alert"]'))).toContain('We could not find that activity day.');
    expect(() => byName(el, 'Print')).toThrow();
    expect(await axeViolations(el)).toEqual([]);
  });
});
