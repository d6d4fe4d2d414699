import type { HeldChangeResponse, HeldReason } from '@heard/domain';

/** What the change was, as the officer would say it. */
export function heldKindWords(kind: HeldChangeResponse['kind']): string {
  if (kind === 'session-mark') return 'A mark on a session’s register';
  if (kind === 'activity-mark') return 'A mark on an activity day’s register';
  return 'An evaluation';
}

/** Why the server kept it aside instead of storing it. */
export function heldWhyWords(why: HeldReason): string {
  return why === 'consent-withdrawn'
    ? 'Their consent was withdrawn after you made the change.'
    : 'The session or day was moved after you made the change.';
}
