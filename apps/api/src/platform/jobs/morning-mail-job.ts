import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../clock';
import { APP_CONFIG, AppConfig } from '../config/config';
import { MailService } from '../mail/mail.service';
import { fromHourInLondon, lookPeriodically } from './periodic-look';

/**
 * A daily job that queues mail to staff from CHASE_HOUR, UK time: the action log's chasing and the
 * pledge reminders, so staff get their reminders at one time of the morning. Each subclass says
 * what one run queues; its run must claim what it sends, so it is safe to repeat and to run in
 * several API processes at once.
 */
@Injectable()
export abstract class MorningMailJob implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly logger: Logger;
  private stop: () => void = () => undefined;

  constructor(
    protected readonly db: DataSource,
    protected readonly mail: MailService,
    protected readonly clock: Clock,
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.stop = lookPeriodically(this.config, this.logger, async () => {
      if (this.isTime(this.clock.now())) await this.runOnce();
    });
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  /** From CHASE_HOUR on, every look sends whatever has come due and not been sent yet. */
  isTime(now: Date): boolean {
    return fromHourInLondon(now, this.config.chaseHour);
  }

  /** Queues what has come due at `now` and no process has sent; returns how many. */
  abstract runOnce(now?: Date): Promise<number>;
}
