import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A young expert can ask for something Heard holds about them to be deleted (issue 11 §9, the
 * Children's Code's online tools). The request itself deletes nothing: officers see it, decide and
 * answer; erasure stays a deliberate, audited act. Never deleted, so the ask is on record.
 */
export class DeletionRequests1765150000000 implements MigrationInterface {
  name = 'DeletionRequests1765150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deletion_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        young_person_id uuid NOT NULL REFERENCES young_people(id),
        what text NOT NULL CONSTRAINT deletion_requests_what_length CHECK (char_length(what) BETWEEN 1 AND 2000),
        requested_by uuid NOT NULL REFERENCES users(id),
        requested_at timestamptz NOT NULL DEFAULT now(),
        handled_at timestamptz,
        handled_by uuid REFERENCES users(id)
      );
      CREATE INDEX deletion_requests_person_idx ON deletion_requests (young_person_id);
      CREATE INDEX deletion_requests_open_idx ON deletion_requests (requested_at) WHERE handled_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deletion_requests;`);
  }
}
