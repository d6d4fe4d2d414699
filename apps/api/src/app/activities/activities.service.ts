import { Injectable } from '@nestjs/common';
import {
  ActivityDayCommand,
  ActivityDayListItem,
  ActivityDayResponse,
  ActivityQuery,
  AuditAction,
  AuditRecordType,
  agreedChannels,
  InvitationCounts,
  InvitationResponse,
  InvitationStatus,
  InvitationSuggestionsResponse,
  Page,
  suggestInvitees,
  todayInLondon,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { youngPersonVisibleSql } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { boundedTotalOf, containsPattern } from '../../platform/database/sql';
import { DomainError } from '../../platform/errors/domain-error';
import { InvitationCommands } from '../invitations/invitation-commands';
import { InvitationReads } from '../invitations/invitation-reads';
import { OccasionEvents } from '../occasions/occasion-events';
import { placesTaken } from '../invitations/places-taken';
import { displayNames } from '../users/display-names';
import { loadYoungPersonFacts } from '../young-people/young-person-facts';
import { ActivityDay } from './entities/activity-day.entity';
import { activityDayFields, timesOf } from './activity-day-fields';
import { findActivityDay } from './find-activity-day';
import { invitationIs, memberOn } from '../../platform/database/rules-sql';

/** Suggestions look at the cohort first in SQL, so a county of 20,000 young people stays quick. */
const SUGGESTION_LIMIT = 500;

@Injectable()
export class ActivitiesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly invitationCommands: InvitationCommands,
    private readonly invitationReads: InvitationReads,
    private readonly occasions: OccasionEvents,
  ) {}

  async list(query: ActivityQuery): Promise<Page<ActivityDayListItem>> {
    const qb = this.db.getRepository(ActivityDay).createQueryBuilder('a');
    if (query.from) qb.andWhere('a.date >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.date <= :to', { to: query.to });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    const totals = await boundedTotalOf(this.db, qb, query);
    // Upcoming lists read soonest first; a list of the past reads newest first.
    const order = query.to && !query.from ? 'DESC' : 'ASC';
    const activities = await qb
      .orderBy('a.date', order)
      .addOrderBy('a.start_time', order)
      .addOrderBy('a.id', 'ASC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getMany();
    const counts = await this.counts(activities.map((a) => a.id));
    return {
      items: activities.map((a) => this.listItem(a, counts.get(a.id))),
      ...totals,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: string): Promise<ActivityDayResponse> {
    return this.response(this.db.manager, await findActivityDay(this.db.manager, id));
  }

  async create(actor: Actor, command: ActivityDayCommand): Promise<ActivityDayResponse> {
    if (command.date < todayInLondon())
      throw DomainError.validation('date', 'This date has passed: plan activity days for today or later.');
    const id = await this.db.transaction(async (em) => {
      await this.checkGroups(em, command.cohort.groupIds);
      const result = await em.insert(ActivityDay, {
        ...activityDayFields(command),
        status: 'planned',
        createdBy: actor.userId,
      });
      const activityId = (result.identifiers[0] as { id: string }).id;
      await this.audit
        .for(actor)
        .record(em, { action: AuditAction.Create, type: AuditRecordType.ActivityDay, id: activityId });
      return activityId;
    });
    return this.get(id);
  }

  /** Edits everything but the date and times, which only change by moving, so invitees are told. */
  async update(actor: Actor, id: string, command: ActivityDayCommand): Promise<ActivityDayResponse> {
    await this.db.transaction(async (em) => {
      const activity = await this.lock(em, id);
      if (activity.status === 'cancelled')
        throw new DomainError('conflict', 'This activity day is cancelled, so it cannot be changed.');
      if (
        command.date !== activity.date ||
        command.startTime !== activity.startTime ||
        command.endTime !== activity.endTime
      )
        throw DomainError.validation(
          'date',
          'To change the date or times, move the activity day: everyone invited is then told.',
        );
      await this.checkGroups(em, command.cohort.groupIds);
      const taken = await placesTaken(em, id);
      if (command.capacity !== null && command.capacity < taken)
        throw DomainError.validation(
          'capacity',
          `${taken} young people already have a place: the capacity cannot be below that.`,
        );
      await em.update(ActivityDay, { id }, { ...activityDayFields(command), updatedAt: new Date() });
      // More places (or no limit) free some on the waiting list: the longest-waiting move up, and are told.
      const movedUp = await this.invitationCommands.promoteNext(em, id);
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.ActivityDay,
        id,
        detail: { movedUp },
      });
    });
    return this.get(id);
  }

  async move(
    actor: Actor,
    id: string,
    change: { date: string; startTime: string; endTime: string; reason: string | null },
  ): Promise<ActivityDayResponse> {
    if (change.date < todayInLondon())
      throw DomainError.validation('date', 'This date has passed: choose today or a later date.');
    await this.db.transaction(async (em) => {
      const activity = await this.lock(em, id);
      if (activity.status === 'cancelled')
        throw new DomainError('conflict', 'This activity day is cancelled, so it cannot be moved.');
      await em.update(
        ActivityDay,
        { id },
        {
          date: change.date,
          startTime: change.startTime,
          endTime: change.endTime,
          ...timesOf(change.date, change.startTime, change.endTime),
          sequence: activity.sequence + 1,
          updatedAt: new Date(),
        },
      );
      const told = await this.occasions.announce(em, actor, {
        occasion: { kind: 'activity_day', id },
        change: 'moved',
        date: change.date,
        reason: change.reason,
      });
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.ActivityDay,
        id,
        detail: { event: 'move', from: activity.date, to: change.date, told },
      });
    });
    return this.get(id);
  }

  async cancel(actor: Actor, id: string, reason: string): Promise<ActivityDayResponse> {
    await this.db.transaction(async (em) => {
      const activity = await this.lock(em, id);
      if (activity.status === 'cancelled')
        throw new DomainError('conflict', 'This activity day is already cancelled.');
      await em.update(
        ActivityDay,
        { id },
        { status: 'cancelled', cancelReason: reason, sequence: activity.sequence + 1, updatedAt: new Date() },
      );
      const told = await this.occasions.announce(em, actor, {
        occasion: { kind: 'activity_day', id },
        change: 'cancelled',
        date: activity.date,
        reason,
      });
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.ActivityDay,
        id,
        detail: { event: 'cancel', told },
      });
    });
    return this.get(id);
  }

  /**
   * Who to invite: everyone in the cohort (found in SQL), plus anyone whose name matches `q`, so an
   * officer can add someone outside the cohort, who then needs a reason.
   */
  async suggestions(actor: Actor, id: string, q: string | undefined): Promise<InvitationSuggestionsResponse> {
    const activity = await findActivityDay(this.db.manager, id);
    const on = activity.date;
    // A year's margin either side keeps this a plain date comparison; cohortProblems decides exactly.
    const year = Number(on.slice(0, 4));
    const bornAfter = `${year - activity.cohortMaxAge - 2}-12-31`;
    const bornOnOrBefore = `${year - activity.cohortMinAge}-12-31`;
    const params: unknown[] = [bornAfter, bornOnOrBefore];
    let onIndex: number | undefined;
    const onRef = () => `$${(onIndex ??= params.push(on))}::date`;
    let cohortSql = `yp.date_of_birth > $1 AND yp.date_of_birth <= $2`;
    if (activity.cohortServiceExperiences.length > 0) {
      const kinds = `$${params.push(activity.cohortServiceExperiences)}::text[]`;
      cohortSql += ` AND EXISTS (SELECT 1 FROM young_person_service_experiences se WHERE se.young_person_id = yp.id
        AND se.kind = ANY(${kinds}) AND se.from_date <= ${onRef()} AND (se.to_date IS NULL OR se.to_date >= ${onRef()}))`;
    }
    if (activity.cohortGroupIds.length > 0) {
      const groups = `$${params.push(activity.cohortGroupIds)}::uuid[]`;
      cohortSql += ` AND EXISTS (SELECT 1 FROM group_memberships m WHERE m.young_person_id = yp.id
        AND m.group_id = ANY(${groups}) AND ${memberOn('m', onRef())})`;
    }
    const byName = q ? ` OR lower(yp.preferred_name) LIKE $${params.push(containsPattern(q))}` : '';
    const visible = youngPersonVisibleSql(actor, params, 'yp.id');
    const rows: { id: string }[] = await this.db.query(
      `SELECT yp.id FROM young_people yp WHERE yp.archived_at IS NULL AND ${visible} AND ((${cohortSql})${byName})
        ORDER BY lower(yp.preferred_name), yp.id LIMIT ${SUGGESTION_LIMIT}`,
      params,
    );
    const people = await loadYoungPersonFacts(
      this.db.manager,
      rows.map((r) => r.id),
      on,
    );
    const invited: { young_person_id: string }[] = await this.db.query(
      `SELECT young_person_id FROM invitations i WHERE i.activity_id = $1 AND ${invitationIs.live('i')}`,
      [id],
    );
    const invitedSet = new Set(invited.map((r) => r.young_person_id));
    const result = suggestInvitees(
      [...people.values()].map((p) => ({ ...p, alreadyInvited: invitedSet.has(p.id) })),
      {
        kind: 'activity_day',
        on,
        cohort: {
          minAge: activity.cohortMinAge,
          maxAge: activity.cohortMaxAge,
          serviceExperiences: activity.cohortServiceExperiences,
          groupIds: activity.cohortGroupIds,
        },
      },
    );
    // Someone outside the cohort who is only reached through a trusted adult goes through their first one.
    const onlyAdultOf = (personId: string) => {
      const person = people.get(personId);
      return person?.contact.onlyViaTrustedAdult ? (person.trustedAdultIds[0] ?? null) : null;
    };
    const adultIds = [
      ...new Set([
        ...result.suggested.flatMap((s) => (s.viaTrustedAdultId ? [s.viaTrustedAdultId] : [])),
        ...result.notSuggested.flatMap((n) => onlyAdultOf(n.id) ?? []),
      ]),
    ];
    const adultName = await displayNames(this.db, adultIds);
    const named = (personId: string) => ({
      id: personId,
      preferredName: people.get(personId)?.preferredName ?? '',
    });
    const adult = (adultId: string | null) =>
      adultId ? { id: adultId, displayName: adultName.get(adultId) ?? '' } : null;
    // The channels to offer come from the same rule the API checks invitations with.
    const channels = (personId: string, adultId: string | null) => {
      const person = people.get(personId);
      return person ? agreedChannels(person.contact, adultId !== null) : [];
    };
    const parentCarer = (personId: string) => {
      const kept = people.get(personId)?.parentCarer;
      return kept ? { name: kept.name, channel: kept.channel } : null;
    };
    return {
      suggested: result.suggested.map((s) => ({
        youngPerson: named(s.id),
        channel: s.channel,
        channels: channels(s.id, s.viaTrustedAdultId),
        viaTrustedAdult: adult(s.viaTrustedAdultId),
        parentCarer: parentCarer(s.id),
        note: s.note ?? null,
      })),
      offerOneToOne: result.offerOneToOne.map((o) => ({ youngPerson: named(o.id), reason: o.reason })),
      notSuggested: result.notSuggested.map((n) => ({
        youngPerson: named(n.id),
        reason: n.reason,
        channels: channels(n.id, onlyAdultOf(n.id)),
        viaTrustedAdult: adult(onlyAdultOf(n.id)),
        parentCarer: parentCarer(n.id),
      })),
    };
  }

  invitationsFor(actor: Actor, id: string): Promise<InvitationResponse[]> {
    return findActivityDay(this.db.manager, id).then(() => this.invitationReads.forActivity(actor, id));
  }

  private async checkGroups(em: EntityManager, groupIds: string[]): Promise<void> {
    if (groupIds.length === 0) return;
    const found: { id: string }[] = await em.query(`SELECT id FROM groups WHERE id = ANY($1::uuid[])`, [
      groupIds,
    ]);
    const known = new Set(found.map((g) => g.id));
    const index = groupIds.findIndex((g) => !known.has(g));
    if (index >= 0) throw DomainError.validation(`cohort.groupIds.${index}`, 'This group was not found.');
  }

  private async lock(em: EntityManager, id: string): Promise<ActivityDay> {
    const activity = await em
      .getRepository(ActivityDay)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!activity) throw DomainError.notFound('This activity day');
    return activity;
  }

  private async counts(ids: string[]): Promise<Map<string, InvitationCounts>> {
    if (ids.length === 0) return new Map();
    const rows: {
      activity_id: string;
      invited: number;
      accepted: number;
      waitlisted: number;
      attended: number;
    }[] = await this.db.query(
      `SELECT activity_id,
                count(*) FILTER (WHERE ${invitationIs.invited('i')})::int AS invited,
                count(*) FILTER (WHERE ${invitationIs.saidYes('i')})::int AS accepted,
                count(*) FILTER (WHERE ${invitationIs.status(InvitationStatus.Waitlisted, 'i')})::int AS waitlisted,
                count(*) FILTER (WHERE ${invitationIs.status(InvitationStatus.Attended, 'i')})::int AS attended
           FROM invitations i WHERE i.activity_id = ANY($1::uuid[]) GROUP BY activity_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.activity_id, r]));
  }

  private listItem(a: ActivityDay, counts: InvitationCounts | undefined): ActivityDayListItem {
    return {
      id: a.id,
      title: a.title,
      date: a.date,
      startTime: a.startTime,
      endTime: a.endTime,
      venue: a.venue,
      capacity: a.capacity,
      status: a.status,
      counts: counts
        ? {
            invited: counts.invited,
            accepted: counts.accepted,
            waitlisted: counts.waitlisted,
            attended: counts.attended,
          }
        : { invited: 0, accepted: 0, waitlisted: 0, attended: 0 },
    };
  }

  private async response(em: EntityManager, a: ActivityDay): Promise<ActivityDayResponse> {
    const [counts, groups] = await Promise.all([
      this.counts([a.id]),
      a.cohortGroupIds.length
        ? (em.query(`SELECT id, name FROM groups WHERE id = ANY($1::uuid[]) ORDER BY name`, [
            a.cohortGroupIds,
          ]) as Promise<{ id: string; name: string }[]>)
        : Promise.resolve([]),
    ]);
    return {
      ...this.listItem(a, counts.get(a.id)),
      accessibility: a.accessibility,
      cohort: {
        minAge: a.cohortMinAge,
        maxAge: a.cohortMaxAge,
        serviceExperiences: a.cohortServiceExperiences,
        groupIds: a.cohortGroupIds,
      },
      cohortGroups: groups,
      professionals: a.professionals,
      budgetPence: a.budgetPence,
      transport: a.transport,
      photos: a.photos,
      agenda: a.agenda,
      requiredConsents: a.requiredConsents,
      reminderDaysBefore: a.reminderDaysBefore,
      cancelReason: a.cancelReason,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    };
  }
}
