import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  AuthMethod,
  PendingSignInStep,
  Role,
  SecondFactorStatus,
  pendingSignInStep,
  secondFactorStatus,
  sessionVerdict,
} from '@heard/domain';
import type { Response } from 'express';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { queryPrepared } from '../database/database';
import { Session } from './session.entity';
import { newToken, sha256 } from './tokens';

export interface ResolvedSession {
  session: Session;
  userId: string;
  role: Role;
  secondFactor: SecondFactorStatus;
  /** What the session must still do (a second step, or enrolling one) before it may be used. */
  pendingStep: PendingSignInStep;
}

export type SessionLookup = { ok: true; resolved: ResolvedSession } | { ok: false; reason: 'none' | 'ended' };

const CSRF_COOKIE = 'XSRF-TOKEN';
// Writing last_seen_at on every request would turn every read into a write; a minute's slack is enough.
const TOUCH_AFTER_MS = 60_000;

/** What a command that renewed the session answers, and the cookies its route must set. */
export interface Renewed<T> {
  token: string;
  csrfToken: string;
  response: T;
}

/** What the person's own pages call a session: a hash of its id, so the id itself never leaves. */
export function sessionRef(sessionId: string): string {
  return createHash('sha256').update(`ref:${sessionId}`).digest('base64url').slice(0, 22);
}

@Injectable()
export class SessionService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get cookieName(): string {
    return this.config.secureCookies ? '__Host-heard_session' : 'heard_session';
  }

  async create(
    em: EntityManager,
    userId: string,
    authMethods: string[] = [AuthMethod.Password],
  ): Promise<{ token: string; session: Session }> {
    const token = newToken();
    const now = new Date();
    const session = em.create(Session, {
      id: sha256(token),
      userId,
      csrfToken: sha256(newToken()),
      authMethods,
      secondFactorAt: null,
      createdAt: now,
      lastSeenAt: now,
      endedAt: null,
      endedReason: null,
    });
    await em.insert(Session, session);
    return { token, session };
  }

  async lookup(token: string | undefined): Promise<SessionLookup> {
    if (!token || token.length > 100) return { ok: false, reason: 'none' };
    // Runs on every signed-in request: one indexed query, prepared once per connection.
    const [row] = await queryPrepared<
      Omit<Session, 'user'> & {
        role: Role;
        status: string;
        totpEnrolled: boolean;
        passkeys: number;
        secondFactorRequired: boolean;
      }
    >(
      this.db,
      `SELECT s.id, s.user_id AS "userId", s.csrf_token AS "csrfToken", s.auth_methods AS "authMethods",
              s.second_factor_at AS "secondFactorAt", s.created_at AS "createdAt", s.last_seen_at AS "lastSeenAt",
              s.ended_at AS "endedAt", s.ended_reason AS "endedReason", u.role, u.status,
              u.totp_enrolled_at IS NOT NULL AS "totpEnrolled", u.second_factor_required AS "secondFactorRequired",
              (SELECT count(*)::int FROM passkeys p WHERE p.user_id = u.id) AS passkeys
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.ended_at IS NULL`,
      [sha256(token)],
    );
    if (!row) return { ok: false, reason: 'ended' };
    const { role, status, totpEnrolled, passkeys, secondFactorRequired, ...session } = row;
    const now = new Date();
    const verdict = sessionVerdict(session, now, {
      idleMinutes: this.config.sessionIdleMinutes,
      absoluteMinutes: this.config.sessionAbsoluteMinutes,
    });
    if (verdict !== 'active' || status !== 'active') {
      await this.end(session.id, verdict === 'active' ? 'user_deactivated' : verdict);
      return { ok: false, reason: 'ended' };
    }
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      await this.db.query(`UPDATE sessions SET last_seen_at = $2 WHERE id = $1`, [session.id, now]);
      session.lastSeenAt = now;
    }
    const secondFactor = secondFactorStatus({
      role,
      requiredForPerson: secondFactorRequired,
      totpEnrolled,
      passkeys,
    });
    return {
      ok: true,
      resolved: {
        session: session as Session,
        userId: session.userId,
        role,
        secondFactor,
        pendingStep: pendingSignInStep(session.authMethods, secondFactor),
      },
    };
  }

  expiresAt(session: Session): Date {
    const idle = session.lastSeenAt.getTime() + this.config.sessionIdleMinutes * 60_000;
    const absolute = session.createdAt.getTime() + this.config.sessionAbsoluteMinutes * 60_000;
    return new Date(Math.min(idle, absolute));
  }

  async end(sessionId: string, reason: string, em: EntityManager = this.db.manager): Promise<void> {
    await em.update(
      Session,
      { id: sessionId, endedAt: IsNull() },
      { endedAt: new Date(), endedReason: reason },
    );
  }

  /**
   * Swaps the session for a new one that also records `method`, ending the old one: whenever a session
   * gains a factor, its token changes (OWASP ASVS 5.0 7.2.4), so a token seen before cannot ride along.
   */
  async renew(
    em: EntityManager,
    actor: { userId: string; sessionId: string },
    method: string,
    reason: string,
  ): Promise<{ token: string; session: Session }> {
    const old = await em.getRepository(Session).findOneByOrFail({ id: actor.sessionId });
    await this.end(actor.sessionId, reason, em);
    const methods = old.authMethods.includes(method) ? old.authMethods : [...old.authMethods, method];
    return this.create(em, actor.userId, methods);
  }

  /**
   * Ends the person's sessions but this one: after they change their password or a factor, whoever
   * knew the old one may be signed in elsewhere (OWASP ASVS 5.0 7.4.3).
   */
  async endOthersFor(
    em: EntityManager,
    actor: { userId: string; sessionId: string },
    reason: string,
  ): Promise<number> {
    const result = await em.update(
      Session,
      { userId: actor.userId, endedAt: IsNull(), id: Not(actor.sessionId) },
      { endedAt: new Date(), endedReason: reason },
    );
    return result.affected ?? 0;
  }

  /** The person's sessions still in use: not ended, and neither idle nor past their absolute limit. */
  async activeFor(userId: string): Promise<Session[]> {
    const now = new Date();
    const open = await this.db.getRepository(Session).find({
      where: { userId, endedAt: IsNull() },
      order: { lastSeenAt: 'DESC' },
    });
    const limits = {
      idleMinutes: this.config.sessionIdleMinutes,
      absoluteMinutes: this.config.sessionAbsoluteMinutes,
    };
    return open.filter((session) => sessionVerdict(session, now, limits) === 'active');
  }

  async endAllFor(em: EntityManager, userId: string, reason: string): Promise<number> {
    const result = await em.update(
      Session,
      { userId, endedAt: IsNull() },
      { endedAt: new Date(), endedReason: reason },
    );
    return result.affected ?? 0;
  }

  setCookies(res: Response, token: string, csrfToken: string): void {
    const secure = this.config.secureCookies;
    res.cookie(this.cookieName, token, { httpOnly: true, secure, sameSite: 'lax', path: '/' });
    // Readable by the web app, which echoes it in X-XSRF-TOKEN; useless to another site, which cannot read it.
    res.cookie(CSRF_COOKIE, csrfToken, { httpOnly: false, secure, sameSite: 'strict', path: '/' });
  }

  clearCookies(res: Response): void {
    const secure = this.config.secureCookies;
    res.clearCookie(this.cookieName, { httpOnly: true, secure, sameSite: 'lax', path: '/' });
    res.clearCookie(CSRF_COOKIE, { secure, sameSite: 'strict', path: '/' });
  }
}
