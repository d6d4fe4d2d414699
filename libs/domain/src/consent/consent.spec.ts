import { ServiceExperienceKind } from '../young-people/service-experience';
import {
  CONSENT_GIVER_LABELS,
  CONSENT_METHOD_LABELS,
  CONSENT_PURPOSE_LABELS,
  ConsentGiver,
  ConsentGiverProblem,
  ConsentMethod,
  ConsentPurpose,
  ConsentRecordFacts,
  ConsentSubject,
  EffectiveConsentResult,
  consentGiverProblem,
  consentsNeededToAttend,
  mayBeRequiredToAttend,
  dateInWords,
  effectiveConsent,
  instantInWords,
  missingConsents,
  whoMayConsent,
} from './consent';

const { YoungPerson, Parent, Council, FosterCarer } = ConsentGiver;
const ON = '2026-06-01';
const AT = new Date('2026-06-01T09:00:00Z');
const DAY = 'activity-day-1';

const subject = (
  dateOfBirth: string,
  opts: { decides?: boolean; lookedAfter?: boolean } = {},
): ConsentSubject => ({
  dateOfBirth,
  decidesForThemselves: opts.decides ?? false,
  serviceExperiences: opts.lookedAfter
    ? [{ kind: ServiceExperienceKind.LookedAfter, from: '2020-01-01', to: null }]
    : [],
});

const adult = subject('2006-01-01'); // 20 on ON
const eighteenToday = subject('2008-06-01');
const seventeen = subject('2009-01-01');
const sixteenToday = subject('2010-06-01');
const fifteenDeciding = subject('2011-01-01', { decides: true });
const fourteenLookedAfter = subject('2012-01-01', { lookedAfter: true });
const fourteen = subject('2012-01-01');
const fourteenLeftCare: ConsentSubject = {
  ...fourteen,
  serviceExperiences: [{ kind: ServiceExperienceKind.LookedAfter, from: '2020-01-01', to: '2026-05-31' }],
};

const record = (overrides: Partial<ConsentRecordFacts> = {}): ConsentRecordFacts => ({
  id: 'r1',
  purpose: ConsentPurpose.PhotosVideo,
  givenBy: YoungPerson,
  givenOn: '2026-01-10',
  scope: 'standing',
  activityId: null,
  expiresOn: null,
  withdrawnAt: null,
  ...overrides,
});

const check = (overrides: Partial<{ on: string; at: Date; activityId: string | null }> = {}) => ({
  purpose: ConsentPurpose.PhotosVideo,
  on: ON,
  at: AT,
  activityId: DAY,
  ...overrides,
});

describe('consentGiverProblem', () => {
  const ok = null;
  const wrong = 'wrong_giver';
  const warn = 'parent_for_self_decider';
  it.each<[string, ConsentSubject, ConsentGiver, ConsentGiverProblem['code'] | null]>([
    ['an adult for themselves', adult, YoungPerson, ok],
    ['a parent for an adult', adult, Parent, wrong],
    ['the council for an adult', adult, Council, wrong],
    ['a foster carer for an adult', adult, FosterCarer, wrong],
    ['a parent on their 18th birthday', eighteenToday, Parent, wrong],
    ['a 17-year-old for themselves', seventeen, YoungPerson, ok],
    ['a parent for a 17-year-old', seventeen, Parent, warn],
    ['the council for a 17-year-old', seventeen, Council, wrong],
    ['a foster carer for a 17-year-old', seventeen, FosterCarer, wrong],
    ['a parent on their 16th birthday', sixteenToday, Parent, warn],
    ['a 15-year-old deciding for themselves', fifteenDeciding, YoungPerson, ok],
    ['a parent for a 15-year-old deciding for themselves', fifteenDeciding, Parent, warn],
    ['a foster carer for a 15-year-old deciding for themselves', fifteenDeciding, FosterCarer, wrong],
    ['a 14-year-old not deciding for themselves', fourteen, YoungPerson, wrong],
    ['a parent for a 14-year-old', fourteen, Parent, ok],
    ['the council for a 14-year-old who is not looked after', fourteen, Council, wrong],
    ['a foster carer for a 14-year-old who is not looked after', fourteen, FosterCarer, wrong],
    ['the council for a looked-after 14-year-old', fourteenLookedAfter, Council, ok],
    ['a foster carer for a looked-after 14-year-old', fourteenLookedAfter, FosterCarer, ok],
    ['a parent for a looked-after 14-year-old', fourteenLookedAfter, Parent, ok],
    ['a looked-after 14-year-old for themselves', fourteenLookedAfter, YoungPerson, wrong],
    ['the council the day after they left care', fourteenLeftCare, Council, wrong],
  ])('should judge consent by %s', (_name, who, givenBy, expected) => {
    const problem = consentGiverProblem(who, givenBy, ON);
    expect(problem?.code ?? null).toBe(expected);
    if (problem) {
      expect(problem.level).toBe(expected === warn ? 'warning' : 'error');
      expect(problem.message).toMatch(/\S/);
    }
  });

  it('should judge the age on the date asked about', () => {
    // 16 on 1 June 2026: the day before, a parent alone was enough.
    expect(consentGiverProblem(sixteenToday, Parent, '2026-05-31')).toBeNull();
    expect(consentGiverProblem(sixteenToday, YoungPerson, '2026-05-31')?.code).toBe('wrong_giver');
  });
});

