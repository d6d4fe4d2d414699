import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKeySchema } from '@heard/domain';
import type { Request } from 'express';
import { DomainError } from '../../platform/errors/domain-error';

/**
 * The Idempotency-Key header: required and a UUID, so a resend can be told from a new evaluation.
 * A decorator, because Nest's @Headers takes no pipe.
 */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const value = context.switchToHttp().getRequest<Request>().header(IDEMPOTENCY_KEY_HEADER);
  const result = IdempotencyKeySchema.safeParse(value);
  if (!result.success)
    throw DomainError.validation(IDEMPOTENCY_KEY_HEADER, 'Send an Idempotency-Key header holding a UUID.');
  return result.data.toLowerCase();
});
