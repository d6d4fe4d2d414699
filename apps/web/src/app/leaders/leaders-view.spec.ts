import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { LeadersView } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { byLabel, byName, problemBody, textOf, typeInto } from '../../testing/activity-fixtures';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { lastTwelveMonths } from '../period/period';
import { LEADERS_VIEW_URL } from './leaders-api';
import { PLEDGES_URL } from '../pledges/pledges-api';
import { provideRouter } from '@angular/router';
import { LeadersViewSection, actionSeries, commentAbout, countWords } from './leaders-view';

const period = lastTwelveMonths();

function leadersView(over: Partial<LeadersView> = {}): LeadersView {
  return {
    ...period,
    actionsByTheme: [
      { label: 'Sharing learning', open: 3, overdue: 1, done: 2, cant: 0 },
      { label: null, open: 0, overdue: 0, done: 1, cant: 1 },
    ],
    actionsByService: [{ label: 'Fostering', open: 3, overdue: 1, done: 3, cant: 1 }],
    loopsNotClosed: { total: 4, byTheme: [{ label: 'Sharing learning', count: 4 }] },
    ratings: {
      answered: 9,
      faces: [
        { rating: 1, count: 0 },
        { rating: 2, count: null },
        { rating: 3, count: null },
        { rating: 4, count: null },
        { rating: 5, count: 5 },
      ],
      comments: [
        {
          rating: 5,
          comment: 'They changed the leaflet like we asked',
          theme: 'Sharing learning',
          ratedOn: period.to,
        },
        { rating: 2, comment: 'Still waiting to hear back', theme: null, ratedOn: period.to },
      ],
    },
    funnel: { invited: 40, accepted: 22, attended: null },
    ...over,
  };
}

describe('the leaders’ view’s pure parts', () => {
  it('turns action counts into the four series, in order', () => {
    expect(actionSeries(leadersView().actionsByTheme)).toEqual([
      { label: 'Open', values: [3, 0] },
      { label: 'Overdue', values: [1, 0] },
      { label: 'Done in the period', values: [2, 1] },
      { label: 'Can’t, in the period', values: [0, 1] },
    ]);
  });

  it.each([
    [0, '0'],
    [null, 'fewer than 5'],
    [12, '12'],
  ])('writes the count %p as %p', (count, words) => {
    expect(countWords(count)).toBe(words);
  });

  it('says a comment’s rating, day and theme, leaving out a theme it has not got', () => {
    expect(commentAbout({ rating: 4, comment: 'x', theme: 'Early Help', ratedOn: '2026-12-05' })).toBe(
      'Good, Saturday 5 December 2026, about Early Help',
    );
    expect(commentAbout({ rating: 1, comment: 'x', theme: null, ratedOn: '2026-12-05' })).toBe(
      'Really bad, Saturday 5 December 2026',
    );
  });
});

