import { addDays } from '../shared/dates';
import {
  AGE_BANDS,
  AgeBand,
  DATE_OF_BIRTH_MESSAGES,
  DateOfBirthProblem,
  OLDEST_AGE,
  YOUNGEST_AGE,
  ageBandOf,
  ageOn,
  birthDateRangeForBand,
  bornBetweenForAges,
  dateOfBirthProblem,
} from './age';

/** Whether a date of birth falls in a range the way the SQL filter reads it. */
const inRange = (dateOfBirth: string, range: { bornAfter: string; bornOnOrBefore: string }) =>
  dateOfBirth > range.bornAfter && dateOfBirth <= range.bornOnOrBefore;

/** Every date from `from` to `to` inclusive. */
const daysBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

describe('ageOn', () => {
  it.each<[string, string, string, number]>([
    ['birthday today', '2012-05-10', '2026-05-10', 14],
    ['birthday tomorrow', '2012-05-11', '2026-05-10', 13],
    ['birthday yesterday', '2012-05-09', '2026-05-10', 14],
    ['birthday next month', '2012-06-10', '2026-05-10', 13],
    ['birthday last month', '2012-04-10', '2026-05-10', 14],
    ['born on the day itself', '2026-05-10', '2026-05-10', 0],
    ['new year’s eve birthday on new year’s day', '2012-12-31', '2026-01-01', 13],
    ['new year’s day birthday on new year’s eve', '2012-01-01', '2025-12-31', 13],
    ['born 29 Feb, on 28 Feb of a non-leap year', '2012-02-29', '2025-02-28', 12],
    ['born 29 Feb, on 1 Mar of a non-leap year', '2012-02-29', '2025-03-01', 13],
    ['born 29 Feb, on 28 Feb of a leap year', '2012-02-29', '2024-02-28', 11],
    ['born 29 Feb, on 29 Feb of a leap year', '2012-02-29', '2024-02-29', 12],
    ['born 28 Feb, on 29 Feb of a leap year', '2012-02-28', '2024-02-29', 12],
    ['born 1 Mar, on 29 Feb of a leap year', '2012-03-01', '2024-02-29', 11],
    ['born 1 Mar, on 28 Feb of a non-leap year', '2012-03-01', '2025-02-28', 12],
  ])('should count whole years when %s (%s on %s is %i)', (_name, dateOfBirth, on, expected) => {
    expect(ageOn(dateOfBirth, on)).toBe(expected);
  });
});

describe('ageBandOf', () => {
  it.each<[number, AgeBand | null]>([
    [0, null],
    [9, null],
    [10, '10-12'],
    [11, '10-12'],
    [12, '10-12'],
    [13, '13-15'],
    [15, '13-15'],
    [16, '16-17'],
    [17, '16-17'],
    [18, '18-25'],
    [25, '18-25'],
    [26, null],
    [-1, null],
  ])('age %i should be in band %p', (age, expected) => {
    expect(ageBandOf(age)).toBe(expected);
  });

  it('should put every age from the youngest to the oldest in exactly the band whose name contains it', () => {
    for (let age = YOUNGEST_AGE; age <= OLDEST_AGE; age++) {
      const band = ageBandOf(age);
      expect(band).not.toBeNull();
      const [min, max] = (band as AgeBand).split('-').map(Number);
      expect(age).toBeGreaterThanOrEqual(min);
      expect(age).toBeLessThanOrEqual(max);
    }
  });
});

