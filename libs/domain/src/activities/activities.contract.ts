import { z } from 'zod';
import { ATTENDANCE_CONSENT_PURPOSES, ConsentPurpose, mayBeRequiredToAttend } from '../consent/consent';
import {
  ageLimitSchema,
  isoDateSchema,
  optionalText,
  pageSchema,
  timeSchema,
  uuidSchema,
} from '../shared/schemas';
import { AgeBand } from '../young-people/age';
import { ServiceExperienceKind } from '../young-people/service-experience';
import { ActivityCohort } from './cohort';
import { ConsentFlag, DoNotPhotographEntry } from './day-sheet';
import { FunnelStage } from './funnel';
import { PhotoPlan } from './photo-plan';

export type ActivityStatus = 'planned' | 'cancelled';
/** The furthest ahead a reminder can be set: a fortnight. */
export const MAX_REMINDER_DAYS_BEFORE = 14;

export const ACTIVITY_STATUSES = ['planned', 'cancelled'] as const satisfies readonly ActivityStatus[];

const endAfterStart = <T extends { startTime: string; endTime: string }>(t: T) => t.endTime > t.startTime;
const END_AFTER_START = { message: 'The end time must be after the start time.', path: ['endTime'] };

export const ActivityCohortSchema = z
  .object({
    minAge: ageLimitSchema('Enter the youngest age.'),
    maxAge: ageLimitSchema('Enter the oldest age.'),
    serviceExperiences: z.array(z.enum(ServiceExperienceKind)).max(9).default([]),
    groupIds: z.array(uuidSchema).max(20, 'Choose at most 20 groups.').default([]),
  })
  .strict()
  .refine((c) => c.maxAge >= c.minAge, {
    message: 'The oldest age is below the youngest.',
    path: ['maxAge'],
  });

export const ActivityDayRequestSchema = z
  .object({
    title: z
      .string({ error: 'Enter a title.' })
      .trim()
      .min(1, 'Enter a title.')
      .max(120, 'Keep the title under 120 characters.'),
    date: isoDateSchema,
    startTime: timeSchema,
    endTime: timeSchema,
    venue: optionalText(200),
    accessibility: optionalText(1000),
    capacity: z
      .number()
      .int('Use a whole number of places.')
      .min(1, 'Allow at least 1 place, or leave it empty for no limit.')
      .max(500, 'At most 500 places.')
      .nullable()
      .default(null),
    cohort: ActivityCohortSchema,
    professionals: optionalText(500),
    budgetPence: z
      .number()
      .int('Give the budget in whole pence.')
      .min(0, 'The budget cannot be negative.')
      .max(10_000_000, 'The budget is at most £100,000.')
      .nullable()
      .default(null),
    transport: optionalText(500),
    /** Null until the officer says: the answer page then says nothing rather than guess. */
    photos: z
      .enum(PhotoPlan, { error: 'Say whether photos or film will be taken.' })
      .nullable()
      .default(null),
    agenda: optionalText(2000),
    requiredConsents: z
      .array(
        z
          .enum(ConsentPurpose, { error: 'Choose a consent from the list.' })
          .refine(
            mayBeRequiredToAttend,
            'Only taking part, transport and emergency treatment can be required: photos, video and quotes are a choice and never stop anyone coming.',
          ),
      )
      .max(ATTENDANCE_CONSENT_PURPOSES.length)
      .refine((p) => new Set(p).size === p.length, 'Choose each consent once.')
      .default([]),
    reminderDaysBefore: z
      .number()
      .int()
      .min(0, 'Use 0 for no reminder before the day itself.')
      .max(MAX_REMINDER_DAYS_BEFORE, `Remind at most ${MAX_REMINDER_DAYS_BEFORE} days before.`)
      .default(2),
  })
  .strict()
  .refine(endAfterStart, END_AFTER_START);
export type ActivityDayRequest = z.input<typeof ActivityDayRequestSchema>;
export type ActivityDayCommand = z.output<typeof ActivityDayRequestSchema>;

/** Everyone still expecting to come is told, so the reason is shown to them if given. */
export const ActivityMoveRequestSchema = z
  .object({ date: isoDateSchema, startTime: timeSchema, endTime: timeSchema, reason: optionalText(300) })
  .strict()
  .refine(endAfterStart, END_AFTER_START);

export const ActivityCancelRequestSchema = z
  .object({
    reason: z
      .string({ error: 'Say why it is cancelled: invitees are told.' })
      .trim()
      .min(1, 'Say why it is cancelled: invitees are told.')
      .max(300, 'Keep the reason under 300 characters.'),
  })
  .strict();

export const ActivityQuerySchema = z
  .object({
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    status: z.enum(ACTIVITY_STATUSES).optional(),
    ...pageSchema,
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.to >= q.from, {
    message: 'The end of the range is before its start.',
    path: ['to'],
  });
export type ActivityQuery = z.output<typeof ActivityQuerySchema>;

/** Someone not invited, or who said no, may still turn up: marking them needs a reason. */
export const AttendanceMarkRequestSchema = z
  .object({
    youngPersonId: uuidSchema,
    attended: z.boolean({ error: 'Say whether they came.' }),
    overrideReason: z
      .string()
      .trim()
      .min(5, 'Give a reason of at least a few words.')
      .max(300, 'Keep the reason under 300 characters.')
      .optional(),
  })
  .strict();

export const FunnelQuerySchema = z
  .object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.to >= q.from, {
    message: 'The end of the range is before its start.',
    path: ['to'],
  });

export interface InvitationCounts {
  invited: number;
  accepted: number;
  waitlisted: number;
  attended: number;
}

export interface ActivityDayListItem {
  id: string;
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  venue: string | null;
  capacity: number | null;
  status: ActivityStatus;
  counts: InvitationCounts;
}

export interface ActivityDayResponse extends ActivityDayListItem {
  accessibility: string | null;
  cohort: ActivityCohort;
  /** The cohort's groups by name, for showing. */
  cohortGroups: { id: string; name: string }[];
  professionals: string | null;
  budgetPence: number | null;
  transport: string | null;
  photos: PhotoPlan | null;
  agenda: string | null;
  requiredConsents: ConsentPurpose[];
  reminderDaysBefore: number;
  cancelReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FunnelResponse extends FunnelStage {
  /** One activity, or null for a period. */
  activityId: string | null;
  from: string | null;
  to: string | null;
  declined: number;
  waitlisted: number;
  declineReasons: { reason: string; count: number }[];
  byAgeBand: Record<AgeBand, FunnelStage>;
  byServiceExperience: Record<ServiceExperienceKind, FunnelStage>;
}

export interface DaySheetResponse {
  activity: {
    id: string;
    title: string;
    date: string;
    startTime: string;
    endTime: string;
    venue: string | null;
    accessibility: string | null;
    transport: string | null;
    photos: PhotoPlan | null;
    professionals: string | null;
    agenda: string | null;
  };
  coming: {
    youngPerson: { id: string; preferredName: string };
    accessibilityNeeds: string | null;
    communicationNeeds: string | null;
    /** Every consent the day needs that is not in force for them (empty when all are). */
    consentFlags: ConsentFlag[];
  }[];
  doNotPhotograph: DoNotPhotographEntry[];
  placesLeft: number | null;
  waitlistedCount: number;
}
