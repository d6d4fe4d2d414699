import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marks each column that holds special category or criminal offence data (issue 17 §4) with a
 * comment, so anyone reading the schema (a DBA, a backup restored elsewhere, a reporting tool) sees
 * it. The list's home is SPECIAL_CATEGORY_FIELDS in libs/domain/src/privacy/special-category.ts;
 * the comments are written out because a migration never changes, and
 * test/api/special-category.integration-spec.ts fails if they and the list differ.
 */
export class SpecialCategoryMarked1765310000000 implements MigrationInterface {
  name = 'SpecialCategoryMarked1765310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      COMMENT ON COLUMN young_people.accessibility_needs IS 'special category: health, disability';
      COMMENT ON COLUMN young_people.communication_needs IS 'special category: health, disability';
      COMMENT ON COLUMN young_person_service_experiences.kind
        IS 'special category: SEND (send_ehcp), criminal offence (youth_justice)';
      COMMENT ON COLUMN worries.words IS 'special category: health, criminal offence';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      COMMENT ON COLUMN worries.words IS NULL;
      COMMENT ON COLUMN young_person_service_experiences.kind IS NULL;
      COMMENT ON COLUMN young_people.communication_needs IS NULL;
      COMMENT ON COLUMN young_people.accessibility_needs IS NULL;
    `);
  }
}
