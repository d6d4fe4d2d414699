import { InvitationTargetRequest, IsoDate, OccasionRef, occasionKey, todayInLondon } from '@heard/domain';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../platform/errors/domain-error';
import { OccasionFacts, loadOccasion, loadOccasions, reviewMeetingFacts } from '../occasions/occasion-facts';
import {
  OCCASION_KIND_DEFINITIONS,
  invitationColumnOf,
  invitationOccasionIdSql,
} from '../occasions/occasion-kinds';
import { invitationIs } from '../../platform/database/rules-sql';

/** An occasion someone is invited to: it always has a day. */
export type TargetFacts = OccasionFacts & { date: IsoDate };

/** What a young person will be asked about there. A one-to-one's topic is staff's note of it, not a question. */
export const askedAboutAt = (target: TargetFacts): string | null =>
  target.kind === 'one_to_one' ? null : target.agenda;

/** The occasion of each invitation, by invitation id, in two queries however many there are. */
export async function targetsOf(
  em: EntityManager,
  invitationIds: string[],
): Promise<Map<string, TargetFacts>> {
  if (invitationIds.length === 0) return new Map();
  const rows: { id: string; kind: OccasionRef['kind']; occasion_id: string; event_date: string }[] =
    await em.query(
      `SELECT i.id, i.target_kind AS kind, ${invitationOccasionIdSql('i')} AS occasion_id, i.event_date::text AS event_date
       FROM invitations i WHERE i.id = ANY($1::uuid[])`,
      [invitationIds],
    );
  const occasions = await loadOccasions(
    em,
    rows.map((r) => ({ kind: r.kind, id: r.occasion_id })),
  );
  const targets = new Map<string, TargetFacts>();
  for (const r of rows) {
    const facts = occasions.get(occasionKey({ kind: r.kind, id: r.occasion_id }));
    if (facts) targets.set(r.id, { ...facts, date: facts.date ?? r.event_date });
  }
  return targets;
}

/**
 * The occasion a new invitation would be for, refused when it cannot take invitations: not found,
 * cancelled or closed, already happened, or a one-to-one with no time yet.
 */
export async function resolveTarget(
  em: EntityManager,
  target: InvitationTargetRequest,
): Promise<TargetFacts> {
  const today = todayInLondon();
  if (target.kind === 'review_meeting') {
    if (target.date < today)
      throw DomainError.validation('target.date', 'This date has passed: choose the date of the meeting.');
    return reviewMeetingFacts(target);
  }
  const name = OCCASION_KIND_DEFINITIONS[target.kind].name;
  const facts = await loadOccasion(em, { kind: target.kind, id: target.id });
  if (!facts) throw DomainError.notFound(name);
  if (facts.status === 'cancelled')
    throw new DomainError('conflict', `${name} is cancelled, so nobody can be invited to it.`);
  if (facts.status === 'done')
    throw new DomainError('conflict', `${name} is closed: it has already taken place.`);
  if (!facts.date)
    throw new DomainError('conflict', 'Give this one-to-one a date and time before inviting anyone to it.', {
      'target.id': ['The one-to-one has no date yet.'],
    });
  if (facts.date < today) throw new DomainError('conflict', `${name} has already happened.`);
  return { ...facts, date: facts.date };
}

/** Who among these young people already has a live invitation to this occasion (a review has no record to share). */
export async function alreadyInvited(
  em: EntityManager,
  target: InvitationTargetRequest,
  youngPersonIds: string[],
): Promise<Set<string>> {
  if (target.kind === 'review_meeting' || youngPersonIds.length === 0) return new Set();
  const rows: { young_person_id: string }[] = await em.query(
    `SELECT young_person_id FROM invitations i
      WHERE i.${invitationColumnOf(target.kind)} = $1 AND i.young_person_id = ANY($2::uuid[]) AND ${invitationIs.live('i')}`,
    [target.id, youngPersonIds],
  );
  return new Set(rows.map((r) => r.young_person_id));
}
