import { Inject, Injectable } from '@nestjs/common';
import {
  AuditAction,
  HandoverListItem,
  INVITATION_CHANNEL_LABELS,
  InvitationChannel,
  InvitationCreateCommand,
  InvitationCreateResponse,
  InvitationEvent,
  InvitationQuery,
  InvitationResponse,
  InvitationStatus,
  Page,
  Role,
  RsvpView,
  STILL_EXPECTED,
  YOUNG_PERSON_STATUS_WORDS,
  canStillAnswer,
  channelProblem,
  cohortProblems,
  dayInWords,
  nextToPromote,
  placeAnswer,
  todayInLondon,
  transition,
  waitingListPosition,
} from '@heard/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { boundedTotal } from '../../platform/database/sql';
import { DomainError } from '../../platform/errors/domain-error';
import { MailService } from '../../platform/mail/mail.service';
import { User } from '../users/entities/user.entity';
import { YoungPersonFacts, loadYoungPersonFacts } from '../young-people/young-person-facts';
import { AnswerLinks } from './answer-link';
import { Invitation } from './entities/invitation.entity';
import { InvitationMailKind, invitationMail, trustedAdultChangeMail } from './invitation-mail';
import { TargetFacts, resolveTarget, targetsOf } from './invitation-targets';
import { renderLetter } from './letter';
import { placesTaken } from './places-taken';

type Answer = { answer: 'yes' | 'no'; reason: string | null };

interface MessageFacts {
  targets: Map<string, TargetFacts>;
  people: Map<string, YoungPersonFacts>;
  adults: Map<string, User>;
}

/** The invitation's first name for a young person: their preferred name's first word. */
const firstNameOf = (preferredName: string) => preferredName.split(/\s+/)[0];

