import { Injectable } from '@nestjs/common';
import {
  ACCOUNT_SIGN_IN_DELAY,
  AuditAction,
  AuditRecordType,
  AuthMethod,
  ConfirmTotpRequest,
  ReauthenticateRequest,
  RecoveryCodesResponse,
  SecondFactorRequest,
  SessionResponse,
  TotpEnrolmentResponse,
  mayRemoveFactor,
  secondFactorStatus,
} from '@heard/domain';
import { randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Session } from '../../platform/auth/session.entity';
import { Renewed, SessionService } from '../../platform/auth/session.service';
import { sha256 } from '../../platform/auth/tokens';
import { matchTotp, newTotpSecret, otpauthUri } from '../../platform/auth/totp';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { User } from '../users/entities/user.entity';
import { AuthService, SignInOutcome } from './auth.service';
import { claimTry, clearDelay, forgiveTry } from './login-throttle';
import { countPasskeys, deletePasskeysOf } from './passkeys.queries';
import { ReauthenticationService } from './reauthentication.service';
import { emailOf } from '../users/email-of';

export const RECOVERY_CODE_COUNT = 10;
// Conditional writes below are wrapped as WITH changed AS (UPDATE … RETURNING) SELECT: TypeORM
// answers a bare UPDATE … RETURNING with [rows, count], which would always look like one change.

// No 0/1/O/I/L: recovery codes are read off paper and typed by hand.
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const RECOVERY_CODE_LENGTH = 25;

const WRONG_CODE =
  'That code is not right, or it has already been used. Wait for the next code and try again.';
const WRONG_RECOVERY_CODE = 'That recovery code is not right, or it has already been used.';

/** Wrong codes and wrong re-authentication passwords are counted per account, like wrong passwords per email. */
function secondFactorDelayKey(userId: string): string {
  return sha256(`second-factor:user:${userId}`);
}

/** Stored per user, so one hash cannot be tried against every account's codes at once. */
function recoveryCodeHash(userId: string, code: string): string {
  return sha256(`${userId}:${code.replace(/[\s-]/g, '').toUpperCase()}`);
}

/**
 * 25 characters from 31: about 124 bits, over the 112 that OWASP ASVS 5.0 (6.5.2) asks of a lookup
 * secret kept as a plain hash. Shorter codes would need a slow, salted hash for each of ten codes,
 * tried at every attempt. Printed in five groups of five to be copied by hand.
 */
function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < RECOVERY_CODE_LENGTH; i++)
    code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return code.match(/.{5}/g)?.join('-') ?? code;
}

interface FactorRow {
  totpSecret: string | null;
  totpPendingSecret: string | null;
  totpLastStep: string | null;
  passwordHash: string | null;
}

