import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  ChangeEmailRequest,
  ChangePasswordRequest,
  ChangePasswordResponse,
  AccountSessionResponse,
  EndSessionsRequest,
  EndSessionsResponse,
  SessionResponse,
} from '@heard/domain';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { newPasswordProblems } from '../../platform/auth/common-passwords';
import { hashPassword } from '../../platform/auth/passwords';
import { Session } from '../../platform/auth/session.entity';
import { SessionService, sessionRef } from '../../platform/auth/session.service';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { MailService } from '../../platform/mail/mail.service';
import { User } from '../users/entities/user.entity';
import { emailChangedMail, passwordChangedBySelfMail } from './account-mails';
import { AuthService } from './auth.service';
import { ReauthenticationService } from './reauthentication.service';
import { emailOf } from '../users/email-of';

const EMAIL_IN_USE = 'Someone else already signs in with this email address. Choose another.';

/**
 * A signed-in member of staff changing their own password or email. Both ask for the current
 * password again (re-authentication, issue 10), counted in the same per-account slow-down as
 * sign-in, so a session left open cannot be used to guess it or to take the account over.
 */
@Injectable()
export class AccountService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    private readonly sessions: SessionService,
    private readonly reauthentication: ReauthenticationService,
  ) {}

  async changePassword(actor: Actor, request: ChangePasswordRequest): Promise<ChangePasswordResponse> {
    const user = await this.reauthentication.confirm(actor, request.currentPassword, 'currentPassword');
    const problems = newPasswordProblems(request.newPassword, emailOf(user));
    if (problems.length > 0) throw new DomainError('validation', problems[0], { newPassword: problems });
    const passwordHash = await hashPassword(request.newPassword);
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      // A reset link sent earlier would otherwise still set a password over this one.
      await em.update(
        User,
        { id: user.id },
        { passwordHash, passwordResetTokenHash: null, passwordResetExpiresAt: null, updatedAt: now },
      );
      // Whoever knew the old password may be signed in elsewhere; this session stays.
      const otherSessionsEnded = await this.sessions.endOthersFor(em, actor, 'password_changed');
      await this.mail.enqueue(
        em,
        passwordChangedBySelfMail({ to: emailOf(user), displayName: user.displayName, userId: user.id }),
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.User,
        id: user.id,
        detail: { change: 'password_changed', otherSessionsEnded },
      });
      return { otherSessionsEnded };
    });
  }

  async changeEmail(actor: Actor, request: ChangeEmailRequest): Promise<SessionResponse> {
    const user = await this.reauthentication.confirm(actor, request.currentPassword, 'currentPassword');
    const oldEmail = emailOf(user);
    if (request.newEmail === oldEmail.toLowerCase()) {
      throw DomainError.validation('newEmail', 'This is already your email address.');
    }
    const now = this.clock.now();
    try {
      return await this.db.transaction(async (em) => {
        if (await this.emailTaken(em, request.newEmail, user.id)) {
          throw new DomainError('conflict', EMAIL_IN_USE, { newEmail: [EMAIL_IN_USE] });
        }
        // A reset link went to the old address: it must not outlive the change.
        await em.update(
          User,
          { id: user.id },
          {
            email: request.newEmail,
            passwordResetTokenHash: null,
            passwordResetExpiresAt: null,
            updatedAt: now,
          },
        );
        await this.mail.enqueue(
          em,
          emailChangedMail({
            to: oldEmail,
            displayName: user.displayName,
            newEmail: request.newEmail,
            userId: user.id,
          }),
        );
        // Ids only: the audit log does not hold email addresses.
        await this.audit.for(actor).record(em, {
          action: AuditAction.Update,
          type: AuditRecordType.User,
          id: user.id,
          detail: { change: 'email_changed' },
        });
        const session = await em.getRepository(Session).findOneByOrFail({ id: actor.sessionId });
        return this.auth.sessionResponse(
          await em.getRepository(User).findOneByOrFail({ id: user.id }),
          session,
          em,
        );
      });
    } catch (error) {
      // Two people taking the same address at once: the unique index lets one in.
      if (error instanceof QueryFailedError && /users_email_key/.test(error.message)) {
        throw new DomainError('conflict', EMAIL_IN_USE, { newEmail: [EMAIL_IN_USE] });
      }
      throw error;
    }
  }

  private async emailTaken(em: EntityManager, email: string, exceptId: string): Promise<boolean> {
    return em
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = :email AND u.id <> :id', { email, id: exceptId })
      .getExists();
  }

  /**
   * Checks the current password, after claiming a try under the same key as signing in with this
   * email: wrong passwords here and at the sign-in page add up, and the wait is answered 429.
   */

  /** Where the person is signed in, this browser first. */
  async signedInPlaces(actor: Actor): Promise<AccountSessionResponse[]> {
    const sessions = await this.sessions.activeFor(actor.userId);
    return sessions
      .map((session) => ({
        ref: sessionRef(session.id),
        startedAt: session.createdAt.toISOString(),
        lastSeenAt: session.lastSeenAt.toISOString(),
        signedInWith: session.authMethods,
        current: session.id === actor.sessionId,
      }))
      .sort((a, b) => Number(b.current) - Number(a.current));
  }

  /** Signs out one other place, or every other place, after the password again (ASVS 7.5.2). */
  async endSessions(actor: Actor, request: EndSessionsRequest): Promise<EndSessionsResponse> {
    await this.reauthentication.confirm(actor, request.currentPassword, 'currentPassword');
    const target = request.ref
      ? (await this.sessions.activeFor(actor.userId)).find((s) => sessionRef(s.id) === request.ref)
      : undefined;
    if (request.ref && !target) throw DomainError.notFound('That place you were signed in');
    if (target?.id === actor.sessionId) {
      throw DomainError.validation('ref', 'That is where you are now: use "Sign out" to sign out here.');
    }
    return this.db.transaction(async (em) => {
      let sessionsEnded = 1;
      if (target) await this.sessions.end(target.id, 'ended_by_user', em);
      else sessionsEnded = await this.sessions.endOthersFor(em, actor, 'ended_by_user');
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.User,
        id: actor.userId,
        detail: { change: 'sessions_ended', sessionsEnded },
      });
      return { sessionsEnded };
    });
  }
}
