import { z } from 'zod';
import type { AttendanceStatus } from '../groups/sessions.contract';
import { dayInWords, timeInLondon, todayInLondon } from '../shared/dates';

/**
 * Changes an officer made on a day without signal, sent later by the device's outbox
 * (docs/offline.md, docs/decisions/0029-offline-changes-on-the-server.md). These are the rules
 * that say what becomes of one such change against what the server holds when it arrives.
 */

/** The device time the officer made the change, sent with every change from the outbox. */
export const HEARD_RECORDED_AT_HEADER = 'Heard-Recorded-At';

/** A device clock a little ahead of ours is normal; more than this is a wrong clock, not a late change. */
export const DEVICE_TIME_MAX_AHEAD_MS = 5 * 60 * 1000;
/**
 * The oldest change we take: a residential runs up to five nights, and the officer may be back at
 * a desk with signal only after a weekend. Older than this, the day has long been typed up by hand
 * and a stale outbox is more likely to undo that work than to add to it.
 */
export const DEVICE_TIME_MAX_AGE_DAYS = 7;

/** A register mark as the officer's message names it. */
export const ATTENDANCE_STATUS_WORDS: Readonly<Record<AttendanceStatus, string>> = {
  present: 'came',
  apologies: 'sent apologies',
  absent: 'did not come',
};

/** An activity day's mark as the officer's message names it. */
export const attendedInWords = (attended: boolean): string => (attended ? 'came' : 'did not come');

export type OfflineChangeKind = 'session-mark' | 'activity-mark' | 'evaluation';

/**
 * What became of one change. `applied`, `already` and `replaced` are stored (or were stored
 * already); the `kept-*` and `refused-*` ones were not applied and are answered 409; the `held-*`
 * ones wait for the officer's decision (202).
 */
export type OfflineOutcome =
  | 'applied'
  | 'already'
  | 'replaced'
  | 'kept-theirs'
  | 'kept-own-later'
  | 'refused-cancelled'
  | 'refused-round-closed'
  | 'held-moved'
  | 'held-consent-withdrawn';

export const OFFLINE_OUTCOMES: readonly OfflineOutcome[] = [
  'applied',
  'already',
  'replaced',
  'kept-theirs',
  'kept-own-later',
  'refused-cancelled',
  'refused-round-closed',
  'held-moved',
  'held-consent-withdrawn',
];

export type OfflineAnswer = 'stored' | 'conflict' | 'held';

/** How the server answers each outcome: stored (as online), 409 offline-conflict, or 202 held. */
export const OFFLINE_OUTCOME_ANSWER: Readonly<Record<OfflineOutcome, OfflineAnswer>> = {
  applied: 'stored',
  already: 'stored',
  replaced: 'stored',
  'kept-theirs': 'conflict',
  'kept-own-later': 'conflict',
  'refused-cancelled': 'conflict',
  'refused-round-closed': 'conflict',
  'held-moved': 'held',
  'held-consent-withdrawn': 'held',
};

/** The change as the device sent it. */
export interface OfflineChange {
  kind: OfflineChangeKind;
  youngPersonName: string;
  /** The mark in words as the officer chose it ('came', 'sent apologies'), or the evaluation's answers as a fingerprint. */
  value: string;
  deviceTime: Date;
  officerId: string;
}

/** A mark or evaluation the server already holds for the same young person on the same occasion. */
export interface StoredValue {
  value: string;
  byId: string;
  byName: string;
  at: Date;
}

export type OccasionNow =
  | { status: 'held' }
  | { status: 'cancelled' }
  | { status: 'moved'; from: Date; to: Date; movedAt: Date };

export interface OfflineServerState {
  stored: StoredValue | null;
  occasion: OccasionNow;
  /** When the young person's consent that the mark needs was withdrawn, if it is withdrawn now. */
  consentWithdrawnAt: Date | null;
  /** When the evaluation round was closed, if it is closed now (evaluations only). */
  roundClosedAt: Date | null;
}

