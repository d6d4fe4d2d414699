import {
  PLEDGE_STATUSES,
  PLEDGE_STATUS_RULES,
  PLEDGE_VERDICTS,
  PledgeOccasionKind,
  PledgeProgressUpdate,
  PledgeRatings,
  PledgeResponse,
  PledgeStatus,
  PledgeSummary,
  PledgeVerdict,
  PledgeVerdictView,
  Rag,
  Role,
  pledgeFlag,
  youngPeoplesRag,
} from '@heard/domain';
import { EntityManager } from 'typeorm';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { loadOccasion } from '../occasions/occasion-facts';

/** What a pledge's timeline says happened. Stored as text; new events are added here. */
export type PledgeEvent =
  | 'pledge_recorded'
  | 'pledge_confirmed'
  | 'pledge_declined'
  | 'pledge_changed'
  | 'status_changed'
  | 'progress_updated'
  | 'rag_changed'
  | 'verdict_given'
  | 'linked'
  | 'unlinked'
  | 'reminded';

/**
 * Adds to a pledge's timeline in the caller's transaction (pledge_timeline is append-only: its
 * trigger refuses updates and deletes). The detail holds ids, statuses and dates, never a name.
 */
export async function notePledge(
  em: EntityManager,
  pledgeId: string,
  event: PledgeEvent,
  byUserId: string | null,
  detail: Record<string, string | number | boolean | null | readonly string[]> = {},
): Promise<void> {
  await em.query(`INSERT INTO pledge_timeline (pledge_id, event, detail, by_user) VALUES ($1, $2, $3, $4)`, [
    pledgeId,
    event,
    JSON.stringify(detail),
    byUserId,
  ]);
}

/** The statuses, from the table in libs/domain, in which young people may give their verdict, as SQL. */
export const RATEABLE_STATUSES_SQL = `(${PLEDGE_STATUSES.filter(
  (s) => PLEDGE_STATUS_RULES[s].youngPeopleMayRate,
)
  .map((s) => `'${s}'`)
  .join(', ')})`;

/** A pledge's row as the services read it to change it. */
export interface PledgeRow {
  id: string;
  madeBy: string;
  status: PledgeStatus;
  role: string;
  forum: string;
  madeOn: string;
  words: string;
  themeId: string;
  targetDate: string;
  updateEveryDays: number;
  groupId: string | null;
  rag: Rag | null;
  ragReason: string | null;
  /** updated_at to the millisecond, as the API sends it: what expectedUpdatedAt is compared with. */
  version: string;
}

const VERSION = `to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const ROW_COLUMNS = `p.id, p.made_by AS "madeBy", p.status, p.role, p.forum, p.made_on::text AS "madeOn", p.words,
  p.theme_id AS "themeId", p.target_date::text AS "targetDate", p.update_every_days AS "updateEveryDays",
  p.group_id AS "groupId", p.rag, p.rag_reason AS "ragReason", ${VERSION} AS version`;

/**
 * The one home of "may this actor reach this pledge": 404 when there is none; a senior leader
 * reaches only their own (403 for another leader's); an officer reaches every one. Locked for the
 * change when `lock` is set.
 */
export async function reachPledge(
  actor: Actor,
  em: EntityManager,
  id: string,
  lock: boolean,
): Promise<PledgeRow> {
  const [row]: PledgeRow[] = await em.query(
    `SELECT ${ROW_COLUMNS} FROM pledges p WHERE p.id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!row) throw DomainError.notFound('This pledge');
  if (actor.role === Role.SeniorLeader && row.madeBy !== actor.userId)
    throw new DomainError('forbidden', 'This pledge is another leader’s. You can change only your own.');
  return row;
}

/** Only the leader who made a pledge keeps it: confirms it, updates it, changes its colour. */
export function checkMaker(actor: Actor, pledge: PledgeRow): void {
  if (actor.userId !== pledge.madeBy)
    throw new DomainError('forbidden', 'Only the leader who made this pledge can do that.');
}

export interface SummaryRow extends Omit<PledgeRow, 'madeBy'> {
  madeById: string;
  madeByName: string;
  themeName: string;
  nextUpdateDue: string;
  kept: number;
  partly: number;
  notKept: number;
}

/**
 * A pledge as lists show it. The verdicts are counted per pledge (LATERAL), not grouped over the
 * whole join, so a page of 25 counts 25 pledges' verdicts, not every pledge's before the LIMIT.
 */
