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
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { KeptList } from '../../platform/kept-lists/kept-list';
import { actionLogSettings } from './action-log-base';

/**
 * The lists administrators keep for the log (services, themes) and its settings. Nothing is
 * deleted from a list: a retired entry stays on the items that name it and is no longer offered.
 */
@Injectable()
export class ActionLogListsService {
  private readonly lists: Readonly<Record<ActionLogListKind, KeptList>>;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {
    const kept = (kind: ActionLogListKind, table: string, what: string) =>
      new KeptList(
        { table, what, type: AuditRecordType.ActionLogSettings, detail: { list: kind } },
        db,
        audit,
        clock,
      );
    this.lists = {
      services: kept('services', 'action_log_services', 'This service'),
      themes: kept('themes', 'action_log_themes', 'This theme'),
    };
  }

  /** Current entries first, then retired ones, each by name. */
  list(kind: ActionLogListKind): Promise<ActionLogListEntry[]> {
    return this.lists[kind].list();
  }

  add(actor: Actor, kind: ActionLogListKind, command: ListEntryCommand): Promise<ActionLogListEntry> {
    return this.lists[kind].add(actor, command);
  }

  change(
    actor: Actor,
    kind: ActionLogListKind,
    id: string,
    command: ListEntryChangeCommand,
  ): Promise<ActionLogListEntry> {
    return this.lists[kind].change(actor, id, command);
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
}
