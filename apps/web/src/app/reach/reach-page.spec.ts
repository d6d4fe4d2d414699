import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { REACH_DIMENSIONS, ServiceExperienceKind, reachOf } from '@heard/domain';
import { BaseChartDirective } from 'ng2-charts';
import type { ReachCounts } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { byLabel, byName, problemBody, textOf, typeInto } from '../../testing/activity-fixtures';
import { lastTwelveMonths } from '../period/period';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import ReachPage, { gapWords } from './reach-page';

const counts = (couldTakePart: number, invited = 0, came = 0, evaluated = 0, spoke = 0): ReachCounts => ({
  couldTakePart,
  invited,
  came,
  evaluated,
  spoke,
});

/** Thirty in the area who took part; six placed out of area, three invited and none came. */
const reach = (from: string, to: string) =>
  reachOf({ from, to }, counts(36, 23, 12, 6, 7), [
    { dimension: 'placedOutOfArea', group: 'yes', counts: counts(6, 3) },
    { dimension: 'placedOutOfArea', group: 'no', counts: counts(30, 20, 12, 6, 7) },
    { dimension: 'ageBand', group: '13-15', counts: counts(36, 23, 12, 6, 7) },
    {
      dimension: 'serviceExperience',
      group: ServiceExperienceKind.LookedAfter,
      counts: counts(36, 23, 12, 6, 7),
    },
    // Two of the six with SEND came: withheld, and so is the rest of that column.
    { dimension: 'send', group: 'yes', counts: counts(6, 5, 2, 1, 0) },
    { dimension: 'send', group: 'no', counts: counts(30, 18, 10, 5, 7) },
  ]);

describe('gapWords', () => {
  it('says which stages no one or few in a group reached', () => {
    expect(
      gapWords({
        group: 'yes',
        label: 'Placed out of area',
        counts: counts(6),
        gaps: [
          { stage: 'came', gap: 'none' },
          { stage: 'spoke', gap: 'none' },
          { stage: 'invited', gap: 'few' },
        ],
      }),
    ).toBe('No one came or spoke in You said. Few were invited, compared with everyone.');
    expect(gapWords({ group: 'no', label: 'In the area', counts: counts(6), gaps: [] })).toBe('');
  });
});

describe('ReachPage', () => {
  let fixture: ComponentFixture<ReachPage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  const period = lastTwelveMonths();

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ReachPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReachPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const expectReach = (from: string, to: string) =>
    http.expectOne(
      (req) => req.url === '/api/reach' && req.params.get('from') === from && req.params.get('to') === to,
    );

  const rowsOf = (caption: string) => {
    const table = Array.from(el.querySelectorAll('table')).find(
      (t) => textOf(t.querySelector('caption')) === caption,
    );
    return Array.from(table?.querySelectorAll('tbody tr') ?? []).map((row) =>
      Array.from(row.children).map(textOf),
    );
  };

  it('shows the last 12 months as a table per group, says who is missing, and passes axe', async () => {
    expectReach(period.from, period.to).flush(reach(period.from, period.to));
    await fixture.whenStable();
    expect(textOf(el.querySelector('.everyone'))).toBe(
      'All young people: could take part 36, invited 23, came 12, evaluated 6, spoke 7.',
    );
    expect(Array.from(el.querySelectorAll('.missing li')).map(textOf)).toContain(
      'Placed out of area: No one came, gave an evaluation or spoke in You said.',
    );
    expect(rowsOf('Placed out of area')).toEqual([
      [
        'Placed out of area',
        '6',
        'fewer than 5',
        '0',
        '0',
        '0',
        'No one came, gave an evaluation or spoke in You said.',
      ],
      ['In the area', '30', 'fewer than 5', '12', '6', '7', ''],
    ]);
    expect(rowsOf('Age band').map((r) => r[0])).toEqual([
      '10 to 12',
      '13 to 15',
      '16 to 17',
      '18 to 25',
      'Other ages',
    ]);
    expect(rowsOf('Service experience')).toContainEqual(['Looked after', '36', '23', '12', '6', '7', '']);
    const links = Array.from(el.querySelectorAll<HTMLAnchorElement>('.downloads a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      `/api/reach/export.csv?from=${period.from}&to=${period.to}`,
      `/api/reach/export.xlsx?from=${period.from}&to=${period.to}`,
    ]);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('draws each table as a chart of shares with its table, a withheld share not drawn, and passes axe', async () => {
    expectReach(period.from, period.to).flush(reach(period.from, period.to));
    await fixture.whenStable();
    const share = (table: string) => `${table}: the share of each group who came and who spoke`;
    // Everyone first to compare with; each share of those who could take part, from the counts above.
    expect(rowsOf(share('Placed out of area'))).toEqual([
      ['All young people', '33%', '19%'],
      ['Placed out of area', '0%', '0%'],
      ['In the area', '40%', '23%'],
    ]);
    // Two came of six with SEND: withheld, not drawn, and said so; 10 of 30 goes with it (shownParts).
    expect(rowsOf(share('SEND'))).toEqual([
      ['All young people', '33%', '19%'],
      ['SEND / EHCP', 'fewer than 5', '0%'],
      ['No SEND recorded', 'fewer than 5', '23%'],
    ]);
    // Groups with no one in them have no share and are left out.
    expect(rowsOf(share('Age band')).map((r) => r[0])).toEqual(['All young people', '13 to 15']);

    // One chart a table, each an image named for its table; what is drawn is what the table says.
    const charts = fixture.debugElement.queryAll(By.directive(BaseChartDirective));
    expect(charts).toHaveLength(REACH_DIMENSIONS.length);
    for (const chart of charts) {
      const canvas = chart.nativeElement as HTMLCanvasElement;
      expect(canvas.getAttribute('role')).toBe('img');
      expect(el.querySelector(`#${canvas.getAttribute('aria-details')}`)?.tagName).toBe('TABLE');
    }
    const send = charts.find((c) =>
      (c.nativeElement as HTMLElement).getAttribute('aria-label')?.includes(share('SEND')),
    );
    const drawn = send?.injector.get(BaseChartDirective).data;
    expect(drawn?.labels).toEqual(['All young people', 'SEND / EHCP', 'No SEND recorded']);
    expect(drawn?.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Came', [33, null, null]],
      ['Spoke', [19, 0, 23]],
    ]);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says so when Heard knew no young people in the period', async () => {
    expectReach(period.from, period.to).flush(reachOf(period, counts(0), []));
    await fixture.whenStable();
    expect(el.textContent).toContain('Heard knew no young people in this period.');
    expect(el.querySelector('table')).toBeNull();
    expect(el.querySelector('canvas')).toBeNull();
  });

  it('asks again for another period, and shows a problem on the dates', async () => {
    expectReach(period.from, period.to).flush(reach(period.from, period.to));
    await fixture.whenStable();
    typeInto(byLabel(el, 'From'), '2024-01-01');
    typeInto(byLabel(el, 'To'), '2026-06-30');
    byName(el, 'Show').click();
    expectReach('2024-01-01', '2026-06-30').flush(
      problemBody(400, 'Check the dates.', { to: ['Choose a period of at most two years.'] }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="alert"] li'))).toBe('To: Choose a period of at most two years.');
    expect(el.textContent).toContain('choose Show to try again');
    expect(el.querySelector('.downloads')).toBeNull();
    expect(await axeViolations(el)).toEqual([]);
  });
});
