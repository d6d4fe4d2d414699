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

export interface AuditEventResponse {
  id: string;
  at: string;
  actorUserId: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  /** Ids and codes only: never names or free text. */
  detail: Record<string, string | number | boolean | null>;
  requestId: string | null;
}

export const AuditQuerySchema = z
  .object({
    actorUserId: z.uuid({ error: 'Use a user id.' }).optional(),
    action: z.enum(AuditAction).optional(),
    entityType: z
      .string()
      .regex(/^[a-z_]{1,40}$/, 'Use a record type such as user or young_person.')
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
