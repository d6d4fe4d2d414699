import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The practice tools catalogue (issue 11, part 1): tools, their versions (added, never edited
 * away) and every stage change of their life cycle. The stage words are those of
 * PRACTICE_TOOL_STAGES in libs/domain/src/practice-tools/life-cycle.ts; a migration never changes,
 * so they are written out here rather than imported.
 */
const STAGES = `('co_producing', 'being_evaluated', 'shared_with_workforce', 'embedded', 'retired')`;

export class PracticeTools1764700000000 implements MigrationInterface {
  name = 'PracticeTools1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE practice_tools (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(120) NOT NULL,
        purpose text NOT NULL,
        -- Free text until the action log brings an administrator-kept list of services.
        owning_service varchar(120) NOT NULL,
        co_produced_with varchar(500),
        stage varchar(30) NOT NULL CONSTRAINT practice_tools_stage_known CHECK (stage IN ${STAGES}),
        stage_since timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX practice_tools_stage_idx ON practice_tools (stage, lower(name), id);
      CREATE INDEX practice_tools_name_idx ON practice_tools (lower(name), id);

      CREATE TABLE practice_tool_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tool_id uuid NOT NULL REFERENCES practice_tools(id),
        label varchar(80) NOT NULL,
        link varchar(500) NOT NULL CONSTRAINT practice_tool_versions_https CHECK (link LIKE 'https://%'),
        notes text,
        added_by uuid REFERENCES users(id),
        added_at timestamptz NOT NULL DEFAULT now()
      );
      -- Labels differ by more than case, as the service checks: "V2" and "v2" are the same version.
      CREATE UNIQUE INDEX practice_tool_versions_label_unique ON practice_tool_versions (tool_id, lower(label));
      CREATE INDEX practice_tool_versions_tool_idx ON practice_tool_versions (tool_id, added_at DESC);

      CREATE TABLE practice_tool_stage_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tool_id uuid NOT NULL REFERENCES practice_tools(id),
        from_stage varchar(30) CONSTRAINT practice_tool_stage_changes_from_known
          CHECK (from_stage IS NULL OR from_stage IN ${STAGES}),
        to_stage varchar(30) NOT NULL CONSTRAINT practice_tool_stage_changes_to_known CHECK (to_stage IN ${STAGES}),
        reason varchar(500),
        moved_by uuid REFERENCES users(id),
        moved_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX practice_tool_stage_changes_tool_idx ON practice_tool_stage_changes (tool_id, moved_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE practice_tool_stage_changes; DROP TABLE practice_tool_versions; DROP TABLE practice_tools;`,
    );
  }
}
