import { z } from 'zod';
import {
  ageLimitSchema,
  isoDateSchema,
  optionalText,
  pageSchema,
  timeSchema,
  uuidSchema,
} from '../shared/schemas';
import { ServiceExperienceKind } from '../young-people/service-experience';
import { MembershipRole } from '../young-people/young-people.contract';
import { MeetingPattern, PatternException, patternProblems } from './recurrence';

export const MeetingPatternSchema = z
  .object({
    rrule: z
      .string()
      .trim()
      .min(1, 'Enter a repeat rule.')
      .max(200, 'Keep the repeat rule under 200 characters.'),
    startsOn: isoDateSchema,
    startTime: timeSchema,
    durationMinutes: z.number().int().min(15).max(720),
  })
  .strict()
  .superRefine((pattern, ctx) => {
    for (const [field, message] of Object.entries(patternProblems(pattern))) {
      ctx.addIssue({ code: 'custom', message, path: [field] });
    }
  });

export const GroupRequestSchema = z
  .object({
    name: z.string({ error: 'Enter a name.' }).trim().min(1, 'Enter a name.').max(80),
    purpose: z
      .string({ error: 'Say what the group is for.' })
      .trim()
      .min(1, 'Say what the group is for.')
      .max(2000),
    minAge: ageLimitSchema('Enter the youngest age.'),
    maxAge: ageLimitSchema('Enter the oldest age.'),
    serviceExperiences: z.array(z.enum(ServiceExperienceKind)).max(9).default([]),
    facilitatorIds: z.array(uuidSchema).max(10).default([]),
    venue: optionalText(200),
    onlineLink: z
      .url({ protocol: /^https$/, error: 'Use an https:// link.' })
      .max(500)
      .nullable()
      .default(null),
    capacity: z.number().int().min(1).max(500).nullable().default(null),
    pattern: MeetingPatternSchema.nullable().default(null),
  })
  .strict()
  .refine((g) => g.maxAge >= g.minAge, {
    message: 'The oldest age is below the youngest.',
    path: ['maxAge'],
  });
export type GroupRequest = z.input<typeof GroupRequestSchema>;
export type GroupCommand = z.output<typeof GroupRequestSchema>;

export const PatternExceptionRequestSchema = z
  .object({
    date: isoDateSchema,
    kind: z.enum(['cancelled', 'moved']),
    movedTo: z.object({ date: isoDateSchema, startTime: timeSchema }).strict().optional(),
    reason: optionalText(200),
  })
  .strict()
  .refine((e) => e.kind !== 'moved' || e.movedTo, {
    message: 'Say when the session moves to.',
    path: ['movedTo'],
  });

export const JoinGroupRequestSchema = z
  .object({
    youngPersonId: uuidSchema,
    role: z.enum(['member', 'chair', 'vice_chair']).default('member'),
    joinedOn: isoDateSchema,
    /** Records why someone joins a group they are not eligible for. */
    overrideReason: z.string().trim().min(5, 'Give a reason of at least a few words.').max(300).optional(),
  })
  .strict();

export const LeaveGroupRequestSchema = z.object({ leftOn: isoDateSchema }).strict();

export const OnDateQuerySchema = z.object({ on: isoDateSchema.optional() }).strict();

export const GroupListQuerySchema = z
  .object({
    q: z.string().trim().max(80).optional(),
    includeArchived: z.enum(['true', 'false']).optional(),
    ...pageSchema,
  })
  .strict();

export interface GroupSummary {
  id: string;
  name: string;
  purpose: string;
  minAge: number;
  maxAge: number;
  serviceExperiences: ServiceExperienceKind[];
  memberCount: number;
  nextSessionAt: string | null;
  archived: boolean;
}

export interface GroupResponse extends GroupSummary {
  facilitators: { id: string; displayName: string }[];
  venue: string | null;
  onlineLink: string | null;
  capacity: number | null;
  pattern: MeetingPattern | null;
  exceptions: PatternException[];
}

export interface MembershipResponse {
  id: string;
  groupId: string;
  youngPersonId: string;
  preferredName: string;
  age: number;
  role: MembershipRole;
  joinedOn: string;
  leftOn: string | null;
  overrideReason: string | null;
}

export interface AgeingOutEntry {
  membershipId: string;
  youngPersonId: string;
  preferredName: string;
  age: number;
  group: { id: string; name: string };
  reasons: string[];
  suggestedGroup: { id: string; name: string } | null;
}
