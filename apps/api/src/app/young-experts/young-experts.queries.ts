import {
  IsoDate,
  MailStatus,
  OfflineChangeKind,
  OneToOneStatus,
  PlanSectionKey,
  PledgeVerdict,
  Rating,
  ReviewParticipationCode,
} from '@heard/domain';
import { EntityManager } from 'typeorm';
import { invitationIs, memberOn } from '../../platform/database/rules-sql';

/**
 * The young experts' own reads. Every query is filtered by the one young person id that
 * linkedYoungPersonId gave, so nothing about another young person can come back.
 */

/** Rounds for them (named, or their group's on the day) that they have not answered; open or not. */
export async function roundsForThem(
  em: EntityManager,
  youngPersonId: string,
  day: IsoDate,
): Promise<string[]> {
  const rows: { id: string }[] = await em.query(
    `SELECT r.id FROM evaluation_rounds r
      WHERE r.closed_at IS NULL AND r.closes_on >= $2::date
        AND ((r.audience = 'named' AND EXISTS (SELECT 1 FROM evaluation_round_invitees i
                WHERE i.round_id = r.id AND i.young_person_id = $1))
          OR (r.audience = 'group' AND EXISTS (SELECT 1 FROM group_memberships m
                WHERE m.group_id = r.group_id AND m.young_person_id = $1 AND ${memberOn('m', '$2::date')})))
        AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.round_id = r.id AND e.young_person_id = $1)
      ORDER BY r.closes_on, r.id LIMIT 100`,
    [youngPersonId, day],
  );
  return rows.map((r) => r.id);
}

export interface MyEvaluationRow {
  id: string;
  roundTitle: string;
  toolName: string;
  versionLabel: string;
  answeredOn: IsoDate;
  pictureMode: boolean;
  questions: { key: string; prompt: string }[];
}

const MY_EVALUATIONS = `SELECT e.id, r.title AS "roundTitle", t.name AS "toolName", v.label AS "versionLabel",
    e.answered_on::text AS "answeredOn", e.picture_mode AS "pictureMode", r.questions
  FROM evaluations e JOIN evaluation_rounds r ON r.id = e.round_id
  JOIN practice_tool_versions v ON v.id = r.tool_version_id JOIN practice_tools t ON t.id = v.tool_id
 WHERE e.young_person_id = $1`;

export function myEvaluations(em: EntityManager, youngPersonId: string): Promise<MyEvaluationRow[]> {
  return em.query(`${MY_EVALUATIONS} ORDER BY e.answered_on DESC, e.created_at DESC, e.id LIMIT 500`, [
    youngPersonId,
  ]);
}

/** One of theirs, or null: another young person's reads the same as one that does not exist. */
export async function myEvaluation(
  em: EntityManager,
  youngPersonId: string,
  id: string,
): Promise<MyEvaluationRow | null> {
  const [row]: MyEvaluationRow[] = await em.query(`${MY_EVALUATIONS} AND e.id = $2`, [youngPersonId, id]);
  return row ?? null;
}

/** Their invitations that reached them, newest day first. */
export async function myInvitationIds(em: EntityManager, youngPersonId: string): Promise<string[]> {
  const rows: { id: string }[] = await em.query(
    `SELECT i.id FROM invitations i WHERE i.young_person_id = $1 AND ${invitationIs.invited('i')}
      ORDER BY i.event_date DESC, i.id LIMIT 200`,
    [youngPersonId],
  );
  return rows.map((r) => r.id);
}

export interface MyRecordRow {
  preferredName: string;
  dateOfBirth: IsoDate;
  contact: unknown;
  parentCarer: unknown;
  accessibilityNeeds: string | null;
  communicationNeeds: string | null;
  participationPreference: string;
  decidesForThemselves: boolean;
  placedOutOfArea: boolean;
  placementAuthority: string | null;
  quotesNamed: boolean;
  createdAt: Date;
}

export async function myRecord(em: EntityManager, youngPersonId: string): Promise<MyRecordRow> {
  const [row]: MyRecordRow[] = await em.query(
    `SELECT preferred_name AS "preferredName", date_of_birth::text AS "dateOfBirth", contact,
            parent_carer AS "parentCarer", accessibility_needs AS "accessibilityNeeds",
            communication_needs AS "communicationNeeds", participation_preference AS "participationPreference",
            decides_for_themselves AS "decidesForThemselves", placed_out_of_area AS "placedOutOfArea",
            placement_authority AS "placementAuthority", quotes_named AS "quotesNamed", created_at AS "createdAt"
       FROM young_people WHERE id = $1`,
    [youngPersonId],
  );
  return row;
}

