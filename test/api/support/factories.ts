import {
  ActivityDayRequest,
  Role,
  YoungPersonRequest,
  GroupRequest,
  addDays,
  todayInLondon,
} from '@heard/domain';
import { SignedInClient } from './test-app';
import { dateOfBirthForAge, groupRequest, youngPersonRequest } from './requests';

export { dateOfBirthForAge, groupRequest, youngPersonRequest };

export async function createYoungPerson(
  officer: SignedInClient,
  overrides: Partial<YoungPersonRequest> = {},
): Promise<{ id: string; preferredName: string }> {
  const res = await officer.post('/api/young-people', youngPersonRequest(overrides));
  if (res.status !== 201) throw new Error(`createYoungPerson: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createGroup(
  officer: SignedInClient,
  overrides: Partial<GroupRequest> = {},
): Promise<{ id: string; name: string }> {
  const res = await officer.post('/api/groups', groupRequest(overrides));
  if (res.status !== 201) throw new Error(`createGroup: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export { Role };

/** Contact preferences with only the named channels agreed. */
export const contactPreferences = (
  over: Partial<{ email: string | null; phone: string | null; onlyViaTrustedAdult: boolean }>,
) => ({
  email: null,
  phone: null,
  whatsapp: null,
  letter: null,
  onlyViaTrustedAdult: false,
  ...over,
});

/** An activity day open to everyone, with nothing required; a test names what matters to it. */
export function activityRequest(overrides: Partial<ActivityDayRequest> = {}): ActivityDayRequest {
  return {
    title: 'Activity day',
    date: addDays(todayInLondon(), 10),
    startTime: '10:00',
    endTime: '12:00',
    venue: null,
    accessibility: null,
    capacity: null,
    cohort: { minAge: 10, maxAge: 25, serviceExperiences: [], groupIds: [] },
    professionals: null,
    budgetPence: null,
    transport: null,
    agenda: null,
    requiredConsents: [],
    reminderDaysBefore: 2,
    ...overrides,
  };
}

export const planActivity = (officer: SignedInClient, fields: Partial<ActivityDayRequest>) =>
  officer.post('/api/activities', activityRequest(fields));

/** A practice tool with one version, "Review letter" v1, as young people evaluate it; returns the version's id. */
export async function reviewLetterVersion(officer: SignedInClient): Promise<string> {
  const tool = await officer.post('/api/practice-tools', {
    name: 'Review letter',
    purpose: 'Tells a young person about their review.',
    owningService: 'Independent reviewing service',
    coProducedWith: 'Young Experts',
  });
  const version = await officer.post(`/api/practice-tools/${tool.body.id}/versions`, {
    label: 'v1',
    link: 'https://tools.example/review-letter.pdf',
    notes: null,
  });
  return version.body.versions[0].id;
}
