import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  ImportLists,
  ImportPreviewResponse,
  ImportReading,
  ImportResponse,
  readImport,
  todayInLondon,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { acknowledgeByFor, appendTimeline } from './action-log-base';

/**
 * Items from a CSV a team kept in a spreadsheet (docs/action-log.md "Import"): a preview that
 * names every row it refuses and why, then an import that writes every row or none.
 */
@Injectable()
export class ActionLogImportService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async preview(csv: string): Promise<ImportPreviewResponse> {
    const reading = await this.read(this.db.manager, csv);
    return {
      accepted: reading.accepted.map(({ serviceId: _s, themeId: _t, ...row }) => row),
      refused: reading.refused,
    };
  }

  async import(actor: Actor, csv: string): Promise<ImportResponse> {
    return this.db.transaction(async (em) => {
      const reading = await this.read(em, csv);
      if (reading.refused.length > 0)
        throw new DomainError(
          'validation',
          `Nothing was imported: ${reading.refused.length === 1 ? 'a row is' : `${reading.refused.length} rows are`} not right, starting at line ${reading.refused[0].line}. Correct ${reading.refused.length === 1 ? 'it' : 'them'} and import the file again.`,
          Object.fromEntries(reading.refused.map((r) => [`line ${r.line}`, r.reasons])),
        );
      const rows = reading.accepted;
      const acknowledgeBy = await acknowledgeByFor(em, this.clock.now());
      const inserted: { id: string }[] = await em.query(
        `INSERT INTO you_said_items (words, source_kind, said_on, channel, service_id, theme_id, acknowledge_by, created_by)
         SELECT words, source, said_on, channel, service_id, theme_id, $7, $8
           FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::uuid[], $6::uuid[])
                WITH ORDINALITY AS r(words, source, said_on, channel, service_id, theme_id, n)
          ORDER BY n
         RETURNING id`,
        [
          rows.map((r) => r.words),
          rows.map((r) => r.source),
          rows.map((r) => r.saidOn),
          rows.map((r) => r.channel),
          rows.map((r) => r.serviceId),
          rows.map((r) => r.themeId),
          acknowledgeBy,
          actor.userId,
        ],
      );
      const itemIds = inserted.map((r) => r.id);
      await appendTimeline(
        em,
        itemIds.map((itemId, i) => ({
          itemId,
          event: 'item_recorded' as const,
          detail: { via: 'import', line: rows[i].line },
          byUserId: actor.userId,
        })),
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Create,
        type: AuditRecordType.YouSaidItem,
        detail: { event: 'import', items: itemIds.length },
      });
      return { imported: itemIds.length, itemIds };
    });
  }

  /** The file read against the services and themes in use; a problem with the file as a whole is a 400. */
  private async read(em: EntityManager, csv: string): Promise<ImportReading> {
    const services: ImportLists['services'] = await em.query(
      `SELECT id, name FROM action_log_services WHERE retired_at IS NULL`,
    );
    const themes: ImportLists['themes'] = await em.query(
      `SELECT id, name FROM action_log_themes WHERE retired_at IS NULL`,
    );
    const reading = readImport(csv, { services, themes }, todayInLondon(this.clock.now()));
    if (reading.problem) throw DomainError.validation('csv', reading.problem);
    return reading;
  }
}
