import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reports (issue 14 §6, docs/reports.md, ADR 0034): a Family Feedback Report or an annual
 * participation report, drafted from the data for its period and edited by officers section by
 * section (optimistic concurrency on `version`); and each report's PDF and DOCX, made off the
 * request path by ReportDocumentsWorker through the shared document job, with how far the making
 * has got (`step` of `steps`) for the page to show. A new export request for a report and format
 * queues it again, since the report may have been edited since.
 */
export class Reports1765480000000 implements MigrationInterface {
  name = 'Reports1765480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(24) NOT NULL CONSTRAINT reports_kind_known
          CHECK (kind IN ('family_feedback', 'annual_participation')),
        period_from date NOT NULL,
        period_to date NOT NULL,
        title varchar(200) NOT NULL,
        -- The sections: key, title, typed text (plan-text.ts) and the figures drawn from the data.
        sections jsonb NOT NULL CONSTRAINT reports_sections_list CHECK (jsonb_typeof(sections) = 'array'),
        -- The quotes the draft listed ({quoteId, words}): an export leaves out those no longer shareable
        -- (consent withdrawn, taken off the board, erased), by the words the draft holds.
        quotes jsonb NOT NULL DEFAULT '[]' CONSTRAINT reports_quotes_list CHECK (jsonb_typeof(quotes) = 'array'),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1 CONSTRAINT reports_version_positive CHECK (version >= 1),
        CONSTRAINT reports_period_order CHECK (period_from <= period_to),
        CONSTRAINT reports_period_length CHECK (period_to < period_from + interval '13 months')
      );
      CREATE INDEX reports_created_idx ON reports (created_at DESC, id);

      CREATE TABLE report_documents (
        report_id uuid NOT NULL REFERENCES reports(id),
        kind varchar(8) NOT NULL CONSTRAINT report_documents_kind_known CHECK (kind IN ('pdf', 'docx')),
        status varchar(8) NOT NULL DEFAULT 'queued' CONSTRAINT report_documents_status_known
          CHECK (status IN ('queued', 'making', 'ready', 'failed')),
        step integer NOT NULL DEFAULT 0,
        steps integer NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0 CONSTRAINT report_documents_attempts_range CHECK (attempts BETWEEN 0 AND 100),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        claim_token uuid,
        lease_until timestamptz,
        -- The kind of error only: never the report's text.
        last_error varchar(300),
        bytes bytea,
        made_at timestamptz,
        requested_at timestamptz NOT NULL DEFAULT now(),
        -- The report's version the document was asked for.
        report_version integer NOT NULL,
        -- The ids of the drafted quotes the made file leaves out (no longer shareable then): a file
        -- holding a quote that has since stopped being shareable is not given out, but made again.
        quotes_left_out jsonb NOT NULL DEFAULT '[]'
          CONSTRAINT report_documents_quotes_left_out_list CHECK (jsonb_typeof(quotes_left_out) = 'array'),
        PRIMARY KEY (report_id, kind),
        CONSTRAINT report_documents_progress CHECK (step BETWEEN 0 AND steps AND steps <= 100),
        CONSTRAINT report_documents_ready_whole CHECK ((status = 'ready') = (bytes IS NOT NULL AND made_at IS NOT NULL)),
        CONSTRAINT report_documents_claim_whole CHECK ((status = 'making') = (claim_token IS NOT NULL AND lease_until IS NOT NULL))
      );
      CREATE INDEX report_documents_due_idx ON report_documents (next_attempt_at) WHERE status = 'queued';
      CREATE INDEX report_documents_making_idx ON report_documents (lease_until) WHERE status = 'making';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_documents; DROP TABLE reports;`);
  }
}
