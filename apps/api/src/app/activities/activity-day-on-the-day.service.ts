import { Injectable } from '@nestjs/common';
import {
  ActivityConsentMatrix,
  AuditAction,
  AuditRecordType,
  CONSENT_PURPOSE_LABELS,
  ConsentPurpose,
  DaySheetResponse,
  HeldAnswer,
  InvitationResponse,
  InvitationStatus,
  OfflineResolution,
  attendedInWords,
  consentsNeededToAttend,
  dayPlanSummary,
  daySheetConsentPurposes,
  isComing,
  resolveOfflineChange,
  toEffectiveConsentView,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { holdChange } from '../../platform/offline/held-changes.queries';
import { OfflineChangeContext, heldAnswer, offlineConflict } from '../../platform/offline/offline-change';
import { ConsentService } from '../consent/consent.service';
import { Invitation } from '../invitations/entities/invitation.entity';
import { InvitationCommands } from '../invitations/invitation-commands';
import { InvitationReads } from '../invitations/invitation-reads';
import { ActivityDay } from './entities/activity-day.entity';
import { findActivityDay } from './find-activity-day';

/** One mark on an activity day's register, as the online page and the offline outbox send it. */
type AttendanceMark = { youngPersonId: string; attended: boolean; overrideReason?: string };

/** An activity day on the day itself: who has the consents they need, the day sheet and the register. */
@Injectable()
export class ActivityDayOnTheDay {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly invitationCommands: InvitationCommands,
    private readonly invitationReads: InvitationReads,
    private readonly consent: ConsentService,
    private readonly access: AccessPolicy,
  ) {}

  /** For every invitee still in play, which of the activity's required consents are not in force on the day. */
  async consentMatrix(actor: Actor, id: string): Promise<ActivityConsentMatrix> {
    const activity = await findActivityDay(this.db.manager, id);
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
    const activity = await findActivityDay(this.db.manager, id);
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
        photos: activity.photos,
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
    mark: AttendanceMark,
    offline: OfflineChangeContext | null = null,
  ): Promise<InvitationResponse | HeldAnswer> {
    const done = await this.db.transaction(async (em): Promise<{ invitationId: string } | HeldAnswer> => {
      const activity = await findActivityDay(em, id);
      if (activity.status === 'cancelled' && offline) {
        // Said in the offline rules' words (a 409 the outbox shows), once the officer may see who it was for.
        await this.access.assertMayChange(actor, em, { youngPerson: mark.youngPersonId });
        throw offlineConflict(await this.resolveOffline(em, actor, activity, null, mark, offline));
      }
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
      if (offline) {
        const resolution = await this.resolveOffline(em, actor, activity, invitation, mark, offline);
        if (resolution.answer === 'conflict') throw offlineConflict(resolution);
        if (resolution.outcome === 'already') return { invitationId: invitation.id };
        if (resolution.answer === 'held') {
          const heldId = await holdChange(em, this.audit.for(actor), {
            madeBy: actor.userId,
            youngPersonId: mark.youngPersonId,
            occasion: { kind: 'activity_day', id },
            kind: 'activity-mark',
            body: { youngPersonId: mark.youngPersonId, attended: mark.attended },
            deviceTime: offline.deviceTime,
            resolution,
          });
          return heldAnswer(heldId, resolution);
        }
      }
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
      return { invitationId: invitation.id };
    });
    return 'held' in done ? done : this.invitationReads.one(done.invitationId);
  }

  /**
   * What the offline rules make of one mark. The facts: what is stored now, by whom and when (one
   * query), and for a "came" mark whether the consent it needs was in force at the device time and
   * is withdrawn now (judged by the consent rules' one home, at both moments).
   */
  private async resolveOffline(
    em: EntityManager,
    actor: Actor,
    activity: ActivityDay,
    invitation: Invitation | null,
    mark: AttendanceMark,
    offline: OfflineChangeContext,
  ): Promise<OfflineResolution> {
    const [facts]: {
      preferred_name: string;
      status: InvitationStatus | null;
      marked_by: string | null;
      marked_at: Date | null;
      marked_by_name: string | null;
    }[] = await em.query(
      `SELECT yp.preferred_name, i.status, i.attendance_marked_by AS marked_by,
              COALESCE(i.attendance_marked_at, i.updated_at) AS marked_at, u.display_name AS marked_by_name
         FROM young_people yp
         LEFT JOIN invitations i ON i.id = $2
         LEFT JOIN users u ON u.id = i.attendance_marked_by
        WHERE yp.id = $1`,
      [mark.youngPersonId, invitation?.id ?? null],
    );
    const storedMark =
      facts.status === InvitationStatus.Attended
        ? true
        : facts.status === InvitationStatus.DidNotAttend
          ? false
          : null;
    return resolveOfflineChange(
      {
        kind: 'activity-mark',
        youngPersonName: facts.preferred_name,
        value: attendedInWords(mark.attended),
        deviceTime: offline.deviceTime,
        officerId: actor.userId,
      },
      {
        stored:
          storedMark !== null && facts.marked_at
            ? {
                value: attendedInWords(storedMark),
                byId: facts.marked_by ?? '',
                byName: facts.marked_by_name ?? 'another officer',
                at: facts.marked_at,
              }
            : null,
        occasion: activity.status === 'cancelled' ? { status: 'cancelled' } : { status: 'held' },
        consentWithdrawnAt: mark.attended
          ? await this.consentWithdrawnSince(em, activity, mark, offline)
          : null,
        roundClosedAt: null,
      },
    );
  }

  /** When the consent a "came" mark needs was withdrawn, if it was in force at the device time and is not now. */
  private async consentWithdrawnSince(
    em: EntityManager,
    activity: ActivityDay,
    mark: AttendanceMark,
    offline: OfflineChangeContext,
  ): Promise<Date | null> {
    const needed = consentsNeededToAttend(activity.requiredConsents);
    if (needed.length === 0) return null;
    const inForce = async (at: Date) => {
      const { consents } = await this.consent.effectiveFor(em, [mark.youngPersonId], needed, {
        on: activity.date,
        at,
        activityId: activity.id,
      });
      const results = consents.get(mark.youngPersonId);
      return needed.every((p) => results?.[p].status === 'valid');
    };
    if (!(await inForce(offline.deviceTime)) || (await inForce(offline.arrivedAt))) return null;
    const [row]: { withdrawn_at: Date | null }[] = await em.query(
      `SELECT max(withdrawn_at) AS withdrawn_at FROM consent_records
        WHERE young_person_id = $1 AND purpose = ANY($2::varchar[]) AND withdrawn_at > $3`,
      [mark.youngPersonId, needed, offline.deviceTime],
    );
    // Not in force now for another reason than a withdrawal (it ran out): judged as of its arrival.
    return row?.withdrawn_at ?? offline.arrivedAt;
  }

  private judgedAt(activity: ActivityDay): Date {
    // Before the day, judge withdrawals as of now; a withdrawal after the day does not rewrite it.
    const now = new Date();
    return now < activity.endsAt ? now : activity.endsAt;
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
}
