import { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** `destination` defaults to stdout; tests pass a stream to read what would be logged. */
export function createLogger(level: pino.LevelWithSilent, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'heard-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Belt and braces: even if someone logs a request or user object, these never reach the log.
    redact: {
      paths: [
        'password',
        '*.password',
        'email',
        '*.email',
        'displayName',
        '*.displayName',
        'headers.cookie',
        'req.headers',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Path segments after which everything is a key: answer links (/rsvp/…, the letter's /r/…, and the
 * API's /api/rsvp/…), staff invitations (/welcome/…), calendar feeds (/api/calendar/….ics), and
 * the names a future link would likely take (password reset, answer, unsubscribe…).
 */
const TOKEN_ROUTES: ReadonlySet<string> = new Set([
  'r',
  'rsvp',
  'welcome',
  'calendar',
  'answer',
  'reset',
  'reset-password',
  'password-reset',
  'accept-invitation',
  'unsubscribe',
  'verify',
  'token',
  'tokens',
]);

/** Built bundles and assets (`polyfills-AB12CD34.js`): long, but public and useful to see. */
const STATIC_FILE = /^[\w-]+\.(js|mjs|css|map|ico|png|svg|webp|woff2?|ttf|json|html|txt|webmanifest)$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a segment looks like a secret wherever it appears, so a token route nobody listed above
 * is masked too: anything of 20 characters or more except a record id (UUIDs are not secrets and
 * are what an operator needs to follow a request), or a shorter run of letters and digits that mixes
 * lower case, upper case and digits as random codes do and words do not.
 */
function looksLikeToken(segment: string): boolean {
  if (UUID.test(segment) || STATIC_FILE.test(segment)) return false;
  if (segment.length >= 20) return true;
  return (
    segment.length >= 10 &&
    /^[A-Za-z0-9_-]+$/.test(segment) &&
    /[a-z]/.test(segment) &&
    /[A-Z]/.test(segment) &&
    /[0-9]/.test(segment)
  );
}

/**
 * The path as it may be logged. Paths carry personal links (answer links, invitation and feed
 * tokens), which would let anyone who reads the log act as the person: every segment after a
 * token route, and every segment that looks like a token anywhere, becomes `:token`. The query is
 * dropped entirely.
 */
export function loggablePath(url: string | undefined): string {
  const path = (url ?? '').split('?')[0];
  let afterTokenRoute = false;
  return path
    .split('/')
    .map((segment) => {
      if (segment === '') return segment;
      if (afterTokenRoute || looksLikeToken(segment)) return ':token';
      if (TOKEN_ROUTES.has(segment.toLowerCase())) afterTokenRoute = true;
      return segment;
    })
    .join('/');
}

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: loggablePath(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
  });
}

/** Lets Nest's own messages go through pino as JSON. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private write(
    level: 'info' | 'warn' | 'error' | 'debug',
    message: unknown,
    context?: string,
    stack?: string,
  ) {
    const payload = typeof message === 'object' && message !== null ? message : { msg: String(message) };
    this.logger[level]({ context, ...(stack ? { stack } : {}), ...payload });
  }

  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  error(message: unknown, stackOrContext?: string, context?: string) {
    this.write('error', message, context ?? stackOrContext, context ? stackOrContext : undefined);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
}
