import { Injectable } from '@nestjs/common';
import { AuditAction, AuditRecordType, MyData, ROLE_LABELS, Role, ratingFaceOf } from '@heard/domain';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { linkedYoungPersonId } from './linked-young-person';
import { MySpaceService } from './my-space.service';
import { myLists, myRecord } from './young-experts.queries';

/** What each kind of staff read is about, in their words. */
const LOOKED_AT: Readonly<Record<string, string>> = {
  young_person: 'Your record',
  young_person_consent: 'Your choices about consent',
};

/**
 * Everything Heard holds about a young expert, as one JSON document (their right to see their
 * data; the Children's Code's online tools). What is left out, and why, is in docs/young-experts.md
 * and in `aboutThisFile`: staff notes on keeping them safe, and worries others raised.
 */
@Injectable()
export class MyDataService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly mySpace: MySpaceService,
    private readonly access: AccessPolicy,
  ) {}

  /** The young expert's own copy; a download (a copy leaving Heard) is worth an audit row. */
  async everything(actor: Actor, download: boolean): Promise<MyData> {
    const youngPersonId = await linkedYoungPersonId(this.db.manager, actor);
    const data = await this.about(youngPersonId);
    if (download) await this.audited(actor, youngPersonId, 'own_data_download');
    return data;
  }

  /**
   * A subject access copy made by staff, for a young person with or without an account: the same
   * document, scoped by the one access rule (404 when not theirs to see) and audited.
   */
  async forStaff(actor: Actor, youngPersonId: string, format: 'json' | 'pdf'): Promise<MyData> {
    await this.access.assertMayRead(actor, this.db.manager, { youngPerson: youngPersonId });
    const data = await this.about(youngPersonId);
    await this.audited(actor, youngPersonId, `subject_access_${format}`);
    return data;
  }

  private audited(actor: Actor, youngPersonId: string, event: string): Promise<void> {
    return this.audit.for(actor).record(null, {
      action: AuditAction.Read,
      type: AuditRecordType.YoungPerson,
      id: youngPersonId,
      detail: { event },
    });
  }

  /** The one assembly of everything Heard holds about a young person. */
  async about(youngPersonId: string): Promise<MyData> {
    const em = this.db.manager;
    const [record, lists, evaluations, invitations] = await Promise.all([
      myRecord(em, youngPersonId),
      myLists(em, youngPersonId),
      this.mySpace.allEvaluations(em, youngPersonId),
      this.mySpace.invitationsOf(em, youngPersonId),
    ]);
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return {
      madeAt: this.clock.now().toISOString(),
      aboutThisFile: [
        'This is everything Heard keeps about you.',
        'Staff notes about keeping you safe are not in it.',
        'If you sent us a worry, it shows only the day you sent it.',
        'Ask your participation worker if you have a question about it.',
      ],
      record: {
        preferredName: record.preferredName,
        dateOfBirth: record.dateOfBirth,
        serviceExperiences: lists.experiences,
        contact: record.contact,
        parentCarer: record.parentCarer,
        accessibilityNeeds: record.accessibilityNeeds,
        communicationNeeds: record.communicationNeeds,
        participationPreference: record.participationPreference,
        decidesForThemselves: record.decidesForThemselves,
        quotesNamed: record.quotesNamed,
        trustedAdults: lists.adults,
        createdAt: new Date(record.createdAt).toISOString(),
      },
      groups: lists.groups,
      sessionsAttended: lists.sessions.map((s) => ({ ...s, startsAt: new Date(s.startsAt).toISOString() })),
      invitations,
      consents: lists.consents.map((c) => ({
        ...c,
        purpose: c.purpose as MyData['consents'][number]['purpose'],
        givenBy: c.givenBy as MyData['consents'][number]['givenBy'],
        withdrawnAt: iso(c.withdrawnAt),
      })),
      evaluations,
      oneToOnes: lists.oneToOnes.map((o) => ({ ...o, when: iso(o.when) })),
      deletionRequests: lists.deletions.map((d) => ({
        what: d.what,
        at: new Date(d.at).toISOString(),
        handledAt: iso(d.handledAt),
        outcome: d.outcome,
      })),
      erasureRequests: lists.erasures.map((e) => ({
        ...e,
        decidedAt: iso(e.decidedAt),
        carriedOutAt: iso(e.carriedOutAt),
      })),
      worries: lists.worries,
      responseRatings: lists.ratings.map((r) => ({
        youSaid: r.youSaid,
        face: ratingFaceOf(r.rating),
        comment: r.comment,
        ratedAt: new Date(r.ratedAt).toISOString(),
      })),
      whoLooked: lists.looked.map((l) => ({
        role: ROLE_LABELS[l.role as Role] ?? l.role,
        what: LOOKED_AT[l.entityType] ?? l.entityType,
        at: new Date(l.at).toISOString(),
      })),
      youSaid: lists.said,
      quotes: lists.quotes.map((q) => ({ words: q.words, at: new Date(q.at).toISOString() })),
    };
  }
}
