import { Injectable } from '@nestjs/common';
import {
  ActivityConsentMatrix,
  AuditAction,
  AuditRecordType,
  CONSENT_PURPOSE_LABELS,
  ConsentPurpose,
  DaySheetResponse,
  InvitationResponse,
  InvitationStatus,
  consentsNeededToAttend,
  dayPlanSummary,
  daySheetConsentPurposes,
  isComing,
  toEffectiveConsentView,
} from '@heard/domain';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ConsentService } from '../consent/consent.service';
import { Invitation } from '../invitations/entities/invitation.entity';
import { InvitationCommands } from '../invitations/invitation-commands';
import { InvitationReads } from '../invitations/invitation-reads';
import { ActivityDay } from './entities/activity-day.entity';
import { findActivityDay } from './find-activity-day';

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
    mark: { youngPersonId: string; attended: boolean; overrideReason?: string },
  ): Promise<InvitationResponse> {
    const invitationId = await this.db.transaction(async (em) => {
      const activity = await findActivityDay(em, id);
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
