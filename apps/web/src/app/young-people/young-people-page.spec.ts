import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Role } from '@heard/domain';
import type { KeptListEntry } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { signInAs } from '../../testing/session';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import {
  GROUP_ID,
  OTHER_PERSON_ID,
  byLabel,
  byName,
  listItem,
  page,
  problemBody,
  textOf,
  typeInto,
} from '../../testing/fixtures';
import YoungPeoplePage from './young-people-page';

describe('YoungPeoplePage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;

  const CATEGORY_ID = '44444444-4444-4444-8444-444444444444';
  const RETIRED_ID = '55555555-5555-4555-8555-555555555555';
  const CATEGORIES: KeptListEntry[] = [
    { id: RETIRED_ID, name: 'Moved in from abroad', retired: true },
    { id: CATEGORY_ID, name: 'Lives with kinship carers', retired: false },
  ];

  /** Opens the page and answers its look-up of the team's categories with `categories`. */
  async function open(
    role: Role,
    url = '/young-people',
    categories: KeptListEntry[] | 'failed' = [],
  ): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'young-people', component: YoungPeoplePage }], withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    await signInAs(role);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    const lookUp = http.expectOne('/api/young-people/categories');
    if (categories === 'failed')
      lookUp.flush(problemBody(503, 'Heard is busy.'), { status: 503, statusText: 'Problem' });
    else lookUp.flush(categories);
    return harness.routeNativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  function expectList(check: (params: URLSearchParams) => boolean = () => true): TestRequest {
    return http.expectOne(
      (req) =>
        req.method === 'GET' &&
        req.url === '/api/young-people' &&
        check(new URLSearchParams(req.params.toString())),
    );
  }

  function expectGroups(): TestRequest {
    return http.expectOne((req) => req.url === '/api/groups');
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  it('lists young people for an officer, with links to their profiles and no axe violations', async () => {
    const el = await open(Role.ParticipationOfficer);
    expectGroups().flush(page([{ id: GROUP_ID, name: 'Deputies' }]));
    expectList((p) => p.get('sort') === 'name' && p.get('order') === 'asc' && p.get('page') === '1').flush(
      page([listItem(), listItem({ id: OTHER_PERSON_ID, preferredName: 'Ali', age: 17, groups: [] })]),
    );
    await settle();

    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(textOf(el.querySelector('h1'))).toBe('Young people');
    expect(byName<HTMLAnchorElement>(el, 'Sam').getAttribute('href')).toBe(
      '/young-people/11111111-1111-4111-8111-111111111111',
    );
    expect(byName(el, 'Add a young person').getAttribute('href')).toBe('/young-people/new');
    expect(textOf(el.querySelector('[role="status"]'))).toBe('2 young people.');
    expect(el.textContent).not.toMatch(/\b(cases?|clients?)\b/i);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says "more than 1,000" when the server stopped counting, and still offers the next page', async () => {
    const el = await open(Role.ParticipationOfficer);
    expectGroups().flush(page([]));
    expectList().flush(page([listItem()], { total: 1001, totalIsLowerBound: true }));
    await settle();

    expect(textOf(el.querySelector('[role="status"]'))).toBe('More than 1,000 young people.');
    expect(textOf(el.querySelector('.mat-mdc-paginator-range-label'))).toBe('1 – 25 of more than 1,000');
    expect(el.querySelector('button[aria-label="Next page"]')?.hasAttribute('disabled')).toBe(false);
  });

  it('searches by name from the first page, keeping the search in the address', async () => {
    const el = await open(Role.ParticipationOfficer, '/young-people?page=3');
    expectGroups().flush(page([]));
    expectList((p) => p.get('page') === '3').flush(page([listItem()], { total: 60, page: 3 }));
    await settle();

    typeInto(byLabel(el, 'Search by name'), ' Sa ');
    byName(el, 'Search').click();
    await settle();
    expect(router.url).toBe('/young-people?q=Sa');
    expectList((p) => p.get('q') === 'Sa' && p.get('page') === '1').flush(page([]));
    await settle();
    expect(textOf(el.querySelector('heard-empty-state h2'))).toBe('No young people match');
  });

  it('sorts by age on the server when the Age column is chosen', async () => {
    const el = await open(Role.ParticipationOfficer);
    expectGroups().flush(page([]));
    expectList().flush(page([listItem()]));
    await settle();

    const header = Array.from(el.querySelectorAll<HTMLElement>('[role="button"]')).find(
      (b) => textOf(b) === 'Age',
    );
    header?.click();
    await settle();
    expect(router.url).toBe('/young-people?sort=age');
    expectList((p) => p.get('sort') === 'age' && p.get('order') === 'asc').flush(page([listItem()]));
    await settle();
    expect(el.querySelector('th[aria-sort="ascending"]')?.textContent).toContain('Age');
  });

  it('reads its filters from the address', async () => {
    const el = await open(
      Role.ParticipationOfficer,
      `/young-people?groupId=${GROUP_ID}&serviceExperience=care_leaver&ageBand=16-17&pageSize=50`,
    );
    expectGroups().flush(page([{ id: GROUP_ID, name: 'Deputies' }]));
    expectList(
      (p) =>
        p.get('groupId') === GROUP_ID &&
        p.get('serviceExperience') === 'care_leaver' &&
        p.get('ageBand') === '16-17' &&
        p.get('pageSize') === '50',
    ).flush(page([]));
    await settle();
    expect(byName(el, 'Clear filters', 'heard-empty-state button')).toBeTruthy();
  });

  it('filters by one of the team’s categories, retired ones last and marked, kept in the address', async () => {
    const el = await open(Role.ParticipationOfficer, '/young-people', CATEGORIES);
    expectGroups().flush(page([]));
    expectList().flush(page([listItem()]));
    await settle();
    const select = byLabel(el, 'Category');
    select.click();
    await settle();
    const options = Array.from(document.querySelectorAll('mat-option')).map((o) => textOf(o));
    expect(options).toEqual(['Any category', 'Lives with kinship carers', 'Moved in from abroad (retired)']);
    (document.querySelectorAll('mat-option')[1] as HTMLElement).click();
    await settle();
    expectList((p) => p.get('categoryId') === CATEGORY_ID && p.get('page') === '1').flush(page([]));
    await settle();
    expect(router.url).toBe(`/young-people?categoryId=${CATEGORY_ID}`);
    expect(byName(el, 'Clear filters', 'heard-empty-state button')).toBeTruthy();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('reads the category from the address, and says so when the categories cannot load', async () => {
    await open(Role.Practitioner, `/young-people?categoryId=${CATEGORY_ID}`, 'failed');
    expectList((p) => p.get('categoryId') === CATEGORY_ID).flush(page([]));
    await settle();
    const el = harness.routeNativeElement as HTMLElement;
    expect(() => byLabel(el, 'Category')).toThrow();
    expect(textOf(el.querySelector('heard-problem-alert'))).toContain(
      'We could not load the categories, so you cannot filter by category just now.',
    );
  });

  it('does not offer practitioners the add button or the group filter', async () => {
    const el = await open(Role.Practitioner);
    http.expectNone('/api/groups');
    expectList().flush(page([]));
    await settle();
    expect(el.textContent).not.toContain('Add a young person');
    expect(() => byLabel(el, 'Group')).toThrow();
    expect(textOf(el.querySelector('heard-empty-state h2'))).toBe('No young people yet');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says what went wrong when the list cannot load', async () => {
    const el = await open(Role.Practitioner);
    expectList().flush(problemBody(400, 'Search with at most 60 characters.'), {
      status: 400,
      statusText: 'Bad Request',
    });
    await settle();
    expect(textOf(el.querySelector('[role="alert"]'))).toContain('Search with at most 60 characters.');
    expect(el.textContent).toContain('Check the search and filters above, then search again.');
  });
});
