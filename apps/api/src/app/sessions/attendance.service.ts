import { Injectable } from '@nestjs/common';
import {
  AttendanceStatus,
  AuditAction,
  AuditRecordType,
  GroupAttendance,
  GroupSessionDetailResponse,
  YoungPersonAttendance,
  attendanceRate,
  todayInLondon,
} from '@heard/domain';
import { queryPrepared } from '../../platform/database/database';
import { DataSource } from 'typeorm';
import { AccessPolicy, youngPersonVisibleSql } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { AttendanceMark, GroupSession } from './entities/group-session.entity';
import { SessionReads } from './session-reads.service';
import { memberOn } from '../../platform/database/rules-sql';

type Counts = { present: number; apologies: number; absent: number };

@Injectable()
export class AttendanceService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionReads,
    private readonly access: AccessPolicy,
  ) {}

  /** Marks the register: every entry is checked first, then all are written together or none are. */
  async record(
    actor: Actor,
    sessionId: string,
    entries: { youngPersonId: string; status: AttendanceStatus }[],
  ): Promise<GroupSessionDetailResponse> {
    await this.db.transaction(async (em) => {
      const session = await em
        .getRepository(GroupSession)
        .findOne({ where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw DomainError.notFound('This session');
      if (session.status === 'cancelled') {
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
            recordedAt: new Date(),
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
    });
    return this.sessions.detail(actor, sessionId);
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
