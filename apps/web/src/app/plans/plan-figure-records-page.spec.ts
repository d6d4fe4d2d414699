import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Role, encodePlanReference } from '@heard/domain';
import type { PlanFigureRecordsResponse, PlanReference } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { byName, problemBody, textOf } from '../../testing/fixtures';
import { VERSION_ID } from '../../testing/plan-editor-fixtures';
import { signInAs } from '../../testing/session';
import PlanFigureRecordsPage from './plan-figure-records-page';

const period = { from: '2025-04-01', to: '2026-03-31' };
const ACTIONS: PlanReference = { kind: 'actions', period, answer: 'done' };
const GROUPS: PlanReference = { kind: 'group_attendance', period, groupId: 'g1' };

describe('what a figure counts', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'plans/figures/records', component: PlanFigureRecordsPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function open(ref: PlanReference | string, extra: Record<string, string> = {}) {
    await signInAs(Role.SeniorLeader);
    const refText = typeof ref === 'string' ? ref : encodePlanReference(ref);
    await TestBed.inject(Router).navigate(['/plans/figures/records'], {
      queryParams: { ref: refText, ...extra },
    });
    const fixture = TestBed.createComponent(PlanFigureRecordsPage);
    fixture.detectChanges();
    await fixture.whenStable();
    const request = http.expectOne(
      (r) => r.url === '/api/plans/figures/records' && r.params.get('ref') === refText,
    );
    return { fixture, el: fixture.nativeElement as HTMLElement, request };
  }

  it('lists the actions a figure counts, each linked to its page, with no axe violations', async () => {
    const { fixture, el, request } = await open(ACTIONS, {
      label: 'Actions: All themes: We did',
      version: VERSION_ID,
    });
    const answer: PlanFigureRecordsResponse = {
      counts: ACTIONS,
      ofYoungPeople: false,
      value: 203,
      records: [
        { label: 'Ran Tuesday sessions', detail: 'Done on 2025-06-01', link: { page: 'action', id: 'a1' } },
        { label: 'Moved the meeting', detail: 'Done on 2025-07-01', link: { page: 'action', id: 'a2' } },
      ],
      more: 201,
    };
    request.flush(answer);
    await fixture.whenStable();
    expect(textOf(el.querySelector('h1'))).toBe('Actions: All themes: We did');
    expect(textOf(el)).toContain('The plan shows 203.');
    expect(byName<HTMLAnchorElement>(el, 'Ran Tuesday sessions').getAttribute('href')).toBe(
      '/action-log/actions/a1',
    );
    expect(textOf(el)).toContain('And 201 more, not listed here.');
    expect(byName<HTMLAnchorElement>(el, 'Back to the plan version').getAttribute('href')).toBe(
      `/plans/versions/${VERSION_ID}`,
    );
    expect(await axeViolations(el)).toEqual([]);
  });

  it('lists groups with counts for a figure of young people, under five as words', async () => {
    const { fixture, el, request } = await open(GROUPS, { label: 'Taking part: Late Talk' });
    const answer: PlanFigureRecordsResponse = {
      counts: GROUPS,
      ofYoungPeople: true,
      value: null,
      records: [{ label: 'Late Talk', detail: null, count: null, link: { page: 'group', id: 'g1' } }],
      more: 0,
    };
    request.flush(answer);
    await fixture.whenStable();
    expect(textOf(el)).toContain('The plan shows fewer than 5.');
    expect(textOf(el.querySelector('li'))).toBe('Late Talk: fewer than 5');
    expect(textOf(el)).toContain('not the young people');
    expect(byName(el, 'Back to every year’s plan')).toBeTruthy();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says why the figure could not be read', async () => {
    const { fixture, el, request } = await open('{nope');
    request.flush(problemBody(400, 'Say which figure, as the plan links it.'), {
      status: 400,
      statusText: 'Bad Request',
    });
    await fixture.whenStable();
    expect(textOf(el.querySelector('heard-problem-alert'))).toContain(
      'Say which figure, as the plan links it.',
    );
  });
});
