/**
 * Sample API answers for the unit tests of the young people and groups pages. Only spec files
 * import this file, so it never reaches the app's bundles.
 */
import { ServiceExperienceKind, TrustedAdultRelationship } from '@heard/domain';
import type {
  GroupResponse,
  GroupSessionDetailResponse,
  GroupSessionResponse,
  MembershipResponse,
  Page,
  ProblemDetails,
  YoungPersonListItem,
  YoungPersonResponse,
} from '@heard/domain';

export const ADULT_ID = '0b7c3e5a-1f2d-4c8e-9a6b-3d2e1f0a9b8c';
export const PERSON_ID = '11111111-1111-4111-8111-111111111111';
export const OTHER_PERSON_ID = '22222222-2222-4222-8222-222222222222';
export const GROUP_ID = '33333333-3333-4333-8333-333333333333';
export const SESSION_ID = '44444444-4444-4444-8444-444444444444';

export function page<T>(items: T[], overrides: Partial<Page<T>> = {}): Page<T> {
  return { items, total: items.length, page: 1, pageSize: 25, ...overrides };
}

export function problemBody(
  status: number,
  detail: string,
  errors?: Record<string, string[]>,
): ProblemDetails {
  return { type: 'about:blank', title: 'Problem', status, detail, ...(errors ? { errors } : {}) };
}

export function personResponse(overrides: Partial<YoungPersonResponse> = {}): YoungPersonResponse {
  return {
    id: PERSON_ID,
    preferredName: 'Sam',
    dateOfBirth: '2012-05-04',
    age: 13,
    ageBand: '13-15',
    serviceExperiences: [{ kind: ServiceExperienceKind.LookedAfter, from: '2020-01-01', to: null }],
    currentServiceExperiences: [ServiceExperienceKind.LookedAfter],
    trustedAdults: [
      { userId: ADULT_ID, displayName: 'Pat Worker', relationship: TrustedAdultRelationship.SocialWorker },
    ],
    contact: {
      email: 'sam@example.org',
      phone: null,
      whatsapp: null,
      letter: { addressLines: ['1 High Street', 'Townville'], postcode: 'AB1 2CD' },
      onlyViaTrustedAdult: true,
    },
    parentCarer: null,
    accessibilityNeeds: 'Step-free access',
    communicationNeeds: null,
    participationPreference: 'group',
    decidesForThemselves: false,
    confidentialityNotes: null,
    placedOutOfArea: false,
    placementAuthority: null,
    categories: [],
    groups: [],
    archivedAt: null,
    createdAt: '2026-01-01T10:00:00Z',
    ...overrides,
  };
}

export function listItem(overrides: Partial<YoungPersonListItem> = {}): YoungPersonListItem {
  return {
    id: PERSON_ID,
    preferredName: 'Sam',
    age: 13,
    ageBand: '13-15',
    currentServiceExperiences: [ServiceExperienceKind.LookedAfter],
    groups: [{ id: GROUP_ID, name: 'Deputies' }],
    archived: false,
    ...overrides,
  };
}

export function groupResponse(overrides: Partial<GroupResponse> = {}): GroupResponse {
  return {
    id: GROUP_ID,
    name: 'Deputies',
    purpose: 'For 13 to 15 year olds: projects, campaigns and interviews.',
    minAge: 13,
    maxAge: 15,
    serviceExperiences: [ServiceExperienceKind.LookedAfter],
    memberCount: 1,
    nextSessionAt: null,
    archived: false,
    facilitators: [{ id: ADULT_ID, displayName: 'Pat Worker' }],
    venue: 'Youth Hub, Room 1',
    onlineLink: null,
    capacity: 12,
    pattern: {
      rrule: 'FREQ=WEEKLY;BYDAY=TH',
      startsOn: '2026-01-08',
      startTime: '17:00',
      durationMinutes: 90,
    },
    exceptions: [],
    ...overrides,
  };
}

export function membership(overrides: Partial<MembershipResponse> = {}): MembershipResponse {
  return {
    id: '55555555-5555-4555-8555-555555555555',
    groupId: GROUP_ID,
    youngPersonId: PERSON_ID,
    preferredName: 'Sam',
    age: 13,
    role: 'member',
    joinedOn: '2026-01-08',
    leftOn: null,
    overrideReason: null,
    ...overrides,
  };
}

export function sessionResponse(overrides: Partial<GroupSessionResponse> = {}): GroupSessionResponse {
  return {
    id: SESSION_ID,
    groupId: GROUP_ID,
    groupName: 'Deputies',
    startsAt: '2026-03-05T17:00:00Z',
    endsAt: '2026-03-05T18:30:00Z',
    venue: 'Youth Hub, Room 1',
    status: 'scheduled',
    moved: false,
    cancelReason: null,
    oneOff: false,
    ...overrides,
  };
}

export function sessionDetail(
  overrides: Partial<GroupSessionDetailResponse> = {},
): GroupSessionDetailResponse {
  return {
    ...sessionResponse(),
    agenda: null,
    notes: null,
    register: [
      { youngPersonId: PERSON_ID, preferredName: 'Sam', status: null },
      { youngPersonId: OTHER_PERSON_ID, preferredName: 'Ali', status: 'apologies' },
    ],
    ...overrides,
  };
}

/** The accessible-ish name of an element: its text with spaces squashed (visually hidden text included). */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The button or link whose text is exactly `name`, like getByRole(…, { name, exact: true }). */
export function byName<T extends HTMLElement = HTMLElement>(
  root: Element,
  name: string,
  selector = 'button, a',
): T {
  const found = Array.from(root.querySelectorAll<T>(selector)).filter((element) => textOf(element) === name);
  if (found.length !== 1) throw new Error(`Expected one "${name}", found ${found.length}`);
  return found[0];
}

/** The form control a visible label names, like getByLabel(label). */
export function byLabel<T extends HTMLElement = HTMLInputElement>(root: Element, label: string): T {
  const labels = Array.from(root.querySelectorAll('label')).filter(
    (element) => textOf(element).replace(/\s*\*$/, '') === label,
  );
  if (labels.length !== 1) throw new Error(`Expected one label "${label}", found ${labels.length}`);
  const found = labels[0];
  const controls = Array.from(root.querySelectorAll<T>('[id], [aria-labelledby]'));
  // Inputs name their label with `for`; Material selects point at it with aria-labelledby.
  const target =
    (found.htmlFor ? controls.find((element) => element.id === found.htmlFor) : undefined) ??
    (found.id
      ? controls.find((element) =>
          (element.getAttribute('aria-labelledby') ?? '').split(' ').includes(found.id),
        )
      : undefined);
  if (!target) throw new Error(`Label "${label}" names no control`);
  return target;
}

/** Types into an input or textarea the way a person does (input then blur). */
export function typeInto(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  element.value = value;
  element.dispatchEvent(new Event('input'));
  element.dispatchEvent(new Event('blur'));
}
