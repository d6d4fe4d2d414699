import { Inject, Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  AuthMethod,
  PASSKEY_CHALLENGE_MINUTES,
  PasskeyOptionsResponse,
  PasskeyRegistrationRequest,
  PasskeyResponse,
  ReauthenticateRequest,
  mayRemoveFactor,
  secondFactorStatus,
} from '@heard/domain';
import { generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Renewed, SessionService } from '../../platform/auth/session.service';
import { Clock } from '../../platform/clock';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { DomainError } from '../../platform/errors/domain-error';
import { User } from '../users/entities/user.entity';
import { Purpose, challengeFor, challengeOf, isTransport, toPasskeyResponse } from './passkey-ceremony';
import {
  countPasskeys,
  deletePasskey,
  insertPasskey,
  passkeysOf,
  storeChallenge,
  takeChallenge,
} from './passkeys.queries';
import { ReauthenticationService } from './reauthentication.service';

const SET_UP_GONE =
  'This passkey set-up has expired or has already been finished. Start again: choose "Add a passkey".';

/**
 * Passkeys (WebAuthn) for staff: listing, registering one (after the password again) and removing
 * one. Signing in with one is PasskeySignInService. Every ceremony's challenge is kept in the
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
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(actor: Actor): Promise<PasskeyResponse[]> {
    return passkeysOf(this.db, actor.userId).then((rows) => rows.map(toPasskeyResponse));
  }

  /** Options for registering a passkey; asks for the password again in the same request. */
  async registrationOptions(actor: Actor, request: ReauthenticateRequest): Promise<PasskeyOptionsResponse> {
    await this.reauthentication.confirm(actor, request.password, 'password');
    return this.startRegistration(actor, 'preferred');
  }

  /**
   * Options for registering a passkey, once the caller has checked who this is: the password again
   * for staff, or a young expert's enrolment code (decision 0019), whose passkey will be their
   * whole sign-in and so must verify them (PIN or biometric) from the start.
   */
  async startRegistration(
    actor: Actor,
    userVerification: 'preferred' | 'required',
  ): Promise<PasskeyOptionsResponse> {
    const now = this.clock.now();
    const user = await this.db.getRepository(User).findOneByOrFail({ id: actor.userId });
    const existing = await passkeysOf(this.db, user.id);
    const options = await generateRegistrationOptions({
      rpName: this.config.webauthn.rpName,
      rpID: this.config.webauthn.rpId,
      // A young expert has no email: their first name is what their device shows.
      userName: user.email ?? user.displayName,
      userDisplayName: user.displayName,
      // The user id, so a passkey used alone names its account (as the assertion's userHandle).
      userID: new TextEncoder().encode(user.id),
      attestationType: 'none',
      // The same authenticator twice would be one factor counted as two.
      excludeCredentials: existing.map((p) => ({
        id: p.credentialId,
        transports: p.transports.filter(isTransport),
      })),
      authenticatorSelection: {
        residentKey: userVerification === 'required' ? 'required' : 'preferred',
        userVerification,
      },
      timeout: PASSKEY_CHALLENGE_MINUTES * 60_000,
    });
    await this.db.transaction(async (em) => {
      await storeChallenge(em, challengeFor(options.challenge, Purpose.Registration, actor, now), now);
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.User,
        id: actor.userId,
        detail: { change: 'passkey_registration_started' },
      });
    });
    return { options: { ...options } };
  }

  /**
   * Checks the new credential against this session's challenge and keeps it. User verification is
   * required when the options asked for it (a young expert's passkey, decision 0019).
   */
  async register(
    actor: Actor,
    request: PasskeyRegistrationRequest,
    requireUserVerification = false,
  ): Promise<Renewed<PasskeyResponse>> {
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
        // Preferred, not required, for a staff second factor: the password was just given.
        requireUserVerification,
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
}
