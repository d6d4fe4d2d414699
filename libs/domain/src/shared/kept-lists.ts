import { z } from 'zod';

/**
 * Lists administrators keep (the action log's services and themes, the team's categories of young
 * people): entries are added, renamed, retired and brought back, never deleted, so whatever already
 * names one keeps it. Names are unique on a list whatever their case.
 */
export const MAX_LIST_NAME_LENGTH = 80;

const listNameSchema = z
  .string({ error: 'Give it a name.' })
  .trim()
  .min(1, 'Give it a name.')
  .max(MAX_LIST_NAME_LENGTH, `Keep the name under ${MAX_LIST_NAME_LENGTH} characters.`);

/** A new entry. */
export const ListEntryRequestSchema = z.object({ name: listNameSchema }).strict();
export type ListEntryCommand = z.output<typeof ListEntryRequestSchema>;

/** Rename, retire (retired: true) or bring back (retired: false) an entry. */
export const ListEntryChangeRequestSchema = z
  .object({
    name: listNameSchema.optional(),
    retired: z.boolean({ error: 'Say whether it is retired.' }).optional(),
  })
  .strict()
  .refine((c) => c.name !== undefined || c.retired !== undefined, {
    message: 'Change the name or whether it is retired.',
    path: ['name'],
  });
export type ListEntryChangeCommand = z.output<typeof ListEntryChangeRequestSchema>;

/** An entry of a kept list. A retired one stays where it is named, but is no longer offered. */
export interface KeptListEntry {
  id: string;
  name: string;
  retired: boolean;
}
