import { Inject, Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  AuthMethod,
  PASSKEY_CHALLENGE_MINUTES,
  PasskeyAuthenticationRequest,
  PasskeyOptionsResponse,
  PasskeyRegistrationRequest,
  PasskeyResponse,
  ReauthenticateRequest,
  addressSignInDelay,
  mayRemoveFactor,
  secondFactorStatus,
} from '@heard/domain';
import {
  AuthenticatorTransport,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Renewed, SessionService } from '../../platform/auth/session.service';
import { Clock } from '../../platform/clock';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { DomainError } from '../../platform/errors/domain-error';
import { User } from '../users/entities/user.entity';
import { AuthService, SignInOutcome } from './auth.service';
import { addressDelayKey, claimTry, countInWindow, forgiveTry } from './login-throttle';
import {
  PasskeyRow,
  countPasskeys,
  deletePasskey,
  insertPasskey,
  passkeyByCredentialId,
  passkeysOf,
  recordPasskeyUse,
  storeChallenge,
  takeChallenge,
} from './passkeys.queries';
import { SecondFactorService } from './second-factor.service';
import { ReauthenticationService } from './reauthentication.service';

/** What a stored challenge was given out for; an answer is only checked against its own kind. */
const Purpose = {
  Registration: 'registration',
  SecondFactor: 'second_factor',
  SignIn: 'sign_in',
} as const;
type Purpose = (typeof Purpose)[keyof typeof Purpose];

// Says nothing about why: not whether the passkey is known, whose it is, or which check failed.
const SIGN_IN_FAILED = 'That passkey could not be used to sign in. Try again, or sign in with your password.';
const SECOND_STEP_FAILED = 'That passkey could not be used. Try again, or use a code instead.';
const SET_UP_GONE =
  'This passkey set-up has expired or has already been finished. Start again: choose "Add a passkey".';
/** Requests for passkey sign-in options per client address in 15 minutes: each one stores a challenge. */
export const SIGN_IN_OPTIONS_PER_ADDRESS = 60;

/** The challenge the browser signed, read from clientDataJSON; the library checks the rest of it. */
function challengeOf(clientDataJSON: string): string | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || !('challenge' in parsed)) return null;
    const { challenge } = parsed;
    return typeof challenge === 'string' && challenge.length > 0 && challenge.length <= 100
      ? challenge
      : null;
  } catch {
    return null;
  }
}

const TRANSPORTS: readonly string[] = [
  'ble',
  'hybrid',
  'internal',
  'nfc',
  'usb',
] satisfies AuthenticatorTransport[];
/** Transports the browser may be told about; anything else stored is left out of the hint. */
function isTransport(value: string): value is AuthenticatorTransport {
  return TRANSPORTS.includes(value);
}

