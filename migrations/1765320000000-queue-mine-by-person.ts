import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The queue's "mine" is a set of ids worked out once a query (action-log-queue.service.ts): the
 * open items an officer took on, what they recorded that nobody has taken on yet, and what the
 * actions they own answer (actions_owner_idx). Each branch is read from an index that holds the ids,
 * so the set costs no visit to the table.
 */
export class QueueMineByPerson1765320000000 implements MigrationInterface {
  name = 'QueueMineByPerson1765320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX you_said_items_taken_on_open_idx ON you_said_items (acknowledged_by, id) WHERE closed_at IS NULL;
      CREATE INDEX you_said_items_created_unacknowledged_idx ON you_said_items (created_by, id)
        WHERE acknowledged_by IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP INDEX you_said_items_created_unacknowledged_idx; DROP INDEX you_said_items_taken_on_open_idx`,
    );
  }
}
