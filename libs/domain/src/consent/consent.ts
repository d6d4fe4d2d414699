import { IsoDate, dayInWords } from '../shared/dates';
import { ageOn } from '../young-people/age';
import {
  ServiceExperienceKind,
  ServiceExperiencePeriod,
  experiencesOn,
} from '../young-people/service-experience';

/** What a consent is for. Each is recorded, checked and withdrawn on its own. */
export enum ConsentPurpose {
  TakingPart = 'taking_part',
  PhotosVideo = 'photos_video',
  Quotes = 'quotes',
  Sharing = 'sharing',
  Transport = 'transport',
  EmergencyTreatment = 'emergency_treatment',
}

export const CONSENT_PURPOSES: readonly ConsentPurpose[] = Object.values(ConsentPurpose);

/**
 * The only consents an activity can require before someone is marked as here. Photos and video,
 * quotes and sharing are genuine choices (the lawful basis is consent, so refusing must cost nothing):
 * without them a young person still takes part, on the do-not-photograph list, their words unpublished.
 */
export const ATTENDANCE_CONSENT_PURPOSES = [
  ConsentPurpose.TakingPart,
  ConsentPurpose.Transport,
  ConsentPurpose.EmergencyTreatment,
] as const satisfies readonly ConsentPurpose[];
export type AttendanceConsentPurpose = (typeof ATTENDANCE_CONSENT_PURPOSES)[number];

export function mayBeRequiredToAttend(purpose: ConsentPurpose): purpose is AttendanceConsentPurpose {
  return (ATTENDANCE_CONSENT_PURPOSES as readonly ConsentPurpose[]).includes(purpose);
}

/**
 * What an activity's list of required consents means at the door: only the purposes that may be
 * required, each once. Anything else on the list (recorded before this rule) is ignored, not enforced.
 */
export function consentsNeededToAttend(required: readonly ConsentPurpose[]): AttendanceConsentPurpose[] {
  return [...new Set(required)].filter(mayBeRequiredToAttend);
}

export const CONSENT_PURPOSE_LABELS: Readonly<Record<ConsentPurpose, string>> = {
  [ConsentPurpose.TakingPart]: 'Taking part',
  [ConsentPurpose.PhotosVideo]: 'Photos and video',
  [ConsentPurpose.Quotes]: 'Quoting their words',
  [ConsentPurpose.Sharing]: 'Sharing their information',
  [ConsentPurpose.Transport]: 'Transport',
  [ConsentPurpose.EmergencyTreatment]: 'Emergency medical treatment',
};

export enum ConsentGiver {
  YoungPerson = 'young_person',
  /** A parent or anyone else with parental responsibility. */
  Parent = 'parent',
  /** The council under delegated authority, for a looked-after child. */
  Council = 'council',
  /** A foster carer with delegated authority, for a looked-after child. */
  FosterCarer = 'foster_carer',
}

export const CONSENT_GIVER_LABELS: Readonly<Record<ConsentGiver, string>> = {
  [ConsentGiver.YoungPerson]: 'The young person',
  [ConsentGiver.Parent]: 'A parent or person with parental responsibility',
  [ConsentGiver.Council]: 'The council (delegated authority)',
  [ConsentGiver.FosterCarer]: 'A foster carer (delegated authority)',
};

export enum ConsentMethod {
  Form = 'form',
  Verbal = 'verbal',
  Online = 'online',
}

export const CONSENT_METHOD_LABELS: Readonly<Record<ConsentMethod, string>> = {
  [ConsentMethod.Form]: 'Signed form',
  [ConsentMethod.Verbal]: 'Said so (verbal)',
  [ConsentMethod.Online]: 'Online',
};

/** `standing` covers everything until it expires or is withdrawn; `activity` covers one activity day. */
export type ConsentScope = 'standing' | 'activity';
export const CONSENT_SCOPES = ['standing', 'activity'] as const satisfies readonly ConsentScope[];

