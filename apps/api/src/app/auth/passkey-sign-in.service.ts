import { Inject, Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  AuthMethod,
  PASSKEY_CHALLENGE_MINUTES,
  PasskeyAuthenticationRequest,
  PasskeyOptionsResponse,
} from '@heard/domain';
import { generateAuthenticationOptions, verifyAuthenticationResponse } from '@simplewebauthn/server';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { SessionService } from '../../platform/auth/session.service';
import { Clock } from '../../platform/clock';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { DomainError } from '../../platform/errors/domain-error';
import { User } from '../users/entities/user.entity';
import { AuthService, SignInOutcome } from './auth.service';
import { addressClaim, claimTry, countInWindow, forgiveTry } from './login-throttle';
import { Purpose, challengeFor, challengeOf, isTransport } from './passkey-ceremony';
import {
  PasskeyRow,
  passkeyByCredentialId,
  passkeysOf,
  recordPasskeyUse,
  storeChallenge,
  takeChallenge,
} from './passkeys.queries';
import { SecondFactorService } from './second-factor.service';

// Says nothing about why: not whether the passkey is known, whose it is, or which check failed.
const SIGN_IN_FAILED = 'That passkey could not be used to sign in. Try again, or sign in with your password.';
const SECOND_STEP_FAILED = 'That passkey could not be used. Try again, or use a code instead.';
/** Requests for passkey sign-in options per client address in 15 minutes: each one stores a challenge. */
export const SIGN_IN_OPTIONS_PER_ADDRESS = 60;

/** Why a passkey answer was refused: written to the audit trail, never told to the client. */
class Refused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * Signing in with a passkey: the second step after a password, or a passkey alone (user
 * verification required, so it counts as both factors). Each challenge is used once (decision 0017).
 */
