import { Injectable } from '@nestjs/common';
import {
  AgeingOutEntry,
  AuditAction,
  AuditRecordType,
  GroupCommand,
  GroupResponse,
  GroupSummary,
  MembershipResponse,
  MembershipRole,
  NOT_PICKABLE_STAFF_MESSAGE,
  Page,
  ServiceExperienceKind,
  ageOn,
  checkEligibility,
  suggestNextGroup,
  todayInLondon,
} from '@heard/domain';
import { queryPrepared } from '../../platform/database/database';
import { boundedTotalOf, containsPattern } from '../../platform/database/sql';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccessPolicy, youngPersonVisibleSql } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { unpickableStaff } from '../staff/pickable-staff';
import { ServiceExperiencePeriodRow, YoungPerson } from '../young-people/entities/young-person.entity';
import { Group, GroupFacilitator, GroupMembership } from './entities/group.entity';
import { toGroupResponse, toGroupSummary } from './group.mapper';
import { selectGroup, selectPatternExceptions } from './groups.queries';
import { memberOn } from '../../platform/database/rules-sql';

@Injectable()
export class GroupsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
  ) {}

  async list(query: {
    q?: string;
    includeArchived?: string;
    page: number;
    pageSize: number;
  }): Promise<Page<GroupSummary>> {
    const qb = this.db.getRepository(Group).createQueryBuilder('g');
    if (query.includeArchived !== 'true') qb.andWhere('g.archived_at IS NULL');
    if (query.q)
      qb.andWhere('lower(g.name) LIKE :q', {
        q: containsPattern(query.q),
      });
    const totals = await boundedTotalOf(this.db, qb, query);
    const groups = await qb
      .orderBy('lower(g.name)', 'ASC')
      .addOrderBy('g.id', 'ASC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getMany();
    const stats = await this.stats(groups.map((g) => g.id));
    return {
      items: groups.map((g) =>
        toGroupSummary(g, stats.get(g.id)?.members ?? 0, stats.get(g.id)?.next ?? null),
      ),
      ...totals,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Member counts and next session for many groups in one query. */
  private async stats(
    groupIds: string[],
    em: EntityManager = this.db.manager,
  ): Promise<Map<string, { members: number; next: Date | null }>> {
    if (groupIds.length === 0) return new Map();
    const rows: { id: string; members: number; next: Date | null }[] = await em.query(
      `SELECT g.id,
              (SELECT count(*)::int FROM group_memberships m WHERE m.group_id = g.id AND ${memberOn('m', '$2')}) AS members,
              (SELECT min(s.starts_at) FROM group_sessions s WHERE s.group_id = g.id AND s.status = 'scheduled' AND s.starts_at >= now()) AS next
         FROM groups g WHERE g.id = ANY($1::uuid[])`,
      [groupIds, todayInLondon()],
    );
    return new Map(rows.map((r) => [r.id, { members: r.members, next: r.next }]));
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<GroupResponse> {
    const group = await this.find(id, em);
    // One after another: `em` may be a transaction's, which has one connection, and pg refuses
    // (from version 9) a query sent while another is running on it.
    const stats = await this.stats([id], em);
    const facilitators: { id: string; displayName: string }[] = await em.query(
      `SELECT u.id, u.display_name AS "displayName" FROM group_facilitators f JOIN users u ON u.id = f.user_id
        WHERE f.group_id = $1 ORDER BY u.display_name`,
      [id],
    );
    const exceptions = await selectPatternExceptions(em, id);
    return toGroupResponse(group, {
      memberCount: stats.get(id)?.members ?? 0,
      nextSessionAt: stats.get(id)?.next ?? null,
      facilitators,
      exceptions,
    });
  }

  async find(id: string, em: EntityManager = this.db.manager): Promise<Group> {
    const group = await selectGroup(em, id);
    if (!group) throw DomainError.notFound('This group');
    return group;
  }

  async create(actor: Actor, command: GroupCommand): Promise<GroupResponse> {
    return this.db.transaction(async (em) => {
      await this.checkFacilitators(em, command.facilitatorIds);
      const result = await em.insert(Group, this.fields(command));
      const id = (result.identifiers[0] as { id: string }).id;
      if (command.facilitatorIds.length) {
        await em.insert(
          GroupFacilitator,
          command.facilitatorIds.map((userId) => ({ groupId: id, userId })),
        );
      }
      await this.audit.for(actor).record(em, { action: AuditAction.Create, type: AuditRecordType.Group, id });
      return this.get(id, em);
    });
  }

  async update(actor: Actor, id: string, command: GroupCommand): Promise<GroupResponse> {
    return this.db.transaction(async (em) => {
      await this.find(id, em);
      await this.checkFacilitators(em, command.facilitatorIds);
      await em.update(Group, { id }, { ...this.fields(command), updatedAt: new Date() });
      await em.delete(GroupFacilitator, { groupId: id });
      if (command.facilitatorIds.length) {
        await em.insert(
          GroupFacilitator,
          command.facilitatorIds.map((userId) => ({ groupId: id, userId })),
        );
      }
      await this.audit.for(actor).record(em, { action: AuditAction.Update, type: AuditRecordType.Group, id });
      return this.get(id, em);
    });
  }

  private fields(command: GroupCommand) {
    return {
      name: command.name,
      purpose: command.purpose,
      minAge: command.minAge,
      maxAge: command.maxAge,
      serviceExperiences: [...new Set(command.serviceExperiences)],
      venue: command.venue,
      onlineLink: command.onlineLink,
      capacity: command.capacity,
      patternRrule: command.pattern?.rrule.replace(/^RRULE:/i, '').toUpperCase() ?? null,
      patternStartsOn: command.pattern?.startsOn ?? null,
      patternStartTime: command.pattern?.startTime ?? null,
      patternDurationMinutes: command.pattern?.durationMinutes ?? null,
    };
  }

  private async checkFacilitators(em: EntityManager, ids: string[]): Promise<void> {
    if (new Set(ids).size !== ids.length)
      throw DomainError.validation('facilitatorIds', 'A facilitator is listed twice.');
    const refused = await unpickableStaff(em, ids);
    const errors: Record<string, string[]> = {};
    ids.forEach((id, i) => {
      if (refused.has(id)) errors[`facilitatorIds.${i}`] = [NOT_PICKABLE_STAFF_MESSAGE];
    });
    if (Object.keys(errors).length)
      throw new DomainError('validation', 'Please check the facilitators.', errors);
  }

  async members(actor: Actor, groupId: string, on: string | undefined): Promise<MembershipResponse[]> {
    await this.find(groupId);
    const date = on ?? todayInLondon();
    const params: unknown[] = [groupId, date];
    const visible = youngPersonVisibleSql(actor, params, 'yp.id');
    const rows: (GroupMembership & { preferred_name: string; date_of_birth: string })[] = await queryPrepared(
      this.db,
      `SELECT m.id, m.group_id AS "groupId", m.young_person_id AS "youngPersonId", m.role, m.joined_on AS "joinedOn",
              m.left_on AS "leftOn", m.override_reason AS "overrideReason", yp.preferred_name, yp.date_of_birth
         FROM group_memberships m JOIN young_people yp ON yp.id = m.young_person_id
        WHERE m.group_id = $1 AND ${memberOn('m', '$2')} AND ${visible}
        ORDER BY lower(yp.preferred_name), m.id`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      groupId: r.groupId,
      youngPersonId: r.youngPersonId,
      preferredName: r.preferred_name,
      age: ageOn(r.date_of_birth, date),
      role: r.role,
      joinedOn: r.joinedOn,
      leftOn: r.leftOn,
      overrideReason: r.overrideReason,
    }));
  }

  /**
   * Joins a young person to a group after checking the group's eligibility rule on the joining date.
   * An officer may override a refusal by giving a reason, which is kept and audited.
   */
  async join(
    actor: Actor,
    groupId: string,
    request: { youngPersonId: string; role: MembershipRole; joinedOn: string; overrideReason?: string },
  ): Promise<MembershipResponse> {
    const membershipId = await this.db.transaction(async (em) => {
      const group = await this.find(groupId, em);
      if (group.archivedAt) throw new DomainError('conflict', 'This group is archived.');
      const unreachable = await this.access.unreachable(actor, em, [request.youngPersonId]);
      const person = await em
        .getRepository(YoungPerson)
        .findOne({ where: { id: request.youngPersonId }, relations: { serviceExperiences: true } });
      if (!person || person.archivedAt || unreachable.size > 0)
        throw DomainError.validation('youngPersonId', 'There is no current young person with this id.');
      const current = await em
        .getRepository(GroupMembership)
        .findOneBy({ groupId, youngPersonId: person.id, leftOn: IsNull() });
      if (current)
        throw new DomainError('conflict', 'They are already a member of this group.', {
          youngPersonId: ['Already a member.'],
        });
      const overlapping: { n: number }[] = await em.query(
        `SELECT count(*)::int AS n FROM group_memberships WHERE group_id = $1 AND young_person_id = $2 AND left_on >= $3`,
        [groupId, person.id, request.joinedOn],
      );
      if (overlapping[0].n > 0) {
        throw DomainError.validation(
          'joinedOn',
          'They were still a member on that date; choose a date after they left.',
        );
      }
      const eligibility = checkEligibility(
        { dateOfBirth: person.dateOfBirth, serviceExperiences: person.serviceExperiences },
        group,
        request.joinedOn,
      );
      if (!eligibility.eligible && !request.overrideReason) {
        throw new DomainError(
          'validation',
          // Why is said once, on the field: shown together, detail and field messages repeated it.
          `${person.preferredName} does not fit who ${group.name} is for. An officer can override this with a reason.`,
          { youngPersonId: eligibility.failed.map((f) => f.message) },
        );
      }
      const result = await em.insert(GroupMembership, {
        groupId,
        youngPersonId: person.id,
        role: request.role,
        joinedOn: request.joinedOn,
        leftOn: null,
        overrideReason: eligibility.eligible ? null : (request.overrideReason ?? null),
      });
      const id = (result.identifiers[0] as { id: string }).id;
      await this.audit.for(actor).record(em, {
        action: eligibility.eligible ? AuditAction.Create : AuditAction.Override,
        type: AuditRecordType.GroupMembership,
        id,
        detail: eligibility.eligible
          ? { groupId, youngPersonId: person.id }
          : {
              groupId,
              youngPersonId: person.id,
              failedRules: eligibility.failed.map((f) => f.rule).join(','),
            },
      });
      return id;
    });
    return (await this.members(actor, groupId, request.joinedOn)).find((m) => m.id === membershipId)!;
  }

  async leave(
    actor: Actor,
    groupId: string,
    membershipId: string,
    leftOn: string,
  ): Promise<MembershipResponse> {
    await this.db.transaction(async (em) => {
      await this.access.assertMayChange(actor, em, { membership: membershipId });
      const membership = await em.getRepository(GroupMembership).findOneBy({ id: membershipId, groupId });
      if (!membership) throw DomainError.notFound('This membership');
      if (membership.leftOn) throw new DomainError('conflict', 'They have already left this group.');
      if (leftOn < membership.joinedOn) {
        throw DomainError.validation(
          'leftOn',
          `They joined on ${membership.joinedOn}; they cannot leave before that.`,
        );
      }
      await em.update(GroupMembership, { id: membershipId }, { leftOn });
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.GroupMembership,
        id: membershipId,
        detail: { change: 'leave' },
      });
    });
    const [row]: MembershipResponse[] = await this.db.query(
      `SELECT m.id, m.group_id AS "groupId", m.young_person_id AS "youngPersonId", yp.preferred_name AS "preferredName",
              m.role, m.joined_on AS "joinedOn", m.left_on AS "leftOn", m.override_reason AS "overrideReason", yp.date_of_birth AS dob
         FROM group_memberships m JOIN young_people yp ON yp.id = m.young_person_id WHERE m.id = $1`,
      [membershipId],
    );
    const { dob, ...rest } = row as MembershipResponse & { dob: string };
    return { ...rest, age: ageOn(dob, leftOn) };
  }

  /** Current members who no longer fit their group on a date, each with the group they fit next. */
  async ageingOut(on: string | undefined): Promise<AgeingOutEntry[]> {
    const date = on ?? todayInLondon();
    const groups = await this.db.getRepository(Group).findBy({ archivedAt: IsNull() });
    const rows: {
      membership_id: string;
      group_id: string;
      young_person_id: string;
      preferred_name: string;
      date_of_birth: string;
    }[] = await this.db.query(
      `SELECT m.id AS membership_id, m.group_id, yp.id AS young_person_id, yp.preferred_name, yp.date_of_birth
           FROM group_memberships m
           JOIN young_people yp ON yp.id = m.young_person_id AND yp.archived_at IS NULL
           JOIN groups g ON g.id = m.group_id AND g.archived_at IS NULL
          WHERE ${memberOn('m', '$1')}`,
      [date],
    );
    const periods = rows.length
      ? await this.db
          .getRepository(ServiceExperiencePeriodRow)
          .createQueryBuilder('p')
          .where('p.young_person_id IN (:...ids)', { ids: [...new Set(rows.map((r) => r.young_person_id))] })
          .getMany()
      : [];
    const byPerson = new Map<string, { kind: ServiceExperienceKind; from: string; to: string | null }[]>();
    for (const p of periods)
      (byPerson.get(p.youngPersonId) ?? byPerson.set(p.youngPersonId, []).get(p.youngPersonId)!).push(p);
    const groupById = new Map(groups.map((g) => [g.id, g]));
    const entries: AgeingOutEntry[] = [];
    for (const row of rows) {
      const group = groupById.get(row.group_id)!;
      const candidate = {
        dateOfBirth: row.date_of_birth,
        serviceExperiences: byPerson.get(row.young_person_id) ?? [],
      };
      const result = checkEligibility(candidate, group, date);
      if (result.eligible) continue;
      const next = suggestNextGroup(candidate, group.id, groups, date);
      entries.push({
        membershipId: row.membership_id,
        youngPersonId: row.young_person_id,
        preferredName: row.preferred_name,
        age: ageOn(row.date_of_birth, date),
        group: { id: group.id, name: group.name },
        reasons: result.failed.map((f) => f.message),
        suggestedGroup: next ? { id: next.id, name: next.name } : null,
      });
    }
    return entries.sort(
      (a, b) => a.group.name.localeCompare(b.group.name) || a.preferredName.localeCompare(b.preferredName),
    );
  }
}
