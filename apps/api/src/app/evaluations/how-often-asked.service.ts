import { Injectable } from '@nestjs/common';
import { HowOftenAskedResponse, IsoDate, howOftenAsked, monthsBefore, todayInLondon } from '@heard/domain';
import { DataSource } from 'typeorm';
import { youngPersonVisibleSql } from '../../platform/access/young-person-access';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { memberOn } from '../../platform/database/rules-sql';

/**
 * Survey fatigue (docs/evaluations.md): the days each young person was asked for their views, for
 * the rule in libs/domain to count. A round counts once for a young person however they were
 * in it (named, in its group when it opened, or giving an evaluation, on the earliest of those
 * days); every invitation they were sent counts on the day it went. Young people the actor may
 * not see are left out, as if not asked about.
 */
@Injectable()
export class HowOftenAskedService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async for(actor: Actor, youngPersonIds: readonly string[]): Promise<HowOftenAskedResponse[]> {
    const today = todayInLondon(this.clock.now());
    const params: unknown[] = [[...youngPersonIds]];
    const visible = youngPersonVisibleSql(actor, params, 'yp.id');
    const people: { id: string }[] = await this.db.query(
      `SELECT yp.id FROM young_people yp WHERE yp.id = ANY($1::uuid[]) AND ${visible}`,
      params,
    );
    const ids = people.map((p) => p.id);
    if (ids.length === 0) return [];
    const asks: { youngPersonId: string; on: IsoDate }[] = await this.db.query(
      `WITH asks AS (
         SELECT e.young_person_id AS yp, 'round:' || e.round_id AS what, e.answered_on AS day
           FROM evaluations e WHERE e.young_person_id = ANY($1::uuid[])
         UNION ALL
         SELECT i.young_person_id, 'round:' || r.id, r.opens_on
           FROM evaluation_round_invitees i JOIN evaluation_rounds r ON r.id = i.round_id
          WHERE i.young_person_id = ANY($1::uuid[])
         UNION ALL
         SELECT m.young_person_id, 'round:' || r.id, r.opens_on
           FROM evaluation_rounds r JOIN group_memberships m ON m.group_id = r.group_id AND ${memberOn('m', 'r.opens_on')}
          WHERE r.audience = 'group' AND m.young_person_id = ANY($1::uuid[])
         UNION ALL
         SELECT inv.young_person_id, 'invitation:' || inv.id,
                (COALESCE(inv.sent_at, inv.handed_over_at, inv.created_at) AT TIME ZONE 'Europe/London')::date
           FROM invitations inv WHERE inv.young_person_id = ANY($1::uuid[]) AND inv.status <> 'draft'
       )
       SELECT yp AS "youngPersonId", min(day)::text AS "on" FROM asks
        GROUP BY yp, what HAVING min(day) > $2::date AND min(day) <= $3::date`,
      [ids, monthsBefore(today, 12), today],
    );
    const byPerson = new Map<string, IsoDate[]>(ids.map((id) => [id, []]));
    for (const a of asks) byPerson.get(a.youngPersonId)?.push(a.on);
    return youngPersonIds.flatMap((id) => {
      const days = byPerson.get(id);
      return days ? [{ youngPersonId: id, ...howOftenAsked(days, today) }] : [];
    });
  }
}
