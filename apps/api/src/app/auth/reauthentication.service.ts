import { Injectable } from '@nestjs/common';
import { ACCOUNT_SIGN_IN_DELAY, AuditAction, AuditRecordType } from '@heard/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { verifyPassword } from '../../platform/auth/passwords';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { User } from '../users/entities/user.entity';
import { accountDelayKey, claimTry, forgiveTry } from './login-throttle';
import { emailOf } from '../users/email-of';

export const WRONG_PASSWORD_AGAIN = 'That password is not right.';

/**
 * The password asked for again before a change to what signing in relies on: the email, the
 * password, a second factor, the sessions elsewhere (OWASP ASVS 5.0 6.4, 7.5.1, 7.5.2). One home
 * for every such form. Wrong passwords count with wrong sign-in passwords for the account, so a
 * stolen session cannot guess the password faster than the sign-in page allows.
 */
@Injectable()
export class ReauthenticationService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Returns the account when `password` is its password; otherwise 400 on `field`, or 429 while slowed down. */
  async confirm(actor: Actor, password: string, field: string): Promise<User> {
    const user = await this.db.getRepository(User).findOneByOrFail({ id: actor.userId });
    const key = accountDelayKey(emailOf(user));
    // Claimed before checking, so parallel guesses cannot all slip through while the count is 0.
    const wait = await claimTry(this.db, [{ key, policy: ACCOUNT_SIGN_IN_DELAY }], this.clock.now());
    if (wait > 0) {
      throw new DomainError(
        'rate_limited',
        `Too many wrong passwords. Wait ${wait} second${wait === 1 ? '' : 's'}, then try again.`,
        undefined,
        { 'Retry-After': String(wait) },
      );
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.audit.for(actor).record(null, {
        action: AuditAction.SignInFailed,
        type: AuditRecordType.User,
        id: user.id,
        detail: { reason: 'wrong_reauthentication_password' },
      });
      // 400 on the field, not 401: the session is fine, and the web app takes a 401 as "signed out".
      throw DomainError.validation(field, WRONG_PASSWORD_AGAIN);
    }
    await forgiveTry(this.db, key);
    return user;
  }
}
