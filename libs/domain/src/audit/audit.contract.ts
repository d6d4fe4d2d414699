import { z } from 'zod';

/** What can happen to a record. Reads are recorded only for young people's records. */
export enum AuditAction {
  Create = 'create',
  Update = 'update',
  Delete = 'delete',
  Read = 'read',
  SignIn = 'sign_in',
  SignInFailed = 'sign_in_failed',
  SignOut = 'sign_out',
  AccessRefused = 'access_refused',
  Override = 'override',
}

/** The kinds of record the audit log speaks of: one list, so the log can be filtered by it. */
export enum AuditRecordType {
  User = 'user',
  YoungPerson = 'young_person',
  YoungPersonConsent = 'young_person_consent',
  /** An entry of the team's categories of young people (added, renamed, retired, brought back). */
  YoungPeopleCategory = 'young_people_category',
  ConsentRecord = 'consent_record',
  Group = 'group',
  GroupMembership = 'group_membership',
  GroupSession = 'group_session',
  CalendarFeed = 'calendar_feed',
  ActivityDay = 'activity_day',
  ActivityConsents = 'activity_consents',
  ActivityDaySheet = 'activity_day_sheet',
  OneToOne = 'one_to_one',
  Invitation = 'invitation',
  InvitationLetter = 'invitation_letter',
  PracticeTool = 'practice_tool',
  EvaluationRound = 'evaluation_round',
  Evaluation = 'evaluation',
  /** Every read of a worry is recorded, as is its raising and acknowledgement; never its words. */
  Worry = 'worry',
  /** A young expert's request that something about them be deleted (it deletes nothing itself). */
  DeletionRequest = 'deletion_request',
  /** The action log (issue 12): an item and its timeline, an action, the log's lists and settings, a download. */
  YouSaidItem = 'you_said_item',
  Action = 'action',
  ActionLogSettings = 'action_log_settings',
  ActionLogExport = 'action_log_export',
  /** Retention periods an administrator set, and each run of the daily job with its counts. */
  Retention = 'retention',
  /** A request to erase a young person's details, its decision and its carrying out (issue 17). */
  ErasureRequest = 'erasure_request',
  /** A senior leader's pledge (issue 13): made, confirmed, updated, rated, linked. */
  Pledge = 'pledge',
  /** A download of the pledges for a period (CSV or XLSX). */
  PledgeExport = 'pledge_export',
  /** A download of the reach table for a period (CSV or XLSX): aggregates only. */
  ReachExport = 'reach_export',
  /** The annual voice plan (issue 14): a year's plan, and each version's edits, moves and corrections. */
  VoicePlan = 'voice_plan',
  PlanVersion = 'plan_version',
  /** A picture uploaded for a plan's text (ADR 0035): who can be recognised in it is in the row. */
  PlanPicture = 'plan_picture',
  /** A Family Feedback or annual participation report (issue 14 §6): drafted, edited, exported, downloaded. */
  Report = 'report',
  Route = 'route',
  /** A change made offline and kept aside for its officer's decision (issue 15): held, applied or let go. */
  HeldChange = 'held_change',
  /** A young person's review meetings and how they took part (PN1–PN8): each recorded, each list read. */
  ReviewParticipation = 'review_participation',
}

/**
 * The words of an audit row's detail: `event` names what happened to the record in the same terms
 * everywhere (the invitation events, 'move', 'cancel'…); the rest are ids, codes and counts.
 */
export type AuditDetailValue = string | number | boolean | null;

export interface AuditEventResponse {
  id: string;
  at: string;
  actorUserId: string | null;
  action: AuditAction;
  entityType: AuditRecordType;
  entityId: string | null;
  /** Ids and codes only: never names or free text. */
  detail: Record<string, string | number | boolean | null>;
  requestId: string | null;
  /** When it was done on the officer's device, for a change sent later from the offline outbox; `at` is when it arrived. */
  deviceTime: string | null;
}

export const AuditQuerySchema = z
  .object({
    actorUserId: z.uuid({ error: 'Use a user id.' }).optional(),
    action: z.enum(AuditAction).optional(),
    entityType: z
      .enum(AuditRecordType, { error: 'Use a record type such as user or young_person.' })
      .optional(),
    entityId: z.string().max(64).optional(),
    from: z.iso
      .datetime({ offset: true, error: 'Use a date and time like 2026-01-31T09:00:00Z.' })
      .optional(),
    to: z.iso.datetime({ offset: true, error: 'Use a date and time like 2026-01-31T09:00:00Z.' }).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
