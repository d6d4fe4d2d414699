import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The documents of a published voice plan (issue 14 §5, docs/plan.md "The PDF", ADR 0033): one row
 * per published version and kind (only 'pdf' so far), queued in the transaction that publishes the
 * version and made by PlanDocumentsWorker off the request path, like the mail outbox (ADR 0008).
 * A claim carries a token and a lease, so two API processes never make the same document and a
 * crash mid-job gives the row back when the lease runs out. Once ready the bytes are kept with the
 * version for good: a superseded version keeps its document, and a correction gets its own.
 */
export class PlanDocuments1765470000000 implements MigrationInterface {
  name = 'PlanDocuments1765470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan_documents (
        version_id uuid NOT NULL REFERENCES plan_versions(id),
        kind varchar(8) NOT NULL CONSTRAINT plan_documents_kind_known CHECK (kind IN ('pdf')),
        status varchar(8) NOT NULL DEFAULT 'queued' CONSTRAINT plan_documents_status_known
          CHECK (status IN ('queued', 'making', 'ready', 'failed')),
        attempts integer NOT NULL DEFAULT 0 CONSTRAINT plan_documents_attempts_range CHECK (attempts BETWEEN 0 AND 100),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        claim_token uuid,
        lease_until timestamptz,
        -- What went wrong, in the worker's own words (the kind of error): never the plan's text or a person.
        last_error varchar(300),
        bytes bytea,
        made_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (version_id, kind),
        CONSTRAINT plan_documents_ready_whole CHECK ((status = 'ready') = (bytes IS NOT NULL AND made_at IS NOT NULL)),
        CONSTRAINT plan_documents_claim_whole CHECK ((status = 'making') = (claim_token IS NOT NULL AND lease_until IS NOT NULL))
      );
      CREATE INDEX plan_documents_due_idx ON plan_documents (next_attempt_at) WHERE status = 'queued';
      CREATE INDEX plan_documents_making_idx ON plan_documents (lease_until) WHERE status = 'making';

      -- A made document is what the public downloaded: it is never changed or removed, whichever code tries.
      CREATE FUNCTION plan_document_kept() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF OLD.status = 'ready' THEN
            RAISE EXCEPTION 'a made plan document is kept as it is' USING ERRCODE = 'restrict_violation';
          END IF;
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END;
      $$;
      CREATE TRIGGER plan_document_kept BEFORE UPDATE OR DELETE ON plan_documents
        FOR EACH ROW EXECUTE FUNCTION plan_document_kept();

      -- Versions published before this migration are queued now, so every published version has its PDF.
      INSERT INTO plan_documents (version_id, kind)
      SELECT id, 'pdf' FROM plan_versions WHERE status IN ('published', 'superseded');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE plan_documents; DROP FUNCTION plan_document_kept();`);
  }
}
