import { Inject, Injectable } from '@nestjs/common';
import { AuditAction, CalendarEvent, CalendarFeedResponse, Role, renderCalendar } from '@heard/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { newToken, sha256 } from '../../platform/auth/tokens';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { DomainError } from '../../platform/errors/domain-error';
import { Group } from '../groups/entities/group.entity';
import { CalendarFeed } from './entities/calendar-feed.entity';

const PAST_DAYS = 60;
const FUTURE_DAYS = 400;

function toResponse(feed: CalendarFeed, url?: string): CalendarFeedResponse {
  return {
    id: feed.id,
    scope: feed.scope,
    groupId: feed.groupId,
    createdAt: feed.createdAt.toISOString(),
    revokedAt: feed.revokedAt?.toISOString() ?? null,
    ...(url ? { url } : {}),
  };
}

@Injectable()
export class CalendarService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(
    actor: Actor,
    request: { scope: 'mine' } | { scope: 'group'; groupId: string },
  ): Promise<CalendarFeedResponse> {
    if (request.scope === 'group') {
      if (actor.role !== Role.ParticipationOfficer)
        throw new DomainError('forbidden', 'Only participation officers can subscribe to a whole group.');
      const group = await this.db.getRepository(Group).findOneBy({ id: request.groupId });
      if (!group) throw DomainError.validation('groupId', 'There is no group with this id.');
    }
    const token = newToken();
    return this.db.transaction(async (em) => {
      const feed = await em.save(
        em.create(CalendarFeed, {
          tokenHash: sha256(token),
          ownerUserId: actor.userId,
          scope: request.scope,
          groupId: request.scope === 'group' ? request.groupId : null,
        }),
      );
      await this.audit.record(
        {
          actorUserId: actor.userId,
          action: AuditAction.Create,
          entityType: 'calendar_feed',
          entityId: feed.id,
          requestId: actor.requestId,
        },
        em,
      );
      return toResponse(feed, `${this.config.publicUrl}/api/calendar/${token}.ics`);
    });
  }

  async mine(actor: Actor): Promise<CalendarFeedResponse[]> {
    const feeds = await this.db
      .getRepository(CalendarFeed)
      .find({ where: { ownerUserId: actor.userId }, order: { createdAt: 'DESC' } });
    return feeds.map((f) => toResponse(f));
  }

  async revoke(actor: Actor, id: string): Promise<CalendarFeedResponse> {
    return this.db.transaction(async (em) => {
      const feed = await em.getRepository(CalendarFeed).findOneBy({ id, ownerUserId: actor.userId });
      if (!feed) throw DomainError.notFound('This calendar feed');
      if (!feed.revokedAt) {
        feed.revokedAt = new Date();
        await em.save(feed);
        await this.audit.record(
          {
            actorUserId: actor.userId,
            action: AuditAction.Update,
            entityType: 'calendar_feed',
            entityId: id,
            detail: { change: 'revoke' },
            requestId: actor.requestId,
          },
          em,
        );
      }
      return toResponse(feed);
    });
  }

  /** The feed's iCalendar text, or 404 for an unknown or revoked address (and for a deactivated owner). */
  async render(token: string): Promise<string> {
    const [feed]: { id: string; scope: 'mine' | 'group'; group_id: string | null; owner_user_id: string }[] =
      await this.db.query(
        `SELECT f.id, f.scope, f.group_id, f.owner_user_id FROM calendar_feeds f JOIN users u ON u.id = f.owner_user_id
        WHERE f.token_hash = $1 AND f.revoked_at IS NULL AND u.status = 'active'`,
        [sha256(token)],
      );
    if (!feed) throw DomainError.notFound('This calendar');
    const params: unknown[] = [PAST_DAYS, FUTURE_DAYS];
    let scope: string;
    if (feed.scope === 'group') {
      params.push(feed.group_id);
      scope = `s.group_id = $3`;
    } else {
      params.push(feed.owner_user_id);
      scope = `s.group_id IN (SELECT group_id FROM group_facilitators WHERE user_id = $3)`;
    }
    const rows: {
      id: string;
      sequence: number;
      starts_at: Date;
      ends_at: Date;
      name: string;
      venue: string | null;
      online_link: string | null;
      agenda: string | null;
      status: string;
      updated_at: Date;
    }[] = await this.db.query(
      `SELECT s.id, s.sequence, s.starts_at, s.ends_at, g.name, s.venue, g.online_link, s.agenda, s.status, s.updated_at
           FROM group_sessions s JOIN groups g ON g.id = s.group_id
          WHERE ${scope}
            AND s.starts_at >= now() - make_interval(days => $1) AND s.starts_at < now() + make_interval(days => $2)
          ORDER BY s.starts_at`,
      params,
    );
    const [name] = feed.scope === 'group' ? rows.map((r) => r.name) : ['My Heard sessions'];
    const events: CalendarEvent[] = rows.map((r) => ({
      uid: `${r.id}@heard`,
      sequence: r.sequence,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      summary: r.name,
      location: r.venue ?? r.online_link,
      description: r.agenda,
      cancelled: r.status === 'cancelled',
      updatedAt: r.updated_at,
    }));
    return renderCalendar(name ?? 'Heard group sessions', events);
  }
}
