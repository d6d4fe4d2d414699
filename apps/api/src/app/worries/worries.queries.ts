import { OccasionKind, WorryResponse, WorrySourceKind } from '@heard/domain';
import { EntityManager } from 'typeorm';

/** One worry as read for its contacts, with the names of the young person and the staff involved. */
interface WorryRow {
  id: string;
  words: string;
  sourceKind: WorrySourceKind;
  sourceId: string | null;
  occasionKind: OccasionKind | null;
  occasionId: string | null;
  youngPersonId: string | null;
  youngPersonName: string | null;
  raisedAt: Date | string;
  raisedById: string | null;
  raisedByName: string | null;
  acknowledgedAt: Date | string | null;
  acknowledgedById: string | null;
  acknowledgedByName: string | null;
  acknowledgementNote: string | null;
}

const WORRY_SELECT = `SELECT w.id, w.words, w.source_kind AS "sourceKind", w.source_id AS "sourceId",
    w.occasion_kind AS "occasionKind", w.occasion_id AS "occasionId",
    w.young_person_id AS "youngPersonId", yp.preferred_name AS "youngPersonName",
    w.raised_at AS "raisedAt", w.raised_by AS "raisedById", rb.display_name AS "raisedByName",
    w.acknowledged_at AS "acknowledgedAt", w.acknowledged_by AS "acknowledgedById",
    ab.display_name AS "acknowledgedByName", w.acknowledgement_note AS "acknowledgementNote"
  FROM worries w
  LEFT JOIN young_people yp ON yp.id = w.young_person_id
  LEFT JOIN users rb ON rb.id = w.raised_by
  LEFT JOIN users ab ON ab.id = w.acknowledged_by`;

const iso = (d: Date | string) => new Date(d).toISOString();
const person = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? '' } : null);

function toWorryResponse(r: WorryRow): WorryResponse {
  return {
    id: r.id,
    words: r.words,
    youngPerson: r.youngPersonId ? { id: r.youngPersonId, preferredName: r.youngPersonName ?? '' } : null,
    source: { kind: r.sourceKind, id: r.sourceId },
    occasion: r.occasionKind && r.occasionId ? { kind: r.occasionKind, id: r.occasionId } : null,
    raisedAt: iso(r.raisedAt),
    raisedBy: person(r.raisedById, r.raisedByName),
    acknowledgedAt: r.acknowledgedAt ? iso(r.acknowledgedAt) : null,
    acknowledgedBy: person(r.acknowledgedById, r.acknowledgedByName),
    acknowledgementNote: r.acknowledgementNote,
  };
}

export async function selectWorry(em: EntityManager, id: string): Promise<WorryResponse | null> {
  const [row]: WorryRow[] = await em.query(`${WORRY_SELECT} WHERE w.id = $1`, [id]);
  return row ? toWorryResponse(row) : null;
}

/** Every worry still waiting for acknowledgement, then the acknowledged ones, newest first in each. */
export async function selectWorries(
  em: EntityManager,
  page: { page: number; pageSize: number },
  waitingOnly = false,
): Promise<WorryResponse[]> {
  const rows: WorryRow[] = await em.query(
    `${WORRY_SELECT} ${waitingOnly ? 'WHERE w.acknowledged_at IS NULL' : ''} ORDER BY (w.acknowledged_at IS NOT NULL), w.raised_at DESC, w.id
      LIMIT $1 OFFSET $2`,
    [page.pageSize, (page.page - 1) * page.pageSize],
  );
  return rows.map(toWorryResponse);
}

export async function countWorries(em: EntityManager): Promise<{ total: number; waiting: number }> {
  const [row]: { total: number; waiting: number }[] = await em.query(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE acknowledged_at IS NULL)::int AS waiting FROM worries`,
  );
  return row;
}

export interface SafeguardingContact {
  id: string;
  email: string;
  displayName: string;
}

/** Who a worry goes to: every active account an administrator set as a safeguarding contact. */
export function activeSafeguardingContacts(em: EntityManager): Promise<SafeguardingContact[]> {
  return em.query(
    `SELECT id, email, display_name AS "displayName" FROM users
      WHERE safeguarding_contact AND status = 'active' ORDER BY id`,
  );
}

/** Whether this account may see worries now: the flag is read afresh, so unsetting it takes effect at once. */
export async function isActiveSafeguardingContact(em: EntityManager, userId: string): Promise<boolean> {
  const [row]: unknown[] = await em.query(
    `SELECT 1 FROM users WHERE id = $1 AND safeguarding_contact AND status = 'active'`,
    [userId],
  );
  return row !== undefined;
}
