import { type DayOnDevice, dayIsOver, dayOnDevice } from './day-on-device';

describe('dayOnDevice', () => {
  it.each<[string, string, string, DayOnDevice['state'], string]>([
    [
      'two days before',
      '2026-03-12',
      '2026-03-10',
      'too-early',
      'You can get ready from Wednesday 11 March 2026, the day before.',
    ],
    [
      'the evening before',
      '2026-03-12',
      '2026-03-11',
      'may-keep',
      'Kept on this device until the end of Thursday 12 March 2026, then wiped.',
    ],
    [
      'on the day',
      '2026-03-12',
      '2026-03-12',
      'may-keep',
      'Kept on this device until the end of Thursday 12 March 2026, then wiped.',
    ],
    [
      'the day after',
      '2026-03-12',
      '2026-03-13',
      'over',
      'This day is over, so nothing about it is kept on this device.',
    ],
    [
      'a year after',
      '2026-03-12',
      '2027-03-12',
      'over',
      'This day is over, so nothing about it is kept on this device.',
    ],
    [
      'across a month end',
      '2026-04-01',
      '2026-03-31',
      'may-keep',
      'Kept on this device until the end of Wednesday 1 April 2026, then wiped.',
    ],
  ])('%s', (_, day, today, state, words) => {
    expect(dayOnDevice(day, today)).toEqual({ state, words });
  });

  it.each([
    ['2026-03-12', '2026-03-11', false],
    ['2026-03-12', '2026-03-12', false],
    ['2026-03-12', '2026-03-13', true],
  ])('dayIsOver(%s) on %s is %s', (day, today, over) => {
    expect(dayIsOver(day, today)).toBe(over);
  });
});
