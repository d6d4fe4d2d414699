import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import type { OneToOneResponse } from '@heard/domain';
import { pickStaff } from '../../testing/staff-picker';
import { axeViolations } from '../../testing/axe';
import { signInAs } from '../../testing/session';
import {
  OTHER_PERSON_ID,
  PERSON_ID,
  byLabel,
  byName,
  listItem,
  page,
  personResponse,
  problemBody,
  textOf,
  typeInto,
} from '../../testing/fixtures';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import OneToOnesPage from './one-to-ones-page';

const URL = '/api/one-to-ones';
const ASKED_ID = 'abababab-abab-4bab-8bab-abababababab';
const BOOKED_ID = 'cdcdcdcd-cdcd-4dcd-8dcd-cdcdcdcdcdcd';
const STAFF_ID = '5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function oneToOne(overrides: Partial<OneToOneResponse> = {}): OneToOneResponse {
  return {
    id: ASKED_ID,
    youngPerson: { id: PERSON_ID, preferredName: 'Sam' },
    requestedBy: 'young_person',
    topic: 'Wants to talk about the new youth hub opening times',
    status: 'requested',
    scheduledAt: null,
    location: null,
    staff: null,
    outcome: null,
    createdAt: '2026-03-01T10:00:00Z',
    updatedAt: '2026-03-01T10:00:00Z',
    ...overrides,
  };
}

const LIST: OneToOneResponse[] = [
  oneToOne(),
  oneToOne({
    id: BOOKED_ID,
    youngPerson: { id: OTHER_PERSON_ID, preferredName: 'Jodie' },
    requestedBy: 'trusted_adult',
    topic: 'Feedback on the leaving care guide',
    status: 'scheduled',
    scheduledAt: '2026-07-01T15:00:00Z',
    location: 'Library meeting room',
    staff: { id: 'user-participation_officer', displayName: 'Alex Officer' },
  }),
];

