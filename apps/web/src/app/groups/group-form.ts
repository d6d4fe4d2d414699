import {
  type AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  FormRecord,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { ServiceExperienceKind, addDays, occurrenceDates, patternProblems } from '@heard/domain';
import type { GroupRequest, GroupResponse, IsoDate, MeetingPattern } from '@heard/domain';
import { type Subscription, merge } from 'rxjs';
import { setErrorFlag } from '../core/form-errors';
import { longDate } from '../core/dates';
import {
  type PatternPreset,
  type WeekOfMonth,
  type Weekday,
  buildRrule,
  parseRrule,
  weekOfMonthOf,
  weekdayOf,
} from './rrule-presets';

export type PatternForm = FormGroup<{
  preset: FormControl<PatternPreset>;
  weekday: FormControl<Weekday>;
  week: FormControl<WeekOfMonth>;
  rrule: FormControl<string>;
  startsOn: FormControl<string>;
  startTime: FormControl<string>;
  durationMinutes: FormControl<number | null>;
}>;

export type GroupForm = FormGroup<{
  name: FormControl<string>;
  purpose: FormControl<string>;
  minAge: FormControl<number | null>;
  maxAge: FormControl<number | null>;
  serviceExperiences: FormRecord<FormControl<boolean>>;
  facilitatorIds: FormArray<FormControl<string>>;
  venue: FormControl<string>;
  onlineLink: FormControl<string>;
  capacity: FormControl<number | null>;
  /** Whether the group meets on a regular pattern; when not, `pattern` is disabled and sent as null. */
  hasPattern: FormControl<boolean>;
  pattern: PatternForm;
}>;

export const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The oldest age may not be below the youngest (error `order` on `maxAge`). */
export function ageOrderValidator(group: AbstractControl): ValidationErrors | null {
  const min = group.get('minAge');
  const max = group.get('maxAge');
  if (!min || !max) return null;
  setErrorFlag(
    max,
    'order',
    typeof min.value === 'number' && typeof max.value === 'number' && max.value < min.value,
  );
  return null;
}

export function facilitatorControl(id = ''): FormControl<string> {
  return new FormControl(id, {
    nonNullable: true,
    validators: [Validators.required, Validators.pattern(UUID)],
  });
}

export function groupForm(): GroupForm {
  const experiences = new FormRecord<FormControl<boolean>>({});
  for (const kind of Object.values(ServiceExperienceKind)) {
    experiences.addControl(kind, new FormControl(false, { nonNullable: true }));
  }
  const age = () =>
    new FormControl<number | null>(null, {
      validators: [Validators.required, Validators.min(8), Validators.max(25), Validators.pattern(/^\d+$/)],
    });
  const pattern: PatternForm = new FormGroup({
    preset: new FormControl<PatternPreset>('weekly', { nonNullable: true }),
    weekday: new FormControl<Weekday>('MO', { nonNullable: true }),
    week: new FormControl<WeekOfMonth>(1, { nonNullable: true }),
    rrule: new FormControl(buildRrule({ preset: 'weekly', weekday: 'MO', week: 1 }), {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    startsOn: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    startTime: new FormControl('17:00', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(TIME)],
    }),
    durationMinutes: new FormControl<number | null>(90, {
      validators: [Validators.required, Validators.min(15), Validators.max(720)],
    }),
  });
  pattern.disable();
  return new FormGroup(
    {
      name: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(80)],
      }),
      purpose: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(2000)],
      }),
      minAge: age(),
      maxAge: age(),
      serviceExperiences: experiences,
      facilitatorIds: new FormArray<FormControl<string>>([]),
      venue: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
      onlineLink: new FormControl('', {
        nonNullable: true,
        validators: [Validators.pattern(/^https:\/\/\S+$/i), Validators.maxLength(500)],
      }),
      capacity: new FormControl<number | null>(null, {
        validators: [Validators.min(1), Validators.max(500)],
      }),
      hasPattern: new FormControl(false, { nonNullable: true }),
      pattern,
    },
    { validators: [ageOrderValidator] },
  );
}

/**
 * Keeps the pattern's parts in step: choosing a preset, day or week writes the repeat rule, and
 * choosing the first meeting date picks its weekday (and week of the month). With the custom
 * preset the rule is the officer's own and is left alone. Turning the pattern on or off enables
 * or disables its fields.
 */
