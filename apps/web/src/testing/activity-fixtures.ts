/**
 * Sample API answers for the activity pages' unit tests (fictional young people). Only spec files
 * import this file, so it never reaches the app's bundles.
 */
import {
  AGE_BANDS,
  ConsentPurpose,
  InvitationChannel,
  InvitationStatus,
  PhotoPlan,
  ServiceExperienceKind,
} from '@heard/domain';
import type {
  ActivityConsentMatrix,
  ActivityDayListItem,
  ActivityDayResponse,
  DaySheetResponse,
  FunnelResponse,
  FunnelStage,
  InvitationResponse,
  InvitationSuggestionsResponse,
} from '@heard/domain';
import { ADULT_ID, GROUP_ID, OTHER_PERSON_ID, PERSON_ID } from './fixtures';

export {
  ADULT_ID,
  GROUP_ID,
  OTHER_PERSON_ID,
  PERSON_ID,
  byLabel,
  byName,
  page,
  problemBody,
  textOf,
  typeInto,
} from './fixtures';

export const ACTIVITY_ID = '66666666-6666-4666-8666-666666666666';
export const THIRD_PERSON_ID = '77777777-7777-4777-8777-777777777777';
export const INVITATION_ID = '88888888-8888-4888-8888-888888888888';
export const OTHER_INVITATION_ID = '99999999-9999-4999-8999-999999999999';

export function listItem(overrides: Partial<ActivityDayListItem> = {}): ActivityDayListItem {
  return {
    id: ACTIVITY_ID,
    title: 'Climbing wall day',
    date: '2026-07-04',
    startTime: '10:00',
    endTime: '15:00',
    venue: 'Peak Climbing Centre',
    capacity: 12,
    status: 'planned',
    counts: { invited: 8, accepted: 5, waitlisted: 1, attended: 0 },
    ...overrides,
  };
}

export function activityResponse(overrides: Partial<ActivityDayResponse> = {}): ActivityDayResponse {
  return {
    ...listItem(),
    accessibility: 'Step-free entrance; quiet room available.',
    cohort: {
      minAge: 13,
      maxAge: 17,
      serviceExperiences: [ServiceExperienceKind.LookedAfter],
      groupIds: [GROUP_ID],
    },
    cohortGroups: [{ id: GROUP_ID, name: 'Deputies' }],
    professionals: 'Two participation officers and a youth worker',
    budgetPence: 45_000,
    transport: 'Minibus from the Youth Hub at 9:15',
    photos: PhotoPlan.Photos,
    agenda: 'How the climbing centre welcomes young people in care.',
    requiredConsents: [ConsentPurpose.TakingPart, ConsentPurpose.EmergencyTreatment],
    reminderDaysBefore: 2,
    cancelReason: null,
    createdAt: '2026-03-01T10:00:00Z',
    updatedAt: '2026-03-01T10:00:00Z',
    ...overrides,
  };
}

export function invitation(overrides: Partial<InvitationResponse> = {}): InvitationResponse {
  return {
    id: INVITATION_ID,
    target: { kind: 'activity_day', id: ACTIVITY_ID, title: 'Climbing wall day', date: '2026-07-04' },
    youngPerson: { id: PERSON_ID, preferredName: 'Sam' },
    channel: InvitationChannel.Email,
    status: InvitationStatus.Sent,
    viaTrustedAdult: null,
    outsideCohort: false,
    outsideCohortReason: null,
    declineReason: null,
    mail: { status: 'sent', lastError: null },
    answeredAt: null,
    handedOverAt: null,
    deliveredAt: null,
    toTell: null,
    parentCarer: null,
    createdAt: '2026-03-02T10:00:00Z',
    ...overrides,
  };
}

export function suggestionsResponse(
  overrides: Partial<InvitationSuggestionsResponse> = {},
): InvitationSuggestionsResponse {
  return {
    suggested: [
      {
        youngPerson: { id: PERSON_ID, preferredName: 'Sam' },
        channel: InvitationChannel.Email,
        channels: [
          InvitationChannel.Email,
          InvitationChannel.Letter,
          InvitationChannel.WhatsApp,
          InvitationChannel.Phone,
          InvitationChannel.VoiceNote,
          InvitationChannel.InPerson,
        ],
        viaTrustedAdult: null,
        parentCarer: { name: 'Dana Carer', channel: 'phone' },
        note: null,
      },
      {
        youngPerson: { id: OTHER_PERSON_ID, preferredName: 'Ali' },
        channel: InvitationChannel.Letter,
        channels: [InvitationChannel.Letter, InvitationChannel.InPerson],
        viaTrustedAdult: { id: ADULT_ID, displayName: 'Pat Worker' },
        parentCarer: null,
        note: 'Only through a trusted adult, who hands it over.',
      },
    ],
    offerOneToOne: [
      {
        youngPerson: { id: '12121212-1212-4212-8212-121212121212', preferredName: 'Riley' },
        reason: 'They prefer to take part one-to-one.',
      },
    ],
    notSuggested: [
      {
        youngPerson: { id: THIRD_PERSON_ID, preferredName: 'Jodie' },
        reason: 'They are 18; this is for ages 13 to 17.',
        channels: [InvitationChannel.Phone, InvitationChannel.VoiceNote, InvitationChannel.InPerson],
        viaTrustedAdult: null,
        parentCarer: null,
      },
      {
        youngPerson: { id: '13131313-1313-4313-8313-131313131313', preferredName: 'Kai' },
        reason: 'Already invited.',
        channels: [InvitationChannel.InPerson],
        viaTrustedAdult: null,
        parentCarer: null,
      },
    ],
    ...overrides,
  };
}

