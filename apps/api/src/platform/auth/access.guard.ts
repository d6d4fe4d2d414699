import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditAction, AuditRecordType, PendingSignInStep } from '@heard/domain';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../errors/domain-error';
import { ACCESS_KEY, AccessRule, DURING_SIGN_IN_KEY } from './access.decorator';
import { AuthenticatedRequest, requestIdOf } from './auth-context';
import { SessionService } from './session.service';
import { safeEqual } from './tokens';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before every route: finds the session, checks the route's declared access rule, and checks
 * the CSRF token on writes. A route with no rule is refused, so forgetting @Allow fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const route = `${context.getClass().name}.${context.getHandler().name}`;

    const cookies = (req.cookies ?? {}) as Record<string, string | undefined>;
    const lookup = await this.sessions.lookup(cookies[this.sessions.cookieName]);
    if (lookup.ok) {
      const { resolved } = lookup;
      req.actor = {
        userId: resolved.userId,
        role: resolved.role,
        sessionId: resolved.session.id,
        requestId: requestIdOf(req),
        pendingStep: resolved.pendingStep,
      };
      req.csrfToken = resolved.session.csrfToken;
    }

    if (!rule) {
      await this.refuse(req, route, 'no_access_rule');
      throw new DomainError('forbidden', 'This action is not available.');
    }
    if (rule.kind === 'public') return true;

    if (!req.actor) {
      throw new DomainError(
        'unauthenticated',
        lookup.ok === false && lookup.reason === 'ended'
          ? 'Your session has ended. Please sign in again.'
          : 'Please sign in.',
      );
    }
    if (req.actor.pendingStep) {
      const allowed =
        this.reflector.getAllAndOverride<PendingSignInStep[] | undefined>(DURING_SIGN_IN_KEY, [
          context.getHandler(),
          context.getClass(),
        ]) ?? [];
      if (!allowed.includes(req.actor.pendingStep)) {
        await this.refuse(req, route, req.actor.pendingStep);
        throw new DomainError(
          'sign_in_incomplete',
          req.actor.pendingStep === 'second_factor'
            ? 'Finish signing in first: use your passkey, the code from your authenticator app, or a recovery code.'
            : 'Your account needs a second factor. Set up a passkey or an authenticator app before doing anything else.',
        );
      }
    }
    if (!rule.roles.includes(req.actor.role)) {
      await this.refuse(req, route, 'role');
      throw new DomainError(
        'forbidden',
        'Your role does not allow this. Ask an administrator if you need it.',
      );
    }
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.header('x-xsrf-token');
      if (!header || !req.csrfToken || !safeEqual(header, req.csrfToken)) {
        await this.refuse(req, route, 'csrf');
        throw new DomainError(
          'csrf',
          'This request is missing its security token. Reload the page and try again.',
        );
      }
    }
    return true;
  }

  private async refuse(req: AuthenticatedRequest, route: string, reason: string): Promise<void> {
    await this.audit.record({
      actorUserId: req.actor?.userId ?? null,
      action: AuditAction.AccessRefused,
      entityType: AuditRecordType.Route,
      entityId: route.slice(0, 64),
      detail: { reason, method: req.method },
      requestId: requestIdOf(req),
    });
  }
}
