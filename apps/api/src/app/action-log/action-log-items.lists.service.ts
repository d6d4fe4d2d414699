import { Injectable } from '@nestjs/common';
import {
  ActionLogListEntry,
  ActionLogListKind,
  ActionLogSettingsCommand,
  ActionLogSettingsResponse,
  AuditAction,
  AuditRecordType,
  ListEntryChangeCommand,
  ListEntryCommand,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { actionLogSettings } from './action-log-base';

const TABLES: Readonly<Record<ActionLogListKind, { table: string; what: string }>> = {
  services: { table: 'action_log_services', what: 'This service' },
  themes: { table: 'action_log_themes', what: 'This theme' },
};

/**
 * The lists administrators keep for the log (services, themes) and its settings. Nothing is
 * deleted from a list: a retired entry stays on the items that name it and is no longer offered.
 */
@Injectable()
export class ActionLogListsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Current entries first, then retired ones, each by name. */
  list(kind: ActionLogListKind): Promise<ActionLogListEntry[]> {
    return this.db.query(
      `SELECT id, name, retired_at IS NOT NULL AS retired FROM ${TABLES[kind].table}
        ORDER BY retired_at IS NOT NULL, lower(name), id`,
    );
  }

  async add(actor: Actor, kind: ActionLogListKind, command: ListEntryCommand): Promise<ActionLogListEntry> {
    return this.db.transaction(async (em) => {
      await this.assertNameFree(em, kind, command.name, null);
      const [entry]: ActionLogListEntry[] = await em.query(
        `INSERT INTO ${TABLES[kind].table} (name, created_at) VALUES ($1, $2)
         RETURNING id, name, retired_at IS NOT NULL AS retired`,
        [command.name, this.clock.now()],
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Create,
        type: AuditRecordType.ActionLogSettings,
        id: entry.id,
        detail: { list: kind },
      });
      return entry;
    });
  }

  async change(
    actor: Actor,
    kind: ActionLogListKind,
    id: string,
    command: ListEntryChangeCommand,
  ): Promise<ActionLogListEntry> {
    const { table, what } = TABLES[kind];
    return this.db.transaction(async (em) => {
      const [current]: { retired: boolean }[] = await em.query(
        `SELECT retired_at IS NOT NULL AS retired FROM ${table} WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!current) throw DomainError.notFound(what);
      if (command.name !== undefined) await this.assertNameFree(em, kind, command.name, id);
      const retiring = command.retired !== undefined && command.retired !== current.retired;
      const [entry]: ActionLogListEntry[] = await em.query(
        `WITH changed AS (
           UPDATE ${table} SET name = COALESCE($2, name),
             retired_at = CASE WHEN $3::boolean IS NULL THEN retired_at WHEN $3 THEN COALESCE(retired_at, $4) END
            WHERE id = $1 RETURNING id, name, retired_at)
         SELECT id, name, retired_at IS NOT NULL AS retired FROM changed`,
        [id, command.name ?? null, command.retired ?? null, this.clock.now()],
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.ActionLogSettings,
        id,
        detail: {
          list: kind,
          renamed: command.name !== undefined,
          event: retiring ? (command.retired ? 'retired' : 'brought_back') : null,
        },
      });
      return entry;
    });
  }

  async settings(): Promise<ActionLogSettingsResponse> {
    const { acknowledgeWithinWorkingDays } = await actionLogSettings(this.db.manager);
    return { acknowledgeWithinWorkingDays };
  }

  /** Applies to items recorded from now on: an item keeps the acknowledge-by time it was given. */
  async setSettings(actor: Actor, command: ActionLogSettingsCommand): Promise<ActionLogSettingsResponse> {
    await this.db.transaction(async (em) => {
      await em.query(
        `UPDATE action_log_settings SET acknowledge_within_working_days = $1, updated_by = $2, updated_at = $3`,
        [command.acknowledgeWithinWorkingDays, actor.userId, this.clock.now()],
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.ActionLogSettings,
        detail: { acknowledgeWithinWorkingDays: command.acknowledgeWithinWorkingDays },
      });
    });
    return this.settings();
  }

  private async assertNameFree(
    em: EntityManager,
    kind: ActionLogListKind,
    name: string,
    exceptId: string | null,
  ): Promise<void> {
    const [taken]: unknown[] = await em.query(
      `SELECT 1 FROM ${TABLES[kind].table} WHERE lower(name) = lower($1) AND ($2::uuid IS NULL OR id <> $2)`,
      [name, exceptId],
    );
    if (taken)
      throw new DomainError(
        'conflict',
        `There is already one called “${name}” on the list (perhaps retired).`,
        {
          name: ['Choose a name not already on the list.'],
        },
      );
  }
}
