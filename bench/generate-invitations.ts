/**
 * Invitations to the generated activity days (those generate-evaluations.ts makes, one a practice
 * tool, all in the past), so the funnel and reach's "invited" and "came" are measured on real
 * volumes: by default a young person in 500 to each day (40 a day at 20,000 young people), each
 * invitation already in the state a past day leaves it in. Only past days are invited to, so the
 * reminder job and the "tell by hand" list have nothing to do with them.
 */
import { InvitationChannel, InvitationStatus } from '@heard/domain';
import { DataSource } from 'typeorm';

export interface InvitationSizes {
  /** Young people invited to each activity day (0: no invitations). */
  perDay: number;
}

/** The default for --invitations-per-day: one young person in 500, and at least one. */
export function invitationsPerDay(youngPeople: number): number {
  return Math.max(1, Math.round(youngPeople / 500));
}

const S = InvitationStatus;
const C = InvitationChannel;

/**
 * How a past day's invitations end, out of 100 (an invitation's bucket is a hash of the day and the
 * young person): most who were told came or said no; some invitations were never sent, never
 * recorded as reaching anyone (to deliver), withdrawn, or never answered; a few who said yes did not
 * come, or were never marked. No one is on a waiting list: the generated days have no capacity.
 * Statuses are the honest invitation states (migrations/1764400000000), so COUNTS_AS_INVITED leaves
 * out drafts, those still to deliver and withdrawn ones: 90 in 100 count as invited.
 */
const ENDINGS: readonly { upTo: number; status: InvitationStatus }[] = [
  { upTo: 2, status: S.Draft },
  { upTo: 7, status: S.ToDeliver },
  { upTo: 10, status: S.Withdrawn },
  { upTo: 22, status: S.Sent },
  { upTo: 25, status: S.HandedOver },
  { upTo: 45, status: S.Declined },
  { upTo: 47, status: S.Accepted },
  { upTo: 87, status: S.Attended },
  { upTo: 100, status: S.DidNotAttend },
];

const DECLINE_REASONS = [
  'Got school that day',
  'Not feeling up to it',
  'Seeing my family',
  'No way to get there',
];
/** Young people placed out of area mostly cannot come: the reach page should show them missing. */
const TOO_FAR = 'Too far to travel';

/** The statuses in which they answered (yes or no), so answered_at is set. */
const ANSWERED = [S.Declined, S.Accepted, S.Attended, S.DidNotAttend];
/** Channels Heard cannot send itself: the invitation reached them only when someone recorded it. */
const PASSED_ON = [C.Phone, C.WhatsApp, C.VoiceNote, C.InPerson];

/** `'a','b'` for SQL: enum members only, never user input. */
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');

export async function generateInvitations(
  db: DataSource,
  sizes: InvitationSizes,
  timed: (label: string, work: () => Promise<unknown>) => Promise<void>,
): Promise<void> {
  const [{ days }] = (await db.query(
    `SELECT count(*)::int AS days FROM activity_days WHERE date < current_date`,
  )) as { days: number }[];
  await timed(`~${days * sizes.perDay} invitations to ${days} past activity days`, () =>
    db.query(
      // Each day invites perDay different young people (7919·day + 131·k mod n is distinct for
      // k < n, as 131 is prime to n unless n is a multiple of 131). Email mostly, then the ways an
      // officer passes an invitation on; a handed-over one is a letter their trusted adult gave them.
      `WITH yp AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(placed_out_of_area ORDER BY id) AS away
                     FROM young_people),
            officer AS (SELECT id FROM users WHERE role = 'participation_officer' ORDER BY email LIMIT 1),
            day AS (SELECT id, date, row_number() OVER (ORDER BY id) AS n FROM activity_days WHERE date < current_date),
            pick AS (
              SELECT day.id AS day_id, day.date, 1 + (day.n * 7919 + k * 131) % array_length(yp.ids, 1) AS pi
                FROM day, yp, generate_series(1, LEAST($1, (SELECT array_length(ids, 1) FROM yp))) k),
            i AS (
              SELECT pick.day_id, pick.date, yp.ids[pick.pi] AS young_person_id, yp.away[pick.pi] AS away,
                     hashtext(pick.day_id::text || yp.ids[pick.pi]::text) AS h
                FROM pick, yp),
            ended AS (
              SELECT i.*, CASE ${ENDINGS.map((e) => `WHEN (i.h & 1023) % 100 < ${e.upTo} THEN '${e.status}'`).join(' ')} END AS drawn
                FROM i),
            s AS (
              SELECT ended.*,
                     -- Placed out of area, three in four who would have come said no: too far.
                     CASE WHEN away AND drawn = '${S.Attended}' AND (h >> 10) & 3 <> 0 THEN '${S.Declined}' ELSE drawn END AS status,
                     away AND drawn = '${S.Attended}' AND (h >> 10) & 3 <> 0 AS too_far,
                     CASE WHEN drawn = '${S.HandedOver}' THEN '${C.Letter}'
                          WHEN drawn = '${S.ToDeliver}' THEN (ARRAY[${list(PASSED_ON)}])[1 + (h >> 12 & 1023) % 4]
                          ELSE (ARRAY[${list([C.Email, C.Email, C.Email, C.Email, C.Email, C.Letter, ...PASSED_ON])}])[1 + (h >> 12 & 1023) % 10]
                     END AS channel
                FROM ended)
       INSERT INTO invitations (young_person_id, target_kind, activity_id, event_date, channel, via_trusted_adult_id,
                                status, decline_reason, withdrawn_reason, sent_at, delivered_at, handed_over_at,
                                answered_at, reminder_sent_at, created_by, created_at, updated_at)
       SELECT s.young_person_id, 'activity_day', s.day_id, s.date, s.channel,
              CASE WHEN s.status = '${S.HandedOver}' THEN
                (SELECT user_id FROM young_person_trusted_adults t WHERE t.young_person_id = s.young_person_id LIMIT 1) END,
              s.status,
              CASE WHEN s.status = '${S.Declined}' THEN
                CASE WHEN s.too_far THEN $2 ELSE ($3::text[])[1 + (s.h >> 14 & 1023) % array_length($3::text[], 1)] END END,
              CASE WHEN s.status = '${S.Withdrawn}' THEN 'The day was for a younger group in the end' END,
              -- Sent (or queued for someone to pass on) three weeks before; passed on a day later.
              CASE WHEN s.status <> '${S.Draft}' THEN s.date - 21 + time '10:00' END,
              CASE WHEN s.channel IN (${list(PASSED_ON)}) AND s.status NOT IN (${list([S.Draft, S.ToDeliver, S.Withdrawn])})
                   THEN s.date - 20 + time '10:00' END,
              CASE WHEN s.status = '${S.HandedOver}' THEN s.date - 18 + time '16:00' END,
              CASE WHEN s.status IN (${list(ANSWERED)}) THEN s.date - 10 + time '19:00' END,
              CASE WHEN s.status IN (${list([S.Accepted, S.Attended, S.DidNotAttend])}) THEN s.date - 2 + time '08:00' END,
              officer.id, s.date - 22 + time '09:00', s.date + time '16:00'
         FROM s, officer`,
      [sizes.perDay, TOO_FAR, DECLINE_REASONS],
    ),
  );
}
