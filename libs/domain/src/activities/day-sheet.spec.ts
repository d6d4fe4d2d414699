import { ConsentGiver, ConsentPurpose, ConsentRecordFacts, EffectiveConsentResult } from '../consent/consent';
import { InvitationStatus } from '../invitations/invitation-status';
import {
  DaySheetPerson,
  PhotoConsentPerson,
  dayPlanSummary,
  daySheetConsentPurposes,
  doNotPhotograph,
} from './day-sheet';

const record = (overrides: Partial<ConsentRecordFacts> = {}): ConsentRecordFacts => ({
  id: 'r1',
  purpose: ConsentPurpose.PhotosVideo,
  givenBy: ConsentGiver.YoungPerson,
  givenOn: '2026-01-10',
  scope: 'standing',
  activityId: null,
  expiresOn: null,
  withdrawnAt: null,
  ...overrides,
});
const valid: EffectiveConsentResult = { status: 'valid', record: record(), warnings: [] };
const missing: EffectiveConsentResult = {
  status: 'missing',
  record: null,
  message: 'No consent has been recorded.',
};

describe('doNotPhotograph', () => {
  it.each<[string, EffectiveConsentResult, string | null]>([
    ['consent is in force', valid, null],
    ['consent was never given', missing, 'No photo consent given'],
    [
      'consent was withdrawn',
      {
        status: 'withdrawn',
        record: record({ withdrawnAt: new Date('2026-05-04T22:30:00Z') }),
        message: 'Withdrawn.',
      },
      // 23:30 on 4 May in London is still 4 May; 22:30 UTC is 23:30 BST.
      'Withdrawn on 4 May 2026',
    ],
    [
      'consent expired',
      { status: 'expired', record: record({ expiresOn: '2026-03-03' }), message: 'Expired.' },
      'Expired on 3 March 2026',
    ],
    [
      'consent is for another day',
      { status: 'wrong_scope', record: record(), message: 'Other day.' },
      'Photo consent is for a different activity day',
    ],
    [
      'consent came from the wrong person',
      { status: 'wrong_giver', record: record(), message: 'Wrong.' },
      'Photo consent was not given by someone who can',
    ],
  ])('should give the reason when %s', (_name, consent, expected) => {
    const result = doNotPhotograph([{ id: 'a', preferredName: 'Ava', consent }]);
    expect(result).toEqual(expected === null ? [] : [{ id: 'a', preferredName: 'Ava', reason: expected }]);
  });

  it('should list people by name', () => {
    const people: PhotoConsentPerson[] = [
      { id: '3', preferredName: 'Zain', consent: missing },
      { id: '1', preferredName: 'amir', consent: missing },
      { id: '2', preferredName: 'Bella', consent: valid },
      { id: '4', preferredName: 'Cal', consent: missing },
    ];
    expect(doNotPhotograph(people).map((p) => p.preferredName)).toEqual(['amir', 'Cal', 'Zain']);
  });
});

describe('daySheetConsentPurposes', () => {
  const { TakingPart, Transport, EmergencyTreatment, PhotosVideo, Quotes } = ConsentPurpose;
  it.each<[string, ConsentPurpose[], ConsentPurpose[]]>([
    ['nothing required: emergency treatment still', [], [EmergencyTreatment]],
    [
      'all three, in the sheet’s order',
      [EmergencyTreatment, Transport, TakingPart],
      [TakingPart, Transport, EmergencyTreatment],
    ],
    ['taking part', [TakingPart], [TakingPart, EmergencyTreatment]],
    [
      'choices listed by mistake are not checked',
      [PhotosVideo, Quotes, Transport],
      [Transport, EmergencyTreatment],
    ],
  ])('%s', (_label, required, expected) => {
    expect(daySheetConsentPurposes(required)).toEqual(expected);
  });
});

describe('dayPlanSummary', () => {
  const withdrawn: EffectiveConsentResult = {
    status: 'withdrawn',
    record: record({ purpose: ConsentPurpose.TakingPart, withdrawnAt: new Date('2026-05-03T09:00:00Z') }),
    message: 'Taking part consent was withdrawn on 3 May 2026.',
  };
  const consents = (
    over: Partial<Record<'takingPart' | 'transport' | 'emergency', EffectiveConsentResult>> = {},
  ): DaySheetPerson['attendanceConsents'] => [
    { purpose: ConsentPurpose.TakingPart, consent: over.takingPart ?? valid },
    { purpose: ConsentPurpose.Transport, consent: over.transport ?? valid },
    { purpose: ConsentPurpose.EmergencyTreatment, consent: over.emergency ?? valid },
  ];
  const person = (
    id: string,
    name: string,
    status: InvitationStatus,
    extra: Partial<DaySheetPerson> = {},
  ): DaySheetPerson => ({
    id,
    preferredName: name,
    status,
    accessibilityNeeds: null,
    communicationNeeds: null,
    photosVideo: valid,
    attendanceConsents: consents(),
    ...extra,
  });
  const people = [
    person('1', 'Zara', InvitationStatus.Accepted, {
      photosVideo: missing,
      accessibilityNeeds: 'Step-free access',
    }),
    person('2', 'Ali', InvitationStatus.Attended, {
      attendanceConsents: consents({ takingPart: withdrawn, transport: missing, emergency: missing }),
    }),
    person('3', 'Ben', InvitationStatus.Waitlisted, { photosVideo: missing }),
    person('4', 'Cat', InvitationStatus.Declined, { attendanceConsents: consents({ emergency: missing }) }),
    person('5', 'Dev', InvitationStatus.Accepted, {
      communicationNeeds: 'Uses BSL',
      attendanceConsents: consents({ transport: missing }),
    }),
  ];

  it('should list only those coming, by name, with what staff need to know', () => {
    const summary = dayPlanSummary(people, 4);
    expect(summary.coming.map((p) => p.preferredName)).toEqual(['Ali', 'Dev', 'Zara']);
    expect(summary.comingCount).toBe(3);
    expect(summary.withNeedsCount).toBe(2);
    expect(summary.doNotPhotograph).toEqual([
      { id: '1', preferredName: 'Zara', reason: 'No photo consent given' },
    ]);
    expect(summary.placesLeft).toBe(1);
  });

  it('should flag every consent the day needs that is not in force, not only the first', () => {
    const flags = new Map(dayPlanSummary(people, 4).coming.map((p) => [p.preferredName, p.consentFlags]));
    expect(flags.get('Ali')).toEqual([
      { purpose: ConsentPurpose.TakingPart, status: 'withdrawn', message: withdrawn.message },
      { purpose: ConsentPurpose.Transport, status: 'missing', message: missing.message },
      { purpose: ConsentPurpose.EmergencyTreatment, status: 'missing', message: missing.message },
    ]);
    expect(flags.get('Dev')).toEqual([
      { purpose: ConsentPurpose.Transport, status: 'missing', message: missing.message },
    ]);
    // No photo consent is a choice, not a flag: it only puts Zara on the do-not-photograph list.
    expect(flags.get('Zara')).toEqual([]);
  });

  it.each<[number | null, number | null]>([
    [null, null],
    [3, 0],
    [2, 0],
    [10, 7],
  ])('with capacity %p the places left should be %p', (capacity, expected) => {
    expect(dayPlanSummary(people, capacity).placesLeft).toBe(expected);
  });
});
