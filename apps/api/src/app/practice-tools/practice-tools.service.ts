import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  FIRST_PRACTICE_TOOL_STAGE,
  Page,
  PracticeToolCommand,
  PracticeToolListQuery,
  PracticeToolResponse,
  PracticeToolStage,
  PracticeToolStageChange,
  PracticeToolStageMoveCommand,
  PracticeToolSummary,
  PracticeToolVersion,
  PracticeToolVersionCommand,
  checkStageMove,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { boundedTotal } from '../../platform/database/sql';

interface ToolRow {
  id: string;
  name: string;
  purpose: string;
  owningService: string;
  coProducedWith: string | null;
  stage: PracticeToolStage;
  stageSince: Date;
  createdAt: Date;
  updatedAt: Date;
  latestLabel: string | null;
  latestLink: string | null;
  versionCount: number;
}

/** The columns of a tool with its latest version and version count, read in one statement. */
const TOOL_COLUMNS = `t.id, t.name, t.purpose, t.owning_service AS "owningService", t.co_produced_with AS "coProducedWith",
  t.stage, t.stage_since AS "stageSince", t.created_at AS "createdAt", t.updated_at AS "updatedAt",
  latest.label AS "latestLabel", latest.link AS "latestLink",
  (SELECT count(*)::int FROM practice_tool_versions c WHERE c.tool_id = t.id) AS "versionCount"`;
const LATEST_VERSION = `LEFT JOIN LATERAL (SELECT v.label, v.link FROM practice_tool_versions v WHERE v.tool_id = t.id
  ORDER BY v.added_at DESC, v.id DESC LIMIT 1) latest ON true`;

const iso = (d: Date | string) => new Date(d).toISOString();

function toSummary(r: ToolRow): PracticeToolSummary {
  return {
    id: r.id,
    name: r.name,
    purpose: r.purpose,
    owningService: r.owningService,
    stage: r.stage,
    stageSince: iso(r.stageSince),
    latestVersion: r.latestLabel && r.latestLink ? { label: r.latestLabel, link: r.latestLink } : null,
    versionCount: r.versionCount,
  };
}

const person = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? '' } : null);

/**
 * The practice tools catalogue. Officers write, officers and senior leaders read (the controller
 * says who). Tools hold no young person's data, so reads are not audited; every write is.
 */