export interface ConsentRecordFacts {
  id: string;
  purpose: ConsentPurpose;
  givenBy: ConsentGiver;
  givenOn: IsoDate;
  scope: ConsentScope;
  /** Set only when scope is `activity`. */
  activityId: string | null;
  /** The last day it covers. */
  expiresOn: IsoDate | null;
  /** An instant, not a date: withdrawal takes effect at once, even halfway through a day. */
  withdrawnAt: Date | null;
}

export interface ConsentSubject {
  dateOfBirth: IsoDate;
  /** Recorded when someone under 16 is judged able to decide for themselves (Gillick competence). */
  decidesForThemselves: boolean;
  serviceExperiences: readonly ServiceExperiencePeriod[];
}

export interface ConsentGiverProblem {
  level: 'error' | 'warning';
  code: 'wrong_giver' | 'parent_for_self_decider';
  message: string;
}

/**
 * Whether someone may give consent for this young person on a date (the table in
 * docs/activities-invitations-consent.md). A warning still lets the consent count.
 */
export function consentGiverProblem(
  subject: ConsentSubject,
  givenBy: ConsentGiver,
  on: IsoDate,
): ConsentGiverProblem | null {
  const age = ageOn(subject.dateOfBirth, on);
  const error = (message: string): ConsentGiverProblem => ({ level: 'error', code: 'wrong_giver', message });

  if (age >= 18) {
    return givenBy === ConsentGiver.YoungPerson
      ? null
      : error('They are 18 or over, so only they can give consent.');
  }

  if (age >= 16 || subject.decidesForThemselves) {
    const why = age >= 16 ? 'they are 16 or 17' : 'they are recorded as deciding for themselves';
    if (givenBy === ConsentGiver.YoungPerson) return null;
    if (givenBy === ConsentGiver.Parent)
      return {
        level: 'warning',
        code: 'parent_for_self_decider',
        message: `A parent gave this consent, but ${why}: check with them too.`,
      };
    return error(`As ${why}, they give consent themselves.`);
  }

  if (givenBy === ConsentGiver.Parent) return null;
  if (givenBy === ConsentGiver.YoungPerson)
    return error(
      'They are under 16 and not recorded as deciding for themselves, so a parent (or, if they are looked after, the council or their foster carer) gives consent.',
    );
  if (experiencesOn(subject.serviceExperiences, on).includes(ServiceExperienceKind.LookedAfter)) return null;
  return error(
    'The council or a foster carer can only give consent while the young person is looked after; ask a parent.',
  );
}

/** Who may give consent for them on a date, in words: the consent panel's reminder of the table. */
export function whoMayConsent(subject: ConsentSubject, on: IsoDate): string {
  const age = ageOn(subject.dateOfBirth, on);
  if (age >= 18) return 'They are 18 or over: only they can give consent.';
  if (age >= 16) return 'They are 16 or 17: they give consent themselves (a parent’s consent is flagged).';
  if (subject.decidesForThemselves)
    return 'They are recorded as deciding for themselves: they give consent (a parent’s consent is flagged).';
  if (experiencesOn(subject.serviceExperiences, on).includes(ServiceExperienceKind.LookedAfter))
    return 'They are under 16 and looked after: a parent, the council or a foster carer with delegated authority gives consent.';
  return 'They are under 16: a parent or person with parental responsibility gives consent.';
}

export type ConsentFailure = 'missing' | 'expired' | 'withdrawn' | 'wrong_scope' | 'wrong_giver';

export type UnmetConsent = { status: ConsentFailure; record: ConsentRecordFacts | null; message: string };

export type EffectiveConsentResult =
  | { status: 'valid'; record: ConsentRecordFacts; warnings: string[] }
  | UnmetConsent;

export interface ConsentCheck {
  on: IsoDate;
  /** The instant withdrawals are judged at: usually now, or the start of the activity. */
  at: Date;
  /** The activity day being checked for; null for anything else, where only standing consent counts. */
  activityId: string | null;
}

/** "3 March 2026": how dates are written to staff and young people. */
export function dateInWords(date: IsoDate): string {
  return dayInWords(date).replace(/^\w+ /, '');
}

const LONDON_DATE_IN_WORDS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** The UK calendar date of an instant, in words. */
export function instantInWords(at: Date): string {
  return LONDON_DATE_IN_WORDS.format(at);
}

