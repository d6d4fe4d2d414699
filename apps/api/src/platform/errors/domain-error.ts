import type { ProblemDetails } from '@heard/domain';

/**
 * What a service throws when a request cannot be done. The code says what kind of refusal it is;
 * ProblemFilter turns it into problem+json with the status for that code, in one place.
 */
export type DomainErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'unauthenticated'
  | 'sign_in_incomplete'
  | 'forbidden'
  | 'csrf'
  | 'locked'
  | 'rate_limited'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'unavailable'
  // A change sent from the offline outbox that the rules did not apply; `outcome` says which rule.
  | 'offline-conflict';

export const STATUS_BY_CODE: Record<DomainErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  // Half signed in: the session is real but must finish the second step (or enrol) first.
  sign_in_incomplete: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  unsupported_media_type: 415,
  // Well formed but cannot be done as asked: an Idempotency-Key already used for another request.
  unprocessable: 422,
  locked: 423,
  rate_limited: 429,
  unavailable: 503,
  'offline-conflict': 409,
};

export const TITLE_BY_STATUS: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign-in needed',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  422: 'Cannot be processed',
  423: 'Locked',
  429: 'Too many requests',
  431: 'Request headers too large',
  500: 'Something went wrong',
  503: 'Service unavailable',
};

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly detail: string,
    readonly errors?: Record<string, string[]>,
    readonly headers?: Record<string, string>,
    /** Extension members of the problem answer beyond the standard ones (`outcome` for offline-conflict). */
    readonly members?: Pick<ProblemDetails, 'outcome'>,
  ) {
    super(detail);
  }

  static notFound(what: string): DomainError {
    return new DomainError('not_found', `${what} was not found.`);
  }

  static validation(field: string, message: string): DomainError {
    return new DomainError('validation', message, { [field]: [message] });
  }
}
