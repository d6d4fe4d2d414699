import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Mine" in the officer's queue (what they took on, what they recorded that nobody has taken on,
 * what an action they own answers) is a filter on each list's index. On issue 12's bench data the
 * overdue list read 10,000 index entries and fetched each row from the table to test it, and found
 * the actions an officer owns by reading every action (no index on owner_id). Each list's index now
 * carries the columns "mine" tests, so the filter runs on the index alone, and actions are indexed
 * by owner.
 */
export class QueueMineIndexes1765300000000 implements MigrationInterface {
  name = 'QueueMineIndexes1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX actions_owner_idx ON actions (owner_id, id);

      DROP INDEX you_said_items_to_acknowledge_idx;
      CREATE INDEX you_said_items_to_acknowledge_idx ON you_said_items (acknowledge_by, id)
        INCLUDE (created_by, acknowledged_by) WHERE acknowledged_at IS NULL;

      DROP INDEX you_said_items_stage_acknowledge_idx;
      CREATE INDEX you_said_items_stage_acknowledge_idx ON you_said_items (acknowledge_by, id)
        INCLUDE (created_by, acknowledged_by) WHERE stage = 'to_acknowledge';

      DROP INDEX you_said_items_next_due_idx;
      CREATE INDEX you_said_items_next_due_idx ON you_said_items (next_due_on, acknowledge_by, id)
        INCLUDE (acknowledged_at, created_by, acknowledged_by) WHERE stage <> 'closed' AND next_due_on IS NOT NULL;

      DROP INDEX you_said_items_stage_idx;
      CREATE INDEX you_said_items_stage_idx ON you_said_items (stage, said_on DESC, id)
        INCLUDE (created_by, acknowledged_by);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX you_said_items_stage_idx;
      CREATE INDEX you_said_items_stage_idx ON you_said_items (stage, said_on DESC, id);
      DROP INDEX you_said_items_next_due_idx;
      CREATE INDEX you_said_items_next_due_idx ON you_said_items (next_due_on, acknowledge_by, id)
        WHERE stage <> 'closed' AND next_due_on IS NOT NULL;
      DROP INDEX you_said_items_stage_acknowledge_idx;
      CREATE INDEX you_said_items_stage_acknowledge_idx ON you_said_items (acknowledge_by, id)
        WHERE stage = 'to_acknowledge';
      DROP INDEX you_said_items_to_acknowledge_idx;
      CREATE INDEX you_said_items_to_acknowledge_idx ON you_said_items (acknowledge_by) WHERE acknowledged_at IS NULL;
      DROP INDEX actions_owner_idx;
    `);
  }
}
