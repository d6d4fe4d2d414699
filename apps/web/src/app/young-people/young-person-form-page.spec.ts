import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import { pickStaff } from '../../testing/staff-picker';
import { axeViolations } from '../../testing/axe';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import {
  ADULT_ID,
  PERSON_ID,
  byLabel,
  byName,
  personResponse,
  problemBody,
  textOf,
  typeInto,
} from '../../testing/fixtures';
import YoungPersonFormPage from './young-person-form-page';

const OTHER_ADULT_ID = '5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const CARER = '6b2e3d4c-5f60-4b7c-9d8e-0f1a2b3c4d5e';
const KINSHIP = '7c3f4e5d-6071-4c8d-8e9f-1a2b3c4d5e6f';
const OLD = '8d405f6e-7182-4d9e-9fa0-2b3c4d5e6f70';
/** The team's list: two current categories and a retired one. */
const CATEGORIES = [
  { id: KINSHIP, name: 'Lives with kinship carers', retired: false },
  { id: CARER, name: 'Young carer', retired: false },
  { id: OLD, name: 'Old category', retired: true },
];

describe('YoungPersonFormPage', () => {
  let fixture: ComponentFixture<YoungPersonFormPage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  async function open(id?: string): Promise<void> {
    TestBed.configureTestingModule({
      imports: [YoungPersonFormPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(YoungPersonFormPage);
    if (id) fixture.componentRef.setInput('id', id);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/young-people/categories').flush(CATEGORIES);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  async function settle(): Promise<void> {
    await fixture.whenStable();
  }

  async function submit(name: string): Promise<void> {
    byName(el, name).click();
    await settle();
  }

  function errorFor(label: string): string {
    return textOf(byLabel(el, label).closest('mat-form-field')?.querySelector('mat-error'));
  }

  describe('adding someone', () => {
    beforeEach(() => open());

    it('has one h1, labelled fields and no axe violations', async () => {
      expect(el.querySelectorAll('h1')).toHaveLength(1);
      expect(textOf(el.querySelector('h1'))).toBe('Add a young person');
      for (const label of [
        'Preferred name',
        'Date of birth',
        'Email address',
        'Phone number',
        'WhatsApp number',
        'Address for letters',
        'Postcode',
        'Accessibility needs',
        'Communication needs',
        'Confidentiality notes',
      ]) {
        expect(byLabel(el, label)).toBeTruthy();
      }
      expect(byLabel(el, 'Only via a trusted adult').getAttribute('type')).toBe('checkbox');
      expect(el.querySelector('[role="radiogroup"]')?.getAttribute('aria-labelledby')).toBe(
        'preference-label',
      );
      byName(el, 'Add a service experience').click();
      byName(el, 'Add a trusted adult').click();
      await settle();
      expect(await axeViolations(el)).toEqual([]);
    });

    it('asks for the name and date of birth before sending anything', async () => {
      await submit('Add young person');
      expect(errorFor('Preferred name')).toBe('Enter the name they like to be called.');
      expect(errorFor('Date of birth')).toBe('Enter their date of birth.');
      http.expectNone('/api/young-people');
    });

    it('sends the whole record, then goes to their profile', async () => {
      typeInto(byLabel(el, 'Preferred name'), 'Sam');
      typeInto(byLabel(el, 'Date of birth'), '2012-05-04');
      byName(el, 'Add a service experience').click();
      await settle();
      expect(textOf(el.querySelector('legend'))).toBe('Service experience 1');
      const loader = TestbedHarnessEnvironment.loader(fixture);
      await (
        await loader.getHarness(MatSelectHarness.with({ selector: '#experience-0-kind' }))
      ).clickOptions({
        text: 'Looked after',
      });
      typeInto(byLabel(el, 'From date'), '2020-01-01');
      typeInto(byLabel(el, 'Email address'), 'sam@example.org');
      byLabel(el, 'Only via a trusted adult').click();
      byLabel(el, "Keep a parent's or carer's contact").click();
      await settle();
      typeInto(byLabel(el, "Parent's or carer's name"), 'Dana Carer');
      byLabel(el, 'By phone').click();
      await settle();
      typeInto(byLabel(el, "Parent's or carer's phone"), '07700 900222');
      typeInto(byLabel<HTMLTextAreaElement>(el, 'Why Heard keeps this'), 'Aged 11: she brings them.');
      // The local authority is asked only once they are placed out of area, with why it is asked.
      expect(el.querySelector('#placement-help')?.textContent).toContain('Why we ask');
      expect(el.textContent).not.toContain('Local authority they are placed with');
      byLabel(el, 'Placed out of area').click();
      await settle();
      typeInto(byLabel(el, 'Local authority they are placed with'), 'Northmere County Council');
      // The current categories are offered, with why they are asked; a retired one is not.
      expect(el.querySelector('#categories-help')?.textContent).toContain('Why we ask');
      expect(el.textContent).not.toContain('Old category');
      byLabel(el, 'Young carer').click();
      await settle();
      expect(await axeViolations(el)).toEqual([]);
      await submit('Add young person');

      const req = http.expectOne({ method: 'POST', url: '/api/young-people' });
      expect(req.request.body).toEqual({
        preferredName: 'Sam',
        dateOfBirth: '2012-05-04',
        serviceExperiences: [{ kind: 'looked_after', from: '2020-01-01', to: null }],
        trustedAdults: [],
        contact: {
          email: 'sam@example.org',
          phone: null,
          whatsapp: null,
          letter: null,
          onlyViaTrustedAdult: true,
        },
        parentCarer: {
          name: 'Dana Carer',
          relationship: null,
          channel: 'phone',
          email: null,
          phone: '07700 900222',
          purpose: 'Aged 11: she brings them.',
        },
        accessibilityNeeds: null,
        communicationNeeds: null,
        participationPreference: 'either',
        decidesForThemselves: false,
        confidentialityNotes: null,
        placedOutOfArea: true,
        placementAuthority: 'Northmere County Council',
        categoryIds: [CARER],
      });
      req.flush(personResponse(), { status: 201, statusText: 'Created' });
      await settle();
      expect(navigate).toHaveBeenCalledWith(['/young-people', PERSON_ID], {
        state: { status: 'Sam is added.' },
      });
    });

    it('shows the server’s messages next to the fields they are about', async () => {
      typeInto(byLabel(el, 'Preferred name'), 'Sam');
      typeInto(byLabel(el, 'Date of birth'), '2030-01-01');
      byName(el, 'Add a service experience').click();
      await settle();
      const loader = TestbedHarnessEnvironment.loader(fixture);
      await (await loader.getHarness(MatSelectHarness)).clickOptions({ text: 'Early help' });
      typeInto(byLabel(el, 'From date'), '2020-01-01');
      typeInto(byLabel(el, 'Email address'), 'sam@example.org');
      await submit('Add young person');

      http.expectOne({ method: 'POST', url: '/api/young-people' }).flush(
        problemBody(400, 'Please check these fields: dateOfBirth, contact.email, serviceExperiences.0.to.', {
          dateOfBirth: ['The date of birth is in the future.'],
          'contact.email': ['Enter an email address like name@example.org.'],
          'serviceExperiences.0.to': ['The end date is before the start date.'],
        }),
        { status: 400, statusText: 'Bad Request' },
      );
      await settle();

      expect(errorFor('Date of birth')).toBe('The date of birth is in the future.');
      expect(errorFor('Email address')).toBe('Enter an email address like name@example.org.');
      expect(errorFor('To date')).toBe('The end date is before the start date.');
      const items = Array.from(el.querySelectorAll('[role="alert"] li')).map(textOf);
      expect(items).toEqual([
        'Date of birth: The date of birth is in the future.',
        'Email address: Enter an email address like name@example.org.',
        'Service experience 1: To date: The end date is before the start date.',
      ]);
      expect(document.activeElement).toBe(byLabel(el, 'Date of birth'));
      expect(navigate).not.toHaveBeenCalled();
    });

    it('picks a trusted adult by typing their name and choosing them, and sends their id', async () => {
      byName(el, 'Add a trusted adult').click();
      await settle();
      await pickStaff(fixture, http, 'adult-0-user', 'chl', {
        id: OTHER_ADULT_ID,
        displayName: 'Chloe Marsh',
        email: 'chloe@council.example',
        role: Role.Practitioner,
      });
      // Choosing someone searches for nothing more.
      await new Promise((resolve) => setTimeout(resolve, 300));
      http.expectNone('/api/staff');
      expect(byLabel(el, 'Name or email').value).toBe('Chloe Marsh');
      expect(await axeViolations(el)).toEqual([]);

      typeInto(byLabel(el, 'Preferred name'), 'Robin');
      typeInto(byLabel(el, 'Date of birth'), '2012-03-04');
      const relationship = await TestbedHarnessEnvironment.loader(fixture).getHarness(
        MatSelectHarness.with({ selector: '[formControlName="relationship"]' }),
      );
      await relationship.clickOptions({ text: 'Social worker' });
      await submit('Add young person');
      const req = http.expectOne({ method: 'POST', url: '/api/young-people' });
      expect(req.request.body.trustedAdults).toEqual([
        { userId: OTHER_ADULT_ID, relationship: 'social_worker' },
      ]);
    });

    it('tells someone who typed a name without choosing it to choose from the list', async () => {
      byName(el, 'Add a trusted adult').click();
      await settle();
      typeInto(byLabel(el, 'Name or email'), 'Chloe');
      await new Promise((resolve) => setTimeout(resolve, 300));
      http.expectOne((req) => req.url === '/api/staff').flush({ items: [] });
      await submit('Add young person');
      expect(errorFor('Name or email')).toBe('Choose them from the list: typing their name is not enough.');
      http.expectNone({ method: 'POST', url: '/api/young-people' });
    });

    it('removes a trusted adult row', async () => {
      byName(el, 'Add a trusted adult').click();
      await settle();
      expect(byLabel(el, 'Name or email')).toBeTruthy();
      byName(el, 'Remove trusted adult 1').click();
      await settle();
      expect(el.querySelector('legend')).toBeNull();
    });
  });

  describe('changing a record', () => {
    beforeEach(() => open(PERSON_ID));

    it('fills the form from the record and sends the whole record back', async () => {
      http.expectOne(`/api/young-people/${PERSON_ID}`).flush(personResponse());
      await settle();
      expect(textOf(el.querySelector('h1'))).toBe('Edit details for Sam');
      expect(byLabel(el, 'Preferred name').value).toBe('Sam');
      // The linked adult shows by name; the form still sends their id.
      expect(byLabel(el, 'Name or email').value).toBe('Pat Worker');

      typeInto(byLabel(el, 'Preferred name'), 'Sammy');
      await submit('Save changes');
      const req = http.expectOne({ method: 'PUT', url: `/api/young-people/${PERSON_ID}` });
      expect(req.request.body).toMatchObject({
        preferredName: 'Sammy',
        trustedAdults: [{ userId: ADULT_ID, relationship: 'social_worker' }],
        contact: { letter: { addressLines: ['1 High Street', 'Townville'], postcode: 'AB1 2CD' } },
      });
      req.flush(personResponse({ preferredName: 'Sammy' }));
      await settle();
      expect(navigate).toHaveBeenCalledWith(['/young-people', PERSON_ID], {
        state: { status: 'Your changes are saved.' },
      });
    });

    it('ticks the categories on the record, keeps a retired one until unticked, and shows a refusal', async () => {
      http
        .expectOne(`/api/young-people/${PERSON_ID}`)
        .flush(personResponse({ categories: [{ id: OLD, name: 'Old category' }] }));
      await settle();
      expect(byLabel(el, 'Old category (retired)').checked).toBe(true);
      expect(byLabel(el, 'Young carer').checked).toBe(false);
      expect(await axeViolations(el)).toEqual([]);

      byLabel(el, 'Lives with kinship carers').click();
      await settle();
      await submit('Save changes');
      const first = http.expectOne({ method: 'PUT', url: `/api/young-people/${PERSON_ID}` });
      expect(first.request.body.categoryIds).toEqual([OLD, KINSHIP]);
      first.flush(
        problemBody(422, 'Please check the categories.', {
          'categoryIds.1': [
            'Choose from the categories offered: this one is not on the list, or is retired.',
          ],
        }),
        { status: 422, statusText: 'Unprocessable Entity' },
      );
      await settle();
      expect(textOf(el.querySelector('#categories-heading')?.closest('section'))).toContain(
        'Choose from the categories offered',
      );
      expect(Array.from(el.querySelectorAll('[role="alert"] li')).map(textOf)).toEqual([
        "The team's categories: Choose from the categories offered: this one is not on the list, or is retired.",
      ]);

      byLabel(el, 'Old category (retired)').click();
      byLabel(el, 'Lives with kinship carers').click();
      await settle();
      await submit('Save changes');
      const second = http.expectOne({ method: 'PUT', url: `/api/young-people/${PERSON_ID}` });
      expect(second.request.body.categoryIds).toEqual([]);
    });

    it('does not offer a form for an archived record', async () => {
      http
        .expectOne(`/api/young-people/${PERSON_ID}`)
        .flush(personResponse({ archivedAt: '2026-02-01T10:00:00Z' }));
      await settle();
      expect(el.querySelector('form')).toBeNull();
      expect(el.textContent).toContain('This record is archived, so it cannot be changed.');
    });

    it('explains when the record cannot be loaded', async () => {
      http
        .expectOne(`/api/young-people/${PERSON_ID}`)
        .flush(problemBody(404, 'This young person was not found.'), {
          status: 404,
          statusText: 'Not Found',
        });
      await settle();
      expect(textOf(el.querySelector('[role="alert"]'))).toContain('This young person was not found.');
      expect(el.querySelector('form')).toBeNull();
    });
  });
});
