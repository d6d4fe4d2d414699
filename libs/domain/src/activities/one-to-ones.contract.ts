import { z } from 'zod';
import { optionalText, uuidSchema } from '../shared/schemas';

export type OneToOneStatus = 'requested' | 'scheduled' | 'done' | 'cancelled';
export const ONE_TO_ONE_STATUSES = [
  'requested',
  'scheduled',
  'done',
  'cancelled',
] as const satisfies readonly OneToOneStatus[];

export const ONE_TO_ONE_STATUS_LABELS: Readonly<Record<OneToOneStatus, string>> = {
  requested: 'Asked for',
  scheduled: 'Booked',
  done: 'Done',
  cancelled: 'Cancelled',
};

export type OneToOneRequester = 'officer' | 'young_person' | 'trusted_adult';

export const ONE_TO_ONE_REQUESTER_LABELS: Readonly<Record<OneToOneRequester, string>> = {
  officer: 'A participation officer',
  young_person: 'The young person',
  trusted_adult: 'A trusted adult',
};

const dateTime = z.iso.datetime({
  offset: true,
  error: 'Use a date and time like 2026-07-01T16:00:00+01:00.',
});

export const OneToOneRequestSchema = z
  .object({
    youngPersonId: uuidSchema,
    requestedBy: z.enum(['officer', 'young_person', 'trusted_adult'], { error: 'Choose who asked for it.' }),
    topic: z
      .string({ error: 'Say what it is about.' })
      .trim()
      .min(1, 'Say what it is about.')
      .max(300, 'Keep the topic under 300 characters.'),
    scheduledAt: dateTime.nullable().default(null),
    location: optionalText(200),
    staffUserId: uuidSchema.nullable().default(null),
  })
  .strict();
export type OneToOneRequest = z.input<typeof OneToOneRequestSchema>;
export type OneToOneCommand = z.output<typeof OneToOneRequestSchema>;

/** Booking needs a time; the outcome belongs to one that is done. */
export const OneToOneUpdateSchema = z
  .object({
    status: z.enum(ONE_TO_ONE_STATUSES, { error: 'Choose a status.' }),
    scheduledAt: dateTime.nullable().default(null),
    location: optionalText(200).optional(),
    staffUserId: uuidSchema.nullable().optional(),
    outcome: optionalText(2000),
  })
  .strict()
  .superRefine((u, ctx) => {
    if ((u.status === 'scheduled' || u.status === 'done') && u.scheduledAt === null)
      ctx.addIssue({ code: 'custom', message: 'Say when it is.', path: ['scheduledAt'] });
    if (u.outcome !== null && u.status !== 'done')
      ctx.addIssue({
        code: 'custom',
        message: 'Record the outcome once it is done: set the status to done.',
        path: ['outcome'],
      });
  });
export type OneToOneUpdate = z.input<typeof OneToOneUpdateSchema>;

/** One young person's one-to-ones, for their profile; without it, everyone's. */
export const OneToOneQuerySchema = z.object({ youngPersonId: uuidSchema.optional() }).strict();
export type OneToOneQuery = z.output<typeof OneToOneQuerySchema>;

export interface OneToOneResponse {
  id: string;
  youngPerson: { id: string; preferredName: string };
  requestedBy: OneToOneRequester;
  topic: string;
  status: OneToOneStatus;
  scheduledAt: string | null;
  location: string | null;
  staff: { id: string; displayName: string } | null;
  outcome: string | null;
  createdAt: string;
  updatedAt: string;
}
