import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Role } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { byLabel, byName, page, textOf } from '../../testing/fixtures';
import { signInAs } from '../../testing/session';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { TOOL_ID, toolResponse } from './practice-tool-fixtures';
import PracticeToolsPage, { parsePracticeToolListQuery } from './practice-tools-page';

describe('parsePracticeToolListQuery', () => {
  it.each([
    [{}, { stage: null, page: 1, pageSize: 25 }],
    [
      { stage: 'embedded', page: '2' },
      { stage: 'embedded', page: 2, pageSize: 25 },
    ],
    [{ stage: 'archived' }, { stage: null, page: 1, pageSize: 25 }],
    [{ stage: ['embedded', 'retired'] }, { stage: null, page: 1, pageSize: 25 }],
  ])('%o → %o', (params, expected) => {
    expect(parsePracticeToolListQuery(params)).toEqual(expected);
  });
});

describe('PracticeToolsPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let el: HTMLElement;

  async function open(role: Role, url = '/practice-tools'): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'practice-tools', component: PracticeToolsPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(role);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    el = harness.routeNativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  const expectList = (stage: string | null = null) =>
    http.expectOne((req) => req.url === '/api/practice-tools' && req.params.get('stage') === stage);

  it('lists tools with their stage and latest version, offers officers a new tool, with no axe violations', async () => {
    await open(Role.ParticipationOfficer);
    expectList().flush(
      page([
        toolResponse({
          stage: 'being_evaluated',
          latestVersion: { label: 'v2, March 2026', link: 'https://tools.example/v2.pdf' },
        }),
      ]),
    );
    await harness.fixture.whenStable();
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(byName(el, 'Invitation-to-chair letter').getAttribute('href')).toBe(`/practice-tools/${TOOL_ID}`);
    expect(byName(el, 'New practice tool').getAttribute('href')).toBe('/practice-tools/new');
    expect(Array.from(el.querySelectorAll('tbody td')).map(textOf)).toEqual([
      'Invitation-to-chair letter',
      'Being evaluated since 2 Mar 2026',
      'Independent reviewing service',
      'v2, March 2026',
    ]);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('keeps the stage filter in the address and loads only that stage', async () => {
    await open(Role.ParticipationOfficer);
    expectList().flush(page([toolResponse()]));
    await harness.fixture.whenStable();
    const select = byLabel<HTMLSelectElement>(el, 'Stage');
    select.value = 'embedded';
    select.dispatchEvent(new Event('change'));
    byName(el, 'Show').click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/practice-tools?stage=embedded');
    expectList('embedded').flush(page([]));
    await harness.fixture.whenStable();
    expect(textOf(el)).toContain('No tools at this stage');
    expect(select.value).toBe('embedded');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('reads the stage from the address, and offers a senior leader no new tool', async () => {
    await open(Role.SeniorLeader, '/practice-tools?stage=retired');
    expectList('retired').flush(page([toolResponse({ stage: 'retired' })]));
    await harness.fixture.whenStable();
    expect(byLabel<HTMLSelectElement>(el, 'Stage').value).toBe('retired');
    expect(textOf(el)).not.toContain('New practice tool');
    expect(textOf(el.querySelector('h2'))).toBe('Practice tools at Retired');
  });
});
