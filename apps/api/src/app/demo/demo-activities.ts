import {
  ConsentPurpose,
  InvitationChannel,
  InvitationStatus,
  PhotoPlan,
  addDays,
  sendingEvent,
  todayInLondon,
  zonedToUtc,
} from '@heard/domain';
import { EntityManager } from 'typeorm';

export interface DemoPerson {
  id: string;
  name: string;
  email: string | null;
  onlyViaTrustedAdult: boolean;
  linkedToPractitioner: boolean;
}

const DECLINE_REASONS = [
  'Football training',
  'Visiting family',
  null,
  'Feeling anxious about new places',
  null,
  'School trip',
];

async function insertActivity(
  em: EntityManager,
  a: {
    title: string;
    date: string;
    start: string;
    end: string;
    venue: string;
    accessibility: string;
    capacity: number;
    requiredConsents: ConsentPurpose[];
    transport: string;
    photos: PhotoPlan;
    agenda: string;
    createdBy: string;
  },
): Promise<string> {
  const [{ id }]: { id: string }[] = await em.query(
    `INSERT INTO activity_days (title, date, start_time, end_time, starts_at, ends_at, venue, accessibility, capacity,
       cohort_min_age, cohort_max_age, professionals, budget_pence, transport, photos, agenda, required_consents, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 10, 17, 'Two children''s reviewing officers', 30000, $10, $11, $12, $13, $14)
     RETURNING id`,
    [
      a.title,
      a.date,
      a.start,
      a.end,
      zonedToUtc(a.date, a.start),
      zonedToUtc(a.date, a.end),
      a.venue,
      a.accessibility,
      a.capacity,
      a.transport,
      a.photos,
      a.agenda,
      a.requiredConsents,
      a.createdBy,
    ],
  );
  return id;
}

async function insertInvitation(
  em: EntityManager,
  activityId: string,
  date: string,
  person: DemoPerson,
  status: string,
  ids: { officerId: string; practitionerId: string },
  declineReason: string | null = null,
): Promise<void> {
  // Never through a channel they have not agreed to: email if they gave one, their trusted adult if
  // only via one, otherwise in person.
  const viaAdult = person.onlyViaTrustedAdult;
  const channel = viaAdult
    ? InvitationChannel.Letter
    : person.email
      ? InvitationChannel.Email
      : InvitationChannel.InPerson;
  // Unanswered invitations someone must pass on have not reached anyone yet.
  const honest =
    status === InvitationStatus.Sent && sendingEvent(channel, viaAdult) === 'queue_for_delivery'
      ? InvitationStatus.ToDeliver
      : status;
  await em.query(
    `INSERT INTO invitations (young_person_id, target_kind, activity_id, event_date, channel, via_trusted_adult_id,
       status, decline_reason, answered_at, sent_at, created_by)
     VALUES ($1, 'activity_day', $2, $3, $4, $5, $6, $7, $8, now() - interval '3 days', $9)`,
    [
      person.id,
      activityId,
      date,
      channel,
      viaAdult ? ids.practitionerId : null,
      honest,
      declineReason,
      ['accepted', 'declined', 'waitlisted', 'attended', 'did_not_attend'].includes(status)
        ? new Date()
        : null,
      ids.officerId,
    ],
  );
}

async function insertConsent(
  em: EntityManager,
  personId: string,
  purpose: ConsentPurpose,
  recordedBy: string,
  givenOn: string,
  extra: { withdrawn?: boolean; expiresOn?: string } = {},
): Promise<void> {
  await em.query(
    `INSERT INTO consent_records (young_person_id, purpose, given_by, method, wording, given_on, scope, expires_on,
       recorded_by, withdrawn_at, withdrawn_by, withdrawn_reason)
     VALUES ($1, $2, 'parent', 'form', $3, $4, 'standing', $5, $6, $7, $8, $9)`,
    [
      personId,
      purpose,
      `I agree to ${purpose.replace(/_/g, ' ')} for participation activities this year.`,
      givenOn,
      extra.expiresOn ?? null,
      recordedBy,
      extra.withdrawn ? new Date() : null,
      extra.withdrawn ? recordedBy : null,
      extra.withdrawn ? 'Does not want to be in photos any more.' : null,
    ],
  );
}

