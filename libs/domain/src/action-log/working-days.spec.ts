import {
  acknowledgeBy,
  addWorkingDays,
  bankHolidaysEnglandWales,
  easterSunday,
  isWorkingDay,
} from './working-days';

describe('England and Wales bank holidays', () => {
  // gov.uk/bank-holidays, checked by hand.
  it.each([
    [
      2022,
      [
        '2022-01-03',
        '2022-04-15',
        '2022-04-18',
        '2022-05-02',
        '2022-06-02',
        '2022-06-03',
        '2022-08-29',
        '2022-09-19',
        '2022-12-26',
        '2022-12-27',
      ],
    ],
    [
      2023,
      [
        '2023-01-02',
        '2023-04-07',
        '2023-04-10',
        '2023-05-01',
        '2023-05-08',
        '2023-05-29',
        '2023-08-28',
        '2023-12-25',
        '2023-12-26',
      ],
    ],
    [
      2025,
      [
        '2025-01-01',
        '2025-04-18',
        '2025-04-21',
        '2025-05-05',
        '2025-05-26',
        '2025-08-25',
        '2025-12-25',
        '2025-12-26',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-04-03',
        '2026-04-06',
        '2026-05-04',
        '2026-05-25',
        '2026-08-31',
        '2026-12-25',
        '2026-12-28',
      ],
    ],
    [
      2027,
      [
        '2027-01-01',
        '2027-03-26',
        '2027-03-29',
        '2027-05-03',
        '2027-05-31',
        '2027-08-30',
        '2027-12-27',
        '2027-12-28',
      ],
    ],
    [
      2021,
      [
        '2021-01-01',
        '2021-04-02',
        '2021-04-05',
        '2021-05-03',
        '2021-05-31',
        '2021-08-30',
        '2021-12-27',
        '2021-12-28',
      ],
    ],
  ])('in %i are %j', (year, expected) => {
    expect(bankHolidaysEnglandWales(year)).toEqual(expected);
  });

  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('working days', () => {
  it.each([
    ['2026-12-03', true], // a Thursday
    ['2026-12-05', false], // Saturday
    ['2026-12-06', false], // Sunday
    ['2026-12-25', false],
    ['2026-12-28', false], // Boxing Day's substitute
    ['2026-12-29', true],
  ])('%s is a working day: %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2026-12-03', 2, '2026-12-07'], // Thursday + 2 skips the weekend
    ['2026-12-04', 2, '2026-12-08'], // Friday
    ['2026-12-05', 2, '2026-12-08'], // made on a Saturday: Monday is the first
    ['2026-12-23', 2, '2026-12-29'], // over Christmas
    ['2026-04-02', 1, '2026-04-07'], // over Easter
    ['2026-12-03', 0, '2026-12-03'],
  ])('%s plus %i working days is %s', (date, days, expected) => {
    expect(addWorkingDays(date, days)).toBe(expected);
  });

  it('an item made on a Friday afternoon is due by the end of Tuesday, UK time', () => {
    expect(acknowledgeBy(new Date('2026-12-04T15:00:00Z'), 2).toISOString()).toBe('2026-12-09T00:00:00.000Z');
    // In summer time the UK's midnight is 23:00 UTC.
    expect(acknowledgeBy(new Date('2026-07-03T15:00:00Z'), 2).toISOString()).toBe('2026-07-07T23:00:00.000Z');
    // Just after midnight in the UK is already the next UK day.
    expect(acknowledgeBy(new Date('2026-07-02T23:30:00Z'), 1).toISOString()).toBe('2026-07-06T23:00:00.000Z');
  });
});
