import { RETENTION_RULES, RetentionKind } from '@heard/domain';
import { EntityManager } from 'typeorm';

/** The period in force for every kind: the administrator's setting, or the default where none is set. */
export async function retentionDays(em: EntityManager): Promise<Record<RetentionKind, number>> {
  const rows: { kind: string; days: number }[] = await em.query(`SELECT kind, days FROM retention_settings`);
  const set = new Map(rows.map((r) => [r.kind, r.days]));
  return Object.fromEntries(RETENTION_RULES.map((r) => [r.kind, set.get(r.kind) ?? r.defaultDays])) as Record<
    RetentionKind,
    number
  >;
}
