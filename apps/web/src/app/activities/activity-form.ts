import {
  type AbstractControl,
  FormControl,
  FormGroup,
  FormRecord,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { ATTENDANCE_CONSENT_PURPOSES } from '@heard/domain';
import type {
  ActivityDayRequest,
  ActivityDayResponse,
  ConsentPurpose,
  PhotoPlan,
  ServiceExperienceKind,
} from '@heard/domain';
import { TIME, ageOrderValidator } from '../groups/group-form';
import { setErrorFlag } from '../core/form-errors';

export type ActivityForm = FormGroup<{
  title: FormControl<string>;
  date: FormControl<string>;
  startTime: FormControl<string>;
  endTime: FormControl<string>;
  venue: FormControl<string>;
  accessibility: FormControl<string>;
  capacity: FormControl<number | null>;
  cohort: FormGroup<{
    minAge: FormControl<number | null>;
    maxAge: FormControl<number | null>;
    serviceExperiences: FormControl<ServiceExperienceKind[]>;
    groupIds: FormControl<string[]>;
  }>;
  professionals: FormControl<string>;
  /** In pounds, as people think of a budget; sent as pence. */
  budgetPounds: FormControl<number | null>;
  transport: FormControl<string>;
  photos: FormControl<PhotoPlan | null>;
  agenda: FormControl<string>;
  requiredConsents: FormRecord<FormControl<boolean>>;
  reminderDaysBefore: FormControl<number | null>;
}>;

/** The end time must be after the start time (error `order` on `endTime`). */
export function timeOrderValidator(group: AbstractControl): ValidationErrors | null {
  const start = group.get('startTime');
  const end = group.get('endTime');
  if (!start || !end) return null;
  setErrorFlag(end, 'order', TIME.test(start.value) && TIME.test(end.value) && end.value <= start.value);
  return null;
}

const text = (max: number) =>
  new FormControl('', { nonNullable: true, validators: [Validators.maxLength(max)] });

export function activityForm(): ActivityForm {
  const consents = new FormRecord<FormControl<boolean>>({});
  for (const purpose of ATTENDANCE_CONSENT_PURPOSES)
    consents.addControl(purpose, new FormControl(false, { nonNullable: true }));
  const age = () =>
    new FormControl<number | null>(null, {
      validators: [Validators.required, Validators.min(0), Validators.max(25), Validators.pattern(/^\d+$/)],
    });
  return new FormGroup(
    {
      title: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(120)],
      }),
      date: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      startTime: new FormControl('10:00', {
        nonNullable: true,
        validators: [Validators.required, Validators.pattern(TIME)],
      }),
      endTime: new FormControl('15:00', {
        nonNullable: true,
        validators: [Validators.required, Validators.pattern(TIME)],
      }),
      venue: text(200),
      accessibility: text(1000),
      capacity: new FormControl<number | null>(null, {
        validators: [Validators.min(1), Validators.max(500), Validators.pattern(/^\d+$/)],
      }),
      cohort: new FormGroup(
        {
          minAge: age(),
          maxAge: age(),
          serviceExperiences: new FormControl<ServiceExperienceKind[]>([], { nonNullable: true }),
          groupIds: new FormControl<string[]>([], {
            nonNullable: true,
            validators: [(c: AbstractControl<string[]>) => (c.value.length > 20 ? { tooMany: true } : null)],
          }),
        },
        { validators: [ageOrderValidator] },
      ),
      professionals: text(500),
      budgetPounds: new FormControl<number | null>(null, {
        validators: [Validators.min(0), Validators.max(100_000), Validators.pattern(/^\d+(\.\d{1,2})?$/)],
      }),
      transport: text(500),
      // Chosen every time: the invitation tells young people, so Heard does not guess for the officer.
      photos: new FormControl<PhotoPlan | null>(null, { validators: [Validators.required] }),
      agenda: text(2000),
      requiredConsents: consents,
      reminderDaysBefore: new FormControl<number | null>(2, {
        validators: [Validators.required, Validators.min(0), Validators.max(14), Validators.pattern(/^\d+$/)],
      }),
    },
    { validators: [timeOrderValidator] },
  );
}

