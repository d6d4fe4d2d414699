import { ConsentGiver, ConsentPurpose, ConsentRecordFacts, EffectiveConsentResult } from '../consent/consent';
import { InvitationStatus } from '../invitations/invitation-status';
import { DaySheetPerson, PhotoConsentPerson, dayPlanSummary, doNotPhotograph } from './day-sheet';

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

describe('dayPlanSummary', () => {
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
    emergencyTreatment: valid,
    ...extra,
  });
  const people = [
    person('1', 'Zara', InvitationStatus.Accepted, {
      photosVideo: missing,
      accessibilityNeeds: 'Step-free access',
    }),
    person('2', 'Ali', InvitationStatus.Attended, { emergencyTreatment: missing }),
    person('3', 'Ben', InvitationStatus.Waitlisted, { photosVideo: missing }),
    person('4', 'Cat', InvitationStatus.Declined, { emergencyTreatment: missing }),
    person('5', 'Dev', InvitationStatus.Accepted, { communicationNeeds: 'Uses BSL' }),
  ];

  it('should list only those coming, by name, with what staff need to know', () => {
    const summary = dayPlanSummary(people, 4);
    expect(summary.coming.map((p) => p.preferredName)).toEqual(['Ali', 'Dev', 'Zara']);
    expect(summary.comingCount).toBe(3);
    expect(summary.withNeedsCount).toBe(2);
    expect(summary.withoutEmergencyConsent).toEqual([
      { id: '2', preferredName: 'Ali', message: 'No consent has been recorded.' },
    ]);
    expect(summary.doNotPhotograph).toEqual([
      { id: '1', preferredName: 'Zara', reason: 'No photo consent given' },
    ]);
    expect(summary.placesLeft).toBe(1);
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