export function wirePattern(form: GroupForm): Subscription {
  const pattern = form.controls.pattern;
  const { preset, weekday, week, rrule, startsOn } = pattern.controls;
  const subscription = merge(preset.valueChanges, weekday.valueChanges, week.valueChanges).subscribe(() => {
    if (preset.enabled && preset.value !== 'custom') {
      rrule.setValue(buildRrule({ preset: preset.value, weekday: weekday.value, week: week.value }));
    }
  });
  subscription.add(
    startsOn.valueChanges.subscribe((date) => {
      if (startsOn.disabled || preset.value === 'custom' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
      weekday.setValue(weekdayOf(date), { emitEvent: false });
      week.setValue(weekOfMonthOf(date), { emitEvent: false });
      rrule.setValue(buildRrule({ preset: preset.value, weekday: weekday.value, week: week.value }));
    }),
  );
  subscription.add(
    // Without events, so the fields' own change handlers above do not run half-way through.
    form.controls.hasPattern.valueChanges.subscribe((on) =>
      on ? pattern.enable({ emitEvent: false }) : pattern.disable({ emitEvent: false }),
    ),
  );
  return subscription;
}

/** Fills the form from a saved group, for editing. */
export function fillGroupForm(form: GroupForm, group: GroupResponse): void {
  form.controls.facilitatorIds.clear();
  for (const facilitator of group.facilitators) {
    form.controls.facilitatorIds.push(facilitatorControl(facilitator.id));
  }
  const experiences: Record<string, boolean> = {};
  for (const kind of Object.values(ServiceExperienceKind)) {
    experiences[kind] = group.serviceExperiences.includes(kind);
  }
  form.patchValue({
    name: group.name,
    purpose: group.purpose,
    minAge: group.minAge,
    maxAge: group.maxAge,
    serviceExperiences: experiences,
    venue: group.venue ?? '',
    onlineLink: group.onlineLink ?? '',
    capacity: group.capacity,
    hasPattern: group.pattern !== null,
  });
  const pattern = form.controls.pattern;
  if (group.pattern) {
    pattern.enable({ emitEvent: false });
    const choice = parseRrule(group.pattern.rrule);
    pattern.setValue(
      {
        preset: choice?.preset ?? 'custom',
        weekday: choice?.weekday ?? weekdayOf(group.pattern.startsOn),
        week: choice?.week ?? 1,
        rrule: group.pattern.rrule,
        startsOn: group.pattern.startsOn,
        startTime: group.pattern.startTime,
        durationMinutes: group.pattern.durationMinutes,
      },
      { emitEvent: false },
    );
  } else {
    pattern.disable({ emitEvent: false });
  }
}

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The pattern as the API takes it, or null when the form has none. */
export function patternFrom(form: GroupForm): MeetingPattern | null {
  if (!form.controls.hasPattern.value) return null;
  const value = form.controls.pattern.getRawValue();
  return {
    rrule: value.rrule
      .trim()
      .replace(/^RRULE:/i, '')
      .toUpperCase(),
    startsOn: value.startsOn,
    startTime: value.startTime,
    durationMinutes: Number(value.durationMinutes),
  };
}

/** The whole request, as `POST` and `PUT /api/groups` expect it (PUT replaces every field). */
export function toGroupRequest(form: GroupForm): GroupRequest {
  const value = form.getRawValue();
  return {
    name: value.name.trim(),
    purpose: value.purpose.trim(),
    minAge: Number(value.minAge),
    maxAge: Number(value.maxAge),
    serviceExperiences: Object.values(ServiceExperienceKind).filter((kind) => value.serviceExperiences[kind]),
    facilitatorIds: value.facilitatorIds.map((id) => id.trim()),
    venue: orNull(value.venue),
    onlineLink: orNull(value.onlineLink),
    capacity: value.capacity === null || String(value.capacity) === '' ? null : Number(value.capacity),
    pattern: patternFrom(form),
  };
}

/**
 * The next few meeting dates of a pattern, to show before saving, or the problems that stop it
 * working (the same checks the API makes).
 */
export function previewPattern(
  pattern: MeetingPattern | null,
  count = 4,
): { dates: IsoDate[]; problems: string[]; note: string | null } {
  const none = { dates: [], problems: [], note: null };
  if (!pattern || !pattern.startsOn || !pattern.rrule) return none;
  const problems = patternProblems(pattern);
  if (Object.keys(problems).length > 0) return { ...none, problems: Object.values(problems) };
  try {
    const dates = occurrenceDates(pattern, pattern.startsOn, addDays(pattern.startsOn, 400)).slice(0, count);
    // A first meeting date off the pattern is allowed, but it is easy to miss: say so.
    const note =
      dates.length > 0 && dates[0] !== pattern.startsOn
        ? `There is no meeting on the first meeting date you chose (${longDate(pattern.startsOn)}): the pattern starts on ${longDate(dates[0])}.`
        : null;
    return { dates, problems: [], note };
  } catch {
    return { ...none, problems: ['The repeat rule could not be read.'] };
  }
}

export const GROUP_FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Name',
  purpose: 'What the group is for',
  minAge: 'Youngest age',
  maxAge: 'Oldest age',
  serviceExperiences: 'Service experiences',
  facilitatorIds: 'Facilitators',
  venue: 'Venue',
  onlineLink: 'Online meeting link',
  capacity: 'Most members',
  pattern: 'Meeting pattern',
  'pattern.rrule': 'Repeat rule',
  'pattern.startsOn': 'First meeting date',
  'pattern.startTime': 'Start time',
  'pattern.durationMinutes': 'Length in minutes',
};

export const GROUP_ITEM_LABELS: Readonly<Record<string, string>> = { facilitatorIds: 'Facilitator' };