describe('bornBetweenForAges', () => {
  it.each<[number, number, string, string, string]>([
    [10, 12, '2026-09-01', '2013-09-01', '2016-09-01'],
    [13, 15, '2026-01-01', '2010-01-01', '2013-01-01'],
    [18, 25, '2026-12-31', '2000-12-31', '2008-12-31'],
    // On 29 Feb the same day in a non-leap year does not exist: it becomes 28 Feb.
    [10, 12, '2024-02-29', '2011-02-28', '2014-02-28'],
    [12, 12, '2024-02-29', '2011-02-28', '2012-02-29'],
  ])(
    'ages %i–%i on %s should be born after %s and on or before %s',
    (min, max, on, bornAfter, bornOnOrBefore) => {
      expect(bornBetweenForAges(min, max, on)).toEqual({ bornAfter, bornOnOrBefore });
    },
  );

  const boundaryCases: [number, number, string][] = [
    [10, 12, '2026-09-01'],
    [13, 15, '2026-01-01'],
    [16, 17, '2026-12-31'],
    [18, 25, '2026-03-01'],
    [10, 12, '2024-02-29'],
    [12, 12, '2024-02-29'],
    [13, 15, '2025-02-28'],
    [13, 15, '2025-03-01'],
    [10, 25, '2028-02-29'],
  ];

  it.each(boundaryCases)(
    'ages %i–%i on %s: someone exactly the minimum age that day should be included and someone a day younger excluded',
    (min, max, on) => {
      const range = bornBetweenForAges(min, max, on);
      expect(ageOn(range.bornOnOrBefore, on)).toBe(min);
      expect(inRange(range.bornOnOrBefore, range)).toBe(true);
      const dayYounger = addDays(range.bornOnOrBefore, 1);
      expect(ageOn(dayYounger, on)).toBe(min - 1);
      expect(inRange(dayYounger, range)).toBe(false);
    },
  );

  it.each(boundaryCases)(
    'ages %i–%i on %s: someone who turned max+1 that day should be excluded and someone a day younger included',
    (min, max, on) => {
      const range = bornBetweenForAges(min, max, on);
      expect(ageOn(range.bornAfter, on)).toBe(max + 1);
      expect(inRange(range.bornAfter, range)).toBe(false);
      const dayYounger = addDays(range.bornAfter, 1);
      expect(ageOn(dayYounger, on)).toBe(max);
      expect(inRange(dayYounger, range)).toBe(true);
    },
  );

  it.each(boundaryCases)(
    'ages %i–%i on %s: every date of birth near either boundary or a 29 February should be in the range exactly when its age fits',
    (min, max, on) => {
      const range = bornBetweenForAges(min, max, on);
      const candidates = [
        ...daysBetween(addDays(range.bornAfter, -3), addDays(range.bornAfter, 3)),
        ...daysBetween(addDays(range.bornOnOrBefore, -3), addDays(range.bornOnOrBefore, 3)),
        ...['2000', '2004', '2008', '2012', '2016', '2020'].map((y) => `${y}-02-29`),
      ];
      for (const dateOfBirth of candidates) {
        const age = ageOn(dateOfBirth, on);
        expect({ dateOfBirth, included: inRange(dateOfBirth, range) }).toEqual({
          dateOfBirth,
          included: age >= min && age <= max,
        });
      }
    },
  );
});

describe('birthDateRangeForBand', () => {
  it.each(AGE_BANDS.map((band) => [band]))('band %s should be the same range as its ages', (band) => {
    const [min, max] = band.split('-').map(Number);
    expect(birthDateRangeForBand(band, '2026-09-01')).toEqual(bornBetweenForAges(min, max, '2026-09-01'));
  });

  it.each<[AgeBand, string, string, string]>([
    ['10-12', '2026-09-01', '2013-09-01', '2016-09-01'],
    ['13-15', '2026-09-01', '2010-09-01', '2013-09-01'],
    ['16-17', '2026-09-01', '2008-09-01', '2010-09-01'],
    ['18-25', '2026-09-01', '2000-09-01', '2008-09-01'],
  ])('band %s on %s should be born after %s and on or before %s', (band, on, bornAfter, bornOnOrBefore) => {
    expect(birthDateRangeForBand(band, on)).toEqual({ bornAfter, bornOnOrBefore });
  });

  it.each(AGE_BANDS.map((band) => [band]))(
    'band %s: the youngest and oldest dates of birth in the range should both be in the band',
    (band) => {
      const on = '2026-09-01';
      const range = birthDateRangeForBand(band, on);
      expect(ageBandOf(ageOn(range.bornOnOrBefore, on))).toBe(band);
      expect(ageBandOf(ageOn(addDays(range.bornAfter, 1), on))).toBe(band);
      expect(ageBandOf(ageOn(range.bornAfter, on))).not.toBe(band);
      expect(ageBandOf(ageOn(addDays(range.bornOnOrBefore, 1), on))).not.toBe(band);
    },
  );
});

describe('dateOfBirthProblem', () => {
  const today = '2026-09-01';
  it.each<[string, string, DateOfBirthProblem | null]>([
    ['born tomorrow', '2026-09-02', 'future'],
    ['born next year', '2027-01-01', 'future'],
    ['born today', '2026-09-01', 'too_young'],
    ['aged 9, turning 10 tomorrow', '2016-09-02', 'too_young'],
    ['turning 10 today', '2016-09-01', null],
    ['aged 10', '2016-01-01', null],
    ['aged 17', '2009-05-05', null],
    ['aged 25, turning 26 tomorrow', '2000-09-02', null],
    ['turning 26 today', '2000-09-01', 'too_old'],
    ['aged 40', '1986-01-01', 'too_old'],
  ])('when %s (born %s) the problem should be %p', (_name, dateOfBirth, expected) => {
    expect(dateOfBirthProblem(dateOfBirth, today)).toBe(expected);
  });

  it.each<[DateOfBirthProblem]>([['future'], ['too_young'], ['too_old']])(
    'should have a message for %s',
    (problem) => {
      expect(DATE_OF_BIRTH_MESSAGES[problem]).toMatch(/\S/);
    },
  );
});
