import { ServiceExperienceKind, ServiceExperiencePeriod } from '../young-people/service-experience';
import { ActivityCohort, CohortCandidate, OPEN_COHORT, cohortProblems } from './cohort';

const { LookedAfter, CareLeaver } = ServiceExperienceKind;
const ON = '2026-09-01';
const lookedAfter: ServiceExperiencePeriod = { kind: LookedAfter, from: '2020-01-01', to: null };

const who = (age: number, extra: Partial<CohortCandidate> = {}): CohortCandidate => ({
  dateOfBirth: `${2026 - age}-03-01`,
  serviceExperiences: [],
  groupIds: [],
  ...extra,
});
const cohort = (extra: Partial<ActivityCohort> = {}): ActivityCohort => ({
  minAge: 13,
  maxAge: 17,
  serviceExperiences: [],
  groupIds: [],
  ...extra,
});

describe('cohortProblems', () => {
  it.each<[string, CohortCandidate, ActivityCohort, string[]]>([
    ['they fit an open cohort', who(14), cohort(), []],
    ['they are the youngest age', who(13), cohort(), []],
    ['they are the oldest age', who(17), cohort(), []],
    ['they are too young', who(12), cohort(), ['They are 12; this is for ages 13 to 17.']],
    ['they are too old', who(18), cohort(), ['They are 18; this is for ages 13 to 17.']],
    [
      'they have the experience asked for',
      who(14, { serviceExperiences: [lookedAfter] }),
      cohort({ serviceExperiences: [LookedAfter] }),
      [],
    ],
    [
      'they lack the experience asked for',
      who(14),
      cohort({ serviceExperiences: [LookedAfter, CareLeaver] }),
      ['This is for young people who are looked after or care leaver.'],
    ],
    [
      'they are in the one group asked for',
      who(14, { groupIds: ['g1', 'g2'] }),
      cohort({ groupIds: ['g2'] }),
      [],
    ],
    [
      'they are in one of several groups asked for',
      who(14, { groupIds: ['g3'] }),
      cohort({ groupIds: ['g2', 'g3'] }),
      [],
    ],
    [
      'they are not in the one group asked for',
      who(14, { groupIds: ['g1'] }),
      cohort({ groupIds: ['g2'] }),
      ['This is for members of one group, and they are not in it.'],
    ],
    [
      'they are in none of the groups asked for',
      who(14),
      cohort({ groupIds: ['g2', 'g3'] }),
      ['This is for members of certain groups, and they are not in any of them.'],
    ],
    [
      'they fail every rule',
      who(19),
      cohort({ serviceExperiences: [LookedAfter], groupIds: ['g1'] }),
      [
        'They are 19; this is for ages 13 to 17.',
        'This is for young people who are looked after.',
        'This is for members of one group, and they are not in it.',
      ],
    ],
    ['the cohort is the open one', who(25, { serviceExperiences: [lookedAfter] }), OPEN_COHORT, []],
  ])('should give the right problems when %s', (_name, candidate, target, expected) => {
    expect(cohortProblems(candidate, target, ON)).toEqual(expected);
  });
});
