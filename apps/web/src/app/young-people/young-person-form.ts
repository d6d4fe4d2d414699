import {
  type AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { ServiceExperienceKind, TrustedAdultRelationship } from '@heard/domain';
import type {
  ParentCarerChannel,
  ParticipationPreference,
  YoungPersonRequest,
  YoungPersonResponse,
} from '@heard/domain';
import { setErrorFlag } from '../core/form-errors';

export type ServiceExperienceForm = FormGroup<{
  kind: FormControl<ServiceExperienceKind | null>;
  from: FormControl<string>;
  to: FormControl<string>;
}>;

export type TrustedAdultForm = FormGroup<{
  userId: FormControl<string>;
  relationship: FormControl<TrustedAdultRelationship | null>;
}>;

/** Kept only when `keep` is ticked: the name, the one channel they agreed to, and why Heard keeps it. */
export type ParentCarerForm = FormGroup<{
  keep: FormControl<boolean>;
  name: FormControl<string>;
  relationship: FormControl<string>;
  channel: FormControl<ParentCarerChannel>;
  email: FormControl<string>;
  phone: FormControl<string>;
  purpose: FormControl<string>;
}>;

export type YoungPersonForm = FormGroup<{
  preferredName: FormControl<string>;
  dateOfBirth: FormControl<string>;
  serviceExperiences: FormArray<ServiceExperienceForm>;
  trustedAdults: FormArray<TrustedAdultForm>;
  contact: FormGroup<{
    email: FormControl<string>;
    phone: FormControl<string>;
    whatsapp: FormControl<string>;
    letter: FormGroup<{
      /** One address line per line of text. */
      addressLines: FormControl<string>;
      postcode: FormControl<string>;
    }>;
    onlyViaTrustedAdult: FormControl<boolean>;
  }>;
  parentCarer: ParentCarerForm;
  accessibilityNeeds: FormControl<string>;
  communicationNeeds: FormControl<string>;
  participationPreference: FormControl<ParticipationPreference>;
  decidesForThemselves: FormControl<boolean>;
  confidentialityNotes: FormControl<string>;
  placedOutOfArea: FormControl<boolean>;
  placementAuthority: FormControl<string>;
  /** The ids of the team's categories ticked, in the order ticked. */
  categoryIds: FormControl<string[]>;
}>;

/** The same rules as the API (libs/domain), so most mistakes show before sending. */
export const PHONE = /^\+?[0-9 ()-]{7,20}$/;
export const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A period's end date may not be before its start (error `order` on `to`). */
export function periodOrderValidator(group: AbstractControl): ValidationErrors | null {
  const from = group.get('from');
  const to = group.get('to');
  if (!from || !to) return null;
  setErrorFlag(to, 'order', Boolean(from.value && to.value && to.value < from.value));
  return null;
}

/** Address lines and postcode go together: both or neither. */
export function letterValidator(group: AbstractControl): ValidationErrors | null {
  const lines = group.get('addressLines');
  const postcode = group.get('postcode');
  if (!lines || !postcode) return null;
  const hasLines = String(lines.value ?? '').trim() !== '';
  const hasPostcode = String(postcode.value ?? '').trim() !== '';
  setErrorFlag(lines, 'needed', hasPostcode && !hasLines);
  setErrorFlag(postcode, 'needed', hasLines && !hasPostcode);
  return null;
}

/** When a parent or carer is kept: their name, the purpose and the chosen channel's detail are needed. */
export function parentCarerValidator(group: AbstractControl): ValidationErrors | null {
  const keep = group.get('keep')?.value === true;
  const channel = group.get('channel')?.value as ParentCarerChannel;
  const blank = (name: string) => String(group.get(name)?.value ?? '').trim() === '';
  for (const name of ['name', 'purpose']) {
    const control = group.get(name);
    if (control) setErrorFlag(control, 'needed', keep && blank(name));
  }
  const email = group.get('email');
  const phone = group.get('phone');
  if (email) setErrorFlag(email, 'needed', keep && channel === 'email' && blank('email'));
  if (phone) setErrorFlag(phone, 'needed', keep && channel === 'phone' && blank('phone'));
  return null;
}

export function serviceExperienceGroup(
  value: { kind: ServiceExperienceKind | null; from: string; to: string | null } = {
    kind: null,
    from: '',
    to: null,
  },
): ServiceExperienceForm {
  return new FormGroup(
    {
      kind: new FormControl<ServiceExperienceKind | null>(value.kind, { validators: [Validators.required] }),
      from: new FormControl(value.from, { nonNullable: true, validators: [Validators.required] }),
      to: new FormControl(value.to ?? '', { nonNullable: true }),
    },
    { validators: [periodOrderValidator] },
  );
}

export function trustedAdultGroup(
  value: { userId: string; relationship: TrustedAdultRelationship | null } = {
    userId: '',
    relationship: null,
  },
): TrustedAdultForm {
  return new FormGroup({
    userId: new FormControl(value.userId, {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(UUID)],
    }),
    relationship: new FormControl<TrustedAdultRelationship | null>(value.relationship, {
      validators: [Validators.required],
    }),
  });
}

