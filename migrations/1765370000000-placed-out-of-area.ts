import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reach (issue 13 §4, docs/reach.md): whether a young person is placed out of area and, if so, the
 * local authority they are placed with. Children placed far away are the ones a council hears from
 * least; without the flag the reach table cannot show it. The authority means nothing otherwise, so
 * the row cannot hold one without the flag.
 */
export class PlacedOutOfArea1765370000000 implements MigrationInterface {
  name = 'PlacedOutOfArea1765370000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE young_people
        ADD COLUMN placed_out_of_area boolean NOT NULL DEFAULT false,
        ADD COLUMN placement_authority varchar(100)
          CONSTRAINT young_people_placement_authority_length
            CHECK (placement_authority IS NULL OR char_length(btrim(placement_authority)) BETWEEN 1 AND 100),
        ADD CONSTRAINT young_people_placement_authority_only_out_of_area
          CHECK (placement_authority IS NULL OR placed_out_of_area);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE young_people
        DROP CONSTRAINT young_people_placement_authority_only_out_of_area,
        DROP COLUMN placement_authority,
        DROP COLUMN placed_out_of_area;
    `);
  }
}
