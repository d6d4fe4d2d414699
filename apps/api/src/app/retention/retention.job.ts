import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Inject } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  RETENTION_RULES,
  RetentionKind,
  RetentionRunResponse,
  retentionCutoff,
  todayInLondon,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Clock } from '../../platform/clock';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { fromHourInLondon, lookPeriodically } from '../../platform/jobs/periodic-look';
import { SWEEPS } from './retention-sweeps';
import { retentionDays } from './retention-settings';
import { anonymiseYoungPeoplePastRetention } from './retention-young-people';

/** The daily run starts from this hour, UK time: a quiet hour, after the evening's sessions. */
export const RETENTION_HOUR = 2;

/**
 * The one advisory lock the run holds for its transaction, so however many API processes run the
 * job only one sweeps at a time; the others skip. Named, and hashed as the clash check's locks are
 * (sessions/clash.ts), so the keys share one space and cannot be mistaken for each other's.
 */
export const RETENTION_LOCK = 'job:retention';

/**
 * Anonymises what has passed its retention period (issue 17 §1, docs/retention.md), once a day.
 * The whole run is one transaction under a transaction-level advisory lock: a second process
 * either skips (the lock is held) or, coming after, finds nothing left to change, because every
 * sweep only touches rows that still hold something to remove. Each run leaves a row in
 * retention_runs and an audit row with its counts, and nothing about anyone.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RetentionJob');
  private stop: () => void = () => undefined;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.stop = lookPeriodically(this.config, this.logger, async () => {
      const now = this.clock.now();
      if (this.isTime(now)) await this.runOnce(now, { oncePerDay: true });
    });
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  isTime(now: Date): boolean {
    return fromHourInLondon(now, RETENTION_HOUR);
  }

  /**
   * Runs the sweeps as at `now`; returns what it did, or null when another process holds the run
   * (or, with `oncePerDay`, when today's run has already happened).
   */
  async runOnce(
    now: Date = this.clock.now(),
    options: { oncePerDay?: boolean } = {},
  ): Promise<RetentionRunResponse | null> {
    const runOn = todayInLondon(now);
    return this.db.transaction(async (em) => {
      const [{ locked }]: { locked: boolean }[] = await em.query(
        `SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`,
        [RETENTION_LOCK],
      );
      if (!locked) return null;
      if (options.oncePerDay) {
        const [done]: unknown[] = await em.query(`SELECT 1 FROM retention_runs WHERE run_on = $1`, [runOn]);
        if (done) return null;
      }
      const counts = await this.sweep(em, now);
      const finishedAt = new Date(Math.max(now.getTime(), this.clock.now().getTime()));
      await em.query(
        `INSERT INTO retention_runs (started_at, finished_at, run_on, counts) VALUES ($1, $2, $3, $4)`,
        [now, finishedAt, runOn, JSON.stringify(counts)],
      );
      await this.audit.for(null).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.Retention,
        detail: { event: 'run', ...counts },
      });
      return { startedAt: now.toISOString(), finishedAt: finishedAt.toISOString(), counts };
    });
  }

  private async sweep(em: EntityManager, now: Date): Promise<Record<RetentionKind, number>> {
    const days = await retentionDays(em);
    const counts = {} as Record<RetentionKind, number>;
    for (const { kind } of RETENTION_RULES) {
      const cutoff = retentionCutoff(days[kind], now);
      counts[kind] =
        kind === RetentionKind.YoungPerson
          ? await anonymiseYoungPeoplePastRetention(em, cutoff, now)
          : await SWEEPS[kind](em, cutoff);
    }
    return counts;
  }
}
