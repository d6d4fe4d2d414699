import { Injectable } from '@nestjs/common';
import {
  COUNT_CAP,
  HomeCard,
  HomeSummary,
  InvitationStatus,
  NO_SAFEGUARDING_CONTACTS_WARNING,
  Role,
  pageTotal,
  todayInLondon,
} from '@heard/domain';
import { DataSource } from 'typeorm';
import { youngPersonVisibleSql } from '../../platform/access/young-person-access';
import { Actor } from '../../platform/auth/auth-context';
import { FiguresCache } from '../../platform/cache/figures-cache';
import { User } from '../users/entities/user.entity';
import { WorriesService } from '../worries/worries.service';
import { invitationIs, memberOn } from '../../platform/database/rules-sql';

const AUDIT_COUNT_LIMIT = COUNT_CAP + 1;

/** Each role's home page: counts it may see, never a young person's details. */
@Injectable()
export class HomeService {
  /** A senior leader's cards are the same for every leader: kept until what they count changes. */
  private readonly leaderCards: FiguresCache<HomeCard[]>;

  constructor(
    private readonly db: DataSource,
    private readonly worries: WorriesService,
  ) {
    this.leaderCards = new FiguresCache(db);
  }

  async summary(actor: Actor): Promise<HomeSummary> {
    const user = await this.db.getRepository(User).findOneByOrFail({ id: actor.userId });
    const noContact = actor.role === Role.Administrator && !(await this.worries.anyContact());
    return {
      role: actor.role,
      displayName: user.displayName,
      cards: await this.cardsFor(actor),
      warnings: noContact ? [NO_SAFEGUARDING_CONTACTS_WARNING] : [],
      worriesToAcknowledge: await this.worries.waitingFor(actor),
    };
  }

  private async cardsFor(actor: Actor): Promise<HomeCard[]> {
    switch (actor.role) {
      case Role.Administrator: {
        const [row]: { active: number; invited: number; events_today: number }[] = await this.db.query(
          `SELECT (SELECT count(*) FROM users WHERE status = 'active')::int AS active,
                  (SELECT count(*) FROM users WHERE status = 'invited')::int AS invited,
                  (SELECT count(*) FROM (SELECT 1 FROM audit_events
                     WHERE at >= date_trunc('day', now() AT TIME ZONE 'Europe/London') AT TIME ZONE 'Europe/London'
                     LIMIT ${AUDIT_COUNT_LIMIT}) today)::int AS events_today`,
        );
        // Every staff read is audited, so a busy day has tens of thousands of events: counting them
        // all on every visit to the home page would cost more than the number is worth.
        const eventsToday = pageTotal(row.events_today, AUDIT_COUNT_LIMIT);
        return [
          { label: 'Active accounts', value: row.active, path: 'admin/users' },
          { label: 'Invitations not yet accepted', value: row.invited, path: 'admin/users' },
          {
            label: 'Audit events today',
            value: eventsToday.total,
            ...(eventsToday.totalIsLowerBound ? { valueIsLowerBound: true as const } : {}),
            path: 'admin/audit',
          },
        ];
      }
      case Role.ParticipationOfficer: {
        // "To do by hand" counts what its list shows: invitations to deliver and changes to tell, still ahead.
        const [row]: {
          young_people: number;
          groups: number;
          week: number;
          by_hand: number;
          to_delete: number;
        }[] = await this.db.query(
          `SELECT (SELECT count(*) FROM young_people WHERE archived_at IS NULL)::int AS young_people,
                  (SELECT count(*) FROM groups WHERE archived_at IS NULL)::int AS groups,
                  (SELECT count(*) FROM group_sessions WHERE status = 'scheduled'
                      AND starts_at >= now() AND starts_at < now() + interval '7 days')::int AS week,
                  (SELECT count(*) FROM invitations i WHERE i.event_date >= $1
                      AND (${invitationIs.status(InvitationStatus.ToDeliver, 'i')} OR i.to_tell IS NOT NULL))::int AS by_hand,
                  (SELECT count(*) FROM deletion_requests WHERE handled_at IS NULL)::int AS to_delete`,
          [todayInLondon()],
        );
        return [
          { label: 'Young people', value: row.young_people, path: 'young-people' },
          { label: 'Groups', value: row.groups, path: 'groups' },
          { label: 'Sessions in the next 7 days', value: row.week, path: 'groups/calendar' },
          { label: 'To do by hand', value: row.by_hand, path: 'invitations/by-hand' },
          // Young experts' requests to delete something, not yet answered.
          { label: 'Requests to delete something', value: row.to_delete, path: 'deletion-requests' },
        ];
      }
      case Role.Practitioner: {
        // Counted by the access policy, so the figure is exactly the list they can open.
        const params: unknown[] = [];
        const visible = youngPersonVisibleSql(actor, params, 'yp.id');
        const [row]: { linked: number }[] = await this.db.query(
          `SELECT count(*)::int AS linked FROM young_people yp WHERE yp.archived_at IS NULL AND ${visible}`,
          params,
        );
        return [{ label: 'Young people linked to you', value: row.linked, path: 'young-people' }];
      }
      case Role.SeniorLeader: {
        const today = todayInLondon();
        return this.leaderCards.get(today, () => this.leaderCardsOn(today));
      }
      case Role.YoungExpert:
        return [];
    }
  }

  /** Aggregates only: senior leaders see no individual young person. */
  private async leaderCardsOn(today: string): Promise<HomeCard[]> {
    const [row]: { groups: number; members: number; sessions: number }[] = await this.db.query(
      `SELECT (SELECT count(*) FROM groups WHERE archived_at IS NULL)::int AS groups,
              (SELECT count(DISTINCT young_person_id) FROM group_memberships m WHERE ${memberOn('m', '$1')})::int AS members,
              (SELECT count(*) FROM group_sessions WHERE status = 'scheduled' AND starts_at < now()
                  AND starts_at >= now() - interval '90 days')::int AS sessions`,
      [today],
    );
    return [
      { label: 'Active groups', value: row.groups, path: null },
      { label: 'Young people in groups', value: row.members, path: null },
      { label: 'Sessions held in the last 90 days', value: row.sessions, path: null },
    ];
  }
}
