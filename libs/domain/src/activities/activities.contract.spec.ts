import { ConsentPurpose } from '../consent/consent';
import { ActivityDayRequest, ActivityDayRequestSchema } from './activities.contract';

const request = (overrides: Partial<ActivityDayRequest> = {}): ActivityDayRequest => ({
  title: 'Go-karting',
  date: '2027-05-01',
  startTime: '10:00',
  endTime: '13:00',
  cohort: { minAge: 12, maxAge: 18, serviceExperiences: [], groupIds: [] },
  ...overrides,
});

/** The fields the schema complains about, joined as the API names them. */
const failedFields = (body: unknown): string[] => {
  const result = ActivityDayRequestSchema.safeParse(body);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('ActivityDayRequestSchema: required consents', () => {
  const { TakingPart, Transport, EmergencyTreatment, PhotosVideo, Quotes, Sharing } = ConsentPurpose;
  it.each<[string, ConsentPurpose[], string[]]>([
    ['what is needed to take part safely', [TakingPart, Transport, EmergencyTreatment], []],
    ['none', [], []],
    ['photos and video', [TakingPart, PhotosVideo], ['requiredConsents.1']],
    ['quotes', [Quotes], ['requiredConsents.0']],
    ['sharing', [Sharing], ['requiredConsents.0']],
  ])('%s → errors at %j', (_label, requiredConsents, fields) => {
    expect(failedFields(request({ requiredConsents }))).toEqual(fields);
  });

  it('should say why photos cannot be required', () => {
    const result = ActivityDayRequestSchema.safeParse(request({ requiredConsents: [PhotosVideo] }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/never stop anyone coming/);
  });
});

describe('ActivityDayRequestSchema: cohort ages', () => {
  it.each<[number, number, string[]]>([
    [10, 25, []],
    [9, 12, ['cohort.minAge']],
    [0, 12, ['cohort.minAge']],
    [10, 26, ['cohort.maxAge']],
    [14, 12, ['cohort.maxAge']],
  ])('ages %i to %i → errors at %j', (minAge, maxAge, fields) => {
    expect(
      failedFields(request({ cohort: { minAge, maxAge, serviceExperiences: [], groupIds: [] } })),
    ).toEqual(fields);
  });
});
