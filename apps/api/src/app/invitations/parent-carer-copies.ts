import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { MailService } from '../../platform/mail/mail.service';
import { YoungPersonFacts } from '../young-people/young-person-facts';
import { Invitation } from './entities/invitation.entity';
import { InvitationMailKind, parentCarerChangeMail, parentCarerMail } from './invitation-mail';
import { TargetFacts } from './invitation-occasions';
import { letterContact } from './letter';

/** What became of a parent's or carer's copy when the invitation went out (for its audit row). */
export type ParentCarerCopyOutcome = 'emailed' | 'to_phone' | 'dropped';

/** News about an occasion that a parent or carer with a copy hears too. */
export type ParentCarerNews = Exclude<InvitationMailKind, 'invitation' | 'reminder'>;

/** The invitation's first name for a young person: their preferred name's first word. */
export const firstNameOf = (preferredName: string) => preferredName.split(/\s+/)[0];

/**
 * The copies a parent or carer gets of their young person's invitation, where one was asked for:
 * the invitation itself, then any move, cancellation or place that came free. Heard emails; a phone
 * call waits on the officers' list. The record is read as it is now, so a parent or carer taken off
 * it, or whose agreed channel changed, hears nothing more that way.
 */
@Injectable()
export class ParentCarerCopies {
  constructor(
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The copy of the invitation, without a link to answer: the answer is the young person's. */
  async send(
    em: EntityManager,
    invitation: Invitation,
    person: YoungPersonFacts,
    target: TargetFacts | undefined,
  ): Promise<ParentCarerCopyOutcome> {
    const parentCarer = person.parentCarer;
    if (!parentCarer || !target) {
      await em.update(Invitation, { id: invitation.id }, { parentCarerCopy: null });
      return 'dropped';
    }
    if (parentCarer.channel === 'phone') {
      await em.update(Invitation, { id: invitation.id }, { parentCarerCopy: 'phone' });
      return 'to_phone';
    }
    await this.mail.enqueue(
      em,
      parentCarerMail({
        invitationId: invitation.id,
        to: parentCarer.email as string,
        parentCarerName: parentCarer.name,
        firstName: firstNameOf(person.preferredName),
        facts: target,
        contact: await letterContact(em, invitation.createdBy, this.config.teamPhone),
      }),
    );
    await em.update(
      Invitation,
      { id: invitation.id },
      { parentCarerCopy: 'email', parentCarerToldAt: new Date() },
    );
    return 'emailed';
  }

  /**
   * A change to what they had a copy of: emailed again, or back on the officers' phone list with
   * the news, until someone records the call.
   */
  async tellOfChange(
    em: EntityManager,
    invitation: Invitation,
    person: YoungPersonFacts,
    target: TargetFacts,
    news: ParentCarerNews,
    reason: string | null,
  ): Promise<void> {
    const parentCarer = person.parentCarer;
    if (!invitation.parentCarerCopy || !parentCarer || parentCarer.channel !== invitation.parentCarerCopy)
      return;
    if (parentCarer.channel === 'phone') {
      await em.update(
        Invitation,
        { id: invitation.id },
        { parentCarerToldAt: null, parentCarerNews: news, updatedAt: new Date() },
      );
      return;
    }
    await this.mail.enqueue(
      em,
      parentCarerChangeMail({
        invitationId: invitation.id,
        to: parentCarer.email as string,
        parentCarerName: parentCarer.name,
        firstName: firstNameOf(person.preferredName),
        news,
        facts: target,
        reason,
      }),
    );
  }
}
