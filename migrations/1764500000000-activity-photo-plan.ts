import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether photos or film will be taken at an activity day, so the invitation can say so before a
 * young person answers. Null is "not said": days already planned said nothing, and Heard must not
 * promise "no photos" on an officer's behalf.
 */
export class ActivityPhotoPlan1764500000000 implements MigrationInterface {
  name = 'ActivityPhotoPlan1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE activity_days ADD COLUMN photos varchar(20)
        CONSTRAINT activity_days_photos_known CHECK (photos IN ('none', 'photos', 'photos_and_film'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE activity_days DROP COLUMN photos;`);
  }
}