export function youngPersonForm(): YoungPersonForm {
  const text = (max: number) =>
    new FormControl('', { nonNullable: true, validators: [Validators.maxLength(max)] });
  return new FormGroup({
    preferredName: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(60)],
    }),
    dateOfBirth: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    serviceExperiences: new FormArray<ServiceExperienceForm>([]),
    trustedAdults: new FormArray<TrustedAdultForm>([]),
    contact: new FormGroup({
      email: new FormControl('', {
        nonNullable: true,
        validators: [Validators.email, Validators.maxLength(254)],
      }),
      phone: new FormControl('', { nonNullable: true, validators: [Validators.pattern(PHONE)] }),
      whatsapp: new FormControl('', { nonNullable: true, validators: [Validators.pattern(PHONE)] }),
      letter: new FormGroup(
        {
          addressLines: new FormControl('', { nonNullable: true }),
          postcode: new FormControl('', { nonNullable: true, validators: [Validators.pattern(POSTCODE)] }),
        },
        { validators: [letterValidator] },
      ),
      onlyViaTrustedAdult: new FormControl(false, { nonNullable: true }),
    }),
    parentCarer: new FormGroup(
      {
        keep: new FormControl(false, { nonNullable: true }),
        name: text(80),
        relationship: text(40),
        channel: new FormControl<ParentCarerChannel>('email', { nonNullable: true }),
        email: new FormControl('', {
          nonNullable: true,
          validators: [Validators.email, Validators.maxLength(254)],
        }),
        phone: new FormControl('', { nonNullable: true, validators: [Validators.pattern(PHONE)] }),
        purpose: text(200),
      },
      { validators: [parentCarerValidator] },
    ),
    accessibilityNeeds: text(1000),
    communicationNeeds: text(1000),
    participationPreference: new FormControl<ParticipationPreference>('either', { nonNullable: true }),
    decidesForThemselves: new FormControl(false, { nonNullable: true }),
    confidentialityNotes: text(1000),
    placedOutOfArea: new FormControl(false, { nonNullable: true }),
    placementAuthority: text(100),
    categoryIds: new FormControl<string[]>([], { nonNullable: true }),
  });
}

/** Fills the form from a saved record, for editing. */
export function fillForm(form: YoungPersonForm, person: YoungPersonResponse): void {
  form.controls.serviceExperiences.clear();
  for (const period of person.serviceExperiences) {
    form.controls.serviceExperiences.push(serviceExperienceGroup(period));
  }
  form.controls.trustedAdults.clear();
  for (const adult of person.trustedAdults) {
    form.controls.trustedAdults.push(trustedAdultGroup(adult));
  }
  const letter = person.contact.letter;
  form.patchValue({
    preferredName: person.preferredName,
    dateOfBirth: person.dateOfBirth,
    contact: {
      email: person.contact.email ?? '',
      phone: person.contact.phone ?? '',
      whatsapp: person.contact.whatsapp ?? '',
      letter: { addressLines: letter?.addressLines.join('\n') ?? '', postcode: letter?.postcode ?? '' },
      onlyViaTrustedAdult: person.contact.onlyViaTrustedAdult,
    },
    parentCarer: {
      keep: person.parentCarer !== null,
      name: person.parentCarer?.name ?? '',
      relationship: person.parentCarer?.relationship ?? '',
      channel: person.parentCarer?.channel ?? 'email',
      email: person.parentCarer?.email ?? '',
      phone: person.parentCarer?.phone ?? '',
      purpose: person.parentCarer?.purpose ?? '',
    },
    accessibilityNeeds: person.accessibilityNeeds ?? '',
    communicationNeeds: person.communicationNeeds ?? '',
    participationPreference: person.participationPreference,
    decidesForThemselves: person.decidesForThemselves,
    confidentialityNotes: person.confidentialityNotes ?? '',
    placedOutOfArea: person.placedOutOfArea,
    placementAuthority: person.placementAuthority ?? '',
    categoryIds: person.categories.map((category) => category.id),
  });
}

