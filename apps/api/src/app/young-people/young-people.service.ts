import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  DATE_OF_BIRTH_MESSAGES,
  MembershipRole,
  Page,
  NOT_PICKABLE_STAFF_MESSAGE,
  YoungPersonCommand,
  YoungPersonListItem,
  YoungPersonQuery,
  YoungPersonResponse,
  ageBandOf,
  ageOn,
  mayContactParentCarer,
  birthDateRangeForBand,
  dateOfBirthProblem,
  experiencesOn,
  todayInLondon,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy, youngPersonVisibleSql } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { queryPrepared } from '../../platform/database/database';
import { boundedTotalAndShortPage, containsPattern } from '../../platform/database/sql';
import { DomainError } from '../../platform/errors/domain-error';
import { unpickableStaff } from '../staff/pickable-staff';
import { displayNames } from '../users/display-names';
import { ServiceExperiencePeriodRow, TrustedAdultLink, YoungPerson } from './entities/young-person.entity';
import { YoungPeopleCategoriesService } from './young-people-categories.service';
import { YoungPersonRecord, selectYoungPersonRecord } from './young-people.queries';
import { memberOn } from '../../platform/database/rules-sql';

/** The column each sort reads, which the matches carry so a short list is sorted without the table. */
const SORT_COLUMN: Record<YoungPersonQuery['sort'], string> = {
  name: 'yp.preferred_name',
  age: 'yp.date_of_birth',
  created: 'yp.created_at',
};

const ORDER: Record<YoungPersonQuery['sort'], string> = {
  name: 'lower(yp.preferred_name) {dir}, yp.id {dir}',
  // Older first means earlier dates of birth first, so the direction flips.
  age: 'yp.date_of_birth {flip}, yp.id {dir}',
  created: 'yp.created_at {dir}, yp.id {dir}',
};

