/**
 * A clock time in words a 10-year-old reads easily: "half past 10 in the morning", "quarter to 6 in
 * the evening", "12 noon". Young people said times like 17:30 are easy to misread.
 */
export function timeInWords(time: string): string {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) return time;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour === 12 && minute === 0) return '12 noon';
  if (hour === 0 && minute === 0) return '12 midnight';
  const period =
    hour < 12
      ? hour < 5
        ? 'at night'
        : 'in the morning'
      : hour < 18
        ? 'in the afternoon'
        : 'in the evening';
  const clock = (h: number) => String(h % 12 === 0 ? 12 : h % 12);
  let words: string;
  if (minute === 0) words = `${clock(hour)} o'clock`;
  else if (minute === 15) words = `quarter past ${clock(hour)}`;
  else if (minute === 30) words = `half past ${clock(hour)}`;
  else if (minute === 45) words = `quarter to ${clock(hour + 1)}`;
  else if (minute < 30)
    words = `${minute} ${minute % 5 === 0 ? '' : minute === 1 ? 'minute ' : 'minutes '}past ${clock(hour)}`;
  else {
    const left = 60 - minute;
    words = `${left} ${left % 5 === 0 ? '' : left === 1 ? 'minute ' : 'minutes '}to ${clock(hour + 1)}`;
  }
  return `${words} ${period}`;
}

/** "from half past 10 in the morning to 1 o'clock in the afternoon", or "at …" without an end. */
export function timesInWords(startTime: string | null, endTime: string | null): string | null {
  if (!startTime) return null;
  return endTime
    ? `from ${timeInWords(startTime)} to ${timeInWords(endTime)}`
    : `at ${timeInWords(startTime)}`;
}
