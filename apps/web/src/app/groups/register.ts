import type { AttendanceStatus, GroupSessionDetailResponse, ProblemDetails } from '@heard/domain';

export type RegisterRow = GroupSessionDetailResponse['register'][number];
/** Each person's mark, by young person id; null when not marked yet. */
export type Marks = Readonly<Record<string, AttendanceStatus | null>>;

export function marksFrom(register: readonly RegisterRow[]): Marks {
  return Object.fromEntries(register.map((row) => [row.youngPersonId, row.status]));
}

/** Everyone on the register marked with one status (the "Mark everyone present" helper). */
export function markEveryone(register: readonly RegisterRow[], status: AttendanceStatus): Marks {
  return Object.fromEntries(register.map((row) => [row.youngPersonId, status]));
}

/** What `PUT /api/sessions/:id/attendance` needs: the marked people, in register order. */
export function entriesToSave(
  register: readonly RegisterRow[],
  marks: Marks,
): { youngPersonId: string; status: AttendanceStatus }[] {
  return register.flatMap((row) => {
    const status = marks[row.youngPersonId];
    return status ? [{ youngPersonId: row.youngPersonId, status }] : [];
  });
}

/**
 * The marks that differ from the saved register, one entry each: without signal each goes into the
 * outbox on its own, as the server takes exactly one entry in a register sent offline (ADR 0029).
 */
export function changedEntries(
  register: readonly RegisterRow[],
  marks: Marks,
): { youngPersonId: string; status: AttendanceStatus }[] {
  const saved = marksFrom(register);
  return entriesToSave(register, marks).filter((entry) => saved[entry.youngPersonId] !== entry.status);
}

/**
 * The server's messages for particular entries ("entries.2.youngPersonId"), by the young person
 * the entry was about, so each shows on that person's row.
 */
export function rowErrors(
  problem: ProblemDetails | null,
  sent: readonly { youngPersonId: string }[],
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, messages] of Object.entries(problem?.errors ?? {})) {
    const match = /^entries\.(\d+)(?:\.|$)/.exec(key);
    const entry = match ? sent[Number(match[1])] : undefined;
    if (entry && messages.length > 0) {
      result[entry.youngPersonId] = [result[entry.youngPersonId], ...messages].filter(Boolean).join(' ');
    }
  }
  return result;
}

/** "3 present, 1 sent apologies, 0 absent, 2 not marked yet". */
export function registerSummary(register: readonly RegisterRow[], marks: Marks): string {
  const counts = { present: 0, apologies: 0, absent: 0, unmarked: 0 };
  for (const row of register) {
    const status = marks[row.youngPersonId];
    if (status) counts[status]++;
    else counts.unmarked++;
  }
  const parts = [
    `${counts.present} present`,
    `${counts.apologies} sent apologies`,
    `${counts.absent} absent`,
  ];
  if (counts.unmarked > 0) parts.push(`${counts.unmarked} not marked yet`);
  return parts.join(', ');
}

/** Whether the marks differ from what the register says is saved. */
export function marksChanged(register: readonly RegisterRow[], marks: Marks): boolean {
  return register.some((row) => (marks[row.youngPersonId] ?? null) !== row.status);
}
