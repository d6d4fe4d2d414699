import { Inject, Injectable } from '@nestjs/common';
import {
  ACCOUNT_SIGN_IN_DELAY,
  AcceptInvitationRequest,
  AuditAction,
  AuditRecordType,
  ForgotPasswordRequest,
  ResetPasswordRequest,
  SessionResponse,
  SignInRequest,
  pendingSignInStep,
  secondFactorStatus,
} from '@heard/domain';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { newPasswordProblems } from '../../platform/auth/common-passwords';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords';
import { Session } from '../../platform/auth/session.entity';
import { SessionService } from '../../platform/auth/session.service';
import { sha256 } from '../../platform/auth/tokens';
import { Clock } from '../../platform/clock';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { DomainError } from '../../platform/errors/domain-error';
import { MailService } from '../../platform/mail/mail.service';
import { issueInvitation, issuePasswordReset } from '../users/account-links';
import { User } from '../users/entities/user.entity';
import { passwordChangedMail } from '../users/password-reset-mail';
import { countPasskeys } from './passkeys.queries';
import {
  accountDelayKey,
  addressClaim,
  claimTry,
  clearDelay,
  forgiveTry,
  countInWindow,
} from './login-throttle';
import { emailOf } from '../users/email-of';

const WRONG_DETAILS = 'The email or password is not right.';
const RESET_LINK_GONE =
  'This link has expired or has already been used. Ask for a new one: choose "Forgotten your password?" on the sign-in page.';

