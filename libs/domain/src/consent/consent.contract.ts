import { z } from 'zod';
import { isoDateSchema, optionalText, uuidSchema } from '../shared/schemas';
import { InvitationStatus } from '../invitations/invitation-status';
import {
  CONSENT_SCOPES,
  ConsentFailure,
  ConsentGiver,
  ConsentMethod,
  ConsentPurpose,
  ConsentScope,
  EffectiveConsentResult,
} from './consent';

/** The young person is in the URL: a consent record always belongs to the person whose page it is on. */
export const ConsentRecordRequestSchema = z
  .object({
    purpose: z.enum(ConsentPurpose, { error: 'Choose what the consent is for.' }),
    givenBy: z.enum(ConsentGiver, { error: 'Choose who gave the consent.' }),
    method: z.enum(ConsentMethod, { error: 'Choose how the consent was given.' }),
    wording: z
      .string({ error: 'Enter the words they agreed to.' })
      .trim()
      .min(1, 'Enter the words they agreed to.')
      .max(1000, 'Keep the wording under 1000 characters.'),
    givenOn: isoDateSchema,
    scope: z
      .enum(CONSENT_SCOPES, { error: 'Choose whether it is standing or for one activity day.' })
      .default('standing'),
    activityId: uuidSchema.nullable().default(null),
    expiresOn: isoDateSchema.nullable().default(null),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.scope === 'activity' && c.activityId === null)
      ctx.addIssue({
        code: 'custom',
        message: 'Choose the activity day this consent is for.',
        path: ['activityId'],
      });
    if (c.scope === 'standing' && c.activityId !== null)
      ctx.addIssue({
        code: 'custom',
        message:
          'A standing consent is not for one activity day: clear the activity or choose "for one activity day".',
        path: ['activityId'],
      });
    if (c.expiresOn !== null && c.expiresOn < c.givenOn)
      ctx.addIssue({
        code: 'custom',
        message: 'The expiry date is before the date it was given.',
        path: ['expiresOn'],
      });
  });
export type ConsentRecordRequest = z.input<typeof ConsentRecordRequestSchema>;
export type ConsentRecordCommand = z.output<typeof ConsentRecordRequestSchema>;

export const ConsentWithdrawRequestSchema = z.object({ reason: optionalText(300) }).strict();
export type ConsentWithdrawRequest = z.input<typeof ConsentWithdrawRequestSchema>;

export interface ConsentRecordResponse {
  id: string;
  youngPersonId: string;
  purpose: ConsentPurpose;
  givenBy: ConsentGiver;
  method: ConsentMethod;
  wording: string;
  givenOn: string;
  scope: ConsentScope;
  activity: { id: string; title: string; date: string } | null;
  expiresOn: string | null;
  recordedBy: { id: string; displayName: string };
  recordedAt: string;
  withdrawal: { at: string; by: { id: string; displayName: string }; reason: string | null } | null;
  /** A warning about who gave it (e.g. a parent for a 16-year-old), judged today; null when none. */
  giverWarning: string | null;
}

/** An effective consent as JSON: no Date objects, and the record by id only. */
export interface EffectiveConsentView {
  status: 'valid' | ConsentFailure;
  recordId: string | null;
  /** Why it is not in force; null when it is. */
  message: string | null;
  warnings: string[];
}

export function toEffectiveConsentView(result: EffectiveConsentResult): EffectiveConsentView {
  return result.status === 'valid'
    ? { status: 'valid', recordId: result.record.id, message: null, warnings: result.warnings }
    : { status: result.status, recordId: result.record?.id ?? null, message: result.message, warnings: [] };
}

export interface ConsentPanelResponse {
  youngPersonId: string;
  /** The date the effective consents are judged on (today unless asked otherwise). */
  on: string;
  /** Who may give consent for them on that date, in words. */
  whoMayConsent: string;
  purposes: {
    purpose: ConsentPurpose;
    label: string;
    effective: EffectiveConsentView;
    /** Newest first, withdrawn ones included: withdrawal never deletes. */
    history: ConsentRecordResponse[];
  }[];
}

export interface ActivityConsentMatrix {
  activityId: string;
  date: string;
  requiredConsents: ConsentPurpose[];
  rows: {
    youngPerson: { id: string; preferredName: string };
    invitationStatus: InvitationStatus;
    /** One per required purpose, in the order of requiredConsents. */
    consents: {
      purpose: ConsentPurpose;
      status: 'valid' | ConsentFailure;
      message: string | null;
      warnings: string[];
    }[];
    allInPlace: boolean;
  }[];
}
