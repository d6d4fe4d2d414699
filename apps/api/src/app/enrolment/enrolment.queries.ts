import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

// UPDATE … RETURNING is read through a WITH: TypeORM answers a bare UPDATE with [rows, count].

export interface YoungExpertAccountRow {
  id: string;
  status: string;
}

/** The young expert account linked to a young person, if one was made. */
export async function youngExpertAccountOf(
  db: Db,
  youngPersonId: string,
): Promise<YoungExpertAccountRow | null> {
  const [row]: YoungExpertAccountRow[] = await db.query(
    `SELECT id, status FROM users WHERE young_person_id = $1 AND role = 'young_expert'`,
    [youngPersonId],
  );
  return row ?? null;
}

/** A young expert account: no email, no password; they sign in with a passkey or a fresh code. */
export async function insertYoungExpertAccount(
  db: Db,
  youngPersonId: string,
  displayName: string,
  now: Date,
): Promise<string> {
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO users (email, display_name, role, status, password_hash, young_person_id, created_at, updated_at)
     VALUES (NULL, $2, 'young_expert', 'active', NULL, $1, $3, $3) RETURNING id`,
    [youngPersonId, displayName, now],
  );
  return row.id;
}

/** Retires the young person's codes not used yet: only the newest code works. Answers how many. */
export async function retireUnusedCodes(db: Db, youngPersonId: string, now: Date): Promise<number> {
  const rows: unknown[] = await db.query(
    `WITH retired AS (UPDATE enrolment_codes SET retired_at = $2
        WHERE young_person_id = $1 AND used_at IS NULL AND retired_at IS NULL AND expires_at > $2
        RETURNING id)
     SELECT id FROM retired`,
    [youngPersonId, now],
  );
  return rows.length;
}

/** Stores a code's hash; null when the hash is taken already (the caller draws another code). */
export async function insertCode(
  db: Db,
  code: { hash: string; youngPersonId: string; issuedBy: string; issuedAt: Date; expiresAt: Date },
): Promise<string | null> {
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO enrolment_codes (code_hash, young_person_id, issued_by, issued_at, expires_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code_hash) DO NOTHING RETURNING id`,
    [code.hash, code.youngPersonId, code.issuedBy, code.issuedAt, code.expiresAt],
  );
  return row?.id ?? null;
}

/**
 * Uses a code: marks it used only if it is still unused, not retired and in time, in one
 * statement, so of two uses at once one wins.
 */
export async function claimCode(
  db: Db,
  hash: string,
  now: Date,
): Promise<{ id: string; youngPersonId: string } | null> {
  const [row]: { id: string; young_person_id: string }[] = await db.query(
    `WITH claimed AS (UPDATE enrolment_codes SET used_at = $2
        WHERE code_hash = $1 AND used_at IS NULL AND retired_at IS NULL AND expires_at > $2
        RETURNING id, young_person_id)
     SELECT id, young_person_id FROM claimed`,
    [hash, now],
  );
  return row ? { id: row.id, youngPersonId: row.young_person_id } : null;
}

/** A code that could not be claimed, to record why (never told to the person typing it). */
export async function codeByHash(
  db: Db,
  hash: string,
): Promise<{ id: string; usedAt: Date | null; retiredAt: Date | null; expiresAt: Date } | null> {
  const [row]: { id: string; used_at: Date | null; retired_at: Date | null; expires_at: Date }[] =
    await db.query(`SELECT id, used_at, retired_at, expires_at FROM enrolment_codes WHERE code_hash = $1`, [
      hash,
    ]);
  return row
    ? { id: row.id, usedAt: row.used_at, retiredAt: row.retired_at, expiresAt: new Date(row.expires_at) }
    : null;
}