/** "Forgotten your password?" requests: per client address, and per email typed (known or not). */
export const RESET_REQUESTS_PER_ADDRESS = { limit: 5, windowMinutes: 15 };
export const RESET_REQUESTS_PER_EMAIL = { limit: 3, windowMinutes: 60 };

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
    private readonly mail: MailService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signIn(
    request: SignInRequest,
    context: { clientAddress: string; requestId: string | null; previousSessionId: string | null },
  ): Promise<SignInOutcome> {
    const now = this.clock.now();
    const accountKey = accountDelayKey(request.email);
    const address = addressClaim(context.clientAddress, this.config.loginAttemptsPerWindow);
    // Claimed before the user is looked up, and keyed by the email typed: a known and an unknown
    // email are slowed down alike, so the answer says nothing about which emails have accounts.
    // The claim counts this try as a failure in advance, so a burst of parallel guesses cannot all
    // pass a count that is still 0.
    const wait = await claimTry(this.db, [address, { key: accountKey, policy: ACCOUNT_SIGN_IN_DELAY }], now);
    if (wait > 0) {
      await this.failed(null, 'slowed_down', context.requestId);
      throw new DomainError(
        'rate_limited',
        `Too many sign-in attempts with these details. Wait ${wait} second${wait === 1 ? '' : 's'}, then try again, or choose "Forgotten your password?".`,
        undefined,
        { 'Retry-After': String(wait) },
      );
    }

    const user = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = :email', { email: request.email })
      .getOne();

    // Exactly one verification on every path (a fixed dummy hash when there is no usable one), so
    // a known email takes no longer to refuse than an unknown one.
    const usableHash = user?.status === 'active' ? user.passwordHash : null;
    const passwordOk = await verifyPassword(usableHash, request.password);
    if (!user || !passwordOk) {
      // The same writes whether or not the email is known: the claim counted the failure under
      // each key; one audit row.
      const reason = !user
        ? 'unknown_user'
        : user.status !== 'active'
          ? `status_${user.status}`
          : 'wrong_password';
      await this.failed(user?.id ?? null, reason, context.requestId);
      throw new DomainError('unauthenticated', WRONG_DETAILS);
    }

    return this.db.transaction(async (em) => {
      // A new session id on every sign-in; any session the browser already had is ended (no fixation).
      if (context.previousSessionId) await this.sessions.end(context.previousSessionId, 'replaced', em);
      await em.update(User, { id: user.id }, { lastSignedInAt: now });
      // The right password forgets the count for this email; the address only loses this try's
      // failure, so a valid account cannot be used to reset the limit between guesses at others.
      await clearDelay(em, accountKey);
      await forgiveTry(em, address.key);
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
      return { token, response: await this.sessionResponse(user, session, em) };
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
    return this.sessionResponse(session.user, session, this.db.manager);
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
    const problems = newPasswordProblems(request.password, emailOf(user));
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

  /**
   * "Forgotten your password?". The same answer whatever the email: a link for an active account,
   * a fresh invitation for one never taken up, nothing for an unknown or deactivated one. Limited
   * per address and per email typed (so the limit too says nothing about which emails exist).
   */
  async requestPasswordReset(
    request: ForgotPasswordRequest,
    context: { clientAddress: string; requestId: string | null },
  ): Promise<void> {
    for (const [key, rule] of [
      [`reset:address:${context.clientAddress}`, RESET_REQUESTS_PER_ADDRESS],
      [`reset:email:${request.email}`, RESET_REQUESTS_PER_EMAIL],
    ] as const) {
      const count = await countInWindow(this.db, key, rule.windowMinutes);
      if (count.attempts > rule.limit) {
        const minutes = Math.ceil(count.retryAfterSeconds / 60);
        throw new DomainError(
          'rate_limited',
          `Too many requests for a new password. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
          undefined,
          { 'Retry-After': String(count.retryAfterSeconds) },
        );
      }
    }
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      const user = await em
        .getRepository(User)
        .createQueryBuilder('u')
        .where('lower(u.email) = :email', { email: request.email })
        .setLock('pessimistic_write')
        .getOne();
      let event = 'password_reset_requested';
      let outcome: string;
      if (user?.status === 'active') {
        await issuePasswordReset(em, this.mail, this.config.publicUrl, user, now);
        outcome = 'link_sent';
      } else if (user?.status === 'invited') {
        await issueInvitation(em, this.mail, this.config.publicUrl, user, now);
        event = 'invitation_resent';
        outcome = 'invitation_sent';
      } else {
        outcome = user ? `status_${user.status}` : 'no_account';
      }
      await this.audit.record(
        {
          actorUserId: null,
          action: AuditAction.Update,
          entityType: AuditRecordType.User,
          entityId: user?.id ?? null,
          detail: { event, outcome },
          requestId: context.requestId,
        },
        em,
      );
    });
  }

  /** Sets a new password from a reset link: once, within 30 minutes, for an active account only. */
  async resetPassword(request: ResetPasswordRequest, requestId: string | null): Promise<void> {
    const now = this.clock.now();
    const tokenHash = sha256(request.token);
    const user = await this.db.getRepository(User).findOne({ where: { passwordResetTokenHash: tokenHash } });
    if (
      !user ||
      user.status !== 'active' ||
      !user.passwordResetExpiresAt ||
      user.passwordResetExpiresAt.getTime() <= now.getTime()
    ) {
      throw new DomainError('not_found', RESET_LINK_GONE);
    }
    const problems = newPasswordProblems(request.password, emailOf(user));
    if (problems.length > 0) throw new DomainError('validation', problems[0], { password: problems });
    const passwordHash = await hashPassword(request.password);
    await this.db.transaction(async (em) => {
      // Conditional on the token still being there: of two uses at once, only one changes anything.
      const result = await em.update(
        User,
        { id: user.id, status: 'active', passwordResetTokenHash: tokenHash },
        { passwordHash, passwordResetTokenHash: null, passwordResetExpiresAt: null, updatedAt: now },
      );
      if (!result.affected) throw new DomainError('not_found', RESET_LINK_GONE);
      // Whoever knew the old password may be signed in somewhere: every session ends.
      const sessionsEnded = await this.sessions.endAllFor(em, user.id, 'password_changed');
      await clearDelay(em, accountDelayKey(emailOf(user)));
      await this.mail.enqueue(
        em,
        passwordChangedMail({
          to: emailOf(user),
          displayName: user.displayName,
          signInLink: `${this.config.publicUrl}/sign-in`,
          userId: user.id,
        }),
      );
      await this.audit.record(
        {
          actorUserId: user.id,
          action: AuditAction.Update,
          entityType: AuditRecordType.User,
          entityId: user.id,
          detail: { event: 'password_reset', sessionsEnded },
          requestId,
        },
        em,
      );
    });
  }

  async sessionResponse(
    user: User,
    session: Session,
    /** The caller's transaction, when there is one: the embedded database has a single connection. */
    em: EntityManager,
  ): Promise<SessionResponse> {
    const secondFactor = secondFactorStatus({
      role: user.role,
      requiredForPerson: user.secondFactorRequired,
      totpEnrolled: user.totpEnrolledAt !== null,
      passkeys: await countPasskeys(em, user.id),
    });
    return {
      user: { id: user.id, displayName: user.displayName, email: user.email, role: user.role },
      csrfToken: session.csrfToken,
      expiresAt: this.sessions.expiresAt(session).toISOString(),
      authMethods: session.authMethods,
      pendingStep: pendingSignInStep(session.authMethods, secondFactor),
      secondFactor,
    };
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
