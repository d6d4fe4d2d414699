import { EntityManager } from 'typeorm';
import { DomainError } from '../../platform/errors/domain-error';

export interface Booking {
  groupId: string;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  /** The session being moved, which cannot clash with itself. */
  excludeSessionId?: string;
}

const WHEN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * Refuses a booking when one of the group's facilitators, or its room, is already booked at an
 * overlapping time, naming the clash. Takes transaction-scoped advisory locks on each facilitator
 * and room first, so two officers booking at once cannot both succeed.
 */
export async function assertNoClash(em: EntityManager, booking: Booking): Promise<void> {
  const facilitators: { user_id: string }[] = await em.query(
    `SELECT user_id FROM group_facilitators WHERE group_id = $1 ORDER BY user_id`,
    [booking.groupId],
  );
  const keys = [
    ...facilitators.map((f) => `facilitator:${f.user_id}`),
    ...(booking.venue ? [`room:${booking.venue.trim().toLowerCase()}`] : []),
  ];
  for (const key of keys.sort()) {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [key]);
  }
  const clashes: {
    group_name: string;
    starts_at: Date;
    ends_at: Date;
    facilitator: string | null;
    venue: string | null;
  }[] = await em.query(
    `SELECT g.name AS group_name, s.starts_at, s.ends_at, u.display_name AS facilitator,
            CASE WHEN $4::text IS NOT NULL AND lower(trim(s.venue)) = lower(trim($4::text)) THEN s.venue END AS venue
       FROM group_sessions s
       JOIN groups g ON g.id = s.group_id
       LEFT JOIN group_facilitators f ON f.group_id = s.group_id
            AND f.user_id IN (SELECT user_id FROM group_facilitators WHERE group_id = $1)
       LEFT JOIN users u ON u.id = f.user_id
      WHERE s.status = 'scheduled'
        AND s.starts_at < $3 AND s.ends_at > $2
        AND ($5::uuid IS NULL OR s.id <> $5::uuid)
        AND (f.user_id IS NOT NULL OR ($4::text IS NOT NULL AND lower(trim(s.venue)) = lower(trim($4::text))))
      ORDER BY s.starts_at
      LIMIT 5`,
    [booking.groupId, booking.startsAt, booking.endsAt, booking.venue, booking.excludeSessionId ?? null],
  );
  if (clashes.length === 0) return;
  const c = clashes[0];
  const when = `${WHEN.format(c.starts_at)}–${WHEN.format(c.ends_at).split(', ').pop()}`;
  const what = c.facilitator
    ? `${c.facilitator} is already facilitating ${c.group_name} on ${when}.`
    : `${c.venue} is already booked for ${c.group_name} on ${when}.`;
  // The clash is named once, on its field: a problem alert shows the detail and the field messages
  // together, so naming it in both said the same sentence twice.
  throw new DomainError(
    'conflict',
    c.facilitator
      ? 'This clashes with another session: choose another time, or change the facilitators.'
      : 'This clashes with another session: choose another time or room.',
    { [c.facilitator ? 'facilitatorIds' : 'venue']: [what] },
  );
}