/**
 * A past go-karting day whose funnel reads like the reports (twelve invited, six said yes, one
 * came), an upcoming bowling day part-way through its invitations with consents missing, and a
 * one-to-one someone asked for.
 */
export async function loadDemoActivities(
  em: EntityManager,
  people: DemoPerson[],
  ids: { officerId: string; practitionerId: string },
): Promise<void> {
  const today = todayInLondon();
  // Hand-overs need a linked trusted adult; the demo's only practitioner is linked to some.
  const reachable = people.filter((p) => !p.onlyViaTrustedAdult || p.linkedToPractitioner);

  const kartingDate = addDays(today, -30);
  const karting = await insertActivity(em, {
    title: 'Go-karting',
    date: kartingDate,
    start: '10:00',
    end: '14:00',
    venue: 'Trackside Karting, Mill Lane',
    accessibility: 'Adapted karts available; ground-floor café.',
    capacity: 10,
    requiredConsents: [ConsentPurpose.TakingPart],
    transport: 'Minibus from the civic centre at 09:15',
    photos: PhotoPlan.None,
    agenda: 'Rate the new "Who is who" leaflet',
    createdBy: ids.officerId,
  });
  for (const [n, person] of reachable.slice(0, 12).entries()) {
    const status = n === 0 ? 'attended' : n < 6 ? 'did_not_attend' : 'declined';
    await insertInvitation(
      em,
      karting,
      kartingDate,
      person,
      status,
      ids,
      status === 'declined' ? DECLINE_REASONS[n - 6] : null,
    );
  }

  const bowlingDate = addDays(today, 10);
  const bowling = await insertActivity(em, {
    title: 'Bowling and pizza',
    date: bowlingDate,
    start: '13:00',
    end: '16:00',
    venue: 'Lanes Bowling, High Street',
    accessibility: 'Step-free entrance; quiet room available on request.',
    capacity: 6,
    requiredConsents: [ConsentPurpose.TakingPart, ConsentPurpose.Transport],
    transport: 'Minibus from the civic centre at 12:30',
    photos: PhotoPlan.Photos,
    agenda: 'Try the "My plan" booklet and tell us what to change',
    createdBy: ids.officerId,
  });
  const bowlers = reachable.slice(12, 22);
  for (const [n, person] of bowlers.entries()) {
    const status = n < 4 ? 'accepted' : n === 4 ? 'declined' : 'sent';
    await insertInvitation(
      em,
      bowling,
      bowlingDate,
      person,
      status,
      ids,
      status === 'declined' ? 'Football training' : null,
    );
  }
  // Consents: most of those coming have them; one withdrew photo consent; one has none at all.
  for (const [n, person] of bowlers.slice(0, 4).entries()) {
    if (n === 3) continue;
    await insertConsent(em, person.id, ConsentPurpose.TakingPart, ids.officerId, addDays(today, -60));
    await insertConsent(em, person.id, ConsentPurpose.Transport, ids.officerId, addDays(today, -60));
    await insertConsent(em, person.id, ConsentPurpose.PhotosVideo, ids.officerId, addDays(today, -60), {
      withdrawn: n === 1,
    });
    await insertConsent(em, person.id, ConsentPurpose.EmergencyTreatment, ids.officerId, addDays(today, -60));
  }

  const asker = people.find((p) => !p.onlyViaTrustedAdult) ?? people[0];
  await em.query(
    `INSERT INTO one_to_ones (young_person_id, requested_by, topic, status, created_by)
     VALUES ($1, 'young_person', 'Wants to talk about joining a group but feels nervous', 'requested', $2)`,
    [asker.id, ids.officerId],
  );
}
