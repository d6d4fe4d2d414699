import {
  ContactPreferences,
  ParentCarer,
  ParticipationPreference,
  ServiceExperienceKind,
  ServiceExperiencePeriod,
} from '@heard/domain';
import { EntityManager } from 'typeorm';
import { memberOn } from '../../platform/database/rules-sql';

/** What the invitation, consent and activity rules need to know about a young person, in one query. */
export interface YoungPersonFacts {
  id: string;
  preferredName: string;
  dateOfBirth: string;
  contact: ContactPreferences;
  parentCarer: ParentCarer | null;
  participationPreference: ParticipationPreference;
  decidesForThemselves: boolean;
  accessibilityNeeds: string | null;
  communicationNeeds: string | null;
  archived: boolean;
  serviceExperiences: ServiceExperiencePeriod[];
  /** Linked trusted adults (user ids). */
  trustedAdultIds: string[];
  /** Current group memberships on `on`. */
  groupIds: string[];
}

interface FactsRow {
  id: string;
  preferred_name: string;
  date_of_birth: string;
  contact: ContactPreferences;
  parent_carer: ParentCarer | null;
  participation_preference: ParticipationPreference;
  decides_for_themselves: boolean;
  accessibility_needs: string | null;
  communication_needs: string | null;
  archived: boolean;
  experiences: { kind: ServiceExperienceKind; from: string; to: string | null }[] | null;
  adults: string[] | null;
  group_ids: string[] | null;
}

/** The facts for these young people, by id; missing ids are simply absent from the map. */
export async function loadYoungPersonFacts(
  em: EntityManager,
  ids: readonly string[],
  on: string,
): Promise<Map<string, YoungPersonFacts>> {
  if (ids.length === 0) return new Map();
  const rows: FactsRow[] = await em.query(
    `SELECT yp.id, yp.preferred_name, yp.date_of_birth::text AS date_of_birth, yp.contact, yp.parent_carer, yp.participation_preference,
            yp.decides_for_themselves, yp.accessibility_needs, yp.communication_needs,
            yp.archived_at IS NOT NULL AS archived,
            (SELECT json_agg(json_build_object('kind', se.kind, 'from', se.from_date, 'to', se.to_date))
               FROM young_person_service_experiences se WHERE se.young_person_id = yp.id) AS experiences,
            (SELECT array_agg(ta.user_id::text ORDER BY ta.user_id) FROM young_person_trusted_adults ta
              WHERE ta.young_person_id = yp.id) AS adults,
            (SELECT array_agg(m.group_id::text) FROM group_memberships m
              WHERE m.young_person_id = yp.id AND ${memberOn('m', '$2')}) AS group_ids
       FROM young_people yp WHERE yp.id = ANY($1::uuid[])`,
    [ids, on],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        preferredName: r.preferred_name,
        dateOfBirth: r.date_of_birth,
        contact: r.contact,
        parentCarer: r.parent_carer,
        participationPreference: r.participation_preference,
        decidesForThemselves: r.decides_for_themselves,
        accessibilityNeeds: r.accessibility_needs,
        communicationNeeds: r.communication_needs,
        archived: r.archived,
        serviceExperiences: r.experiences ?? [],
        trustedAdultIds: r.adults ?? [],
        groupIds: r.group_ids ?? [],
      },
    ]),
  );
}
