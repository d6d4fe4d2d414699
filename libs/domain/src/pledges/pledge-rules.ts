import { IsoDate, addDays } from '../shared/dates';

/**
 * The rules of pledges (issue 13 §1 and §2, docs/pledges.md): their statuses and moves, the
 * leader's red/amber/green, the young people's verdict and how it maps to red/amber/green, when the
 * two differ (the flag), and when the leader is reminded that an update is due. Values are stored
 * in the database (migration 1765360000000 lists the same words) and sent over the wire.
 */

export const PLEDGE_STATUSES = ['unconfirmed', 'active', 'completed', 'withdrawn', 'declined'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

export interface PledgeStatusRule {
  label: string;
  /** Where it may move next, and who moves it there (always the leader who made it). */
  moves: readonly PledgeStatus[];
  /** Entering this status needs the leader's reason, in words. */
  needsReason: boolean;
  /** The leader posts progress updates and changes the red/amber/green (and is reminded to). */
  takesUpdates: boolean;
  /** Young people may say whether it was kept: once it is the leader's own, whatever became of it. */
  youngPeopleMayRate: boolean;
}

/**
 * The one table of pledge statuses:
 * - a pledge an officer recorded on a leader's behalf is unconfirmed until the leader confirms it
 *   (active) or says it is not theirs (declined, with a reason);
 * - a pledge a leader recorded themselves starts active;
 * - an active pledge is completed, or withdrawn with a reason; both are final: what happened stays,
 *   and the young people's verdict can still be given on it.
 */
export const PLEDGE_STATUS_RULES: Readonly<Record<PledgeStatus, PledgeStatusRule>> = {
  unconfirmed: {
    label: 'Waiting for the leader to confirm',
    moves: ['active', 'declined'],
    needsReason: false,
    takesUpdates: false,
    youngPeopleMayRate: false,
  },
  active: {
    label: 'Being kept',
    moves: ['completed', 'withdrawn'],
    needsReason: false,
    takesUpdates: true,
    youngPeopleMayRate: true,
  },
  completed: {
    label: 'Completed',
    moves: [],
    needsReason: false,
    takesUpdates: false,
    youngPeopleMayRate: true,
  },
  withdrawn: {
    label: 'Withdrawn',
    moves: [],
    needsReason: true,
    takesUpdates: false,
    youngPeopleMayRate: true,
  },
  declined: {
    label: 'Not confirmed by the leader',
    moves: [],
    needsReason: true,
    takesUpdates: false,
    youngPeopleMayRate: false,
  },
};

export type PledgeCheck = { allowed: true } | { allowed: false; field: string; message: string };

/** May a pledge move from one status to another, with this reason? The message is for the leader. */
export function checkPledgeMove(from: PledgeStatus, to: PledgeStatus, reason: string | null): PledgeCheck {
  if (from === to)
    return {
      allowed: false,
      field: 'status',
      message: `This pledge is already “${PLEDGE_STATUS_RULES[to].label}”.`,
    };
  if (!PLEDGE_STATUS_RULES[from].moves.includes(to))
    return {
      allowed: false,
      field: 'status',
      message: `A pledge cannot go from “${PLEDGE_STATUS_RULES[from].label}” to “${PLEDGE_STATUS_RULES[to].label}”.`,
    };
  if (PLEDGE_STATUS_RULES[to].needsReason && !reason?.trim())
    return {
      allowed: false,
      field: 'statusReason',
      message: 'Say why, so the young people who heard it know.',
    };
  return { allowed: true };
}

/** Red, amber, green: how a pledge is going. */
export const RAGS = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAGS)[number];
export const RAG_LABELS: Readonly<Record<Rag, string>> = { red: 'Red', amber: 'Amber', green: 'Green' };
/** Worst first: the order used to find the young people's middle view. */
const RAG_ORDER: Readonly<Record<Rag, number>> = { red: 0, amber: 1, green: 2 };

