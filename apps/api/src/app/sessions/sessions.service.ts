import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  GenerateSessionsResponse,
  GroupSessionDetailResponse,
  GroupSessionResponse,
  PatternException,
  addDays,
  isPatternDate,
  planSessions,
  todayInLondon,
  zonedToUtc,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { Group, GroupPatternException } from '../groups/entities/group.entity';
import { patternOf, toPatternException } from '../groups/group.mapper';
import { OccasionEvents } from '../occasions/occasion-events';
import { assertNoClash } from './clash';
import { GroupSession } from './entities/group-session.entity';
import { toGroupSessionResponse } from './session.mapper';
import { SessionReads } from './session-reads.service';

/** Sessions are generated this far ahead unless the officer asks for more (at most a year). */
export const ROLLING_WINDOW_DAYS = 84;
const MAX_WINDOW_DAYS = 366;

/**
 * When a session's start changes, when that happened and where it started before: the offline rules
 * hold a mark made before the move (resolveOfflineChange) and tell the officer from when it moved.
 */
function movedSince(
  session: GroupSession,
  startsAt: Date,
): Partial<Pick<GroupSession, 'movedAt' | 'movedFrom'>> {
  if (session.startsAt.getTime() === startsAt.getTime()) return {};
  return { movedAt: new Date(), movedFrom: session.startsAt };
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly occasions: OccasionEvents,
    private readonly reads: SessionReads,
  ) {}

  /**
   * Brings a group's future sessions in line with its pattern and exceptions, up to `until`.
   * Safe to run again: existing sessions are matched by their pattern date and only changed (with
   * SEQUENCE raised) when the plan differs; past sessions are never touched.
   */
  async generate(actor: Actor, groupId: string, until?: string): Promise<GenerateSessionsResponse> {
    const from = todayInLondon();
    const end = until ?? addDays(from, ROLLING_WINDOW_DAYS);
    if (end < from) throw DomainError.validation('until', 'Choose a date from today onwards.');
    if (end > addDays(from, MAX_WINDOW_DAYS))
      throw DomainError.validation('until', 'Sessions can be generated up to a year ahead.');
    return this.db.transaction(async (em) => {
      const group = await this.lockGroup(em, groupId);
      const pattern = patternOf(group);
      if (!pattern)
        throw DomainError.validation(
          'pattern',
          'This group has no meeting pattern to generate sessions from.',
        );
      const exceptions = (await em.getRepository(GroupPatternException).findBy({ groupId })).map(
        toPatternException,
      );
      const plan = planSessions(pattern, exceptions, from > pattern.startsOn ? from : pattern.startsOn, end);
      const existing = await em
        .getRepository(GroupSession)
        .createQueryBuilder('s')
        .where('s.group_id = :groupId AND s.pattern_date >= :from AND s.pattern_date <= :end', {
          groupId,
          from,
          end,
        })
        .getMany();
      const byDate = new Map(existing.map((s) => [s.patternDate!, s]));
      let created = 0;
      let updated = 0;
      for (const planned of plan) {
        const startsAt = zonedToUtc(planned.date, planned.startTime);
        const endsAt = new Date(startsAt.getTime() + planned.durationMinutes * 60_000);
        const current = byDate.get(planned.patternDate);
        if (!current) {
          if (planned.status === 'scheduled')
            await assertNoClash(em, { groupId, startsAt, endsAt, venue: group.venue });
          await em.insert(GroupSession, {
            groupId,
            patternDate: planned.patternDate,
            startsAt,
            endsAt,
            venue: group.venue,
            status: planned.status,
            moved: planned.moved,
          });
          created++;
        } else if (
          current.startsAt.getTime() !== startsAt.getTime() ||
          current.endsAt.getTime() !== endsAt.getTime() ||
          current.status !== planned.status
        ) {
          if (planned.status === 'scheduled') {
            await assertNoClash(em, {
              groupId,
              startsAt,
              endsAt,
              venue: current.venue,
              excludeSessionId: current.id,
            });
          }
          await em.update(
            GroupSession,
            { id: current.id },
            {
              startsAt,
              endsAt,
              status: planned.status,
              moved: planned.moved,
              ...movedSince(current, startsAt),
              sequence: current.sequence + 1,
              updatedAt: new Date(),
            },
          );
          updated++;
        }
      }
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.Group,
        id: groupId,
        detail: { change: 'generate_sessions', created, updated },
      });
      return { created, updated, from, until: end };
    });
  }

  /** Records a holiday, cancellation or move for one of the pattern's dates, and applies it at once. */
  async addException(actor: Actor, groupId: string, exception: PatternException): Promise<void> {
    await this.db.transaction(async (em) => {
      const group = await this.lockGroup(em, groupId);
      const pattern = patternOf(group);
      if (!pattern) throw DomainError.validation('date', 'This group has no meeting pattern.');
      if (!isPatternDate(pattern, exception.date)) {
        throw DomainError.validation('date', `${exception.date} is not one of this group's meeting dates.`);
      }
      const already = await em
        .getRepository(GroupPatternException)
        .findOneBy({ groupId, patternDate: exception.date });
      if (already)
        throw new DomainError('conflict', `There is already an exception for ${exception.date}.`, {
          date: ['Already has an exception.'],
        });
      await em.insert(GroupPatternException, {
        groupId,
        patternDate: exception.date,
        kind: exception.kind,
        movedToDate: exception.movedTo?.date ?? null,
        movedToTime: exception.movedTo?.startTime ?? null,
        reason: exception.reason ?? null,
      });
      const session = await em
        .getRepository(GroupSession)
        .findOneBy({ groupId, patternDate: exception.date });
      if (session) {
        if (exception.kind === 'cancelled') {
          await this.applyCancel(em, actor, session, exception.reason ?? null);
        } else if (exception.movedTo) {
          const startsAt = zonedToUtc(exception.movedTo.date, exception.movedTo.startTime);
          await this.applyMove(
            em,
            actor,
            session,
            startsAt,
            new Date(startsAt.getTime() + pattern.durationMinutes * 60_000),
            session.venue,
          );
        }
      }
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.Group,
        id: groupId,
        detail: { change: `exception_${exception.kind}` },
      });
    });
  }

  async addOneOff(
    actor: Actor,
    groupId: string,
    request: {
      date: string;
      startTime: string;
      durationMinutes: number;
      venue: string | null;
      agenda: string | null;
    },
  ): Promise<GroupSessionResponse> {
    return this.db.transaction(async (em) => {
      const group = await this.lockGroup(em, groupId);
      const startsAt = zonedToUtc(request.date, request.startTime);
      const endsAt = new Date(startsAt.getTime() + request.durationMinutes * 60_000);
      const venue = request.venue ?? group.venue;
      await assertNoClash(em, { groupId, startsAt, endsAt, venue });
      const result = await em.insert(GroupSession, {
        groupId,
        patternDate: null,
        startsAt,
        endsAt,
        venue,
        status: 'scheduled',
        agenda: request.agenda,
      });
      const id = (result.identifiers[0] as { id: string }).id;
      await this.audit
        .for(actor)
        .record(em, { action: AuditAction.Create, type: AuditRecordType.GroupSession, id });
      return toGroupSessionResponse(await em.getRepository(GroupSession).findOneByOrFail({ id }), group.name);
    });
  }

  async move(
    actor: Actor,
    sessionId: string,
    request: { date: string; startTime: string; durationMinutes?: number; venue?: string | null },
  ): Promise<GroupSessionResponse> {
    return this.db.transaction(async (em) => {
      const session = await this.lockSession(em, sessionId);
      if (session.status === 'cancelled')
        throw new DomainError('conflict', 'This session is cancelled; add a new one instead of moving it.');
      const duration =
        request.durationMinutes ?? (session.endsAt.getTime() - session.startsAt.getTime()) / 60_000;
      const startsAt = zonedToUtc(request.date, request.startTime);
      const endsAt = new Date(startsAt.getTime() + duration * 60_000);
      const venue = request.venue === undefined ? session.venue : request.venue;
      await this.applyMove(em, actor, session, startsAt, endsAt, venue);
      if (session.patternDate) {
        // Kept as an exception, so generating again does not put the session back.
        await em.query(
          `INSERT INTO group_pattern_exceptions (group_id, pattern_date, kind, moved_to_date, moved_to_time)
           VALUES ($1, $2, 'moved', $3, $4)
           ON CONFLICT (group_id, pattern_date) DO UPDATE SET kind = 'moved', moved_to_date = $3, moved_to_time = $4`,
          [session.groupId, session.patternDate, request.date, request.startTime],
        );
      }
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.GroupSession,
        id: sessionId,
        detail: { change: 'move' },
      });
      return this.response(em, sessionId);
    });
  }

  async cancel(actor: Actor, sessionId: string, reason: string | null): Promise<GroupSessionResponse> {
    return this.db.transaction(async (em) => {
      const session = await this.lockSession(em, sessionId);
      if (session.status === 'cancelled')
        throw new DomainError('conflict', 'This session is already cancelled.');
      await this.applyCancel(em, actor, session, reason);
      if (session.patternDate) {
        await em.query(
          `INSERT INTO group_pattern_exceptions (group_id, pattern_date, kind, reason) VALUES ($1, $2, 'cancelled', $3)
           ON CONFLICT (group_id, pattern_date) DO UPDATE SET kind = 'cancelled', moved_to_date = NULL, moved_to_time = NULL, reason = $3`,
          [session.groupId, session.patternDate, reason],
        );
      }
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.GroupSession,
        id: sessionId,
        detail: { change: 'cancel' },
      });
      return this.response(em, sessionId);
    });
  }

  async updateDetails(
    actor: Actor,
    sessionId: string,
    request: { agenda?: string | null; notes?: string | null },
  ): Promise<GroupSessionDetailResponse> {
    await this.db.transaction(async (em) => {
      const session = await this.lockSession(em, sessionId);
      await em.update(
        GroupSession,
        { id: session.id },
        {
          ...(request.agenda !== undefined ? { agenda: request.agenda } : {}),
          ...(request.notes !== undefined ? { notes: request.notes } : {}),
          // Only the agenda reaches calendars (as the description), so only it raises SEQUENCE.
          ...(request.agenda !== undefined && request.agenda !== session.agenda
            ? { sequence: session.sequence + 1 }
            : {}),
          updatedAt: new Date(),
        },
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.GroupSession,
        id: sessionId,
        detail: { change: 'details' },
      });
    });
    return this.reads.detail(actor, sessionId);
  }

  private async response(em: EntityManager, sessionId: string): Promise<GroupSessionResponse> {
    const session = await em.getRepository(GroupSession).findOneByOrFail({ id: sessionId });
    const group = await em.getRepository(Group).findOneByOrFail({ id: session.groupId });
    return toGroupSessionResponse(session, group.name);
  }

  private async applyMove(
    em: EntityManager,
    actor: Actor,
    session: GroupSession,
    startsAt: Date,
    endsAt: Date,
    venue: string | null,
  ): Promise<void> {
    await assertNoClash(em, {
      groupId: session.groupId,
      startsAt,
      endsAt,
      venue,
      excludeSessionId: session.id,
    });
    await em.update(
      GroupSession,
      { id: session.id },
      {
        startsAt,
        endsAt,
        venue,
        moved: true,
        ...movedSince(session, startsAt),
        sequence: session.sequence + 1,
        updatedAt: new Date(),
      },
    );
    await this.occasions.announce(em, actor, {
      occasion: { kind: 'group_session', id: session.id },
      change: 'moved',
      date: todayInLondon(startsAt),
      reason: null,
    });
  }

  private async applyCancel(
    em: EntityManager,
    actor: Actor,
    session: GroupSession,
    reason: string | null,
  ): Promise<void> {
    await em.update(
      GroupSession,
      { id: session.id },
      { status: 'cancelled', cancelReason: reason, sequence: session.sequence + 1, updatedAt: new Date() },
    );
    await this.occasions.announce(em, actor, {
      occasion: { kind: 'group_session', id: session.id },
      change: 'cancelled',
      date: todayInLondon(session.startsAt),
      reason,
    });
  }

  private async lockGroup(em: EntityManager, groupId: string): Promise<Group> {
    const group = await em
      .getRepository(Group)
      .findOne({ where: { id: groupId }, lock: { mode: 'pessimistic_write' } });
    if (!group) throw DomainError.notFound('This group');
    if (group.archivedAt) throw new DomainError('conflict', 'This group is archived.');
    return group;
  }

  private async lockSession(em: EntityManager, sessionId: string): Promise<GroupSession> {
    const session = await em
      .getRepository(GroupSession)
      .findOne({ where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
    if (!session) throw DomainError.notFound('This session');
    return session;
  }
}
