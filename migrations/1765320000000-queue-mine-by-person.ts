import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The queue's "mine" is a set of ids worked out once a query (action-log-queue.service.ts): the
 * open items an officer took on (you_said_items_open_idx), the actions they own (actions_owner_idx)
 * and what they recorded that nobody has taken on yet, which this index serves.
 */
export class QueueMineByPerson1765320000000 implements MigrationInterface {
  name = 'QueueMineByPerson1765320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX you_said_items_created_unacknowledged_idx ON you_said_items (created_by) WHERE acknowledged_by IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX you_said_items_created_unacknowledged_idx`);
  }
}