describe('OneToOnesPage', () => {
  let fixture: ComponentFixture<OneToOnesPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  const settle = () => fixture.whenStable();

  async function open(youngPersonId?: string, list: OneToOneResponse[] = LIST): Promise<void> {
    TestBed.configureTestingModule({
      imports: [OneToOnesPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
        provideNoopAnimations(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.ParticipationOfficer, { displayName: 'Alex Officer' });
    fixture = TestBed.createComponent(OneToOnesPage);
    if (youngPersonId) fixture.componentRef.setInput('youngPersonId', youngPersonId);
    el = fixture.nativeElement as HTMLElement;
    await settle();
    http.expectOne({ method: 'GET', url: URL }).flush(list);
    await settle();
  }

  afterEach(() => http.verify());

  const cards = () => Array.from(el.querySelectorAll<HTMLElement>('li.card'));
  const pairs = (card: HTMLElement) =>
    Array.from(card.querySelectorAll('dt')).map((dt) => `${textOf(dt)}: ${textOf(dt.nextElementSibling)}`);

  async function choose(name: string): Promise<void> {
    const autocomplete = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatAutocompleteHarness);
    await autocomplete.enterText(name.slice(0, 2));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const search = http.expectOne(
      (req) => req.url === '/api/young-people' && req.params.get('q') === name.slice(0, 2),
    );
    expect(search.request.params.get('pageSize')).toBe('10');
    search.flush(page([listItem({ id: OTHER_PERSON_ID, preferredName: name, age: 15 })]));
    await settle();
    await new Promise((resolve) => setTimeout(resolve));
    await settle();
    await autocomplete.selectOption({ text: `${name}, aged 15` });
    await settle();
  }

  it('lists one-to-ones with who, what, who asked, status, when, where and staff, with no axe violations', async () => {
    await open();
    expect(textOf(el.querySelector('h1'))).toBe('One-to-ones');
    const [sam, jodie] = cards();
    expect(textOf(sam.querySelector('h2'))).toBe('Sam: Wants to talk about the new youth hub opening times');
    expect(sam.querySelector('h2 a')?.getAttribute('href')).toBe(`/young-people/${PERSON_ID}`);
    expect(pairs(sam)).toEqual([
      'Status: Asked for',
      'Who asked: The young person',
      'When: Not booked yet',
      'Where: Not set',
      'Staff: Not assigned',
    ]);
    expect(pairs(jodie)).toEqual([
      'Status: Booked',
      'Who asked: A trusted adult',
      'When: Wednesday 1 July 2026, 16:00',
      'Where: Library meeting room',
      'Staff: Alex Officer',
    ]);
    expect(byName(el, 'Book for Sam')).toBeTruthy();
    expect(byName(el, 'Change booking for Jodie')).toBeTruthy();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says when there are none yet', async () => {
    await open(undefined, []);
    expect(textOf(el.querySelector('heard-empty-state h2'))).toBe('No one-to-ones yet');
  });

  it('records a request, choosing the young person from the search', async () => {
    await open();
    byName(el, 'Offer or record a request').click();
    await settle();
    expect(document.activeElement).toBe(byLabel(el, 'Young person'));
    await choose('Ali');
    byLabel<HTMLElement>(el, 'Who asked').click();
    await settle();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((o) => textOf(o) === 'A trusted adult')
      ?.click();
    await settle();
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What it is about'), '  Wants help to speak at their review  ');
    typeInto(byLabel(el, 'When (optional)'), '2026-07-01T16:00');
    typeInto(byLabel(el, 'Where (optional)'), 'Youth Hub, Room 2');
    await pickStaff(fixture, http, 'one-to-one-staff', 'ren', {
      id: STAFF_ID,
      displayName: 'Ren Osei',
      email: 'ren@council.example',
      role: Role.Practitioner,
    });
    expect(byLabel(el, 'Who will meet them (optional)').value).toBe('Ren Osei');
    expect(await axeViolations(el)).toEqual([]);
    byName(el, 'Save one-to-one').click();
    await settle();
    const req = http.expectOne({ method: 'POST', url: URL });
    expect(req.request.body).toEqual({
      youngPersonId: OTHER_PERSON_ID,
      requestedBy: 'trusted_adult',
      topic: 'Wants help to speak at their review',
      scheduledAt: '2026-07-01T15:00:00.000Z',
      location: 'Youth Hub, Room 2',
      staffUserId: STAFF_ID,
    });
    req.flush(
      oneToOne({
        id: 'efefefef-efef-4fef-8fef-efefefefefef',
        youngPerson: { id: OTHER_PERSON_ID, preferredName: 'Ali' },
        topic: 'Wants help to speak at their review',
      }),
      { status: 201, statusText: 'Created' },
    );
    await settle();
    expect(textOf(el.querySelector('[role="status"]'))).toBe('One-to-one for Ali saved.');
    expect(cards()).toHaveLength(3);
    expect(textOf(cards()[0].querySelector('h2'))).toBe('Ali: Wants help to speak at their review');
    expect(el.querySelector('#create-panel')).toBeNull();
  });

  it('asks for a chosen young person, who asked and a topic before sending', async () => {
    await open();
    byName(el, 'Offer or record a request').click();
    await settle();
    typeInto(byLabel(el, 'Young person'), 'Sam');
    await new Promise((resolve) => setTimeout(resolve, 300));
    http.expectOne((req) => req.url === '/api/young-people').flush(page([]));
    byName(el, 'Save one-to-one').click();
    await settle();
    http.expectNone({ method: 'POST', url: URL });
    expect(Array.from(el.querySelectorAll('mat-error')).map(textOf)).toEqual([
      'Choose a young person from the list.',
      'Choose who asked for it.',
      'Say what it is about.',
    ]);
  });

  it('fills in the young person from ?youngPersonId= and shows server field errors', async () => {
    await open(PERSON_ID);
    http.expectOne(`/api/young-people/${PERSON_ID}`).flush(personResponse());
    await settle();
    expect(byLabel<HTMLInputElement>(el, 'Young person').value).toBe('Sam');
    byLabel<HTMLElement>(el, 'Who asked').click();
    await settle();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((o) => textOf(o) === 'A participation officer')
      ?.click();
    await settle();
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What it is about'), 'Prefers one-to-one to the climbing trip');
    byName(el, 'Save one-to-one').click();
    const req = http.expectOne({ method: 'POST', url: URL });
    expect(req.request.body).toMatchObject({
      youngPersonId: PERSON_ID,
      requestedBy: 'officer',
      scheduledAt: null,
      location: null,
    });
    req.flush(
      problemBody(400, 'Check the one-to-one.', { topic: ['Keep the topic under 300 characters.'] }),
      {
        status: 400,
        statusText: 'Bad Request',
      },
    );
    await settle();
    expect(textOf(el.querySelector('#create-panel [role="alert"]'))).toContain(
      'What it is about: Keep the topic under 300 characters.',
    );
    expect(textOf(el.querySelector('mat-error'))).toBe('Keep the topic under 300 characters.');
  });

  it('books a requested one-to-one', async () => {
    await open();
    byName(el, 'Book for Sam').click();
    await settle();
    expect(await axeViolations(el)).toEqual([]);
    byName(el, 'Save booking').click();
    await settle();
    http.expectNone({ method: 'PATCH' });
    expect(textOf(el.querySelector('#row-action mat-error'))).toBe('Say when it is.');

    typeInto(byLabel(el, 'When'), '2026-07-02T10:30');
    typeInto(byLabel(el, 'Where (optional)'), 'Café on the square');
    byName(el, 'Save booking').click();
    const req = http.expectOne({ method: 'PATCH', url: `${URL}/${ASKED_ID}` });
    expect(req.request.body).toEqual({
      status: 'scheduled',
      scheduledAt: '2026-07-02T09:30:00.000Z',
      location: 'Café on the square',
      outcome: null,
    });
    req.flush(
      oneToOne({ status: 'scheduled', scheduledAt: '2026-07-02T09:30:00Z', location: 'Café on the square' }),
    );
    await settle();
    expect(textOf(el.querySelector('[role="status"]'))).toBe(
      'One-to-one with Sam booked for Thursday 2 July 2026, 10:30.',
    );
    expect(pairs(cards()[0])[0]).toBe('Status: Booked');
  });

  it('marks a booked one done with its outcome', async () => {
    await open();
    byName(el, 'Mark done for Jodie').click();
    await settle();
    expect(byLabel<HTMLInputElement>(el, 'When').value).toBe('2026-07-01T16:00');
    typeInto(
      byLabel<HTMLTextAreaElement>(el, 'Outcome (optional)'),
      'Jodie’s ideas go to the guide rewrite.',
    );
    byName(el, 'Save as done').click();
    const req = http.expectOne({ method: 'PATCH', url: `${URL}/${BOOKED_ID}` });
    expect(req.request.body).toEqual({
      status: 'done',
      scheduledAt: '2026-07-01T15:00:00.000Z',
      outcome: 'Jodie’s ideas go to the guide rewrite.',
    });
    req.flush({ ...LIST[1], status: 'done', outcome: 'Jodie’s ideas go to the guide rewrite.' });
    await settle();
    const jodie = cards()[1];
    expect(pairs(jodie)).toContain('Outcome: Jodie’s ideas go to the guide rewrite.');
    expect(jodie.querySelector('button')).toBeNull();
  });

  it('cancels after a confirm step, and shows why when it fails', async () => {
    await open();
    byName(el, 'Cancel for Sam').click();
    await settle();
    expect(textOf(el.querySelector('#row-action h3'))).toBe('Cancel this one-to-one?');
    byName(el, 'Keep it').click();
    await settle();
    expect(el.querySelector('#row-action')).toBeNull();

    byName(el, 'Cancel for Sam').click();
    await settle();
    byName(el, 'Confirm cancelling').click();
    const req = http.expectOne({ method: 'PATCH', url: `${URL}/${ASKED_ID}` });
    expect(req.request.body).toEqual({ status: 'cancelled', scheduledAt: null, outcome: null });
    req.flush(problemBody(409, 'This one-to-one is already done.'), { status: 409, statusText: 'Conflict' });
    await settle();
    expect(textOf(el.querySelector('#row-action [role="alert"]'))).toBe('This one-to-one is already done.');
  });

  it('says when the list cannot be loaded', async () => {
    TestBed.configureTestingModule({
      imports: [OneToOnesPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.ParticipationOfficer);
    fixture = TestBed.createComponent(OneToOnesPage);
    el = fixture.nativeElement as HTMLElement;
    await settle();
    http
      .expectOne(URL)
      .flush(problemBody(500, 'Something went wrong on our side.'), { status: 500, statusText: 'Error' });
    await settle();
    expect(textOf(el.querySelector('[role="alert"]'))).toBe('Something went wrong on our side.');
  });
});
