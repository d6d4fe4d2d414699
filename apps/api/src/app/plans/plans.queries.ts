import {
  PLAN_STATUS_RULES,
  PlanCommitmentView,
  PlanContent,
  PlanDocument,
  PlanLundyAnswerView,
  PlanMoveView,
  PlanSectionComparison,
  PlanSectionKey,
  PlanSectionView,
  PlanStatus,
  PlanVersionResponse,
  PlanVersionRow,
  PlanVersionSummary,
  EMPTY_PLAN_DOCUMENT,
  Role,
  diffPlanTexts,
  planGaps,
  planMovesFor,
  planSectionsFor,
} from '@heard/domain';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../platform/errors/domain-error';
import { checkOwner } from '../action-log/action-log-actions.queries';

/** updated_at to the millisecond, as the API sends it: what expectedUpdatedAt is compared with. */
const VERSION = `to_char(v.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The plan's place in the council's run of plans (1 for its first): section C, last year, is part
 * of every plan after the first. Counted from the earliest plan Heard holds.
 */
const YEAR_OF_PLAN = `(p.year - (SELECT min(year) FROM voice_plans) + 1)`;

/** A version as the service reads it to change it: the response's own fields, and its updated_at. */
export interface VersionRow
  extends Pick<
    PlanVersionResponse,
    'id' | 'planId' | 'year' | 'yearOfPlan' | 'period' | 'status' | 'number' | 'whatChanged' | 'publishedAt'
  > {
  /** updated_at as sent over the wire. */
  version: string;
}

interface RawVersionRow extends Omit<VersionRow, 'period' | 'publishedAt'> {
  periodFrom: string;
  periodTo: string;
  publishedAt: Date | null;
  createdAt: Date;
}

const VERSION_COLUMNS = `v.id, v.plan_id AS "planId", p.year, ${YEAR_OF_PLAN}::int AS "yearOfPlan",
  p.period_from::text AS "periodFrom", p.period_to::text AS "periodTo", v.status, v.number,
  v.what_changed AS "whatChanged", v.published_at AS "publishedAt", v.created_at AS "createdAt", ${VERSION} AS version`;

const toRow = (r: RawVersionRow): VersionRow => ({
  id: r.id,
  planId: r.planId,
  year: r.year,
  yearOfPlan: r.yearOfPlan,
  period: { from: r.periodFrom, to: r.periodTo },
  status: r.status,
  number: r.number,
  whatChanged: r.whatChanged,
  publishedAt: r.publishedAt ? new Date(r.publishedAt).toISOString() : null,
  version: r.version,
});

/** A version by id, locked for the change when `lock` is set; 404 when there is none. */
export async function reachVersion(em: EntityManager, id: string, lock: boolean): Promise<VersionRow> {
  const [row]: RawVersionRow[] = await em.query(
    `SELECT ${VERSION_COLUMNS} FROM plan_versions v JOIN voice_plans p ON p.id = v.plan_id
      WHERE v.id = $1${lock ? ' FOR UPDATE OF v' : ''}`,
    [id],
  );
  if (!row) throw DomainError.notFound('This version of the plan');
  return toRow(row);
}

/** The change was made on the version as the person last saw it, or it is refused (409). */
export function checkUnchanged(row: VersionRow, expectedUpdatedAt: string): void {
  if (row.version !== new Date(expectedUpdatedAt).toISOString())
    throw new DomainError(
      'conflict',
      'This version of the plan changed since you opened it. Look at it again before you change it.',
    );
}

/** Marks a version as changed now, so the next stale expectedUpdatedAt is refused. */
export async function touchVersion(em: EntityManager, id: string): Promise<void> {
  // A SELECT around the UPDATE: the driver gives an UPDATE's rows back wrapped with its count.
  await em.query(
    `WITH touched AS (UPDATE plan_versions SET updated_at = clock_timestamp() WHERE id = $1 RETURNING id)
     SELECT id FROM touched`,
    [id],
  );
}

/** Every version of every plan, as plan-workflow.ts decides numbering, superseding and new versions on. */
export async function allVersionRows(em: EntityManager, lock: boolean): Promise<PlanVersionRow[]> {
  return em.query(
    `SELECT v.id, p.year AS "planYear", v.status, v.number
       FROM plan_versions v JOIN voice_plans p ON p.id = v.plan_id
      ORDER BY p.year, v.created_at${lock ? ' FOR UPDATE OF v' : ''}`,
  );
}

interface SectionRow {
  key: PlanSectionKey;
  professional: PlanDocument;
  childFriendly: PlanDocument;
}

interface LundyRow {
  questionKey: string;
  answer: string;
  evidence: { words: string; reference: null }[];
}

interface CommitmentRow {
  words: string;
  childWords: string;
  ownerId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  themeId: string | null;
  actionId: string | null;
}

/** A version's content: every section of its year (empty where not written yet), answers, commitments. */
export async function contentOf(
  em: EntityManager,
  row: VersionRow,
): Promise<{ sections: PlanSectionView[]; lundy: PlanLundyAnswerView[]; commitments: CommitmentRow[] }> {
  const stored: SectionRow[] = await em.query(
    `SELECT section_key AS key, professional, child_friendly AS "childFriendly"
       FROM plan_sections WHERE version_id = $1`,
    [row.id],
  );
  const keys = planSectionsFor(row.yearOfPlan);
  const sections = [
    ...keys.map(
      (key) =>
        stored.find((s) => s.key === key) ?? {
          key,
          professional: EMPTY_PLAN_DOCUMENT,
          childFriendly: EMPTY_PLAN_DOCUMENT,
        },
    ),
    // Kept and shown (planGaps names it) should the run of plans change under a version.
    ...stored.filter((s) => !keys.includes(s.key)),
  ];
  const lundy: LundyRow[] = await em.query(
    `SELECT question_key AS "questionKey", answer, evidence FROM plan_lundy_answers
      WHERE version_id = $1 ORDER BY question_key`,
    [row.id],
  );
  const commitments: CommitmentRow[] = await em.query(
    `SELECT c.words, c.child_words AS "childWords", c.owner_id AS "ownerId", u.display_name AS "ownerName",
            c.due_on::text AS "dueOn", c.theme_id AS "themeId", c.action_id AS "actionId"
       FROM plan_commitments c LEFT JOIN users u ON u.id = c.owner_id
      WHERE c.version_id = $1 ORDER BY c.position`,
    [row.id],
  );
  return { sections, lundy, commitments };
}

/**
 * Two versions' texts, section by section, word by word (plan-diff.ts): the one comparison staff
 * and the public both read. A section only one of them has reads as empty in the other.
 */
export async function compareSections(
  em: EntityManager,
  before: VersionRow,
  after: VersionRow,
): Promise<PlanSectionComparison[]> {
  const [a, b] = [await contentOf(em, before), await contentOf(em, after)];
  const keys = [...new Set([...a.sections, ...b.sections].map((s) => s.key))];
  const empty = { professional: EMPTY_PLAN_DOCUMENT, childFriendly: EMPTY_PLAN_DOCUMENT };
  return keys.map((key) => {
    const was = a.sections.find((s) => s.key === key) ?? empty;
    const is = b.sections.find((s) => s.key === key) ?? empty;
    return {
      key,
      professional: diffPlanTexts(was.professional, is.professional),
      childFriendly: diffPlanTexts(was.childFriendly, is.childFriendly),
    };
  });
}

/** The parts of a version planGaps checks. */
export async function planContentOf(em: EntityManager, row: VersionRow): Promise<PlanContent> {
  const { sections, lundy, commitments } = await contentOf(em, row);
  return {
    yearOfPlan: row.yearOfPlan,
    period: row.period,
    sections,
    lundy,
    commitments: commitments.map((c) => ({
      words: c.words,
      childWords: c.childWords,
      ownerId: c.ownerId,
      dueOn: c.dueOn,
      themeId: c.themeId,
    })),
  };
}

export const commitmentView = (c: CommitmentRow): PlanCommitmentView => ({
  words: c.words,
  childWords: c.childWords,
  owner: c.ownerId ? { id: c.ownerId, displayName: c.ownerName ?? '' } : null,
  dueOn: c.dueOn,
  themeId: c.themeId,
  actionId: c.actionId,
});

export function versionSummary(row: VersionRow): PlanVersionSummary {
  return {
    id: row.id,
    status: row.status,
    number: row.number,
    whatChanged: row.whatChanged,
    publishedAt: row.publishedAt,
    updatedAt: row.version,
  };
}

/** A version as staff see it, with what is missing and the moves this reader may make. */
export async function versionResponse(
  em: EntityManager,
  id: string,
  role: Role,
): Promise<PlanVersionResponse> {
  const [raw]: RawVersionRow[] = await em.query(
    `SELECT ${VERSION_COLUMNS} FROM plan_versions v JOIN voice_plans p ON p.id = v.plan_id WHERE v.id = $1`,
    [id],
  );
  if (!raw) throw DomainError.notFound('This version of the plan');
  const row = toRow(raw);
  const { sections, lundy, commitments } = await contentOf(em, row);
  const moves: {
    from: PlanStatus | null;
    to: PlanStatus;
    reason: string | null;
    byId: string | null;
    byName: string | null;
    at: Date;
  }[] = await em.query(
    `SELECT m.from_status AS "from", m.to_status AS "to", m.reason, m.by_user AS "byId",
            u.display_name AS "byName", m.at
       FROM plan_moves m LEFT JOIN users u ON u.id = m.by_user
      WHERE m.version_id = $1 ORDER BY m.id`,
    [id],
  );
  const content = await planContentOf(em, row);
  return {
    ...versionSummary(row),
    planId: row.planId,
    year: row.year,
    yearOfPlan: row.yearOfPlan,
    period: row.period,
    sections,
    lundy,
    commitments: commitments.map(commitmentView),
    moves: moves.map(
      (m): PlanMoveView => ({
        from: m.from,
        to: m.to,
        reason: m.reason,
        by: m.byId ? { id: m.byId, displayName: m.byName ?? '' } : null,
        at: new Date(m.at).toISOString(),
      }),
    ),
    gaps: PLAN_STATUS_RULES[row.status].editable ? planGaps(content) : [],
    nextMoves: planMovesFor(row.status, role).map((m) => m.to),
    createdAt: new Date(raw.createdAt).toISOString(),
  };
}

/** Every version of every plan in one read: the newest year first, each year's versions oldest first. */
export async function everyVersion(em: EntityManager): Promise<VersionRow[]> {
  const rows: RawVersionRow[] = await em.query(
    `SELECT ${VERSION_COLUMNS} FROM plan_versions v JOIN voice_plans p ON p.id = v.plan_id
      ORDER BY p.year DESC, v.created_at, v.id`,
  );
  return rows.map(toRow);
}

/** An owner of a commitment is whom the action log accepts as an action's owner (checkOwner), named by position. */
export async function checkCommitmentOwner(
  em: EntityManager,
  ownerId: string | null,
  i: number,
): Promise<void> {
  try {
    await checkOwner(em, ownerId);
  } catch (e) {
    if (e instanceof DomainError && e.errors?.['ownerId'])
      throw DomainError.validation(`commitments.${i}.ownerId`, e.detail);
    throw e;
  }
}

/** Records a step of a version (append-only): who, from, to, why. */
export async function noteMove(
  em: EntityManager,
  versionId: string,
  from: PlanStatus | null,
  to: PlanStatus,
  byUserId: string | null,
  reason: string | null,
): Promise<void> {
  await em.query(
    `INSERT INTO plan_moves (version_id, from_status, to_status, reason, by_user) VALUES ($1, $2, $3, $4, $5)`,
    [versionId, from, to, reason, byUserId],
  );
}
