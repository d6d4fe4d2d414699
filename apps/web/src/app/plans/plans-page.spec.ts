import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Role, todayInLondon } from '@heard/domain';
import type { PlanListResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { byName, problemBody, textOf } from '../../testing/fixtures';
import { EARLIER_VERSION_ID, PLAN_ID, VERSION_ID, planVersion } from '../../testing/plan-editor-fixtures';
import { signInAs } from '../../testing/session';
import PlansPage, { nextPlanYear } from './plans-page';

const LIST: PlanListResponse = {
  plans: [
    {
      id: PLAN_ID,
      year: 2026,
      yearOfPlan: 2,
      period: { from: '2026-04-01', to: '2027-03-31' },
      versions: [
        {
          id: EARLIER_VERSION_ID,
          status: 'published',
          number: 1,
          whatChanged: null,
          publishedAt: '2026-06-01T09:00:00.000Z',
          updatedAt: '2026-06-01T09:00:00.000Z',
        },
        {
          id: VERSION_ID,
          status: 'draft',
          number: null,
          whatChanged: 'The review dates were wrong.',
          publishedAt: null,
          updatedAt: '2026-07-01T09:00:00.000Z',
        },
      ],
    },
  ],
};

describe('nextPlanYear', () => {
  it.each<[string, number[], string, number]>([
    ['no plans, after April: this council year', [], '2026-06-01', 2026],
    ['no plans, before April: last council year', [], '2027-02-01', 2026],
    ['this year held: the one after the newest', [2026], '2026-06-01', 2027],
    ['next year held too', [2026, 2027], '2026-06-01', 2028],
    ['only older plans: this year', [2024], '2026-06-01', 2026],
  ])('%s', (_name, years, today, expected) => {
    expect(
      nextPlanYear(
        years.map((year) => ({ year })),
        today,
      ),
    ).toBe(expected);
  });
});

describe('plans page', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function open() {
    const fixture = TestBed.createComponent(PlansPage);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('lists each year’s plan with its versions, statuses and a comparison link, with no axe violations', async () => {
    await signInAs(Role.SeniorLeader);
    const { fixture, el } = await open();
    http.expectOne('/api/plans').flush(LIST);
    await fixture.whenStable();
    expect(textOf(el.querySelector('h2'))).toBe('Plan for 2026');
    const versions = Array.from(el.querySelectorAll('.versions li')).map(textOf);
    expect(versions[0]).toContain('Version 1: Published, published');
    expect(versions[1]).toContain('Unnumbered version: Draft');
    expect(versions[1]).toContain('What changed: The review dates were wrong.');
    const compare = byName<HTMLAnchorElement>(el, 'Compare with the previous version');
    expect(compare.getAttribute('href')).toBe(
      `/plans/compare?before=${EARLIER_VERSION_ID}&after=${VERSION_ID}`,
    );
    // A leader reads and approves; starting a plan is an officer's.
    expect(el.textContent).not.toContain('Start the plan');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('lets an officer start the next year’s plan and opens its first draft', async () => {
    await signInAs(Role.ParticipationOfficer);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const { fixture, el } = await open();
    http.expectOne('/api/plans').flush(LIST);
    await fixture.whenStable();
    byName(el, 'Start the plan for 2027').click();
    const request = http.expectOne({ method: 'POST', url: '/api/plans' });
    expect(request.request.body).toEqual({ year: 2027 });
    request.flush(planVersion({ id: 'new-version', year: 2027 }));
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/plans/versions', 'new-version']);
  });

  it('says why a plan could not be started', async () => {
    await signInAs(Role.ParticipationOfficer);
    const { fixture, el } = await open();
    http.expectOne('/api/plans').flush({ plans: [] });
    await fixture.whenStable();
    expect(textOf(el)).toContain('No plans yet.');
    byName(el, `Start the plan for ${nextPlanYear([], todayInLondon())}`).click();
    http
      .expectOne({ method: 'POST', url: '/api/plans' })
      .flush(problemBody(409, 'There is a plan for that year already.'), {
        status: 409,
        statusText: 'Conflict',
      });
    await fixture.whenStable();
    expect(textOf(el.querySelector('heard-problem-alert'))).toContain(
      'There is a plan for that year already.',
    );
  });

  it('says so when the list may not be read', async () => {
    await signInAs(Role.Practitioner);
    const { fixture, el } = await open();
    http.expectOne('/api/plans').flush(problemBody(403, 'Only officers and senior leaders see the plan.'), {
      status: 403,
      statusText: 'Forbidden',
    });
    await fixture.whenStable();
    expect(textOf(el)).toContain('Only officers and senior leaders see the plan.');
    expect(el.textContent).not.toContain('Start the plan');
  });
});
