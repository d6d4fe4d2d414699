import { Inject, Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  ByHandListResponse,
  ContactPreferences,
  HandoverListItem,
  InvitationChannel,
  InvitationQuery,
  InvitationResponse,
  InvitationStatus,
  Page,
  ParentCarer,
  ParentCarerChannel,
  RsvpView,
  YOUNG_PERSON_STATUS_WORDS,
  canStillAnswer,
  dayInWords,
  photoPlanWords,
  timesInWords,
  todayInLondon,
  waitingListPosition,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy, youngPersonVisibleSql } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { Actor } from '../../platform/auth/auth-context';
import { invitationIs } from '../../platform/database/rules-sql';
import { boundedTotal } from '../../platform/database/sql';
import { DomainError } from '../../platform/errors/domain-error';
import { MailService } from '../../platform/mail/mail.service';
import { loadYoungPersonFacts } from '../young-people/young-person-facts';
import { AnswerLinks } from './answer-link';
import { Invitation } from './entities/invitation.entity';
import { InvitationNotifier } from './invitation-notifier';
import { firstNameOf } from './parent-carer-copies';
import { TargetFacts, askedAboutAt, targetsOf } from './invitation-occasions';
import { letterContact, postalAddressFor, renderLetter } from './letter';
import { ShortCodes, shortLinkFor } from './short-codes';