describe('effectiveConsent', () => {
  type Expected = { status: EffectiveConsentResult['status']; recordId: string | null; text?: string };
  const cases: [string, ConsentSubject, ConsentRecordFacts[], ReturnType<typeof check>, Expected][] = [
    [
      'nothing is recorded',
      adult,
      [],
      check(),
      { status: 'missing', recordId: null, text: 'No photos and video consent has been recorded.' },
    ],
    [
      'only another purpose is recorded',
      adult,
      [record({ purpose: ConsentPurpose.Quotes })],
      check(),
      { status: 'missing', recordId: null },
    ],
    ['a standing consent is in place', adult, [record()], check(), { status: 'valid', recordId: 'r1' }],
    [
      'a standing consent is checked outside any activity',
      adult,
      [record()],
      check({ activityId: null }),
      { status: 'valid', recordId: 'r1' },
    ],
    [
      'consent was given on the day itself',
      adult,
      [record({ givenOn: ON })],
      check(),
      { status: 'valid', recordId: 'r1' },
    ],
    [
      'consent was only given after the date',
      adult,
      [record({ givenOn: '2026-06-02' })],
      check(),
      {
        status: 'missing',
        recordId: null,
        text: 'No photos and video consent was in place on 1 June 2026; it was given later, on 2 June 2026.',
      },
    ],
    [
      'the date is the expiry day itself',
      adult,
      [record({ expiresOn: ON })],
      check(),
      { status: 'valid', recordId: 'r1' },
    ],
    [
      'the date is the day after expiry',
      adult,
      [record({ expiresOn: '2026-05-31' })],
      check(),
      { status: 'expired', recordId: 'r1', text: 'Photos and video consent expired on 31 May 2026.' },
    ],
    [
      'it was withdrawn before the moment checked',
      adult,
      [record({ withdrawnAt: new Date('2026-03-03T10:00:00Z') })],
      check(),
      {
        status: 'withdrawn',
        recordId: 'r1',
        text: 'Photos and video consent was withdrawn on 3 March 2026.',
      },
    ],
    [
      'it was withdrawn at the very moment checked',
      adult,
      [record({ withdrawnAt: AT })],
      check(),
      { status: 'withdrawn', recordId: 'r1' },
    ],
    [
      'it is withdrawn only later than the moment checked',
      adult,
      [record({ withdrawnAt: new Date('2026-06-01T09:00:01Z') })],
      check(),
      { status: 'valid', recordId: 'r1' },
    ],
    [
      'it is both withdrawn and expired',
      adult,
      [record({ expiresOn: '2026-02-01', withdrawnAt: new Date('2026-01-20T12:00:00Z') })],
      check(),
      { status: 'withdrawn', recordId: 'r1' },
    ],
    [
      'a one-off consent is for this activity',
      adult,
      [record({ scope: 'activity', activityId: DAY })],
      check(),
      { status: 'valid', recordId: 'r1' },
    ],
    [
      'a one-off consent is for another activity',
      adult,
      [record({ scope: 'activity', activityId: 'other-day' })],
      check(),
      {
        status: 'wrong_scope',
        recordId: 'r1',
        text: 'Photos and video consent was given for a different activity day.',
      },
    ],
    [
      'a one-off consent is checked outside any activity',
      adult,
      [record({ scope: 'activity', activityId: DAY })],
      check({ activityId: null }),
      {
        status: 'wrong_scope',
        recordId: 'r1',
        text: 'Photos and video consent was given for one activity day only.',
      },
    ],
    [
      'a parent consented for an adult',
      adult,
      [record({ givenBy: Parent })],
      check(),
      { status: 'wrong_giver', recordId: 'r1' },
    ],
    [
      'a 14-year-old consented for themselves',
      fourteen,
      [record({ givenBy: YoungPerson })],
      check(),
      { status: 'wrong_giver', recordId: 'r1' },
    ],
    [
      'a parent consented for a 14-year-old',
      fourteen,
      [record({ givenBy: Parent })],
      check(),
      { status: 'valid', recordId: 'r1' },
    ],
    [
      'the council consented for a looked-after 14-year-old',
      fourteenLookedAfter,
      [record({ givenBy: Council })],
      check(),
      { status: 'valid', recordId: 'r1' },
    ],
    [
      'the council consented while they were looked after, but they have left care',
      fourteenLeftCare,
      [record({ givenBy: Council })],
      check(),
      { status: 'wrong_giver', recordId: 'r1' },
    ],
    [
      'a 17-year-old consented for themselves',
      seventeen,
      [record({ givenBy: YoungPerson })],
      check(),
      { status: 'valid', recordId: 'r1' },
    ],
    [
      'a foster carer consented for a 17-year-old',
      seventeen,
      [record({ givenBy: FosterCarer })],
      check(),
      { status: 'wrong_giver', recordId: 'r1' },
    ],
    [
      'a parent consented when they were 15 and they have now turned 18',
      eighteenToday,
      [record({ givenBy: Parent, givenOn: '2024-01-01' })],
      check(),
      { status: 'wrong_giver', recordId: 'r1' },
    ],
    [
      'a newer consent replaces a withdrawn one',
      adult,
      [
        record({ id: 'old', givenOn: '2025-01-01', withdrawnAt: new Date('2025-06-01T00:00:00Z') }),
        record({ id: 'new', givenOn: '2025-09-01' }),
      ],
      check(),
      { status: 'valid', recordId: 'new' },
    ],
    [
      'an older standing consent still holds though a newer one-off is for another day',
      adult,
      [
        record({ id: 'standing', givenOn: '2025-01-01' }),
        record({ id: 'one-off', givenOn: '2026-05-01', scope: 'activity', activityId: 'other-day' }),
      ],
      check(),
      { status: 'valid', recordId: 'standing' },
    ],
    [
      'both a standing and a one-off consent qualify',
      adult,
      [
        record({ id: 'standing', givenOn: '2025-01-01' }),
        record({ id: 'one-off', givenOn: '2026-05-01', scope: 'activity', activityId: DAY }),
      ],
      check(),
      { status: 'valid', recordId: 'one-off' },
    ],
    [
      'two qualifying records were given on the same day',
      adult,
      [record({ id: 'a', givenOn: '2026-01-01' }), record({ id: 'b', givenOn: '2026-01-01' })],
      check(),
      { status: 'valid', recordId: 'b' },
    ],
    [
      'none qualifies: the newest one names the reason',
      adult,
      [
        record({ id: 'older', givenOn: '2025-01-01', expiresOn: '2025-12-31' }),
        record({ id: 'newer', givenOn: '2026-01-01', withdrawnAt: new Date('2026-02-01T00:00:00Z') }),
      ],
      check(),
      { status: 'withdrawn', recordId: 'newer' },
    ],
    [
      'none qualifies: an expired standing consent is named rather than a newer one-off for another day',
      adult,
      [
        record({ id: 'standing', givenOn: '2025-01-01', expiresOn: '2025-12-31' }),
        record({ id: 'one-off', givenOn: '2026-05-01', scope: 'activity', activityId: 'other-day' }),
      ],
      check(),
      { status: 'expired', recordId: 'standing' },
    ],
    [
      'none qualifies by the date but one is given later',
      adult,
      [
        record({ id: 'expired', givenOn: '2025-01-01', expiresOn: '2025-12-31' }),
        record({ id: 'later', givenOn: '2026-07-01' }),
      ],
      check(),
      { status: 'expired', recordId: 'expired' },
    ],
  ];

  it.each(cases)('should give the right answer when %s', (_name, who, records, ctx, expected) => {
    const result = effectiveConsent(records, who, ctx);
    expect(result.status).toBe(expected.status);
    expect(result.record?.id ?? null).toBe(expected.recordId);
    if (result.status === 'valid') {
      expect(result.warnings).toEqual([]);
    } else {
      expect(result.message).toMatch(/^[A-Z].*\.$/);
      if (expected.text) expect(result.message).toBe(expected.text);
    }
  });

  it.each<[string, ConsentSubject]>([
    ['a 17-year-old', seventeen],
    ['a 15-year-old deciding for themselves', fifteenDeciding],
  ])('should count a parent’s consent for %s but warn about it', (_name, who) => {
    const result = effectiveConsent([record({ givenBy: Parent })], who, check());
    expect(result.status).toBe('valid');
    expect(result.status === 'valid' && result.warnings).toEqual([expect.stringMatching(/check with them/)]);
  });

  it('should not reorder the records it is given', () => {
    const records = [record({ id: 'a', givenOn: '2025-01-01' }), record({ id: 'b', givenOn: '2026-01-01' })];
    effectiveConsent(records, adult, check());
    expect(records.map((r) => r.id)).toEqual(['a', 'b']);
  });
});

