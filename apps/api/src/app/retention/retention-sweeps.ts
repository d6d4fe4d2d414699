import { RetentionCutoff, RetentionKind } from '@heard/domain';
import { EntityManager } from 'typeorm';

/** What takes the place of words that had to go: the row still says something was there. */
export const REMOVED = 'Removed after its retention period.';

/** An address that can never be delivered to (RFC 2606's .invalid), in place of a recipient's. */
export const REMOVED_ADDRESS = 'removed@retention.invalid';

/**
 * One kind's sweep: anonymises (or, for housekeeping rows, deletes) what has passed `cutoff` and
 * returns how many records it changed. Each only touches rows that still hold something to remove,
 * so a second run changes nothing and counts 0. The young people kind is not here: a whole young
 * person is anonymised by the erasure home, anonymiseYoungPerson (see RetentionJob).
 */
export type Sweep = (em: EntityManager, cutoff: RetentionCutoff) => Promise<number>;

/** How many rows a data-modifying statement touched, as one number. */
async function counted(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const [row]: { n: number }[] = await em.query(
    `WITH done AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM done`,
    params,
  );
  return row.n;
}

export const SWEEPS: Readonly<Record<Exclude<RetentionKind, RetentionKind.YoungPerson>, Sweep>> = {
  // The invitation and its answer stay for the funnel; the reasons, the letter's code and the
  // adult who handed it over go. An invitation outside the cohort must still say there was a reason.
  [RetentionKind.Invitation]: (em, cutoff) =>
    counted(
      em,
      `UPDATE invitations
          SET decline_reason = NULL, withdrawn_reason = NULL, attendance_override_reason = NULL,
              outside_cohort_reason = CASE WHEN outside_cohort THEN $2 END,
              review_venue = NULL, short_code = NULL, via_trusted_adult_id = NULL
        WHERE event_date < $1
          AND (decline_reason IS NOT NULL OR withdrawn_reason IS NOT NULL OR attendance_override_reason IS NOT NULL
               OR outside_cohort_reason IS DISTINCT FROM CASE WHEN outside_cohort THEN $2 END
               OR review_venue IS NOT NULL OR short_code IS NOT NULL OR via_trusted_adult_id IS NOT NULL)`,
      [cutoff.on, REMOVED],
    ),

  // That consent was given, in which words, and withdrawn, is the record the law asks for: it stays.
  [RetentionKind.ConsentRecord]: (em, cutoff) =>
    counted(
      em,
      `UPDATE consent_records c SET withdrawn_reason = NULL, withdrawn_by = NULL
        WHERE (c.withdrawn_reason IS NOT NULL OR c.withdrawn_by IS NOT NULL)
          AND least((c.withdrawn_at AT TIME ZONE 'Europe/London')::date, c.expires_on,
                    (SELECT a.date FROM activity_days a WHERE a.id = c.activity_id)) < $1`,
      [cutoff.on],
    ),

  // Ratings, age band and occasion stay so results still add up; who and their own words go. A
  // quote already published keeps its (now anonymous) words, as published material does. The
  // revision rises so a round's cached results are worked out again.
  [RetentionKind.Evaluation]: async (em, cutoff) => {
    const rewritten: { evaluation_id: string }[] = await em.query(
      `WITH done AS (
         UPDATE evaluation_answers a SET text = $2
           FROM evaluations e
          WHERE e.id = a.evaluation_id AND e.answered_on < $1 AND a.text IS NOT NULL AND a.text <> $2
            AND NOT EXISTS (SELECT 1 FROM evaluation_quotes q WHERE q.answer_id = a.id AND q.state = 'published')
          RETURNING a.evaluation_id)
       SELECT DISTINCT evaluation_id FROM done`,
      [cutoff.on, REMOVED],
    );
    return counted(
      em,
      `UPDATE evaluations SET young_person_id = NULL, entered_by = NULL, helped_by = NULL, revision = revision + 1
        WHERE answered_on < $1
          AND (young_person_id IS NOT NULL OR entered_by IS NOT NULL OR helped_by IS NOT NULL OR id = ANY($2::uuid[]))`,
      [cutoff.on, rewritten.map((r) => r.evaluation_id)],
    );
  },

  // Only closed items: an open one is still being answered to the people who said it. Quotes keep
  // their young person, so that person's quote consent still decides whether the board shows them;
  // they lose the link when the young person's record is anonymised.
  [RetentionKind.YouSaidAttribution]: async (em, cutoff) => {
    const items: { id: string }[] = await em.query(
      `WITH speakers AS (
         DELETE FROM you_said_speakers sp USING you_said_items y
          WHERE y.id = sp.item_id AND y.closed_at < $1
          RETURNING sp.item_id AS id),
       unattributed AS (
         UPDATE you_said_items SET attributable = false WHERE closed_at < $1 AND attributable
          RETURNING id)
       SELECT id FROM speakers UNION SELECT id FROM unattributed`,
      [cutoff.at],
    );
    return items.length;
  },

  [RetentionKind.OneToOne]: (em, cutoff) =>
    counted(
      em,
      `UPDATE one_to_ones SET topic = $2, outcome = NULL, location = NULL
        WHERE status IN ('done', 'cancelled') AND coalesce(scheduled_at, created_at) < $1
          AND (topic <> $2 OR outcome IS NOT NULL OR location IS NOT NULL)`,
      [cutoff.at, REMOVED],
    ),

  // Never one still waiting for a safeguarding contact.
  [RetentionKind.Worry]: (em, cutoff) =>
    counted(
      em,
      `UPDATE worries SET words = $2, young_person_id = NULL, raised_by = NULL, acknowledgement_note = NULL
        WHERE acknowledged_at < $1
          AND (words <> $2 OR young_person_id IS NOT NULL OR raised_by IS NOT NULL OR acknowledgement_note IS NOT NULL)`,
      [cutoff.at, REMOVED],
    ),

  // Only messages that are done with: one still to send needs its address. An address in the
  // reserved .invalid domain is already anonymised (here, or by an erasure) and is left alone.
  [RetentionKind.MailOutbox]: (em, cutoff) =>
    counted(
      em,
      `UPDATE mail_outbox SET to_address = $2, subject = $3, last_error = NULL
        WHERE status IN ('sent', 'failed') AND created_at < $1 AND to_address NOT LIKE '%.invalid'`,
      [cutoff.at, REMOVED_ADDRESS, REMOVED],
    ),

  [RetentionKind.AuditActor]: (em, cutoff) =>
    counted(
      em,
      `UPDATE audit_events SET actor_user_id = NULL, request_id = NULL
        WHERE at < $1 AND (actor_user_id IS NOT NULL OR request_id IS NOT NULL)`,
      [cutoff.at],
    ),

  // A session's passkey challenges go with it (ON DELETE CASCADE).
  [RetentionKind.StaffSession]: (em, cutoff) =>
    counted(em, `DELETE FROM sessions WHERE coalesce(ended_at, last_seen_at) < $1`, [cutoff.at]),

  [RetentionKind.SignInLink]: async (em, cutoff) => {
    const invitations = await counted(
      em,
      `UPDATE users SET invitation_token_hash = NULL
        WHERE invitation_token_hash IS NOT NULL AND invitation_expires_at < $1`,
      [cutoff.at],
    );
    const resets = await counted(
      em,
      `UPDATE users SET password_reset_token_hash = NULL, password_reset_expires_at = NULL
        WHERE password_reset_token_hash IS NOT NULL AND password_reset_expires_at < $1`,
      [cutoff.at],
    );
    const codes = await counted(
      em,
      `DELETE FROM enrolment_codes WHERE least(used_at, retired_at, expires_at) < $1`,
      [cutoff.at],
    );
    const challenges = await counted(em, `DELETE FROM webauthn_challenges WHERE expires_at < $1`, [
      cutoff.at,
    ]);
    return invitations + resets + codes + challenges;
  },

  [RetentionKind.SignInThrottle]: async (em, cutoff) =>
    (await counted(em, `DELETE FROM login_throttle WHERE window_started_at < $1`, [cutoff.at])) +
    (await counted(em, `DELETE FROM sign_in_delays WHERE last_failure_at < $1`, [cutoff.at])),
};
