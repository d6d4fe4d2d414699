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
import { axeViolations } from '../../testing/axe';
import { byName, problemBody, textOf, typeInto } from '../../testing/fixtures';
import { signInAs } from '../../testing/session';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import ActionLogPage from './action-log-page';
import { SERVICE_ID, THEME_ID, itemSummary } from './item-fixtures';

describe('ActionLogPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;

  async function open(role: Role, url = '/action-log'): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'action-log', component: ActionLogPage }], withComponentInputBinding()),
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
    http.expectOne('/api/action-log/services').flush([{ id: SERVICE_ID, name: 'Fostering', retired: false }]);
    http
      .expectOne('/api/action-log/themes')
      .flush([{ id: THEME_ID, name: 'Sharing learning', retired: true }]);
    return harness.routeNativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  function expectList(check: (params: URLSearchParams) => boolean = () => true): TestRequest {
    return http.expectOne(
      (req) =>
        req.method === 'GET' &&
        req.url === '/api/action-log/items' &&
        check(new URLSearchParams(req.params.toString())),
    );
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  it('lists items with their stage, and says in words which are overdue', async () => {
    const el = await open(Role.ParticipationOfficer);
    expectList((p) => p.get('limit') === '25' && !p.has('cursor')).flush({
      items: [
        itemSummary({ overdue: true }),
        itemSummary({
          id: 'b',
          summary: 'More youth workers at weekends.',
          stage: 'to_answer',
          groupName: null,
        }),
      ],
      nextCursor: null,
    });
    await settle();
    const rows = Array.from(el.querySelectorAll('tr[mat-row]'));
    expect(rows).toHaveLength(2);
    expect(textOf(rows[0])).toContain('Tell us sooner when our social worker changes.');
    expect(textOf(rows[0])).toContain('To acknowledge');
    expect(textOf(rows[0])).toContain('Overdue: it should have been acknowledged by 9 Mar 2026, 17:00');
    expect(textOf(rows[0])).toContain('A group session (Deputies)');
    expect(textOf(rows[1])).toContain('To answer');
    expect(textOf(rows[1])).not.toContain('Overdue');
    expect(textOf(el.querySelector('.count'))).toBe('2 items on this page.');
    expect(byName(el, 'Record what was said').getAttribute('href')).toBe('/action-log/new');
    // A retired theme still filters the items filed under it.
    expect(await axeViolations(el)).toEqual([]);
  });

  it('sends the filters in the address to the API, and searches words from the first page', async () => {
    const el = await open(Role.Practitioner, `/action-log?stage=to_answer&themeId=${THEME_ID}&overdue=true`);
    expectList(
      (p) => p.get('stage') === 'to_answer' && p.get('themeId') === THEME_ID && p.get('overdue') === 'true',
    ).flush({ items: [], nextCursor: null });
    await settle();
    expect(textOf(el.querySelector('heard-empty-state'))).toContain('No items match');
    // Practitioners read the log; only officers record.
    expect(el.textContent).not.toContain('Record what was said');

    typeInto(el.querySelector('input[type="search"]') as HTMLInputElement, 'weekends');
    byName(el, 'Search').click();
    await settle();
    expect(router.url).toContain('q=weekends');
    expectList((p) => p.get('q') === 'weekends' && p.get('stage') === 'to_answer').flush({
      items: [itemSummary()],
      nextCursor: null,
    });
    await settle();
    expect(textOf(el.querySelector('.count'))).toBe('1 item match on this page.');

    byName(el, 'Clear filters').click();
    await settle();
    expectList((p) => !p.has('stage') && !p.has('q') && !p.has('themeId')).flush({
      items: [],
      nextCursor: null,
    });
    await settle();
    expect(textOf(el.querySelector('heard-empty-state'))).toContain('Nothing in the log yet');
  });

  it('follows the cursor to the next page and back again', async () => {
    const el = await open(Role.ParticipationOfficer);
    expectList().flush({ items: [itemSummary()], nextCursor: 'page-2' });
    await settle();
    expect(textOf(el.querySelector('.count'))).toContain('There are more on the next page.');
    expect(el.textContent).not.toContain('Previous page');

    byName(el, 'Next page').click();
    await settle();
    expectList((p) => p.get('cursor') === 'page-2').flush({
      items: [itemSummary({ id: 'c' })],
      nextCursor: null,
    });
    await settle();
    expect(el.textContent).not.toContain('Next page');

    byName(el, 'Previous page').click();
    await settle();
    expectList((p) => !p.has('cursor')).flush({ items: [itemSummary()], nextCursor: 'page-2' });
    await settle();
    expect(router.url).toBe('/action-log');
  });

  it('offers the first page when opened from a link to a later one', async () => {
    const el = await open(Role.ParticipationOfficer, '/action-log?cursor=page-3');
    expectList((p) => p.get('cursor') === 'page-3').flush({ items: [itemSummary()], nextCursor: null });
    await settle();
    byName(el, 'First page').click();
    await settle();
    expectList((p) => !p.has('cursor')).flush({ items: [], nextCursor: null });
    await settle();
  });

  it('shows the API’s refusal of a filter', async () => {
    const el = await open(Role.ParticipationOfficer, '/action-log?from=2026-04-01&to=2026-03-01');
    expectList().flush(
      problemBody(400, 'Check the filters.', { to: ['The period must end on or after the day it starts.'] }),
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(textOf(el.querySelector('heard-problem-alert'))).toContain(
      'The period must end on or after the day it starts.',
    );
    expect(el.querySelector('table')).toBeNull();
  });
});