describe('missingConsents', () => {
  const records = [
    record({ id: 'photos', purpose: ConsentPurpose.PhotosVideo }),
    record({ id: 'transport', purpose: ConsentPurpose.Transport, expiresOn: '2026-03-01' }),
  ];

  it('should list each required purpose without consent in force, in the order required', () => {
    const result = missingConsents(
      records,
      adult,
      [ConsentPurpose.Transport, ConsentPurpose.PhotosVideo, ConsentPurpose.EmergencyTreatment],
      { on: ON, at: AT, activityId: DAY },
    );
    expect(result.map((m) => [m.purpose, m.status])).toEqual([
      [ConsentPurpose.Transport, 'expired'],
      [ConsentPurpose.EmergencyTreatment, 'missing'],
    ]);
  });

  it('should list a purpose required twice once', () => {
    expect(
      missingConsents([], adult, [ConsentPurpose.Quotes, ConsentPurpose.Quotes], {
        on: ON,
        at: AT,
        activityId: null,
      }),
    ).toHaveLength(1);
  });

  it('should be empty when nothing is required or everything is in place', () => {
    const ctx = { on: ON, at: AT, activityId: DAY };
    expect(missingConsents(records, adult, [], ctx)).toEqual([]);
    expect(missingConsents(records, adult, [ConsentPurpose.PhotosVideo], ctx)).toEqual([]);
  });
});

