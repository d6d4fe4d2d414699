import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

export type NodeEnv = 'production' | 'development' | 'test';

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  dataDir: string;
  /** null means the embedded PGlite database under dataDir. */
  databaseUrl: string | null;
  /** null means mail is written as .eml files under dataDir/mail. */
  smtpUrl: string | null;
  mailFrom: string;
  publicUrl: string;
  demoData: boolean;
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteMinutes: number;
  /** Wrong passwords from one client address before each further try must wait (a growing delay). */
  loginAttemptsPerWindow: number;
  /** Worries sent through round links from one client address in an hour (each emails the safeguarding contacts). */
  linkWorriesPerHour: number;
  /**
   * The proxies whose X-Forwarded-For is believed, as Express's `trust proxy` takes them: addresses,
   * CIDR ranges, or loopback / linklocal / uniquelocal. Empty: the connecting address is the client.
   */
  trustedProxies: string[];
  bodyLimitBytes: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** 0 turns the background sender off (tests drive it by hand). */
  mailPollMs: number;
  /** Where the built web app is; null serves the API only. */
  webDir: string | null;
  /** The built document thread (document-thread.js beside main.js, ADR 0038); null: none was built. */
  documentThread: string | null;
  /** How far the document thread gives way to requests for the CPU: a nice value, 0–19 (Linux). */
  documentThreadNiceness: number;
  /** The participation team's phone, printed on letters; staff records hold no phone numbers. */
  teamPhone: string | null;
  /**
   * The WebAuthn relying party: its id (a host name, by default PUBLIC_URL's) and the origin the
   * browser reports in every passkey ceremony (PUBLIC_URL's). A passkey is bound to the id for good.
   */
  webauthn: { rpId: string; rpName: string; origin: string };
  /** The UK hour (0–23) from which the action log's daily chasing job sends its reminders. */
  chaseHour: number;
  /** How often the by-the-day jobs (retention, chasing, pledge reminders) look whether work has come due. */
  jobLookMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Heard cannot start because its configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

const bool = (name: string) =>
  z.enum(['true', 'false'], { error: `${name} must be "true" or "false".` }).transform((v) => v === 'true');

