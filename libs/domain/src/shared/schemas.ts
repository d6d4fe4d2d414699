import { z } from 'zod';
import { OLDEST_AGE, YOUNGEST_AGE } from '../young-people/age';
import { isIsoDate } from './dates';

export const isoDateSchema = z
  .string({ error: 'Use a date like 2026-04-23.' })
  .refine(isIsoDate, 'Use a real date like 2026-04-23.');

export const timeSchema = z.string().regex(/^([01]\d|2[0-3]):([0-5]\d)$/, 'Use a 24-hour time like 17:00.');

/**
 * An age limit of a group or an activity's cohort. Heard is for young people aged 10 to 25, so a
 * limit outside that would invite, or promise a place to, someone the service does not work with.
 */
export const ageLimitSchema = (missing: string) =>
  z
    .number({ error: missing })
    .int('Use a whole number of years.')
    .min(
      YOUNGEST_AGE,
      `Heard is for ages ${YOUNGEST_AGE} to ${OLDEST_AGE}, so ages start at ${YOUNGEST_AGE}.`,
    )
    .max(OLDEST_AGE, `Ages go up to ${OLDEST_AGE}.`);

export const uuidSchema = z.uuid({ error: 'This is not a valid id.' });

/** Free text a person types: trimmed, bounded, and empty means "none". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters.`)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));

export const pageSchema = {
  page: z.coerce.number().int().min(1, 'Pages start at 1.').max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100, 'At most 100 a page.').default(25),
};