describe('mayBeRequiredToAttend', () => {
  it.each<[ConsentPurpose, boolean]>([
    [ConsentPurpose.TakingPart, true],
    [ConsentPurpose.Transport, true],
    [ConsentPurpose.EmergencyTreatment, true],
    [ConsentPurpose.PhotosVideo, false],
    [ConsentPurpose.Quotes, false],
    [ConsentPurpose.Sharing, false],
  ])('%s: %s', (purpose, expected) => {
    expect(mayBeRequiredToAttend(purpose)).toBe(expected);
  });
});

describe('consentsNeededToAttend', () => {
  const { TakingPart, PhotosVideo, Quotes, Transport, EmergencyTreatment } = ConsentPurpose;
  it.each<[string, ConsentPurpose[], ConsentPurpose[]]>([
    ['nothing required', [], []],
    ['only choices listed', [PhotosVideo, Quotes], []],
    ['choices mixed in, keeping the order', [Transport, PhotosVideo, TakingPart], [Transport, TakingPart]],
    ['a purpose listed twice', [EmergencyTreatment, EmergencyTreatment], [EmergencyTreatment]],
  ])('%s', (_label, required, expected) => {
    expect(consentsNeededToAttend(required)).toEqual(expected);
  });
});

describe('words', () => {
  it.each<[string, string]>([
    ['2026-03-03', '3 March 2026'],
    ['2026-12-31', '31 December 2026'],
  ])('should write %s as %s', (date, words) => {
    expect(dateInWords(date)).toBe(words);
  });

  it.each<[string, string]>([
    // 23:30 UTC on 31 March is already 1 April in London (BST).
    ['2026-03-31T23:30:00Z', '1 April 2026'],
    ['2026-01-31T23:30:00Z', '31 January 2026'],
  ])('should write the instant %s as the UK date %s', (at, words) => {
    expect(instantInWords(new Date(at))).toBe(words);
  });

  it.each([
    ...Object.values(ConsentPurpose).map((v) => [CONSENT_PURPOSE_LABELS[v]]),
    ...Object.values(ConsentGiver).map((v) => [CONSENT_GIVER_LABELS[v]]),
    ...Object.values(ConsentMethod).map((v) => [CONSENT_METHOD_LABELS[v]]),
  ])('should have a label: %s', (label) => {
    expect(label).toMatch(/\S/);
  });
});

describe('whoMayConsent', () => {
  it.each<[string, ConsentSubject, RegExp]>([
    ['an adult', adult, /only they/],
    ['a 17-year-old', seventeen, /16 or 17/],
    ['a 15-year-old deciding for themselves', fifteenDeciding, /deciding for themselves/],
    ['a looked-after 14-year-old', fourteenLookedAfter, /council or a foster carer/],
    ['a 14-year-old', fourteen, /^They are under 16: a parent/],
  ])('should explain who consents for %s', (_name, who, expected) => {
    expect(whoMayConsent(who, ON)).toMatch(expected);
  });
});
