import { Injectable } from '@nestjs/common';
import {
  ACTION_STATUS_RULES,
  ActionLogFilter,
  ActionStatus,
  AuditAction,
  AuditRecordType,
  ITEM_STAGE_LABELS,
  ItemStage,
  YOU_SAID_SOURCE_LABELS,
  YouSaidSource,
  todayInLondon,
} from '@heard/domain';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import {
  Cell,
  ExportFormat,
  SheetShape,
  cursorBatches,
  writeSpreadsheet,
} from '../../platform/exports/spreadsheet';
import { itemStageSql } from './action-log-base';
import { logFilterSql } from './action-log-filter.sql';

export const EXPORT_HEADER = [
  'Item',
  'Said on',
  'Source',
  'Service',
  'Theme',
  'Channel',
  'Stage',
  'You said',
  'Attributable',
  'Acknowledge by',
  'Acknowledged on',
  'Closed on',
  'Actions',
  'We did, We will, We can’t',
];

interface ExportRow {
  id: string;
  saidOn: string;
  source: YouSaidSource;
  serviceName: string | null;
  themeName: string | null;
  channel: string | null;
  stage: ItemStage;
  words: string;
  attributable: boolean;
  acknowledgeBy: string;
  acknowledgedOn: string | null;
  closedOn: string | null;
  actions: { status: ActionStatus; words: string; dueOn: string | null; doneOn: string | null }[] | null;
}

/**
 * The log's rows: what the item is and where it stands, and the answers given, in words. Nothing
 * about who spoke: no young person's name, id or quote, so the file can go to a meeting.
 */
const SELECT_ROWS = `SELECT y.id, y.said_on::text AS "saidOn", y.source_kind AS source, s.name AS "serviceName",
    th.name AS "themeName", y.channel, ${itemStageSql('y')} AS stage, y.words, y.attributable,
    (y.acknowledge_by AT TIME ZONE 'Europe/London')::date::text AS "acknowledgeBy",
    (y.acknowledged_at AT TIME ZONE 'Europe/London')::date::text AS "acknowledgedOn",
    (y.closed_at AT TIME ZONE 'Europe/London')::date::text AS "closedOn",
    (SELECT json_agg(json_build_object('status', a.status, 'words', a.words, 'dueOn', a.due_on, 'doneOn', a.done_on)
                     ORDER BY a.created_at, a.id)
       FROM action_answers aa JOIN actions a ON a.id = aa.action_id WHERE aa.item_id = y.id) AS actions
  FROM you_said_items y
  LEFT JOIN action_log_services s ON s.id = y.service_id
  LEFT JOIN action_log_themes th ON th.id = y.theme_id`;

function answerOf(a: NonNullable<ExportRow['actions']>[number]): string {
  const label = ACTION_STATUS_RULES[a.status].label;
  const when = a.doneOn ? ` (done ${a.doneOn})` : a.dueOn && a.status !== 'cant' ? ` (due ${a.dueOn})` : '';
  return `${label}${when}: ${a.words}`;
}

/** A row as cells; text is neutralised by the writer of each format (csvCell, neutraliseCell). */
function cellsOf(r: ExportRow): Cell[] {
  return [
    r.id,
    r.saidOn,
    YOU_SAID_SOURCE_LABELS[r.source],
    r.serviceName,
    r.themeName,
    r.channel,
    ITEM_STAGE_LABELS[r.stage],
    r.words,
    r.attributable ? 'yes' : 'no',
    r.acknowledgeBy,
    r.acknowledgedOn,
    r.closedOn,
    r.actions?.length ?? 0,
    (r.actions ?? []).map(answerOf).join('\n') || null,
  ];
}

/** The file's name says what it is and the period; never anyone's name (decision in docs/action-log.md). */
export function exportFileName(filter: ActionLogFilter, format: ExportFormat, today: string): string {
  return `action-log-${filter.from ?? 'start'}-to-${filter.to ?? today}.${format}`;
}

const SHEET: SheetShape<ExportRow> = { name: 'Action log', header: EXPORT_HEADER, cellsOf };

/**
 * The log as CSV or XLSX for any period and filter (docs/action-log.md "Queue and exports"),
 * streamed through the shared spreadsheet writer, a cursor's batch at a time.
 */
@Injectable()
export class ActionLogExportService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return todayInLondon(this.clock.now());
  }

  /** Recorded before the first byte goes: a download cut short was still a download. */
  async recordDownload(actor: Actor, filter: ActionLogFilter, format: ExportFormat): Promise<void> {
    await this.audit.for(actor).record(null, {
      action: AuditAction.Read,
      type: AuditRecordType.ActionLogExport,
      detail: {
        event: 'download',
        format,
        stage: filter.stage ?? null,
        service: filter.service ?? null,
        theme: filter.theme ?? null,
        source: filter.source ?? null,
        from: filter.from ?? null,
        to: filter.to ?? null,
      },
    });
  }

  /** Writes the file to `out` and ends it; returns how many rows it held. */
  write(actor: Actor, filter: ActionLogFilter, format: ExportFormat, out: Writable): Promise<number> {
    const params: unknown[] = [];
    const where = logFilterSql(
      actor,
      { ...filter, serviceId: filter.service, themeId: filter.theme },
      params,
      'y',
      this.clock.now(),
    );
    const rows = cursorBatches<ExportRow>(
      this.db,
      `${SELECT_ROWS} WHERE ${where} ORDER BY y.said_on, y.id`,
      params,
    );
    return writeSpreadsheet(out, format, SHEET, rows);
  }
}
