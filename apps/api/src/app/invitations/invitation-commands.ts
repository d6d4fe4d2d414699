import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  COUNTS_AS_INVITED,
  InvitationCreateCommand,
  InvitationCreateResponse,
  InvitationResponse,
  InvitationStatus,
  MY_SPACE_MESSAGES,
  RsvpView,
  channelProblem,
  cohortProblems,
  nextToPromote,
  placeAnswer,
  sendingEvent,
  todayInLondon,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { loadYoungPersonFacts } from '../young-people/young-person-facts';
import { Invitation } from './entities/invitation.entity';
import { InvitationNotifier } from './invitation-notifier';
import { TargetFacts, alreadyInvited, resolveTarget, targetsOf } from './invitation-occasions';
import { InvitationReads } from './invitation-reads';
import { applyInvitationEvent, lockInvitation } from './invitation-steps';
import { placesTaken } from './places-taken';

type Answer = { answer: 'yes' | 'no'; reason: string | null };

/** Everything that changes an invitation. Each command is one transaction with its audit row. */
@Injectable()
export class InvitationCommands {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly notifier: InvitationNotifier,
    private readonly reads: InvitationReads,
    private readonly access: AccessPolicy,
  ) {}

  /**
   * Invites several young people to one thing, all or nothing: every invitee is checked (channel
   * agreed, trusted adult linked, cohort, not already invited) before anything is written, and a
   * refusal names the invitee and the field.
   */
  async create(actor: Actor, command: InvitationCreateCommand): Promise<InvitationCreateResponse> {
    const ids = await this.db.transaction(async (em) => {
      const target = await resolveTarget(em, command.target);
      if (target.kind === 'activity_day') {
        // Serialises invitations to one activity with answers to it, so capacity counts stay true.
        await em.query(`SELECT id FROM activity_days WHERE id = $1 FOR UPDATE`, [target.id]);
      }
      const people = await loadYoungPersonFacts(
        em,
        command.invitees.map((i) => i.youngPersonId),
        target.date,
      );
      const live = await alreadyInvited(em, command.target, [...people.keys()]);
      const unreachable = await this.access.unreachable(
        actor,
        em,
        command.invitees.map((i) => i.youngPersonId),
      );
      const errors: Record<string, string[]> = {};
      const conflicts: Record<string, string[]> = {};
      const outside = new Set<string>();
      command.invitees.forEach((invitee, i) => {
        const person = people.get(invitee.youngPersonId);
        const at = `invitees.${i}`;
        if (!person || person.archived || unreachable.has(invitee.youngPersonId)) {
          errors[`${at}.youngPersonId`] = ['This young person was not found.'];
          return;
        }
        if (invitee.viaTrustedAdultId && !person.trustedAdultIds.includes(invitee.viaTrustedAdultId)) {
          errors[`${at}.viaTrustedAdultId`] = [
            `This adult is not linked to ${person.preferredName}: choose one of their trusted adults.`,
          ];
        }
        const channel = channelProblem(person.contact, invitee.channel, invitee.viaTrustedAdultId !== null);
        // The field path says who; pages name the person themselves, so the name is not repeated here.
        if (channel) errors[`${at}.channel`] = [channel];
        if (invitee.alsoToParentCarer && !person.parentCarer)
          errors[`${at}.alsoToParentCarer`] = [
            'No parent or carer is kept on their record: add one there first, with the reason it is needed.',
          ];
        const problems = cohortProblems(person, target.cohort, target.date);
        if (problems.length > 0) {
          if (command.outsideCohortReason) outside.add(person.id);
          else
            errors[`${at}.youngPersonId`] = [
              `Outside who this is for: ${problems.join(' ')} Give a reason to invite them anyway.`,
            ];
        }
        if (live.has(person.id))
          conflicts[`${at}.youngPersonId`] = [`${person.preferredName} is already invited.`];
      });
      if (Object.keys(errors).length > 0)
        throw new DomainError(
          'validation',
          'Some invitations cannot be made. Nothing was sent: change the ones marked and try again.',
          { ...errors, ...conflicts },
        );
      if (Object.keys(conflicts).length > 0)
        throw new DomainError(
          'conflict',
          'Some of these young people are already invited. Nothing was sent: take them off the list.',
          conflicts,
        );

      const created: string[] = [];
      for (const invitee of command.invitees) {
        const isOutside = outside.has(invitee.youngPersonId);
        const parentCarer = invitee.alsoToParentCarer ? people.get(invitee.youngPersonId)?.parentCarer : null;
        const result = await em.insert(Invitation, {
          youngPersonId: invitee.youngPersonId,
          targetKind: target.kind,
          activityId: target.kind === 'activity_day' ? target.id : null,
          sessionId: target.kind === 'group_session' ? target.id : null,
          oneToOneId: target.kind === 'one_to_one' ? target.id : null,
          reviewTitle: command.target.kind === 'review_meeting' ? command.target.title : null,
          reviewStartTime: command.target.kind === 'review_meeting' ? command.target.startTime : null,
          reviewVenue: command.target.kind === 'review_meeting' ? command.target.venue : null,
          eventDate: target.date,
          channel: invitee.channel,
          viaTrustedAdultId: invitee.viaTrustedAdultId,
          status: InvitationStatus.Draft,
          outsideCohort: isOutside,
          outsideCohortReason: isOutside ? (command.outsideCohortReason ?? null) : null,
          parentCarerCopy: parentCarer?.channel ?? null,
          createdBy: actor.userId,
        });
        const id = (result.identifiers[0] as { id: string }).id;
        created.push(id);
        await this.audit.for(actor).record(em, {
          action: isOutside ? AuditAction.Override : AuditAction.Create,
          type: AuditRecordType.Invitation,
          id,
          detail: {
            targetKind: target.kind,
            channel: invitee.channel,
            outsideCohort: isOutside,
            parentCarerCopy: parentCarer?.channel ?? null,
          },
        });
        if (command.send) await this.sendInTransaction(em, actor, id);
      }
      return created;
    });
    return { created: await this.reads.responses(this.db.manager, ids) };
  }

  /**
   * A draft goes out. Email is sent through the outbox and a posted letter is out once it is
   * posted; anything someone has to pass on is "to deliver" until someone records it reached them.
   */
  async send(actor: Actor, id: string): Promise<InvitationResponse> {
    await this.access.assertMayChange(actor, this.db.manager, { invitation: id });
    await this.db.transaction((em) => this.sendInTransaction(em, actor, id));
    return this.reads.one(id);
  }

  private async sendInTransaction(em: EntityManager, actor: Actor, id: string): Promise<void> {
    const invitation = await lockInvitation(em, id);
    const event = sendingEvent(invitation.channel, invitation.viaTrustedAdultId !== null);
    const next = applyInvitationEvent(invitation, event);
    if (next === invitation.status) return; // Sent already: a double tap sends nothing twice.
    // Judged again now: the young person may have taken back the channel since the draft was made.
    const person = (await loadYoungPersonFacts(em, [invitation.youngPersonId], todayInLondon())).get(
      invitation.youngPersonId,
    );
    const problem = person
      ? channelProblem(person.contact, invitation.channel, invitation.viaTrustedAdultId !== null)
      : null;
    if (problem)
      throw new DomainError('conflict', `This invitation cannot go out as it is. ${problem}`, {
        channel: [problem],
      });
    await em.update(Invitation, { id }, { status: next, sentAt: new Date(), updatedAt: new Date() });
    const parentCarerCopy = await this.notifier.sendInvitation(em, invitation);
    await this.audit.for(actor).record(em, {
      action: AuditAction.Update,
      type: AuditRecordType.Invitation,
      id,
      detail: { event, channel: invitation.channel, ...(parentCarerCopy ? { parentCarerCopy } : {}) },
    });
  }

  /** An officer, or the trusted adult handing it over, records the answer the young person gave them. */
  async answerFor(actor: Actor, id: string, answer: Answer): Promise<InvitationResponse> {
    await this.access.assertMayChange(actor, this.db.manager, { invitation: id });
    await this.db.transaction(async (em) => {
      const invitation = await lockInvitation(em, id);
      await this.applyAnswer(em, invitation, answer);
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.Invitation,
        id,
        detail: { event: answer.answer === 'yes' ? 'accept' : 'decline', recordedFor: true },
      });
    });
    return this.reads.one(id);
  }

  async answerByLink(token: string, answer: Answer): Promise<RsvpView> {
    const id = await this.db.transaction(async (em) => {
      const found = await this.reads.byToken(em, token);
      const invitation = await lockInvitation(em, found.id);
      await this.applyAnswer(em, invitation, answer);
      await this.audit.for(null).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.Invitation,
        id: invitation.id,
        detail: { event: answer.answer === 'yes' ? 'accept' : 'decline', byLink: true },
      });
      return invitation.id;
    });
    return this.reads.rsvpView(await this.db.getRepository(Invitation).findOneByOrFail({ id }));
  }

  /**
   * A young expert answers their own invitation on their pages: `youngPersonId` comes from
   * linkedYoungPersonId. The same answer path as the link; one not meant for them, or not yet
   * reached them, is not found.
   */
  async answerOwn(actor: Actor, youngPersonId: string, id: string, answer: Answer): Promise<void> {
    await this.db.transaction(async (em) => {
      const invitation = await lockInvitation(em, id).catch(() => null);
      if (
        !invitation ||
        invitation.youngPersonId !== youngPersonId ||
        !COUNTS_AS_INVITED.has(invitation.status)
      )
        throw new DomainError('not_found', MY_SPACE_MESSAGES.invitationNotFound);
      await this.applyAnswer(em, invitation, answer);
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.Invitation,
        id,
        detail: { event: answer.answer === 'yes' ? 'accept' : 'decline', byYoungExpert: true },
      });
    });
  }

  async withdraw(actor: Actor, id: string, reason: string | null): Promise<InvitationResponse> {
    await this.access.assertMayChange(actor, this.db.manager, { invitation: id });
    await this.db.transaction(async (em) => {
      const invitation = await lockInvitation(em, id);
      const wasAccepted = invitation.status === InvitationStatus.Accepted;
      const next = applyInvitationEvent(invitation, 'withdraw');
      await em.update(Invitation, { id }, { status: next, withdrawnReason: reason, updatedAt: new Date() });
      if (wasAccepted) await this.promoteNext(em, invitation.activityId);
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.Invitation,
        id,
        detail: { event: 'withdraw' },
      });
    });
    return this.reads.one(id);
  }

  /** Marks whether someone came, for an activity's register (consent is checked by the caller). */
  async markAttendance(
    em: EntityManager,
    actor: Actor,
    invitation: Invitation,
    attended: boolean,
    overrideReason: string | null,
  ): Promise<void> {
    const event = attended ? 'mark_attended' : 'mark_did_not_attend';
    const next = applyInvitationEvent(invitation, event);
    await em.update(
      Invitation,
      { id: invitation.id },
      {
        status: next,
        attendanceOverrideReason: overrideReason,
        attendanceMarkedBy: actor.userId,
        // When the mark was made, so a mark sent later from an offline outbox can be weighed against it.
        attendanceMarkedAt: actor.deviceTime ?? new Date(),
        updatedAt: new Date(),
      },
    );
    await this.audit.for(actor).record(em, {
      action: overrideReason ? AuditAction.Override : AuditAction.Update,
      type: AuditRecordType.Invitation,
      id: invitation.id,
      detail: { event, consentOverride: !!overrideReason },
    });
  }

  /**
   * Places have freed at an activity (someone declined or was withdrawn, or the capacity went up):
   * the longest-waiting young people move up into them, and are told. Returns how many moved up.
   */
  async promoteNext(em: EntityManager, activityId: string | null): Promise<number> {
    if (!activityId) return 0;
    const target = (
      await em.query(`SELECT capacity, date::text AS date FROM activity_days WHERE id = $1 FOR UPDATE`, [
        activityId,
      ])
    )[0] as { capacity: number | null; date: string } | undefined;
    // Once the day has passed nobody can be moved up: the waiting list stays as it was.
    if (!target || target.date < todayInLondon()) return 0;
    const waiting = await em.getRepository(Invitation).find({
      where: { activityId, status: InvitationStatus.Waitlisted },
      lock: { mode: 'pessimistic_write' },
    });
    const promoted: Invitation[] = [];
    let taken = await placesTaken(em, activityId);
    let queue = waiting;
    while (queue.length > 0 && placeAnswer(target.capacity, taken) === 'accepted') {
      const nextId = nextToPromote(queue.map((w) => ({ id: w.id, answeredAt: w.answeredAt ?? w.updatedAt })));
      const next = queue.find((w) => w.id === nextId);
      if (!next) break;
      const status = applyInvitationEvent(next, 'promote');
      await em.update(Invitation, { id: next.id }, { status, updatedAt: new Date() });
      promoted.push(next);
      queue = queue.filter((w) => w.id !== next.id);
      taken++;
    }
    await this.notifier.tell(em, promoted, 'place_free', null);
    return promoted.length;
  }

  /** Shared by answers from the link and from officers: capacity, the waiting list and moving up. */
  private async applyAnswer(em: EntityManager, invitation: Invitation, answer: Answer): Promise<void> {
    const target = (await targetsOf(em, [invitation.id])).get(invitation.id) as TargetFacts;
    if (target.status === 'cancelled')
      throw new DomainError('conflict', 'This has been cancelled, so there is nothing to answer.');
    if (target.status === 'done')
      throw new DomainError('conflict', 'This has already happened, so there is nothing to answer.');
    if (answer.answer === 'no') {
      const wasAccepted = invitation.status === InvitationStatus.Accepted;
      const next = applyInvitationEvent(invitation, 'decline');
      await em.update(
        Invitation,
        { id: invitation.id },
        { status: next, declineReason: answer.reason, answeredAt: new Date(), updatedAt: new Date() },
      );
      if (wasAccepted) await this.promoteNext(em, invitation.activityId);
      return;
    }
    if (
      invitation.status === InvitationStatus.Accepted ||
      invitation.status === InvitationStatus.Waitlisted
    ) {
      applyInvitationEvent(
        invitation,
        invitation.status === InvitationStatus.Accepted ? 'accept' : 'waitlist',
      );
      return;
    }
    let place: 'accepted' | 'waitlisted' = 'accepted';
    if (invitation.activityId && target.capacity !== null) {
      await em.query(`SELECT id FROM activity_days WHERE id = $1 FOR UPDATE`, [invitation.activityId]);
      place = placeAnswer(target.capacity, await placesTaken(em, invitation.activityId));
    }
    const next = applyInvitationEvent(invitation, place === 'accepted' ? 'accept' : 'waitlist');
    await em.update(
      Invitation,
      { id: invitation.id },
      { status: next, declineReason: null, answeredAt: new Date(), updatedAt: new Date() },
    );
  }
}