/** Fills the form from a saved activity day, for editing. */
export function fillActivityForm(form: ActivityForm, activity: ActivityDayResponse): void {
  form.setValue({
    title: activity.title,
    date: activity.date,
    startTime: activity.startTime,
    endTime: activity.endTime,
    venue: activity.venue ?? '',
    accessibility: activity.accessibility ?? '',
    capacity: activity.capacity,
    cohort: {
      minAge: activity.cohort.minAge,
      maxAge: activity.cohort.maxAge,
      serviceExperiences: [...activity.cohort.serviceExperiences],
      groupIds: [...activity.cohort.groupIds],
    },
    professionals: activity.professionals ?? '',
    budgetPounds: activity.budgetPence === null ? null : activity.budgetPence / 100,
    transport: activity.transport ?? '',
    photos: activity.photos,
    agenda: activity.agenda ?? '',
    requiredConsents: Object.fromEntries(
      ATTENDANCE_CONSENT_PURPOSES.map((purpose) => [purpose, activity.requiredConsents.includes(purpose)]),
    ),
    reminderDaysBefore: activity.reminderDaysBefore,
  });
}

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function numberOrNull(value: number | string | null): number | null {
  return value === null || String(value).trim() === '' ? null : Number(value);
}

/** Pounds as typed ("12.5") to whole pence (1250), without floating-point drift. */
export function toPence(pounds: number | string | null): number | null {
  const value = numberOrNull(pounds);
  return value === null ? null : Math.round(value * 100);
}

/** The whole request, as `POST` and `PUT /api/activities` expect it (PUT replaces every field). */
export function toActivityRequest(form: ActivityForm): ActivityDayRequest {
  const value = form.getRawValue();
  return {
    title: value.title.trim(),
    date: value.date,
    startTime: value.startTime,
    endTime: value.endTime,
    venue: orNull(value.venue),
    accessibility: orNull(value.accessibility),
    capacity: numberOrNull(value.capacity),
    cohort: {
      minAge: Number(value.cohort.minAge),
      maxAge: Number(value.cohort.maxAge),
      serviceExperiences: value.cohort.serviceExperiences,
      groupIds: value.cohort.groupIds,
    },
    professionals: orNull(value.professionals),
    budgetPence: toPence(value.budgetPounds),
    transport: orNull(value.transport),
    photos: value.photos,
    agenda: orNull(value.agenda),
    requiredConsents: ATTENDANCE_CONSENT_PURPOSES.filter(
      (purpose: ConsentPurpose) => value.requiredConsents[purpose],
    ),
    reminderDaysBefore: Number(value.reminderDaysBefore ?? 2),
  };
}

/** Request paths the form keeps under another name. */
export const ACTIVITY_FIELD_ALIASES: Readonly<Record<string, string>> = { budgetPence: 'budgetPounds' };

export const ACTIVITY_FIELD_LABELS: Readonly<Record<string, string>> = {
  title: 'Title',
  date: 'Date',
  startTime: 'Starts at',
  endTime: 'Ends at',
  venue: 'Venue',
  accessibility: 'Accessibility information',
  capacity: 'Places',
  cohort: 'Who it is for',
  'cohort.minAge': 'Youngest age',
  'cohort.maxAge': 'Oldest age',
  'cohort.serviceExperiences': 'Service experiences',
  'cohort.groupIds': 'Groups',
  professionals: 'Staff attending',
  budgetPence: 'Budget',
  transport: 'Transport',
  photos: 'Photos and film',
  agenda: 'What young people will evaluate',
  requiredConsents: 'Consents needed',
  reminderDaysBefore: 'Reminder',
};
