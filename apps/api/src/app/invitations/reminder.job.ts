import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { todayInLondon } from '@heard/domain';
import { DataSource, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { Invitation } from './entities/invitation.entity';
import { InvitationsService } from './invitations.service';

/** How often to look for reminders that have come due: they are by the day, so a few minutes late is fine. */
const EVERY_MS = 10 * 60_000;
/** For things without their own setting (sessions, one-to-ones, reviews). */
const DEFAULT_DAYS_BEFORE = 2;

/**
 * Queues reminder emails for everyone who said yes, the set number of days before. Each invitation
 * is claimed with FOR UPDATE SKIP LOCKED and stamped in the same transaction as its outbox row,
 * so several API processes never remind anyone twice.
 */
@Injectable()
export class ReminderJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReminderJob');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly invitations: InvitationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // MAIL_POLL_MS=0 turns every background sender off (tests, benchmarks).
    if (this.config.mailPollMs <= 0) return;
    this.timer = setInterval(() => {
      this.runOnce().catch((error: Error) => this.logger.warn(`Reminder run failed: ${error.message}`));
    }, EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Queues the reminders due on `now`'s UK date; returns how many. */
  async runOnce(now = new Date()): Promise<number> {
    const today = todayInLondon(now);
    return this.db.transaction(async (em) => {
      const due: { id: string }[] = await em.query(
        `SELECT i.id FROM invitations i
           LEFT JOIN activity_days a ON a.id = i.activity_id
           LEFT JOIN group_sessions s ON s.id = i.session_id
           LEFT JOIN one_to_ones o ON o.id = i.one_to_one_id
          WHERE i.status = 'accepted' AND i.reminder_sent_at IS NULL AND i.event_date >= $1
            AND i.event_date - COALESCE(a.reminder_days_before, $2) <= $1
            AND COALESCE(a.status, s.status, o.status, 'planned') NOT IN ('cancelled', 'done')
          ORDER BY i.event_date, i.id
          LIMIT 500
          FOR UPDATE OF i SKIP LOCKED`,
        [today, DEFAULT_DAYS_BEFORE],
      );
      if (due.length === 0) return 0;
      await this.invitations.remind(
        em,
        await em.getRepository(Invitation).findBy({ id: In(due.map((d) => d.id)) }),
      );
      return due.length;
    });
  }
}
