import { checkEligibility } from '../groups/eligibility';
import { IsoDate } from '../shared/dates';
import { ageOn } from '../young-people/age';
import {
  SERVICE_EXPERIENCE_LABELS,
  ServiceExperienceKind,
  ServiceExperiencePeriod,
} from '../young-people/service-experience';

/** Who an activity (or any invitation target) is for. Empty lists mean "anyone". */
export interface ActivityCohort {
  minAge: number;
  maxAge: number;
  /** Any one of these is enough; empty means open to every experience. */
  serviceExperiences: ServiceExperienceKind[];
  /** A member of any one is enough; empty means membership does not matter. */
  groupIds: string[];
}

export interface CohortCandidate {
  dateOfBirth: IsoDate;
  serviceExperiences: readonly ServiceExperiencePeriod[];
  /** The groups they are a member of on the date. */
  groupIds: readonly string[];
}

/**
 * Every way someone falls outside a cohort on a date, in words; empty when they fit. The age and
 * experience rules are the groups' own, reworded because the target may not be a group.
 */
export function cohortProblems(candidate: CohortCandidate, cohort: ActivityCohort, on: IsoDate): string[] {
  const problems: string[] = [];
  const eligibility = checkEligibility(candidate, cohort, on);
  if (!eligibility.eligible) {
    const age = ageOn(candidate.dateOfBirth, on);
    for (const failed of eligibility.failed) {
      if (failed.rule === 'min_age' || failed.rule === 'max_age')
        problems.push(`They are ${age}; this is for ages ${cohort.minAge} to ${cohort.maxAge}.`);
      else {
        const wanted = cohort.serviceExperiences
          .map((k) => SERVICE_EXPERIENCE_LABELS[k].toLowerCase())
          .join(' or ');
        problems.push(`This is for young people who are ${wanted}.`);
      }
    }
  }
  if (cohort.groupIds.length > 0 && !cohort.groupIds.some((id) => candidate.groupIds.includes(id)))
    problems.push(
      cohort.groupIds.length === 1
        ? 'This is for members of one group, and they are not in it.'
        : 'This is for members of certain groups, and they are not in any of them.',
    );
  return problems;
}

/** The cohort that lets everyone in, for targets with no cohort of their own (one-to-ones, reviews). */
export const OPEN_COHORT: Readonly<ActivityCohort> = {
  minAge: 0,
  maxAge: 200,
  serviceExperiences: [],
  groupIds: [],
};
