/**
 * Sessions end after a period of inactivity or a fixed lifetime, whichever comes first.
 * Values are minutes so they read the same in config and in tests.
 */
export interface SessionLifetime {
  idleMinutes: number;
  absoluteMinutes: number;
}

export const DEFAULT_SESSION_LIFETIME: SessionLifetime = { idleMinutes: 30, absoluteMinutes: 12 * 60 };

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
}

export type SessionVerdict = 'active' | 'idle-expired' | 'absolute-expired';

export function sessionVerdict(times: SessionTimes, now: Date, lifetime: SessionLifetime): SessionVerdict {
  if (now.getTime() - times.createdAt.getTime() >= lifetime.absoluteMinutes * 60_000)
    return 'absolute-expired';
  if (now.getTime() - times.lastSeenAt.getTime() >= lifetime.idleMinutes * 60_000) return 'idle-expired';
  return 'active';
}
