import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { PendingSignInStep, Role } from '@heard/domain';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error';

/** Who is asking, as a service needs to know: ids and role, never a name. */
export interface Actor {
  userId: string;
  role: Role;
  sessionId: string;
  requestId: string | null;
  /** Set while the session is half signed in: only the routes marked @DuringSignIn may be used. */
  pendingStep?: PendingSignInStep;
  /**
   * When the officer made this change on their device, for a change the offline outbox sent later
   * (Heard-Recorded-At): the audit trail records it beside the time it arrived.
   */
  deviceTime?: Date;
}

export interface AuthenticatedRequest extends Request {
  actor?: Actor;
  csrfToken?: string;
  /** Set by the request logger, first of all middleware. */
  id?: string;
}

export function requestIdOf(req: AuthenticatedRequest): string | null {
  return req.id ?? null;
}

/** The signed-in actor; routes that use it are never Public. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!req.actor) throw new DomainError('unauthenticated', 'Please sign in.');
  return req.actor;
});
