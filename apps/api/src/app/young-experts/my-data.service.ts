import { Injectable } from '@nestjs/common';
import {
  PLAN_SECTIONS,
  PLEDGE_VERDICT_LABELS,
  REVIEW_PARTICIPATION_LABELS,
  AuditAction,
  AuditRecordType,
  MY_DATA_WORDS,
  MyData,
  ROLE_LABELS,
  Role,
  ratingFaceOf,
} from '@heard/domain';
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
  review_participation: 'Your review meetings',
};

const EMAIL_TO = {
  you: MY_DATA_WORDS.you,
  parent_carer: MY_DATA_WORDS.parentCarer,
  trusted_adult: MY_DATA_WORDS.trustedAdult,
} as const;

function toldHow(channel: string): string {
  const words: Readonly<Record<string, string>> = MY_DATA_WORDS.toldYouHow;
  return words[channel] ?? channel;
}

/** A member of staff by their role in words, never by name. */
function staffRole(role: string): string {
  return ROLE_LABELS[role as Role] ?? role;
}

/** "You" when they answered on their own pages; else the staff role, never the person's name. */
function writtenDownBy(role: string | null): string {
  if (!role || role === Role.YoungExpert) return MY_DATA_WORDS.you;
  return staffRole(role);
}

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
    const writers = new Map(lists.writers.map((w) => [w.id, w]));
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return {
      madeAt: this.clock.now().toISOString(),
      aboutThisFile: [...MY_DATA_WORDS.aboutThisFile],
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
        placedOutOfArea: record.placedOutOfArea,
        placementAuthority: record.placementAuthority,
        categories: lists.categories,
        quotesNamed: record.quotesNamed,
        trustedAdults: lists.adults,
        createdAt: new Date(record.createdAt).toISOString(),
      },
      account: lists.account && {
        email: lists.account.email,
        status: lists.account.status,
        createdAt: new Date(lists.account.createdAt).toISOString(),
        lastSignedInAt: iso(lists.account.lastSignedInAt),
      },
      joiningCodes: lists.joiningCodes.map((c) => ({
        madeAt: new Date(c.madeAt).toISOString(),
        expiresAt: new Date(c.expiresAt).toISOString(),
        usedAt: iso(c.usedAt),
        stoppedAt: iso(c.stoppedAt),
      })),
      groups: lists.groups,
      sessionsAttended: lists.sessions.map((s) => ({ ...s, startsAt: new Date(s.startsAt).toISOString() })),
      invitations,
      consents: lists.consents.map((c) => ({
        ...c,
        purpose: c.purpose as MyData['consents'][number]['purpose'],
        givenBy: c.givenBy as MyData['consents'][number]['givenBy'],
        withdrawnAt: iso(c.withdrawnAt),
      })),
      askedToEvaluate: lists.askedToEvaluate,
      evaluations: evaluations.map((e) => {
        const writer = writers.get(e.id);
        return {
          ...e,
          writtenDownBy: writtenDownBy(writer?.role ?? null),
          helpedBy: writer?.helpedBy ?? null,
        };
      }),
      evaluationQuotes: lists.evaluationQuotes.map((q) => ({
        ...q,
        chosenAt: new Date(q.chosenAt).toISOString(),
        sharedAt: iso(q.sharedAt),
        takenBackAt: iso(q.takenBackAt),
      })),
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
      pledgeVerdicts: lists.pledgeVerdicts.map((v) => ({
        pledge: v.pledge,
        verdict: PLEDGE_VERDICT_LABELS[v.verdict],
        words: v.words,
        at: new Date(v.at).toISOString(),
        replacedAt: iso(v.replacedAt),
      })),
      planComments: lists.planComments.map((c) => ({
        plan: c.plan,
        section: PLAN_SECTIONS[c.section].childTitle,
        words: c.words,
        at: new Date(c.at).toISOString(),
        reply: c.reply,
        repliedAt: iso(c.repliedAt),
      })),
      planPictures: lists.planPictures.map((p) => ({
        addedAt: new Date(p.addedAt).toISOString(),
        noLongerShownSince: iso(p.withdrawnAt),
      })),
      reviewMeetings: lists.reviewMeetings.map((r) => ({
        heldOn: r.heldOn,
        code: r.code,
        howYouTookPart: REVIEW_PARTICIPATION_LABELS[r.code],
        youChaired: r.chaired,
        note: r.note,
        recordedBy: r.role ? staffRole(r.role) : null,
        recordedAt: new Date(r.recordedAt).toISOString(),
      })),
      heldChanges: lists.heldChanges.map((h) => ({
        what: MY_DATA_WORDS.heldChange.what[h.kind],
        madeAt: new Date(h.deviceTime).toISOString(),
        why: MY_DATA_WORDS.heldChange.why[h.outcome],
        decision: h.decision ? MY_DATA_WORDS.heldChange.decision[h.decision] : null,
        decidedAt: iso(h.decidedAt),
      })),
      whoLooked: lists.looked.map((l) => ({
        role: staffRole(l.role),
        what: LOOKED_AT[l.entityType] ?? l.entityType,
        at: new Date(l.at).toISOString(),
      })),
      youSaid: lists.said,
      quotes: lists.quotes.map((q) => ({ words: q.words, at: new Date(q.at).toISOString() })),
      toldYouBack: lists.toldBack.map((l) => ({
        youSaid: l.youSaid,
        message: l.message,
        how: toldHow(l.channel),
        at: new Date(l.at).toISOString(),
      })),
      emails: lists.emails.map((m) => ({
        to: EMAIL_TO[m.to],
        kind: m.kind,
        subject: m.subject,
        status: m.status,
        at: new Date(m.at).toISOString(),
        sentAt: iso(m.sentAt),
      })),
    };
  }
}