/** The rest of what Heard holds about them, each list by their id alone. */
export async function myLists(em: EntityManager, youngPersonId: string) {
  const q = <T>(sql: string): Promise<T[]> => em.query(sql, [youngPersonId]);
  const [
    experiences,
    adults,
    groups,
    sessions,
    consents,
    oneToOnes,
    deletions,
    erasures,
    worries,
    looked,
    ratings,
    pledgeVerdicts,
    planComments,
    reviewMeetings,
    planPictures,
    said,
    quotes,
    account,
    joiningCodes,
    askedToEvaluate,
    writers,
    evaluationQuotes,
    toldBack,
    emails,
    categories,
    heldChanges,
  ] = await Promise.all([
    q<{ kind: string; from: IsoDate | null; to: IsoDate | null }>(
      `SELECT kind, from_date::text AS "from", to_date::text AS "to" FROM young_person_service_experiences
          WHERE young_person_id = $1 ORDER BY from_date`,
    ),
    q<{ name: string; relationship: string }>(
      `SELECT u.display_name AS name, a.relationship FROM young_person_trusted_adults a
           JOIN users u ON u.id = a.user_id WHERE a.young_person_id = $1 ORDER BY u.display_name`,
    ),
    q<{ group: string; role: string; joinedOn: IsoDate; leftOn: IsoDate | null }>(
      `SELECT g.name AS "group", m.role, m.joined_on::text AS "joinedOn", m.left_on::text AS "leftOn"
           FROM group_memberships m JOIN groups g ON g.id = m.group_id
          WHERE m.young_person_id = $1 ORDER BY m.joined_on`,
    ),
    q<{ group: string; startsAt: Date; attendance: string }>(
      `SELECT g.name AS "group", s.starts_at AS "startsAt", a.status AS attendance
           FROM attendance a JOIN group_sessions s ON s.id = a.session_id JOIN groups g ON g.id = s.group_id
          WHERE a.young_person_id = $1 ORDER BY s.starts_at`,
    ),
    q<{
      purpose: string;
      givenBy: string;
      method: string;
      wording: string;
      givenOn: IsoDate;
      expiresOn: IsoDate | null;
      withdrawnAt: Date | null;
    }>(
      `SELECT purpose, given_by AS "givenBy", method, wording, given_on::text AS "givenOn",
                expires_on::text AS "expiresOn", withdrawn_at AS "withdrawnAt"
           FROM consent_records WHERE young_person_id = $1 ORDER BY given_on, recorded_at`,
    ),
    q<{
      about: string;
      askedBy: string;
      status: OneToOneStatus;
      when: Date | null;
      outcome: string | null;
    }>(
      `SELECT topic AS about, requested_by AS "askedBy", status, scheduled_at AS "when", outcome
           FROM one_to_ones WHERE young_person_id = $1 ORDER BY created_at`,
    ),
    q<{ what: string; at: Date; handledAt: Date | null; outcome: string | null }>(
      `SELECT what, requested_at AS at, handled_at AS "handledAt", outcome FROM deletion_requests
          WHERE young_person_id = $1 ORDER BY requested_at`,
    ),
    q<{
      receivedOn: IsoDate;
      decision: 'erase' | 'refuse' | 'erase_part' | null;
      reason: string | null;
      decidedAt: Date | null;
      carriedOutAt: Date | null;
    }>(
      `SELECT received_on::text AS "receivedOn", decision, reason, decided_at AS "decidedAt",
              carried_out_at AS "carriedOutAt"
         FROM erasure_requests WHERE young_person_id = $1 ORDER BY recorded_at, id`,
    ),
    // Only the worries they sent themselves, and only the day (docs/young-experts.md says why).
    q<{ toldUsOn: IsoDate }>(
      `SELECT (raised_at AT TIME ZONE 'Europe/London')::date::text AS "toldUsOn" FROM worries
          WHERE young_person_id = $1 AND source_kind = 'young_expert' ORDER BY raised_at`,
    ),
    // Staff reads of their record, consents and review meetings: the role and the time, not the person's name.
    q<{ role: string; entityType: string; at: Date }>(
      `SELECT u.role, a.entity_type AS "entityType", a.at FROM audit_events a JOIN users u ON u.id = a.actor_user_id
          WHERE a.action = 'read'
            AND a.entity_type IN ('young_person', 'young_person_consent', 'review_participation')
            AND a.entity_id = $1::text AND u.role <> 'young_expert'
          ORDER BY a.at DESC LIMIT 500`,
    ),
    // Their "How well did we do?" ratings, beside the item's young words (never the staff summary).
    q<{ youSaid: string | null; rating: Rating; comment: string | null; ratedAt: Date }>(
      `SELECT y.young_words AS "youSaid", r.rating, r.comment, r.rated_at AS "ratedAt"
           FROM response_ratings r JOIN you_said_items y ON y.id = r.item_id
          WHERE r.young_person_id = $1 ORDER BY r.rated_at, r.id`,
    ),
    // Their verdicts on leaders' pledges: the pledge's words, their verdict and words, and whether a
    // later verdict of theirs replaced it (kept, as every change is).
    q<{ pledge: string; verdict: PledgeVerdict; words: string | null; at: Date; replacedAt: Date | null }>(
      `SELECT p.words AS pledge, v.verdict, v.words, v.recorded_at AS at, v.superseded_at AS "replacedAt"
           FROM pledge_verdicts v JOIN pledges p ON p.id = v.pledge_id
          WHERE v.young_person_id = $1 ORDER BY v.recorded_at, v.id`,
    ),
    // Their comments on a voice plan in scrutiny, and the officer's reply (never the officer's name).
    q<{
      plan: number;
      section: PlanSectionKey;
      words: string;
      at: Date;
      reply: string | null;
      repliedAt: Date | null;
    }>(
      `SELECT p.year AS plan, c.section_key AS section, c.words, c.created_at AS at, c.reply,
              c.replied_at AS "repliedAt"
           FROM plan_comments c JOIN plan_versions v ON v.id = c.version_id JOIN voice_plans p ON p.id = v.plan_id
          WHERE c.young_person_id = $1 ORDER BY c.created_at, c.id`,
    ),
    // The reviews of their plan: the code, whether they chaired it, the note (gone after erasure),
    // and the role of the member of staff who recorded it (never their name).
    q<{
      heldOn: IsoDate;
      code: ReviewParticipationCode;
      chaired: boolean;
      note: string | null;
      role: string | null;
      recordedAt: Date;
    }>(
      `SELECT r.held_on::text AS "heldOn", r.code, r.chaired, r.note, u.role, r.recorded_at AS "recordedAt"
           FROM review_participation r LEFT JOIN users u ON u.id = r.recorded_by
          WHERE r.young_person_id = $1 ORDER BY r.held_on, r.recorded_at, r.id`,
    ),
    // Pictures in the plan they can be recognised in: the dates only (the bytes are the plan's).
    q<{ addedAt: Date; withdrawnAt: Date | null }>(
      `SELECT p.uploaded_at AS "addedAt", p.withdrawn_at AS "withdrawnAt"
           FROM plan_picture_people pp JOIN plan_pictures p ON p.id = pp.picture_id
          WHERE pp.young_person_id = $1 ORDER BY p.uploaded_at, p.id`,
    ),
    // You said items that name them as a speaker: the young words and the day (never the staff summary).
    q<{ youSaid: string | null; saidOn: string }>(
      `SELECT y.young_words AS "youSaid", y.said_on::text AS "saidOn"
           FROM you_said_speakers s JOIN you_said_items y ON y.id = s.item_id
          WHERE s.young_person_id = $1 ORDER BY y.said_on, y.id`,
    ),
    // Quotes kept as theirs, word for word.
    q<{ words: string; at: Date }>(
      `SELECT words, created_at AS at FROM you_said_quotes WHERE young_person_id = $1 ORDER BY created_at, id`,
    ),
    // Their account, if any: what it is and when it was used, never a password, code or secret.
    q<{ email: string | null; status: string; createdAt: Date; lastSignedInAt: Date | null }>(
      `SELECT u.email, u.status, u.created_at AS "createdAt", u.last_signed_in_at AS "lastSignedInAt"
           FROM users u WHERE u.young_person_id = $1 ORDER BY u.created_at LIMIT 1`,
    ),
    // Codes made to set up their account: the times only (the code is kept only as a hash).
    q<{ madeAt: Date; expiresAt: Date; usedAt: Date | null; stoppedAt: Date | null }>(
      `SELECT c.issued_at AS "madeAt", c.expires_at AS "expiresAt", c.used_at AS "usedAt", c.retired_at AS "stoppedAt"
           FROM enrolment_codes c WHERE c.young_person_id = $1 ORDER BY c.issued_at`,
    ),
    // Rounds that named them, and whether they answered.
    q<{ round: string; opensOn: IsoDate; closesOn: IsoDate; answered: boolean }>(
      `SELECT r.title AS round, r.opens_on::text AS "opensOn", r.closes_on::text AS "closesOn",
              EXISTS (SELECT 1 FROM evaluations e WHERE e.round_id = r.id AND e.young_person_id = i.young_person_id) AS answered
           FROM evaluation_round_invitees i JOIN evaluation_rounds r ON r.id = i.round_id
          WHERE i.young_person_id = $1 ORDER BY r.opens_on, r.title, r.id`,
    ),
    // Who wrote each evaluation down: themselves, or staff (by role), and who helped.
    q<{ id: string; role: string | null; helpedBy: string | null }>(
      `SELECT e.id, u.role, e.helped_by AS "helpedBy" FROM evaluations e LEFT JOIN users u ON u.id = e.entered_by
          WHERE e.young_person_id = $1`,
    ),
    // Answers of theirs chosen as quotes, and where they were shared.
    q<{
      words: string | null;
      state: string;
      chosenAt: Date;
      sharedWhere: string | null;
      sharedWithName: boolean | null;
      sharedAt: Date | null;
      takenBackAt: Date | null;
    }>(
      `SELECT a.text AS words, q.state, q.chosen_at AS "chosenAt", q.published_where AS "sharedWhere",
              q.published_named AS "sharedWithName", q.published_at AS "sharedAt", q.withdrawn_at AS "takenBackAt"
           FROM evaluation_quotes q JOIN evaluations e ON e.id = q.evaluation_id
           JOIN evaluation_answers a ON a.id = q.answer_id
          WHERE e.young_person_id = $1 ORDER BY q.chosen_at`,
    ),
    // What staff told them back, beside the item's young words (never the staff summary).
    q<{ youSaid: string | null; message: string; channel: string; at: Date }>(
      `SELECT y.young_words AS "youSaid", l.message, l.channel, l.told_at AS at
           FROM loop_tellings l JOIN you_said_items y ON y.id = l.item_id
          WHERE l.young_person_id = $1 ORDER BY l.told_at, l.id`,
    ),
    // Emails to them or about them, found by what they were about: their invitations (to them, a
    // parent or carer, or a trusted adult), their account, and the loop. Bodies are cleared once
    // sent and never read here: they may hold answer links. Safeguarding mail to staff is left out.
    q<{
      to: 'you' | 'parent_carer' | 'trusted_adult';
      kind: string;
      subject: string;
      status: MailStatus;
      at: Date;
      sentAt: Date | null;
    }>(
      `SELECT CASE WHEN m.related_type = 'invitation_parent_carer' THEN 'parent_carer'
                   WHEN starts_with(m.kind, 'trusted_adult_') THEN 'trusted_adult' ELSE 'you' END AS "to",
              m.kind, m.subject, m.status, m.created_at AS at, m.sent_at AS "sentAt"
           FROM mail_outbox m
          WHERE (m.related_type IN ('invitation', 'invitation_parent_carer')
                 AND m.related_id IN (SELECT i.id FROM invitations i WHERE i.young_person_id = $1))
             OR (m.related_type = 'user' AND m.related_id IN (SELECT u.id FROM users u WHERE u.young_person_id = $1))
             OR m.id IN (SELECT l.mail_id FROM loop_tellings l WHERE l.young_person_id = $1)
          ORDER BY m.created_at, m.id LIMIT 2000`,
    ),
    // The team's categories ticked on their record, by name.
    q<{ name: string }>(
      `SELECT c.name FROM young_person_categories l JOIN young_people_categories c ON c.id = l.category_id
          WHERE l.young_person_id = $1 ORDER BY lower(c.name), c.id`,
    ),
    // Changes made about them without signal and kept aside for staff to decide (issue 15).
    q<{
      kind: OfflineChangeKind;
      outcome: 'held-moved' | 'held-consent-withdrawn';
      deviceTime: Date;
      decision: 'applied' | 'discarded' | null;
      decidedAt: Date | null;
    }>(
      `SELECT change_kind AS kind, outcome, device_time AS "deviceTime", decision, decided_at AS "decidedAt"
           FROM held_changes WHERE young_person_id = $1 ORDER BY device_time, id`,
    ),
  ]);
  return {
    experiences,
    adults,
    groups,
    sessions,
    consents,
    oneToOnes,
    deletions,
    erasures,
    worries,
    looked,
    ratings,
    pledgeVerdicts,
    planComments,
    reviewMeetings,
    planPictures,
    said,
    quotes,
    account: account[0] ?? null,
    joiningCodes,
    askedToEvaluate,
    writers,
    evaluationQuotes,
    toldBack,
    emails,
    categories: categories.map((c) => c.name),
    heldChanges,
  };
}
