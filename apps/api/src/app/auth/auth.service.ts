import { Inject, Injectable } from '@nestjs/common';
import {
  AcceptInvitationRequest,
  AuditAction,
  AuditRecordType,
  SessionResponse,
  SignInRequest,
  afterFailedAttempt,
  isLocked,
  minutesUntilUnlocked,
  passwordProblems,
} from '@heard/domain';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords';
import { Session } from '../../platform/auth/session.entity';
import { SessionService } from '../../platform/auth/session.service';
import { sha256 } from '../../platform/auth/tokens';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { DomainError } from '../../platform/errors/domain-error';
import { User } from '../users/entities/user.entity';
import { countLoginAttempt } from './login-throttle';

const WRONG_DETAILS = 'The email or password is not right.';

export interface SignInOutcome {
  token: string;
  response: SessionResponse;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signIn(
    request: SignInRequest,
    context: { clientAddress: string; requestId: string | null; previousSessionId: string | null },
  ): Promise<SignInOutcome> {
    const throttle = await countLoginAttempt(this.db, context.clientAddress);
    if (throttle.attempts > this.config.loginAttemptsPerWindow) {
      await this.audit.record({
        actorUserId: null,
        action: AuditAction.SignInFailed,
        entityType: AuditRecordType.User,
        detail: { reason: 'rate_limited' },
        requestId: context.requestId,
      });
      throw new DomainError(
        'rate_limited',
        `Too many sign-in attempts from this device. Try again in ${Math.ceil(throttle.retryAfterSeconds / 60)} minutes.`,
        undefined,
        { 'Retry-After': String(throttle.retryAfterSeconds) },
      );
    }

    const user = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = :email', { email: request.email })
      .getOne();
    const now = new Date();

    if (user && isLocked(user, now)) {
      await this.failed(user.id, 'locked', context.requestId);
      throw this.lockedError(minutesUntilUnlocked(user, now));
    }
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, request.password);
    if (!user || user.status !== 'active' || !passwordOk) {
      if (user && user.status === 'active') {
        const next = afterFailedAttempt(user, now);
        await this.db.getRepository(User).update({ id: user.id }, next);
        await this.failed(user.id, 'wrong_password', context.requestId);
        if (isLocked(next, now)) throw this.lockedError(minutesUntilUnlocked(next, now));
      } else {
        await this.failed(
          user?.id ?? null,
          user ? `status_${user.status}` : 'unknown_user',
          context.requestId,
        );
      }
      throw new DomainError('unauthenticated', WRONG_DETAILS);
    }

    return this.db.transaction(async (em) => {
      // A new session id on every sign-in; any session the browser already had is ended (no fixation).
      if (context.previousSessionId) await this.sessions.end(context.previousSessionId, 'replaced', em);
      await em.update(User, { id: user.id }, { failedAttempts: 0, lockedUntil: null, lastSignedInAt: now });
      const { token, session } = await this.sessions.create(em, user.id);
      await this.audit.record(
        {
          actorUserId: user.id,
          action: AuditAction.SignIn,
          entityType: AuditRecordType.User,
          entityId: user.id,
          requestId: context.requestId,
        },
        em,
      );
      return { token, response: this.sessionResponse(user, session) };
    });
  }

  async signOut(actor: Actor): Promise<void> {
    await this.db.transaction(async (em) => {
      await this.sessions.end(actor.sessionId, 'signed_out', em);
      await this.audit
        .for(actor)
        .record(em, { action: AuditAction.SignOut, type: AuditRecordType.User, id: actor.userId });
    });
  }

  async current(actor: Actor): Promise<SessionResponse> {
    const session = await this.db
      .getRepository(Session)
      .findOneOrFail({ where: { id: actor.sessionId }, relations: { user: true } });
    return this.sessionResponse(session.user, session);
  }

  async acceptInvitation(request: AcceptInvitationRequest, requestId: string | null): Promise<void> {
    const user = await this.db.getRepository(User).findOne({
      where: {
        invitationTokenHash: sha256(request.token),
        status: 'invited',
        invitationExpiresAt: MoreThan(new Date()),
      },
    });
    if (!user) {
      throw new DomainError(
        'not_found',
        'This invitation link has expired or has already been used. Ask your administrator for a new one.',
      );
    }
    const problems = passwordProblems(request.password, user.email);
    if (problems.length > 0) throw new DomainError('validation', problems[0], { password: problems });
    const passwordHash = await hashPassword(request.password);
    await this.db.transaction(async (em) => {
      const result = await em.update(
        User,
        { id: user.id, status: 'invited', invitationTokenHash: user.invitationTokenHash ?? IsNull() },
        {
          passwordHash,
          status: 'active',
          invitationTokenHash: null,
          invitationExpiresAt: null,
          updatedAt: new Date(),
        },
      );
      if (!result.affected) throw new DomainError('conflict', 'This invitation has just been used.');
      await this.audit.record(
        {
          actorUserId: user.id,
          action: AuditAction.Update,
          entityType: AuditRecordType.User,
          entityId: user.id,
          detail: { change: 'accepted_invitation' },
          requestId,
        },
        em,
      );
    });
  }

  private sessionResponse(user: User, session: Session): SessionResponse {
    return {
      user: { id: user.id, displayName: user.displayName, email: user.email, role: user.role },
      csrfToken: session.csrfToken,
      expiresAt: this.sessions.expiresAt(session).toISOString(),
    };
  }

  private lockedError(minutes: number): DomainError {
    return new DomainError(
      'locked',
      `This account is locked for ${minutes} minute${minutes === 1 ? '' : 's'} after too many wrong passwords. Try again then, or ask an administrator.`,
    );
  }

  private failed(userId: string | null, reason: string, requestId: string | null) {
    return this.audit.record({
      actorUserId: userId,
      action: AuditAction.SignInFailed,
      entityType: AuditRecordType.User,
      entityId: userId,
      detail: { reason },
      requestId,
    });
  }
}
