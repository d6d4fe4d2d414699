import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../database/unavailable';
import { DomainError, STATUS_BY_CODE } from './domain-error';
import { problem, sendProblem } from './problem';

/** The one place where anything thrown becomes an RFC 9457 answer. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    const instance = req.originalUrl?.split('?')[0];

    if (exception instanceof DomainError) {
      sendProblem(
        res,
        problem(STATUS_BY_CODE[exception.code], exception.detail, {
          errors: exception.errors,
          code: exception.code,
          instance,
          members: exception.members,
        }),
        exception.code === 'unavailable'
          ? { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS), ...exception.headers }
          : exception.headers,
      );
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const detail =
        status === 404
          ? 'There is nothing at this address.'
          : status === 413
            ? 'The request is too large.'
            : exception.message;
      sendProblem(res, problem(status, detail, { instance }));
      return;
    }
    if (exception instanceof QueryFailedError && /unique|duplicate/i.test(exception.message)) {
      sendProblem(
        res,
        problem(409, 'This would duplicate a record that already exists.', { code: 'conflict', instance }),
      );
      return;
    }
    if (isDatabaseUnavailable(exception)) {
      // An outage is not a bug: say so, and when to try again, rather than 500.
      this.logger.warn(`Database unavailable: ${(exception as Error)?.message}`);
      sendProblem(
        res,
        problem(503, 'Heard cannot reach its database just now. Please try again in a moment.', {
          code: 'unavailable',
          instance,
        }),
        { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
      );
      return;
    }
    // Log the error class and message only: messages from our code carry ids, never personal data.
    this.logger.error(
      `Unhandled ${(exception as Error)?.constructor?.name ?? typeof exception}: ${(exception as Error)?.message}`,
      (exception as Error)?.stack,
    );
    sendProblem(res, problem(500, 'Something went wrong on our side. Please try again.', { instance }));
  }
}
