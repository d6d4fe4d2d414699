import { Inject, Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  CalendarEvent,
  CalendarFeedResponse,
  CalendarOccasion,
  CalendarQuery,
  Role,
  addDays,
  mayHoldCalendarFeed,
  renderCalendar,
  zonedToUtc,
} from '@heard/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { newToken, sha256 } from '../../platform/auth/tokens';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { DomainError } from '../../platform/errors/domain-error';
import { Group } from '../groups/entities/group.entity';
import { occasionsBetween } from '../occasions/occasion-facts';
import { CalendarFeed } from './entities/calendar-feed.entity';

const PAST_DAYS = 60;
const FUTURE_DAYS = 400;
const DAY_MS = 86_400_000;
/** A one-to-one has a start but no set end: calendars show it as an hour. */
const UNTIMED_MINUTES = 60;

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
    if (!mayHoldCalendarFeed(actor.role, request.scope))
      throw new DomainError(
        'forbidden',
        request.scope === 'group'
          ? 'Only participation officers can subscribe to a whole group.'
          : 'Your role cannot subscribe to a calendar.',
      );
    if (request.scope === 'group') {
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
      await this.audit
        .for(actor)
        .record(em, { action: AuditAction.Create, type: AuditRecordType.CalendarFeed, id: feed.id });
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
        await this.audit.for(actor).record(em, {
          action: AuditAction.Update,
          type: AuditRecordType.CalendarFeed,
          id,
          detail: { change: 'revoke' },
        });
      }
      return toResponse(feed);
    });
  }

  /** The staff calendar page: every occasion starting on the days asked for, for officers. */
  async between(query: CalendarQuery): Promise<CalendarOccasion[]> {
    const occasions = await occasionsBetween(
      this.db.manager,
      zonedToUtc(query.from, '00:00'),
      zonedToUtc(addDays(query.to, 1), '00:00'),
      { kind: 'all' },
    );
    return occasions.flatMap((o) =>
      o.startsAt
        ? [
            {
              kind: o.kind,
              id: o.id,
              title: o.title,
              startsAt: o.startsAt.toISOString(),
              endsAt: (o.endsAt ?? new Date(o.startsAt.getTime() + UNTIMED_MINUTES * 60_000)).toISOString(),
              venue: o.venue,
              status: o.status,
              groupId: o.groupId,
              moved: o.moved,
              cancelReason: o.cancelReason,
            },
          ]
        : [],
    );
  }

  /**
   * The feed's iCalendar text, or 404 for an unknown or revoked address, for a deactivated owner,
   * and for an owner whose role no longer may hold a feed of this scope (an officer moved to
   * another role loses the group feeds that role gave them, as they lose the group pages).
   */
  async render(token: string): Promise<string> {
    const [feed]: {
      id: string;
      scope: 'mine' | 'group';
      group_id: string | null;
      owner_user_id: string;
      owner_role: Role;
    }[] = await this.db.query(
      `SELECT f.id, f.scope, f.group_id, f.owner_user_id, u.role AS owner_role
         FROM calendar_feeds f JOIN users u ON u.id = f.owner_user_id
        WHERE f.token_hash = $1 AND f.revoked_at IS NULL AND u.status = 'active'`,
      [sha256(token)],
    );
    if (!feed || !mayHoldCalendarFeed(feed.owner_role, feed.scope))
      throw DomainError.notFound('This calendar');
    const now = Date.now();
    const occasions = await occasionsBetween(
      this.db.manager,
      new Date(now - PAST_DAYS * DAY_MS),
      new Date(now + FUTURE_DAYS * DAY_MS),
      feed.scope === 'group'
        ? { kind: 'group', groupId: feed.group_id as string }
        : { kind: 'mine', userId: feed.owner_user_id },
    );
    const name =
      feed.scope === 'group'
        ? ((await this.db.getRepository(Group).findOneBy({ id: feed.group_id as string }))?.name ??
          'Heard group')
        : 'My Heard calendar';
    const events: CalendarEvent[] = occasions.flatMap((o) => {
      const startsAt = o.startsAt;
      if (!startsAt) return [];
      return [
        {
          // Sessions keep the UIDs they were first published with, so calendars do not duplicate them.
          uid: o.kind === 'group_session' ? `${o.id}@heard` : `${o.kind}-${o.id}@heard`,
          sequence: o.sequence,
          startsAt,
          endsAt: o.endsAt ?? new Date(startsAt.getTime() + UNTIMED_MINUTES * 60_000),
          summary: o.title,
          location: o.venue,
          // A one-to-one's topic is staff's note about one young person: it stays out of calendar apps.
          description: o.kind === 'one_to_one' ? null : o.agenda,
          cancelled: o.status === 'cancelled',
          updatedAt: o.updatedAt,
        },
      ];
    });
    return renderCalendar(name, events);
  }
}
