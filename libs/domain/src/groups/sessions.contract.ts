import { z } from 'zod';
import { isoDateSchema, optionalText, timeSchema, uuidSchema } from '../shared/schemas';

export type AttendanceStatus = 'present' | 'apologies' | 'absent';
export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = ['present', 'apologies', 'absent'];

export const GenerateSessionsRequestSchema = z.object({ until: isoDateSchema.optional() }).strict();

export const OneOffSessionRequestSchema = z
  .object({
    date: isoDateSchema,
    startTime: timeSchema,
    durationMinutes: z.number().int().min(15).max(720),
    venue: optionalText(200),
    agenda: optionalText(4000),
  })
  .strict();

export const MoveSessionRequestSchema = z
  .object({
    date: isoDateSchema,
    startTime: timeSchema,
    durationMinutes: z.number().int().min(15).max(720).optional(),
    venue: optionalText(200).optional(),
  })
  .strict();

export const CancelSessionRequestSchema = z.object({ reason: optionalText(200) }).strict();

export const SessionDetailsRequestSchema = z
  .object({ agenda: optionalText(4000).optional(), notes: optionalText(10_000).optional() })
  .strict();

export const AttendanceRequestSchema = z
  .object({
    entries: z
      .array(
        z.object({ youngPersonId: uuidSchema, status: z.enum(['present', 'apologies', 'absent']) }).strict(),
      )
      .min(1, 'Mark at least one person.')
      .max(500),
  })
  .strict();

export const SessionRangeQuerySchema = z
  .object({ from: isoDateSchema.optional(), to: isoDateSchema.optional(), groupId: uuidSchema.optional() })
  .strict();

export interface GroupSessionResponse {
  id: string;
  groupId: string;
  groupName: string;
  startsAt: string;
  endsAt: string;
  venue: string | null;
  status: 'scheduled' | 'cancelled';
  moved: boolean;
  cancelReason: string | null;
  oneOff: boolean;
}

export interface GroupSessionDetailResponse extends GroupSessionResponse {
  agenda: string | null;
  notes: string | null;
  register: { youngPersonId: string; preferredName: string; status: AttendanceStatus | null }[];
}

export interface GenerateSessionsResponse {
  created: number;
  updated: number;
  from: string;
  until: string;
}

export interface AttendanceRate {
  present: number;
  apologies: number;
  absent: number;
  /** Present as a share of sessions with a mark, 0–1; null when nothing is marked yet. */
  rate: number | null;
}

export interface YoungPersonAttendance {
  youngPersonId: string;
  overall: AttendanceRate;
  byGroup: ({ groupId: string; groupName: string } & AttendanceRate)[];
  recent: { sessionId: string; groupName: string; startsAt: string; status: AttendanceStatus }[];
}

export interface GroupAttendance {
  groupId: string;
  sessionsHeld: number;
  members: ({ youngPersonId: string; preferredName: string } & AttendanceRate)[];
}

export const CalendarFeedRequestSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('mine') }).strict(),
  z.object({ scope: z.literal('group'), groupId: uuidSchema }).strict(),
]);

export interface CalendarFeedResponse {
  id: string;
  scope: 'mine' | 'group';
  groupId: string | null;
  createdAt: string;
  revokedAt: string | null;
  /** Only in the answer that creates the feed: the secret address is not stored. */
  url?: string;
}

export function attendanceRate(counts: {
  present: number;
  apologies: number;
  absent: number;
}): AttendanceRate {
  const { present, apologies, absent } = counts;
  const marked = present + apologies + absent;
  // Only these fields: callers pass whole database rows, which must not ride along into answers.
  return {
    present,
    apologies,
    absent,
    rate: marked === 0 ? null : Math.round((present / marked) * 1000) / 1000,
  };
}
