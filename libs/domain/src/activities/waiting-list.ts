/**
 * Where an answer of yes puts someone. `acceptedCount` is the places already taken, not counting
 * the person answering; a capacity of null means there is no limit.
 */
export function placeAnswer(capacity: number | null, acceptedCount: number): 'accepted' | 'waitlisted' {
  return capacity === null || acceptedCount < capacity ? 'accepted' : 'waitlisted';
}

export interface WaitingEntry {
  id: string;
  /** When they said yes and found it full: first come, first served. */
  answeredAt: Date;
}

const longestWaitingFirst = (a: WaitingEntry, b: WaitingEntry) =>
  a.answeredAt.getTime() - b.answeredAt.getTime() || a.id.localeCompare(b.id);

/** Who moves up when a place frees: the one who has waited longest; ties go by id so the answer is stable. */
export function nextToPromote(waitlisted: readonly WaitingEntry[]): string | null {
  return [...waitlisted].sort(longestWaitingFirst)[0]?.id ?? null;
}

/** Someone's place in the queue, 1 for next in line; null when they are not on it. */
export function waitingListPosition(waitlisted: readonly WaitingEntry[], id: string): number | null {
  const index = [...waitlisted].sort(longestWaitingFirst).findIndex((w) => w.id === id);
  return index === -1 ? null : index + 1;
}
