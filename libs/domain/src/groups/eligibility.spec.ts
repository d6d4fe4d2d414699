import { ServiceExperienceKind, ServiceExperiencePeriod } from '../young-people/service-experience';
import {
  EligibilityCandidate,
  EligibilityResult,
  EligibilityRule,
  GroupForSuggestion,
  checkEligibility,
  suggestNextGroup,
} from './eligibility';

const { LookedAfter, CareLeaver, YoungCarer } = ServiceExperienceKind;
const ON = '2026-09-01';

/** Someone who is `age` on ON and turns `age + 1` on their next birthday, 1 March. */
const agedOnSept1 = (age: number) => `${2026 - age}-03-01`;
const candidate = (
  age: number,
  serviceExperiences: ServiceExperiencePeriod[] = [],
): EligibilityCandidate => ({
  dateOfBirth: agedOnSept1(age),
  serviceExperiences,
});
const rule = (
  minAge: number,
  maxAge: number,
  serviceExperiences: ServiceExperienceKind[] = [],
): EligibilityRule => ({
  minAge,
  maxAge,
  serviceExperiences,
});
const lookedAfterSince2020: ServiceExperiencePeriod = { kind: LookedAfter, from: '2020-01-01', to: null };
const lookedAfterEnded: ServiceExperiencePeriod = { kind: LookedAfter, from: '2015-01-01', to: '2026-08-31' };
const youngCarerNow: ServiceExperiencePeriod = { kind: YoungCarer, from: '2023-06-01', to: null };

describe('checkEligibility', () => {
  it.each<[string, EligibilityCandidate, EligibilityRule, EligibilityResult]>([
    [
      'they are within the ages and the group is open to all',
      candidate(11),
      rule(10, 12),
      { eligible: true },
    ],
    ['they are exactly the minimum age', candidate(10), rule(10, 12), { eligible: true }],
    ['they are exactly the maximum age', candidate(12), rule(10, 12), { eligible: true }],
    ['the experiences list is empty and they have none', candidate(14), rule(10, 25, []), { eligible: true }],
    [
      'the experiences list is empty and they have one',
      candidate(14, [lookedAfterSince2020]),
      rule(10, 25, []),
      { eligible: true },
    ],
    [
      'they have the one experience asked for',
      candidate(14, [lookedAfterSince2020]),
      rule(13, 15, [LookedAfter]),
      { eligible: true },
    ],
    [
      'they have one of several experiences asked for',
      candidate(14, [youngCarerNow]),
      rule(13, 15, [LookedAfter, YoungCarer]),
      { eligible: true },
    ],
    [
      'they are too young',
      candidate(9),
      rule(10, 12),
      { eligible: false, failed: [{ rule: 'min_age', message: 'They are 9; this group starts at 10.' }] },
    ],
    [
      'they are too old',
      candidate(13),
      rule(10, 12),
      { eligible: false, failed: [{ rule: 'max_age', message: 'They are 13; this group is for up to 12.' }] },
    ],
    [
      'they have a different service experience',
      candidate(14, [youngCarerNow]),
      rule(13, 15, [LookedAfter]),
      {
        eligible: false,
        failed: [
          { rule: 'service_experience', message: 'This group is for young people who are looked after.' },
        ],
      },
    ],
    [
      'they have no service experience and the group asks for one',
      candidate(14),
      rule(13, 15, [LookedAfter, CareLeaver]),
      {
        eligible: false,
        failed: [
          {
            rule: 'service_experience',
            message: 'This group is for young people who are looked after or care leaver.',
          },
        ],
      },
    ],
    [
      'the experience asked for ended before the date',
      candidate(14, [lookedAfterEnded]),
      rule(13, 15, [LookedAfter]),
      {
        eligible: false,
        failed: [
          { rule: 'service_experience', message: 'This group is for young people who are looked after.' },
        ],
      },
    ],
    [
      'the experience asked for only starts after the date',
      candidate(14, [{ kind: LookedAfter, from: '2026-09-02', to: null }]),
      rule(13, 15, [LookedAfter]),
      {
        eligible: false,
        failed: [
          { rule: 'service_experience', message: 'This group is for young people who are looked after.' },
        ],
      },
    ],
    [
      'they are too old and have the wrong experience',
      candidate(17, [youngCarerNow]),
      rule(13, 15, [LookedAfter]),
      {
        eligible: false,
        failed: [
          { rule: 'max_age', message: 'They are 17; this group is for up to 15.' },
          { rule: 'service_experience', message: 'This group is for young people who are looked after.' },
        ],
      },
    ],
    [
      'they are too young and their experience has ended',
      candidate(12, [lookedAfterEnded]),
      rule(13, 15, [LookedAfter]),
      {
        eligible: false,
        failed: [
          { rule: 'min_age', message: 'They are 12; this group starts at 13.' },
          { rule: 'service_experience', message: 'This group is for young people who are looked after.' },
        ],
      },
    ],
  ])('should give the right result when %s', (_name, who, groupRule, expected) => {
    expect(checkEligibility(who, groupRule, ON)).toEqual(expected);
  });

  it.each<[string, string, boolean]>([
    ['the day before their 13th birthday', '2026-02-28', true],
    ['on their 13th birthday', '2026-03-01', false],
  ])('should judge a Junior (10–12) by their age on the date: %s → eligible %p', (_name, on, eligible) => {
    expect(
      checkEligibility({ dateOfBirth: '2013-03-01', serviceExperiences: [] }, rule(10, 12), on).eligible,
    ).toBe(eligible);
  });
});

