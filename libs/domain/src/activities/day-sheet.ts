import { EffectiveConsentResult, dateInWords, instantInWords } from '../consent/consent';
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

export interface DaySheetPerson {
  id: string;
  preferredName: string;
  status: InvitationStatus;
  accessibilityNeeds: string | null;
  communicationNeeds: string | null;
  /** Effective consents on the day. */
  photosVideo: EffectiveConsentResult;
  emergencyTreatment: EffectiveConsentResult;
}

export interface DayPlanSummary {
  /** Accepted or already marked as attending, by name. */
  coming: DaySheetPerson[];
  comingCount: number;
  /** How many of those coming have accessibility or communication needs written down. */
  withNeedsCount: number;
  withoutEmergencyConsent: { id: string; preferredName: string; message: string }[];
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
  const coming = people.filter((p) => isComing(p.status)).sort(byName);
  const withoutEmergencyConsent: DayPlanSummary['withoutEmergencyConsent'] = [];
  for (const p of coming) {
    if (p.emergencyTreatment.status !== 'valid')
      withoutEmergencyConsent.push({
        id: p.id,
        preferredName: p.preferredName,
        message: p.emergencyTreatment.message,
      });
  }
  return {
    coming,
    comingCount: coming.length,
    withNeedsCount: coming.filter((p) => p.accessibilityNeeds !== null || p.communicationNeeds !== null)
      .length,
    withoutEmergencyConsent,
    doNotPhotograph: doNotPhotograph(
      coming.map((p) => ({ id: p.id, preferredName: p.preferredName, consent: p.photosVideo })),
    ),
    placesLeft: capacity === null ? null : Math.max(0, capacity - coming.length),
  };
}
