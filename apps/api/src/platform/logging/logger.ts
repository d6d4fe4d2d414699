import { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { Logger } from 'pino';

/** `destination` defaults to standard output; tests pass a stream to read what would be logged. */
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
  // A silent logger (the test apps') writes nothing, so it opens no standard output of its own.
  if (!destination && level === 'silent') return pino(options);
  return pino(options, destination ?? standardOutput());
}

/**
 * Writes out the lines `logger` still holds in its batch (standardOutput), for when something
 * else is about to be written to standard output and must come after them (the start-up banner).
 */
export function flushLogLines(logger: Logger): void {
  const stream = (logger as unknown as Record<symbol, { flushSync?: () => void } | undefined>)[
    pino.symbols.streamSym
  ];
  try {
    stream?.flushSync?.();
  } catch {
    // Not open yet, or closed: nothing of ours is waiting.
  }
}

/** How long a line may wait for others before it is written out. */
const FLUSH_EVERY_MS = 1_000;
/** What may wait in memory when standard output's reader stalls; past it, lines are dropped, not kept. */
const MAX_WAITING_BYTES = 16 * 1024 * 1024;

/**
 * Standard output, a few kilobytes at a time: pino's default writes each line with its own
 * write(2), which the record read's profile showed as its costliest native frame on a busy machine;
 * now about one write in sixteen requests. A line waits at most a second for others (sonic-boom's
 * own timer, unreferenced and cleared when the stream closes). The writes stay synchronous, so what
 * is left is written out, in order and whole, when the process exits, crash included: an
 * asynchronous write still under way at exit could be lost or land after later lines.
 */
export function standardOutput(): pino.DestinationStream {
  const destination = pino.destination({
    dest: 1,
    sync: true,
    minLength: 4096,
    maxLength: MAX_WAITING_BYTES,
    periodicFlush: FLUSH_EVERY_MS,
  });
  // pino writes out only an asynchronous destination at exit; this one's last lines are ours to write.
  process.once('exit', () => {
    try {
      destination.flushSync();
    } catch {
      // Closed already: whoever closed it wrote out what it held.
    }
  });
  return destination;
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

/** A request as the logger leaves it: with the id every line and audit row about it carries. */
export interface IdentifiedRequest extends IncomingMessage {
  id?: string;
  originalUrl?: string;
}

/**
 * One line per request when its answer is finished (or the client went away): its id, method,
 * masked path, status and time. Written by hand rather than with pino-http, which built two child
 * loggers a request (serialising and redacting the request into each) whether or not a line was
 * written: 0.1–0.15 ms of every request's CPU in the profile (docs/benchmarks.md). The line has the
 * fields pino-http wrote, so whatever reads the log reads it the same.
 */
export function requestLogger(logger: Logger) {
  return (req: IdentifiedRequest, res: ServerResponse, next: () => void): void => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    const started = Date.now();
    const finished = (error?: Error): void => {
      res.off('close', finished);
      res.off('finish', finished);
      res.off('error', finished);
      const failed = error !== undefined || res.statusCode >= 500;
      if (!logger.isLevelEnabled(failed ? 'error' : 'info')) return;
      const line = {
        req: { id, method: req.method, path: loggablePath(req.originalUrl ?? req.url) },
        res: { statusCode: res.statusCode },
        responseTime: Date.now() - started,
      };
      if (failed)
        logger.error(
          { ...line, err: error ?? new Error(`failed with status code ${res.statusCode}`) },
          'request errored',
        );
      else
        logger.info(
          line,
          !req.readableAborted && res.writableEnded ? 'request completed' : 'request aborted',
        );
    };
    res.on('close', finished);
    res.on('finish', finished);
    res.on('error', finished);
    next();
  };
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
