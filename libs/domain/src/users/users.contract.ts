import { z } from 'zod';
import { Role } from '../roles/role';
import { EmailSchema } from '../auth/auth.contract';

export const displayNameSchema = z
  .string({ error: 'Enter a name.' })
  .trim()
  .min(1, 'Enter a name.')
  .max(100, 'Names are at most 100 characters.');

export const InviteUserRequestSchema = z
  .object({
    email: EmailSchema,
    displayName: displayNameSchema,
    role: z.enum(Role, { error: 'Choose a role.' }),
  })
  .strict();
export type InviteUserRequest = z.infer<typeof InviteUserRequestSchema>;

export const ChangeRoleRequestSchema = z.object({ role: z.enum(Role, { error: 'Choose a role.' }) }).strict();
export type ChangeRoleRequest = z.infer<typeof ChangeRoleRequestSchema>;

export type UserStatus = 'invited' | 'active' | 'deactivated';

export interface UserResponse {
  id: string;
  /** Null for a young expert's account: they sign in with a passkey or an officer's code. */
  email: string | null;
  displayName: string;
  role: Role;
  status: UserStatus;
  createdAt: string;
  lastSignedInAt: string | null;
  secondFactorEnrolled: boolean;
  /** What applies: true for roles that always require one, else the per-person setting. */
  secondFactorRequired: boolean;
  /** Worries go to this person at once (docs/worries.md). */
  safeguardingContact: boolean;
}

export interface Page<T> {
  items: T[];
  /** Exact, unless `totalIsLowerBound`: then there are at least this many (see countLimitFor). */
  total: number;
  totalIsLowerBound?: boolean;
  page: number;
  pageSize: number;
}

/** Counting stops here on big lists: "more than 1,000" is as useful as the exact figure and far cheaper. */
export const COUNT_CAP = 1000;

/**
 * How far to count for a page: past the cap, and always one row beyond the requested page, so a
 * lower-bound total still tells a paginator that a next page exists.
 */
export function countLimitFor(page: number, pageSize: number): number {
  return Math.max(COUNT_CAP, page * pageSize) + 1;
}

/** The total to report from a count that stopped at `limit`. */
export function pageTotal(
  counted: number,
  limit: number,
): Pick<Page<unknown>, 'total' | 'totalIsLowerBound'> {
  return counted >= limit ? { total: limit, totalIsLowerBound: true } : { total: counted };
}

export const PageQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1, 'Pages start at 1.').max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100, 'At most 100 a page.').default(25),
  })
  .strict();
