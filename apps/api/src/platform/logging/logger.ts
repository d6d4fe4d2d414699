import { LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

export function createLogger(level: pino.LevelWithSilent): Logger {
  return pino({
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
  });
}

/** Paths can carry personal links (invitation tokens); long opaque segments are masked. */
export function loggablePath(url: string | undefined): string {
  return (url ?? '').split('?')[0].replace(/\/[A-Za-z0-9_-]{32,}/g, '/:token');
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