function toPasskeyResponse(row: PasskeyRow): PasskeyResponse {
  return {
    id: row.id,
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** Why a passkey answer was refused: written to the audit trail, never told to the client. */
class Refused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * Passkeys (WebAuthn) for staff: registering one (after the password again), the second step of
 * signing in with one, and signing in with one alone. Every ceremony's challenge is kept in the
 * database (webauthn_challenges), used once, for five minutes. Written around a user id only, so
 * a young expert's account could use the same ceremonies later (decision 0017).
 */
@Injectable()
export class PasskeysService {
  constructor(
    private readonly db: DataSource,
    private readonly sessions: SessionService,
    private readonly reauthentication: ReauthenticationService,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly secondFactor: SecondFactorService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(actor: Actor): Promise<PasskeyResponse[]> {
    return passkeysOf(this.db, actor.userId).then((rows) => rows.map(toPasskeyResponse));
  }

  /** Options for registering a passkey; asks for the password again in the same request. */
  async registrationOptions(actor: Actor, request: ReauthenticateRequest): Promise<PasskeyOptionsResponse> {
    const now = this.clock.now();
    await this.reauthentication.confirm(actor, request.password, 'password');
    const user = await this.db.getRepository(User).findOneByOrFail({ id: actor.userId });
    const existing = await passkeysOf(this.db, user.id);
    const options = await generateRegistrationOptions({
      rpName: this.config.webauthn.rpName,
      rpID: this.config.webauthn.rpId,
      userName: user.email,
      userDisplayName: user.displayName,
      // The user id, so a passkey used alone names its account (as the assertion's userHandle).
      userID: new TextEncoder().encode(user.id),
      attestationType: 'none',
      // The same authenticator twice would be one factor counted as two.
      excludeCredentials: existing.map((p) => ({
        id: p.credentialId,
        transports: p.transports.filter(isTransport),
      })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      timeout: PASSKEY_CHALLENGE_MINUTES * 60_000,
    });
    await this.db.transaction(async (em) => {
      await storeChallenge(em, this.challenge(options.challenge, Purpose.Registration, actor, now), now);
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.User,
        id: actor.userId,
        detail: { change: 'passkey_registration_started' },
      });
    });
    return { options: { ...options } };
  }

  /** Checks the new credential against this session's challenge and keeps it. */
  async register(actor: Actor, request: PasskeyRegistrationRequest): Promise<Renewed<PasskeyResponse>> {
    const now = this.clock.now();
    const challenge = challengeOf(request.response.response.clientDataJSON);
    const stored =
      challenge && (await takeChallenge(this.db, challenge, Purpose.Registration, actor.sessionId));
    if (!challenge || !stored || stored.userId !== actor.userId || stored.expiresAt <= now) {
      throw DomainError.validation('response', SET_UP_GONE);
    }
    let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verification = await verifyRegistrationResponse({
        response: request.response,
        expectedChallenge: challenge,
        expectedOrigin: this.config.webauthn.origin,
        expectedRPID: this.config.webauthn.rpId,
        // Preferred, not required, for a second factor: the password was just given.
        requireUserVerification: false,
      });
    } catch {
      throw DomainError.validation('response', 'This passkey could not be checked. Start again.');
    }
    if (!verification.verified) {
      throw DomainError.validation('response', 'This passkey could not be checked. Start again.');
    }
    const { credential } = verification.registrationInfo;

    return this.db.transaction(async (em) => {
      const id = await insertPasskey(em, {
        userId: actor.userId,
        credentialId: credential.id,
        publicKey: credential.publicKey,
        counter: credential.counter,
        transports: credential.transports ?? [],
        label: request.label,
        createdAt: now,
      });
      if (!id) throw new DomainError('conflict', 'This passkey is already registered.');
      const otherSessionsEnded = await this.sessions.endOthersFor(em, actor, 'second_factor_changed');
      // This session has just shown the passkey: a new one, fully signed in, takes its place.
      const renewed = await this.sessions.renew(em, actor, AuthMethod.Passkey, 'second_factor_enrolled');
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.User,
        id: actor.userId,
        detail: {
          change: 'second_factor_enrolled',
          method: 'passkey',
          passkeyId: id,
          otherSessionsEnded,
        },
      });
      const [row] = (await passkeysOf(em, actor.userId)).filter((p) => p.id === id);
      return { token: renewed.token, csrfToken: renewed.session.csrfToken, response: toPasskeyResponse(row) };
    });
  }

  /** Removes one of my passkeys; asks for the password again. */
  async remove(actor: Actor, passkeyId: string, request: ReauthenticateRequest): Promise<void> {
    await this.reauthentication.confirm(actor, request.password, 'password');
    await this.db.transaction(async (em) => {
      const user = await em
        .getRepository(User)
        .findOne({ where: { id: actor.userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw DomainError.notFound('This user');
      const count = await countPasskeys(em, user.id);
      const mine = (await passkeysOf(em, user.id)).some((p) => p.id === passkeyId);
      if (!mine) throw DomainError.notFound('This passkey');
      const status = secondFactorStatus({
        role: user.role,
        requiredForPerson: user.secondFactorRequired,
        totpEnrolled: user.totpEnrolledAt !== null,
        passkeys: count,
      });
      if (!mayRemoveFactor(status, 'passkey')) {
        throw new DomainError(
          'conflict',
          'Your account must have a second factor, and this is your last one. Add another passkey or an authenticator app first.',
        );
      }
      await deletePasskey(em, user.id, passkeyId);
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.User,
        id: user.id,
        detail: {
          change: 'passkey_removed',
          passkeyId,
          otherSessionsEnded: await this.sessions.endOthersFor(em, actor, 'second_factor_changed'),
        },
      });
    });
  }

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
    await storeChallenge(this.db, this.challenge(options.challenge, Purpose.SecondFactor, actor, now), now);
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
    await storeChallenge(this.db, this.challenge(options.challenge, Purpose.SignIn, null, now), now);
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
    const addressKey = addressDelayKey(context.clientAddress);
    const wait = await claimTry(
      this.db,
      [{ key: addressKey, policy: addressSignInDelay(this.config.loginAttemptsPerWindow) }],
      now,
    );
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
      await forgiveTry(em, addressKey);
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

  private challenge(challenge: string, purpose: Purpose, actor: Actor | null, now: Date) {
    return {
      challenge,
      purpose,
      sessionId: actor?.sessionId ?? null,
      userId: actor?.userId ?? null,
      expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_MINUTES * 60_000),
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
