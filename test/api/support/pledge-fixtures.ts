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

/** A pledge written straight into the table, for specs about reading pledges rather than making them. */
export async function insertPledge(
  db: DataSource,
  p: {
    madeBy: string;
    themeId: string;
    madeOn: string;
    status?: string;
    rag?: string | null;
    ragReason?: string | null;
    words?: string;
    updatedAt?: string;
  },
): Promise<string> {
  const [{ id }]: { id: string }[] = await db.query(
    `INSERT INTO pledges (made_by, role, forum, made_on, words, theme_id, target_date, update_every_days,
                          next_update_due, remind_on, status, rag, rag_reason, recorded_by, updated_at, confirmed_at)
     VALUES ($1, 'Head of Service', 'Managers’ forum', $2, $3, $4, $2::date + 120, 30, $2::date + 30, $2::date + 23,
             $5::text, $6, $7, $1, coalesce($8::timestamptz, now()),
             CASE WHEN $5::text IN ('unconfirmed', 'declined') THEN NULL ELSE $2::timestamptz END)
     RETURNING id`,
    [
      p.madeBy,
      p.madeOn,
      p.words ?? 'Letters in the young person’s own words.',
      p.themeId,
      p.status ?? 'active',
      p.rag ?? null,
      p.ragReason ?? null,
      p.updatedAt ?? null,
    ],
  );
  return id;
}

/** Current young experts' verdicts on a pledge, one per young person given. */
export async function insertVerdicts(
  db: DataSource,
  pledgeId: string,
  verdict: 'kept' | 'partly' | 'not_kept',
  youngPersonIds: readonly string[],
  recordedBy: string,
): Promise<void> {
  for (const youngPersonId of youngPersonIds)
    await db.query(
      `INSERT INTO pledge_verdicts (pledge_id, source, young_person_id, verdict, recorded_by)
       VALUES ($1, 'young_expert', $2, $3, $4)`,
      [pledgeId, youngPersonId, verdict, recordedBy],
    );
}
