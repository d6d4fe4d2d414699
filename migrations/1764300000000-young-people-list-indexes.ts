import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Index-only paths for the young people list on current (not archived) records: by name (the
 * name is included so the sort key can be read without the table), by date of birth, and the
 * service experience filter with its dates, so counting and paging never visit the table.
 */
export class YoungPeopleListIndexes1764300000000 implements MigrationInterface {
  name = 'YoungPeopleListIndexes1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX young_people_current_name_idx ON young_people (lower(preferred_name), id)
        INCLUDE (preferred_name) WHERE archived_at IS NULL;
      CREATE INDEX young_people_current_dob_idx ON young_people (date_of_birth, id) WHERE archived_at IS NULL;
      CREATE INDEX ypse_kind_cover_idx ON young_person_service_experiences (kind, young_person_id)
        INCLUDE (from_date, to_date);
      DROP INDEX ypse_kind_idx;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX ypse_kind_idx ON young_person_service_experiences (kind, young_person_id);
      DROP INDEX ypse_kind_cover_idx; DROP INDEX young_people_current_dob_idx; DROP INDEX young_people_current_name_idx;
    `);
  }
}