export function consentMatrix(overrides: Partial<ActivityConsentMatrix> = {}): ActivityConsentMatrix {
  return {
    activityId: ACTIVITY_ID,
    date: '2026-07-04',
    requiredConsents: [ConsentPurpose.TakingPart, ConsentPurpose.EmergencyTreatment],
    rows: [
      {
        youngPerson: { id: PERSON_ID, preferredName: 'Sam' },
        invitationStatus: InvitationStatus.Accepted,
        consents: [
          { purpose: ConsentPurpose.TakingPart, status: 'valid', message: null, warnings: [] },
          {
            purpose: ConsentPurpose.EmergencyTreatment,
            status: 'withdrawn',
            message: 'Emergency medical treatment consent was withdrawn on 3 May 2026.',
            warnings: [],
          },
        ],
        allInPlace: false,
      },
      {
        youngPerson: { id: OTHER_PERSON_ID, preferredName: 'Ali' },
        invitationStatus: InvitationStatus.Sent,
        consents: [
          { purpose: ConsentPurpose.TakingPart, status: 'valid', message: null, warnings: [] },
          { purpose: ConsentPurpose.EmergencyTreatment, status: 'valid', message: null, warnings: [] },
        ],
        allInPlace: true,
      },
    ],
    ...overrides,
  };
}

export function daySheet(overrides: Partial<DaySheetResponse> = {}): DaySheetResponse {
  return {
    activity: {
      id: ACTIVITY_ID,
      title: 'Climbing wall day',
      date: '2026-07-04',
      startTime: '10:00',
      endTime: '15:00',
      venue: 'Peak Climbing Centre',
      accessibility: 'Step-free entrance; quiet room available.',
      transport: 'Minibus from the Youth Hub at 9:15',
      photos: PhotoPlan.Photos,
      professionals: 'Two participation officers and a youth worker',
      agenda: 'How the climbing centre welcomes young people in care.',
    },
    coming: [
      {
        youngPerson: { id: OTHER_PERSON_ID, preferredName: 'Ali' },
        accessibilityNeeds: null,
        communicationNeeds: 'Prefers written instructions',
        consentFlags: [],
      },
      {
        youngPerson: { id: PERSON_ID, preferredName: 'Sam' },
        accessibilityNeeds: 'Uses a wheelchair',
        communicationNeeds: null,
        consentFlags: [
          {
            purpose: ConsentPurpose.TakingPart,
            status: 'withdrawn',
            message: 'Taking part consent was withdrawn on 2 July 2026.',
          },
          {
            purpose: ConsentPurpose.EmergencyTreatment,
            status: 'missing',
            message: 'No emergency medical treatment consent has been recorded.',
          },
        ],
      },
    ],
    doNotPhotograph: [{ id: PERSON_ID, preferredName: 'Sam', reason: 'Withdrawn on 3 May 2026' }],
    placesLeft: 10,
    waitlistedCount: 1,
    ...overrides,
  };
}

const stage = (invited: number, accepted: number, attended: number): FunnelStage => ({
  invited,
  accepted,
  attended,
});

export function funnelResponse(overrides: Partial<FunnelResponse> = {}): FunnelResponse {
  const byAgeBand = Object.fromEntries(
    AGE_BANDS.map((band) => [band, stage(0, 0, 0)]),
  ) as FunnelResponse['byAgeBand'];
  byAgeBand['13-15'] = stage(8, 4, 2);
  byAgeBand['16-17'] = stage(4, 2, 2);
  const byServiceExperience = Object.fromEntries(
    Object.values(ServiceExperienceKind).map((kind) => [kind, stage(0, 0, 0)]),
  ) as FunnelResponse['byServiceExperience'];
  byServiceExperience[ServiceExperienceKind.LookedAfter] = stage(12, 6, 4);
  return {
    activityId: ACTIVITY_ID,
    from: null,
    to: null,
    invited: 12,
    accepted: 6,
    attended: 4,
    declined: 4,
    waitlisted: 1,
    declineReasons: [
      { reason: 'Busy that day', count: 3 },
      { reason: 'No reason given', count: 1 },
    ],
    byAgeBand,
    byServiceExperience,
    ...overrides,
  };
}
