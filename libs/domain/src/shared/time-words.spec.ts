import { timeInWords, timesInWords } from './time-words';

describe('timeInWords', () => {
  it.each([
    ['10:30', 'half past 10 in the morning'],
    ['10:00', "10 o'clock in the morning"],
    ['13:00', "1 o'clock in the afternoon"],
    ['17:15', 'quarter past 5 in the afternoon'],
    ['17:45', 'quarter to 6 in the afternoon'],
    ['18:30', 'half past 6 in the evening'],
    ['09:20', '20 past 9 in the morning'],
    ['09:40', '20 to 10 in the morning'],
    ['09:07', '7 minutes past 9 in the morning'],
    ['09:59', '1 minute to 10 in the morning'],
    ['12:00', '12 noon'],
    ['00:00', '12 midnight'],
    ['11:45', 'quarter to 12 in the morning'],
    ['12:30', 'half past 12 in the afternoon'],
    ['23:45', 'quarter to 12 in the evening'],
    ['02:30', 'half past 2 at night'],
    ['not a time', 'not a time'],
  ])('should say %s as "%s"', (time, words) => {
    expect(timeInWords(time)).toBe(words);
  });

  it('should say a start and an end, or just a start', () => {
    expect(timesInWords('10:30', '13:00')).toBe(
      "from half past 10 in the morning to 1 o'clock in the afternoon",
    );
    expect(timesInWords('15:00', null)).toBe("at 3 o'clock in the afternoon");
    expect(timesInWords(null, null)).toBeNull();
  });
});
