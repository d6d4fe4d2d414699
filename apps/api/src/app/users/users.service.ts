import { Inject, Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  CALENDAR_FEED_ROLES,
  CalendarFeedScope,
  InviteUserRequest,
  Page,
  Role,
  UserResponse,
  ROLE_LABELS,
  mayHoldCalendarFeed,
  roleRequiresSecondFactor,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { SessionService } from '../../platform/auth/session.service';
import { Clock } from '../../platform/clock';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { DomainError } from '../../platform/errors/domain-error';
import { MailService } from '../../platform/mail/mail.service';
import { accountDelayKey, clearDelay } from '../auth/login-throttle';
import { issueInvitation, issuePasswordReset } from './account-links';
import { User } from './entities/user.entity';
import { toUserResponse } from './user.mapper';
import { countPasskeys } from '../auth/passkeys.queries';
import { clearSecondFactor } from '../auth/second-factor.service';

@Injectable()
export class UsersService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    private readonly mail: MailService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(page: number, pageSize: number): Promise<Page<UserResponse>> {
    const [users, total] = await this.db.getRepository(User).findAndCount({
      order: { displayName: 'ASC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const counts: { userId: string; n: number }[] = users.length
      ? await this.db.query(
          `SELECT user_id AS "userId", count(*)::int AS n FROM passkeys WHERE user_id = ANY($1) GROUP BY user_id`,
          [users.map((u) => u.id)],
        )
      : [];
    const passkeys = new Map(counts.map((c) => [c.userId, c.n]));
    return { items: users.map((u) => toUserResponse(u, passkeys.get(u.id) ?? 0)), total, page, pageSize };
  }

  async invite(actor: Actor, request: InviteUserRequest): Promise<UserResponse> {
    return this.db.transaction(async (em) => {
      const existing = await em
        .getRepository(User)
        .createQueryBuilder('u')
        .where('lower(u.email) = :email', { email: request.email })
        .getExists();
      if (existing) {
        throw DomainError.validation(
          'email',
          'Someone already has an account with this email address. To help them in, find them in the list and resend their invitation or send them a password reset link.',
        );
      }
      const user = await em.save(
        em.create(User, {
          email: request.email,
          displayName: request.displayName,
          role: request.role,
          status: 'invited',
          passwordHash: null,
        }),
      );
      await issueInvitation(em, this.mail, this.config.publicUrl, user, this.clock.now());
      await this.audit.for(actor).record(em, {
        action: AuditAction.Create,
        type: AuditRecordType.User,
        id: user.id,
        detail: { role: user.role },
      });
      // Just invited: no passkey yet.
      return toUserResponse(user, 0);
    });
  }

  changeRole(actor: Actor, userId: string, role: Role): Promise<UserResponse> {
    return this.change(actor, userId, 'change_role', async (em, user) => {
      if (user.id === actor.userId) {
        throw new DomainError('conflict', 'You cannot change your own role. Ask another administrator.');
      }
      await em.update(User, { id: user.id }, { role, updatedAt: new Date() });
      // Feeds end with the role that allowed them: revoked, so the role given back does not revive
      // an address that may have been passed on meanwhile.
      const ended = (Object.keys(CALENDAR_FEED_ROLES) as CalendarFeedScope[]).filter(
        (scope) => !mayHoldCalendarFeed(role, scope),
      );
      const revoked: unknown[] = ended.length
        ? await em.query(
            `UPDATE calendar_feeds SET revoked_at = now() WHERE owner_user_id = $1 AND revoked_at IS NULL
                AND scope = ANY($2::text[]) RETURNING id`,
            [user.id, ended],
          )
        : [];
      return { from: user.role, to: role, calendarFeedsRevoked: revoked.length };
    });
  }

  deactivate(actor: Actor, userId: string): Promise<UserResponse> {
    return this.change(actor, userId, 'deactivate', async (em, user) => {
      if (user.id === actor.userId) {
        throw new DomainError(
          'conflict',
          'You cannot deactivate your own account. Ask another administrator.',
        );
      }
      if (user.status === 'deactivated')
        throw new DomainError('conflict', 'This account is already deactivated.');
      await em.update(
        User,
        { id: user.id },
        {
          status: 'deactivated',
          invitationTokenHash: null,
          passwordResetTokenHash: null,
          passwordResetExpiresAt: null,
          updatedAt: new Date(),
        },
      );
      // Deactivation takes effect at once: every open session of that user ends now.
      const ended = await this.sessions.endAllFor(em, user.id, 'user_deactivated');
      return { sessionsEnded: ended };
    });
  }

  reactivate(actor: Actor, userId: string): Promise<UserResponse> {
    return this.change(actor, userId, 'reactivate', async (em, user) => {
      if (user.status !== 'deactivated')
        throw new DomainError('conflict', 'This account is not deactivated.');
      // An account that never set a password goes back to needing an invitation.
      // A young expert's account has neither, and signs in with a passkey or a code: active again.
      const status = user.passwordHash || user.email === null ? 'active' : 'invited';
      await em.update(User, { id: user.id }, { status, updatedAt: new Date() });
      if (user.email !== null) await clearDelay(em, accountDelayKey(user.email));
      return { status };
    });
  }

  resendInvitation(actor: Actor, userId: string): Promise<UserResponse> {
    return this.change(actor, userId, 'resend_invitation', async (em, user) => {
      if (user.status === 'active') {
        throw new DomainError(
          'conflict',
          'This person has already set a password. Send them a password reset link instead.',
        );
      }
      if (user.status === 'deactivated') {
        throw new DomainError('conflict', 'This account is deactivated. Reactivate it first.');
      }
      await issueInvitation(em, this.mail, this.config.publicUrl, user, this.clock.now());
      return {};
    });
  }

  sendPasswordReset(actor: Actor, userId: string): Promise<UserResponse> {
    return this.change(actor, userId, 'send_password_reset', async (em, user) => {
      if (user.status === 'invited') {
        throw new DomainError(
          'conflict',
          'This person has not set a password yet. Resend their invitation instead.',
        );
      }
      if (user.status === 'deactivated') {
        throw new DomainError('conflict', 'This account is deactivated. Reactivate it first.');
      }
      await issuePasswordReset(em, this.mail, this.config.publicUrl, user, this.clock.now());
      return {};
    });
  }

  liftSignInDelay(actor: Actor, userId: string): Promise<UserResponse> {
    return this.change(actor, userId, 'lift_sign_in_delay', async (em, user) => {
      const lifted = user.email !== null && (await clearDelay(em, accountDelayKey(user.email)));
      return { lifted: lifted ? 1 : 0 };
    });
  }

  /**
   * Forgets the person's authenticator app, recovery codes and passkeys and ends every session they have; the
   * account is marked as needing a second factor, so their next sign-in goes straight to enrolment.
   */
  resetSecondFactor(actor: Actor, userId: string): Promise<UserResponse> {
    return this.change(actor, userId, 'reset_second_factor', async (em, user) => {
      const now = this.clock.now();
      const had = await clearSecondFactor(em, user.id, now);
      await em.update(User, { id: user.id }, { secondFactorRequired: true });
      const sessionsEnded = await this.sessions.endAllFor(em, user.id, 'second_factor_reset');
      return {
        hadFactor: had.totp || had.passkeys > 0 ? 1 : 0,
        totpRemoved: had.totp ? 1 : 0,
        passkeysRemoved: had.passkeys,
        sessionsEnded,
      };
    });
  }

  /** Ends every session the person has (a lost laptop, a shared computer left signed in); they sign in again. */
  endSessions(actor: Actor, userId: string): Promise<UserResponse> {
    return this.change(actor, userId, 'end_sessions', async (em, user) => ({
      sessionsEnded: await this.sessions.endAllFor(em, user.id, 'ended_by_administrator'),
    }));
  }

  setSecondFactorRequired(actor: Actor, userId: string, required: boolean): Promise<UserResponse> {
    return this.change(actor, userId, 'second_factor_required', async (em, user) => {
      // Refused rather than stored: a flag that changes nothing would read as if it had.
      if (roleRequiresSecondFactor(user.role)) {
        throw DomainError.validation(
          'required',
          `A second factor is always required for the role ${ROLE_LABELS[user.role].toLowerCase()}, so it cannot be switched on or off per person.`,
        );
      }
      await em.update(User, { id: user.id }, { secondFactorRequired: required, updatedAt: this.clock.now() });
      return { required: required ? 1 : 0 };
    });
  }

  /** Whether worries go to this person; only active accounts receive them (docs/worries.md). */
  setSafeguardingContact(actor: Actor, userId: string, contact: boolean): Promise<UserResponse> {
    return this.change(actor, userId, 'safeguarding_contact', async (em, user) => {
      await em.update(User, { id: user.id }, { safeguardingContact: contact, updatedAt: this.clock.now() });
      return { from: user.safeguardingContact ? 1 : 0, to: contact ? 1 : 0 };
    });
  }

  private async change(
    actor: Actor,
    userId: string,
    change: string,
    apply: (em: EntityManager, user: User) => Promise<Record<string, string | number>>,
  ): Promise<UserResponse> {
    return this.db.transaction(async (em) => {
      const user = await em
        .getRepository(User)
        .findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw DomainError.notFound('This user');
      const detail = await apply(em, user);
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.User,
        id: user.id,
        detail: { change, ...detail },
      });
      return toUserResponse(
        await em.getRepository(User).findOneByOrFail({ id: user.id }),
        await countPasskeys(em, user.id),
      );
    });
  }
}