/** Ticks or unticks one of the team's categories. */
export function tickCategory(form: YoungPersonForm, id: string, ticked: boolean): void {
  const control = form.controls.categoryIds;
  const others = control.value.filter((other) => other !== id);
  control.setValue(ticked ? [...others, id] : others);
  control.markAsDirty();
}

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The whole request, as `POST` and `PUT /api/young-people` expect it (PUT replaces every field). */
export function toRequest(form: YoungPersonForm): YoungPersonRequest {
  const value = form.getRawValue();
  const lines = value.contact.letter.addressLines
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const postcode = value.contact.letter.postcode.trim().toUpperCase();
  return {
    preferredName: value.preferredName.trim(),
    dateOfBirth: value.dateOfBirth,
    serviceExperiences: value.serviceExperiences.map((period) => ({
      kind: period.kind as ServiceExperienceKind,
      from: period.from,
      to: period.to || null,
    })),
    trustedAdults: value.trustedAdults.map((adult) => ({
      userId: adult.userId.trim(),
      relationship: adult.relationship as TrustedAdultRelationship,
    })),
    contact: {
      email: orNull(value.contact.email),
      phone: orNull(value.contact.phone),
      whatsapp: orNull(value.contact.whatsapp),
      letter: lines.length === 0 && postcode === '' ? null : { addressLines: lines, postcode },
      onlyViaTrustedAdult: value.contact.onlyViaTrustedAdult,
    },
    // Only the channel they agreed to is sent: the other box may still hold an old value.
    parentCarer: value.parentCarer.keep
      ? {
          name: value.parentCarer.name.trim(),
          relationship: orNull(value.parentCarer.relationship),
          channel: value.parentCarer.channel,
          email: value.parentCarer.channel === 'email' ? orNull(value.parentCarer.email) : null,
          phone: value.parentCarer.channel === 'phone' ? orNull(value.parentCarer.phone) : null,
          purpose: value.parentCarer.purpose.trim(),
        }
      : null,
    accessibilityNeeds: orNull(value.accessibilityNeeds),
    communicationNeeds: orNull(value.communicationNeeds),
    participationPreference: value.participationPreference,
    decidesForThemselves: value.decidesForThemselves,
    confidentialityNotes: orNull(value.confidentialityNotes),
    placedOutOfArea: value.placedOutOfArea,
    // The authority means nothing unless they are placed out of area; unticking forgets it.
    placementAuthority: value.placedOutOfArea ? orNull(value.placementAuthority) : null,
    categoryIds: value.categoryIds,
  };
}

/** Field names for the problem alert (see `fieldLabelsFor`). */
export const YOUNG_PERSON_FIELD_LABELS: Readonly<Record<string, string>> = {
  preferredName: 'Preferred name',
  dateOfBirth: 'Date of birth',
  serviceExperiences: 'Service experiences',
  'serviceExperiences.*.kind': 'Experience',
  'serviceExperiences.*.from': 'From date',
  'serviceExperiences.*.to': 'To date',
  trustedAdults: 'Trusted adults',
  'trustedAdults.*.userId': 'Trusted adult',
  'trustedAdults.*.relationship': 'Relationship',
  contact: 'Contact',
  'contact.email': 'Email address',
  'contact.phone': 'Phone number',
  'contact.whatsapp': 'WhatsApp number',
  'contact.letter': 'Letter',
  'contact.letter.addressLines': 'Address',
  'contact.letter.postcode': 'Postcode',
  'contact.onlyViaTrustedAdult': 'Only via a trusted adult',
  parentCarer: 'Parent or carer',
  'parentCarer.name': "Parent's or carer's name",
  'parentCarer.relationship': 'Who they are to them',
  'parentCarer.channel': 'How they agreed to be contacted',
  'parentCarer.email': "Parent's or carer's email",
  'parentCarer.phone': "Parent's or carer's phone",
  'parentCarer.purpose': 'Why Heard keeps this',
  accessibilityNeeds: 'Accessibility needs',
  communicationNeeds: 'Communication needs',
  participationPreference: 'How they like to take part',
  decidesForThemselves: 'Decides for themselves',
  confidentialityNotes: 'Confidentiality notes',
  placedOutOfArea: 'Placed out of area',
  placementAuthority: 'Local authority they are placed with',
  categoryIds: "The team's categories",
  'categoryIds.*': 'Category',
};

export const YOUNG_PERSON_ITEM_LABELS: Readonly<Record<string, string>> = {
  serviceExperiences: 'Service experience',
  trustedAdults: 'Trusted adult',
};

export const PARTICIPATION_LABELS: Readonly<Record<ParticipationPreference, string>> = {
  group: 'In a group',
  one_to_one: 'One to one',
  either: 'Either',
};
