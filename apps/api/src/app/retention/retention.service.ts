import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  RETENTION_RULES,
  RetentionKind,
  RetentionOverviewResponse,
  RetentionRunResponse,
  RetentionSettingResponse,
  retentionDaysProblem,
  retentionRule,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';

/** What an administrator sees and sets: each kind's period within its bounds, and the last run. */
@Injectable()
export class RetentionService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async overview(): Promise<RetentionOverviewResponse> {
    const em = this.db.manager;
    const [kinds, lastRun] = [await this.kinds(em), await this.lastRun(em)];
    return { kinds, lastRun };
  }

  /** The bounds are checked here, with the rule's own words; the audit row says from what to what. */
  async set(actor: Actor, kind: RetentionKind, days: number): Promise<RetentionSettingResponse> {
    const problem = retentionDaysProblem(kind, days);
    if (problem) throw DomainError.validation('days', problem);
    return this.db.transaction(async (em) => {
      const [before]: { days: number }[] = await em.query(
        `SELECT days FROM retention_settings WHERE kind = $1 FOR UPDATE`,
        [kind],
      );
      const from = before?.days ?? retentionRule(kind).defaultDays;
      await em.query(
        `INSERT INTO retention_settings (kind, days, updated_by, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (kind) DO UPDATE SET days = EXCLUDED.days, updated_by = EXCLUDED.updated_by,
           updated_at = EXCLUDED.updated_at`,
        [kind, days, actor.userId, this.clock.now()],
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.Retention,
        id: kind,
        detail: { event: 'period_set', fromDays: from, toDays: days },
      });
      const all = await this.kinds(em);
      const setting = all.find((k) => k.kind === kind);
      if (!setting) throw new Error(`No retention rule for ${kind}`);
      return setting;
    });
  }

  private async kinds(em: EntityManager): Promise<RetentionSettingResponse[]> {
    const rows: { kind: string; days: number; updatedAt: Date }[] = await em.query(
      `SELECT kind, days, updated_at AS "updatedAt" FROM retention_settings`,
    );
    const set = new Map(rows.map((r) => [r.kind, r]));
    return RETENTION_RULES.map((rule) => {
      const row = set.get(rule.kind);
      return {
        ...rule,
        days: row?.days ?? rule.defaultDays,
        updatedAt: row ? row.updatedAt.toISOString() : null,
      };
    });
  }

  private async lastRun(em: EntityManager): Promise<RetentionRunResponse | null> {
    const [run]: { startedAt: Date; finishedAt: Date; counts: Record<RetentionKind, number> }[] =
      await em.query(
        `SELECT started_at AS "startedAt", finished_at AS "finishedAt", counts FROM retention_runs
        ORDER BY started_at DESC, finished_at DESC LIMIT 1`,
      );
    if (!run) return null;
    // A kind added since that run did not run then: it did nothing.
    const counts = Object.fromEntries(
      RETENTION_RULES.map((r) => [r.kind, run.counts[r.kind] ?? 0]),
    ) as Record<RetentionKind, number>;
    return { startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt.toISOString(), counts };
  }
}