@Injectable()
export class PracticeToolsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: PracticeToolListQuery): Promise<Page<PracticeToolSummary>> {
    const params: unknown[] = [];
    let where = 'true';
    if (query.stage) {
      params.push(query.stage);
      where = `t.stage = $${params.length}`;
    }
    const totals = await boundedTotal(
      this.db,
      `SELECT 1 FROM practice_tools t WHERE ${where}`,
      params,
      query,
    );
    const rows: ToolRow[] = await this.db.query(
      `SELECT ${TOOL_COLUMNS} FROM practice_tools t ${LATEST_VERSION} WHERE ${where}
        ORDER BY lower(t.name), t.id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return { items: rows.map(toSummary), ...totals, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<PracticeToolResponse> {
    const [row]: ToolRow[] = await em.query(
      `SELECT ${TOOL_COLUMNS} FROM practice_tools t ${LATEST_VERSION} WHERE t.id = $1`,
      [id],
    );
    if (!row) throw DomainError.notFound('This practice tool');
    const [versions, history] = await Promise.all([
      em.query(
        `SELECT v.id, v.label, v.link, v.notes, v.added_at AS "addedAt", u.id AS "userId", u.display_name AS "userName"
           FROM practice_tool_versions v LEFT JOIN users u ON u.id = v.added_by
          WHERE v.tool_id = $1 ORDER BY v.added_at DESC, v.id DESC`,
        [id],
      ) as Promise<
        (Omit<PracticeToolVersion, 'addedBy'> & { userId: string | null; userName: string | null })[]
      >,
      em.query(
        `SELECT s.id, s.from_stage AS "from", s.to_stage AS "to", s.reason, s.moved_at AS "movedAt",
                u.id AS "userId", u.display_name AS "userName"
           FROM practice_tool_stage_changes s LEFT JOIN users u ON u.id = s.moved_by
          WHERE s.tool_id = $1 ORDER BY s.moved_at, s.id`,
        [id],
      ) as Promise<
        (Omit<PracticeToolStageChange, 'movedBy'> & { userId: string | null; userName: string | null })[]
      >,
    ]);
    return {
      ...toSummary(row),
      coProducedWith: row.coProducedWith,
      versions: versions.map(({ userId, userName, ...v }) => ({
        ...v,
        addedAt: iso(v.addedAt),
        addedBy: person(userId, userName),
      })),
      stageHistory: history.map(({ userId, userName, ...s }) => ({
        ...s,
        movedAt: iso(s.movedAt),
        movedBy: person(userId, userName),
      })),
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
    };
  }

  async create(actor: Actor, command: PracticeToolCommand): Promise<PracticeToolResponse> {
    return this.db.transaction(async (em) => {
      const [{ id }]: { id: string }[] = await em.query(
        `INSERT INTO practice_tools (name, purpose, owning_service, co_produced_with, stage, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          command.name,
          command.purpose,
          command.owningService,
          command.coProducedWith,
          FIRST_PRACTICE_TOOL_STAGE,
          actor.userId,
        ],
      );
      // The first row of the history says when the tool entered the catalogue and who added it.
      await em.query(
        `INSERT INTO practice_tool_stage_changes (tool_id, from_stage, to_stage, moved_by) VALUES ($1, NULL, $2, $3)`,
        [id, FIRST_PRACTICE_TOOL_STAGE, actor.userId],
      );
      await this.audit
        .for(actor)
        .record(em, { action: AuditAction.Create, type: AuditRecordType.PracticeTool, id });
      return this.get(id, em);
    });
  }

  async update(actor: Actor, id: string, command: PracticeToolCommand): Promise<PracticeToolResponse> {
    return this.db.transaction(async (em) => {
      await this.lockStage(em, id);
      await em.query(
        `UPDATE practice_tools SET name = $2, purpose = $3, owning_service = $4, co_produced_with = $5, updated_at = now()
          WHERE id = $1`,
        [id, command.name, command.purpose, command.owningService, command.coProducedWith],
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.PracticeTool,
        id,
        detail: { event: 'edit' },
      });
      return this.get(id, em);
    });
  }

  async addVersion(
    actor: Actor,
    id: string,
    command: PracticeToolVersionCommand,
  ): Promise<PracticeToolResponse> {
    return this.db.transaction(async (em) => {
      const stage = await this.lockStage(em, id);
      if (stage === 'retired')
        throw new DomainError('conflict', 'This tool is retired, so it takes no new versions.');
      const [taken]: unknown[] = await em.query(
        `SELECT 1 FROM practice_tool_versions WHERE tool_id = $1 AND lower(label) = lower($2)`,
        [id, command.label],
      );
      if (taken)
        throw new DomainError('conflict', 'This tool already has a version with this label.', {
          label: ['Use a label no other version of this tool has.'],
        });
      const [{ id: versionId }]: { id: string }[] = await em.query(
        `INSERT INTO practice_tool_versions (tool_id, label, link, notes, added_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [id, command.label, command.link, command.notes, actor.userId],
      );
      await em.query(`UPDATE practice_tools SET updated_at = now() WHERE id = $1`, [id]);
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.PracticeTool,
        id,
        detail: { event: 'add_version', versionId },
      });
      return this.get(id, em);
    });
  }

  async moveStage(
    actor: Actor,
    id: string,
    command: PracticeToolStageMoveCommand,
  ): Promise<PracticeToolResponse> {
    return this.db.transaction(async (em) => {
      const from = await this.lockStage(em, id);
      const check = checkStageMove(from, command.to);
      if (!check.allowed) throw new DomainError('conflict', check.message, { to: [check.message] });
      if (check.needsReason && !command.reason)
        throw DomainError.validation('reason', 'Say why the tool goes back a stage or is retired.');
      await em.query(
        `INSERT INTO practice_tool_stage_changes (tool_id, from_stage, to_stage, reason, moved_by) VALUES ($1, $2, $3, $4, $5)`,
        [id, from, command.to, command.reason, actor.userId],
      );
      await em.query(
        `UPDATE practice_tools SET stage = $2, stage_since = now(), updated_at = now() WHERE id = $1`,
        [id, command.to],
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.PracticeTool,
        id,
        detail: { event: 'move_stage', from, to: command.to },
      });
      return this.get(id, em);
    });
  }

  /** The tool's stage, with its row locked so two moves at once cannot both start from it. */
  private async lockStage(em: EntityManager, id: string): Promise<PracticeToolStage> {
    const [row]: { stage: PracticeToolStage }[] = await em.query(
      `SELECT stage FROM practice_tools WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw DomainError.notFound('This practice tool');
    return row.stage;
  }
}
