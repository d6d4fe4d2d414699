import { ServiceExperienceKind, TrustedAdultRelationship } from '@heard/domain';
import { EntityManager } from 'typeorm';
import { readPrepared } from '../../platform/database/database';
import { YoungPerson } from './entities/young-person.entity';

/** One young person's record as a staff read and its commands use it, with their periods and adults. */
export type YoungPersonRecord = Pick<
  YoungPerson,
  | 'id'
  | 'preferredName'
  | 'dateOfBirth'
  | 'contact'
  | 'parentCarer'
  | 'accessibilityNeeds'
  | 'communicationNeeds'
  | 'participationPreference'
  | 'decidesForThemselves'
  | 'confidentialityNotes'
  | 'placedOutOfArea'
  | 'placementAuthority'
  | 'archivedAt'
  | 'createdAt'
> & {
  serviceExperiences: { kind: ServiceExperienceKind; from: string; to: string | null }[];
  trustedAdults: { userId: string; relationship: TrustedAdultRelationship }[];
};

type RecordRow = Omit<YoungPersonRecord, 'serviceExperiences' | 'trustedAdults'> & {
  serviceExperiences: YoungPersonRecord['serviceExperiences'] | null;
  trustedAdults: YoungPersonRecord['trustedAdults'] | null;
};

/**
 * The record in one prepared statement: every record read runs it, and building it through
 * TypeORM's query builder and hydrating its joined rows cost more than the query itself. Adults
 * come by their user id: TypeORM's join had no order, and a table's physical order (ctid) is not
 * the order rows were entered once PostgreSQL reuses a page's space. Periods are ordered where the
 * answer is made (YoungPeopleService).
 */
export async function selectYoungPersonRecord(
  em: EntityManager,
  id: string,
): Promise<YoungPersonRecord | null> {
  const [row] = await readPrepared<RecordRow>(
    em,
    `SELECT yp.id, yp.preferred_name AS "preferredName", yp.date_of_birth AS "dateOfBirth", yp.contact,
            yp.parent_carer AS "parentCarer", yp.accessibility_needs AS "accessibilityNeeds",
            yp.communication_needs AS "communicationNeeds", yp.participation_preference AS "participationPreference",
            yp.decides_for_themselves AS "decidesForThemselves", yp.confidentiality_notes AS "confidentialityNotes",
            yp.placed_out_of_area AS "placedOutOfArea", yp.placement_authority AS "placementAuthority",
            yp.archived_at AS "archivedAt", yp.created_at AS "createdAt",
            (SELECT json_agg(json_build_object('kind', se.kind, 'from', se.from_date, 'to', se.to_date))
               FROM young_person_service_experiences se WHERE se.young_person_id = yp.id) AS "serviceExperiences",
            (SELECT json_agg(json_build_object('userId', ta.user_id, 'relationship', ta.relationship) ORDER BY ta.user_id)
               FROM young_person_trusted_adults ta WHERE ta.young_person_id = yp.id) AS "trustedAdults"
       FROM young_people yp WHERE yp.id = $1`,
    [id],
  );
  if (!row) return null;
  return {
    ...row,
    serviceExperiences: row.serviceExperiences ?? [],
    trustedAdults: row.trustedAdults ?? [],
  };
}
