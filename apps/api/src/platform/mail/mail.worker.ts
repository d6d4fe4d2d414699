import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DataSource, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { MailMessage } from './mail-message.entity';
import {
  MailTransport,
  describeFailure,
  fileTransport,
  isTemporaryFailure,
  mayHaveBeenDelivered,
  smtpTransport,
} from './mail-transport';

export const MAX_ATTEMPTS = 8;

/**
 * How long a claim holds without being renewed. The worker renews the leases of its batch before
 * each message, and one send is cut off at SMTP_LIMITS.sendDeadlineMs in mail-transport.ts (2 minutes), so a live worker
 * never lets a lease run out: only a dead or frozen one does. It is also how long mail waits after
 * a crash before another process takes it back.
 */
export const LEASE_SECONDS = 300;

/** Written on a row the sweep takes back from a worker that stopped mid-batch. */
export const INTERRUPTED =
  'Interrupted: the worker sending this stopped or ran past its lease, so it may already have been delivered.';

/**
 * Once a message is sent or given up on its body is no longer needed, and it holds addresses,
 * phone numbers and personal answer links: the row stays as the record, the text goes.
 */
const FORGET_BODY: Pick<MailMessage, 'textBody' | 'htmlBody'> = { textBody: null, htmlBody: null };

/** 30 s, 1 min, 2 min … capped at an hour. */
export function backoffSeconds(attempt: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempt - 1));
}

export function messageIdFor(id: string, publicUrl: string): string {
  return `<outbox-${id}@${new URL(publicUrl).hostname}>`;
}

