import { Injectable } from '@nestjs/common';
import {
  FunnelInvitation,
  FunnelResponse,
  FunnelStage,
  InvitationStatus,
  ageBandOf,
  ageOn,
  experiencesOn,
  funnelOf,
  todayInLondon,
} from '@heard/domain';
import { DataSource } from 'typeorm';
import { findActivityDay } from './find-activity-day';

/** Invited → accepted → attended, for one activity day or for every occasion in a period. */
@Injectable()
export class FunnelService {
  constructor(private readonly db: DataSource) {}

  async funnelForActivity(id: string): Promise<FunnelResponse> {
    await findActivityDay(this.db.manager, id);
    return this.funnel(`i.activity_id = $1`, [id], { activityId: id, from: null, to: null });
  }

  /** Every invitation whose day falls in the period, whatever it was for: being invited counts. */
  async funnelForPeriod(from: string | undefined, to: string | undefined): Promise<FunnelResponse> {
    const today = todayInLondon();
    const start = from ?? `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const end = to ?? today;
    return this.funnel(`i.event_date BETWEEN $1 AND $2`, [start, end], {
      activityId: null,
      from: start,
      to: end,
    });
  }

  /**
   * Each activity day's funnel, from one read of their invitations: a day nobody was invited to has
   * every stage 0. For the plan's section C, which lists a year's days.
   */
  async funnelsForActivities(ids: readonly string[]): Promise<Map<string, FunnelStage>> {
    const rows = await this.invitations(`i.activity_id = ANY($1::uuid[])`, [ids]);
    return new Map(
      ids.map((id) => {
        const { invited, accepted, attended } = funnelOf(rows.filter((r) => r.activityId === id));
        return [id, { invited, accepted, attended }];
      }),
    );
  }

  private async funnel(
    whereSql: string,
    params: unknown[],
    scope: Pick<FunnelResponse, 'activityId' | 'from' | 'to'>,
  ): Promise<FunnelResponse> {
    return { ...scope, ...funnelOf(await this.invitations(whereSql, params)) };
  }

  /** The invitations the funnel counts, each with the young person's age band and experiences on its day. */
  private async invitations(
    whereSql: string,
    params: unknown[],
  ): Promise<(FunnelInvitation & { activityId: string | null })[]> {
    const rows: {
      activity_id: string | null;
      status: InvitationStatus;
      decline_reason: string | null;
      event_date: string;
      date_of_birth: string;
      experiences: { kind: string; from: string; to: string | null }[] | null;
    }[] = await this.db.query(
      `SELECT i.activity_id, i.status, i.decline_reason, i.event_date::text AS event_date,
              yp.date_of_birth::text AS date_of_birth,
              (SELECT json_agg(json_build_object('kind', se.kind, 'from', se.from_date, 'to', se.to_date))
                 FROM young_person_service_experiences se WHERE se.young_person_id = yp.id) AS experiences
         FROM invitations i JOIN young_people yp ON yp.id = i.young_person_id
        WHERE ${whereSql}`,
      params,
    );
    return rows.map((r) => ({
      activityId: r.activity_id,
      status: r.status,
      declineReason: r.decline_reason,
      ageBand: ageBandOf(ageOn(r.date_of_birth, r.event_date)),
      serviceExperiences: experiencesOn(
        (r.experiences ?? []) as Parameters<typeof experiencesOn>[0],
        r.event_date,
      ),
    }));
  }
}
