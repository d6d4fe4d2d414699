import { Injectable } from '@nestjs/common';
import {
  ATTENDANCE_STATUS_WORDS,
  AttendanceStatus,
  AuditAction,
  AuditRecordType,
  GroupAttendance,
  GroupSessionDetailResponse,
  HeldAnswer,
  OccasionNow,
  OfflineResolution,
  YoungPersonAttendance,
  attendanceRate,
  resolveOfflineChange,
  todayInLondon,
} from '@heard/domain';
import { queryPrepared } from '../../platform/database/database';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy, youngPersonVisibleSql } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { AttendanceMark, GroupSession } from './entities/group-session.entity';
import { SessionReads } from './session-reads.service';
import { memberOn } from '../../platform/database/rules-sql';
import { holdChange } from '../../platform/offline/held-changes.queries';
import { OfflineChangeContext, heldAnswer, offlineConflict } from '../../platform/offline/offline-change';

type Counts = { present: number; apologies: number; absent: number };

@Injectable()
export class AttendanceService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionReads,
    private readonly access: AccessPolicy,
  ) {}

  /**
   * Marks the register: every entry is checked first, then all are written together or none are.
   * A mark sent from the offline outbox (`offline`) carries one entry, and the offline rules decide
   * what becomes of it against what is stored now (docs/offline.md).
   */
  async record(
    actor: Actor,
    sessionId: string,
    entries: { youngPersonId: string; status: AttendanceStatus }[],
    offline: OfflineChangeContext | null = null,
  ): Promise<GroupSessionDetailResponse | HeldAnswer> {
    // One mark per offline send: each is judged on its own, so one conflict never holds back the others.
    if (offline && entries.length !== 1)
      throw new DomainError(
        'unprocessable',
        'A register change sent from the offline outbox must carry exactly one mark.',
        { entries: ['Send one mark per change.'] },
      );
    const held = await this.db.transaction(async (em): Promise<HeldAnswer | null> => {
      const session = await em
        .getRepository(GroupSession)
        .findOne({ where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw DomainError.notFound('This session');
      // Offline, a cancelled session is one of the rules' outcomes (a 409 the outbox shows), judged below.
      if (session.status === 'cancelled' && !offline) {
        throw new DomainError('conflict', 'This session was cancelled, so it has no register.', {
          entries: ['The session is cancelled.'],
        });
      }
      const ids = entries.map((e) => e.youngPersonId);
      const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
      if (duplicate)
        throw DomainError.validation(
          `entries.${ids.lastIndexOf(duplicate)}.youngPersonId`,
          'This young person is listed twice.',
        );
      const day = todayInLondon(session.startsAt);
      const members: { young_person_id: string }[] = await em.query(
        `SELECT young_person_id FROM group_memberships m
          WHERE group_id = $1 AND young_person_id = ANY($2::uuid[]) AND ${memberOn('m', '$3')}`,
        [session.groupId, ids, day],
      );
      const memberSet = new Set(members.map((m) => m.young_person_id));
      const unreachable = await this.access.unreachable(actor, em, ids);
      const errors: Record<string, string[]> = {};
      entries.forEach((e, i) => {
        // Out of reach reads as not a member, so the register reveals no one the actor may not see.
        if (!memberSet.has(e.youngPersonId) || unreachable.has(e.youngPersonId))
          errors[`entries.${i}.youngPersonId`] = [
            'This young person was not a member of the group on the day.',
          ];
      });
      if (Object.keys(errors).length > 0) {
        throw new DomainError(
          'validation',
          'Only members of the group on the day can be on the register.',
          errors,
        );
      }
      if (offline) {
        const [entry] = entries;
        const resolution = await this.resolveOffline(em, actor, sessionId, entry, offline);
        if (resolution.answer === 'conflict') throw offlineConflict(resolution);
        if (resolution.outcome === 'already') return null;
        if (resolution.answer === 'held') {
          const id = await holdChange(em, this.audit.for(actor), {
            madeBy: actor.userId,
            youngPersonId: entry.youngPersonId,
            occasion: { kind: 'group_session', id: sessionId },
            kind: 'session-mark',
            body: { youngPersonId: entry.youngPersonId, status: entry.status },
            deviceTime: offline.deviceTime,
            resolution,
          });
          return heldAnswer(id, resolution);
        }
      }
      await em
        .createQueryBuilder()
        .insert()
        .into(AttendanceMark)
        .values(
          entries.map((e) => ({
            sessionId,
            youngPersonId: e.youngPersonId,
            status: e.status,
            recordedBy: actor.userId,
            // When the mark was made: on the device for an offline one, so a later offline mark is weighed against it.
            recordedAt: offline?.deviceTime ?? actor.deviceTime ?? new Date(),
          })),
        )
        .orUpdate(['status', 'recorded_by', 'recorded_at'], ['session_id', 'young_person_id'])
        .execute();
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.GroupSession,
        id: sessionId,
        detail: { change: 'attendance', marks: entries.length },
      });
      return null;
    });
    return held ?? this.sessions.detail(actor, sessionId);
  }

  /** What the offline rules make of one mark, from the facts gathered in one query. */
  private async resolveOffline(
    em: EntityManager,
    actor: Actor,
    sessionId: string,
    entry: { youngPersonId: string; status: AttendanceStatus },
    offline: OfflineChangeContext,
  ): Promise<OfflineResolution> {
    const [facts]: {
      status: 'scheduled' | 'cancelled';
      starts_at: Date;
      moved_at: Date | null;
      moved_from: Date | null;
      preferred_name: string;
      stored_status: AttendanceStatus | null;
      recorded_by: string | null;
      recorded_at: Date | null;
      recorded_by_name: string | null;
    }[] = await em.query(
      `SELECT s.status, s.starts_at, s.moved_at, s.moved_from, yp.preferred_name,
              a.status AS stored_status, a.recorded_by, a.recorded_at, u.display_name AS recorded_by_name
         FROM group_sessions s
         JOIN young_people yp ON yp.id = $2
         LEFT JOIN attendance a ON a.session_id = s.id AND a.young_person_id = yp.id
         LEFT JOIN users u ON u.id = a.recorded_by
        WHERE s.id = $1`,
      [sessionId, entry.youngPersonId],
    );
    const occasion: OccasionNow =
      facts.status === 'cancelled'
        ? { status: 'cancelled' }
        : facts.moved_at && facts.moved_from
          ? { status: 'moved', from: facts.moved_from, to: facts.starts_at, movedAt: facts.moved_at }
          : { status: 'held' };
    return resolveOfflineChange(
      {
        kind: 'session-mark',
        youngPersonName: facts.preferred_name,
        value: ATTENDANCE_STATUS_WORDS[entry.status],
        deviceTime: offline.deviceTime,
        officerId: actor.userId,
      },
      {
        stored:
          facts.stored_status && facts.recorded_at
            ? {
                value: ATTENDANCE_STATUS_WORDS[facts.stored_status],
                byId: facts.recorded_by ?? '',
                byName: facts.recorded_by_name ?? 'another officer',
                at: facts.recorded_at,
              }
            : null,
        occasion,
        // A group session's register needs no consent, online or off.
        consentWithdrawnAt: null,
        roundClosedAt: null,
      },
    );
  }

  async forYoungPerson(actor: Actor, youngPersonId: string): Promise<YoungPersonAttendance> {
    await this.access.assertMayRead(actor, this.db.manager, { youngPerson: youngPersonId });
    await this.audit.for(actor).record(null, {
      action: AuditAction.Read,
      type: AuditRecordType.YoungPerson,
      id: youngPersonId,
      detail: { view: 'attendance' },
    });
    const byGroup: ({ group_id: string; group_name: string } & Counts)[] = await this.db.query(
      `SELECT g.id AS group_id, g.name AS group_name,
              count(*) FILTER (WHERE a.status = 'present')::int AS present,
              count(*) FILTER (WHERE a.status = 'apologies')::int AS apologies,
              count(*) FILTER (WHERE a.status = 'absent')::int AS absent
         FROM attendance a JOIN group_sessions s ON s.id = a.session_id JOIN groups g ON g.id = s.group_id
        WHERE a.young_person_id = $1
        GROUP BY g.id, g.name ORDER BY g.name`,
      [youngPersonId],
    );
    const recent: { session_id: string; group_name: string; starts_at: Date; status: AttendanceStatus }[] =
      await this.db.query(
        `SELECT s.id AS session_id, g.name AS group_name, s.starts_at, a.status
         FROM attendance a JOIN group_sessions s ON s.id = a.session_id JOIN groups g ON g.id = s.group_id
        WHERE a.young_person_id = $1 ORDER BY s.starts_at DESC LIMIT 20`,
        [youngPersonId],
      );
    const total = byGroup.reduce<Counts>(
      (sum, g) => ({
        present: sum.present + g.present,
        apologies: sum.apologies + g.apologies,
        absent: sum.absent + g.absent,
      }),
      { present: 0, apologies: 0, absent: 0 },
    );
    return {
      youngPersonId,
      overall: attendanceRate(total),
      byGroup: byGroup.map((g) => ({ groupId: g.group_id, groupName: g.group_name, ...attendanceRate(g) })),
      recent: recent.map((r) => ({
        sessionId: r.session_id,
        groupName: r.group_name,
        startsAt: r.starts_at.toISOString(),
        status: r.status,
      })),
    };
  }

  async forGroup(actor: Actor, groupId: string): Promise<GroupAttendance> {
    const [held]: { n: number }[] = await queryPrepared(
      this.db,
      `SELECT count(*)::int AS n FROM group_sessions WHERE group_id = $1 AND status = 'scheduled' AND starts_at < now()`,
      [groupId],
    );
    const memberParams: unknown[] = [groupId, todayInLondon()];
    // Count this group's marks first (a few thousand rows through the attendance key), then attach
    // them to members: joining members to all of attendance makes the planner scan the whole table.
    const members: ({ young_person_id: string; preferred_name: string } & Counts)[] = await queryPrepared(
      this.db,
      `WITH marks AS (
         SELECT a.young_person_id,
                count(*) FILTER (WHERE a.status = 'present')::int AS present,
                count(*) FILTER (WHERE a.status = 'apologies')::int AS apologies,
                count(*) FILTER (WHERE a.status = 'absent')::int AS absent
           FROM group_sessions s JOIN attendance a ON a.session_id = s.id
          WHERE s.group_id = $1
          GROUP BY a.young_person_id)
       SELECT yp.id AS young_person_id, yp.preferred_name,
              COALESCE(marks.present, 0) AS present, COALESCE(marks.apologies, 0) AS apologies, COALESCE(marks.absent, 0) AS absent
         FROM group_memberships m
         JOIN young_people yp ON yp.id = m.young_person_id
         LEFT JOIN marks ON marks.young_person_id = m.young_person_id
        WHERE m.group_id = $1 AND ${memberOn('m', '$2')}
          AND ${youngPersonVisibleSql(actor, memberParams, 'yp.id')}
        ORDER BY lower(yp.preferred_name), yp.id`,
      memberParams,
    );
    return {
      groupId,
      sessionsHeld: held.n,
      members: members.map((m) => ({
        youngPersonId: m.young_person_id,
        preferredName: m.preferred_name,
        ...attendanceRate(m),
      })),
    };
  }
}
