import {
  ANONYMISED_KINDS,
  ANONYMOUS_NAME,
  AnonymisationReason,
  AnonymisedCounts,
  AnonymisedKind,
  ERASED_WORDS,
  namesIn,
  wholeWordsPattern,
  FINAL_STATUSES,
  InvitationStatus,
  LIVE_STATUSES,
  todayInLondon,
} from '@heard/domain';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../platform/errors/domain-error';
import { forgetKeysAbout } from '../../platform/idempotency/idempotency.queries';

export type { AnonymisedCounts } from '@heard/domain';

export interface AnonymisationContext {
  /** Why: the young person's own request, or the end of a retention period. */
  reason: AnonymisationReason;
  /** When, from the caller's clock, so a job and its test agree on the day. */
  at: Date;
  /** Who decided (null for a scheduled job): recorded where a row names who closed it. */
  byUserId: string | null;
}

/** What stands in for a withdrawn mail's address, subject and error: the row stays, the person goes. */
const ERASED_ADDRESS = 'erased@erased.invalid';
const ERASED_SUBJECT = 'Removed when a young person’s details were erased';
const MAIL_WITHDRAWN = 'Withdrawn before sending: the young person’s details were erased.';
const INVITATION_WITHDRAWN = 'Withdrawn: the young person’s details were erased.';
const CONSENT_ENDED = 'Ended: the young person’s details were erased.';
const CONSENT_REASON_REMOVED = 'Withdrawn earlier; the reason was removed when their details were erased.';
const REQUEST_HANDLED = 'Done: all of their details were erased.';
const REVIEW_TITLE = 'A review meeting';
const SESSION_ENDED = 'erased';

/**
 * What a young person's contact preferences become: no way to reach them. The same shape the
 * contract has, so every reader of the record keeps working.
 */
const NO_CONTACT = {
  email: null,
  phone: null,
  whatsapp: null,
  letter: null,
  onlyViaTrustedAdult: false,
};

/**
 * Invitations still open (live, not final, not declined): on a day to come the young person must no
 * longer be expected. Enum members, never input.
 */
const OPEN_STATUSES = [...LIVE_STATUSES]
  .filter((s) => !FINAL_STATUSES.has(s) && s !== InvitationStatus.Declined)
  .map((s) => `'${s}'`)
  .join(',');

const ARCHIVE_REASON: Readonly<Record<AnonymisationReason, string>> = {
  erasure: 'Their details were erased on request.',
  retention: 'Their details were anonymised at the end of the retention period.',
};

/**
 * A worry the young person raised that no safeguarding contact has acknowledged yet keeps them from
 * being anonymised, by a decision or by the retention job: anonymising replaces a worry's words, so
 * it must be read first. SQL over the young person id column given.
 */
export function worryAwaitingAcknowledgementSql(youngPersonIdColumn: string): string {
  return `EXISTS (SELECT 1 FROM worries w WHERE w.young_person_id = ${youngPersonIdColumn} AND w.acknowledged_at IS NULL)`;
}

/**
 * Anonymises one young person everywhere Heard holds something about them, inside the caller's
 * transaction (an erasure decision, or the retention job), so it all happens or none of it does.
 *
 * What stays is what lets history and figures stay true without saying who: the young person's
 * row (so counts of young people, attendance totals, invitation funnels and evaluation ratings
 * still add up) now called "A young person", with no contact details, needs, notes or links to
 * adults; invitations and consents point at that row; evaluations and quotes keep only text that
 * was already published anonymously. Their account cannot sign in again, and mail not yet sent to
 * or about them is withdrawn. docs/erasure.md lists every kind and why.
 *
 * Idempotent: every statement changes only rows that still hold something to remove, so a second
 * run counts nothing and fails on nothing. The young person's row is locked first, so two processes
 * (two API instances, or a decision and the retention job) never anonymise the same person at once.
 */
