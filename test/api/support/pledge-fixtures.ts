import { PledgeCreateRequest, addDays, todayInLondon } from '@heard/domain';
import { DataSource } from 'typeorm';

/** A pledge as a managers' forum hears it; fictional words. */
export function pledgeRequest(
  themeId: string,
  overrides: Partial<PledgeCreateRequest> = {},
): PledgeCreateRequest {
  const today = todayInLondon();
  return {
    role: 'Head of Service, Children in Care',
    forum: 'Managers’ forum',
    madeOn: addDays(today, -3),
    words:
      'Every letter my teams write to a young person will use their own words, not “placement” or “case”.',
    themeId,
    targetDate: addDays(today, 120),
    updateEveryDays: 30,
    ...overrides,
  };
}

/** Counts and state of every table a pledge command writes: a refusal changes none of it. */
export async function pledgeState(db: DataSource): Promise<Record<string, string | number | null>> {
  const [row]: Record<string, string | null>[] = await db.query(
    `SELECT (SELECT count(*) FROM pledges) AS pledges, (SELECT count(*) FROM pledge_updates) AS updates,
            (SELECT count(*) FROM pledge_verdicts) AS verdicts,
            (SELECT count(*) FROM pledge_verdicts WHERE superseded_at IS NOT NULL) AS superseded,
            (SELECT count(*) FROM pledge_links) AS links, (SELECT count(*) FROM pledge_timeline) AS timeline,
            (SELECT count(*) FROM pledge_reminders) AS reminders, (SELECT count(*) FROM mail_outbox) AS mail,
            (SELECT count(*) FROM audit_events WHERE action <> 'access_refused') AS audit,
            (SELECT string_agg(id::text || status || coalesce(rag, '-') || words || updated_at::text, ',' ORDER BY id)
               FROM pledges) AS state`,
  );
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === 'state' ? v : Number(v)]));
}
