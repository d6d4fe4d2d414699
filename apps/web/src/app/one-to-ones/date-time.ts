import { zonedToUtc } from '@heard/domain';
import { londonDate, londonTime } from '../core/dates';

/** A `datetime-local` value ("2026-07-01T16:00"), read as UK time, as an ISO instant; null when empty or malformed. */
export function localInputToInstant(value: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value.trim());
  return match ? zonedToUtc(match[1], match[2]).toISOString() : null;
}

/** An instant as a `datetime-local` value in UK time, for filling the field. */
export function instantToLocalInput(instant: string | null): string {
  return instant ? `${londonDate(instant)}T${londonTime(instant)}` : '';
}