describe('suggestNextGroup', () => {
  const juniors: GroupForSuggestion = { id: 'juniors', name: 'Juniors', ...rule(10, 12) };
  const deputies: GroupForSuggestion = { id: 'deputies', name: 'Deputies', ...rule(13, 15) };
  const seniors: GroupForSuggestion = { id: 'seniors', name: 'Seniors', ...rule(16, 17) };
  const forum: GroupForSuggestion = { id: 'forum', name: 'Youth Forum', ...rule(10, 25) };
  const careCouncil: GroupForSuggestion = {
    id: 'cic',
    name: 'Children in Care Council',
    ...rule(13, 15, [LookedAfter]),
  };
  const all = [forum, juniors, deputies, seniors, careCouncil];

  // Turns 13 on 1 March 2026.
  const newTeen: EligibilityCandidate = { dateOfBirth: '2013-03-01', serviceExperiences: [] };

  it('should point a Junior who has turned 13 to Deputies rather than the all-ages forum', () => {
    expect(suggestNextGroup(newTeen, 'juniors', all, '2026-03-01')?.id).toBe('deputies');
  });

  it.each<[string, GroupForSuggestion[]]>([
    ['in the order given', [juniors, deputies, forum]],
    ['reversed', [forum, deputies, juniors]],
    ['forum first', [forum, juniors, deputies]],
  ])('should give the same suggestion whatever order the groups come %s', (_name, groups) => {
    expect(suggestNextGroup(newTeen, 'juniors', groups, '2026-03-01')?.id).toBe('deputies');
  });

  it('should fall back to the all-ages forum when no narrower group fits', () => {
    expect(
      suggestNextGroup(newTeen, 'juniors', [juniors, seniors, forum, careCouncil], '2026-03-01')?.id,
    ).toBe('forum');
  });

  it.each<[string, EligibilityCandidate, GroupForSuggestion[], string]>([
    ['only the current group fits', newTeen, [juniors, seniors], '2026-02-28'],
    ['no group fits their age', { dateOfBirth: '1990-01-01', serviceExperiences: [] }, all, '2026-03-01'],
    [
      'the only group their age fits needs an experience they do not have',
      newTeen,
      [juniors, careCouncil],
      '2026-03-01',
    ],
    ['there are no groups', newTeen, [], '2026-03-01'],
  ])('should be null when %s', (_name, who, groups, on) => {
    expect(suggestNextGroup(who, 'juniors', groups, on)).toBeNull();
  });

  it('should never suggest the current group even when it is the best fit', () => {
    // Aged 14: Deputies (13–15) is the narrowest group they fit, but it is theirs.
    const fourteen: EligibilityCandidate = { dateOfBirth: '2012-01-01', serviceExperiences: [] };
    expect(suggestNextGroup(fourteen, 'deputies', all, ON)?.id).toBe('forum');
  });

  it('should prefer a group that matches their experience when it is narrower', () => {
    const lookedAfterTeen: EligibilityCandidate = {
      dateOfBirth: '2012-01-01',
      serviceExperiences: [lookedAfterSince2020],
    };
    const narrowCic: GroupForSuggestion = {
      id: 'cic14',
      name: 'CiC 14 only',
      ...rule(14, 14, [LookedAfter]),
    };
    expect(suggestNextGroup(lookedAfterTeen, 'juniors', [forum, deputies, narrowCic], ON)?.id).toBe('cic14');
  });

  it('should prefer the older range when two eligible groups are equally narrow', () => {
    const twelveToFourteen: GroupForSuggestion = { id: 'middle', name: 'Middles', ...rule(12, 14) };
    expect(suggestNextGroup(newTeen, 'juniors', [twelveToFourteen, deputies], '2026-03-01')?.id).toBe(
      'deputies',
    );
    expect(suggestNextGroup(newTeen, 'juniors', [deputies, twelveToFourteen], '2026-03-01')?.id).toBe(
      'deputies',
    );
  });

  it('should break a tie of equal age ranges by name', () => {
    const lookedAfterTeen: EligibilityCandidate = {
      dateOfBirth: '2012-01-01',
      serviceExperiences: [lookedAfterSince2020],
    };
    // Children in Care Council and Deputies are both 13–15; "Children…" sorts first.
    expect(suggestNextGroup(lookedAfterTeen, 'juniors', [deputies, careCouncil], ON)?.id).toBe('cic');
    expect(suggestNextGroup(lookedAfterTeen, 'juniors', [careCouncil, deputies], ON)?.id).toBe('cic');
  });

  it('should not reorder the list of groups it is given', () => {
    const groups = [forum, juniors, deputies];
    suggestNextGroup(newTeen, 'juniors', groups, '2026-03-01');
    expect(groups.map((g) => g.id)).toEqual(['forum', 'juniors', 'deputies']);
  });
});