@Injectable()
export class YoungPeopleService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly categories: YoungPeopleCategoriesService,
  ) {}

  /** One bounded count, one page of ids, one query for their details: the same three queries for any page size. */
  async list(actor: Actor, query: YoungPersonQuery): Promise<Page<YoungPersonListItem>> {
    const today = todayInLondon();
    const params: unknown[] = [];
    const where = [youngPersonVisibleSql(actor, params, 'yp.id')];
    if (!query.includeArchived) where.push('yp.archived_at IS NULL');
    if (query.q) {
      params.push(containsPattern(query.q));
      where.push(`lower(yp.preferred_name) LIKE $${params.length}`);
    }
    if (query.groupId) {
      params.push(query.groupId, today);
      where.push(
        `EXISTS (SELECT 1 FROM group_memberships m WHERE m.young_person_id = yp.id AND m.group_id = $${params.length - 1} AND ${memberOn('m', `$${params.length}`)})`,
      );
    }
    if (query.serviceExperience) {
      params.push(query.serviceExperience, today);
      where.push(
        `EXISTS (SELECT 1 FROM young_person_service_experiences se WHERE se.young_person_id = yp.id AND se.kind = $${params.length - 1}
           AND se.from_date <= $${params.length} AND (se.to_date IS NULL OR se.to_date >= $${params.length}))`,
      );
    }
    if (query.ageBand) {
      const range = birthDateRangeForBand(query.ageBand, today);
      params.push(range.bornAfter, range.bornOnOrBefore);
      where.push(`yp.date_of_birth > $${params.length - 1} AND yp.date_of_birth <= $${params.length}`);
    }
    if (query.linkedAdultId) {
      params.push(query.linkedAdultId);
      where.push(
        `EXISTS (SELECT 1 FROM young_person_trusted_adults la WHERE la.young_person_id = yp.id AND la.user_id = $${params.length})`,
      );
    }
    if (query.categoryId) {
      params.push(query.categoryId);
      where.push(
        `EXISTS (SELECT 1 FROM young_person_categories yc WHERE yc.young_person_id = yp.id AND yc.category_id = $${params.length})`,
      );
    }
    const whereSql = where.join(' AND ');
    const dir = query.order === 'asc' ? 'ASC' : 'DESC';
    const flip = query.order === 'asc' ? 'DESC' : 'ASC';
    const orderSql = ORDER[query.sort].replace(/\{dir\}/g, dir).replace(/\{flip\}/g, flip);

    // Not prepared: the best plan depends on the values (a rare name, a common experience), and a
    // prepared statement settles on one generic plan after five runs.
    const { ids, ...totals } = await boundedTotalAndShortPage(
      this.db,
      {
        from: `young_people yp WHERE ${whereSql}`,
        alias: 'yp',
        sortColumns: SORT_COLUMN[query.sort],
        orderBy: orderSql,
      },
      params,
      query,
    );
    // A long list's page walks the index for the sort in order, stopping at the page.
    const pageIds =
      ids ??
      (
        await this.db.query<{ id: string }[]>(
          `SELECT yp.id FROM young_people yp WHERE ${whereSql} ORDER BY ${orderSql}
            LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
          params,
        )
      ).map((r) => r.id);
    const items = await this.listItems(pageIds, today);
    return { items, ...totals, page: query.page, pageSize: query.pageSize };
  }

  private async listItems(ids: string[], today: string): Promise<YoungPersonListItem[]> {
    if (ids.length === 0) return [];
    const rows = await queryPrepared<{
      id: string;
      preferred_name: string;
      date_of_birth: string;
      archived: boolean;
      experiences: string[] | null;
      groups: { id: string; name: string }[] | null;
    }>(
      this.db,
      `SELECT yp.id, yp.preferred_name, yp.date_of_birth, yp.archived_at IS NOT NULL AS archived,
              (SELECT array_agg(DISTINCT se.kind ORDER BY se.kind) FROM young_person_service_experiences se
                WHERE se.young_person_id = yp.id AND se.from_date <= $2 AND (se.to_date IS NULL OR se.to_date >= $2)) AS experiences,
              (SELECT json_agg(json_build_object('id', g.id, 'name', g.name) ORDER BY g.name)
                 FROM group_memberships m JOIN groups g ON g.id = m.group_id
                WHERE m.young_person_id = yp.id AND ${memberOn('m', '$2')}) AS groups
         FROM young_people yp WHERE yp.id = ANY($1::uuid[])`,
      [ids, today],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const r = byId.get(id)!;
      const age = ageOn(r.date_of_birth, today);
      return {
        id: r.id,
        preferredName: r.preferred_name,
        age,
        ageBand: ageBandOf(age),
        currentServiceExperiences: (r.experiences ?? []) as YoungPersonListItem['currentServiceExperiences'],
        groups: r.groups ?? [],
        archived: r.archived,
      };
    });
  }

  /** A staff read of one record: scoped to what the actor may see, and audited. */
  async get(actor: Actor, id: string): Promise<YoungPersonResponse> {
    const person = await this.findVisible(actor, id);
    // The audit row's commit waits for the disk, so the response's own lookups run meanwhile;
    // nothing is answered until both are done, and a failed audit fails the read.
    const [, response] = await Promise.all([
      this.audit
        .for(actor)
        .record(null, { action: AuditAction.Read, type: AuditRecordType.YoungPerson, id: person.id }),
      this.toResponse(person, actor),
    ]);
    return response;
  }

  /** 404 whether the record is missing or not the actor's to see, so existence is not revealed. */
  private async findVisible(
    actor: Actor,
    id: string,
    em: EntityManager = this.db.manager,
  ): Promise<YoungPersonRecord> {
    await this.access.assertMayRead(actor, em, { youngPerson: id });
    return this.load(em, id);
  }

  private async load(em: EntityManager, id: string): Promise<YoungPersonRecord> {
    const person = await selectYoungPersonRecord(em, id);
    if (!person) throw DomainError.notFound('This young person');
    return person;
  }

  async create(actor: Actor, command: YoungPersonCommand): Promise<YoungPersonResponse> {
    this.checkDateOfBirth(command.dateOfBirth);
    const id = await this.db.transaction(async (em) => {
      await this.checkTrustedAdults(em, command);
      await this.categories.assertOffered(em, null, command.categoryIds);
      const result = await em.insert(YoungPerson, {
        ...this.baseFields(command),
        createdBy: actor.userId,
      });
      const personId = (result.identifiers[0] as { id: string }).id;
      await this.writeChildren(em, personId, command);
      await this.audit
        .for(actor)
        .record(em, { action: AuditAction.Create, type: AuditRecordType.YoungPerson, id: personId });
      return personId;
    });
    return this.toResponse(await this.findVisible(actor, id), actor);
  }

  async update(actor: Actor, id: string, command: YoungPersonCommand): Promise<YoungPersonResponse> {
    this.checkDateOfBirth(command.dateOfBirth);
    await this.db.transaction(async (em) => {
      await this.access.assertMayChange(actor, em, { youngPerson: id });
      const person = await this.load(em, id);
      if (person.archivedAt)
        throw new DomainError('conflict', 'This record is archived and cannot be changed.');
      await this.checkTrustedAdults(em, command);
      await this.categories.assertOffered(em, id, command.categoryIds);
      await em.update(YoungPerson, { id }, { ...this.baseFields(command), updatedAt: new Date() });
      await em.delete(ServiceExperiencePeriodRow, { youngPersonId: id });
      await em.delete(TrustedAdultLink, { youngPersonId: id });
      await this.writeChildren(em, id, command);
      // A parent's or carer's contact is a third party's data: the trail says when it came and went.
      const parentCarer =
        person.parentCarer === null
          ? command.parentCarer === null
            ? null
            : 'added'
          : command.parentCarer === null
            ? 'removed'
            : JSON.stringify(person.parentCarer) === JSON.stringify(command.parentCarer)
              ? null
              : 'changed';
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.YoungPerson,
        id,
        detail: parentCarer ? { parentCarer } : undefined,
      });
    });
    return this.toResponse(await this.findVisible(actor, id), actor);
  }

  async archive(actor: Actor, id: string, reason: string | null): Promise<YoungPersonResponse> {
    await this.db.transaction(async (em) => {
      await this.access.assertMayChange(actor, em, { youngPerson: id });
      const person = await this.load(em, id);
      if (person.archivedAt) throw new DomainError('conflict', 'This record is already archived.');
      await em.update(
        YoungPerson,
        { id },
        { archivedAt: new Date(), archiveReason: reason, updatedAt: new Date() },
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.YoungPerson,
        id,
        detail: { change: 'archive' },
      });
    });
    return this.toResponse(await this.findVisible(actor, id), actor);
  }

  private checkDateOfBirth(dateOfBirth: string): void {
    const problem = dateOfBirthProblem(dateOfBirth, todayInLondon());
    if (problem) throw DomainError.validation('dateOfBirth', DATE_OF_BIRTH_MESSAGES[problem]);
  }

  private async checkTrustedAdults(em: EntityManager, command: YoungPersonCommand): Promise<void> {
    const ids = command.trustedAdults.map((t) => t.userId);
    if (new Set(ids).size !== ids.length) {
      throw DomainError.validation('trustedAdults', 'The same trusted adult is listed twice.');
    }
    const refused = await unpickableStaff(em, ids);
    const errors: Record<string, string[]> = {};
    ids.forEach((id, i) => {
      if (refused.has(id)) errors[`trustedAdults.${i}.userId`] = [NOT_PICKABLE_STAFF_MESSAGE];
    });
    if (Object.keys(errors).length > 0)
      throw new DomainError('validation', 'Please check the trusted adults.', errors);
  }

  private baseFields(command: YoungPersonCommand) {
    return {
      preferredName: command.preferredName,
      dateOfBirth: command.dateOfBirth,
      contact: command.contact,
      parentCarer: command.parentCarer,
      accessibilityNeeds: command.accessibilityNeeds,
      communicationNeeds: command.communicationNeeds,
      participationPreference: command.participationPreference,
      decidesForThemselves: command.decidesForThemselves,
      confidentialityNotes: command.confidentialityNotes,
      placedOutOfArea: command.placedOutOfArea,
      placementAuthority: command.placementAuthority,
    };
  }

  private async writeChildren(em: EntityManager, id: string, command: YoungPersonCommand): Promise<void> {
    await this.categories.replaceOn(em, id, command.categoryIds);
    if (command.serviceExperiences.length > 0) {
      await em.insert(
        ServiceExperiencePeriodRow,
        command.serviceExperiences.map((p) => ({ youngPersonId: id, kind: p.kind, from: p.from, to: p.to })),
      );
    }
    if (command.trustedAdults.length > 0) {
      await em.insert(
        TrustedAdultLink,
        command.trustedAdults.map((t) => ({
          youngPersonId: id,
          userId: t.userId,
          relationship: t.relationship,
        })),
      );
    }
  }

  private async toResponse(person: YoungPersonRecord, actor: Actor): Promise<YoungPersonResponse> {
    const today = todayInLondon();
    const age = ageOn(person.dateOfBirth, today);
    const [names, groups, categories] = await Promise.all([
      displayNames(
        this.db,
        person.trustedAdults.map((t) => t.userId),
      ),
      this.db.query<{ id: string; name: string; role: MembershipRole; joined_on: string }[]>(
        `SELECT g.id, g.name, m.role, m.joined_on FROM group_memberships m JOIN groups g ON g.id = m.group_id
          WHERE m.young_person_id = $1 AND ${memberOn('m', '$2')} ORDER BY g.name`,
        [person.id, today],
      ),
      this.categories.of(this.db.manager, person.id),
    ]);
    // A whole order, so two periods of one kind from one day (one ended, one open) always read alike.
    const periods = [...person.serviceExperiences].sort(
      (a, b) =>
        a.from.localeCompare(b.from) ||
        a.kind.localeCompare(b.kind) ||
        (a.to === b.to ? 0 : a.to === null ? 1 : b.to === null ? -1 : a.to.localeCompare(b.to)),
    );
    return {
      id: person.id,
      preferredName: person.preferredName,
      dateOfBirth: person.dateOfBirth,
      age,
      ageBand: ageBandOf(age),
      serviceExperiences: periods.map((p) => ({ kind: p.kind, from: p.from, to: p.to })),
      currentServiceExperiences: experiencesOn(periods, today),
      trustedAdults: person.trustedAdults.map((t) => ({
        userId: t.userId,
        displayName: names.get(t.userId) ?? '',
        relationship: t.relationship,
      })),
      contact: person.contact,
      parentCarer: mayContactParentCarer(actor.role) ? person.parentCarer : null,
      accessibilityNeeds: person.accessibilityNeeds,
      communicationNeeds: person.communicationNeeds,
      participationPreference: person.participationPreference,
      decidesForThemselves: person.decidesForThemselves,
      confidentialityNotes: person.confidentialityNotes,
      placedOutOfArea: person.placedOutOfArea,
      placementAuthority: person.placementAuthority,
      categories,
      groups: groups.map((g) => ({ id: g.id, name: g.name, role: g.role, joinedOn: g.joined_on })),
      archivedAt: person.archivedAt?.toISOString() ?? null,
      createdAt: person.createdAt.toISOString(),
    };
  }
}