/** Invitations as officers, trusted adults and young people see them. Nothing here writes but audit rows. */
@Injectable()
export class InvitationReads {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly links: AnswerLinks,
    private readonly shortCodes: ShortCodes,
    private readonly notifier: InvitationNotifier,
    private readonly access: AccessPolicy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, query: InvitationQuery): Promise<Page<InvitationResponse>> {
    const params: unknown[] = [];
    const where: string[] = [youngPersonVisibleSql(actor, params, 'invitations.young_person_id')];
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
  async forActivity(actor: Actor, activityId: string): Promise<InvitationResponse[]> {
    const params: unknown[] = [activityId];
    const visible = youngPersonVisibleSql(actor, params, 'i.young_person_id');
    const rows: { id: string }[] = await this.db.query(
      `SELECT i.id FROM invitations i JOIN young_people yp ON yp.id = i.young_person_id
        WHERE i.activity_id = $1 AND ${visible} ORDER BY NOT ${invitationIs.live('i')}, lower(yp.preferred_name), i.id`,
      params,
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
   * The officers' list of what Heard cannot do itself: invitations still to deliver (a call, a
   * message, a word in person, a letter a trusted adult has not handed over yet), soonest first,
   * and news of a change nobody could be told of but by hand.
   */
  async byHand(): Promise<ByHandListResponse> {
    const today = todayInLondon();
    const [toDeliver, toTell, toPhoneParents]: { id: string }[][] = await Promise.all([
      this.db.query(
        `SELECT id FROM invitations i WHERE ${invitationIs.status(InvitationStatus.ToDeliver, 'i')} AND i.event_date >= $1
          ORDER BY i.event_date, i.created_at, i.id LIMIT 500`,
        [today],
      ),
      this.db.query(
        // News about an invitation since taken back or declined is no longer anyone's to pass on.
        `SELECT id FROM invitations i WHERE i.to_tell IS NOT NULL AND i.event_date >= $1
            AND ${invitationIs.stillExpected('i')}
          ORDER BY i.to_tell_since, i.id LIMIT 500`,
        [today],
      ),
      this.db.query(
        `SELECT id FROM invitations i WHERE i.parent_carer_copy = 'phone' AND i.parent_carer_told_at IS NULL
            AND i.event_date >= $1 AND ${invitationIs.outAndLive('i')}
          ORDER BY i.created_at, i.id LIMIT 500`,
        [today],
      ),
    ]);
    const rows = await this.rowsWithPeople(this.db.manager, [
      ...new Set([...toDeliver, ...toTell, ...toPhoneParents].map((r) => r.id)),
    ]);
    const byId = new Map(rows.map((r) => [r.response.id, r]));
    const pick = (list: { id: string }[]) => list.flatMap((r) => byId.get(r.id) ?? []);
    // The officer is the one phoning or messaging: the numbers the young person agreed to.
    const numbers = Object.fromEntries(
      [...pick(toDeliver), ...pick(toTell)]
        .filter((r) => r.contact.phone || r.contact.whatsapp)
        .map((r) => [r.response.youngPerson.id, { phone: r.contact.phone, whatsapp: r.contact.whatsapp }]),
    );
    return {
      toDeliver: pick(toDeliver).map((r) => r.response),
      toTell: pick(toTell).map((r) => r.response),
      numbers,
      // Only while the record still keeps a phone number for them: taken off the record, off the list.
      parentCarersToTell: pick(toPhoneParents).flatMap(({ response, parentCarer, parentCarerNews }) =>
        parentCarer?.phone
          ? [
              {
                invitation: response,
                parentCarer: {
                  name: parentCarer.name,
                  relationship: parentCarer.relationship,
                  phone: parentCarer.phone,
                },
                news: parentCarerNews,
              },
            ]
          : [],
      ),
    };
  }

  /** A trusted adult's list: what is waiting to be handed over, then what they handed over lately. */
  async handoverList(actor: Actor): Promise<HandoverListItem[]> {
    const params: unknown[] = [actor.userId, todayInLondon()];
    const visible = youngPersonVisibleSql(actor, params, 'i.young_person_id');
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM invitations i
        WHERE i.via_trusted_adult_id = $1 AND ${invitationIs.outAndLive('i')}
          AND i.event_date >= $2 AND ${visible}
        ORDER BY i.handed_over_at IS NOT NULL, i.event_date, i.id`,
      params,
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
    await this.access.assertMayRead(actor, this.db.manager, { letter: id });
    const invitation = await this.db.getRepository(Invitation).findOneBy({ id });
    if (!invitation) throw DomainError.notFound('This invitation');
    if (invitation.status === InvitationStatus.Withdrawn)
      throw new DomainError('conflict', 'This invitation was withdrawn, so there is no letter to print.');
    const facts = await this.notifier.messageFacts(this.db.manager, [invitation]);
    const target = facts.targets.get(id);
    const person = facts.people.get(invitation.youngPersonId);
    if (!target || !person) throw DomainError.notFound('This invitation');
    const adult = invitation.viaTrustedAdultId ? facts.adults.get(invitation.viaTrustedAdultId) : undefined;
    const [code, contact] = await Promise.all([
      this.shortCodes.codeFor(id),
      letterContact(this.db.manager, invitation.createdBy, this.config.teamPhone),
    ]);
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
      link: this.notifier.linkFor(id),
      shortLink: shortLinkFor(this.config.publicUrl, code),
      contact,
      address: postalAddressFor(person, invitation.viaTrustedAdultId),
      handedOverBy: adult?.displayName ?? null,
    });
    await this.audit
      .for(actor)
      .record(null, { action: AuditAction.Read, type: AuditRecordType.InvitationLetter, id });
    return { pdf, filename: `invitation-${id.slice(0, 8)}.pdf` };
  }

  /** The young person's own page. Any failure is the same 404, so a link reveals nothing it should not. */
  async view(token: string): Promise<RsvpView> {
    const invitation = await this.byToken(this.db.manager, token);
    return this.rsvpView(invitation);
  }

  async byToken(em: EntityManager, token: string): Promise<Invitation> {
    const notFound = new DomainError(
      'not_found',
      'This link does not work. It may be old or typed wrong. Ask the person who invited you for a new one.',
    );
    const id = this.links.invitationIdOf(token) ?? (await this.shortCodes.invitationIdOf(em, token));
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

  async rsvpView(invitation: Invitation): Promise<RsvpView> {
    const em = this.db.manager;
    const [targets, people, contact] = await Promise.all([
      targetsOf(em, [invitation.id]),
      loadYoungPersonFacts(em, [invitation.youngPersonId], invitation.eventDate),
      letterContact(em, invitation.createdBy, this.config.teamPhone),
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
      timeWords: timesInWords(target.startTime, target.endTime),
      askedAbout: askedAboutAt(target),
      transport: target.transport,
      photosWords: photoPlanWords(target.photos),
      contact,
      venue: target.venue,
      accessibility: target.accessibility,
      answer,
      statusWords: YOUNG_PERSON_STATUS_WORDS[invitation.status],
      canStillChange:
        target.status === 'open' && canStillAnswer(invitation.status, todayInLondon(), invitation.eventDate),
      waitingListPosition: position,
      cancelled: target.status === 'cancelled',
      closed: target.status === 'done',
    };
  }

  /** Invitations as officers see them, in the order of `ids`, in a fixed number of queries. */
  async responses(em: EntityManager, ids: string[]): Promise<InvitationResponse[]> {
    return (await this.rowsWithPeople(em, ids)).map((r) => r.response);
  }

  /** Each response with the young person's contact preferences and parent or carer, read in the same query. */
  private async rowsWithPeople(
    em: EntityManager,
    ids: string[],
  ): Promise<
    {
      response: InvitationResponse;
      contact: ContactPreferences;
      parentCarer: ParentCarer | null;
      parentCarerNews: ByHandListResponse['parentCarersToTell'][number]['news'];
    }[]
  > {
    if (ids.length === 0) return [];
    const [rows, targets, mail] = await Promise.all([
      em.query(
        `SELECT i.*, yp.preferred_name, yp.contact, yp.parent_carer, u.display_name AS adult_name
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
          delivered_at: Date | null;
          to_tell: InvitationResponse['toTell'];
          parent_carer_copy: ParentCarerChannel | null;
          parent_carer_told_at: Date | null;
          parent_carer_news: ByHandListResponse['parentCarersToTell'][number]['news'];
          contact: ContactPreferences;
          parent_carer: ParentCarer | null;
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
          contact: r.contact,
          parentCarer: r.parent_carer,
          parentCarerNews: r.parent_carer_news,
          response: {
            id,
            target: { kind: target.kind, id: target.id, title: target.title, date: target.date },
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
            deliveredAt: r.delivered_at?.toISOString() ?? null,
            toTell: r.to_tell,
            parentCarer: r.parent_carer_copy
              ? {
                  name: r.parent_carer?.name ?? 'Their parent or carer',
                  channel: r.parent_carer_copy,
                  toldAt: r.parent_carer_told_at?.toISOString() ?? null,
                }
              : null,
            createdAt: r.created_at.toISOString(),
          },
        },
      ];
    });
  }
}