/**
 * The second factor: TOTP enrolment and removal (each after the password again), the second step
 * of signing in (a code or a recovery code), all slowed down per account after five wrong tries.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    private readonly db: DataSource,
    private readonly sessions: SessionService,
    private readonly reauthentication: ReauthenticationService,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  /** The second step of signing in. A new session id replaces the half-signed-in one. */
  async completeSignIn(actor: Actor, request: SecondFactorRequest): Promise<SignInOutcome> {
    const now = this.clock.now();
    await this.refuseWhileSlowedDown(actor.userId, now);
    const factor = await this.factorOf(actor.userId);
    if (actor.pendingStep !== 'second_factor' || !factor.totpSecret) {
      throw new DomainError('conflict', 'This session does not need a second step.');
    }

    let method: string;
    if (request.code !== undefined) {
      const lastStep = factor.totpLastStep === null ? null : Number(factor.totpLastStep);
      const step = matchTotp(factor.totpSecret, request.code, now, lastStep);
      // Conditional on the step still being newer than the last one used: of two uses of one code
      // at once, only one gets through.
      const claimed =
        step !== null &&
        (await this.db.query(
          `WITH changed AS (UPDATE users SET totp_last_step = $2
              WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id)
           SELECT id FROM changed`,
          [actor.userId, step],
        ));
      if (!claimed || (claimed as unknown[]).length === 0) {
        await this.wrong(actor, now, 'wrong_code', 'code', WRONG_CODE);
      }
      method = AuthMethod.Otp;
    } else {
      const used: unknown[] = await this.db.query(
        `WITH changed AS (UPDATE recovery_codes SET used_at = $3
            WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id)
         SELECT id FROM changed`,
        [actor.userId, recoveryCodeHash(actor.userId, request.recoveryCode ?? ''), now],
      );
      if (used.length === 0) {
        await this.wrong(actor, now, 'wrong_recovery_code', 'recoveryCode', WRONG_RECOVERY_CODE);
      }
      method = AuthMethod.RecoveryCode;
    }

    return this.finishSecondStep(actor, method, async (em) => ({
      recoveryCodesLeft: await this.remainingRecoveryCodes(em, actor.userId),
    }));
  }

  /**
   * Ends the half-signed-in session and opens a new one (new id, new CSRF token) that adds `method`
   * to how it was authenticated. Shared by every kind of second step (a code, a recovery code, a
   * passkey), after the step itself has been checked.
   */
  async finishSecondStep(
    actor: Actor,
    method: string,
    detailOf: (em: EntityManager) => Promise<Record<string, string | number>> = async () => ({}),
  ): Promise<SignInOutcome> {
    return this.db.transaction(async (em) => {
      const { token, session } = await this.sessions.renew(em, actor, method, 'second_factor_done');
      await clearDelay(em, secondFactorDelayKey(actor.userId));
      await this.audit.for(actor).record(em, {
        action: AuditAction.SignIn,
        type: AuditRecordType.User,
        id: actor.userId,
        detail: { step: 'second_factor', method, ...(await detailOf(em)) },
      });
      const user = await em.getRepository(User).findOneByOrFail({ id: actor.userId });
      return { token, response: await this.auth.sessionResponse(user, session, em) };
    });
  }

  /** Starts enrolment: a new secret, shown now and never again, waiting for a code from it. */
  async startEnrolment(actor: Actor, request: ReauthenticateRequest): Promise<TotpEnrolmentResponse> {
    const now = this.clock.now();
    await this.reauthentication.confirm(actor, request.password, 'password');
    const user = await this.db.getRepository(User).findOneByOrFail({ id: actor.userId });
    if (user.totpEnrolledAt) {
      throw new DomainError(
        'conflict',
        'You already have an authenticator app set up. Remove it first to set up another.',
      );
    }
    const secret = newTotpSecret();
    const uri = otpauthUri(secret, emailOf(user));
    await this.db.transaction(async (em) => {
      await em.update(User, { id: user.id }, { totpPendingSecret: secret, updatedAt: now });
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.User,
        id: user.id,
        detail: { change: 'second_factor_enrolment_started' },
      });
    });
    return { secret, otpauthUri: uri, qrCodeDataUrl: await QRCode.toDataURL(uri, { margin: 2, width: 240 }) };
  }

  /** Confirms enrolment with a code from the new secret, and gives the recovery codes, once. */
  async confirmEnrolment(actor: Actor, request: ConfirmTotpRequest): Promise<Renewed<RecoveryCodesResponse>> {
    const now = this.clock.now();
    await this.refuseWhileSlowedDown(actor.userId, now);
    const factor = await this.factorOf(actor.userId);
    if (!factor.totpPendingSecret || factor.totpSecret) {
      throw new DomainError(
        'conflict',
        'There is no set-up in progress. Start again: choose "Set up an authenticator app".',
      );
    }
    const step = matchTotp(factor.totpPendingSecret, request.code, now, null);
    if (step === null) await this.wrong(actor, now, 'wrong_enrolment_code', 'code', WRONG_CODE);
    const pending = factor.totpPendingSecret;

    return this.db.transaction(async (em) => {
      const updated: unknown[] = await em.query(
        `WITH changed AS (UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL,
                totp_enrolled_at = $2, totp_last_step = $3, updated_at = $2
          WHERE id = $1 AND totp_pending_secret = $4 AND totp_enrolled_at IS NULL RETURNING id)
         SELECT id FROM changed`,
        [actor.userId, now, step, pending],
      );
      if (updated.length === 0)
        throw new DomainError('conflict', 'This set-up has just been finished or restarted.');
      const recoveryCodes = await this.replaceRecoveryCodes(em, actor.userId, now);
      const otherSessionsEnded = await this.sessions.endOthersFor(em, actor, 'second_factor_changed');
      // This session has just shown a code: a new one, fully signed in, takes its place.
      const renewed = await this.sessions.renew(em, actor, AuthMethod.Otp, 'second_factor_enrolled');
      await clearDelay(em, secondFactorDelayKey(actor.userId));
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.User,
        id: actor.userId,
        detail: {
          change: 'second_factor_enrolled',
          method: 'totp',
          recoveryCodes: recoveryCodes.length,
          otherSessionsEnded,
        },
      });
      return { token: renewed.token, csrfToken: renewed.session.csrfToken, response: { recoveryCodes } };
    });
  }

  /** Removes the authenticator app; refused while the account must have one (an administrator resets it instead). */
  async remove(actor: Actor, request: ReauthenticateRequest): Promise<SessionResponse> {
    const now = this.clock.now();
    await this.reauthentication.confirm(actor, request.password, 'password');
    const user = await this.db.getRepository(User).findOneByOrFail({ id: actor.userId });
    if (!user.totpEnrolledAt) throw new DomainError('conflict', 'There is no authenticator app to remove.');
    const status = secondFactorStatus({
      role: user.role,
      requiredForPerson: user.secondFactorRequired,
      totpEnrolled: true,
      passkeys: await countPasskeys(this.db, user.id),
    });
    if (!mayRemoveFactor(status, 'totp')) {
      throw new DomainError(
        'conflict',
        'Your account must have a second factor, so it cannot be removed. If you have lost your authenticator app, ask an administrator to reset it.',
      );
    }
    return this.db.transaction(async (em) => {
      await clearTotp(em, user.id, now);
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.User,
        id: user.id,
        detail: {
          change: 'second_factor_removed',
          otherSessionsEnded: await this.sessions.endOthersFor(em, actor, 'second_factor_changed'),
        },
      });
      const session = await em.getRepository(Session).findOneByOrFail({ id: actor.sessionId });
      return this.auth.sessionResponse(
        await em.getRepository(User).findOneByOrFail({ id: user.id }),
        session,
        em,
      );
    });
  }

  /** The password again, before a factor is added or removed; wrong ones are slowed down like codes. */
  /**
   * Claims a try before a code or password is checked (counted as a failure in advance, so parallel
   * guesses cannot all slip through while the count is still 0), or refuses while slowed down.
   */
  async refuseWhileSlowedDown(userId: string, now: Date): Promise<void> {
    const wait = await claimTry(
      this.db,
      [{ key: secondFactorDelayKey(userId), policy: ACCOUNT_SIGN_IN_DELAY }],
      now,
    );
    if (wait > 0) {
      throw new DomainError(
        'rate_limited',
        `Too many wrong codes. Wait ${wait} second${wait === 1 ? '' : 's'}, then try again.`,
        undefined,
        { 'Retry-After': String(wait) },
      );
    }
  }

  /** Takes back the try a claim counted in advance, for a second factor that was right. */
  forgive(userId: string): Promise<void> {
    return forgiveTry(this.db, secondFactorDelayKey(userId));
  }

  /** Audits a wrong code or password (its claim already counted it) and refuses the request. */
  async wrong(actor: Actor, now: Date, reason: string, field: string, message: string): Promise<never> {
    await this.audit.for(actor).record(null, {
      action: AuditAction.SignInFailed,
      type: AuditRecordType.User,
      id: actor.userId,
      detail: { reason },
    });
    throw DomainError.validation(field, message);
  }

  private async factorOf(userId: string): Promise<FactorRow> {
    const rows: FactorRow[] = await this.db.query(
      `SELECT totp_secret AS "totpSecret", totp_pending_secret AS "totpPendingSecret",
              totp_last_step::text AS "totpLastStep", password_hash AS "passwordHash"
         FROM users WHERE id = $1`,
      [userId],
    );
    if (!rows[0]) throw DomainError.notFound('This user');
    return rows[0];
  }

  private async replaceRecoveryCodes(em: EntityManager, userId: string, now: Date): Promise<string[]> {
    await em.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    for (const code of codes) {
      await em.query(`INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES ($1, $2, $3)`, [
        userId,
        recoveryCodeHash(userId, code),
        now,
      ]);
    }
    return codes;
  }

  private async remainingRecoveryCodes(em: EntityManager, userId: string): Promise<number> {
    const [row] = await em.query(
      `SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
    return (row as { n: number }).n;
  }
}

/** Forgets a user's authenticator app and recovery codes (removal by them, or reset by an administrator). */
export async function clearTotp(em: EntityManager, userId: string, now: Date): Promise<void> {
  await em.update(
    User,
    { id: userId },
    { totpSecret: null, totpPendingSecret: null, totpEnrolledAt: null, totpLastStep: null, updatedAt: now },
  );
  await em.query(`DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
}

/**
 * Forgets every second factor a user has: the authenticator app, the recovery codes and every
 * passkey (an administrator's reset, after which the person enrols again). Returns what was there.
 */
export async function clearSecondFactor(
  em: EntityManager,
  userId: string,
  now: Date,
): Promise<{ totp: boolean; passkeys: number }> {
  const [row] = await em.query(`SELECT totp_enrolled_at IS NOT NULL AS totp FROM users WHERE id = $1`, [
    userId,
  ]);
  await clearTotp(em, userId, now);
  const passkeys = await deletePasskeysOf(em, userId);
  return { totp: (row as { totp: boolean } | undefined)?.totp ?? false, passkeys };
}