const newestFirst = (a: ConsentRecordFacts, b: ConsentRecordFacts) =>
  b.givenOn.localeCompare(a.givenOn) || b.id.localeCompare(a.id);

const inScope = (record: ConsentRecordFacts, activityId: string | null) =>
  record.scope === 'standing' || (activityId !== null && record.activityId === activityId);

/** Why one record does not count on the date, or null when it does. Withdrawal outranks expiry. */
function failureOf(
  record: ConsentRecordFacts,
  subject: ConsentSubject,
  check: ConsentCheck,
): UnmetConsent | null {
  const label = CONSENT_PURPOSE_LABELS[record.purpose];
  if (record.withdrawnAt !== null && record.withdrawnAt.getTime() <= check.at.getTime())
    return {
      status: 'withdrawn',
      record,
      message: `${label} consent was withdrawn on ${instantInWords(record.withdrawnAt)}.`,
    };
  if (record.expiresOn !== null && record.expiresOn < check.on)
    return {
      status: 'expired',
      record,
      message: `${label} consent expired on ${dateInWords(record.expiresOn)}.`,
    };
  if (!inScope(record, check.activityId))
    return {
      status: 'wrong_scope',
      record,
      message:
        check.activityId === null
          ? `${label} consent was given for one activity day only.`
          : `${label} consent was given for a different activity day.`,
    };
  const giver = consentGiverProblem(subject, record.givenBy, check.on);
  if (giver?.level === 'error')
    return {
      status: 'wrong_giver',
      record,
      message: `${label} consent was given by someone who cannot consent for them. ${giver.message}`,
    };
  return null;
}

/**
 * The consent in force for a purpose on a date: the newest record that qualifies. When none does,
 * the reason given is that of the newest record given by the date — preferring one in scope, because
 * an activity-scoped consent for some other day says nothing about why this day is not covered.
 * Who may give consent is judged on the date of use, not the date given: a parent's consent stops
 * counting when the young person turns 18, and the council's when they stop being looked after.
 */
export function effectiveConsent(
  records: readonly ConsentRecordFacts[],
  subject: ConsentSubject,
  check: ConsentCheck & { purpose: ConsentPurpose },
): EffectiveConsentResult {
  const label = CONSENT_PURPOSE_LABELS[check.purpose];
  const ofPurpose = records.filter((r) => r.purpose === check.purpose).sort(newestFirst);
  const byThen = ofPurpose.filter((r) => r.givenOn <= check.on);

  for (const record of byThen) {
    if (failureOf(record, subject, check) === null) {
      const giver = consentGiverProblem(subject, record.givenBy, check.on);
      return { status: 'valid', record, warnings: giver ? [giver.message] : [] };
    }
  }

  const nearest = byThen.find((r) => inScope(r, check.activityId)) ?? byThen[0];
  if (nearest) {
    const failure = failureOf(nearest, subject, check);
    if (failure) return failure;
  }

  // Sorted newest first, so the last one given after the date is the first given after it.
  const givenLater = ofPurpose.filter((r) => r.givenOn > check.on);
  const firstLater = givenLater[givenLater.length - 1];
  if (firstLater)
    return {
      status: 'missing',
      record: null,
      message: `No ${label.toLowerCase()} consent was in place on ${dateInWords(check.on)}; it was given later, on ${dateInWords(firstLater.givenOn)}.`,
    };
  return { status: 'missing', record: null, message: `No ${label.toLowerCase()} consent has been recorded.` };
}

export type MissingConsent = UnmetConsent & { purpose: ConsentPurpose };

/** Every required purpose without consent in force, in the order required, each purpose once. */
export function missingConsents(
  records: readonly ConsentRecordFacts[],
  subject: ConsentSubject,
  required: readonly ConsentPurpose[],
  check: ConsentCheck,
): MissingConsent[] {
  const out: MissingConsent[] = [];
  for (const purpose of new Set(required)) {
    const result = effectiveConsent(records, subject, { ...check, purpose });
    if (result.status !== 'valid') out.push({ ...result, purpose });
  }
  return out;
}
