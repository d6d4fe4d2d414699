import {
  CallHandler,
  ExecutionContext,
  HttpException,
  Injectable,
  NestInterceptor,
  OnModuleInit,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AnyIdempotencyKeySchema, HEARD_RECORDED_AT_HEADER, IDEMPOTENCY_KEY_HEADER } from '@heard/domain';
import type { Response } from 'express';
import { Observable, from, lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { AuthenticatedRequest } from '../auth/auth-context';
import { sha256 } from '../auth/tokens';
import { DomainError } from '../errors/domain-error';
import { KeyTaken, PendingClaim, claimInTransaction, pendingClaims } from './idempotency-claim';
import {
  KeyClaim,
  StoredKey,
  releaseKey,
  storeAnswer,
  storedKey,
  sweepExpiredKeys,
} from './idempotency.queries';

const WITHOUT_KEYS = 'heard:without-idempotency-keys';

/**
 * Routes whose answer cannot be replayed (they set the session cookie, or are not creates): a key
 * sent to them is ignored and they behave as without one.
 */
export const WithoutIdempotencyKeys = () => SetMetadata(WITHOUT_KEYS, true);

/** How long a retry waits for the answer of the same create still in flight before 409. */
const WAIT_FOR_ANSWER_MS = 3000;
const POLL_MS = 50;
/** Expired keys are swept at most this often, by whichever keyed request comes next. */
const SWEEP_EVERY_MS = 10 * 60 * 1000;
export const IN_FLIGHT_RETRY_AFTER_SECONDS = 1;

/** JSON with object keys sorted, so the same body sent with its fields in another order matches. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/** Who the key belongs to: the signed-in user, or for a public link route the link itself. */
function principalOf(req: AuthenticatedRequest): string | null {
  if (req.actor) return req.actor.userId;
  const token: unknown = req.params?.['token'];
  return typeof token === 'string' ? `link:${sha256(token)}` : null;
}

/** A refusal: the request was answered with a 4xx, so nothing it asked for was done. */
function isRefusal(error: unknown): boolean {
  if (error instanceof DomainError) return error.code !== 'unavailable';
  return error instanceof HttpException && error.getStatus() >= 400 && error.getStatus() < 500;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one home for idempotency keys (docs/decisions/0025-idempotency-keys.md). Every POST or PUT that
 * carries an Idempotency-Key header goes through here: the key is claimed in the create's own
 * transaction (claimInTransaction), the answer is stored when the handler returns, and a retry with
 * the same key and the same request gets that answer and writes nothing. The same key with another
 * request is refused with 422. Keys are per sender: one user's key is never another's answer.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor, OnModuleInit {
  private sweptAt = 0;

  constructor(
    private readonly db: DataSource,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    if (!this.db.subscribers.includes(claimInTransaction)) this.db.subscribers.push(claimInTransaction);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // PUT too: the offline outbox resends a register mark (a PUT) exactly as it resends a create.
    if (req.method !== 'POST' && req.method !== 'PUT') return next.handle();
    if (this.reflector.getAllAndOverride<boolean>(WITHOUT_KEYS, [context.getHandler(), context.getClass()]))
      return next.handle();
    const sent = req.header(IDEMPOTENCY_KEY_HEADER);
    if (sent === undefined) return next.handle();
    const key = AnyIdempotencyKeySchema.safeParse(sent);
    if (!key.success) {
      const detail = key.error.issues[0]?.message ?? 'The Idempotency-Key is not one Heard can use.';
      throw DomainError.validation(IDEMPOTENCY_KEY_HEADER, detail);
    }
    const principal = principalOf(req);
    if (!principal) return next.handle();
    const route = `${req.baseUrl}${(req.route as { path?: string } | undefined)?.path ?? req.path}`;
    // The device time is part of what was asked: the same mark made at another moment is another
    // change, and the rules judge it against that moment. Left out when absent, so online keys keep
    // the fingerprint they always had.
    const recordedAt = req.header(HEARD_RECORDED_AT_HEADER);
    const request = { method: req.method, route, params: req.params, body: req.body };
    const claim: KeyClaim = {
      principal,
      key: key.data,
      method: req.method,
      route,
      fingerprint: sha256(canonical(recordedAt === undefined ? request : { ...request, recordedAt })),
    };
    const res = context.switchToHttp().getResponse<Response>();
    return from(this.once(claim, res, next));
  }

  private async once(claim: KeyClaim, res: Response, next: CallHandler): Promise<unknown> {
    if (Date.now() - this.sweptAt > SWEEP_EVERY_MS) {
      this.sweptAt = Date.now();
      await sweepExpiredKeys(this.db);
    }
    const earlier = await storedKey(this.db, claim.principal, claim.key);
    if (earlier) return this.replay(claim, earlier, res);
    const pending: PendingClaim = {
      ...claim,
      runner: null,
      claiming: false,
      committed: false,
      closed: false,
    };
    try {
      const value = await pendingClaims.run(pending, () =>
        lastValueFrom(next.handle(), { defaultValue: undefined }),
      );
      pending.closed = true;
      // A handler that wrote the answer itself (@Res, no POST does today) leaves nothing to replay: its claim stays unanswered.
      if (!res.headersSent) await storeAnswer(this.db, claim, res.statusCode, value);
      return value;
    } catch (error) {
      pending.closed = true;
      // Another send of this key committed first: nothing of this one was written; answer as it was answered.
      if (error instanceof KeyTaken)
        return this.replay(claim, await storedKey(this.db, claim.principal, claim.key), res);
      // Refused after the claim committed (a check in a later transaction): nothing was made.
      if (pending.committed && isRefusal(error)) await releaseKey(this.db, claim);
      throw error;
    }
  }

  /** The stored answer, once the create it guards has one; 422 for another request under the key. */
  private async replay(claim: KeyClaim, stored: StoredKey | null, res: Response): Promise<unknown> {
    let answer: StoredKey | null = stored;
    for (
      let waited = 0;
      answer && answer.statusCode === null && waited < WAIT_FOR_ANSWER_MS;
      waited += POLL_MS
    ) {
      if (answer.fingerprint !== claim.fingerprint) break;
      await sleep(POLL_MS);
      answer = await storedKey(this.db, claim.principal, claim.key);
    }
    if (answer && answer.fingerprint !== claim.fingerprint)
      throw new DomainError(
        'unprocessable',
        'This Idempotency-Key was already used for a different request. Send a new key for a new change.',
        { [IDEMPOTENCY_KEY_HEADER]: ['Already used for a different request.'] },
      );
    if (!answer)
      throw new DomainError(
        'conflict',
        'The request sent first with this Idempotency-Key did not finish. Send it again.',
        undefined,
        { 'Retry-After': String(IN_FLIGHT_RETRY_AFTER_SECONDS) },
      );
    if (answer.statusCode === null)
      throw new DomainError(
        'conflict',
        'A request with this Idempotency-Key is still being stored. Try again in a moment.',
        undefined,
        { 'Retry-After': String(IN_FLIGHT_RETRY_AFTER_SECONDS) },
      );
    res.status(answer.statusCode);
    return answer.body;
  }
}
