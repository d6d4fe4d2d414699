import { ACTION_STATUS_RULES, ActionStatus, checkActionMove } from './action-status';

/** What a status asks of an action, as far as the answer the young people hear goes. */
export interface ActionAnswerFields {
  ownerId: string | null;
  dueOn: string | null;
  cantReason: string | null;
}

/** The problems with an answer, by field (empty when it is whole): the status table says what each needs. */
export function actionAnswerProblems(
  status: ActionStatus,
  fields: ActionAnswerFields,
): Record<string, string[]> {
  const rule = ACTION_STATUS_RULES[status];
  const problems: Record<string, string[]> = {};
  if (rule.needsOwnerAndDueDate) {
    if (!fields.ownerId) problems['ownerId'] = ['A “We will” needs someone to do it: choose an owner.'];
    if (!fields.dueOn) problems['dueOn'] = ['A “We will” needs a date it will be done by.'];
  }
  if (rule.needsReason && !fields.cantReason?.trim())
    problems['cantReason'] = ['A “We can’t” needs its reason, in words a young person understands.'];
  return problems;
}

export type ActionChangeCheck =
  | { allowed: true; progress: number }
  | { allowed: false; field: string; message: string };

/**
 * May an action move to `to` with these fields? The move is checked on the one status table
 * (checkActionMove), then what the new status needs; the progress is the officer's, or the
 * status's default when the status changes and they gave none.
 */
export function checkActionChange(
  from: ActionStatus,
  to: ActionStatus,
  fields: ActionAnswerFields,
  progress: { current: number; given: number | null },
): ActionChangeCheck {
  if (from !== to) {
    const move = checkActionMove(from, to);
    if (!move.allowed) return { allowed: false, field: 'status', message: move.message };
  }
  const [field, messages] = Object.entries(actionAnswerProblems(to, fields))[0] ?? [];
  if (field) return { allowed: false, field, message: messages[0] };
  const next = progress.given ?? (from === to ? progress.current : ACTION_STATUS_RULES[to].defaultProgress);
  return { allowed: true, progress: next };
}