/**
 * May the leader's red/amber/green become `to`? Every change, the first one included, needs a
 * reason; sending the same colour again is no change and needs none.
 */
export function checkRagChange(from: Rag | null, to: Rag, reason: string | null): PledgeCheck {
  if (from !== to && !reason?.trim())
    return {
      allowed: false,
      field: 'ragReason',
      message: `Say why this pledge is ${RAG_LABELS[to].toLowerCase()} now.`,
    };
  return { allowed: true };
}

/** What a young person says about a pledge: was it kept? */
export const PLEDGE_VERDICTS = ['kept', 'partly', 'not_kept'] as const;
export type PledgeVerdict = (typeof PLEDGE_VERDICTS)[number];
/** In young people's words: short, and each as easy to choose as the others. */
export const PLEDGE_VERDICT_LABELS: Readonly<Record<PledgeVerdict, string>> = {
  kept: 'Yes, it was kept',
  partly: 'Partly',
  not_kept: 'No, it was not kept',
};

/** How a young person's verdict reads on the red/amber/green scale the leader uses. */
export const VERDICT_RAG: Readonly<Record<PledgeVerdict, Rag>> = {
  kept: 'green',
  partly: 'amber',
  not_kept: 'red',
};

/**
 * The young people's red/amber/green from their current verdicts (each young expert's latest, and
 * each group's latest view recorded at a session, counting one each): the middle one, worst first,
 * and with an even number the worse of the two middles, so a split view is not read as the kinder
 * one. Null while nobody has said.
 */
export function youngPeoplesRag(verdicts: readonly PledgeVerdict[]): Rag | null {
  if (verdicts.length === 0) return null;
  const sorted = verdicts.map((v) => VERDICT_RAG[v]).sort((a, b) => RAG_ORDER[a] - RAG_ORDER[b]);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Which side sees it more hopefully, when the two differ. */
export type PledgeDivergence = 'leader_more_hopeful' | 'young_people_more_hopeful';

export interface PledgeFlag {
  flagged: boolean;
  divergence: PledgeDivergence | null;
}

/**
 * The flag: the leader's red/amber/green and the young people's differ. Both must have been given;
 * any difference counts (amber against red as much as green against red), and which side is more
 * hopeful is said, so a leader and the young people can talk about the same thing.
 */
export function pledgeFlag(leader: Rag | null, youngPeople: Rag | null): PledgeFlag {
  if (leader === null || youngPeople === null || leader === youngPeople)
    return { flagged: false, divergence: null };
  return {
    flagged: true,
    divergence:
      RAG_ORDER[leader] > RAG_ORDER[youngPeople] ? 'leader_more_hopeful' : 'young_people_more_hopeful',
  };
}

/** How often a leader updates a pledge: at least weekly is noise, at most yearly is forgotten. */
export const MIN_UPDATE_EVERY_DAYS = 7;
export const MAX_UPDATE_EVERY_DAYS = 365;
export const DEFAULT_UPDATE_EVERY_DAYS = 30;
/** The longest a reminder comes ahead of the update it is about. */
export const PLEDGE_REMIND_AT_MOST_DAYS_BEFORE = 7;

/** When the next update is due: the interval after the last update, or after the pledge was made. */
export function nextUpdateDue(lastUpdateOn: IsoDate, everyDays: number): IsoDate {
  return addDays(lastUpdateOn, everyDays);
}

/**
 * When the leader is reminded of an update due on `due`: a quarter of the interval before it, at
 * least a day and at most a week (a weekly pledge a day ahead, a monthly one a week ahead).
 */
export function pledgeRemindOn(due: IsoDate, everyDays: number): IsoDate {
  const ahead = Math.max(1, Math.min(PLEDGE_REMIND_AT_MOST_DAYS_BEFORE, Math.floor(everyDays / 4)));
  return addDays(due, -ahead);
}