describe('LeadersViewSection', () => {
  let fixture: ComponentFixture<LeadersViewSection>;
  let el: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [LeadersViewSection],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LeadersViewSection);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    // Their pledges are LeaderPledges' (its own spec); none here.
    http.expectOne((req) => req.url === PLEDGES_URL).flush({ pledges: [], total: 0 });
  });
  afterEach(() => http.verify());

  const expectView = (from: string, to: string) =>
    http.expectOne(
      (req) => req.url === LEADERS_VIEW_URL && req.params.get('from') === from && req.params.get('to') === to,
    );
  const tableRows = (caption: string) => {
    const table = Array.from(el.querySelectorAll('table')).find(
      (t) => textOf(t.querySelector('caption')) === caption,
    );
    if (!table) throw new Error(`no table “${caption}”`);
    return Array.from(table.querySelectorAll('tbody tr')).map((row) => Array.from(row.children).map(textOf));
  };

  it('shows the last 12 months as charts with their tables, small numbers withheld in words, with no axe violations', async () => {
    expectView(period.from, period.to).flush(leadersView());
    await fixture.whenStable();
    expect(tableRows('Actions by theme')).toEqual([
      ['Sharing learning', '3', '1', '2', '0'],
      ['No theme given', '0', '0', '1', '1'],
    ]);
    expect(tableRows('Actions by service')).toEqual([['Fostering', '3', '1', '3', '1']]);
    expect(el.textContent).toContain('4 things young people said are answered, but the young people');
    expect(tableRows('Answered but not yet told, by theme')).toEqual([['Sharing learning', '4']]);
    expect(tableRows('How young experts rated our responses')).toEqual([
      ['😣 Really bad', '0'],
      ['🙁 Bad', 'fewer than 5'],
      ['😐 OK', 'fewer than 5'],
      ['🙂 Good', 'fewer than 5'],
      ['😄 Really good', '5'],
    ]);
    expect(
      Array.from(el.querySelectorAll('.comments li')).map((li) => Array.from(li.children).map(textOf)),
    ).toEqual([
      ['“They changed the leaflet like we asked”', commentAbout(leadersView().ratings.comments[0])],
      ['“Still waiting to hear back”', commentAbout(leadersView().ratings.comments[1])],
    ]);
    expect(tableRows('Young people invited, who said yes and who came')).toEqual([
      ['Invited', '40'],
      ['Said yes', '22'],
      ['Came', 'fewer than 5'],
    ]);
    // Every chart is an image named for its table, which holds the same numbers.
    const canvases = Array.from(el.querySelectorAll('canvas'));
    expect(canvases).toHaveLength(5);
    for (const canvas of canvases) {
      expect(canvas.getAttribute('role')).toBe('img');
      expect(el.querySelector(`#${canvas.getAttribute('aria-details')}`)?.tagName).toBe('TABLE');
    }
    // The pledges' downloads are for the period shown.
    expect(
      Array.from(el.querySelectorAll<HTMLAnchorElement>('.downloads a')).map((a) => [
        textOf(a),
        a.getAttribute('href'),
      ]),
    ).toEqual([
      ['Download pledges (CSV)', `/api/pledges/export.csv?from=${period.from}&to=${period.to}`],
      ['Download pledges (XLSX)', `/api/pledges/export.xlsx?from=${period.from}&to=${period.to}`],
    ]);
    // Whose voices are missing is a page of its own.
    expect(el.querySelector('[aria-labelledby="leaders-reach-heading"] a')?.getAttribute('href')).toBe(
      '/reach',
    );
    expect(await axeViolations(el)).toEqual([]);
  });

  it('withholds the ratings and comments when fewer than five young experts rated, and says so', async () => {
    expectView(period.from, period.to).flush(
      leadersView({
        ratings: { answered: null, faces: [], comments: [] },
        loopsNotClosed: { total: 0, byTheme: [] },
        actionsByTheme: [],
        actionsByService: [],
      }),
    );
    await fixture.whenStable();
    expect(el.textContent).toContain('Fewer than 5 young experts rated a response in this period');
    expect(el.textContent).toContain('Every young person who spoke has been told what happened.');
    expect(el.querySelector('.comments')).toBeNull();
    expect(el.querySelectorAll('canvas')).toHaveLength(1);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('asks again for another period, and shows the API’s answer on the field when it refuses one', async () => {
    expectView(period.from, period.to).flush(leadersView());
    await fixture.whenStable();
    typeInto(byLabel(el, 'From'), '2022-01-01');
    typeInto(byLabel(el, 'To'), '2026-01-01');
    byName(el, 'Show').click();
    expectView('2022-01-01', '2026-01-01').flush(
      problemBody(400, 'Check the dates.', { to: ['Choose a period of at most two years.'] }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="alert"] li'))).toBe('To: Choose a period of at most two years.');
    expect(textOf(byLabel(el, 'To').closest('mat-form-field')?.querySelector('mat-error'))).toBe(
      'Choose a period of at most two years.',
    );
    expect(await axeViolations(el)).toEqual([]);
  });
});
