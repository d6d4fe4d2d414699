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
  csvCell,
  neutraliseCell,
  todayInLondon,
} from '@heard/domain';
import ExcelJS from 'exceljs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { itemStageSql } from './action-log-base';
import { logFilterSql } from './action-log-filter.sql';

export type ExportFormat = 'csv' | 'xlsx';

/** Rows fetched from the cursor at a time: small enough that formatting them never holds the event loop. */
const BATCH = 500;

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
function cellsOf(r: ExportRow): (string | number | null)[] {
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

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The log as CSV or XLSX for any period and filter (docs/action-log.md "Queue and exports"),
 * streamed: rows come from a cursor a batch at a time and go out as they are written, waiting
 * while the client is slow, so a 100,000-row download never holds the log in memory.
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
  async write(actor: Actor, filter: ActionLogFilter, format: ExportFormat, out: Writable): Promise<number> {
    if (format === 'csv') {
      // A byte-order mark, so spreadsheet programs read the file as UTF-8.
      await this.send(out, '\ufeff' + EXPORT_HEADER.map(csvCell).join(',') + '\r\n');
      const count = await this.eachBatch(actor, filter, out, (rows) =>
        this.send(out, rows.map((r) => cellsOf(r).map(csvCell).join(',') + '\r\n').join('')),
      );
      out.end();
      return count;
    }
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: false,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('Action log');
    sheet.addRow(EXPORT_HEADER).commit();
    const count = await this.eachBatch(actor, filter, out, async (rows) => {
      for (const r of rows)
        sheet.addRow(cellsOf(r).map((c) => (typeof c === 'string' ? neutraliseCell(c) : c))).commit();
      await this.drained(out);
    });
    sheet.commit();
    await workbook.commit();
    return count;
  }

  /**
   * Reads the matching rows through a server-side cursor in one read-only transaction (one
   * consistent picture of the log), a batch at a time. Stops early when the client goes away.
   */
  private async eachBatch(
    actor: Actor,
    filter: ActionLogFilter,
    out: Writable,
    write: (rows: ExportRow[]) => Promise<void>,
  ): Promise<number> {
    const params: unknown[] = [];
    const where = logFilterSql(
      actor,
      { ...filter, serviceId: filter.service, themeId: filter.theme },
      params,
      'y',
      this.clock.now(),
    );
    const runner = this.db.createQueryRunner();
    let count = 0;
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query(`SET TRANSACTION READ ONLY`);
      await runner.query(
        `DECLARE action_log_export NO SCROLL CURSOR FOR ${SELECT_ROWS} WHERE ${where} ORDER BY y.said_on, y.id`,
        params,
      );
      for (;;) {
        if (out.destroyed) break;
        const rows: ExportRow[] = await runner.query(`FETCH ${BATCH} FROM action_log_export`);
        if (rows.length === 0) break;
        await write(rows);
        count += rows.length;
        if (rows.length < BATCH) break;
      }
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
    return count;
  }

  private async send(out: Writable, text: string): Promise<void> {
    if (!out.write(text)) await this.drained(out);
  }

  /** Waits while the client has not taken what was sent (or has gone). */
  private async drained(out: Writable): Promise<void> {
    if (!out.writableNeedDrain || out.destroyed) return;
    await Promise.race([once(out, 'drain'), once(out, 'close')]);
  }
}
