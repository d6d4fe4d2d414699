import {
  GroupRequest,
  ServiceExperienceKind,
  YoungPersonRequest,
  addDays,
  todayInLondon,
} from '@heard/domain';

// The request bodies alone, with nothing of the test app: bench scripts build with them too.

/** A date of birth that makes someone `age` today (and `daysToBirthday` days from their next birthday). */
export function dateOfBirthForAge(age: number, daysToBirthday = 100): string {
  const today = todayInLondon();
  const [y, m, d] = today.split('-').map(Number);
  return addDays(
    `${y - age - 1}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    daysToBirthday,
  );
}

export function youngPersonRequest(overrides: Partial<YoungPersonRequest> = {}): YoungPersonRequest {
  return {
    preferredName: 'Robin',
    dateOfBirth: dateOfBirthForAge(14),
    serviceExperiences: [{ kind: ServiceExperienceKind.LookedAfter, from: '2020-01-01', to: null }],
    trustedAdults: [],
    contact: { email: null, phone: null, whatsapp: null, letter: null, onlyViaTrustedAdult: false },
    accessibilityNeeds: null,
    communicationNeeds: null,
    participationPreference: 'either',
    decidesForThemselves: false,
    confidentialityNotes: null,
    ...overrides,
  };
}

export function groupRequest(overrides: Partial<GroupRequest> = {}): GroupRequest {
  return {
    name: `Group ${Math.random().toString(36).slice(2, 8)}`,
    purpose: 'Having a say.',
    minAge: 10,
    maxAge: 12,
    serviceExperiences: [],
    facilitatorIds: [],
    venue: null,
    onlineLink: null,
    capacity: null,
    pattern: null,
    ...overrides,
  };
}
