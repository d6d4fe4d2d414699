import { PLAN_STATUS_RULES, dateInWords, planMove } from '@heard/domain';
import type { PlanMove, PlanPeriod, PlanStatus, PlanVersionSummary } from '@heard/domain';
import { instantWords } from '../action-log/action-log-words';

/** The status of a version in words. */
export const statusWords = (status: PlanStatus): string => PLAN_STATUS_RULES[status].label;

/** "1 April 2026 to 31 March 2027". */
export const periodWords = (period: PlanPeriod): string =>
  `${dateInWords(period.from)} to ${dateInWords(period.to)}`;

/** A version in a line: its number once published, its status, and when it was published. */
export function versionWords(v: Pick<PlanVersionSummary, 'status' | 'number' | 'publishedAt'>): string {
  const name = v.number === null ? 'Unnumbered version' : `Version ${v.number}`;
  const published = v.publishedAt ? `, published ${instantWords(v.publishedAt)}` : '';
  return `${name}: ${statusWords(v.status)}${published}`;
}

/** The moves a reader may make from a status, with their button words and whether they need a reason. */
export function movesFrom(status: PlanStatus, to: readonly PlanStatus[]): PlanMove[] {
  return to.flatMap((t) => planMove(status, t) ?? []);
}

/**
 * The id of the field a gap's dotted path (planGaps) is about, so the list of what is missing can
 * link to it: "sections.lundy.childFriendly", "lundy.space.asked.evidence", "commitments.0.ownerId".
 */
export function gapFieldId(path: string): string {
  const sections = /^sections\.([a-z_]+)\.(professional|childFriendly)$/.exec(path);
  if (sections) return `plan-${sections[1]}-${sections[2]}`;
  const section = /^sections\.([a-z_]+)$/.exec(path);
  if (section) return `plan-section-${section[1]}`;
  const lundy = /^lundy\.(.+)\.(answer|evidence)$/.exec(path);
  if (lundy)
    return lundy[2] === 'answer' ? lundyFieldId(lundy[1], 'answer') : lundyFieldId(lundy[1], 'evidence-0');
  const commitment = /^commitments\.(\d+)\.(words|childWords|ownerId|dueOn|themeId)$/.exec(path);
  if (commitment) return `commitment-${commitment[1]}-${commitment[2]}`;
  return 'commitments-add';
}

export const lundyFieldId = (questionKey: string, field: string): string =>
  `lundy-${questionKey.replace(/\./g, '-')}-${field}`;
