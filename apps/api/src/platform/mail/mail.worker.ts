import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { DataSource, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { MailMessage } from './mail-message.entity';
import {
  MailTransport,
  describeFailure,
  fileTransport,
  isTemporaryFailure,
  smtpTransport,
} from './mail-transport';

export const MAX_ATTEMPTS = 8;
/** A claim older than this belongs to a process that died mid-send. */
export const STUCK_AFTER_SECONDS = 120;

/** 30 s, 1 min, 2 min … capped at an hour. */
export function backoffSeconds(attempt: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempt - 1));
}

export function messageIdFor(id: string, publicUrl: string): string {
  return `<outbox-${id}@${new URL(publicUrl).hostname}>`;
}

/**
 * Sends the outbox. Rows are claimed with FOR UPDATE SKIP LOCKED, so several API processes can run
 * this side by side and each row goes to exactly one of them.
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

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
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

  /** Sweeps stuck claims, then sends one batch. Returns how many messages it tried. */
  async runOnce(batchSize = 20): Promise<number> {
    if (this.running) return this.running;
    this.running = this.sendBatch(batchSize).finally(() => (this.running = null));
    return this.running;
  }

  private async sendBatch(batchSize: number): Promise<number> {
    await this.db.query(
      `UPDATE mail_outbox SET status = 'pending', uncertain = true, claimed_at = NULL
        WHERE status = 'sending' AND claimed_at < now() - make_interval(secs => $1)`,
      [STUCK_AFTER_SECONDS],
    );
    const claimed: MailMessage[] = await this.db.transaction(async (em) => {
      // Wrapped in a SELECT because TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
      const rows: { id: string }[] = await em.query(
        `WITH claimed AS (
           UPDATE mail_outbox SET status = 'sending', claimed_at = now(), attempts = attempts + 1
            WHERE id IN (
              SELECT id FROM mail_outbox
               WHERE status = 'pending' AND next_attempt_at <= now()
               ORDER BY next_attempt_at
               LIMIT $1
               FOR UPDATE SKIP LOCKED)
            RETURNING id)
         SELECT id FROM claimed`,
        [batchSize],
      );
      if (rows.length === 0) return [];
      return em.getRepository(MailMessage).findBy({ id: In(rows.map((r) => r.id)) });
    });
    for (const message of claimed) {
      await this.deliver(message);
    }
    return claimed.length;
  }

  private async deliver(message: MailMessage): Promise<void> {
    const repo = this.db.getRepository(MailMessage);
    try {
      await this.transport.send({
        messageId: messageIdFor(message.id, this.config.publicUrl),
        from: this.config.mailFrom,
        to: message.toAddress,
        subject: message.subject,
        text: message.textBody,
        html: message.htmlBody,
      });
      await repo.update({ id: message.id }, { status: 'sent', sentAt: new Date(), lastError: null });
    } catch (error) {
      const reason = describeFailure(error);
      const giveUp = !isTemporaryFailure(error) || message.attempts >= MAX_ATTEMPTS;
      await repo.update(
        { id: message.id },
        giveUp
          ? { status: 'failed', lastError: reason, claimedAt: null }
          : {
              status: 'pending',
              lastError: reason,
              claimedAt: null,
              nextAttemptAt: new Date(Date.now() + backoffSeconds(message.attempts) * 1000),
            },
      );
      this.logger.warn({ msg: 'mail not sent', outboxId: message.id, giveUp, attempts: message.attempts });
    }
  }
}
