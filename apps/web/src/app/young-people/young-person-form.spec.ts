import { ServiceExperienceKind, TrustedAdultRelationship } from '@heard/domain';
import {
  fillForm,
  tickCategory,
  serviceExperienceGroup,
  toRequest,
  trustedAdultGroup,
  youngPersonForm,
} from './young-person-form';
import { ADULT_ID as ADULT, personResponse } from '../../testing/fixtures';

describe('young person form', () => {
  it('sends empty optional fields as null, and no letter when there is no address', () => {
    const form = youngPersonForm();
    form.patchValue({ preferredName: '  Ali ', dateOfBirth: '2011-02-03' });
    expect(toRequest(form)).toEqual({
      preferredName: 'Ali',
      dateOfBirth: '2011-02-03',
      serviceExperiences: [],
      trustedAdults: [],
      contact: { email: null, phone: null, whatsapp: null, letter: null, onlyViaTrustedAdult: false },
      parentCarer: null,
      accessibilityNeeds: null,
      communicationNeeds: null,
      participationPreference: 'either',
      decidesForThemselves: false,
      confidentialityNotes: null,
      placedOutOfArea: false,
      placementAuthority: null,
      categoryIds: [],
    });
  });

  it('sends every field of a filled-in record, with address lines split and the postcode in capitals', () => {
    const form = youngPersonForm();
    form.controls.serviceExperiences.push(
      serviceExperienceGroup({ kind: ServiceExperienceKind.CareLeaver, from: '2024-01-01', to: '' }),
    );
    form.controls.trustedAdults.push(
      trustedAdultGroup({ userId: ` ${ADULT} `, relationship: TrustedAdultRelationship.PersonalAdviser }),
    );
    form.patchValue({
      preferredName: 'Jo',
      dateOfBirth: '2007-09-10',
      contact: {
        phone: '07700 900123',
        letter: { addressLines: ' Flat 2 \n\n 3 Low Road ', postcode: 'ab1 2cd' },
        onlyViaTrustedAdult: true,
      },
      participationPreference: 'one_to_one',
      decidesForThemselves: true,
      confidentialityNotes: 'Do not post photos.',
    });
    const request = toRequest(form);
    expect(request.serviceExperiences).toEqual([{ kind: 'care_leaver', from: '2024-01-01', to: null }]);
    expect(request.trustedAdults).toEqual([{ userId: ADULT, relationship: 'personal_adviser' }]);
    expect(request.contact).toEqual({
      email: null,
      phone: '07700 900123',
      whatsapp: null,
      letter: { addressLines: ['Flat 2', '3 Low Road'], postcode: 'AB1 2CD' },
      onlyViaTrustedAdult: true,
    });
    expect(request.participationPreference).toBe('one_to_one');
    expect(request.decidesForThemselves).toBe(true);
    expect(request.confidentialityNotes).toBe('Do not post photos.');
  });

  it('sends the local authority only while placed out of area', () => {
    const form = youngPersonForm();
    form.patchValue({ placedOutOfArea: true, placementAuthority: ' Northmere County Council ' });
    expect(toRequest(form)).toMatchObject({
      placedOutOfArea: true,
      placementAuthority: 'Northmere County Council',
    });
    form.patchValue({ placedOutOfArea: false });
    expect(toRequest(form)).toMatchObject({ placedOutOfArea: false, placementAuthority: null });
  });

  it('fills from a saved record and sends back the same record', () => {
    const person = personResponse();
    const form = youngPersonForm();
    fillForm(form, person);
    expect(form.controls.contact.controls.letter.controls.addressLines.value).toBe(
      '1 High Street\nTownville',
    );
    expect(form.valid).toBe(true);
    expect(toRequest(form)).toEqual({
      preferredName: person.preferredName,
      dateOfBirth: person.dateOfBirth,
      serviceExperiences: person.serviceExperiences,
      trustedAdults: [{ userId: ADULT, relationship: TrustedAdultRelationship.SocialWorker }],
      contact: person.contact,
      parentCarer: null,
      accessibilityNeeds: 'Step-free access',
      communicationNeeds: null,
      participationPreference: 'group',
      decidesForThemselves: false,
      confidentialityNotes: null,
      placedOutOfArea: false,
      placementAuthority: null,
      categoryIds: [],
    });
  });

  it('keeps a parent or carer only when ticked, with the one channel chosen and its purpose', () => {
    const form = youngPersonForm();
    form.patchValue({ preferredName: 'Ali', dateOfBirth: '2014-02-03' });
    const parentCarer = form.controls.parentCarer;
    parentCarer.patchValue({ name: 'Dana', email: 'dana@family.example', purpose: 'Brings them' });
    expect(toRequest(form).parentCarer).toBeNull();

    parentCarer.patchValue({ keep: true, name: '', purpose: '' });
    expect(parentCarer.controls.name.hasError('needed')).toBe(true);
    expect(parentCarer.controls.purpose.hasError('needed')).toBe(true);
    parentCarer.patchValue({ name: ' Dana ', relationship: '', purpose: ' Aged 11: she brings them ' });
    expect(form.valid).toBe(true);
    // Switching to phone asks for the number, and the email typed earlier is not sent.
    parentCarer.controls.channel.setValue('phone');
    expect(parentCarer.controls.phone.hasError('needed')).toBe(true);
    parentCarer.controls.phone.setValue('07700 900222');
    expect(toRequest(form).parentCarer).toEqual({
      name: 'Dana',
      relationship: null,
      channel: 'phone',
      email: null,
      phone: '07700 900222',
      purpose: 'Aged 11: she brings them',
    });
    const saved = personResponse({ parentCarer: toRequest(form).parentCarer as never });
    const again = youngPersonForm();
    fillForm(again, saved);
    expect(again.controls.parentCarer.controls.keep.value).toBe(true);
    expect(toRequest(again).parentCarer).toEqual(saved.parentCarer);
  });

  it('requires a name and date of birth', () => {
    const form = youngPersonForm();
    expect(form.controls.preferredName.hasError('required')).toBe(true);
    expect(form.controls.dateOfBirth.hasError('required')).toBe(true);
  });

  it('marks an end date before its start date', () => {
    const period = serviceExperienceGroup({
      kind: ServiceExperienceKind.EarlyHelp,
      from: '2024-05-01',
      to: '2024-04-30',
    });
    expect(period.controls.to.hasError('order')).toBe(true);
    period.controls.to.setValue('2024-05-01');
    expect(period.controls.to.hasError('order')).toBe(false);
    expect(period.valid).toBe(true);
  });

  it('asks for the postcode with an address, and the address with a postcode', () => {
    const form = youngPersonForm();
    const letter = form.controls.contact.controls.letter;
    letter.controls.addressLines.setValue('1 High Street');
    expect(letter.controls.postcode.hasError('needed')).toBe(true);
    letter.controls.postcode.setValue('SW1A 1AA');
    expect(letter.controls.postcode.errors).toBeNull();
    letter.controls.addressLines.setValue('');
    expect(letter.controls.addressLines.hasError('needed')).toBe(true);
  });

  it.each([
    ['phone', '123', false],
    ['phone', '+44 7700 900123', true],
    ['email', 'not-an-email', false],
  ] as const)('checks %s "%s"', (field, value, valid) => {
    const form = youngPersonForm();
    form.controls.contact.controls[field].setValue(value);
    expect(form.controls.contact.controls[field].valid).toBe(valid);
  });

  it('only accepts a whole user id for a trusted adult', () => {
    const adult = trustedAdultGroup({ userId: '1234', relationship: TrustedAdultRelationship.Other });
    expect(adult.controls.userId.hasError('pattern')).toBe(true);
  });

  it('ticks and unticks the team’s categories, filled from the record by id', () => {
    const form = youngPersonForm();
    fillForm(form, personResponse({ categories: [{ id: 'c1', name: 'Young carer' }] }));
    expect(form.controls.categoryIds.value).toEqual(['c1']);
    tickCategory(form, 'c2', true);
    tickCategory(form, 'c2', true);
    expect(toRequest(form).categoryIds).toEqual(['c1', 'c2']);
    tickCategory(form, 'c1', false);
    expect(toRequest(form).categoryIds).toEqual(['c2']);
  });
});