export const SUMMARY_SQL = `SELECT ${ROW_COLUMNS}, p.made_by AS "madeById", maker.display_name AS "madeByName",
       th.name AS "themeName", p.next_update_due::text AS "nextUpdateDue",
       v.kept, v.partly, v."notKept"
  FROM pledges p
  JOIN users maker ON maker.id = p.made_by
  JOIN action_log_themes th ON th.id = p.theme_id
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE verdict = 'kept')::int AS kept,
           count(*) FILTER (WHERE verdict = 'partly')::int AS partly,
           count(*) FILTER (WHERE verdict = 'not_kept')::int AS "notKept"
      FROM pledge_verdicts WHERE pledge_id = p.id AND superseded_at IS NULL) v`;

/** The current verdicts as youngPeoplesRag reads them, from their counts (SUMMARY_SQL's columns). */
export function verdictsCounted(counts: Record<PledgeVerdict, number>): PledgeVerdict[] {
  return PLEDGE_VERDICTS.flatMap((v) => Array<PledgeVerdict>(counts[v]).fill(v));
}

/** Both sides' red/amber/green and the flag, from the leader's colour and the current verdicts' counts. */
export function ratingsOf(
  leader: { rag: Rag | null; ragReason: string | null },
  counts: Record<PledgeVerdict, number>,
): PledgeRatings {
  const youngRag = youngPeoplesRag(verdictsCounted(counts));
  return {
    leader: { rag: leader.rag, reason: leader.ragReason },
    youngPeople: { rag: youngRag, counts },
    ...pledgeFlag(leader.rag, youngRag),
  };
}

export function toSummary(r: SummaryRow): PledgeSummary {
  return {
    id: r.id,
    status: r.status,
    unconfirmed: r.status === 'unconfirmed',
    madeBy: { id: r.madeById, displayName: r.madeByName },
    role: r.role,
    forum: r.forum,
    madeOn: r.madeOn,
    words: r.words,
    theme: { id: r.themeId, name: r.themeName },
    targetDate: r.targetDate,
    updateEveryDays: r.updateEveryDays,
    nextUpdateDue: r.nextUpdateDue,
    ratings: ratingsOf(r, { kept: r.kept, partly: r.partly, not_kept: r.notKept }),
    updatedAt: r.version,
  };
}

/**
 * The pledges a list or download may show this actor, as SQL on `p`: a senior leader's own, every
 * one for an officer (reachPledge says the same of one pledge).
 */
export function readablePledgesSql(actor: Actor, params: unknown[]): string {
  if (actor.role !== Role.SeniorLeader) return 'true';
  params.push(actor.userId);
  return `p.made_by = $${params.length}`;
}

