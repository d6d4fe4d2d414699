import {
  ATTENDANCE_CONSENT_PURPOSES,
  AttendanceConsentPurpose,
  ConsentFailure,
  ConsentPurpose,
  EffectiveConsentResult,
  consentsNeededToAttend,
  dateInWords,
  instantInWords,
} from '../consent/consent';
import { InvitationStatus } from '../invitations/invitation-status';

export interface PhotoConsentPerson {
  id: string;
  preferredName: string;
  /** Their effective `photos_video` consent on the day. */
  consent: EffectiveConsentResult;
}

export interface DoNotPhotographEntry {
  id: string;
  preferredName: string;
  reason: string;
}

const byName = <T extends { id: string; preferredName: string }>(a: T, b: T) =>
  a.preferredName.localeCompare(b.preferredName, 'en-GB') || a.id.localeCompare(b.id);

/** Short enough to read on a printed sheet at a glance. */
function photoReason(consent: Exclude<EffectiveConsentResult, { status: 'valid' }>): string {
  const record = consent.record;
  switch (consent.status) {
    case 'withdrawn':
      return record?.withdrawnAt ? `Withdrawn on ${instantInWords(record.withdrawnAt)}` : 'Withdrawn';
    case 'expired':
      return record?.expiresOn ? `Expired on ${dateInWords(record.expiresOn)}` : 'Expired';
    case 'wrong_scope':
      return 'Photo consent is for a different activity day';
    case 'wrong_giver':
      return 'Photo consent was not given by someone who can';
    case 'missing':
      return 'No photo consent given';
  }
}

/** Everyone without photo and video consent in force on the day, by name, with the reason. */
export function doNotPhotograph(people: readonly PhotoConsentPerson[]): DoNotPhotographEntry[] {
  const out: DoNotPhotographEntry[] = [];
  for (const p of people) {
    if (p.consent.status !== 'valid')
      out.push({ id: p.id, preferredName: p.preferredName, reason: photoReason(p.consent) });
  }
  return out.sort(byName);
}

/**
 * The consents the day sheet checks for everyone coming, in a fixed order: those the activity needs
 * to attend, and emergency treatment always, because staff on the day must know whom they may get
 * treated whatever the activity asked for.
 */
export function daySheetConsentPurposes(required: readonly ConsentPurpose[]): AttendanceConsentPurpose[] {
  const checked = new Set<ConsentPurpose>([
    ...consentsNeededToAttend(required),
    ConsentPurpose.EmergencyTreatment,
  ]);
  return ATTENDANCE_CONSENT_PURPOSES.filter((p) => checked.has(p));
}

export interface DaySheetPerson {
  id: string;
  preferredName: string;
  status: InvitationStatus;
  accessibilityNeeds: string | null;
  communicationNeeds: string | null;
  /** Effective consents on the day. */
  photosVideo: EffectiveConsentResult;
  /** One per purpose from daySheetConsentPurposes, in that order. */
  attendanceConsents: readonly { purpose: AttendanceConsentPurpose; consent: EffectiveConsentResult }[];
}

/** A consent the day needs that is not in force: missing, expired, withdrawn, or given by the wrong person. */
export interface ConsentFlag {
  purpose: AttendanceConsentPurpose;
  status: ConsentFailure;
  message: string;
}

export interface DayPlanSummary {
  /** Accepted or already marked as attending, by name, each with every consent flag, not only the first. */
  coming: (DaySheetPerson & { consentFlags: ConsentFlag[] })[];
  comingCount: number;
  /** How many of those coming have accessibility or communication needs written down. */
  withNeedsCount: number;
  doNotPhotograph: DoNotPhotographEntry[];
  /** Places left; null when there is no limit. Never below 0. */
  placesLeft: number | null;
}

const COMING: ReadonlySet<InvitationStatus> = new Set([InvitationStatus.Accepted, InvitationStatus.Attended]);

/** Whether an invitation puts someone on the day sheet, so a caller need only load those people. */
export function isComing(status: InvitationStatus): boolean {
  return COMING.has(status);
}

/**
 * What the staff running the day need on one sheet. Only those expected are listed: someone on the
 * waiting list is not coming unless moved up, and then they are accepted.
 */
export function dayPlanSummary(people: readonly DaySheetPerson[], capacity: number | null): DayPlanSummary {
  const coming = people
    .filter((p) => isComing(p.status))
    .sort(byName)
    .map((p) => ({
      ...p,
      consentFlags: p.attendanceConsents.flatMap(({ purpose, consent }) =>
        consent.status === 'valid' ? [] : [{ purpose, status: consent.status, message: consent.message }],
      ),
    }));
  return {
    coming,
    comingCount: coming.length,
    withNeedsCount: coming.filter((p) => p.accessibilityNeeds !== null || p.communicationNeeds !== null)
      .length,
    doNotPhotograph: doNotPhotograph(
      coming.map((p) => ({ id: p.id, preferredName: p.preferredName, consent: p.photosVideo })),
    ),
    placesLeft: capacity === null ? null : Math.max(0, capacity - coming.length),
  };
}
