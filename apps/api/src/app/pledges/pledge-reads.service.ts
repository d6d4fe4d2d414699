import { Injectable } from '@nestjs/common';
import { PledgePerson, PledgeResponse, PledgeSummary, PledgeTimelineEntry, Role } from '@heard/domain';
import { DataSource } from 'typeorm';
import { Actor } from '../../platform/auth/auth-context';
import { ACTIVE_LEADER_SQL, listPledges, pledgeResponse, reachPledge } from './pledges.queries';

/**
 * Reading pledges (docs/pledges.md): the list a leader or an officer may see, one pledge whole and
 * its timeline, each behind reachPledge; and the leaders a pledge may be recorded for. The changes
 * are PledgesService's.
 */
@Injectable()
export class PledgeReadsService {
  constructor(private readonly db: DataSource) {}

  list(
    actor: Actor,
    page: { page: number; pageSize: number },
  ): Promise<{ pledges: PledgeSummary[]; total: number }> {
    return this.db.transaction((em) => listPledges(actor, em, page));
  }

  get(actor: Actor, id: string): Promise<PledgeResponse> {
    return this.db.transaction(async (em) => {
      await reachPledge(actor, em, id, false);
      return pledgeResponse(em, id);
    });
  }

  timeline(actor: Actor, id: string): Promise<PledgeTimelineEntry[]> {
    return this.db.transaction(async (em) => {
      await reachPledge(actor, em, id, false);
      const rows: { at: Date; event: string; byName: string | null; detail: Record<string, unknown> }[] =
        await em.query(
          `SELECT t.at, t.event, u.display_name AS "byName", t.detail
             FROM pledge_timeline t LEFT JOIN users u ON u.id = t.by_user
            WHERE t.pledge_id = $1 ORDER BY t.id`,
          [id],
        );
      return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
    });
  }

  /** Whom a pledge may be recorded for: the same rule as checkLeader, by name. */
  async leaders(): Promise<PledgePerson[]> {
    const rows: PledgePerson[] = await this.db.query(
      `SELECT id, display_name AS "displayName" FROM users WHERE ${ACTIVE_LEADER_SQL}
        ORDER BY lower(display_name), id`,
      [Role.SeniorLeader],
    );
    return rows;
  }
}
