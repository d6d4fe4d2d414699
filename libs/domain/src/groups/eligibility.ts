import { IsoDate } from '../shared/dates';
import { ageOn } from '../young-people/age';
import {
  SERVICE_EXPERIENCE_LABELS,
  ServiceExperienceKind,
  ServiceExperiencePeriod,
  experiencesOn,
} from '../young-people/service-experience';

export interface EligibilityRule {
  minAge: number;
  maxAge: number;
  /** Any one of these is enough; empty means open to every experience. */
  serviceExperiences: readonly ServiceExperienceKind[];
}

export interface EligibilityCandidate {
  dateOfBirth: IsoDate;
  serviceExperiences: readonly ServiceExperiencePeriod[];
}

export type FailedRule = 'min_age' | 'max_age' | 'service_experience';

export type EligibilityResult =
  | { eligible: true }
  | { eligible: false; failed: { rule: FailedRule; message: string }[] };

/** Whether someone fits a group's rule on a date; when not, every rule they fail, in words. */
export function checkEligibility(
  candidate: EligibilityCandidate,
  rule: EligibilityRule,
  on: IsoDate,
): EligibilityResult {
  const failed: { rule: FailedRule; message: string }[] = [];
  const age = ageOn(candidate.dateOfBirth, on);
  if (age < rule.minAge)
    failed.push({ rule: 'min_age', message: `They are ${age}; this group starts at ${rule.minAge}.` });
  if (age > rule.maxAge)
    failed.push({ rule: 'max_age', message: `They are ${age}; this group is for up to ${rule.maxAge}.` });
  if (rule.serviceExperiences.length > 0) {
    const current = experiencesOn(candidate.serviceExperiences, on);
    if (!rule.serviceExperiences.some((k) => current.includes(k))) {
      const wanted = rule.serviceExperiences
        .map((k) => SERVICE_EXPERIENCE_LABELS[k].toLowerCase())
        .join(' or ');
      failed.push({
        rule: 'service_experience',
        message: `This group is for young people who are ${wanted}.`,
      });
    }
  }
  return failed.length === 0 ? { eligible: true } : { eligible: false, failed };
}

export interface GroupForSuggestion extends EligibilityRule {
  id: string;
  name: string;
}

/**
 * The group someone fits next when they no longer fit theirs: of the groups they are eligible for,
 * the most specific one (narrowest age range, then the older range), so a Junior who turns 13 is
 * pointed to Deputies (13–15) rather than an all-ages forum.
 */
export function suggestNextGroup(
  candidate: EligibilityCandidate,
  currentGroupId: string,
  groups: readonly GroupForSuggestion[],
  on: IsoDate,
): GroupForSuggestion | null {
  const eligible = groups.filter(
    (g) => g.id !== currentGroupId && checkEligibility(candidate, g, on).eligible,
  );
  eligible.sort(
    (a, b) =>
      a.maxAge - a.minAge - (b.maxAge - b.minAge) || b.minAge - a.minAge || a.name.localeCompare(b.name),
  );
  return eligible[0] ?? null;
}
