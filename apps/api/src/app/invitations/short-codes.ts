import { Injectable } from '@nestjs/common';
import { InvitationStatus, todayInLondon } from '@heard/domain';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

/** Without 0, 1, I, L, O and U, which are misread as one another or as V; the migration's CHECK matches. */
export const SHORT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SHORT_CODE_LENGTH = 10;
const SHAPE = new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`);
const UNIQUE_VIOLATION = '23505';

/**
 * The stored form of what someone typed: capitals, without the spaces and dashes the letter groups
 * it with. Null for anything that cannot be a code, so no query runs for it.
 */
export function normaliseShortCode(typed: string): string | null {
  if (typed.length > 2 * SHORT_CODE_LENGTH) return null;
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  return SHAPE.test(code) ? code : null;
}

/** Two groups of five read and type more easily than ten in a row. */
export function formatShortCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The link as printed: without the scheme, which browsers add and people mistype. */
export function shortLinkFor(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/^https?:\/\//, '')}/r/${formatShortCode(code)}`;
}

export function newShortCode(): string {
  let code = '';
  for (let i = 0; i < SHORT_CODE_LENGTH; i++)
    code += SHORT_CODE_ALPHABET[randomInt(SHORT_CODE_ALPHABET.length)];
  return code;
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    ((error as { code?: unknown }).code === UNIQUE_VIOLATION ||
      (error as { driverError?: { code?: unknown } }).driverError?.code === UNIQUE_VIOLATION)
  );
}

/**
 * Short codes for printed letters (docs/decisions/0012): typed from paper where the signed answer
 * link is too long. A code is given out when the letter is first printed and kept, so every copy
 * of a letter carries the same one. It opens the invitation only while it can still be answered:
 * not a draft, not withdrawn and not past its day, and every other case is the same "not found",
 * so a guessed code learns nothing.
 */
@Injectable()
export class ShortCodes {
  constructor(private readonly db: DataSource) {}

  async codeFor(invitationId: string): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        // Outside any transaction: a clash aborts only this statement, and the next try starts clean.
        await this.db.query(`UPDATE invitations SET short_code = $2 WHERE id = $1 AND short_code IS NULL`, [
          invitationId,
          newShortCode(),
        ]);
      } catch (error) {
        if (isUniqueViolation(error)) continue;
        throw error;
      }
      const [row]: { short_code: string | null }[] = await this.db.query(
        `SELECT short_code FROM invitations WHERE id = $1`,
        [invitationId],
      );
      if (row?.short_code) return row.short_code;
    }
    throw new Error(`No free short code for invitation ${invitationId} after five tries.`);
  }

  /** The invitation a typed code opens, or null. */
  async invitationIdOf(em: EntityManager, typed: string): Promise<string | null> {
    const code = normaliseShortCode(typed);
    if (!code) return null;
    const [row]: { id: string }[] = await em.query(
      `SELECT id FROM invitations
        WHERE short_code = $1 AND status <> $2 AND status <> $3 AND event_date >= $4`,
      [code, InvitationStatus.Draft, InvitationStatus.Withdrawn, todayInLondon()],
    );
    return row?.id ?? null;
  }
}
