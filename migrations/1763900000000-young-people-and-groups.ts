import { MigrationInterface, QueryRunner } from 'typeorm';

/** Young people (minimum necessary data), groups, memberships, sessions, attendance, calendar feeds. */
export class YoungPeopleAndGroups1763900000000 implements MigrationInterface {
  name = 'YoungPeopleAndGroups1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE young_people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        preferred_name varchar(60) NOT NULL,
        date_of_birth date NOT NULL,
        contact jsonb NOT NULL DEFAULT '{}'::jsonb,
        accessibility_needs text,
        communication_needs text,
        participation_preference varchar(16) NOT NULL DEFAULT 'either'
          CHECK (participation_preference IN ('group','one_to_one','either')),
        confidentiality_notes text,
        archived_at timestamptz,
        archive_reason varchar(300),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX young_people_name_idx ON young_people (lower(preferred_name), id);
      CREATE INDEX young_people_dob_idx ON young_people (date_of_birth);
      CREATE INDEX young_people_created_idx ON young_people (created_at);

      CREATE TABLE young_person_service_experiences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        young_person_id uuid NOT NULL REFERENCES young_people(id),
        kind varchar(24) NOT NULL,
        from_date date NOT NULL,
        to_date date,
        CHECK (to_date IS NULL OR to_date >= from_date)
      );
      CREATE INDEX ypse_person_idx ON young_person_service_experiences (young_person_id);
      CREATE INDEX ypse_kind_idx ON young_person_service_experiences (kind, young_person_id);

      CREATE TABLE young_person_trusted_adults (
        young_person_id uuid NOT NULL REFERENCES young_people(id),
        user_id uuid NOT NULL REFERENCES users(id),
        relationship varchar(40) NOT NULL,
        PRIMARY KEY (young_person_id, user_id)
      );
      CREATE INDEX ypta_user_idx ON young_person_trusted_adults (user_id, young_person_id);

      CREATE TABLE groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(80) NOT NULL,
        purpose text NOT NULL,
        min_age integer NOT NULL,
        max_age integer NOT NULL CHECK (max_age >= min_age),
        service_experiences text[] NOT NULL DEFAULT '{}',
        venue varchar(200),
        online_link varchar(500),
        capacity integer,
        pattern_rrule varchar(200),
        pattern_starts_on date,
        pattern_start_time varchar(5),
        pattern_duration_minutes integer,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX groups_name_key ON groups (lower(name));

      CREATE TABLE group_facilitators (
        group_id uuid NOT NULL REFERENCES groups(id),
        user_id uuid NOT NULL REFERENCES users(id),
        PRIMARY KEY (group_id, user_id)
      );
      CREATE INDEX group_facilitators_user_idx ON group_facilitators (user_id);

      CREATE TABLE group_pattern_exceptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES groups(id),
        pattern_date date NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('cancelled','moved')),
        moved_to_date date,
        moved_to_time varchar(5),
        reason varchar(200),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (group_id, pattern_date)
      );

      CREATE TABLE group_memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES groups(id),
        young_person_id uuid NOT NULL REFERENCES young_people(id),
        role varchar(16) NOT NULL CHECK (role IN ('member','chair','vice_chair')),
        joined_on date NOT NULL,
        left_on date,
        override_reason varchar(300),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (left_on IS NULL OR left_on >= joined_on)
      );
      CREATE UNIQUE INDEX group_memberships_current_key ON group_memberships (group_id, young_person_id) WHERE left_on IS NULL;
      CREATE INDEX group_memberships_person_idx ON group_memberships (young_person_id);
      CREATE INDEX group_memberships_group_idx ON group_memberships (group_id, joined_on);

      CREATE TABLE group_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES groups(id),
        pattern_date date,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        venue varchar(200),
        status varchar(16) NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','cancelled')),
        moved boolean NOT NULL DEFAULT false,
        cancel_reason varchar(200),
        agenda text,
        notes text,
        sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX group_sessions_pattern_key ON group_sessions (group_id, pattern_date) WHERE pattern_date IS NOT NULL;
      CREATE INDEX group_sessions_group_time_idx ON group_sessions (group_id, starts_at);
      CREATE INDEX group_sessions_time_idx ON group_sessions (starts_at);

      CREATE TABLE attendance (
        session_id uuid NOT NULL REFERENCES group_sessions(id),
        young_person_id uuid NOT NULL REFERENCES young_people(id),
        status varchar(16) NOT NULL CHECK (status IN ('present','apologies','absent')),
        recorded_by uuid REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, young_person_id)
      );
      CREATE INDEX attendance_person_idx ON attendance (young_person_id, session_id);

      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash char(64) NOT NULL UNIQUE,
        owner_user_id uuid NOT NULL REFERENCES users(id),
        scope varchar(8) NOT NULL CHECK (scope IN ('mine','group')),
        group_id uuid REFERENCES groups(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CHECK ((scope = 'group') = (group_id IS NOT NULL))
      );
      CREATE INDEX calendar_feeds_owner_idx ON calendar_feeds (owner_user_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE calendar_feeds; DROP TABLE attendance; DROP TABLE group_sessions; DROP TABLE group_memberships;
      DROP TABLE group_pattern_exceptions; DROP TABLE group_facilitators; DROP TABLE groups;
      DROP TABLE young_person_trusted_adults; DROP TABLE young_person_service_experiences; DROP TABLE young_people;
    `);
  }
}
