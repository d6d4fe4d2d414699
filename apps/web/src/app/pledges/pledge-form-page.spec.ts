import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { Role, addDays, todayInLondon } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import {
  GROUP_ID,
  SESSION_ID,
  byLabel,
  byName,
  page,
  problemBody,
  sessionResponse,
  textOf,
  typeInto,
} from '../../testing/fixtures';
import { ACTIVITY_ID, listItem as activityDay } from '../../testing/activity-fixtures';
import { PLEDGE_ID, PLEDGE_LEADER } from '../../testing/pledge-fixtures';
import { signInAs } from '../../testing/session';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import PledgeFormPage from './pledge-form-page';

const THEME_ID = '55555555-5555-4555-8555-555555555555';
const LEADER = PLEDGE_LEADER;
const OTHER_DAY_ID = '88888888-8888-4888-8888-888888888888';
const today = todayInLondon();

describe('PledgeFormPage (recording a pledge)', () => {
  let fixture: ComponentFixture<PledgeFormPage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  async function open(role: Role): Promise<void> {
    TestBed.configureTestingModule({
      imports: [PledgeFormPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await signInAs(role, role === Role.SeniorLeader ? LEADER : {});
    fixture = TestBed.createComponent(PledgeFormPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/action-log/themes').flush([
      { id: THEME_ID, name: 'Our language', retired: false },
      { id: 'old', name: 'Old theme', retired: true },
    ]);
    if (role === Role.ParticipationOfficer) {
      http.expectOne('/api/pledges/leaders').flush([LEADER]);
      http.expectOne((r) => r.url === '/api/groups').flush(page([{ id: GROUP_ID, name: 'Young DIB' }]));
      const days = http.expectOne((r) => r.url === '/api/activities');
      // The planned days of the last 12 weeks, up to today.
      expect(days.request.params.get('from')).toBe(addDays(today, -84));
      expect(days.request.params.get('to')).toBe(today);
      expect(days.request.params.get('status')).toBe('planned');
      days.flush(
        page([
          activityDay({ id: ACTIVITY_ID, title: 'Climbing wall day', date: addDays(today, -20) }),
          activityDay({ id: OTHER_DAY_ID, title: 'Summer fun day', date: addDays(today, -3) }),
        ]),
      );
    }
    await fixture.whenStable();
  }

  const select = async (control: string, option: string | RegExp) =>
    (
      await TestbedHarnessEnvironment.loader(fixture).getHarness(
        MatSelectHarness.with({ selector: `[formControlName="${control}"]` }),
      )
    ).clickOptions({ text: option });

  function fillCommon(): void {
    typeInto(byLabel(el, 'Their role'), ' Head of Service ');
    typeInto(byLabel(el, 'Where it was made'), 'Managers’ forum');
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What was pledged'), 'Every letter will use your own words.');
    typeInto(byLabel(el, 'Target date'), addDays(today, 90));
  }

  afterEach(() => http.verify());

  it('lets an officer choose the leader, group and session, sends the pledge and opens it, with no axe violations', async () => {
    await open(Role.ParticipationOfficer);
    expect(textOf(el.querySelector('h1'))).toBe('Record a pledge');
    expect(byLabel(el, 'Date it was made').value).toBe(today);
    expect(await axeViolations(el)).toEqual([]);

    await select('madeById', 'Dana Fairweather');
    await select('groupId', 'Young DIB');
    http
      .expectOne((r) => r.url === '/api/sessions' && r.params.get('groupId') === GROUP_ID)
      .flush([sessionResponse({ id: SESSION_ID, startsAt: `${addDays(today, -1)}T17:00:00.000Z` })]);
    await fixture.whenStable();
    // The session's date and time, not "Not at one of its sessions".
    await select('sessionId', /\d/);
    fillCommon();
    await select('themeId', 'Our language');
    byName(el, 'Record the pledge').click();
    const req = http.expectOne((r) => r.method === 'POST' && r.url === '/api/pledges');
    expect(req.request.body).toEqual({
      madeById: LEADER.id,
      role: 'Head of Service',
      forum: 'Managers’ forum',
      madeOn: today,
      words: 'Every letter will use your own words.',
      themeId: THEME_ID,
      targetDate: addDays(today, 90),
      updateEveryDays: 30,
      groupId: GROUP_ID,
      occasion: { kind: 'group_session', id: SESSION_ID },
    });
    req.flush({ id: PLEDGE_ID });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/pledges', PLEDGE_ID]);
  });

  it('offers recent activity days, newest first, as the occasion, and shows the API’s refusal there', async () => {
    await open(Role.ParticipationOfficer);
    const days = await await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatSelectHarness.with({ selector: '[formControlName="activityId"]' }),
    );
    await days.open();
    expect((await days.getOptions()).length).toBe(3);
    expect(await (await days.getOptions())[1].getText()).toMatch(/^Summer fun day, /);
    await days.close();
    await select('madeById', 'Dana Fairweather');
    await select('activityId', /^Climbing wall day/);
    fillCommon();
    await select('themeId', 'Our language');
    expect(await axeViolations(el)).toEqual([]);
    byName(el, 'Record the pledge').click();
    const req = http.expectOne((r) => r.method === 'POST' && r.url === '/api/pledges');
    expect(req.request.body).toEqual(
      expect.objectContaining({ groupId: null, occasion: { kind: 'activity_day', id: ACTIVITY_ID } }),
    );
    req.flush(problemBody(400, 'Check the pledge.', { occasion: ['That occasion was not found.'] }), {
      status: 400,
      statusText: 'Problem',
    });
    await fixture.whenStable();
    expect(textOf(el.querySelector('mat-form-field:has([formControlName="activityId"]) mat-error'))).toBe(
      'That occasion was not found.',
    );
    expect(textOf(el.querySelector('heard-problem-alert'))).toContain('Occasion');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('takes a session or an activity day, not both', async () => {
    await open(Role.ParticipationOfficer);
    await select('groupId', 'Young DIB');
    http
      .expectOne((r) => r.url === '/api/sessions' && r.params.get('groupId') === GROUP_ID)
      .flush([sessionResponse({ id: SESSION_ID, startsAt: `${addDays(today, -1)}T17:00:00.000Z` })]);
    await fixture.whenStable();
    await select('sessionId', /\d/);
    await select('activityId', /^Summer fun day/);
    byName(el, 'Record the pledge').click();
    await fixture.whenStable();
    expect(textOf(el)).toContain('Choose a session or an activity day, not both.');
    http.expectNone((r) => r.method === 'POST');
  });

  it('sends nothing while incomplete, and says what to fix at each field', async () => {
    await open(Role.ParticipationOfficer);
    typeInto(byLabel(el, 'Target date'), addDays(today, -10));
    typeInto(byLabel(el, 'Days between updates'), '3');
    byName(el, 'Record the pledge').click();
    await fixture.whenStable();
    const text = textOf(el);
    expect(text).toContain('Choose the senior leader who made the pledge.');
    expect(text).toContain('Say the leader’s role, for example Head of Service.');
    expect(text).toContain('Say where the pledge was made, for example the managers’ forum.');
    expect(text).toContain('Say what was pledged, in the words used.');
    expect(text).toContain('Choose the theme it is about.');
    expect(text).toContain('The target date cannot be before the pledge was made.');
    expect(text).toContain('Use a whole number of days from 7 to 365.');
    http.expectNone((r) => r.method === 'POST');
  });

  it('records a leader’s own pledge without choosing anyone, and shows the API’s refusal at its field', async () => {
    await open(Role.SeniorLeader);
    expect(textOf(el)).toContain('Made by you, Dana Fairweather.');
    expect(el.querySelector('[formControlName="madeById"]')).toBeNull();
    expect(el.querySelector('[formControlName="groupId"]')).toBeNull();
    fillCommon();
    await select('themeId', 'Our language');
    byName(el, 'Record the pledge').click();
    const req = http.expectOne((r) => r.method === 'POST' && r.url === '/api/pledges');
    expect(req.request.body).toEqual(
      expect.objectContaining({ madeById: null, groupId: null, occasion: null }),
    );
    req.flush(problemBody(400, 'Check the pledge.', { madeOn: ['A pledge is recorded once it is made.'] }), {
      status: 400,
      statusText: 'Problem',
    });
    await fixture.whenStable();
    expect(textOf(el)).toContain('A pledge is recorded once it is made.');
    expect(textOf(el.querySelector('heard-problem-alert'))).toContain('Date it was made');
    expect(navigate).not.toHaveBeenCalled();
  });
});
