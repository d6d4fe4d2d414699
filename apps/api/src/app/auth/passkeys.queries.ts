import { DataSource, EntityManager } from 'typeorm';

type Db = DataSource | EntityManager;

/** A stored passkey as the service needs it: the public key decoded, the counter as a number. */
export interface PasskeyRow {
  id: string;
  userId: string;
  credentialId: string;
  publicKey: Uint8Array<ArrayBuffer>;
  counter: number;
  transports: string[];
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

interface RawPasskeyRow extends Omit<PasskeyRow, 'publicKey' | 'counter'> {
  publicKey: string;
  counter: string;
}

// The key travels as base64 text: node-postgres gives bytea as a Buffer and PGlite as a
// Uint8Array, and encode()/decode() read the same on both.
const COLUMNS = `id, user_id AS "userId", credential_id AS "credentialId",
  encode(public_key, 'base64') AS "publicKey", counter::text AS counter, transports, label,
  created_at AS "createdAt", last_used_at AS "lastUsedAt"`;

function toRow(raw: RawPasskeyRow): PasskeyRow {
  const key = Buffer.from(raw.publicKey, 'base64');
  return {
    ...raw,
    publicKey: new Uint8Array(key.buffer.slice(key.byteOffset, key.byteOffset + key.byteLength)),
    counter: Number(raw.counter),
    createdAt: new Date(raw.createdAt),
    lastUsedAt: raw.lastUsedAt ? new Date(raw.lastUsedAt) : null,
  };
}

export async function passkeysOf(db: Db, userId: string): Promise<PasskeyRow[]> {
  const rows: RawPasskeyRow[] = await db.query(
    `SELECT ${COLUMNS} FROM passkeys WHERE user_id = $1 ORDER BY created_at, id`,
    [userId],
  );
  return rows.map(toRow);
}

export async function passkeyByCredentialId(db: Db, credentialId: string): Promise<PasskeyRow | null> {
  const [row]: RawPasskeyRow[] = await db.query(`SELECT ${COLUMNS} FROM passkeys WHERE credential_id = $1`, [
    credentialId,
  ]);
  return row ? toRow(row) : null;
}

export async function countPasskeys(db: Db, userId: string): Promise<number> {
  const [row]: { n: number }[] = await db.query(
    `SELECT count(*)::int AS n FROM passkeys WHERE user_id = $1`,
    [userId],
  );
  return row.n;
}

export async function insertPasskey(
  db: Db,
  passkey: Omit<PasskeyRow, 'id' | 'lastUsedAt'>,
): Promise<string | null> {
  // ON CONFLICT: a credential id already registered (to anyone) is refused, even by two requests at once.
  const rows: { id: string }[] = await db.query(
    `INSERT INTO passkeys (user_id, credential_id, public_key, counter, transports, label, created_at)
     VALUES ($1, $2, decode($3, 'base64'), $4, $5, $6, $7)
     ON CONFLICT (credential_id) DO NOTHING RETURNING id`,
    [
      passkey.userId,
      passkey.credentialId,
      Buffer.from(passkey.publicKey).toString('base64'),
      passkey.counter,
      passkey.transports,
      passkey.label,
      passkey.createdAt,
    ],
  );
  return rows[0]?.id ?? null;
}

/**
 * Records a use: the new counter and the time. Conditional on the counter still being the one the
 * assertion was checked against, so of two uses of one signature at once only one gets through.
 */
export async function recordPasskeyUse(
  db: Db,
  id: string,
  checkedCounter: number,
  newCounter: number,
  now: Date,
): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `WITH changed AS (UPDATE passkeys SET counter = $3, last_used_at = $4
        WHERE id = $1 AND counter = $2 RETURNING id)
     SELECT id FROM changed`,
    [id, checkedCounter, newCounter, now],
  );
  return rows.length > 0;
}

export async function deletePasskey(db: Db, userId: string, id: string): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `WITH gone AS (DELETE FROM passkeys WHERE id = $1 AND user_id = $2 RETURNING id) SELECT id FROM gone`,
    [id, userId],
  );
  return rows.length > 0;
}

export async function deletePasskeysOf(db: Db, userId: string): Promise<number> {
  const rows: unknown[] = await db.query(
    `WITH gone AS (DELETE FROM passkeys WHERE user_id = $1 RETURNING id) SELECT id FROM gone`,
    [userId],
  );
  return rows.length;
}

export interface StoredChallenge {
  userId: string | null;
  expiresAt: Date;
}

/**
 * Keeps a ceremony's challenge until it is answered. One per session and purpose (a new request
 * for options replaces the last); expired ones are swept here, so the table stays small.
 */
export async function storeChallenge(
  db: Db,
  challenge: {
    challenge: string;
    purpose: string;
    sessionId: string | null;
    userId: string | null;
    expiresAt: Date;
  },
  now: Date,
): Promise<void> {
  await db.query(`DELETE FROM webauthn_challenges WHERE expires_at < $1`, [now]);
  if (challenge.sessionId) {
    await db.query(`DELETE FROM webauthn_challenges WHERE session_id = $1 AND purpose = $2`, [
      challenge.sessionId,
      challenge.purpose,
    ]);
  }
  await db.query(
    `INSERT INTO webauthn_challenges (challenge, purpose, session_id, user_id, expires_at) VALUES ($1, $2, $3, $4, $5)`,
    [challenge.challenge, challenge.purpose, challenge.sessionId, challenge.userId, challenge.expiresAt],
  );
}

/**
 * Takes a challenge back, once: deleted as it is read, so a replayed answer finds nothing. Only
 * for the same purpose and session it was given to (none, for signing in with a passkey alone).
 */
export async function takeChallenge(
  db: Db,
  challenge: string,
  purpose: string,
  sessionId: string | null,
): Promise<StoredChallenge | null> {
  const rows: { userId: string | null; expiresAt: Date }[] = await db.query(
    `WITH taken AS (DELETE FROM webauthn_challenges
        WHERE challenge = $1 AND purpose = $2 AND session_id IS NOT DISTINCT FROM $3
        RETURNING user_id, expires_at)
     SELECT user_id AS "userId", expires_at AS "expiresAt" FROM taken`,
    [challenge, purpose, sessionId],
  );
  return rows[0] ? { userId: rows[0].userId, expiresAt: new Date(rows[0].expiresAt) } : null;
}
