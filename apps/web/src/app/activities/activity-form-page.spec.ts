import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { axeViolations } from '../../testing/axe';
import { groupResponse } from '../../testing/fixtures';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import ActivityFormPage from './activity-form-page';
import { toPence } from './activity-form';
import {
  ACTIVITY_ID,
  GROUP_ID,
  activityResponse,
  byLabel,
  byName,
  page,
  problemBody,
  textOf,
  typeInto,
} from '../../testing/activity-fixtures';

describe('toPence', () => {
  it.each([
    [null, null],
    ['', null],
    [250, 25_000],
    ['12.5', 1250],
    [0.29, 29],
  ])('%p → %p', (pounds, pence) => {
    expect(toPence(pounds as number | string | null)).toBe(pence);
  });
});

describe('ActivityFormPage', () => {
  let fixture: ComponentFixture<ActivityFormPage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  async function open(id?: string): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ActivityFormPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(ActivityFormPage);
    if (id) fixture.componentRef.setInput('id', id);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http
      .expectOne((req) => req.url === '/api/groups' && req.params.get('pageSize') === '100')
      .flush(page([groupResponse()]));
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  async function choose(label: string, options: string[]): Promise<void> {
    const select = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatSelectHarness.with({ selector: `#${byLabel(el, label).id}` }),
    );
    for (const option of options) await select.clickOptions({ text: option });
    await select.close();
    await fixture.whenStable();
  }

  async function fill(): Promise<void> {
    typeInto(byLabel(el, 'Title'), 'Climbing wall day');
    typeInto(byLabel(el, 'Date'), '2027-07-03');
    typeInto(byLabel(el, 'Venue'), 'Peak Climbing Centre');
    typeInto(byLabel(el, 'Places'), '12');
    typeInto(byLabel(el, 'Youngest age'), '13');
    typeInto(byLabel(el, 'Oldest age'), '17');
    typeInto(byLabel(el, 'Budget in pounds'), '450.50');
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What young people will evaluate'), 'How welcoming it is.');
    await choose('Photos and film', ['Photos will be taken']);
  }

  it('plans an activity day, sending pence and the chosen consents, then opens it', async () => {
    await open();
    expect(textOf(el.querySelector('h1'))).toBe('Plan an activity day');
    await fill();
    await choose('Service experiences', ['Looked after']);
    await choose('Groups', ['Deputies']);
    byLabel(el, 'Taking part').click();
    byLabel(el, 'Emergency medical treatment').click();
    // Photos and quotes never stop anyone coming, so they are not offered as needed.
    const offered = Array.from(el.querySelectorAll('fieldset.checks mat-checkbox')).map(textOf);
    expect(offered).toEqual(['Taking part', 'Transport', 'Emergency medical treatment']);
    await fixture.whenStable();
    expect(await axeViolations(el)).toEqual([]);
    byName(el, 'Plan the activity day').click();
    const req = http.expectOne({ method: 'POST', url: '/api/activities' });
    expect(req.request.body).toEqual({
      title: 'Climbing wall day',
      date: '2027-07-03',
      startTime: '10:00',
      endTime: '15:00',
      venue: 'Peak Climbing Centre',
      accessibility: null,
      capacity: 12,
      cohort: { minAge: 13, maxAge: 17, serviceExperiences: ['looked_after'], groupIds: [GROUP_ID] },
      professionals: null,
      budgetPence: 45_050,
      transport: null,
      photos: 'photos',
      agenda: 'How welcoming it is.',
      requiredConsents: ['taking_part', 'emergency_treatment'],
      reminderDaysBefore: 2,
    });
    req.flush(activityResponse(), { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/activities', ACTIVITY_ID], {
      state: { status: 'Climbing wall day is planned. Next, invite young people: Heard suggests who fits.' },
    });
  });

  it('puts the server’s messages on the fields, budget included', async () => {
    await open();
    await fill();
    byName(el, 'Plan the activity day').click();
    http.expectOne({ method: 'POST', url: '/api/activities' }).flush(
      problemBody(400, 'Some answers need changing.', {
        budgetPence: ['The budget is at most £100,000.'],
        'cohort.maxAge': ['Ages go up to 25.'],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const error = (label: string) =>
      textOf(byLabel(el, label).closest('mat-form-field')?.querySelector('mat-error'));
    expect(error('Budget in pounds')).toBe('The budget is at most £100,000.');
    expect(error('Oldest age')).toBe('Ages go up to 25.');
    expect(Array.from(el.querySelectorAll('heard-problem-alert li')).map(textOf)).toEqual([
      'Budget: The budget is at most £100,000.',
      'Oldest age: Ages go up to 25.',
    ]);
    expect(document.activeElement).toBe(byLabel(el, 'Oldest age'));
    expect(await axeViolations(el)).toEqual([]);
  });

  it('checks the times and ages before sending', async () => {
    await open();
    await fill();
    typeInto(byLabel(el, 'Ends at'), '09:00');
    typeInto(byLabel(el, 'Oldest age'), '12');
    byName(el, 'Plan the activity day').click();
    await fixture.whenStable();
    http.expectNone({ method: 'POST', url: '/api/activities' });
    const error = (label: string) =>
      textOf(byLabel(el, label).closest('mat-form-field')?.querySelector('mat-error'));
    expect(error('Ends at')).toBe('The end time must be after the start time.');
    expect(error('Oldest age')).toBe('The oldest age is below the youngest.');
  });

  it('asks whether photos will be taken rather than guess', async () => {
    await open();
    typeInto(byLabel(el, 'Title'), 'Climbing wall day');
    typeInto(byLabel(el, 'Date'), '2027-07-03');
    typeInto(byLabel(el, 'Youngest age'), '13');
    typeInto(byLabel(el, 'Oldest age'), '17');
    byName(el, 'Plan the activity day').click();
    await fixture.whenStable();
    http.expectNone({ method: 'POST', url: '/api/activities' });
    expect(textOf(byLabel(el, 'Photos and film').closest('mat-form-field')?.querySelector('mat-error'))).toBe(
      'Say whether photos or film will be taken.',
    );
  });

  it('edits a day, keeping the date for Move', async () => {
    await open(ACTIVITY_ID);
    http.expectOne(`/api/activities/${ACTIVITY_ID}`).flush(activityResponse());
    await fixture.whenStable();
    expect(textOf(el.querySelector('h1'))).toBe('Edit Climbing wall day');
    expect(byLabel(el, 'Date').disabled).toBe(true);
    expect(byLabel(el, 'Budget in pounds').value).toBe('450');
    expect(byLabel(el, 'Taking part').checked).toBe(true);
    typeInto(byLabel(el, 'Places'), '');
    byName(el, 'Save changes').click();
    const req = http.expectOne({ method: 'PUT', url: `/api/activities/${ACTIVITY_ID}` });
    expect(req.request.body).toMatchObject({
      date: '2026-07-04',
      capacity: null,
      budgetPence: 45_000,
      requiredConsents: ['taking_part', 'emergency_treatment'],
      cohort: { minAge: 13, maxAge: 17, serviceExperiences: ['looked_after'], groupIds: [GROUP_ID] },
    });
    req.flush(activityResponse());
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/activities', ACTIVITY_ID], {
      state: { status: 'Your changes are saved.' },
    });
  });
});
