import type { AuditAction, AuditEventResponse } from '@heard/domain';

/** An AuditAction's wire value ("sign_in"), usable without loading the enum. */
export type AuditActionValue = `${AuditAction}`;

/**
 * Labels for every audit action. Keyed by the enum's values rather than the enum itself:
 * `audit.contract.ts` also builds a zod schema, and importing the enum as a value would
 * pull zod into this page's bundle. `satisfies` still makes this fail to compile if the
 * domain adds, renames or removes an action.
 */
export const AUDIT_ACTION_LABELS = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  read: 'Viewed',
  sign_in: 'Signed in',
  sign_in_failed: 'Sign-in failed',
  sign_out: 'Signed out',
  access_refused: 'Access refused',
  override: 'Override',
} as const satisfies Readonly<Record<AuditActionValue, string>>;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditActionValue[];

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Readonly<Record<string, string>>)[action] ?? action;
}

/** "user" → "User", "young_person" → "Young person". */
export function entityTypeLabel(entityType: string): string {
  const words = entityType.replace(/_/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : '';
}

/** The event's detail as "key: value" pairs; the API keeps it to ids and codes. */
export function detailText(event: Pick<AuditEventResponse, 'detail'>): string {
  return Object.entries(event.detail ?? {})
    .map(([key, value]) => `${key}: ${value === null ? '–' : String(value)}`)
    .join(', ');
}

/** Start of a local calendar day ("2026-01-31") as an ISO instant. */
export function startOfDay(date: string): string {
  return new Date(`${date}T00:00:00`).toISOString();
}

/** End of a local calendar day as an ISO instant, so "to 31 January" includes that whole day. */
export function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59.999`).toISOString();
}
