import { Injectable } from '@nestjs/common';
import {
  GroupSessionDetailResponse,
  GroupSessionResponse,
  addDays,
  todayInLondon,
  zonedToUtc,
} from '@heard/domain';
import { DataSource } from 'typeorm';
import { youngPersonVisibleSql } from '../../platform/access/young-person-access';
import { queryPrepared } from '../../platform/database/database';
import { memberOn } from '../../platform/database/rules-sql';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { Group } from '../groups/entities/group.entity';
import { AttendanceMark, GroupSession } from './entities/group-session.entity';
import { toGroupSessionResponse } from './session.mapper';

/**
 * The one home, in SQL, of "on this session's register": everyone who was a member of its group on
 * the day, and anyone already marked. `youngPersonId` is the qualified column; the others are the
 * SQL (parameters) holding the session's id, its group's id and its day in London.
 */
export function onSessionRegisterSql(
  youngPersonId: string,
  at: { session: string; group: string; day: string },
): string {
  return `${youngPersonId} IN (
      SELECT m.young_person_id FROM group_memberships m
       WHERE m.group_id = ${at.group} AND ${memberOn('m', `${at.day}::date`)}
      UNION SELECT young_person_id FROM attendance WHERE session_id = ${at.session})`;
}

/** Sessions as the calendar list and the session page show them, with its register. */
@Injectable()
export class SessionReads {
  constructor(private readonly db: DataSource) {}

  async list(range: { from?: string; to?: string; groupId?: string }): Promise<GroupSessionResponse[]> {
    const from = range.from ?? todayInLondon();
    const to = range.to ?? addDays(from, 35);
    if (to < from) throw DomainError.validation('to', 'The end of the range is before its start.');
    if (to > addDays(from, 366)) throw DomainError.validation('to', 'Ask for at most a year at a time.');
    const params: unknown[] = [zonedToUtc(from, '00:00'), zonedToUtc(addDays(to, 1), '00:00')];
    if (range.groupId) params.push(range.groupId);
    const rows: {
      id: string;
      group_id: string;
      group_name: string;
      pattern_date: string | null;
      starts_at: Date;
      ends_at: Date;
      venue: string | null;
      status: 'scheduled' | 'cancelled';
      moved: boolean;
      cancel_reason: string | null;
    }[] = await queryPrepared(
      this.db,
      `SELECT s.id, s.group_id, g.name AS group_name, s.pattern_date, s.starts_at, s.ends_at, s.venue, s.status, s.moved, s.cancel_reason
         FROM group_sessions s JOIN groups g ON g.id = s.group_id
        WHERE s.starts_at >= $1 AND s.starts_at < $2 ${range.groupId ? 'AND s.group_id = $3' : ''}
        ORDER BY s.starts_at, s.id
        LIMIT 2000`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      groupId: r.group_id,
      groupName: r.group_name,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      venue: r.venue,
      status: r.status,
      moved: r.moved,
      cancelReason: r.cancel_reason,
      oneOff: r.pattern_date === null,
    }));
  }

  async detail(actor: Actor, sessionId: string): Promise<GroupSessionDetailResponse> {
    const session = await this.db.getRepository(GroupSession).findOneBy({ id: sessionId });
    if (!session) throw DomainError.notFound('This session');
    const group = await this.db.getRepository(Group).findOneByOrFail({ id: session.groupId });
    const date = todayInLondon(session.startsAt);
    // The register lists everyone who was a member on the day, and anyone already marked.
    const params: unknown[] = [sessionId, session.groupId, date];
    const visible = youngPersonVisibleSql(actor, params, 'yp.id');
    const register: {
      young_person_id: string;
      preferred_name: string;
      status: AttendanceMark['status'] | null;
    }[] = await this.db.query(
      `SELECT yp.id AS young_person_id, yp.preferred_name, a.status
         FROM young_people yp
         LEFT JOIN attendance a ON a.session_id = $1 AND a.young_person_id = yp.id
        WHERE ${onSessionRegisterSql('yp.id', { session: '$1', group: '$2', day: '$3' })}
          AND ${visible}
        ORDER BY lower(yp.preferred_name), yp.id`,
      params,
    );
    return {
      ...toGroupSessionResponse(session, group.name),
      agenda: session.agenda,
      notes: session.notes,
      register: register.map((r) => ({
        youngPersonId: r.young_person_id,
        preferredName: r.preferred_name,
        status: r.status,
      })),
    };
  }
}
