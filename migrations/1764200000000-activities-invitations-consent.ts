import { randomBytes } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Activity days, one-to-one opportunities, invitations (to any of those, a group session or a review
 * meeting) and consent records. See docs/activities-invitations-consent.md.
 */
export class ActivitiesInvitationsConsent1764200000000 implements MigrationInterface {
  name = 'ActivitiesInvitationsConsent1764200000000';

  async up(q: QueryRunner): Promise<void> {
    // The key that signs young people's personal answer links. Made here, once per database, so every
    // API process shares it and links keep working across restarts without any configuration.
    await q.query(`CREATE TABLE app_secrets (name varchar(40) PRIMARY KEY, value char(64) NOT NULL)`);
    await q.query(`INSERT INTO app_secrets (name, value) VALUES ('answer_links', $1)`, [
      randomBytes(32).toString('hex'),
    ]);
    await q.query(`
      -- Who may consent for a young person under 16 depends on whether they decide for themselves.
      ALTER TABLE young_people ADD COLUMN decides_for_themselves boolean NOT NULL DEFAULT false;

      CREATE TABLE activity_days (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(120) NOT NULL,
        date date NOT NULL,
        start_time varchar(5) NOT NULL,
        end_time varchar(5) NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        venue varchar(200),
        accessibility text,
        capacity integer CHECK (capacity IS NULL OR capacity > 0),
        cohort_min_age integer NOT NULL,
        cohort_max_age integer NOT NULL CHECK (cohort_max_age >= cohort_min_age),
        cohort_service_experiences text[] NOT NULL DEFAULT '{}',
        cohort_group_ids uuid[] NOT NULL DEFAULT '{}',
        professionals text,
        budget_pence integer CHECK (budget_pence IS NULL OR budget_pence >= 0),
        transport text,
        agenda text,
        required_consents text[] NOT NULL DEFAULT '{}',
        reminder_days_before integer NOT NULL DEFAULT 2,
        status varchar(16) NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','cancelled')),
        cancel_reason varchar(300),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX activity_days_date_idx ON activity_days (date, id);

      CREATE TABLE one_to_ones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        young_person_id uuid NOT NULL REFERENCES young_people(id),
        requested_by varchar(16) NOT NULL CHECK (requested_by IN ('officer','young_person','trusted_adult')),
        topic varchar(300) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'requested' CHECK (status IN ('requested','scheduled','done','cancelled')),
        scheduled_at timestamptz,
        location varchar(200),
        staff_user_id uuid REFERENCES users(id),
        outcome text,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX one_to_ones_person_idx ON one_to_ones (young_person_id);
      CREATE INDEX one_to_ones_open_idx ON one_to_ones (created_at) WHERE status IN ('requested','scheduled');

      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        young_person_id uuid NOT NULL REFERENCES young_people(id),
        target_kind varchar(16) NOT NULL CHECK (target_kind IN ('activity_day','group_session','one_to_one','review_meeting')),
        activity_id uuid REFERENCES activity_days(id),
        session_id uuid REFERENCES group_sessions(id),
        one_to_one_id uuid REFERENCES one_to_ones(id),
        review_title varchar(120),
        review_start_time varchar(5),
        review_venue varchar(200),
        -- The day of the thing invited to: the link, changes of answer and reminders all run to it.
        event_date date NOT NULL,
        channel varchar(16) NOT NULL CHECK (channel IN ('email','letter','phone','whatsapp','voice_note','in_person')),
        via_trusted_adult_id uuid REFERENCES users(id),
        status varchar(16) NOT NULL CHECK (status IN ('draft','sent','handed_over','accepted','declined','waitlisted','attended','did_not_attend','withdrawn')),
        outside_cohort boolean NOT NULL DEFAULT false,
        outside_cohort_reason varchar(300),
        decline_reason varchar(300),
        answered_at timestamptz,
        sent_at timestamptz,
        handed_over_at timestamptz,
        withdrawn_reason varchar(300),
        attendance_override_reason varchar(300),
        reminder_sent_at timestamptz,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((target_kind = 'activity_day') = (activity_id IS NOT NULL)),
        CHECK ((target_kind = 'group_session') = (session_id IS NOT NULL)),
        CHECK ((target_kind = 'one_to_one') = (one_to_one_id IS NOT NULL)),
        CHECK ((target_kind = 'review_meeting') = (review_title IS NOT NULL)),
        CHECK (NOT outside_cohort OR outside_cohort_reason IS NOT NULL)
      );
      -- One live invitation per young person per thing; a withdrawn one may be followed by a new one.
      CREATE UNIQUE INDEX invitations_activity_key ON invitations (activity_id, young_person_id) WHERE activity_id IS NOT NULL AND status <> 'withdrawn';
      CREATE UNIQUE INDEX invitations_session_key ON invitations (session_id, young_person_id) WHERE session_id IS NOT NULL AND status <> 'withdrawn';
      CREATE UNIQUE INDEX invitations_one_to_one_key ON invitations (one_to_one_id, young_person_id) WHERE one_to_one_id IS NOT NULL AND status <> 'withdrawn';
      CREATE INDEX invitations_person_idx ON invitations (young_person_id);
      CREATE INDEX invitations_handover_idx ON invitations (via_trusted_adult_id, status) WHERE via_trusted_adult_id IS NOT NULL;
      CREATE INDEX invitations_event_date_idx ON invitations (event_date, status);

      CREATE TABLE consent_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        young_person_id uuid NOT NULL REFERENCES young_people(id),
        purpose varchar(24) NOT NULL CHECK (purpose IN ('taking_part','photos_video','quotes','sharing','transport','emergency_treatment')),
        given_by varchar(16) NOT NULL CHECK (given_by IN ('young_person','parent','council','foster_carer')),
        method varchar(16) NOT NULL CHECK (method IN ('form','verbal','online')),
        wording text NOT NULL,
        given_on date NOT NULL,
        scope varchar(16) NOT NULL CHECK (scope IN ('standing','activity')),
        activity_id uuid REFERENCES activity_days(id),
        expires_on date,
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        withdrawn_by uuid REFERENCES users(id),
        withdrawn_reason varchar(300),
        CHECK ((scope = 'activity') = (activity_id IS NOT NULL)),
        CHECK (expires_on IS NULL OR expires_on >= given_on)
      );
      CREATE INDEX consent_records_person_idx ON consent_records (young_person_id, purpose);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE consent_records; DROP TABLE invitations; DROP TABLE app_secrets; DROP TABLE one_to_ones; DROP TABLE activity_days;
      ALTER TABLE young_people DROP COLUMN decides_for_themselves;
    `);
  }
}
