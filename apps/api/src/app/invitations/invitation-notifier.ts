import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  INVITATION_CHANNEL_LABELS,
  InvitationChannel,
  InvitationStatus,
  OccasionChange,
  dayInWords,
  howToTell,
  todayInLondon,
} from '@heard/domain';
import { EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { userReaches } from '../../platform/access/young-person-access';
import { Actor } from '../../platform/auth/auth-context';
import { invitationIs } from '../../platform/database/rules-sql';
import { MailService } from '../../platform/mail/mail.service';
import { OccasionChanged, OccasionEvents } from '../occasions/occasion-events';
import { invitationColumnOf } from '../occasions/occasion-kinds';
import { User } from '../users/entities/user.entity';
import { YoungPersonFacts, loadYoungPersonFacts } from '../young-people/young-person-facts';
import { AnswerLinks } from './answer-link';
import { Invitation } from './entities/invitation.entity';
import { InvitationMailKind, invitationMail, trustedAdultChangeMail } from './invitation-mail';
import { TargetFacts, askedAboutAt, targetsOf } from './invitation-occasions';
import { letterContact } from './letter';
import { ParentCarerCopies, ParentCarerCopyOutcome, firstNameOf } from './parent-carer-copies';
import { emailOf } from '../users/email-of';

/** What messages about some invitations need, loaded together. */
export interface MessageFacts {
  targets: Map<string, TargetFacts>;
  people: Map<string, YoungPersonFacts>;
  adults: Map<string, User>;
}

/** News that someone must pass on by hand when Heard cannot: it stays on the officers' list until told. */
export type ToTell = OccasionChange | 'place_free';

/**
 * Tells young people (or whoever passes things on to them) about their invitations: the
 * invitation itself, reminders, a place that freed up, and changes to the occasion, which it hears
 * of by subscribing to OccasionEvents. Everything is queued in the caller's transaction.
 */
@Injectable()
export class InvitationNotifier implements OnModuleInit {
  constructor(
    private readonly mail: MailService,
    private readonly links: AnswerLinks,
    private readonly occasions: OccasionEvents,
    private readonly parentCarers: ParentCarerCopies,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.occasions.subscribe((em, actor, event) => this.occasionChanged(em, actor, event));
  }

  linkFor(invitationId: string): string {
    return `${this.config.publicUrl}/rsvp/${this.links.tokenFor(invitationId)}`;
  }

  /** What messages about these invitations need, in a fixed number of queries however many there are. */
  async messageFacts(em: EntityManager, invitations: Invitation[]): Promise<MessageFacts> {
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

  /**
   * The invitation going out: emailed when email is its channel and they still agree to email, and
   * copied to their parent or carer when it was asked for and their record still keeps one.
   */
  async sendInvitation(em: EntityManager, invitation: Invitation): Promise<ParentCarerCopyOutcome | null> {
    if (invitation.channel !== InvitationChannel.Email && !invitation.parentCarerCopy) return null;
    const facts = await this.messageFacts(em, [invitation]);
    const person = facts.people.get(invitation.youngPersonId);
    if (!person) return null;
    if (
      invitation.channel === InvitationChannel.Email &&
      !person.contact.onlyViaTrustedAdult &&
      person.contact.email
    )
      await this.emailYoungPerson(em, invitation, 'invitation', null, facts);
    return invitation.parentCarerCopy
      ? this.parentCarers.send(em, invitation, person, facts.targets.get(invitation.id))
      : null;
  }

  /**
   * News about invitations (a reminder, a place that freed up, a change), passed on as the young
   * person's preferences stand today (`howToTell`). What Heard cannot pass on itself goes on the
   * officers' "tell by hand" list; returns those.
   */
  async tell(
    em: EntityManager,
    invitations: Invitation[],
    kind: Exclude<InvitationMailKind, 'invitation'>,
    reason: string | null,
  ): Promise<{ byHand: Invitation[]; facts: MessageFacts | null }> {
    if (invitations.length === 0) return { byHand: [], facts: null };
    const facts = await this.messageFacts(em, invitations);
    const byHand: Invitation[] = [];
    for (const invitation of invitations) {
      const target = facts.targets.get(invitation.id);
      const person = facts.people.get(invitation.youngPersonId);
      if (!target || !person) continue;
      const adult = invitation.viaTrustedAdultId ? facts.adults.get(invitation.viaTrustedAdultId) : undefined;
      const by = howToTell(person.contact, {
        viaTrustedAdult: invitation.viaTrustedAdultId !== null,
        // Still active and still linked to them: an unlinked adult hears nothing more about them.
        trustedAdultReachable:
          !!adult && adult.status === 'active' && userReaches(adult, person.trustedAdultIds),
      });
      if (by === 'email') await this.emailYoungPerson(em, invitation, kind, reason, facts);
      else if (by === 'trusted_adult' && adult)
        await this.mail.enqueue(
          em,
          trustedAdultChangeMail({
            invitationId: invitation.id,
            to: emailOf(adult),
            adultName: adult.displayName,
            youngPersonName: person.preferredName,
            kind,
            facts: target,
            reason,
          }),
        );
      else if (kind !== 'reminder') byHand.push(invitation);
      if (kind !== 'reminder')
        await this.parentCarers.tellOfChange(em, invitation, person, target, kind, reason);
    }
    if (byHand.length > 0)
      await em.update(
        Invitation,
        { id: In(byHand.map((i) => i.id)) },
        { toTell: kind as ToTell, toTellSince: new Date(), updatedAt: new Date() },
      );
    return { byHand, facts };
  }

  /** Queues reminders and stamps them, in the caller's transaction (see ReminderJob). */
  async remind(em: EntityManager, invitations: Invitation[]): Promise<void> {
    if (invitations.length === 0) return;
    await this.tell(em, invitations, 'reminder', null);
    await em.update(Invitation, { id: In(invitations.map((i) => i.id)) }, { reminderSentAt: new Date() });
  }

  /**
   * An occasion moved or was cancelled. Every invitation to it follows its day (answer links,
   * reminders and lists read it; a reminder already sent was for the old time, so another is due),
   * and everyone still expected is told, whatever the kind of occasion.
   */
  private async occasionChanged(em: EntityManager, actor: Actor, event: OccasionChanged): Promise<number> {
    const column = invitationColumnOf(event.occasion.kind);
    if (event.change === 'moved')
      await em.query(
        `UPDATE invitations SET event_date = $2, reminder_sent_at = NULL WHERE ${column} = $1 AND target_kind = $3`,
        [event.occasion.id, event.date, event.occasion.kind],
      );
    else
      // Invitations nobody has passed on yet are taken back: there is nothing left to deliver.
      await em.query(
        `UPDATE invitations i SET status = '${InvitationStatus.Withdrawn}', withdrawn_reason = $3, updated_at = now()
          WHERE i.${column} = $1 AND i.target_kind = $2 AND ${invitationIs.status(InvitationStatus.ToDeliver, 'i')}`,
        [event.occasion.id, event.occasion.kind, 'It was cancelled before anyone told them.'],
      );
    const ids: { id: string }[] = await em.query(
      `SELECT id FROM invitations i WHERE i.${column} = $1 AND i.target_kind = $2 AND ${invitationIs.stillExpected('i')}`,
      [event.occasion.id, event.occasion.kind],
    );
    if (ids.length === 0) return 0;
    const invitations = await em.getRepository(Invitation).findBy({ id: In(ids.map((r) => r.id)) });
    const { byHand, facts } = await this.tell(em, invitations, event.change, event.reason);
    if (byHand.length > 0 && facts) await this.askOfficerToTell(em, actor, event, byHand, facts);
    return invitations.length;
  }

  /** Heard cannot phone anyone: the officer who made the change is asked to, and the list keeps it. */
  private async askOfficerToTell(
    em: EntityManager,
    actor: Actor,
    event: OccasionChanged,
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
    const what = event.change === 'moved' ? `has moved to ${dayInWords(target.date)}` : 'has been cancelled';
    const text = [
      `Hello ${officer.displayName},`,
      '',
      `${target.title} ${what}. Heard has told everyone it can. These young people cannot be told by email or through a trusted adult, so please tell them yourself:`,
      '',
      ...lines,
      '',
      `Your list of people to tell by hand: ${this.config.publicUrl}/invitations/by-hand`,
    ].join('\n');
    await this.mail.enqueue(em, {
      kind: 'officer_tell_by_hand',
      to: emailOf(officer),
      subject: `Please tell ${lines.length} young ${lines.length === 1 ? 'person' : 'people'}: ${target.title}`,
      text,
      related: { type: event.occasion.kind, id: event.occasion.id },
    });
  }

  private async emailYoungPerson(
    em: EntityManager,
    invitation: Invitation,
    kind: InvitationMailKind,
    reason: string | null,
    facts: MessageFacts,
  ): Promise<void> {
    const target = facts.targets.get(invitation.id);
    const person = facts.people.get(invitation.youngPersonId);
    if (!target || !person?.contact.email) return;
    const about =
      kind === 'invitation'
        ? {
            askedAbout: askedAboutAt(target),
            transport: target.transport,
            photos: target.photos,
            contact: await letterContact(em, invitation.createdBy, this.config.teamPhone),
          }
        : {};
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
          ...about,
        },
        reason,
      ),
    );
  }
}
