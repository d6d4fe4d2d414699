import { Inject, Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  AuthMethod,
  ENROLMENT_GLOBAL_DELAY,
  EnrolmentPasskeyRequest,
  PasskeyOptionsResponse,
  SessionResponse,
  enrolmentCodeRefusal,
} from '@heard/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Renewed, SessionService } from '../../platform/auth/session.service';
import { sha256 } from '../../platform/auth/tokens';
import { Clock } from '../../platform/clock';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { DomainError } from '../../platform/errors/domain-error';
import { AuthService, SignInOutcome } from '../auth/auth.service';
import { addressClaim, claimTry, forgiveTry } from '../auth/login-throttle';
import { PasskeysService } from '../auth/passkeys.service';
import { User } from '../users/entities/user.entity';
import { enrolmentCodeHash } from './enrolment-code-hash';
import { claimCode, codeByHash } from './enrolment.queries';

// The same words for a code never issued, used, replaced or too old: the reason is only audited.
const CODE_REFUSED =
  'That code does not work. It may be typed wrong, used already, or more than 10 minutes old. Ask our team for a new one.';
/** Every wrong code from everywhere counts here too, so guessing from many addresses is bounded. */
export const ENROLMENT_GLOBAL_KEY = sha256('enrolment:global');
const PASSKEY_LABEL = 'My passkey';

class AccountNotActive extends Error {
  constructor(
    readonly userId: string | null,
    readonly codeId: string,
  ) {
    super('account_not_active');
  }
}

/**
 * A young expert using their officer's code (decision 0019): the code starts a session that may
 * only register a passkey for this device or sign in just this time. Guessing is slowed down per
 * address (shared with the other ways of signing in) and for everyone at once.
 */
@Injectable()
export class EnrolmentService {
  constructor(
    private readonly db: DataSource,
    private readonly sessions: SessionService,
    private readonly auth: AuthService,
    private readonly passkeys: PasskeysService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async useCode(
    code: string,
    context: { clientAddress: string; requestId: string | null; previousSessionId: string | null },
  ): Promise<SignInOutcome> {
    const now = this.clock.now();
    const address = addressClaim(context.clientAddress, this.config.loginAttemptsPerWindow);
    const wait = await claimTry(
      this.db,
      [address, { key: ENROLMENT_GLOBAL_KEY, policy: ENROLMENT_GLOBAL_DELAY }],
      now,
    );
    if (wait > 0) {
      await this.refused(null, 'slowed_down', null, context.requestId);
      throw new DomainError(
        'rate_limited',
        `Too many tries. Wait ${wait} second${wait === 1 ? '' : 's'}, then try again.`,
        undefined,
        { 'Retry-After': String(wait) },
      );
    }
    const hash = enrolmentCodeHash(code);
    let outcome: SignInOutcome | null;
    try {
      outcome = await this.db.transaction(async (em) => {
        const claimed = await claimCode(em, hash, now);
        if (!claimed) return null;
        const user = await em.getRepository(User).findOneBy({ youngPersonId: claimed.youngPersonId });
        // Thrown, so the claim rolls back: an account switched off since keeps its code unused.
        if (user?.status !== 'active') throw new AccountNotActive(user?.id ?? null, claimed.id);
        if (context.previousSessionId) await this.sessions.end(context.previousSessionId, 'replaced', em);
        await forgiveTry(em, address.key);
        await forgiveTry(em, ENROLMENT_GLOBAL_KEY);
        const { token, session } = await this.sessions.create(em, user.id, [AuthMethod.EnrolmentCode]);
        await this.audit.record(
          {
            actorUserId: user.id,
            action: AuditAction.SignIn,
            entityType: AuditRecordType.User,
            entityId: user.id,
            detail: { method: AuthMethod.EnrolmentCode, step: 'code', codeId: claimed.id },
            requestId: context.requestId,
          },
          em,
        );
        return { token, response: await this.auth.sessionResponse(user, session, em) };
      });
    } catch (error) {
      if (!(error instanceof AccountNotActive)) throw error;
      await this.refused(error.userId, 'account_not_active', error.codeId, context.requestId);
      throw new DomainError('unauthenticated', CODE_REFUSED);
    }
    if (outcome) return outcome;
    const stored = await codeByHash(this.db, hash);
    const reason = stored ? (enrolmentCodeRefusal(stored, now) ?? 'taken_at_once') : 'unknown';
    await this.refused(null, reason, stored?.id ?? null, context.requestId);
    throw new DomainError('unauthenticated', CODE_REFUSED);
  }

  /** Options for a passkey on this device: needs a session that a code started, nothing chosen yet. */
  passkeyOptions(actor: Actor): Promise<PasskeyOptionsResponse> {
    this.assertChoosing(actor);
    return this.passkeys.startRegistration(actor, 'required');
  }

  /** Keeps the passkey; the session is replaced by one that is fully signed in. */
  async registerPasskey(actor: Actor, request: EnrolmentPasskeyRequest): Promise<Renewed<SessionResponse>> {
    this.assertChoosing(actor);
    const renewed = await this.passkeys.register(
      actor,
      { label: request.label ?? PASSKEY_LABEL, response: request.response },
      true,
    );
    await this.db.getRepository(User).update({ id: actor.userId }, { lastSignedInAt: this.clock.now() });
    const response = await this.auth.current({ ...actor, sessionId: sha256(renewed.token) });
    return { token: renewed.token, csrfToken: renewed.csrfToken, response };
  }

  /** On a shared device: signed in for this session only; nothing is kept on the device. */
  async justThisTime(actor: Actor): Promise<Renewed<SessionResponse>> {
    this.assertChoosing(actor);
    return this.db.transaction(async (em) => {
      const { token, session } = await this.sessions.renew(
        em,
        actor,
        AuthMethod.JustThisTime,
        'enrolment_just_this_time',
      );
      await em.update(User, { id: actor.userId }, { lastSignedInAt: this.clock.now() });
      await this.audit.for(actor).record(em, {
        action: AuditAction.SignIn,
        type: AuditRecordType.User,
        id: actor.userId,
        detail: { method: AuthMethod.EnrolmentCode, step: AuthMethod.JustThisTime },
      });
      const user = await em.getRepository(User).findOneByOrFail({ id: actor.userId });
      return {
        token,
        csrfToken: session.csrfToken,
        response: await this.auth.sessionResponse(user, session, em),
      };
    });
  }

  private assertChoosing(actor: Actor): void {
    if (actor.pendingStep !== 'enrolment') {
      throw new DomainError(
        'conflict',
        'This is only for right after typing a code. Ask our team for a new code.',
      );
    }
  }

  private refused(userId: string | null, reason: string, codeId: string | null, requestId: string | null) {
    return this.audit.record({
      actorUserId: userId,
      action: AuditAction.SignInFailed,
      entityType: AuditRecordType.User,
      entityId: userId,
      detail: { reason: `enrolment_code_${reason}`, codeId },
      requestId,
    });
  }
}