export interface OfflineResolution {
  outcome: OfflineOutcome;
  answer: OfflineAnswer;
  /** Plain words for the officer: what happened to their change and why. */
  detail: string;
}

const when = (at: Date): string => timeInLondon(at);
const whenWithDay = (at: Date, deviceTime: Date): string =>
  todayInLondon(at) === todayInLondon(deviceTime)
    ? timeInLondon(at)
    : `${timeInLondon(at)} on ${dayInWords(todayInLondon(at))}`;

const what = (kind: OfflineChangeKind): string =>
  kind === 'evaluation'
    ? 'evaluation'
    : kind === 'session-mark'
      ? 'mark on the register'
      : 'mark for the day';

function resolve(outcome: OfflineOutcome, detail: string): OfflineResolution {
  return { outcome, answer: OFFLINE_OUTCOME_ANSWER[outcome], detail };
}

/**
 * What becomes of a change made offline, given what the server holds now. The order matters and is
 * the order a person would ask in: is there still an occasion; is the round still open; may this
 * young person still be recorded; did the occasion move under the officer's feet; and only then,
 * whose mark is newer. A change is never dropped without one of these outcomes saying so.
 */
export function resolveOfflineChange(change: OfflineChange, state: OfflineServerState): OfflineResolution {
  const name = change.youngPersonName;
  const made = when(change.deviceTime);
  if (state.occasion.status === 'cancelled')
    return resolve(
      'refused-cancelled',
      `The ${what(change.kind)} for ${name} made at ${made} was not stored: the occasion was cancelled, so it has no register.`,
    );
  if (change.kind === 'evaluation' && state.roundClosedAt !== null)
    return resolve(
      'refused-round-closed',
      `${name}'s evaluation entered at ${made} was not stored: the evaluation round was closed at ${whenWithDay(state.roundClosedAt, change.deviceTime)}.`,
    );
  if (state.consentWithdrawnAt !== null && state.consentWithdrawnAt.getTime() > change.deviceTime.getTime())
    return resolve(
      'held-consent-withdrawn',
      `${name}'s consent was withdrawn at ${whenWithDay(state.consentWithdrawnAt, change.deviceTime)}, after your ${what(change.kind)} at ${made}. Your change is kept aside for you to decide: record it, or let it go.`,
    );
  if (state.occasion.status === 'moved' && state.occasion.movedAt.getTime() > change.deviceTime.getTime())
    return resolve(
      'held-moved',
      `The occasion was moved from ${whenWithDay(state.occasion.from, change.deviceTime)} to ${whenWithDay(state.occasion.to, change.deviceTime)} after your ${what(change.kind)} for ${name} at ${made}. Your change is kept aside for you to decide whether it still stands.`,
    );
  const stored = state.stored;
  if (stored === null)
    return resolve('applied', `Your ${what(change.kind)} for ${name} made at ${made} was stored.`);
  if (stored.value === change.value)
    return resolve(
      'already',
      `${name} was already recorded the same way by ${stored.byId === change.officerId ? 'you' : stored.byName} at ${whenWithDay(stored.at, change.deviceTime)}; it is stored once.`,
    );
  // An evaluation is what the young person said: a second one never overwrites the first.
  const later = change.kind === 'evaluation' || stored.at.getTime() > change.deviceTime.getTime();
  if (!later)
    return resolve(
      'replaced',
      `${name} was marked '${stored.value}' by ${stored.byId === change.officerId ? 'you' : stored.byName} at ${whenWithDay(stored.at, change.deviceTime)}, before your mark at ${made}; your mark '${change.value}' replaced it.`,
    );
  if (stored.byId === change.officerId)
    return resolve(
      'kept-own-later',
      change.kind === 'evaluation'
        ? `You had already entered an evaluation for ${name} at ${whenWithDay(stored.at, change.deviceTime)}; that one was kept and this one was not stored.`
        : `You marked ${name} '${stored.value}' at ${whenWithDay(stored.at, change.deviceTime)}, after this mark at ${made}; your later mark was kept.`,
    );
  return resolve(
    'kept-theirs',
    change.kind === 'evaluation'
      ? `${stored.byName} had already entered an evaluation for ${name} at ${whenWithDay(stored.at, change.deviceTime)}; theirs was kept and yours was not stored.`
      : `${name} was already marked '${stored.value}' by ${stored.byName} at ${whenWithDay(stored.at, change.deviceTime)}, after your mark at ${made}; their mark was kept.`,
  );
}