export async function anonymiseYoungPerson(
  em: EntityManager,
  youngPersonId: string,
  context: AnonymisationContext,
): Promise<AnonymisedCounts> {
  const counts = Object.fromEntries(ANONYMISED_KINDS.map((k) => [k, 0])) as AnonymisedCounts;
  const [person]: {
    name: string;
    anonymised: boolean;
    email: string | null;
    carerEmail: string | null;
  }[] = await em.query(
    `SELECT preferred_name AS name, anonymised_at IS NOT NULL AS anonymised, contact->>'email' AS email,
            parent_carer->>'email' AS "carerEmail"
       FROM young_people WHERE id = $1 FOR UPDATE`,
    [youngPersonId],
  );
  if (!person) throw DomainError.notFound('This young person');
  const [account]: { id: string; email: string | null }[] = await em.query(
    `SELECT id, email FROM users WHERE young_person_id = $1 FOR UPDATE`,
    [youngPersonId],
  );
  const { at, byUserId } = context;
  const today = todayInLondon(at);

  /** Runs one change and counts the rows it touched (RETURNING through a CTE, on pg and PGlite). */
  const change = async (kind: AnonymisedKind, sql: string, params: unknown[]): Promise<void> => {
    const [{ n }]: { n: number }[] = await em.query(
      `WITH changed AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM changed`,
      params,
    );
    counts[kind] += n;
  };
  const yp = youngPersonId;

  // Text that stays (published anonymously, or an item's summary) loses their name first, while the
  // record still knows it and before the links that find the text are removed.
  const pattern = person.anonymised ? null : wholeWordsPattern(namesIn(person.name));
  if (pattern) {
    const scrub = (column: string) =>
      `${column} = regexp_replace(${column}, $2, '${ANONYMOUS_NAME.toLowerCase()}', 'gi')`;
    const has = (column: string) => `${column} ~* $2`;
    const theirItems = `(y.evaluation_id IN (SELECT id FROM evaluations WHERE young_person_id = $1)
        OR y.id IN (SELECT item_id FROM you_said_speakers WHERE young_person_id = $1))`;
    await change(
      'namesRemovedFromText',
      `UPDATE you_said_items y SET ${scrub('words')}, young_words = CASE WHEN ${has('young_words')}
              THEN regexp_replace(young_words, $2, '${ANONYMOUS_NAME.toLowerCase()}', 'gi') ELSE young_words END
        WHERE ${theirItems} AND (${has('words')} OR ${has('young_words')})`,
      [yp, pattern],
    );
    await change(
      'namesRemovedFromText',
      `UPDATE you_said_quotes SET ${scrub('words')} WHERE young_person_id = $1 AND ${has('words')}`,
      [yp, pattern],
    );
    await change(
      'namesRemovedFromText',
      `UPDATE evaluation_answers SET ${scrub('text')}
        WHERE evaluation_id IN (SELECT id FROM evaluations WHERE young_person_id = $1) AND ${has('text')}`,
      [yp, pattern],
    );
  }

  // Mail first: finding it needs the addresses the record is about to lose.
  const addresses = [person.email, person.carerEmail, account?.email]
    .filter((a): a is string => !!a)
    .map((a) => a.toLowerCase());
  const theirMail = `(lower(m.to_address) = ANY($1::text[])
      OR (m.related_type IN ('invitation', 'invitation_parent_carer')
          AND m.related_id IN (SELECT id FROM invitations WHERE young_person_id = $2))
      OR (m.related_type = 'user' AND m.related_id = $3::uuid)
      OR (m.related_type = 'worry' AND m.related_id IN (SELECT id FROM worries WHERE young_person_id = $2)))`;
  const mailParams = [addresses, yp, account?.id ?? null];
  // A message already claimed by a worker ('sending') is on its way; it is anonymised once done.
  await change(
    'mailWithdrawn',
    `UPDATE mail_outbox m SET status = 'failed', last_error = '${MAIL_WITHDRAWN}', text_body = NULL,
            html_body = NULL, to_address = '${ERASED_ADDRESS}', subject = '${ERASED_SUBJECT}',
            claim_token = NULL, lease_until = NULL
      WHERE m.status = 'pending' AND ${theirMail}`,
    mailParams,
  );
  await change(
    'mailAnonymised',
    `UPDATE mail_outbox m SET to_address = '${ERASED_ADDRESS}', subject = '${ERASED_SUBJECT}',
            text_body = NULL, html_body = NULL,
            last_error = CASE WHEN m.last_error IS NULL OR m.last_error = '${MAIL_WITHDRAWN}' THEN m.last_error
                              ELSE '${ERASED_WORDS}' END
      WHERE m.status IN ('sent', 'failed') AND m.to_address <> '${ERASED_ADDRESS}' AND ${theirMail}`,
    mailParams,
  );

  await change(
    'record',
    `UPDATE young_people SET preferred_name = $2, contact = $3::jsonb,
            date_of_birth = date_trunc('year', date_of_birth)::date,
            accessibility_needs = NULL, communication_needs = NULL, confidentiality_notes = NULL,
            parent_carer = NULL, quotes_named = false, placement_authority = NULL,
            archived_at = COALESCE(archived_at, $4::timestamptz), archive_reason = $6,
            anonymised_at = $4, anonymised_reason = $5, updated_at = $4
      WHERE id = $1 AND anonymised_at IS NULL`,
    [yp, ANONYMOUS_NAME, JSON.stringify(NO_CONTACT), at, context.reason, ARCHIVE_REASON[context.reason]],
  );
  // Service experience is special category data (docs/special-category.md): it goes.
  await change(
    'serviceExperiences',
    `DELETE FROM young_person_service_experiences WHERE young_person_id = $1`,
    [yp],
  );
  // The team's categories can say as much (a young carer, an asylum seeker): the links go.
  await change('categories', `DELETE FROM young_person_categories WHERE young_person_id = $1`, [yp]);
  await change('trustedAdults', `DELETE FROM young_person_trusted_adults WHERE young_person_id = $1`, [yp]);
  // A change kept aside for an officer's decision is about them and nothing else: it goes, decided or not.
  await change('heldChanges', `DELETE FROM held_changes WHERE young_person_id = $1`, [yp]);
  await change(
    'groupMemberships',
    `UPDATE group_memberships SET override_reason = NULL,
            left_on = CASE WHEN left_on IS NULL THEN GREATEST(joined_on, $2::date) ELSE left_on END
      WHERE young_person_id = $1 AND (override_reason IS NOT NULL OR left_on IS NULL)`,
    [yp, today],
  );
  await change(
    'oneToOnes',
    `UPDATE one_to_ones SET topic = $2, location = NULL, outcome = NULL, updated_at = $3,
            status = CASE WHEN status IN ('requested', 'scheduled') THEN 'cancelled' ELSE status END,
            sequence = sequence + CASE WHEN status = 'scheduled' THEN 1 ELSE 0 END
      WHERE young_person_id = $1
        AND (topic <> $2 OR location IS NOT NULL OR outcome IS NOT NULL OR status IN ('requested', 'scheduled'))`,
    [yp, ERASED_WORDS, at],
  );
  // Invitations stay (they were sent, answered, attended: the funnel counts them), minus anything
  // that could say who; those still open for a day to come are withdrawn, and no link answers.
  await change(
    'invitations',
    `UPDATE invitations i SET
            status = CASE WHEN i.status IN (${OPEN_STATUSES}) AND i.event_date >= $2::date THEN '${InvitationStatus.Withdrawn}' ELSE i.status END,
            withdrawn_reason = CASE WHEN i.status IN (${OPEN_STATUSES}) AND i.event_date >= $2::date THEN $3::text
                                    WHEN i.withdrawn_reason IS NULL OR i.withdrawn_reason IN ($3::text, $4::text)
                                      THEN i.withdrawn_reason ELSE $4::text END,
            short_code = NULL, decline_reason = NULL, attendance_override_reason = NULL,
            outside_cohort_reason = CASE WHEN i.outside_cohort THEN $4::text ELSE NULL END,
            review_title = CASE WHEN i.review_title IS NULL THEN NULL ELSE $5::text END, review_venue = NULL,
            to_tell = NULL, to_tell_since = NULL, parent_carer_copy = NULL, parent_carer_news = NULL,
            updated_at = $6
      WHERE i.young_person_id = $1
        AND ((i.status IN (${OPEN_STATUSES}) AND i.event_date >= $2::date) OR i.short_code IS NOT NULL
          OR i.decline_reason IS NOT NULL OR i.attendance_override_reason IS NOT NULL
          OR i.outside_cohort_reason IS DISTINCT FROM (CASE WHEN i.outside_cohort THEN $4::text END)
          OR i.withdrawn_reason NOT IN ($3, $4) OR i.review_title <> $5 OR i.review_venue IS NOT NULL
          OR i.to_tell IS NOT NULL OR i.parent_carer_copy IS NOT NULL OR i.parent_carer_news IS NOT NULL)`,
    [yp, today, INVITATION_WITHDRAWN, ERASED_WORDS, REVIEW_TITLE, at],
  );
  // Consents stay as history (given, when, by whom in kind); none stays in force, and no reason
  // in anyone's words is kept.
  await change(
    'consents',
    `UPDATE consent_records SET
            withdrawn_reason = CASE WHEN withdrawn_at IS NULL THEN $2::text ELSE $3::text END,
            withdrawn_by = CASE WHEN withdrawn_at IS NULL THEN $4::uuid ELSE withdrawn_by END,
            withdrawn_at = COALESCE(withdrawn_at, $5::timestamptz)
      WHERE young_person_id = $1 AND (withdrawn_at IS NULL OR withdrawn_reason IS DISTINCT FROM $3)
        AND withdrawn_reason IS DISTINCT FROM $2`,
    [yp, CONSENT_ENDED, CONSENT_REASON_REMOVED, byUserId, at],
  );

  // Evaluations: the answers become anonymous, as if given through a round's link. A text answer
  // stays only where it was published as an anonymous quote; a named publication loses the name.
  const theirEvaluations = `SELECT id FROM evaluations WHERE young_person_id = $1`;
  await change(
    'evaluationQuotes',
    `UPDATE evaluation_quotes q SET
            published_named = CASE WHEN q.state = 'published' THEN false ELSE q.published_named END,
            state = CASE WHEN q.state = 'chosen' THEN 'withdrawn' ELSE q.state END,
            withdrawn_at = CASE WHEN q.state = 'chosen' THEN $2::timestamptz ELSE q.withdrawn_at END
      WHERE q.evaluation_id IN (${theirEvaluations})
        AND (q.state = 'chosen' OR (q.state = 'published' AND q.published_named))`,
    [yp, at],
  );
  await change(
    'evaluationAnswers',
    `UPDATE evaluation_answers a SET text = $2
      WHERE a.evaluation_id IN (${theirEvaluations}) AND a.text IS NOT NULL AND a.text <> $2
        AND NOT EXISTS (SELECT 1 FROM evaluation_quotes q WHERE q.answer_id = a.id AND q.state = 'published')`,
    [yp, ERASED_WORDS],
  );
  // An item made from their answer keeps its young words only where they are on the public board.
  await change(
    'youSaidItems',
    `UPDATE you_said_items y SET young_words = NULL, attributable = false, updated_at = $2
      WHERE (y.evaluation_id IN (${theirEvaluations})
             OR (y.id IN (SELECT item_id FROM you_said_speakers WHERE young_person_id = $1)
                 AND NOT EXISTS (SELECT 1 FROM you_said_speakers o WHERE o.item_id = y.id AND o.young_person_id <> $1)))
        AND (y.young_words IS NOT NULL OR y.attributable)
        AND NOT EXISTS (SELECT 1 FROM action_answers aa WHERE aa.item_id = y.id AND aa.published_at IS NOT NULL)`,
    [yp, at],
  );
  await change(
    'youSaidItems',
    `UPDATE you_said_items y SET attributable = false, updated_at = $2
      WHERE y.attributable AND y.id IN (SELECT item_id FROM you_said_speakers WHERE young_person_id = $1)`,
    [yp, at],
  );
  await change(
    'evaluations',
    `UPDATE evaluations SET young_person_id = NULL, entered_by = NULL, helped_by = NULL WHERE young_person_id = $1`,
    [yp],
  );

  // Their words on the public board stay there, anonymous; any other quote of theirs goes.
  const onBoard = `EXISTS (SELECT 1 FROM board_quotes b WHERE b.quote_id = q.id AND b.taken_off_at IS NULL)`;
  await change(
    'quotesKeptAnonymous',
    `UPDATE you_said_quotes q SET young_person_id = NULL WHERE q.young_person_id = $1 AND ${onBoard}`,
    [yp],
  );
  await em.query(
    `DELETE FROM board_quotes WHERE quote_id IN (SELECT id FROM you_said_quotes WHERE young_person_id = $1)`,
    [yp],
  );
  await change('quotesRemoved', `DELETE FROM you_said_quotes WHERE young_person_id = $1`, [yp]);
  await change('youSaidSpeakers', `DELETE FROM you_said_speakers WHERE young_person_id = $1`, [yp]);
  await change(
    'responseRatings',
    `UPDATE response_ratings SET comment = NULL WHERE young_person_id = $1 AND comment IS NOT NULL`,
    [yp],
  );
  // Their verdicts on pledges still count in the young people's colour, as anyone's; their words go.
  await change(
    'pledgeVerdicts',
    `UPDATE pledge_verdicts SET words = NULL WHERE young_person_id = $1 AND words IS NOT NULL`,
    [yp],
  );
  // Their comments on a voice plan stay beside the officer's reply, as anyone's; their words go.
  await change(
    'planComments',
    `UPDATE plan_comments SET words = $2 WHERE young_person_id = $1 AND words <> $2`,
    [yp, ERASED_WORDS],
  );
  // Their review meetings still count in the plan's PN1–PN8 distribution, as anyone's; the note goes.
  await change(
    'reviewNotes',
    `UPDATE review_participation SET note = NULL WHERE young_person_id = $1 AND note IS NOT NULL`,
    [yp],
  );
  // A picture they can be recognised in is never shown again and its bytes go; its alt text stays
  // in the plan, which then reads "This picture is no longer shown." (ADR 0035).
  await change(
    'planPictures',
    `UPDATE plan_pictures SET withdrawn_at = $2, bytes = ''::bytea
      WHERE withdrawn_at IS NULL AND id IN (SELECT picture_id FROM plan_picture_people WHERE young_person_id = $1)`,
    [yp, context.at],
  );
  // A published PDF that drew one of those pictures holds it too. A made PDF is otherwise kept as
  // it is; erasure alone may send it back to be made again, its bytes gone (the migration's trigger
  // lets only this transaction, with heard.erasing on, do so). Made again, it prints the alt text.
  await em.query(`SELECT set_config('heard.erasing', 'on', true)`);
  await change(
    'planPdfsMadeAgain',
    `UPDATE plan_documents
        SET status = 'queued', bytes = NULL, made_at = NULL, pictures_drawn = NULL, attempts = 0,
            last_error = NULL, next_attempt_at = now()
      WHERE status = 'ready'
        AND pictures_drawn ?| ARRAY(SELECT picture_id::text FROM plan_picture_people WHERE young_person_id = $1)`,
    [yp],
  );
  await em.query(`SELECT set_config('heard.erasing', 'off', true)`);
  await change(
    'loopTellings',
    `UPDATE loop_tellings SET message = $2 WHERE young_person_id = $1 AND message <> $2`,
    [yp, ERASED_WORDS],
  );
  // A worry reached the safeguarding contacts when it was raised (by mail, outside Heard); here it
  // keeps only that it happened.
  await change(
    'worries',
    `UPDATE worries SET words = $2, acknowledgement_note = NULL
      WHERE young_person_id = $1 AND (words <> $2 OR acknowledgement_note IS NOT NULL)`,
    [yp, ERASED_WORDS],
  );
  await change(
    'deletionRequests',
    `UPDATE deletion_requests SET what = $2,
            outcome = CASE WHEN handled_at IS NOT NULL THEN $2::text WHEN $3::uuid IS NOT NULL THEN $4::text END,
            handled_by = COALESCE(handled_by, $3::uuid),
            handled_at = CASE WHEN handled_at IS NULL AND $3::uuid IS NOT NULL THEN $5::timestamptz ELSE handled_at END
      WHERE young_person_id = $1
        AND (what <> $2 OR (handled_at IS NOT NULL AND outcome <> $2 AND outcome <> $4)
             OR (handled_at IS NULL AND $3::uuid IS NOT NULL))`,
    [yp, ERASED_WORDS, byUserId, REQUEST_HANDLED, at],
  );
  await change(
    'erasureRequests',
    `UPDATE erasure_requests SET details = NULL WHERE young_person_id = $1 AND details IS NOT NULL`,
    [yp],
  );
  await change(
    'enrolmentCodes',
    `UPDATE enrolment_codes SET retired_at = $2
      WHERE young_person_id = $1 AND used_at IS NULL AND retired_at IS NULL`,
    [yp, at],
  );

  if (account) {
    const user = [account.id];
    // The account row stays (it is who did things in the history), named like the record and
    // unable to sign in: no email, password, second factor or pending link.
    await change(
      'account',
      `UPDATE users SET email = NULL, display_name = $2, status = 'deactivated', password_hash = NULL,
              invitation_token_hash = NULL, invitation_expires_at = NULL,
              password_reset_token_hash = NULL, password_reset_expires_at = NULL,
              totp_secret = NULL, totp_pending_secret = NULL, totp_enrolled_at = NULL, totp_last_step = NULL,
              failed_attempts = 0, locked_until = NULL, updated_at = $3
        WHERE id = $1 AND (email IS NOT NULL OR display_name <> $2 OR status <> 'deactivated'
              OR password_hash IS NOT NULL OR invitation_token_hash IS NOT NULL
              OR password_reset_token_hash IS NOT NULL OR totp_secret IS NOT NULL OR totp_pending_secret IS NOT NULL)`,
      [...user, ANONYMOUS_NAME, at],
    );
    await change(
      'sessions',
      `UPDATE sessions SET ended_at = $2, ended_reason = '${SESSION_ENDED}' WHERE user_id = $1 AND ended_at IS NULL`,
      [...user, at],
    );
    await change('passkeys', `DELETE FROM passkeys WHERE user_id = $1`, user);
    await change('recoveryCodes', `DELETE FROM recovery_codes WHERE user_id = $1`, user);
    await em.query(`DELETE FROM webauthn_challenges WHERE user_id = $1`, user);
  }
  // Answers kept for retries (decision 0025) may quote them.
  await forgetKeysAbout(em, yp, account?.id ?? null);
  return counts;
}
