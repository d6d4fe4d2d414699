/**
 * The life cycle of a practice tool, in order. Values are stored in the database (the migration's
 * CHECK lists the same words) and sent over the wire.
 */
export const PRACTICE_TOOL_STAGES = [
  'co_producing',
  'being_evaluated',
  'shared_with_workforce',
  'embedded',
  'retired',
] as const;
export type PracticeToolStage = (typeof PRACTICE_TOOL_STAGES)[number];

export const PRACTICE_TOOL_STAGE_LABELS: Readonly<Record<PracticeToolStage, string>> = {
  co_producing: 'Co-producing',
  being_evaluated: 'Being evaluated',
  shared_with_workforce: 'Shared with the workforce',
  embedded: 'Embedded',
  retired: 'Retired',
};

export function isPracticeToolStage(value: unknown): value is PracticeToolStage {
  return typeof value === 'string' && (PRACTICE_TOOL_STAGES as readonly string[]).includes(value);
}

/** A new tool starts here: it is being made with young people before anyone evaluates it. */
export const FIRST_PRACTICE_TOOL_STAGE: PracticeToolStage = 'co_producing';

export type StageMoveCheck = { allowed: true; needsReason: boolean } | { allowed: false; message: string };

/**
 * Which stage moves are allowed, and which need a reason:
 * - forward one stage: allowed, no reason needed (the usual path);
 * - to retired from any other stage: allowed, with a reason, because why a tool stopped being used
 *   is what someone looking for it later needs to know;
 * - back one stage (e.g. a shared tool goes back to being evaluated after a new version): allowed,
 *   with a reason, because it undoes a decision;
 * - anything else (skipping a stage forward, going back two, staying put): refused;
 * - a retired tool cannot move: bringing one back is a new tool (or a new version of a live one).
 */
export function checkStageMove(from: PracticeToolStage, to: PracticeToolStage): StageMoveCheck {
  if (from === 'retired') return { allowed: false, message: 'A retired tool cannot move to another stage.' };
  if (from === to) return { allowed: false, message: `The tool is already at "${label(to)}".` };
  if (to === 'retired') return { allowed: true, needsReason: true };
  const step = PRACTICE_TOOL_STAGES.indexOf(to) - PRACTICE_TOOL_STAGES.indexOf(from);
  if (step === 1) return { allowed: true, needsReason: false };
  if (step === -1) return { allowed: true, needsReason: true };
  // The fallbacks never apply: a step of 2 or more has a next stage, of -2 or less a previous one.
  return step > 1
    ? {
        allowed: false,
        message: `A tool moves one stage at a time: next is "${label(nextStage(from) ?? to)}".`,
      }
    : {
        allowed: false,
        message: `A tool can go back only one stage, to "${label(previousStage(from) ?? to)}".`,
      };
}

/** The stage after `from` on the usual path, or null when there is none (retired). */
export function nextStage(from: PracticeToolStage): PracticeToolStage | null {
  if (from === 'retired') return null;
  return PRACTICE_TOOL_STAGES[PRACTICE_TOOL_STAGES.indexOf(from) + 1] ?? null;
}

/** The stage before `from`, or null for the first stage and for retired (which cannot move). */
export function previousStage(from: PracticeToolStage): PracticeToolStage | null {
  if (from === 'retired') return null;
  return PRACTICE_TOOL_STAGES[PRACTICE_TOOL_STAGES.indexOf(from) - 1] ?? null;
}

/** Every stage a tool at `from` may move to, in life-cycle order. */
export function allowedMoves(from: PracticeToolStage): { to: PracticeToolStage; needsReason: boolean }[] {
  return PRACTICE_TOOL_STAGES.flatMap((to) => {
    const check = checkStageMove(from, to);
    return check.allowed ? [{ to, needsReason: check.needsReason }] : [];
  });
}

function label(stage: PracticeToolStage): string {
  return PRACTICE_TOOL_STAGE_LABELS[stage];
}
