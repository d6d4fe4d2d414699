import { INestApplication } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { STATUS_CODES, Server } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { MAX_PLAN_PICTURE_BASE64_LENGTH, MAX_PLAN_PICTURE_BYTES, PROBLEM_CONTENT_TYPE } from '@heard/domain';
import type { Logger } from 'pino';
import { AppConfig } from '../config/config';
import { problem, sendProblem } from '../errors/problem';
import { requestLogger } from '../logging/logger';
import { inputGuard } from './input-guard';
import { serveWebApp } from './web-files';

/**
 * Browser features no page of Heard's uses, turned off for Heard and anything it might embed, so
 * an injected script or a hostile frame cannot ask for them. Signing in with a passkey (WebAuthn)
 * is planned, so publickey-credentials-get/-create stay allowed for Heard itself; printing (day
 * sheets) and copying a feed address (execCommand) need no permission here.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'bluetooth=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=(self)',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'picture-in-picture=()',
  'publickey-credentials-create=(self)',
  'publickey-credentials-get=(self)',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The one route whose body may be larger than the general limit: a picture's base64 and a little JSON. */
export const PLAN_PICTURE_UPLOAD_PATH = '/api/plans/pictures';
export const PLAN_PICTURE_BODY_LIMIT_BYTES = MAX_PLAN_PICTURE_BASE64_LENGTH + 16 * 1024;

/**
 * Found by the fuzzer: a request Node's HTTP parser refuses before Express sees it (an address or
 * headers over Node's 16 KB, a malformed request line) was answered by Node with a bare 431 or 400
 * and no body. Every 4xx of Heard's is problem+json, so these are answered here in the same form.
 */
function answerUnreadableRequests(app: INestApplication): void {
  const server = app.getHttpServer() as Server;
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify(
      problem(
        status,
        tooLarge
          ? 'The address or headers of the request are too long.'
          : 'The request could not be read as HTTP.',
        { code: tooLarge ? 'headers_too_large' : 'malformed_request' },
      ),
    );
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/**
 * Everything that happens to a request before a controller sees it, in order. Tests build the app
 * through this too, so they exercise the same headers, limits and error answers as production.
 */
export function configureHttp(
  app: INestApplication,
  config: AppConfig,
  logger: Logger,
  options: { serverPages?: readonly string[] } = {},
): void {
  const server = app.getHttpAdapter().getInstance() as express.Express;
  server.disable('x-powered-by');
  answerUnreadableRequests(app);
  // Only the proxies named in TRUSTED_PROXIES may say who the client is (false: none may).
  server.set('trust proxy', config.trustedProxies.length > 0 ? config.trustedProxies : false);

  app.use(requestLogger(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          // Angular and Material add component styles at run time.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'object-src': ["'none'"],
          'base-uri': ["'none'"],
          'frame-ancestors': ["'none'"],
          'form-action': ["'self'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
      strictTransportSecurity: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    }),
  );
  app.use((_req: Request, res: Response, next: NextFunction) => {
    // Helmet has no Permissions-Policy; it goes on every answer, pages and API alike.
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    next();
  });
  app.use('/api', (_req: Request, res: Response, next: NextFunction) => {
    // Answers may carry personal data: never keep them in a browser or proxy cache.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(cookieParser());
  app.use('/api', (req: Request, res: Response, next: NextFunction) => {
    const length = Number(req.headers['content-length'] ?? 0);
    const hasBody = length > 0 || req.headers['transfer-encoding'] !== undefined;
    // A JSON-only API cannot be posted to by another site's HTML form, which is the CSRF route for
    // pages that have no session yet (sign-in, invitation links).
    if (WRITE_METHODS.has(req.method) && hasBody && !req.is('application/json')) {
      sendProblem(
        res,
        problem(415, 'Send the request as JSON (Content-Type: application/json).', {
          code: 'unsupported_media_type',
          instance: req.originalUrl.split('?')[0],
        }),
      );
      return;
    }
    next();
  });
  /*
   * A picture for a plan (ADR 0035) is sent as base64 in JSON: its route alone takes a body that
   * large, and the general limit stays for every other route (body-parser reads a body once).
   */
  const pictureJson = express.json({ limit: PLAN_PICTURE_BODY_LIMIT_BYTES, strict: true });
  app.use(PLAN_PICTURE_UPLOAD_PATH, (req: Request, res: Response, next: NextFunction) =>
    req.method === 'POST' && (req.path === '/' || req.path === '') ? pictureJson(req, res, next) : next(),
  );
  app.use('/api', express.json({ limit: config.bodyLimitBytes, strict: true }));
  app.use(
    '/api',
    (error: Error & { type?: string; status?: number }, req: Request, res: Response, next: NextFunction) => {
      const instance = req.originalUrl.split('?')[0];
      if (error.type === 'entity.too.large') {
        const picture = req.originalUrl.split('?')[0] === PLAN_PICTURE_UPLOAD_PATH;
        sendProblem(
          res,
          problem(
            413,
            picture
              ? `A picture may be at most ${MAX_PLAN_PICTURE_BYTES / 1024 / 1024} MB: make it smaller and upload it again.`
              : `The request is larger than the ${Math.round(config.bodyLimitBytes / 1024)} KB allowed.`,
            {
              code: 'too_large',
              instance,
            },
          ),
        );
        return;
      }
      if (error.type === 'entity.parse.failed') {
        sendProblem(
          res,
          problem(400, 'The request body is not valid JSON.', { code: 'malformed_json', instance }),
        );
        return;
      }
      if (error.status && error.status >= 400 && error.status < 500) {
        sendProblem(res, problem(error.status, 'The request could not be read.', { instance }));
        return;
      }
      next(error);
    },
  );
  // After the body is parsed, before any route: reserved field names and NUL characters get 400.
  app.use('/api', inputGuard());

  if (config.webDir && existsSync(join(config.webDir, 'index.html')))
    serveWebApp(app, config.webDir, options.serverPages);
}