/** ISO 8601 with a date, a time and an offset: a time without one means a different instant on every device. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

export type DeviceTimeCheck = { ok: true; at: Date } | { ok: false; message: string };

/** Whether the Heard-Recorded-At a device sent can be believed, judged against when it arrived. */
export function checkDeviceTime(sent: string, arrivedAt: Date): DeviceTimeCheck {
  const trimmed = sent.trim();
  const at = ISO_WITH_OFFSET.test(trimmed) ? new Date(trimmed) : null;
  if (at === null || Number.isNaN(at.getTime()))
    return {
      ok: false,
      message: `${HEARD_RECORDED_AT_HEADER} must be a date and time with its offset, like 2026-06-13T13:50:00+01:00.`,
    };
  if (at.getTime() - arrivedAt.getTime() > DEVICE_TIME_MAX_AHEAD_MS)
    return {
      ok: false,
      message: `${HEARD_RECORDED_AT_HEADER} is more than 5 minutes ahead of now: the device's clock is wrong. Set it right and send again.`,
    };
  if (arrivedAt.getTime() - at.getTime() > DEVICE_TIME_MAX_AGE_DAYS * 24 * 60 * 60 * 1000)
    return {
      ok: false,
      message: `${HEARD_RECORDED_AT_HEADER} is more than ${DEVICE_TIME_MAX_AGE_DAYS} days ago: a change that old must be entered by hand.`,
    };
  return { ok: true, at };
}

export const HELD_CHANGE_REASON_MAX = 300;

const heldReason = z
  .string()
  .trim()
  .min(5, 'Give a reason of at least a few words.')
  .max(HELD_CHANGE_REASON_MAX, `Keep the reason under ${HELD_CHANGE_REASON_MAX} characters.`);

/**
 * Applying a held change: the reason is needed (and kept, as the register's consent override) when
 * the young person's consent was withdrawn. Its bounds are the override's, as it becomes one.
 */
export const HeldChangeApplyRequestSchema = z.object({ reason: heldReason.optional() }).strict();
/** Letting a held change go: always with a reason, so the audit says why a mark was not kept. */
export const HeldChangeDiscardRequestSchema = z.object({ reason: heldReason }).strict();

export type HeldReason = 'consent-withdrawn' | 'moved';

export interface HeldChangeResponse {
  id: string;
  kind: OfflineChangeKind;
  occasionId: string;
  youngPersonId: string;
  why: HeldReason;
  /** Whether the mark says they came (a "present" or "came" mark): only that needs their consent. */
  came: boolean;
  detail: string;
  deviceTime: string;
  arrivedAt: string;
  decision: 'applied' | 'discarded' | null;
}

export interface HeldAnswer {
  held: true;
  heldChangeId: string;
  detail: string;
}

/**
 * Whether a held change may be applied. A mark that someone came, for a young person whose consent
 * is now withdrawn, may be recorded only with a reason: that they were there is a fact (and a
 * safeguarding one) that must not be lost, and the reason is kept as the register's consent
 * override says why it was recorded anyway. That they did not come needs no consent, online or off.
 */
export function mayApplyHeld(
  why: HeldReason,
  attended: boolean,
  reason: string | undefined,
): { ok: true } | { ok: false; field: string; message: string } {
  if (why !== 'consent-withdrawn' || !attended) return { ok: true };
  if (reason === undefined)
    return {
      ok: false,
      field: 'reason',
      message: 'Their consent was withdrawn: say why their coming is recorded anyway, or let this change go.',
    };
  return { ok: true };
}
