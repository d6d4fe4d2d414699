import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { HEARD_RECORDED_AT_HEADER, HeldAnswer, OfflineResolution, checkDeviceTime } from '@heard/domain';
import type { Request, Response } from 'express';
import { Actor } from '../auth/auth-context';
import { DomainError } from '../errors/domain-error';

/**
 * A change sent from the offline outbox (docs/offline.md, docs/decisions/0029): the device time it
 * was made at, already judged believable, and when it arrived.
 */
export interface OfflineChangeContext {
  deviceTime: Date;
  arrivedAt: Date;
}

/** Reads and judges the Heard-Recorded-At header at the moment the request arrived. */
export function offlineChangeOf(req: Request, arrivedAt = new Date()): OfflineChangeContext | null {
  const sent = req.header(HEARD_RECORDED_AT_HEADER);
  // Without the header the request was made online and is handled exactly as before.
  if (sent === undefined) return null;
  const check = checkDeviceTime(sent, arrivedAt);
  if (!check.ok)
    throw new DomainError('unprocessable', check.message, { [HEARD_RECORDED_AT_HEADER]: [check.message] });
  return { deviceTime: check.at, arrivedAt };
}

/**
 * The offline change a request carries, or null for one made online. A device time the rules
 * cannot believe (a wrong clock, or a week old) is 422 before anything runs. A decorator, because
 * Nest's @Headers takes no pipe.
 */
export const OfflineChange = createParamDecorator(
  (_: unknown, context: ExecutionContext): OfflineChangeContext | null =>
    offlineChangeOf(context.switchToHttp().getRequest<Request>()),
);

/** The actor as the audit trail should see them: with the device time when the change was made offline. */
export function actingAt(actor: Actor, offline: OfflineChangeContext | null): Actor {
  return offline ? { ...actor, deviceTime: offline.deviceTime } : actor;
}

/** A change the rules did not apply (kept-*, refused-*): 409 offline-conflict, in the officer's words. */
export function offlineConflict(resolution: OfflineResolution): DomainError {
  return new DomainError('offline-conflict', resolution.detail, undefined, undefined, {
    outcome: resolution.outcome,
  });
}

/** A change kept aside for the officer's decision: the answer names the held change. */
export function heldAnswer(heldChangeId: string, resolution: OfflineResolution): HeldAnswer {
  return { held: true, heldChangeId, detail: resolution.detail };
}

/** A held change is answered 202 (accepted, not stored); every other answer keeps the route's status. */
export function answerHeldWith202<T extends object>(res: Response, answer: T | HeldAnswer): T | HeldAnswer {
  if ('held' in answer && answer.held === true) res.status(202);
  return answer;
}
