import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InvitationStatus, MAX_REMINDER_DAYS_BEFORE, addDays, todayInLondon } from '@heard/domain';
import { DataSource, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { invitationIs } from '../../platform/database/rules-sql';
import { lookPeriodically } from '../../platform/jobs/periodic-look';
import { Invitation } from './entities/invitation.entity';
import { InvitationNotifier } from './invitation-notifier';
import { targetsOf } from './invitation-occasions';

const BATCH = 500;

/**
 * Queues reminder emails for everyone who said yes, the occasion's number of days before (see
 * OccasionFacts.reminderDaysBefore). Each invitation is claimed with FOR UPDATE SKIP LOCKED and
 * stamped in the same transaction as its outbox row, so several API processes never remind anyone
 * twice.
 */
@Injectable()
export class ReminderJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReminderJob');
  private stop: () => void = () => undefined;

  constructor(
    private readonly db: DataSource,
    private readonly notifier: InvitationNotifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.stop = lookPeriodically(this.config, this.logger, () => this.runOnce());
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  /** Queues the reminders due on `now`'s UK date; returns how many. */
  async runOnce(now = new Date()): Promise<number> {
    const today = todayInLondon(now);
    return this.db.transaction(async (em) => {
      // Everyone who said yes to something in the next fortnight and has not been reminded, a page at
      // a time; the occasion itself says whether it is still on and how many days before it reminds.
      // Paging on, rather than taking the first page only, keeps a big event that is not due yet
      // from holding back one that is.
      const due: string[] = [];
      let after: { date: string; id: string } = { date: '', id: '00000000-0000-0000-0000-000000000000' };
      for (;;) {
        const page: { id: string; event_date: string }[] = await em.query(
          `SELECT i.id, i.event_date::text AS event_date FROM invitations i
            WHERE ${invitationIs.status(InvitationStatus.Accepted, 'i')} AND i.reminder_sent_at IS NULL
              AND i.event_date >= $1 AND i.event_date <= $2 AND (i.event_date, i.id) > ($3::date, $4::uuid)
            ORDER BY i.event_date, i.id
            LIMIT ${BATCH}`,
          [today, addDays(today, MAX_REMINDER_DAYS_BEFORE), after.date || today, after.id],
        );
        if (page.length === 0) break;
        const targets = await targetsOf(
          em,
          page.map((c) => c.id),
        );
        for (const c of page) {
          const target = targets.get(c.id);
          if (target && target.status === 'open' && addDays(target.date, -target.reminderDaysBefore) <= today)
            due.push(c.id);
        }
        const last = page[page.length - 1];
        after = { date: last.event_date, id: last.id };
        if (page.length < BATCH || due.length >= BATCH) break;
      }
      if (due.length === 0) return 0;
      // Claimed here, so two processes never remind anyone twice.
      const claimed: { id: string }[] = await em.query(
        `SELECT id FROM invitations i WHERE i.id = ANY($1::uuid[]) AND i.reminder_sent_at IS NULL
            AND ${invitationIs.status(InvitationStatus.Accepted, 'i')}
          ORDER BY i.id FOR UPDATE SKIP LOCKED`,
        [due.slice(0, BATCH)],
      );
      if (claimed.length === 0) return 0;
      await this.notifier.remind(
        em,
        await em.getRepository(Invitation).findBy({ id: In(claimed.map((d) => d.id)) }),
      );
      return claimed.length;
    });
  }
}
