import { Injectable } from '@nestjs/common';
import {
  ActivityConsentMatrix,
  ActivityDayCommand,
  ActivityDayListItem,
  ActivityDayResponse,
  ActivityQuery,
  AuditAction,
  AuditRecordType,
  CONSENT_PURPOSE_LABELS,
  ConsentPurpose,
  DaySheetResponse,
  consentsNeededToAttend,
  FunnelResponse,
  InvitationCounts,
  InvitationResponse,
  InvitationStatus,
  InvitationSuggestionsResponse,
  Page,
  ageBandOf,
  ageOn,
  dayPlanSummary,
  daySheetConsentPurposes,
  experiencesOn,
  funnelOf,
  isComing,
  suggestInvitees,
  toEffectiveConsentView,
  todayInLondon,
  zonedToUtc,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy, youngPersonVisibleSql } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { boundedTotalOf, containsPattern } from '../../platform/database/sql';
import { DomainError } from '../../platform/errors/domain-error';
import { ConsentService } from '../consent/consent.service';
import { Invitation } from '../invitations/entities/invitation.entity';
import { InvitationCommands } from '../invitations/invitation-commands';
import { InvitationReads } from '../invitations/invitation-reads';
import { OccasionEvents } from '../occasions/occasion-events';
import { placesTaken } from '../invitations/places-taken';
import { displayNames } from '../users/display-names';
import { loadYoungPersonFacts } from '../young-people/young-person-facts';
import { ActivityDay } from './entities/activity-day.entity';
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
    private readonly consent: ConsentService,
    private readonly access: AccessPolicy,
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
    return this.response(this.db.manager, await this.find(this.db.manager, id));
  }

  async create(actor: Actor, command: ActivityDayCommand): Promise<ActivityDayResponse> {
    if (command.date < todayInLondon())
      throw DomainError.validation('date', 'This date has passed: plan activity days for today or later.');
    const id = await this.db.transaction(async (em) => {
      await this.checkGroups(em, command.cohort.groupIds);
      const result = await em.insert(ActivityDay, {
        ...this.fields(command),
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
      await em.update(ActivityDay, { id }, { ...this.fields(command), updatedAt: new Date() });
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
    const activity = await this.find(this.db.manager, id);
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
    const adultIds = [
      ...new Set(result.suggested.flatMap((s) => (s.viaTrustedAdultId ? [s.viaTrustedAdultId] : []))),
    ];
    const adultName = await displayNames(this.db, adultIds);
    const named = (personId: string) => ({
      id: personId,
      preferredName: people.get(personId)?.preferredName ?? '',
    });
    return {
      suggested: result.suggested.map((s) => ({
        youngPerson: named(s.id),
        channel: s.channel,
        viaTrustedAdult: s.viaTrustedAdultId
          ? { id: s.viaTrustedAdultId, displayName: adultName.get(s.viaTrustedAdultId) ?? '' }
          : null,
        note: s.note ?? null,
      })),
      offerOneToOne: result.offerOneToOne.map((o) => ({ youngPerson: named(o.id), reason: o.reason })),
      notSuggested: result.notSuggested.map((n) => ({ youngPerson: named(n.id), reason: n.reason })),
    };
  }

  invitationsFor(actor: Actor, id: string): Promise<InvitationResponse[]> {
    return this.find(this.db.manager, id).then(() => this.invitationReads.forActivity(actor, id));
  }

  /** For every invitee still in play, which of the activity's required consents are not in force on the day. */
  async consentMatrix(actor: Actor, id: string): Promise<ActivityConsentMatrix> {
    const activity = await this.find(this.db.manager, id);
    const invitations = await this.reachableInvitations(actor, id);
    const live = invitations.filter(
      (i) => i.status !== InvitationStatus.Withdrawn && i.status !== InvitationStatus.Declined,
    );
    const { people, consents: effective } = await this.consent.effectiveFor(
      this.db.manager,
      live.map((i) => i.youngPersonId),
      activity.requiredConsents,
      { on: activity.date, at: this.judgedAt(activity), activityId: id },
    );
    await this.audit
      .for(actor)
      .record(null, { action: AuditAction.Read, type: AuditRecordType.ActivityConsents, id });
    const rows = live
      .flatMap((inv) => {
        const person = people.get(inv.youngPersonId);
        const results = effective.get(inv.youngPersonId);
        if (!person || !results) return [];
        const consents = activity.requiredConsents.map((purpose) => {
          // The matrix names records by purpose, not id, so the view's recordId is left out.
          const { status, message, warnings } = toEffectiveConsentView(results[purpose]);
          return { purpose, status, message, warnings };
        });
        return [
          {
            youngPerson: { id: person.id, preferredName: person.preferredName },
            invitationStatus: inv.status,
            consents,
            allInPlace: consents.every((c) => c.status === 'valid'),
          },
        ];
      })
      .sort((a, b) => a.youngPerson.preferredName.localeCompare(b.youngPerson.preferredName, 'en-GB'));
    return { activityId: id, date: activity.date, requiredConsents: activity.requiredConsents, rows };
  }

  /** The printable sheet for staff on the day, with the "do not photograph or film" list. */
  async daySheet(actor: Actor, id: string): Promise<DaySheetResponse> {
    const activity = await this.find(this.db.manager, id);
    const invitations = await this.reachableInvitations(actor, id);
    // The sheet lists only those coming, so nobody else's consents need judging.
    const coming = invitations.filter((i) => isComing(i.status));
    const checked = daySheetConsentPurposes(activity.requiredConsents);
    const { people, consents: effective } = await this.consent.effectiveFor(
      this.db.manager,
      coming.map((i) => i.youngPersonId),
      [ConsentPurpose.PhotosVideo, ...checked],
      // Judged now, not at the start: a withdrawal this morning must already be on the sheet.
      { on: activity.date, at: new Date(), activityId: id },
    );
    const summary = dayPlanSummary(
      coming.flatMap((inv) => {
        const person = people.get(inv.youngPersonId);
        const results = effective.get(inv.youngPersonId);
        if (!person || !results) return [];
        return [
          {
            id: person.id,
            preferredName: person.preferredName,
            status: inv.status,
            accessibilityNeeds: person.accessibilityNeeds,
            communicationNeeds: person.communicationNeeds,
            photosVideo: results[ConsentPurpose.PhotosVideo],
            attendanceConsents: checked.map((purpose) => ({ purpose, consent: results[purpose] })),
          },
        ];
      }),
      activity.capacity,
    );
    await this.audit
      .for(actor)
      .record(null, { action: AuditAction.Read, type: AuditRecordType.ActivityDaySheet, id });
    return {
      activity: {
        id,
        title: activity.title,
        date: activity.date,
        startTime: activity.startTime,
        endTime: activity.endTime,
        venue: activity.venue,
        accessibility: activity.accessibility,
        transport: activity.transport,
        professionals: activity.professionals,
        agenda: activity.agenda,
      },
      coming: summary.coming.map((p) => ({
        youngPerson: { id: p.id, preferredName: p.preferredName },
        accessibilityNeeds: p.accessibilityNeeds,
        communicationNeeds: p.communicationNeeds,
        consentFlags: p.consentFlags,
      })),
      doNotPhotograph: summary.doNotPhotograph,
      placesLeft: summary.placesLeft,
      waitlistedCount: invitations.filter((i) => i.status === InvitationStatus.Waitlisted).length,
    };
  }

  /**
   * The register for an activity: someone without a required consent is not marked as having come
   * unless the officer gives a reason, which is kept on the invitation and audited as an override.
   */
  async markAttendance(
    actor: Actor,
    id: string,
    mark: { youngPersonId: string; attended: boolean; overrideReason?: string },
  ): Promise<InvitationResponse> {
    const invitationId = await this.db.transaction(async (em) => {
      const activity = await this.find(em, id);
      if (activity.status === 'cancelled')
        throw new DomainError('conflict', 'This activity day was cancelled, so it has no register.');
      const invitation = await em.getRepository(Invitation).findOne({
        where: { activityId: id, youngPersonId: mark.youngPersonId },
        order: { createdAt: 'DESC' },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation || invitation.status === InvitationStatus.Withdrawn)
        throw new DomainError(
          'conflict',
          'This young person is not invited to this activity day. Invite them first (you can on the day), then mark them.',
          { youngPersonId: ['Not invited.'] },
        );
      await this.access.assertMayChange(actor, em, { invitation: invitation.id });
      let override: string | null = null;
      const needed = consentsNeededToAttend(activity.requiredConsents);
      if (mark.attended && needed.length > 0) {
        const { people, consents } = await this.consent.effectiveFor(em, [mark.youngPersonId], needed, {
          on: activity.date,
          at: new Date(),
          activityId: id,
        });
        const results = consents.get(mark.youngPersonId);
        const missingPurposes = needed.filter((p) => results?.[p].status !== 'valid');
        if (missingPurposes.length > 0) {
          if (!mark.overrideReason) {
            const name = people.get(mark.youngPersonId)?.preferredName ?? 'This young person';
            const missingNames = missingPurposes
              .map((p) => CONSENT_PURPOSE_LABELS[p].toLowerCase())
              .join(' and ');
            const messages = missingPurposes.map((p) => {
              const result = results?.[p];
              return result && result.status !== 'valid'
                ? result.message
                : `No ${CONSENT_PURPOSE_LABELS[p]} consent.`;
            });
            throw new DomainError(
              'conflict',
              `${name} cannot be marked as here without ${missingNames} consent. ${messages.join(' ')} Record the consent, or give a reason to mark them anyway.`,
              { overrideReason: ['Give a reason to mark them without the consent.'] },
            );
          }
          override = mark.overrideReason;
        }
      }
      await this.invitationCommands.markAttendance(em, actor, invitation, mark.attended, override);
      return invitation.id;
    });
    return this.invitationReads.one(invitationId);
  }

  async funnelForActivity(id: string): Promise<FunnelResponse> {
    await this.find(this.db.manager, id);
    return this.funnel(`i.activity_id = $1`, [id], { activityId: id, from: null, to: null });
  }

  /** Every invitation whose day falls in the period, whatever it was for: being invited counts. */
  async funnelForPeriod(from: string | undefined, to: string | undefined): Promise<FunnelResponse> {
    const today = todayInLondon();
    const start = from ?? `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const end = to ?? today;
    return this.funnel(`i.event_date BETWEEN $1 AND $2`, [start, end], {
      activityId: null,
      from: start,
      to: end,
    });
  }

  private async funnel(
    whereSql: string,
    params: unknown[],
    scope: Pick<FunnelResponse, 'activityId' | 'from' | 'to'>,
  ): Promise<FunnelResponse> {
    const rows: {
      status: InvitationStatus;
      decline_reason: string | null;
      event_date: string;
      date_of_birth: string;
      experiences: { kind: string; from: string; to: string | null }[] | null;
    }[] = await this.db.query(
      `SELECT i.status, i.decline_reason, i.event_date::text AS event_date, yp.date_of_birth::text AS date_of_birth,
              (SELECT json_agg(json_build_object('kind', se.kind, 'from', se.from_date, 'to', se.to_date))
                 FROM young_person_service_experiences se WHERE se.young_person_id = yp.id) AS experiences
         FROM invitations i JOIN young_people yp ON yp.id = i.young_person_id
        WHERE ${whereSql}`,
      params,
    );
    const funnel = funnelOf(
      rows.map((r) => ({
        status: r.status,
        declineReason: r.decline_reason,
        ageBand: ageBandOf(ageOn(r.date_of_birth, r.event_date)),
        serviceExperiences: experiencesOn(
          (r.experiences ?? []) as Parameters<typeof experiencesOn>[0],
          r.event_date,
        ),
      })),
    );
    return { ...scope, ...funnel };
  }

  private judgedAt(activity: ActivityDay): Date {
    // Before the day, judge withdrawals as of now; a withdrawal after the day does not rewrite it.
    const now = new Date();
    return now < activity.endsAt ? now : activity.endsAt;
  }

  private fields(command: ActivityDayCommand) {
    return {
      title: command.title,
      date: command.date,
      startTime: command.startTime,
      endTime: command.endTime,
      ...timesOf(command.date, command.startTime, command.endTime),
      venue: command.venue,
      accessibility: command.accessibility,
      capacity: command.capacity,
      cohortMinAge: command.cohort.minAge,
      cohortMaxAge: command.cohort.maxAge,
      cohortServiceExperiences: command.cohort.serviceExperiences,
      cohortGroupIds: command.cohort.groupIds,
      professionals: command.professionals,
      budgetPence: command.budgetPence,
      transport: command.transport,
      agenda: command.agenda,
      requiredConsents: command.requiredConsents,
      reminderDaysBefore: command.reminderDaysBefore,
    };
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

  /** An activity's invitations whose young people the actor may see (the access policy decides). */
  private async reachableInvitations(actor: Actor, activityId: string): Promise<Invitation[]> {
    const invitations = await this.db.getRepository(Invitation).find({ where: { activityId } });
    const hidden = await this.access.unreachable(
      actor,
      this.db.manager,
      invitations.map((i) => i.youngPersonId),
    );
    return invitations.filter((i) => !hidden.has(i.youngPersonId));
  }

  private async find(em: EntityManager, id: string): Promise<ActivityDay> {
    const activity = await em.getRepository(ActivityDay).findOneBy({ id });
    if (!activity) throw DomainError.notFound('This activity day');
    return activity;
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
      agenda: a.agenda,
      requiredConsents: a.requiredConsents,
      reminderDaysBefore: a.reminderDaysBefore,
      cancelReason: a.cancelReason,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    };
  }
}

/** Creating, editing and moving must turn the London wall clock into the same stored instants. */
function timesOf(date: string, startTime: string, endTime: string): { startsAt: Date; endsAt: Date } {
  return { startsAt: zonedToUtc(date, startTime), endsAt: zonedToUtc(date, endTime) };
}
