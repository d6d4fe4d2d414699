import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ConsentGiver, ConsentMethod, ConsentPurpose, Role, todayInLondon } from '@heard/domain';
import type { ConsentPanelResponse, ConsentRecordResponse } from '@heard/domain';
import { axeViolations } from '../../../testing/axe';
import { signInAs } from '../../../testing/session';
import {
  ADULT_ID,
  PERSON_ID,
  byLabel,
  byName,
  page,
  personResponse,
  problemBody,
  textOf,
  typeInto,
} from '../../../testing/fixtures';
import { provideFormFieldDefaults } from '../../shared/form-field-defaults';
import ConsentPage from './consent-page';

const PANEL_URL = `/api/young-people/${PERSON_ID}/consents`;
const PHOTO_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const OLD_PHOTO_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const TRIP_ID = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const OFFICER = { id: 'user-participation_officer', displayName: 'Alex Officer' };

function record(overrides: Partial<ConsentRecordResponse> = {}): ConsentRecordResponse {
  return {
    id: PHOTO_ID,
    youngPersonId: PERSON_ID,
    purpose: ConsentPurpose.PhotosVideo,
    givenBy: ConsentGiver.Parent,
    method: ConsentMethod.Form,
    wording: 'I agree that photos of Sam may be used in the council newsletter.',
    givenOn: '2026-02-01',
    scope: 'standing',
    activity: null,
    expiresOn: '2027-01-31',
    recordedBy: OFFICER,
    recordedAt: '2026-02-02T10:00:00Z',
    withdrawal: null,
    giverWarning: 'A parent gave this consent, but they are 16 or 17: check with them too.',
    ...overrides,
  };
}

function panel(): ConsentPanelResponse {
  const current = record();
  const withdrawn = record({
    id: OLD_PHOTO_ID,
    givenBy: ConsentGiver.YoungPerson,
    method: ConsentMethod.Verbal,
    wording: 'Photos are fine but not my face.',
    givenOn: '2025-09-10',
    expiresOn: null,
    recordedAt: '2025-09-10T12:00:00Z',
    withdrawal: {
      at: '2025-12-03T15:30:00Z',
      by: { id: ADULT_ID, displayName: 'Pat Worker' },
      reason: 'Changed their mind',
    },
    giverWarning: null,
  });
  return {
    youngPersonId: PERSON_ID,
    on: '2026-03-10',
    whoMayConsent: 'They are 16 or 17: they give consent themselves (a parent’s consent is flagged).',
    purposes: [
      {
        purpose: ConsentPurpose.TakingPart,
        label: 'Taking part',
        effective: {
          status: 'missing',
          recordId: null,
          message: 'No taking part consent has been recorded.',
          warnings: [],
        },
        history: [],
      },
      {
        purpose: ConsentPurpose.PhotosVideo,
        label: 'Photos and video',
        effective: {
          status: 'valid',
          recordId: PHOTO_ID,
          message: null,
          warnings: ['A parent gave this consent, but they are 16 or 17: check with them too.'],
        },
        history: [current, withdrawn],
      },
    ],
  };
}

