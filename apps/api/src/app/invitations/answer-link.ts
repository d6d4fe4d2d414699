import { Injectable, OnModuleInit } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';

const UUID_HEX = /^[0-9a-f]{32}$/;

/**
 * A young person's personal answer link: the invitation id and an HMAC of it under a key kept in
 * the database (see the migration). Nothing to store per link, nothing to guess, and any change to
 * either half fails the check. Expiry and withdrawal are judged from the invitation itself, so a
 * link stops working the moment the invitation is withdrawn or its day has passed.
 */
@Injectable()
export class AnswerLinks implements OnModuleInit {
  private key: Buffer | null = null;

  constructor(private readonly db: DataSource) {}

  /** Loaded once at start-up: links are made inside transactions, which must not wait on another connection. */
  async onModuleInit(): Promise<void> {
    const [row]: { value: string }[] = await this.db.query(
      `SELECT value FROM app_secrets WHERE name = 'answer_links'`,
    );
    this.key = Buffer.from(row.value, 'hex');
  }

  tokenFor(invitationId: string): string {
    const id = Buffer.from(invitationId.replace(/-/g, ''), 'hex');
    return `${id.toString('base64url')}.${this.sign(id).toString('base64url')}`;
  }

  /** The invitation id a token was made for, or null when it was not made by Heard. */
  invitationIdOf(token: string): string | null {
    if (token.length > 100) return null;
    const [idPart, signaturePart, extra] = token.split('.');
    if (!idPart || !signaturePart || extra !== undefined) return null;
    const id = Buffer.from(idPart, 'base64url');
    const hex = id.toString('hex');
    if (!UUID_HEX.test(hex)) return null;
    const given = Buffer.from(signaturePart, 'base64url');
    const expected = this.sign(id);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  private sign(id: Buffer): Buffer {
    if (!this.key) throw new Error('AnswerLinks used before start-up finished.');
    // 128 bits of the HMAC keep the link short enough to type from a letter, and still unguessable.
    return createHmac('sha256', this.key).update(id).digest().subarray(0, 16);
  }
}
