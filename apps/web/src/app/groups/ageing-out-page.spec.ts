import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { todayInLondon } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import AgeingOutPage from './ageing-out-page';
import { GROUP_ID, PERSON_ID, byLabel, byName, textOf, typeInto } from '../../testing/fixtures';

describe('AgeingOutPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'groups/ageing-out', component: AgeingOutPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/groups/ageing-out');
    el = harness.routeNativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  function expectOn(on: string) {
    return http.expectOne((req) => req.url === '/api/groups/ageing-out' && req.params.get('on') === on);
  }

  it('checks today by default and lists who no longer fits, with no axe violations', async () => {
    expect(byLabel(el, 'Check on date').value).toBe(todayInLondon());
    expectOn(todayInLondon()).flush([
      {
        membershipId: 'm-1',
        youngPersonId: PERSON_ID,
        preferredName: 'Sam',
        age: 16,
        group: { id: GROUP_ID, name: 'Deputies' },
        reasons: ['They are 16; this group is for up to 15.'],
        suggestedGroup: { id: 'g-2', name: 'Seniors' },
      },
      {
        membershipId: 'm-2',
        youngPersonId: 'p-2',
        preferredName: 'Kai',
        age: 26,
        group: { id: 'g-2', name: 'Seniors' },
        reasons: ['They are 26; this group is for up to 25.'],
        suggestedGroup: null,
      },
    ]);
    await harness.fixture.whenStable();
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    const rows = Array.from(el.querySelectorAll('tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).map(textOf),
    );
    expect(rows).toEqual([
      ['Sam, aged 16', 'Deputies', 'They are 16; this group is for up to 15.', 'Seniors'],
      ['Kai, aged 26', 'Seniors', 'They are 26; this group is for up to 25.', 'No other group fits'],
    ]);
    expect(textOf(el.querySelector('[role="status"]'))).toBe('2 memberships need a decision.');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('checks another date', async () => {
    expectOn(todayInLondon()).flush([]);
    await harness.fixture.whenStable();
    expect(textOf(el.querySelector('heard-empty-state h2'))).toBe('Everyone fits their groups');
    typeInto(byLabel(el, 'Check on date'), '2026-09-01');
    byName(el, 'Check').click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/groups/ageing-out?on=2026-09-01');
    expectOn('2026-09-01').flush([]);
    await harness.fixture.whenStable();
    expect(textOf(el.querySelector('#results-heading'))).toBe(
      'Who no longer fits on Tuesday 1 September 2026',
    );
  });
});