@Injectable()
export class InvitationsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly links: AnswerLinks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Invites several young people to one thing, all or nothing: every invitee is checked (channel
   * agreed, trusted adult linked, cohort, not already invited) before anything is written, and a
   * refusal names the invitee and the field.
   */
  async create(actor: Actor, command: InvitationCreateCommand): Promise<InvitationCreateResponse> {
    const ids = await this.db.transaction(async (em) => {
      const target = await resolveTarget(em, command.target);
      if (target.kind === 'activity_day' && target.id) {
        // Serialises invitations to one activity with answers to it, so capacity counts stay true.
        await em.query(`SELECT id FROM activity_days WHERE id = $1 FOR UPDATE`, [target.id]);
      }
      const people = await loadYoungPersonFacts(
        em,
        command.invitees.map((i) => i.youngPersonId),
        target.date,
      );
      const live = await this.liveInvitationsFor(em, command.target, [...people.keys()]);
      const errors: Record<string, string[]> = {};
      const conflicts: Record<string, string[]> = {};
      const outside = new Set<string>();
      command.invitees.forEach((invitee, i) => {
        const person = people.get(invitee.youngPersonId);
        const at = `invitees.${i}`;
        if (!person || person.archived) {
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
          outsideCohort: outside.has(invitee.youngPersonId),
          outsideCohortReason: outside.has(invitee.youngPersonId)
            ? (command.outsideCohortReason ?? null)
            : null,
          createdBy: actor.userId,
        });
        const id = (result.identifiers[0] as { id: string }).id;
        created.push(id);
        await this.audit.record(
          {
            actorUserId: actor.userId,
            action: outside.has(invitee.youngPersonId) ? AuditAction.Override : AuditAction.Create,
            entityType: 'invitation',
            entityId: id,
            detail: {
              targetKind: target.kind,
              channel: invitee.channel,
              outsideCohort: outside.has(invitee.youngPersonId),
            },
            requestId: actor.requestId,
          },
          em,
        );
        if (command.send) await this.sendInTransaction(em, actor, id);
      }
      return created;
    });
    return { created: await this.responses(this.db.manager, ids) };
  }

  /** A draft goes out: by email through the outbox, or recorded as given by its channel. */
  async send(actor: Actor, id: string): Promise<InvitationResponse> {
    await this.db.transaction((em) => this.sendInTransaction(em, actor, id));
    return this.one(id);
  }

  private async sendInTransaction(em: EntityManager, actor: Actor, id: string): Promise<void> {
    const invitation = await this.lock(em, id);
    const next = this.applyEvent(invitation, 'send');
    await em.update(Invitation, { id }, { status: next, sentAt: new Date(), updatedAt: new Date() });
    if (invitation.channel === InvitationChannel.Email && invitation.viaTrustedAdultId === null) {
      await this.tellYoungPeople(em, [invitation], 'invitation', null);
    }
    await this.audit.record(
      {
        actorUserId: actor.userId,
        action: AuditAction.Update,
        entityType: 'invitation',
        entityId: id,
        detail: { event: 'send', channel: invitation.channel },
        requestId: actor.requestId,
      },
      em,
    );
  }

  /** An officer records an answer given to them (by phone, in person…). */
  async answerFor(actor: Actor, id: string, answer: Answer): Promise<InvitationResponse> {
    await this.db.transaction(async (em) => {
      const invitation = await this.lock(em, id);
      await this.applyAnswer(em, invitation, answer);
      await this.audit.record(
        {
          actorUserId: actor.userId,
          action: AuditAction.Update,
          entityType: 'invitation',
          entityId: id,
          detail: { event: answer.answer === 'yes' ? 'accept' : 'decline', recordedFor: true },
          requestId: actor.requestId,
        },
        em,
      );
    });
    return this.one(id);
  }

  /** The young person's own page. Any failure is the same 404, so a link reveals nothing it should not. */
  async view(token: string): Promise<RsvpView> {
    const invitation = await this.byToken(this.db.manager, token);
    return this.rsvpView(invitation);
  }

  async answerByLink(token: string, answer: Answer): Promise<RsvpView> {
    const id = await this.db.transaction(async (em) => {
      const found = await this.byToken(em, token);
      const invitation = await this.lock(em, found.id);
      await this.applyAnswer(em, invitation, answer);
      await this.audit.record(
        {
          actorUserId: null,
          action: AuditAction.Update,
          entityType: 'invitation',
          entityId: invitation.id,
          detail: { event: answer.answer === 'yes' ? 'accept' : 'decline', byLink: true },
        },
        em,
      );
      return invitation.id;
    });
    return this.rsvpView(await this.db.getRepository(Invitation).findOneByOrFail({ id }));
  }

  async withdraw(actor: Actor, id: string, reason: string | null): Promise<InvitationResponse> {
    await this.db.transaction(async (em) => {
      const invitation = await this.lock(em, id);
      const wasAccepted = invitation.status === InvitationStatus.Accepted;
      const next = this.applyEvent(invitation, 'withdraw');
      await em.update(Invitation, { id }, { status: next, withdrawnReason: reason, updatedAt: new Date() });
      if (wasAccepted) await this.promoteNext(em, invitation);
      await this.audit.record(
        {
          actorUserId: actor.userId,
          action: AuditAction.Update,
          entityType: 'invitation',
          entityId: id,
          detail: { event: 'withdraw' },
          requestId: actor.requestId,
        },
        em,
      );
    });
    return this.one(id);
  }

  /** A trusted adult (or an officer for them) says the invitation has been handed over. */
  async handedOver(actor: Actor, id: string): Promise<InvitationResponse> {
    await this.db.transaction(async (em) => {
      const invitation = await this.lock(em, id);
      this.assertMayHandOver(actor, invitation);
      const next = this.applyEvent(invitation, 'hand_over');
      await em.update(Invitation, { id }, { status: next, handedOverAt: new Date(), updatedAt: new Date() });
      await this.audit.record(
        {
          actorUserId: actor.userId,
          action: AuditAction.Update,
          entityType: 'invitation',
          entityId: id,
          detail: { event: 'hand_over' },
          requestId: actor.requestId,
        },
        em,
      );
    });
    return this.one(id);
  }

  /** Marks whether someone came, for an activity's register (consent is checked by the caller). */
  async markAttendance(
    em: EntityManager,
    actor: Actor,
    invitation: Invitation,
    attended: boolean,
    overrideReason: string | null,
  ): Promise<void> {
    const next = this.applyEvent(invitation, attended ? 'mark_attended' : 'mark_did_not_attend');
    await em.update(
      Invitation,
      { id: invitation.id },
      { status: next, attendanceOverrideReason: overrideReason, updatedAt: new Date() },
    );
    await this.audit.record(
      {
        actorUserId: actor.userId,
        action: overrideReason ? AuditAction.Override : AuditAction.Update,
        entityType: 'invitation',
        entityId: invitation.id,
        detail: {
          event: attended ? 'mark_attended' : 'mark_did_not_attend',
          consentOverride: !!overrideReason,
        },
        requestId: actor.requestId,
      },
      em,
    );
  }

  /** A trusted adult's list: what is waiting to be handed over, then what they handed over lately. */
  async handoverList(actor: Actor): Promise<HandoverListItem[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM invitations
        WHERE via_trusted_adult_id = $1 AND status <> 'withdrawn' AND status <> 'draft' AND event_date >= $2
        ORDER BY handed_over_at IS NOT NULL, event_date, id`,
      [actor.userId, todayInLondon()],
    );
    const responses = await this.responses(
      this.db.manager,
      rows.map((r) => r.id),
    );
    return responses.map((r) => ({
      invitationId: r.id,
      youngPerson: r.youngPerson,
      target: r.target,
      channel: r.channel,
      status: r.status,
      letterUrl: r.channel === InvitationChannel.Letter ? `/api/invitations/${r.id}/letter` : null,
      createdAt: r.createdAt,
      handedOverAt: r.handedOverAt,
    }));
  }

  async letter(actor: Actor, id: string): Promise<{ pdf: Uint8Array; filename: string }> {
    const invitation = await this.db.getRepository(Invitation).findOneBy({ id });
    if (!invitation) throw DomainError.notFound('This invitation');
    this.assertMayHandOver(actor, invitation);
    if (invitation.status === InvitationStatus.Withdrawn)
      throw new DomainError('conflict', 'This invitation was withdrawn, so there is no letter to print.');
    const facts = await this.messageFacts(this.db.manager, [invitation]);
    const target = facts.targets.get(id);
    const person = facts.people.get(invitation.youngPersonId);
    if (!target || !person) throw DomainError.notFound('This invitation');
    const adult = invitation.viaTrustedAdultId ? facts.adults.get(invitation.viaTrustedAdultId) : undefined;
    const pdf = await renderLetter({
      firstName: firstNameOf(person.preferredName),
      title: target.title,
      dayWords: dayInWords(target.date),
      time: target.startTime
        ? target.endTime
          ? `${target.startTime} to ${target.endTime}`
          : target.startTime
        : null,
      venue: target.venue,
      accessibility: target.accessibility,
      link: this.linkFor(id),
      handedOverBy: adult?.displayName ?? null,
    });
    await this.audit.record({
      actorUserId: actor.userId,
      action: AuditAction.Read,
      entityType: 'invitation_letter',
      entityId: id,
      requestId: actor.requestId,
    });
    return { pdf, filename: `invitation-${id.slice(0, 8)}.pdf` };
  }

  async list(query: InvitationQuery): Promise<Page<InvitationResponse>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.status) where.push(`status = $${params.push(query.status)}`);
    if (query.targetKind) where.push(`target_kind = $${params.push(query.targetKind)}`);
    if (query.youngPersonId) where.push(`young_person_id = $${params.push(query.youngPersonId)}`);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const totals = await boundedTotal(this.db, `SELECT 1 FROM invitations ${whereSql}`, params, query);
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM invitations ${whereSql} ORDER BY event_date DESC, created_at DESC, id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return {
      items: await this.responses(
        this.db.manager,
        rows.map((r) => r.id),
      ),
      ...totals,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Every invitation to an activity, withdrawn ones last. */
  async forActivity(activityId: string): Promise<InvitationResponse[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT i.id FROM invitations i JOIN young_people yp ON yp.id = i.young_person_id
        WHERE i.activity_id = $1 ORDER BY i.status = 'withdrawn', lower(yp.preferred_name), i.id`,
      [activityId],
    );
    return this.responses(
      this.db.manager,
      rows.map((r) => r.id),
    );
  }

  async one(id: string): Promise<InvitationResponse> {
    const [response] = await this.responses(this.db.manager, [id]);
    if (!response) throw DomainError.notFound('This invitation');
    return response;
  }

  /**
   * Tells everyone still expecting to come that an activity moved or was cancelled: the young
   * person by email when that is how they were invited, and the trusted adult who handed it over.
   * Heard cannot phone anyone, so the officer who made the change gets one email listing who to
   * tell themselves, with the channel each was invited by.
   */
  async tellInviteesOfChange(
    em: EntityManager,
    actor: Actor,
    activityId: string,
    kind: 'moved' | 'cancelled',
    reason: string | null,
  ): Promise<number> {
    const invitations = await em.getRepository(Invitation).find({
      where: { activityId, status: In([...STILL_EXPECTED]) },
    });
    const facts = await this.messageFacts(em, invitations);
    const byHand = invitations.filter(
      (i) => i.channel !== InvitationChannel.Email && i.viaTrustedAdultId === null,
    );
    await this.tellYoungPeople(
      em,
      invitations.filter((i) => !byHand.includes(i)),
      kind,
      reason,
      facts,
    );
    if (byHand.length > 0) await this.askOfficerToTell(em, actor, activityId, kind, byHand, facts);
    return invitations.length;
  }

  private async askOfficerToTell(
    em: EntityManager,
    actor: Actor,
    activityId: string,
    kind: 'moved' | 'cancelled',
    invitations: Invitation[],
    { targets, people }: MessageFacts,
  ): Promise<void> {
    const officer = await em.getRepository(User).findOneBy({ id: actor.userId });
    const target = targets.get(invitations[0].id);
    if (!officer || !target) return;
    const lines = invitations
      .map((i) => {
        const person = people.get(i.youngPersonId);
        const phone =
          i.channel === InvitationChannel.InPerson
            ? null
            : (person?.contact.phone ?? person?.contact.whatsapp);
        return `- ${person?.preferredName ?? 'A young person'}: invited by ${INVITATION_CHANNEL_LABELS[i.channel].toLowerCase()}${phone ? ` (${phone})` : ''}`;
      })
      .sort();
    const what = kind === 'moved' ? `has moved to ${dayInWords(target.date)}` : 'has been cancelled';
    const text = [
      `Hello ${officer.displayName},`,
      '',
      `${target.title} ${what}. Heard has emailed everyone it can. These young people were invited another way, so please tell them yourself:`,
      '',
      ...lines,
      '',
      `The activity: ${this.config.publicUrl}/activities/${activityId}`,
    ].join('\n');
    await this.mail.enqueue(em, {
      kind: 'officer_tell_by_hand',
      to: officer.email,
      subject: `Please tell ${lines.length} young ${lines.length === 1 ? 'person' : 'people'}: ${target.title}`,
      text,
      related: { type: 'activity_day', id: activityId },
    });
  }

  /** Queues reminders and stamps them, in the caller's transaction (see ReminderJob). */
  async remind(em: EntityManager, invitations: Invitation[]): Promise<void> {
    if (invitations.length === 0) return;
    await this.tellYoungPeople(em, invitations, 'reminder', null);
    await em.update(Invitation, { id: In(invitations.map((i) => i.id)) }, { reminderSentAt: new Date() });
  }

  /** Shared by answers from the link and from officers: capacity, the waiting list and moving up. */
  private async applyAnswer(em: EntityManager, invitation: Invitation, answer: Answer): Promise<void> {
    const target = (await targetsOf(em, [invitation.id])).get(invitation.id) as TargetFacts;
    if (target.cancelled)
      throw new DomainError('conflict', 'This has been cancelled, so there is nothing to answer.');
    if (answer.answer === 'no') {
      const wasAccepted = invitation.status === InvitationStatus.Accepted;
      const next = this.applyEvent(invitation, 'decline');
      await em.update(
        Invitation,
        { id: invitation.id },
        { status: next, declineReason: answer.reason, answeredAt: new Date(), updatedAt: new Date() },
      );
      if (wasAccepted) await this.promoteNext(em, invitation);
      return;
    }
    if (
      invitation.status === InvitationStatus.Accepted ||
      invitation.status === InvitationStatus.Waitlisted
    ) {
      this.applyEvent(invitation, invitation.status === InvitationStatus.Accepted ? 'accept' : 'waitlist');
      return;
    }
    let place: 'accepted' | 'waitlisted' = 'accepted';
    if (invitation.activityId && target.capacity !== null) {
      await em.query(`SELECT id FROM activity_days WHERE id = $1 FOR UPDATE`, [invitation.activityId]);
      place = placeAnswer(target.capacity, await placesTaken(em, invitation.activityId));
    }
    const next = this.applyEvent(invitation, place === 'accepted' ? 'accept' : 'waitlist');
    await em.update(
      Invitation,
      { id: invitation.id },
      { status: next, declineReason: null, answeredAt: new Date(), updatedAt: new Date() },
    );
  }

  /**
   * Places have freed without anyone leaving (the capacity went up): the longest-waiting fill them,
   * each told as when someone declines. Returns how many moved up.
   */
  async fillFreedPlaces(em: EntityManager, activityId: string, places: number): Promise<number> {
    let promoted = 0;
    while (promoted < places && (await this.promoteNext(em, { activityId }))) promoted++;
    return promoted;
  }

  /** A place has freed: the longest-waiting young person moves up, and is told. False when nobody waits. */
  private async promoteNext(em: EntityManager, freed: Pick<Invitation, 'activityId'>): Promise<boolean> {
    if (!freed.activityId) return false;
    const waiting = await em.getRepository(Invitation).find({
      where: { activityId: freed.activityId, status: InvitationStatus.Waitlisted },
      lock: { mode: 'pessimistic_write' },
    });
    const nextId = nextToPromote(waiting.map((w) => ({ id: w.id, answeredAt: w.answeredAt ?? w.updatedAt })));
    const next = waiting.find((w) => w.id === nextId);
    if (!next) return false;
    const status = this.applyEvent(next, 'promote');
    await em.update(Invitation, { id: next.id }, { status, updatedAt: new Date() });
    await this.tellYoungPeople(em, [next], 'place_free', null);
    return true;
  }

  /** What messages about these invitations need, in three queries however many there are. */
  private async messageFacts(em: EntityManager, invitations: Invitation[]): Promise<MessageFacts> {
    const adultIds = [
      ...new Set(invitations.flatMap((i) => (i.viaTrustedAdultId ? [i.viaTrustedAdultId] : []))),
    ];
    const [targets, people, adults] = await Promise.all([
      targetsOf(
        em,
        invitations.map((i) => i.id),
      ),
      loadYoungPersonFacts(
        em,
        invitations.map((i) => i.youngPersonId),
        todayInLondon(),
      ),
      adultIds.length ? em.getRepository(User).findBy({ id: In(adultIds) }) : Promise.resolve([]),
    ]);
    return { targets, people, adults: new Map(adults.map((a) => [a.id, a])) };
  }

  /** Queues a message about each invitation: to the young person by email, or to their trusted adult. */
  private async tellYoungPeople(
    em: EntityManager,
    invitations: Invitation[],
    kind: InvitationMailKind,
    reason: string | null,
    known?: MessageFacts,
  ): Promise<void> {
    if (invitations.length === 0) return;
    const facts = known ?? (await this.messageFacts(em, invitations));
    for (const invitation of invitations) {
      const target = facts.targets.get(invitation.id);
      const person = facts.people.get(invitation.youngPersonId);
      if (!target || !person) continue;
      if (invitation.viaTrustedAdultId) {
        if (kind === 'invitation') continue; // They hand it over themselves: their list shows it.
        const adult = facts.adults.get(invitation.viaTrustedAdultId);
        if (!adult || adult.status !== 'active') continue;
        await this.mail.enqueue(
          em,
          trustedAdultChangeMail({
            invitationId: invitation.id,
            to: adult.email,
            adultName: adult.displayName,
            youngPersonName: person.preferredName,
            kind,
            facts: target,
            reason,
          }),
        );
        continue;
      }
      // Never through a channel they have not agreed to: email only when they gave an address for it.
      if (
        invitation.channel !== InvitationChannel.Email ||
        person.contact.onlyViaTrustedAdult ||
        !person.contact.email
      )
        continue;
      await this.mail.enqueue(
        em,
        invitationMail(
          kind,
          {
            invitationId: invitation.id,
            to: person.contact.email,
            firstName: firstNameOf(person.preferredName),
            title: target.title,
            date: target.date,
            startTime: target.startTime,
            endTime: target.endTime,
            venue: target.venue,
            link: this.linkFor(invitation.id),
          },
          reason,
        ),
      );
    }
  }

  linkFor(invitationId: string): string {
    return `${this.config.publicUrl}/rsvp/${this.links.tokenFor(invitationId)}`;
  }

  private applyEvent(invitation: Invitation, event: InvitationEvent): InvitationStatus {
    const result = transition(invitation.status, event, {
      today: todayInLondon(),
      eventDate: invitation.eventDate,
    });
    if (!result.ok) throw new DomainError('conflict', result.message);
    return result.status;
  }

  private assertMayHandOver(actor: Actor, invitation: Invitation): void {
    if (actor.role === Role.ParticipationOfficer) return;
    // Anyone else sees only invitations assigned to them; others' are "not found", not "forbidden".
    if (invitation.viaTrustedAdultId !== actor.userId) throw DomainError.notFound('This invitation');
  }

  private async lock(em: EntityManager, id: string): Promise<Invitation> {
    const invitation = await em
      .getRepository(Invitation)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!invitation) throw DomainError.notFound('This invitation');
    return invitation;
  }

  private async byToken(em: EntityManager, token: string): Promise<Invitation> {
    const notFound = new DomainError(
      'not_found',
      'This link does not work. It may be old or typed wrong. Ask the person who invited you for a new one.',
    );
    const id = this.links.invitationIdOf(token);
    if (!id) throw notFound;
    const invitation = await em.getRepository(Invitation).findOneBy({ id });
    if (!invitation || invitation.status === InvitationStatus.Draft) throw notFound;
    if (invitation.status === InvitationStatus.Withdrawn)
      throw new DomainError(
        'not_found',
        'This invitation has been taken back, so there is nothing to answer. Ask the person who invited you if you are not sure why.',
      );
    return invitation;
  }

  private async liveInvitationsFor(
    em: EntityManager,
    target: InvitationCreateCommand['target'],
    youngPersonIds: string[],
  ): Promise<Set<string>> {
    if (target.kind === 'review_meeting' || youngPersonIds.length === 0) return new Set();
    const column = { activity_day: 'activity_id', group_session: 'session_id', one_to_one: 'one_to_one_id' }[
      target.kind
    ];
    const rows: { young_person_id: string }[] = await em.query(
      `SELECT young_person_id FROM invitations
        WHERE ${column} = $1 AND young_person_id = ANY($2::uuid[]) AND status <> 'withdrawn'`,
      [target.id, youngPersonIds],
    );
    return new Set(rows.map((r) => r.young_person_id));
  }

  private async rsvpView(invitation: Invitation): Promise<RsvpView> {
    const em = this.db.manager;
    const [targets, people] = await Promise.all([
      targetsOf(em, [invitation.id]),
      loadYoungPersonFacts(em, [invitation.youngPersonId], invitation.eventDate),
    ]);
    const target = targets.get(invitation.id) as TargetFacts;
    const person = people.get(invitation.youngPersonId);
    let position: number | null = null;
    if (invitation.status === InvitationStatus.Waitlisted && invitation.activityId) {
      const waiting = await em.getRepository(Invitation).findBy({
        activityId: invitation.activityId,
        status: InvitationStatus.Waitlisted,
      });
      position = waitingListPosition(
        waiting.map((w) => ({ id: w.id, answeredAt: w.answeredAt ?? w.updatedAt })),
        invitation.id,
      );
    }
    const answer =
      invitation.status === InvitationStatus.Accepted || invitation.status === InvitationStatus.Attended
        ? 'yes'
        : invitation.status === InvitationStatus.Declined
          ? 'no'
          : invitation.status === InvitationStatus.Waitlisted
            ? 'waiting_list'
            : null;
    return {
      firstName: firstNameOf(person?.preferredName ?? ''),
      kind: target.kind,
      title: target.title,
      dateWords: dayInWords(target.date),
      startTime: target.startTime,
      endTime: target.endTime,
      venue: target.venue,
      accessibility: target.accessibility,
      answer,
      statusWords: YOUNG_PERSON_STATUS_WORDS[invitation.status],
      canStillChange:
        !target.cancelled && canStillAnswer(invitation.status, todayInLondon(), invitation.eventDate),
      waitingListPosition: position,
      cancelled: target.cancelled,
    };
  }

  /** Invitations as officers see them, in the order of `ids`, in a fixed number of queries. */
  async responses(em: EntityManager, ids: string[]): Promise<InvitationResponse[]> {
    if (ids.length === 0) return [];
    const [rows, targets, mail] = await Promise.all([
      em.query(
        `SELECT i.*, yp.preferred_name, u.display_name AS adult_name
           FROM invitations i JOIN young_people yp ON yp.id = i.young_person_id
           LEFT JOIN users u ON u.id = i.via_trusted_adult_id
          WHERE i.id = ANY($1::uuid[])`,
        [ids],
      ) as Promise<
        {
          id: string;
          young_person_id: string;
          preferred_name: string;
          channel: InvitationChannel;
          status: InvitationStatus;
          via_trusted_adult_id: string | null;
          adult_name: string | null;
          outside_cohort: boolean;
          outside_cohort_reason: string | null;
          decline_reason: string | null;
          answered_at: Date | null;
          handed_over_at: Date | null;
          created_at: Date;
        }[]
      >,
      targetsOf(em, ids),
      this.mail.statusFor(em, 'invitation', ids),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      const target = targets.get(id);
      if (!r || !target) return [];
      const delivery = mail.get(id);
      return [
        {
          id,
          target: { kind: target.kind, id: target.id ?? id, title: target.title, date: target.date },
          youngPerson: { id: r.young_person_id, preferredName: r.preferred_name },
          channel: r.channel,
          status: r.status,
          viaTrustedAdult:
            r.via_trusted_adult_id && r.adult_name
              ? { id: r.via_trusted_adult_id, displayName: r.adult_name }
              : null,
          outsideCohort: r.outside_cohort,
          outsideCohortReason: r.outside_cohort_reason,
          declineReason: r.decline_reason,
          mail: delivery ? { status: delivery.status, lastError: delivery.lastError } : null,
          answeredAt: r.answered_at?.toISOString() ?? null,
          handedOverAt: r.handed_over_at?.toISOString() ?? null,
          createdAt: r.created_at.toISOString(),
        },
      ];
    });
  }
}
