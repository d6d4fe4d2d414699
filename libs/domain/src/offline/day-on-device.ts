import { type IsoDate, addDays, dayInWords } from '../shared/dates';

/**
 * Whether a day's data may be on the officer's device, and what the page says about it
 * (docs/offline.md, ADR 0032). The data is kept for the shortest time that still covers the day:
 * from the evening before (officers get ready at home, with signal) to the end of the day itself,
 * in London. After that the device wipes it, whether or not anyone opens Heard.
 */
export type DayOnDevice =
  | { state: 'too-early'; words: string }
  | { state: 'may-keep'; words: string }
  | { state: 'over'; words: string };

export function dayOnDevice(day: IsoDate, today: IsoDate): DayOnDevice {
  if (today < addDays(day, -1))
    return {
      state: 'too-early',
      words: `You can get ready from ${dayInWords(addDays(day, -1))}, the day before.`,
    };
  if (today > day)
    return { state: 'over', words: 'This day is over, so nothing about it is kept on this device.' };
  return { state: 'may-keep', words: `Kept on this device until the end of ${dayInWords(day)}, then wiped.` };
}

/** Whether data kept for `day` must be wiped now: the day is over in London. */
export function dayIsOver(day: IsoDate, today: IsoDate): boolean {
  return dayOnDevice(day, today).state === 'over';
}
