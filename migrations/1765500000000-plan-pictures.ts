import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pictures in the voice plan's text (issue 14 §3, docs/decisions/0035-plan-pictures.md). The bytes
 * are kept as checked by libs/domain/src/plan/plan-pictures.ts: PNG or JPEG, metadata taken out.
 * Who can be recognised is stated at upload: no one, or the young people in plan_picture_people,
 * whose photo consent is checked whenever the picture is shown publicly. Withdrawn (a young person
 * in it erased) empties the bytes: the picture is never shown again, its alt text still is.
 */
export class PlanPictures1765500000000 implements MigrationInterface {
  name = 'PlanPictures1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan_pictures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bytes bytea NOT NULL,
        media_type text NOT NULL CONSTRAINT plan_pictures_media_type_known
          CHECK (media_type IN ('image/png', 'image/jpeg')),
        width integer NOT NULL CONSTRAINT plan_pictures_width_positive CHECK (width BETWEEN 1 AND 10000),
        height integer NOT NULL CONSTRAINT plan_pictures_height_positive CHECK (height BETWEEN 1 AND 10000),
        byte_size integer NOT NULL CONSTRAINT plan_pictures_byte_size_bounded
          CHECK (byte_size BETWEEN 1 AND 2097152),
        sha256 char(64) NOT NULL,
        uploaded_by uuid REFERENCES users(id),
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        no_one_recognisable boolean NOT NULL,
        withdrawn_at timestamptz
      );
      CREATE TABLE plan_picture_people (
        picture_id uuid NOT NULL REFERENCES plan_pictures(id) ON DELETE CASCADE,
        young_person_id uuid NOT NULL REFERENCES young_people(id),
        PRIMARY KEY (picture_id, young_person_id)
      );
      -- Erasure finds the pictures a young person is in.
      CREATE INDEX plan_picture_people_young_person ON plan_picture_people (young_person_id);
      -- The pictures a made PDF drew, recorded with its bytes: a made PDF is kept as it is, so one
      -- that drew a picture no longer to be shown is not given out (PublishedPlanPdfController).
      ALTER TABLE plan_documents ADD COLUMN pictures_drawn jsonb;

      -- A made document is still never changed or removed, with one exit: erasing a young person
      -- (anonymiseYoungPerson, which sets heard.erasing for its own transaction) sends a made PDF
      -- that drew a picture of them back to the queue with its bytes gone, to be made again
      -- without the picture. Nothing else can take that exit.
      CREATE OR REPLACE FUNCTION plan_document_kept() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF OLD.status = 'ready' AND NOT (
               TG_OP = 'UPDATE' AND current_setting('heard.erasing', true) = 'on'
               AND NEW.status = 'queued' AND NEW.bytes IS NULL) THEN
            RAISE EXCEPTION 'a made plan document is kept as it is' USING ERRCODE = 'restrict_violation';
          END IF;
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END;
      $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION plan_document_kept() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF OLD.status = 'ready' THEN
            RAISE EXCEPTION 'a made plan document is kept as it is' USING ERRCODE = 'restrict_violation';
          END IF;
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END;
      $$;
    `);
    await q.query(`ALTER TABLE plan_documents DROP COLUMN pictures_drawn`);
    await q.query(`DROP TABLE plan_picture_people`);
    await q.query(`DROP TABLE plan_pictures`);
  }
}
