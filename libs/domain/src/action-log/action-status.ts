/**
 * What an action says to the young people who spoke, and how it moves. Values are stored in the
 * database (the migration's CHECK lists the same words) and sent over the wire.
 */
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cant'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export function isActionStatus(value: unknown): value is ActionStatus {
  return typeof value === 'string' && (ACTION_STATUSES as readonly string[]).includes(value);
}

/** The three answers a young person hears. */
export type ActionAnswer = 'we_did' | 'we_will' | 'we_cant';

export interface ActionStatusRule {
  answer: ActionAnswer;
  label: string;
  /** The progress an action gets on entering the status, unless the officer gives one. */
  defaultProgress: number;
  /** Final: the answer will not change unless someone reopens it, so the loop can be closed on it. */
  final: boolean;
  /** A We will needs someone to do it and a date. */
  needsOwnerAndDueDate: boolean;
  /** A We can't needs its reason in words a young person understands. */
  needsReason: boolean;
  /** Where it may move next. Staying put is not a move. */
  moves: readonly ActionStatus[];
}

/**
 * The one table of action statuses and allowed moves:
 * - a We will is planned, then in progress, then done; it may become a We can't at any point;
 * - a We can't may turn into a We will when things change (a new budget, a new partner);
 * - a We did is final: what was done stays done, and a correction is a new entry on the timeline.
 */
export const ACTION_STATUS_RULES: Readonly<Record<ActionStatus, ActionStatusRule>> = {
  planned: {
    answer: 'we_will',
    label: 'We will: planned',
    defaultProgress: 0,
    final: false,
    needsOwnerAndDueDate: true,
    needsReason: false,
    moves: ['in_progress', 'done', 'cant'],
  },
  in_progress: {
    answer: 'we_will',
    label: 'We will: in progress',
    defaultProgress: 50,
    final: false,
    needsOwnerAndDueDate: true,
    needsReason: false,
    moves: ['done', 'cant'],
  },
  done: {
    answer: 'we_did',
    label: 'We did',
    defaultProgress: 100,
    final: true,
    needsOwnerAndDueDate: false,
    needsReason: false,
    moves: [],
  },
  cant: {
    answer: 'we_cant',
    label: "We can't",
    defaultProgress: 0,
    final: true,
    needsOwnerAndDueDate: false,
    needsReason: true,
    moves: ['planned'],
  },
};

export const ACTION_ANSWER_LABELS: Readonly<Record<ActionAnswer, string>> = {
  we_did: 'We did',
  we_will: 'We will',
  we_cant: "We can't",
};

export type ActionMoveCheck = { allowed: true } | { allowed: false; message: string };

/** May an action move from one status to another? The message is for the officer who tried. */
export function checkActionMove(from: ActionStatus, to: ActionStatus): ActionMoveCheck {
  if (from === to)
    return { allowed: false, message: `This action is already “${ACTION_STATUS_RULES[to].label}”.` };
  if (ACTION_STATUS_RULES[from].moves.includes(to)) return { allowed: true };
  if (from === 'done')
    return { allowed: false, message: 'A “We did” stays done. Add a progress note or a new action instead.' };
  return {
    allowed: false,
    message: `An action cannot go from “${ACTION_STATUS_RULES[from].label}” to “${ACTION_STATUS_RULES[to].label}”.`,
  };
}

/** The statuses a new action may start in: all of them, since "We did" can be recorded after the fact. */
export const FIRST_ACTION_STATUSES: readonly ActionStatus[] = ACTION_STATUSES;