describe('ConsentPage', () => {
  let fixture: ComponentFixture<ConsentPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  async function open(role = Role.ParticipationOfficer): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ConsentPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
        provideNoopAnimations(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(role);
    fixture = TestBed.createComponent(ConsentPage);
    fixture.componentRef.setInput('id', PERSON_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  async function answer(body = panel()): Promise<void> {
    http.expectOne({ method: 'GET', url: PANEL_URL }).flush(body);
    http
      .expectOne(`/api/young-people/${PERSON_ID}`)
      .flush(personResponse({ age: 16, dateOfBirth: '2009-06-01' }));
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const section = (purpose: ConsentPurpose) =>
    el.querySelector<HTMLElement>(`section[aria-labelledby="purpose-${purpose}"]`) as HTMLElement;

  async function choose(label: string, option: string): Promise<void> {
    byLabel<HTMLElement>(el, label).click();
    await fixture.whenStable();
    const match = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find(
      (o) => textOf(o) === option,
    );
    if (!match) throw new Error(`No option "${option}"`);
    match.click();
    await fixture.whenStable();
  }

  it('shows who may consent, each purpose’s status, warnings and history, with no axe violations', async () => {
    await open();
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Loading their consents');
    await answer();
    expect(textOf(el.querySelector('h1'))).toBe('Consent');
    expect(textOf(el)).toContain('For Sam');
    expect(textOf(el.querySelector('.who'))).toBe(
      'Who may consent: They are 16 or 17: they give consent themselves (a parent’s consent is flagged).',
    );
    expect(textOf(section(ConsentPurpose.TakingPart).querySelector('.state'))).toBe(
      'Not in place. No taking part consent has been recorded.',
    );
    expect(textOf(section(ConsentPurpose.TakingPart))).toContain('Nothing recorded yet.');

    const photos = section(ConsentPurpose.PhotosVideo);
    expect(textOf(photos.querySelector('.state'))).toBe(
      'In place. Given by a parent or person with parental responsibility on 1 February 2026. Expires on 31 January 2027.',
    );
    expect(textOf(photos.querySelector('.warning'))).toBe(
      'Warning: A parent gave this consent, but they are 16 or 17: check with them too.',
    );
    const items = photos.querySelectorAll('.history > li');
    expect(items).toHaveLength(2);
    expect(textOf(items[0])).toContain('Recorded by Alex Officer on 2 February 2026.');
    expect(items[0].classList).not.toContain('withdrawn');
    expect(items[1].classList).toContain('withdrawn');
    expect(textOf(items[1].querySelector('.withdrawn-note'))).toBe(
      'Withdrawn on 3 December 2025 by Pat Worker. Reason: Changed their mind',
    );
    expect(textOf(items[1])).toContain('Photos are fine but not my face.');
    // Withdrawn records cannot be withdrawn again; the one in force can, in one click.
    expect(items[1].querySelector('button')).toBeNull();
    expect(textOf(items[0].querySelector('button'))).toBe(
      'Withdraw photos and video consent given on 1 February 2026',
    );
    expect(await axeViolations(el)).toEqual([]);
  });

  it('withdraws a consent with a reason after a confirm step, then shows it as withdrawn', async () => {
    await open(Role.Practitioner);
    await answer();
    const photos = section(ConsentPurpose.PhotosVideo);
    (photos.querySelector('.history > li button') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(textOf(el)).toContain('Withdraw this consent?');
    expect(document.activeElement).toBe(byLabel(el, 'Reason (optional)'));
    expect(await axeViolations(el)).toEqual([]);
    http.expectNone({ method: 'POST' });

    typeInto(byLabel<HTMLTextAreaElement>(el, 'Reason (optional)'), '  Sam asked us to stop  ');
    byName(el, 'Confirm withdrawal').click();
    const req = http.expectOne({ method: 'POST', url: `/api/consents/${PHOTO_ID}/withdraw` });
    expect(req.request.body).toEqual({ reason: 'Sam asked us to stop' });
    const withdrawal = {
      at: '2026-03-10T09:00:00Z',
      by: { id: ADULT_ID, displayName: 'Pat Worker' },
      reason: 'Sam asked us to stop',
    };
    req.flush(record({ withdrawal }));
    await fixture.whenStable();

    const after = panel();
    after.purposes[1].effective = {
      status: 'withdrawn',
      recordId: PHOTO_ID,
      message: 'Photos and video consent was withdrawn on 10 March 2026.',
      warnings: [],
    };
    after.purposes[1].history[0] = record({ withdrawal });
    http.expectOne({ method: 'GET', url: PANEL_URL }).flush(after);
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toBe(
      'Photos and video consent withdrawn. It stopped counting straight away. The record is kept.',
    );
    expect(textOf(section(ConsentPurpose.PhotosVideo).querySelector('.state'))).toBe(
      'Not in place. Photos and video consent was withdrawn on 10 March 2026.',
    );
    expect(section(ConsentPurpose.PhotosVideo).querySelectorAll('.history > li.withdrawn')).toHaveLength(2);
  });

  it('keeps the consent when they choose "Keep it", and shows why a withdrawal failed', async () => {
    await open();
    await answer();
    const button = () =>
      section(ConsentPurpose.PhotosVideo).querySelector<HTMLButtonElement>('.history > li button');
    button()?.click();
    await fixture.whenStable();
    byName(el, 'Keep it').click();
    await fixture.whenStable();
    expect(el.textContent).not.toContain('Withdraw this consent?');

    button()?.click();
    await fixture.whenStable();
    byName(el, 'Confirm withdrawal').click();
    http
      .expectOne(`/api/consents/${PHOTO_ID}/withdraw`)
      .flush(problemBody(409, 'This consent is already withdrawn.'), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(textOf(el.querySelector('.confirm [role="alert"]'))).toContain(
      'This consent is already withdrawn.',
    );
  });

  it('records a standing consent and shows the giver warning the server returns', async () => {
    await open();
    await answer();
    byName(el, 'Record consent').click();
    await fixture.whenStable();
    expect(byName(el, 'Record consent').getAttribute('aria-expanded')).toBe('true');
    await choose('What it is for', 'Taking part');
    await choose('Given by', 'A parent or person with parental responsibility');
    await choose('How it was given', 'Signed form');
    typeInto(
      byLabel<HTMLTextAreaElement>(el, 'The words they agreed to'),
      'Sam may take part in Heard activities.',
    );
    typeInto(byLabel(el, 'Expiry date (optional)'), '2027-03-01');
    expect(await axeViolations(el)).toEqual([]);
    byName(el, 'Save consent').click();
    await fixture.whenStable();

    const req = http.expectOne({ method: 'POST', url: PANEL_URL });
    expect(req.request.body).toEqual({
      purpose: 'taking_part',
      givenBy: 'parent',
      method: 'form',
      wording: 'Sam may take part in Heard activities.',
      givenOn: todayInLondon(),
      scope: 'standing',
      activityId: null,
      expiresOn: '2027-03-01',
    });
    req.flush(
      record({
        id: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
        purpose: ConsentPurpose.TakingPart,
        giverWarning: 'A parent gave this consent, but they are 16 or 17: check with them too.',
      }),
      { status: 201, statusText: 'Created' },
    );
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: PANEL_URL }).flush(panel());
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toBe('Taking part consent recorded.');
    expect(textOf(el.querySelector('p.warning[role="alert"]'))).toBe(
      'Check this: A parent gave this consent, but they are 16 or 17: check with them too.',
    );
    expect(el.querySelector('#record-panel')).toBeNull();
  });

  it('records consent for one activity day, choosing from the days coming up', async () => {
    await open();
    await answer();
    (section(ConsentPurpose.PhotosVideo).querySelector('.purpose-head button') as HTMLButtonElement).click();
    await fixture.whenStable();
    await choose('Given by', 'The young person');
    await choose('How it was given', 'Said so (verbal)');
    typeInto(
      byLabel<HTMLTextAreaElement>(el, 'The words they agreed to'),
      'Photos at the climbing trip are fine.',
    );
    (el.querySelector('mat-radio-button[value="activity"] input') as HTMLInputElement).click();
    await fixture.whenStable();
    const list = http.expectOne((r) => r.url === '/api/activities');
    expect(list.request.params.get('from')).toBe(todayInLondon());
    expect(list.request.params.get('pageSize')).toBe('100');
    list.flush(
      page([
        {
          id: TRIP_ID,
          title: 'Climbing trip',
          date: '2026-07-04',
          startTime: '10:00',
          endTime: '15:00',
          venue: 'Peak Climbing Centre',
          capacity: 12,
          status: 'planned',
          counts: { invited: 0, accepted: 0, waitlisted: 0, attended: 0 },
        },
      ]),
    );
    await fixture.whenStable();

    byName(el, 'Save consent').click();
    await fixture.whenStable();
    http.expectNone({ method: 'POST', url: PANEL_URL });
    expect(textOf(el.querySelector('mat-error'))).toBe('Choose the activity day this consent is for.');

    await choose('Activity day', 'Climbing trip, 4 July 2026');
    byName(el, 'Save consent').click();
    const req = http.expectOne({ method: 'POST', url: PANEL_URL });
    expect(req.request.body).toMatchObject({
      purpose: 'photos_video',
      givenBy: 'young_person',
      method: 'verbal',
      scope: 'activity',
      activityId: TRIP_ID,
      expiresOn: null,
    });
    req.flush(record({ giverWarning: null, scope: 'activity' }), { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    http.expectOne(PANEL_URL).flush(panel());
    await fixture.whenStable();
    expect(el.querySelector('p.warning[role="alert"]')).toBeNull();
  });

  it('asks for the missing fields without calling the API', async () => {
    await open();
    await answer();
    byName(el, 'Record consent').click();
    await fixture.whenStable();
    byName(el, 'Save consent').click();
    await fixture.whenStable();
    http.expectNone({ method: 'POST', url: PANEL_URL });
    const errors = Array.from(el.querySelectorAll('mat-error')).map(textOf);
    expect(errors).toEqual([
      'Choose what the consent is for.',
      'Choose who gave the consent.',
      'Choose how the consent was given.',
      'Enter the words they agreed to.',
    ]);
  });

  it('puts the server’s field errors on the fields', async () => {
    await open();
    await answer();
    byName(el, 'Record consent').click();
    await fixture.whenStable();
    await choose('What it is for', 'Transport');
    await choose('Given by', 'The young person');
    await choose('How it was given', 'Online');
    typeInto(byLabel<HTMLTextAreaElement>(el, 'The words they agreed to'), 'I can go on the minibus.');
    byName(el, 'Save consent').click();
    http.expectOne({ method: 'POST', url: PANEL_URL }).flush(
      problemBody(400, 'Check the consent details.', {
        givenBy: [
          'They are under 16 and not recorded as deciding for themselves, so a parent gives consent.',
        ],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('#record-panel [role="alert"]'))).toContain(
      'Given by: They are under 16 and not recorded as deciding for themselves, so a parent gives consent.',
    );
    expect(textOf(el.querySelector('mat-error'))).toBe(
      'They are under 16 and not recorded as deciding for themselves, so a parent gives consent.',
    );
  });

  it('says when the consents cannot be loaded', async () => {
    await open(Role.Practitioner);
    http.expectOne(PANEL_URL).flush(problemBody(403, 'You are not a trusted adult for this young person.'), {
      status: 403,
      statusText: 'Forbidden',
    });
    expect(http.expectOne(`/api/young-people/${PERSON_ID}`).cancelled).toBe(true);
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="alert"]'))).toContain(
      'You are not a trusted adult for this young person.',
    );
    expect(await axeViolations(el)).toEqual([]);
  });
});
