import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure on request (issue 17 §2). A young person's record says when and why it was anonymised, so
 * anonymising is done once and lists can leave them out; each request to erase is kept with who
 * asked, how and when, the decision in plain words, who made it and when it was carried out. The
 * request row stays after erasure: it is the proof that the council did what was asked.
 */
export class Erasure1765330000000 implements MigrationInterface {
  name = 'Erasure1765330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE young_people
        ADD COLUMN anonymised_at timestamptz,
        ADD COLUMN anonymised_reason varchar(16)
          CONSTRAINT young_people_anonymised_reason_known CHECK (anonymised_reason IN ('erasure', 'retention')),
        ADD CONSTRAINT young_people_anonymised_whole CHECK ((anonymised_at IS NULL) = (anonymised_reason IS NULL));

      CREATE TABLE erasure_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        young_person_id uuid NOT NULL REFERENCES young_people(id),
        asked_by varchar(16) NOT NULL
          CONSTRAINT erasure_requests_asked_by_known CHECK (asked_by IN ('young_person', 'parent_carer', 'trusted_adult', 'other')),
        received_how varchar(16) NOT NULL
          CONSTRAINT erasure_requests_received_how_known CHECK (received_how IN ('their_pages', 'in_person', 'phone', 'email', 'letter')),
        received_on date NOT NULL,
        details text CONSTRAINT erasure_requests_details_length CHECK (details IS NULL OR char_length(details) BETWEEN 1 AND 2000),
        deletion_request_id uuid REFERENCES deletion_requests(id),
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        decision varchar(12)
          CONSTRAINT erasure_requests_decision_known CHECK (decision IN ('erase', 'refuse', 'erase_part')),
        reason text CONSTRAINT erasure_requests_reason_length CHECK (reason IS NULL OR char_length(reason) BETWEEN 1 AND 2000),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        carried_out_at timestamptz,
        counts jsonb,
        CONSTRAINT erasure_requests_decided_whole
          CHECK ((decision IS NULL) = (decided_at IS NULL) AND (decision IS NULL) = (decided_by IS NULL)),
        CONSTRAINT erasure_requests_refusal_says_why CHECK (decision IS NULL OR decision = 'erase' OR reason IS NOT NULL),
        CONSTRAINT erasure_requests_carried_out_only_erase
          CHECK ((carried_out_at IS NOT NULL) = (decision IS NOT DISTINCT FROM 'erase'))
      );
      CREATE INDEX erasure_requests_person_idx ON erasure_requests (young_person_id, recorded_at);
      -- One request open at a time per young person, and one answer per "delete something" request.
      CREATE UNIQUE INDEX erasure_requests_one_open ON erasure_requests (young_person_id) WHERE decision IS NULL;
      CREATE UNIQUE INDEX erasure_requests_deletion_request_key ON erasure_requests (deletion_request_id)
        WHERE deletion_request_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE erasure_requests;
      ALTER TABLE young_people DROP CONSTRAINT young_people_anonymised_whole;
      ALTER TABLE young_people DROP COLUMN anonymised_reason;
      ALTER TABLE young_people DROP COLUMN anonymised_at;
    `);
  }
}