/**
 * Sends the outbox. Rows are claimed with FOR UPDATE SKIP LOCKED, so several API processes can run
 * this side by side and each row goes to exactly one of them. A claim carries a token and a lease;
 * the sweep takes back only rows whose lease has run out, marking them uncertain, and a worker
 * records its result only while its token is still on the row. See docs/decisions/0008.
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MailWorker');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;
  private transport: MailTransport;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.smtpUrl
      ? smtpTransport(config.smtpUrl)
      : fileTransport(join(config.dataDir, 'mail'));
  }

  onApplicationBootstrap(): void {
    if (this.config.mailPollMs > 0) this.schedule();
  }

  /** Waits for the message being sent; rows of the batch not started yet go back to the outbox. */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => 0);
    this.transport.close();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runOnce()
        .catch((error: Error) => this.logger.warn(`Mail run failed: ${error.message}`))
        .finally(() => this.schedule());
    }, this.config.mailPollMs);
    this.timer.unref();
  }

  /** Sweeps expired claims, then sends one batch. Returns how many messages it claimed. */
  async runOnce(batchSize = 20): Promise<number> {
    if (this.running) return this.running;
    this.running = this.sendBatch(batchSize).finally(() => (this.running = null));
    return this.running;
  }

  private async sendBatch(batchSize: number): Promise<number> {
    await this.sweep();
    const token = randomUUID();
    const claimed: MailMessage[] = await this.db.transaction(async (em) => {
      // Wrapped in a SELECT because TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
      const rows: { id: string }[] = await em.query(
        `WITH claimed AS (
           UPDATE mail_outbox
              SET status = 'sending', claim_token = $2, claimed_at = now(),
                  lease_until = now() + make_interval(secs => $3), attempts = attempts + 1
            WHERE id IN (
              SELECT id FROM mail_outbox
               WHERE status = 'pending' AND next_attempt_at <= now()
               ORDER BY next_attempt_at
               LIMIT $1
               FOR UPDATE SKIP LOCKED)
            RETURNING id)
         SELECT id FROM claimed`,
        [batchSize, token, LEASE_SECONDS],
      );
      if (rows.length === 0) return [];
      return em.getRepository(MailMessage).find({
        where: { id: In(rows.map((r) => r.id)) },
        order: { nextAttemptAt: 'ASC', createdAt: 'ASC' },
      });
    });
    for (let i = 0; i < claimed.length; i++) {
      if (this.stopped) {
        await this.release(
          token,
          claimed.slice(i).map((m) => m.id),
        );
        break;
      }
      // Renewing before each message keeps the whole batch leased while this process is alive.
      const held = await this.renewLeases(token);
      if (!held.has(claimed[i].id)) continue; // swept meanwhile: it is no longer ours to send
      await this.deliver(claimed[i], token);
    }
    return claimed.length;
  }

  /**
   * Takes back rows whose lease ran out: their worker died or froze, maybe after the server took
   * the message, so they are marked uncertain. One that has used up its attempts fails instead,
   * so a message that kills its worker every time is not retried for ever.
   */
  private async sweep(): Promise<void> {
    const swept: { id: string }[] = await this.db.query(
      `WITH swept AS (
         UPDATE mail_outbox
            SET status = CASE WHEN attempts >= $2 THEN 'failed' ELSE 'pending' END,
                text_body = CASE WHEN attempts >= $2 THEN NULL ELSE text_body END,
                html_body = CASE WHEN attempts >= $2 THEN NULL ELSE html_body END,
                uncertain = true, last_error = $3,
                claim_token = NULL, lease_until = NULL, claimed_at = NULL
          WHERE status = 'sending'
            AND coalesce(lease_until, claimed_at + make_interval(secs => $1)) < now()
          RETURNING id)
       SELECT id FROM swept`,
      [LEASE_SECONDS, MAX_ATTEMPTS, INTERRUPTED],
    );
    if (swept.length > 0) {
      this.logger.warn({
        msg: 'mail claims expired; taken back as uncertain',
        outboxIds: swept.map((r) => r.id),
      });
    }
  }

  private async renewLeases(token: string): Promise<Set<string>> {
    const rows: { id: string }[] = await this.db.query(
      `WITH renewed AS (
         UPDATE mail_outbox SET lease_until = now() + make_interval(secs => $2)
          WHERE claim_token = $1 AND status = 'sending'
          RETURNING id)
       SELECT id FROM renewed`,
      [token, LEASE_SECONDS],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Rows claimed but not started when the process is stopping: back to pending, attempt not counted. */
  private async release(token: string, ids: string[]): Promise<void> {
    await this.db.query(
      `UPDATE mail_outbox
          SET status = 'pending', attempts = attempts - 1, claim_token = NULL, lease_until = NULL, claimed_at = NULL
        WHERE claim_token = $1 AND status = 'sending' AND id = ANY($2::uuid[])`,
      [token, ids],
    );
  }

  private async deliver(message: MailMessage, token: string): Promise<void> {
    let update: Partial<MailMessage>;
    try {
      // Claimed rows were pending, and the CHECK in the migration keeps a body on those; should
      // one still be missing, the message fails rather than going out empty.
      if (message.textBody === null) throw new Error('The message has no body to send.');
      await this.transport.send({
        messageId: messageIdFor(message.id, this.config.publicUrl),
        from: this.config.mailFrom,
        to: message.toAddress,
        subject: message.subject,
        text: message.textBody,
        html: message.htmlBody,
      });
      update = { status: 'sent', sentAt: new Date(), lastError: null, ...FORGET_BODY };
    } catch (error) {
      const reason = describeFailure(error);
      const giveUp = !isTemporaryFailure(error) || message.attempts >= MAX_ATTEMPTS;
      const maybeDelivered = mayHaveBeenDelivered(error);
      update = giveUp
        ? { status: 'failed', lastError: reason, ...FORGET_BODY }
        : {
            status: 'pending',
            lastError: reason,
            nextAttemptAt: new Date(Date.now() + backoffSeconds(message.attempts) * 1000),
          };
      // `uncertain` only ever goes from false to true.
      if (maybeDelivered) update.uncertain = true;
      this.logger.warn({
        msg: 'mail not sent',
        outboxId: message.id,
        giveUp,
        maybeDelivered,
        attempts: message.attempts,
      });
    }
    const result = await this.db
      .createQueryBuilder()
      .update(MailMessage)
      .set({ ...update, claimToken: null, leaseUntil: null, claimedAt: null })
      .where('id = :id AND claim_token = :token', { id: message.id, token })
      .execute();
    if (result.affected === 0) {
      // The sweep took the row back while this send ran past its lease; another worker now owns
      // it and its result stands. The row is already marked uncertain.
      this.logger.warn({ msg: 'mail claim lost during the send; result not recorded', outboxId: message.id });
    }
  }
}
