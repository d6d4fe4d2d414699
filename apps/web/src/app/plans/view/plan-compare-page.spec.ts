import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { PLAN_SECTIONS } from '@heard/domain';
import type { PlanComparisonResponse } from '@heard/domain';
import { axeViolations } from '../../../testing/axe';
import PlanComparePage from './plan-compare-page';

const V1 = '0b7c1a2e-1d2c-4c3b-8a9d-1e2f3a4b5c6d';
const V2 = '5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const COMPARISON: PlanComparisonResponse = {
  before: {
    id: V1,
    status: 'superseded',
    number: 1,
    whatChanged: null,
    publishedAt: '2026-03-03T10:00:00.000Z',
    updatedAt: '2026-03-03T10:00:00.000Z',
  },
  after: {
    id: V2,
    status: 'draft',
    number: null,
    whatChanged: 'We fixed the date of the review.',
    publishedAt: null,
    updatedAt: '2026-04-01T10:00:00.000Z',
  },
  sections: [
    {
      key: 'individual_work',
      professional: [
        { kind: 'same', text: 'We will listen to ' },
        { kind: 'removed', text: 'children' },
        { kind: 'added', text: 'every child' },
        { kind: 'same', text: '.' },
      ],
      childFriendly: [{ kind: 'same', text: 'We will listen to you.' }],
    },
  ],
};

describe('PlanComparePage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const el = () => harness.routeNativeElement as HTMLElement;

  async function open(url: string): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'plans/compare', component: PlanComparePage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
  }
  afterEach(() => http.verify());

  it('asks the staff API for the two versions and shows both texts of each section, marked word by word', async () => {
    await open(`/plans/compare?before=${V1}&after=${V2}`);
    const req = http.expectOne((r) => r.url === '/api/plans/compare');
    expect(req.request.params.get('before')).toBe(V1);
    expect(req.request.params.get('after')).toBe(V2);
    expect(el().querySelector('mat-progress-bar')).not.toBeNull();
    req.flush(COMPARISON);
    await harness.fixture.whenStable();
    harness.detectChanges();
    const facts = el().querySelector('dl')?.textContent ?? '';
    expect(facts).toContain('Version 1: superseded, published 3 March 2026');
    expect(facts).toContain('The version being worked on: draft');
    expect(facts).toContain('We fixed the date of the review.');
    // Each version opens on its own page.
    expect(Array.from(el().querySelectorAll('dd a')).map((a) => a.getAttribute('href'))).toEqual([
      `/plans/versions/${V1}`,
      `/plans/versions/${V2}`,
    ]);
    expect(el().textContent).toContain(PLAN_SECTIONS.individual_work.title);
    expect(el().querySelector('.plan-compare-one ins')?.textContent).toContain('every child');
    expect(el().querySelector('.plan-compare-one del')?.textContent).toContain('children');
    expect(
      Array.from(el().querySelectorAll('.plan-compare-side')).map((side) => side.getAttribute('aria-label')),
    ).toEqual(['Version 1', 'The version being worked on']);
    expect(await axeViolations(el())).toEqual([]);
  });

  it('shows the API’s problem when a version is not there', async () => {
    await open(`/plans/compare?before=${V1}&after=${V2}`);
    http
      .expectOne((r) => r.url === '/api/plans/compare')
      .flush(
        {
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          detail: 'This version of the plan was not found.',
        },
        { status: 404, statusText: 'Not Found' },
      );
    await harness.fixture.whenStable();
    harness.detectChanges();
    expect(el().textContent).toContain('This version of the plan was not found.');
    expect(await axeViolations(el())).toEqual([]);
  });

  it('asks nothing until two versions are chosen', async () => {
    await open(`/plans/compare?before=${V1}`);
    http.expectNone((r) => r.url === '/api/plans/compare');
    expect(el().textContent).toContain('Choose the two versions to compare');
  });
});
