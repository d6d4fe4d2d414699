import {
  SERVICE_EXPERIENCE_LABELS,
  ServiceExperienceKind,
  ServiceExperiencePeriod,
  experiencesOn,
} from './service-experience';

const { LookedAfter, CareLeaver, YoungCarer, YouthJustice } = ServiceExperienceKind;

describe('experiencesOn', () => {
  it.each<[string, ServiceExperiencePeriod[], string, ServiceExperienceKind[]]>([
    ['there are no periods', [], '2026-05-01', []],
    [
      'the period is open-ended and started before the date',
      [{ kind: LookedAfter, from: '2020-01-01', to: null }],
      '2026-05-01',
      [LookedAfter],
    ],
    [
      'the period is open-ended and starts on the date',
      [{ kind: LookedAfter, from: '2026-05-01', to: null }],
      '2026-05-01',
      [LookedAfter],
    ],
    [
      'the period is open-ended and starts after the date',
      [{ kind: LookedAfter, from: '2026-05-02', to: null }],
      '2026-05-01',
      [],
    ],
    [
      'the period ended the day before the date',
      [{ kind: LookedAfter, from: '2020-01-01', to: '2026-04-30' }],
      '2026-05-01',
      [],
    ],
    [
      'the period ends on the date',
      [{ kind: LookedAfter, from: '2020-01-01', to: '2026-05-01' }],
      '2026-05-01',
      [LookedAfter],
    ],
    [
      'the period is the date alone',
      [{ kind: LookedAfter, from: '2026-05-01', to: '2026-05-01' }],
      '2026-05-01',
      [LookedAfter],
    ],
    [
      'the period starts after the date and has an end',
      [{ kind: LookedAfter, from: '2026-06-01', to: '2026-12-31' }],
      '2026-05-01',
      [],
    ],
    [
      'the period ended long before the date',
      [{ kind: YouthJustice, from: '2019-01-01', to: '2020-01-01' }],
      '2026-05-01',
      [],
    ],
    [
      'two periods of the same kind both cover the date',
      [
        { kind: LookedAfter, from: '2020-01-01', to: null },
        { kind: LookedAfter, from: '2025-01-01', to: '2026-12-31' },
      ],
      '2026-05-01',
      [LookedAfter],
    ],
    [
      'one period of a kind has ended and another of the same kind continues',
      [
        { kind: LookedAfter, from: '2015-01-01', to: '2018-01-01' },
        { kind: LookedAfter, from: '2024-01-01', to: null },
      ],
      '2026-05-01',
      [LookedAfter],
    ],
    [
      'several kinds overlap and one has ended',
      [
        { kind: LookedAfter, from: '2015-01-01', to: '2024-01-01' },
        { kind: CareLeaver, from: '2024-01-02', to: null },
        { kind: YoungCarer, from: '2022-01-01', to: null },
      ],
      '2026-05-01',
      [CareLeaver, YoungCarer],
    ],
  ])('should give the right experiences when %s', (_name, periods, on, expected) => {
    expect([...experiencesOn(periods, on)].sort()).toEqual([...expected].sort());
  });

  it('should list each kind once when several periods of that kind cover the date', () => {
    const periods: ServiceExperiencePeriod[] = [
      { kind: CareLeaver, from: '2024-01-01', to: null },
      { kind: LookedAfter, from: '2020-01-01', to: null },
      { kind: CareLeaver, from: '2025-01-01', to: null },
      { kind: LookedAfter, from: '2021-01-01', to: '2030-01-01' },
    ];
    const result = experiencesOn(periods, '2026-05-01');
    expect(result).toHaveLength(2);
    expect(new Set(result)).toEqual(new Set([CareLeaver, LookedAfter]));
  });
});

describe('SERVICE_EXPERIENCE_LABELS', () => {
  it.each(Object.values(ServiceExperienceKind).map((kind) => [kind]))(
    'should have a label for %s',
    (kind) => {
      expect(SERVICE_EXPERIENCE_LABELS[kind as ServiceExperienceKind]).toMatch(/\S/);
    },
  );
});
