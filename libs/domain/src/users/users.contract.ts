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
  email: string;
  displayName: string;
  role: Role;
  status: UserStatus;
  createdAt: string;
  lastSignedInAt: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const PageQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1, 'Pages start at 1.').max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100, 'At most 100 a page.').default(25),
  })
  .strict();
