/** How many changes are where, as the outbox's banner needs them. */
export interface OutboxCounts {
  /** Kept on the device, not sent yet. */
  waiting: number;
  /** Back with a conflict, held, or refused: the officer must look. */
  needYou: number;
  /** Stored by the server since this page opened. */
  sent: number;
  sending: boolean;
  /** The session ended with changes still waiting. */
  signInAgain: boolean;
}

export interface OutboxBanner {
  /** The status line: what has happened to the officer's changes. */
  text: string;
  /** The link to the changes that need the officer, when there are any. */
  needYou: string | null;
}

const changes = (n: number) => (n === 1 ? '1 change' : `${n} changes`);

/**
 * The words of the outbox's banner. Nothing at all while the device has never had to keep a
 * change, so an officer with signal is not shown a status about nothing.
 */
export function outboxBanner(counts: OutboxCounts): OutboxBanner | null {
  const needYou =
    counts.needYou > 0 ? `${changes(counts.needYou)} ${counts.needYou === 1 ? 'needs' : 'need'} you` : null;
  if (counts.waiting > 0) {
    if (counts.sending) return { text: 'Sending…', needYou };
    const text = `Not sent yet: ${changes(counts.waiting)}`;
    return { text: counts.signInAgain ? `${text}. Sign in again to send them.` : text, needYou };
  }
  if (counts.needYou > 0 || counts.sent > 0) return { text: 'All sent', needYou };
  return null;
}