@Injectable()
export class PasskeySignInService {
  constructor(
    private readonly db: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly secondFactor: SecondFactorService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Options for the second step of signing in, naming this account's passkeys. */
  async secondStepOptions(actor: Actor): Promise<PasskeyOptionsResponse> {
    const now = this.clock.now();
    const mine = await passkeysOf(this.db, actor.userId);
    if (actor.pendingStep !== 'second_factor' || mine.length === 0) {
      throw new DomainError('conflict', 'This session does not need a passkey.');
    }
    const options = await generateAuthenticationOptions({
      rpID: this.config.webauthn.rpId,
      allowCredentials: mine.map((p) => ({
        id: p.credentialId,
        transports: p.transports.filter(isTransport),
      })),
      userVerification: 'preferred',
      timeout: PASSKEY_CHALLENGE_MINUTES * 60_000,
    });
    await storeChallenge(this.db, challengeFor(options.challenge, Purpose.SecondFactor, actor, now), now);
    return { options: { ...options } };
  }

  /** The second step of signing in with a passkey. A new session id replaces the half-signed-in one. */
  async completeSecondStep(actor: Actor, request: PasskeyAuthenticationRequest): Promise<SignInOutcome> {
    const now = this.clock.now();
    await this.secondFactor.refuseWhileSlowedDown(actor.userId, now);
    if (actor.pendingStep !== 'second_factor') {
      await this.secondFactor.forgive(actor.userId);
      throw new DomainError('conflict', 'This session does not need a second step.');
    }
    let passkey: PasskeyRow;
    try {
      passkey = await this.check(request, Purpose.SecondFactor, actor.sessionId, now, false, actor.userId);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      return this.secondFactor.wrong(actor, now, `passkey_${error.reason}`, 'response', SECOND_STEP_FAILED);
    }
    return this.secondFactor.finishSecondStep(actor, AuthMethod.Passkey, async () => ({
      passkeyId: passkey.id,
    }));
  }

  /** Options for signing in with a passkey alone: no account named, the browser offers its passkeys. */
  async signInOptions(clientAddress: string): Promise<PasskeyOptionsResponse> {
    const count = await countInWindow(this.db, `passkey-options:address:${clientAddress}`, 15);
    if (count.attempts > SIGN_IN_OPTIONS_PER_ADDRESS) {
      throw new DomainError(
        'rate_limited',
        'Too many sign-in attempts from here. Wait a few minutes, then try again.',
        undefined,
        { 'Retry-After': String(count.retryAfterSeconds) },
      );
    }
    const now = this.clock.now();
    const options = await generateAuthenticationOptions({
      rpID: this.config.webauthn.rpId,
      allowCredentials: [],
      // Required: a passkey alone counts as both factors only with a PIN or biometric on the device.
      userVerification: 'required',
      timeout: PASSKEY_CHALLENGE_MINUTES * 60_000,
    });
    await storeChallenge(this.db, challengeFor(options.challenge, Purpose.SignIn, null, now), now);
    return { options: { ...options } };
  }

  /**
   * Signs in with a passkey alone. Wrong answers are slowed down per client address with the same
   * policy as wrong passwords, and every refusal reads the same.
   */
  async signIn(
    request: PasskeyAuthenticationRequest,
    context: { clientAddress: string; requestId: string | null; previousSessionId: string | null },
  ): Promise<SignInOutcome> {
    const now = this.clock.now();
    const address = addressClaim(context.clientAddress, this.config.loginAttemptsPerWindow);
    const wait = await claimTry(this.db, [address], now);
    if (wait > 0) {
      await this.failed(null, 'slowed_down', context.requestId);
      throw new DomainError(
        'rate_limited',
        `Too many sign-in attempts. Wait ${wait} second${wait === 1 ? '' : 's'}, then try again.`,
        undefined,
        { 'Retry-After': String(wait) },
      );
    }
    let passkey: PasskeyRow;
    let user: User | null = null;
    try {
      passkey = await this.check(request, Purpose.SignIn, null, now, true, null);
      user = await this.db.getRepository(User).findOneBy({ id: passkey.userId });
      if (user?.status !== 'active') throw new Refused(`status_${user?.status ?? 'unknown'}`);
      const handle = request.response.response.userHandle;
      if (handle !== undefined && Buffer.from(handle, 'base64url').toString('utf8') !== user.id) {
        throw new Refused('user_handle_mismatch');
      }
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      await this.failed(user?.id ?? null, `passkey_${error.reason}`, context.requestId);
      throw new DomainError('unauthenticated', SIGN_IN_FAILED);
    }
    const signedIn = user;

    return this.db.transaction(async (em) => {
      if (context.previousSessionId) await this.sessions.end(context.previousSessionId, 'replaced', em);
      await em.update(User, { id: signedIn.id }, { lastSignedInAt: now });
      await forgiveTry(em, address.key);
      const { token, session } = await this.sessions.create(em, signedIn.id, [AuthMethod.Passkey]);
      await this.audit.record(
        {
          actorUserId: signedIn.id,
          action: AuditAction.SignIn,
          entityType: AuditRecordType.User,
          entityId: signedIn.id,
          detail: { method: 'passkey', passkeyId: passkey.id },
          requestId: context.requestId,
        },
        em,
      );
      return { token, response: await this.auth.sessionResponse(signedIn, session, em) };
    });
  }

  /**
   * Checks an assertion: its challenge (taken, so never again; in time; for this purpose and
   * session), a known credential, the signature, and a counter that moved on (a cloned
   * authenticator's goes back), owned by `ownerId` when one is named. Records the use. Throws
   * Refused with the reason otherwise.
   */
  private async check(
    request: PasskeyAuthenticationRequest,
    purpose: Purpose,
    sessionId: string | null,
    now: Date,
    requireUserVerification: boolean,
    ownerId: string | null,
  ): Promise<PasskeyRow> {
    const { response } = request;
    const challenge = challengeOf(response.response.clientDataJSON);
    if (!challenge) throw new Refused('unreadable_client_data');
    const stored = await takeChallenge(this.db, challenge, purpose, sessionId);
    if (!stored) throw new Refused('unknown_challenge');
    if (stored.expiresAt <= now) throw new Refused('expired_challenge');
    const passkey = await passkeyByCredentialId(this.db, response.id);
    if (!passkey) throw new Refused('unknown_credential');
    // Someone else's passkey is refused before it is checked, so its counter is left alone.
    if (ownerId !== null && passkey.userId !== ownerId) throw new Refused('of_another_user');
    let newCounter: number;
    try {
      const verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: this.config.webauthn.origin,
        expectedRPID: this.config.webauthn.rpId,
        credential: {
          id: passkey.credentialId,
          publicKey: passkey.publicKey,
          counter: passkey.counter,
          transports: passkey.transports,
        },
        requireUserVerification,
      });
      if (!verification.verified) throw new Refused('not_verified');
      newCounter = verification.authenticationInfo.newCounter;
    } catch (error) {
      if (error instanceof Refused) throw error;
      // The library refuses a counter that did not move on with this message; the rest are bad signatures or data.
      const message = error instanceof Error ? error.message : '';
      throw new Refused(/counter/i.test(message) ? 'counter_went_back' : 'not_verified');
    }
    if (!(await recordPasskeyUse(this.db, passkey.id, passkey.counter, newCounter, now))) {
      throw new Refused('used_at_once');
    }
    return passkey;
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