const int = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number.`)
    .transform(Number)
    .pipe(
      z.number().min(min, `${name} must be at least ${min}.`).max(max, `${name} must be at most ${max}.`),
    );

const schema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test'], {
    error: 'NODE_ENV must be production, development or test.',
  }),
  PORT: int('PORT', 1, 65535),
  DATA_DIR: z.string().min(1, 'DATA_DIR must not be empty.'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'DATABASE_URL must look like postgres://user@host:5432/database.')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'SMTP_URL must look like smtp://host:587 or smtps://host:465.')
    .optional(),
  MAIL_FROM: z.string().min(3, 'MAIL_FROM must be an address such as "Heard <heard@council.example>".'),
  PUBLIC_URL: z
    .url({ error: 'PUBLIC_URL must be the address people use, like https://heard.council.example.' })
    .optional(),
  DEMO_DATA: bool('DEMO_DATA').optional(),
  SECURE_COOKIES: bool('SECURE_COOKIES').optional(),
  SESSION_IDLE_MINUTES: int('SESSION_IDLE_MINUTES', 1, 24 * 60),
  SESSION_ABSOLUTE_MINUTES: int('SESSION_ABSOLUTE_MINUTES', 5, 7 * 24 * 60),
  LOGIN_ATTEMPTS_PER_15_MINUTES: int('LOGIN_ATTEMPTS_PER_15_MINUTES', 1, 10_000),
  LINK_WORRIES_PER_HOUR: int('LINK_WORRIES_PER_HOUR', 1, 10_000),
  TRUSTED_PROXIES: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== ''),
    )
    .refine((list) => list.every(isProxyEntry), {
      message:
        'TRUSTED_PROXIES must be a comma-separated list of addresses or ranges, such as 10.0.0.5, 10.1.0.0/16 or loopback; or "none".',
    })
    .optional(),
  BODY_LIMIT_KB: int('BODY_LIMIT_KB', 1, 10_240),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent'], {
    error: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, silent.',
  }),
  MAIL_POLL_MS: int('MAIL_POLL_MS', 0, 600_000),
  WEB_DIR: z.string().optional(),
  DOCUMENT_THREAD: z.string().optional(),
  DOCUMENT_THREAD_NICENESS: int('DOCUMENT_THREAD_NICENESS', 0, 19),
  TEAM_PHONE: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{7,20}$/, 'TEAM_PHONE must be a phone number like 01632 960123.')
    .optional(),
  WEBAUTHN_RP_ID: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/,
      'WEBAUTHN_RP_ID must be a host name, like heard.council.example.',
    )
    .optional(),
  CHASE_HOUR: int('CHASE_HOUR', 0, 23),
  JOB_LOOK_MS: int('JOB_LOOK_MS', 1_000, 3_600_000),
});

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyEntry(entry: string): boolean {
  if (entry === 'none' || NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  // A range as wide as 0.0.0.0/0 (or /7) trusts nearly everyone: a client would choose its own address.
  return /^\d{1,3}$/.test(prefix) && Number(prefix) >= 8 && Number(prefix) <= (version === 4 ? 32 : 128);
}

const DEFAULTS: Record<string, string> = {
  NODE_ENV: 'production',
  PORT: '3000',
  DATA_DIR: './data',
  MAIL_FROM: 'Heard <heard@localhost>',
  SESSION_IDLE_MINUTES: '30',
  SESSION_ABSOLUTE_MINUTES: '720',
  LOGIN_ATTEMPTS_PER_15_MINUTES: '30',
  LINK_WORRIES_PER_HOUR: '20',
  BODY_LIMIT_KB: '100',
  LOG_LEVEL: 'info',
  MAIL_POLL_MS: '2000',
  DOCUMENT_THREAD_NICENESS: '10',
  CHASE_HOUR: '7',
  JOB_LOOK_MS: '600000',
};

/** Reads and checks every variable at once, so one start-up names every problem. */
export function loadConfig(
  env: Record<string, string | undefined>,
  defaultWebDir: string | null = null,
  defaultDocumentThread: string | null = null,
): AppConfig {
  const raw: Record<string, string> = { ...DEFAULTS };
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => issue.message));
  }
  const c = parsed.data;
  if (c.SESSION_ABSOLUTE_MINUTES < c.SESSION_IDLE_MINUTES) {
    throw new ConfigError(['SESSION_ABSOLUTE_MINUTES must not be shorter than SESSION_IDLE_MINUTES.']);
  }
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
  const publicHost = new URL(publicUrl).hostname;
  const rpId = c.WEBAUTHN_RP_ID ?? publicHost;
  // Browsers accept an RP id that is the page's host or a domain it is under, nothing else: every
  // other value would make each passkey ceremony fail, so it is refused at start-up instead.
  if (publicHost !== rpId && !publicHost.endsWith(`.${rpId}`)) {
    throw new ConfigError([
      `WEBAUTHN_RP_ID must be ${publicHost} (PUBLIC_URL's host) or a domain it is under.`,
    ]);
  }
  return {
    nodeEnv: c.NODE_ENV,
    port: c.PORT,
    dataDir: resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL ?? null,
    smtpUrl: c.SMTP_URL ?? null,
    mailFrom: c.MAIL_FROM,
    publicUrl,
    // Demo accounts (one an administrator, with the README's password) on a laptop's embedded
    // database; never by default on a PostgreSQL server, where a council's real data lives.
    demoData: c.DEMO_DATA ?? c.DATABASE_URL === undefined,
    // Secure, __Host- cookies everywhere but development and tests; browsers accept them on http://localhost.
    secureCookies: c.SECURE_COOKIES ?? c.NODE_ENV === 'production',
    sessionIdleMinutes: c.SESSION_IDLE_MINUTES,
    sessionAbsoluteMinutes: c.SESSION_ABSOLUTE_MINUTES,
    loginAttemptsPerWindow: c.LOGIN_ATTEMPTS_PER_15_MINUTES,
    linkWorriesPerHour: c.LINK_WORRIES_PER_HOUR,
    // Believing X-Forwarded-For from anyone would let a client choose its own address and so its own
    // sign-in limit. Only development trusts the local ranges, where a dev proxy sits in front.
    trustedProxies: (
      c.TRUSTED_PROXIES ?? (c.NODE_ENV === 'development' ? ['loopback', 'linklocal', 'uniquelocal'] : [])
    ).filter((p) => p !== 'none'),
    bodyLimitBytes: c.BODY_LIMIT_KB * 1024,
    logLevel: c.LOG_LEVEL,
    mailPollMs: c.MAIL_POLL_MS,
    webDir: c.WEB_DIR ? resolve(c.WEB_DIR) : defaultWebDir,
    documentThread: c.DOCUMENT_THREAD ? resolve(c.DOCUMENT_THREAD) : defaultDocumentThread,
    documentThreadNiceness: c.DOCUMENT_THREAD_NICENESS,
    teamPhone: c.TEAM_PHONE ?? null,
    webauthn: { rpId, rpName: 'Heard', origin: new URL(publicUrl).origin },
    chaseHour: c.CHASE_HOUR,
    jobLookMs: c.JOB_LOOK_MS,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
