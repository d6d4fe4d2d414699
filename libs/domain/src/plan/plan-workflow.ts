import { ROLE_LABELS, Role } from '../roles/role';

/**
 * How a version of the annual voice plan moves (issue 14 §4, docs/plan.md): drafted by a
 * participation officer, scrutinised by young people, approved by a senior leader, published, and
 * superseded by the next. Values will be stored in the database and sent over the wire. No zod, so
 * navigation may import the roles below.
 */

/** Who drafts, sends for scrutiny, edits and publishes a plan. */
export const PLAN_EDITORS = [Role.ParticipationOfficer] as const;
/** Who approves a plan for publishing, or sends it back. */
export const PLAN_APPROVERS = [Role.SeniorLeader] as const;
/** Who comments on the child-friendly text while the plan is in scrutiny, on their own pages. */
export const PLAN_COMMENTERS = [Role.YoungExpert] as const;
/** Who reads plans that are not yet published. */
export const PLAN_READERS = [Role.ParticipationOfficer, Role.SeniorLeader] as const;

export const PLAN_STATUSES = ['draft', 'scrutiny', 'approved', 'published', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export function isPlanStatus(value: unknown): value is PlanStatus {
  return typeof value === 'string' && (PLAN_STATUSES as readonly string[]).includes(value);
}

export interface PlanStatusRule {
  label: string;
  /** Its sections' texts may change: what young people and the leader see is what gets published. */
  editable: boolean;
  /** Young experts may comment on its child-friendly text. */
  youngPeopleMayComment: boolean;
  /** The public may read it, and it has a number that never changes. */
  public: boolean;
}

export const PLAN_STATUS_RULES: Readonly<Record<PlanStatus, PlanStatusRule>> = {
  draft: { label: 'Draft', editable: true, youngPeopleMayComment: false, public: false },
  // Editing goes on during scrutiny: young people see what was changed because of their comments.
  scrutiny: {
    label: 'With young people for scrutiny',
    editable: true,
    youngPeopleMayComment: true,
    public: false,
  },
  // What the leader approved is exactly what is published: a change first goes back to draft.
  approved: { label: 'Approved', editable: false, youngPeopleMayComment: false, public: false },
  published: { label: 'Published', editable: false, youngPeopleMayComment: false, public: true },
  superseded: { label: 'Superseded', editable: false, youngPeopleMayComment: false, public: true },
};

/** Who makes a move: people in these roles, or nobody by hand (it follows from another move). */
export type PlanMover = readonly Role[] | 'automatic';

export interface PlanMove {
  from: PlanStatus;
  to: PlanStatus;
  /** The button's words. */
  label: string;
  by: PlanMover;
  /** The move needs the person's reason in words, recorded with who made it and when. */
  needsReason: boolean;
}

/**
 * The one table of moves. Every move records who made it and when; these need a reason too:
 * - sending a plan back (from scrutiny or approval to draft) says what must change, so the young
 *   people and the officer know why their version did not go ahead;
 * - approval and publishing need none: the approver's name is the record, and an optional note
 *   may still be kept.
 * Nothing reaches approval without young people's scrutiny, nor publication without approval; a
 * published version never moves back (a correction is a new version), and is superseded only when
 * the next one is published.
 */
export const PLAN_MOVES: readonly PlanMove[] = [
  {
    from: 'draft',
    to: 'scrutiny',
    label: 'Send to young people for scrutiny',
    by: PLAN_EDITORS,
    needsReason: false,
  },
  {
    from: 'scrutiny',
    to: 'draft',
    label: 'Take back to draft',
    by: [...PLAN_EDITORS, ...PLAN_APPROVERS],
    needsReason: true,
  },
  {
    from: 'scrutiny',
    to: 'approved',
    label: 'Approve for publishing',
    by: PLAN_APPROVERS,
    needsReason: false,
  },
  {
    from: 'approved',
    to: 'draft',
    label: 'Send back to draft',
    by: [...PLAN_EDITORS, ...PLAN_APPROVERS],
    needsReason: true,
  },
  { from: 'approved', to: 'published', label: 'Publish', by: PLAN_EDITORS, needsReason: false },
  {
    from: 'published',
    to: 'superseded',
    label: 'Superseded by the next version',
    by: 'automatic',
    needsReason: false,
  },
];

/** The longest reason for a move, and the longest "what changed" note of a correction. */
export const MAX_PLAN_REASON = 1000;
export const MAX_WHAT_CHANGED = 500;

export type PlanCheck =
  | { allowed: true }
  | {
      allowed: false;
      /** 'role' is a refusal of the person (403), the others of the request (400 or 409). */
      field: 'status' | 'role' | 'reason' | 'whatChanged';
      message: string;
    };

export function planMove(from: PlanStatus, to: PlanStatus): PlanMove | undefined {
  return PLAN_MOVES.find((m) => m.from === from && m.to === to);
}

/** The moves a person in `role` may make from `from`, for the page's buttons. */
export function planMovesFor(from: PlanStatus, role: Role): PlanMove[] {
  return PLAN_MOVES.filter((m) => m.from === from && m.by !== 'automatic' && m.by.includes(role));
}

const label = (status: PlanStatus) => PLAN_STATUS_RULES[status].label;

/** May a person in `role` move a plan version from one status to another, with this reason? */
export function checkPlanMove(
  from: PlanStatus,
  to: PlanStatus,
  role: Role,
  reason: string | null,
): PlanCheck {
  if (from === to)
    return { allowed: false, field: 'status', message: `This version is already “${label(to)}”.` };
  const move = planMove(from, to);
  if (!move) {
    const message = PLAN_STATUS_RULES[from].public
      ? 'A published version never changes: make a correction, a new version, instead.'
      : to === 'published'
        ? 'A plan is published only after a senior leader has approved it.'
        : to === 'approved'
          ? 'A plan is approved only after young people have scrutinised it.'
          : `A plan cannot go from “${label(from)}” to “${label(to)}”.`;
    return { allowed: false, field: 'status', message };
  }
  if (move.by === 'automatic')
    return {
      allowed: false,
      field: 'status',
      message: 'A version is superseded when the next one is published, not by hand.',
    };
  if (!move.by.includes(role))
    return {
      allowed: false,
      field: 'role',
      message: `Only a ${move.by.map((r) => ROLE_LABELS[r].toLowerCase()).join(' or a ')} can do this.`,
    };
  if (move.needsReason && !reason?.trim())
    return { allowed: false, field: 'reason', message: 'Say what needs to change, so everyone knows why.' };
  if (reason && reason.trim().length > MAX_PLAN_REASON)
    return {
      allowed: false,
      field: 'reason',
      message: `Keep the reason under ${MAX_PLAN_REASON} characters.`,
    };
  return { allowed: true };
}

/** May the sections of a version in this status be changed? */
export function checkPlanEdit(status: PlanStatus): PlanCheck {
  if (PLAN_STATUS_RULES[status].editable) return { allowed: true };
  return {
    allowed: false,
    field: 'status',
    message: PLAN_STATUS_RULES[status].public
      ? 'A published version never changes: make a correction, a new version, instead.'
      : 'An approved plan is published as it was approved: send it back to draft to change it.',
  };
}

/** May a young expert comment on a version in this status? */
export function checkPlanComment(status: PlanStatus): PlanCheck {
  if (PLAN_STATUS_RULES[status].youngPeopleMayComment) return { allowed: true };
  return { allowed: false, field: 'status', message: 'This plan is not open for comments now.' };
}

/** A version of a year's plan, as the API reads it to decide on a new one. */
export interface PlanVersionRow {
  id: string;
  /** The year the plan is for: its period's first year (2026 for April 2026 to March 2027). */
  planYear: number;
  status: PlanStatus;
  /** Set when it is published, never before and never again. */
  number: number | null;
}

/**
 * May a new version of a year's plan be started, with this note? One version at a time is worked
 * on, so two drafts never race to be published. The first version needs no note; a correction
 * (any version after a published one) says in plain words what changed, for the public page.
 */
export function checkNewPlanVersion(
  planYear: number,
  versions: readonly PlanVersionRow[],
  whatChanged: string | null,
): PlanCheck {
  const ofYear = versions.filter((v) => v.planYear === planYear);
  if (ofYear.some((v) => !PLAN_STATUS_RULES[v.status].public))
    return {
      allowed: false,
      field: 'status',
      message: `The ${planYear} plan already has a version being worked on: finish or change that one.`,
    };
  const note = whatChanged?.trim() ?? '';
  if (ofYear.length > 0 && note === '')
    return {
      allowed: false,
      field: 'whatChanged',
      message: 'Say in plain words what this correction changes.',
    };
  if (note.length > MAX_WHAT_CHANGED)
    return {
      allowed: false,
      field: 'whatChanged',
      message: `Keep “what changed” under ${MAX_WHAT_CHANGED} characters.`,
    };
  return { allowed: true };
}

/**
 * The number a version of a year's plan gets when it is published: one more than the last
 * published, so numbers never repeat and never change (a superseded version keeps its number).
 */
export function nextPlanVersionNumber(planYear: number, versions: readonly PlanVersionRow[]): number {
  return (
    versions
      .filter((v) => v.planYear === planYear && v.number !== null)
      .reduce((max, v) => Math.max(max, v.number ?? 0), 0) + 1
  );
}

/**
 * What publishing a version of `planYear` supersedes: the published version of the same year it
 * corrects, and the published plan of any earlier year, which the new plan replaces. A later
 * year's plan already out stays current, so publishing a correction of an old year's plan does
 * not take the current plan down.
 */
export function supersededByPublishing(planYear: number, versions: readonly PlanVersionRow[]): string[] {
  const newestYear = versions.reduce(
    (max, v) => (v.status === 'published' ? Math.max(max, v.planYear) : max),
    planYear,
  );
  const replaces = (v: PlanVersionRow) =>
    v.planYear === planYear || (v.planYear < planYear && planYear === newestYear);
  return versions.filter((v) => v.status === 'published' && replaces(v)).map((v) => v.id);
}