/** The pledges the actor may read (a leader's own, or every one for an officer), newest first. */
export async function listPledges(
  actor: Actor,
  em: EntityManager,
  page: { page: number; pageSize: number },
): Promise<{ pledges: PledgeSummary[]; total: number }> {
  const params: unknown[] = [];
  const where = `WHERE ${readablePledgesSql(actor, params)}`;
  const [{ total }]: { total: number }[] = await em.query(
    `SELECT count(*)::int AS total FROM pledges p ${where}`,
    params,
  );
  const rows: SummaryRow[] = await em.query(
    `${SUMMARY_SQL} ${where}
      ORDER BY p.made_on DESC, p.id LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
    params,
  );
  return { pledges: rows.map(toSummary), total };
}

/** One pledge's summary, whoever may reach it (the caller checked). */
export async function pledgeSummary(em: EntityManager, id: string): Promise<PledgeSummary> {
  const [row]: SummaryRow[] = await em.query(`${SUMMARY_SQL} WHERE p.id = $1`, [id]);
  if (!row) throw DomainError.notFound('This pledge');
  return toSummary(row);
}

export interface PledgeExtras {
  occasion: { kind: PledgeOccasionKind; id: string } | null;
  group: { id: string; name: string } | null;
  recordedBy: { id: string; displayName: string };
  confirmedAt: string | null;
  statusReason: string | null;
  createdAt: string;
}

/** What the detail adds to the summary: where, to whom, who recorded it and when. */
export async function pledgeExtras(em: EntityManager, id: string): Promise<PledgeExtras> {
  const [r]: {
    occasionKind: PledgeOccasionKind | null;
    occasionId: string | null;
    groupId: string | null;
    groupName: string | null;
    recordedById: string;
    recordedByName: string;
    confirmedAt: Date | null;
    statusReason: string | null;
    createdAt: Date;
  }[] = await em.query(
    `SELECT p.occasion_kind AS "occasionKind", p.occasion_id AS "occasionId", p.group_id AS "groupId",
            g.name AS "groupName", p.recorded_by AS "recordedById", u.display_name AS "recordedByName",
            p.confirmed_at AS "confirmedAt", p.status_reason AS "statusReason", p.created_at AS "createdAt"
       FROM pledges p JOIN users u ON u.id = p.recorded_by LEFT JOIN groups g ON g.id = p.group_id
      WHERE p.id = $1`,
    [id],
  );
  return {
    occasion: r.occasionKind && r.occasionId ? { kind: r.occasionKind, id: r.occasionId } : null,
    group: r.groupId ? { id: r.groupId, name: r.groupName ?? '' } : null,
    recordedBy: { id: r.recordedById, displayName: r.recordedByName },
    confirmedAt: r.confirmedAt ? new Date(r.confirmedAt).toISOString() : null,
    statusReason: r.statusReason,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

export async function updatesOf(em: EntityManager, id: string): Promise<PledgeProgressUpdate[]> {
  const rows: (Omit<PledgeProgressUpdate, 'createdBy' | 'createdAt'> & {
    byId: string;
    byName: string;
    at: Date;
  })[] = await em.query(
    `SELECT n.id, n.noted_on::text AS "notedOn", n.words, n.evidence, n.rag, n.rag_reason AS "ragReason",
              n.created_by AS "byId", u.display_name AS "byName", n.created_at AS at
         FROM pledge_updates n JOIN users u ON u.id = n.created_by
        WHERE n.pledge_id = $1 ORDER BY n.noted_on, n.created_at, n.id`,
    [id],
  );
  return rows.map(({ byId, byName, at, ...r }) => ({
    ...r,
    createdBy: { id: byId, displayName: byName },
    createdAt: new Date(at).toISOString(),
  }));
}

/** The current verdicts: no young person named, a group by its name. */
export async function verdictsOf(em: EntityManager, id: string): Promise<PledgeVerdictView[]> {
  const rows: (Omit<PledgeVerdictView, 'at'> & { at: Date })[] = await em.query(
    `SELECT v.id, v.source AS "from", g.name AS "groupName", v.verdict, v.words, v.recorded_at AS at
       FROM pledge_verdicts v LEFT JOIN groups g ON g.id = v.group_id
      WHERE v.pledge_id = $1 AND v.superseded_at IS NULL ORDER BY v.recorded_at, v.id`,
    [id],
  );
  return rows.map((r) => ({
    ...r,
    groupName: r.from === 'group' ? r.groupName : null,
    at: new Date(r.at).toISOString(),
  }));
}

export async function linksOf(
  em: EntityManager,
  id: string,
): Promise<{ itemIds: string[]; actionIds: string[] }> {
  const rows: { itemId: string | null; actionId: string | null }[] = await em.query(
    `SELECT item_id AS "itemId", action_id AS "actionId" FROM pledge_links WHERE pledge_id = $1
      ORDER BY linked_at, item_id, action_id`,
    [id],
  );
  return {
    itemIds: rows.flatMap((r) => (r.itemId ? [r.itemId] : [])),
    actionIds: rows.flatMap((r) => (r.actionId ? [r.actionId] : [])),
  };
}

/** Who a pledge may be made by: an active senior leader, whose role is the query's first parameter. */
export const ACTIVE_LEADER_SQL = `status = 'active' AND role = $1`;

/** A pledge whole, as its page reads it: the summary, where and to whom, updates, verdicts and links. */
export async function pledgeResponse(em: EntityManager, id: string): Promise<PledgeResponse> {
  const [summary, extras, updates, verdicts, links] = [
    await pledgeSummary(em, id),
    await pledgeExtras(em, id),
    await updatesOf(em, id),
    await verdictsOf(em, id),
    await linksOf(em, id),
  ];
  const { occasion: ref, ...rest } = extras;
  const facts = ref ? await loadOccasion(em, ref) : null;
  return {
    ...summary,
    ...rest,
    occasion: ref ? { ...ref, title: facts?.title ?? '', date: facts?.date ?? null } : null,
    updates,
    verdicts,
    links,
  };
}
