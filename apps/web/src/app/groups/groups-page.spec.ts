import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { axeViolations } from '../../testing/axe';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import GroupsPage, { parseGroupListQuery } from './groups-page';
import {
  GROUP_ID,
  byLabel,
  byName,
  groupResponse,
  page,
  problemBody,
  textOf,
  typeInto,
} from '../../testing/fixtures';

describe('parseGroupListQuery', () => {
  it.each([
    [{}, { q: '', page: 1, pageSize: 25 }],
    [
      { q: ' Jun ', page: '2', pageSize: '50' },
      { q: 'Jun', page: 2, pageSize: 50 },
    ],
    [
      { page: 'x', pageSize: '7' },
      { q: '', page: 1, pageSize: 25 },
    ],
    [{ page: '0' }, { q: '', page: 1, pageSize: 25 }],
  ])('%o → %o', (params, expected) => {
    expect(parseGroupListQuery(params)).toEqual(expected);
  });
});

describe('GroupsPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'groups', component: GroupsPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/groups');
    el = harness.routeNativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  function expectList(q: string | null = null) {
    return http.expectOne((req) => req.url === '/api/groups' && req.params.get('q') === q);
  }

  it('lists groups with links, the sub-pages and no axe violations', async () => {
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Loading groups');
    expectList().flush(
      page([groupResponse({ nextSessionAt: '2026-03-05T17:00:00Z', serviceExperiences: [] })]),
    );
    await harness.fixture.whenStable();
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(byName(el, 'Deputies').getAttribute('href')).toBe(`/groups/${GROUP_ID}`);
    expect(byName(el, 'New group').getAttribute('href')).toBe('/groups/new');
    expect(byName(el, 'Calendar').getAttribute('href')).toBe('/groups/calendar');
    expect(byName(el, 'Ageing out').getAttribute('href')).toBe('/groups/ageing-out');
    expect(Array.from(el.querySelectorAll('tbody td')).map(textOf)).toEqual([
      'Deputies',
      '13 to 15',
      'Open to all',
      '1',
      '5 Mar 2026, 17:00',
    ]);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('searches by name through the address', async () => {
    expectList().flush(page([groupResponse()]));
    await harness.fixture.whenStable();
    typeInto(byLabel(el, 'Search groups by name'), 'Jun');
    byName(el, 'Search').click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/groups?q=Jun');
    expectList('Jun').flush(page([]));
    await harness.fixture.whenStable();
    expect(textOf(el.querySelector('heard-empty-state h2'))).toBe('No groups match');
  });

  it('invites the officer to set up the first group', async () => {
    expectList().flush(page([]));
    await harness.fixture.whenStable();
    expect(textOf(el.querySelector('heard-empty-state h2'))).toBe('No groups yet');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says what to do when the list cannot load', async () => {
    expectList().flush(problemBody(503, 'Heard is busy.'), { status: 503, statusText: 'Unavailable' });
    await harness.fixture.whenStable();
    expect(textOf(el.querySelector('[role="alert"]'))).toContain('Heard is busy.');
    expect(el.textContent).toContain('Reload the page to try again.');
  });
});
