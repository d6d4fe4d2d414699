import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  FEWER_THAN_FIVE,
  LeadersViewQuery,
  PLEDGE_STATUSES,
  PLEDGE_STATUS_RULES,
  PledgeSummary,
  RAG_LABELS,
  Rag,
  ShownCount,
  shownParts,
} from '@heard/domain';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import {
  Cell,
  ExportFormat,
  SheetShape,
  cursorBatches,
  writeSpreadsheet,
} from '../../platform/exports/spreadsheet';
import { SUMMARY_SQL, SummaryRow, readablePledgesSql, toSummary } from './pledges.queries';

export const PLEDGES_EXPORT_HEADER = [
  'Pledge',
  'Made by',
  'Role',
  'Made at',
  'Made on',
  'Theme',
  'The pledge',
  'Target date',
  'Status',
  'Next update due',
  'Leader’s colour',
  'Leader’s reason',
  'Young people’s colour',
  'Young people: kept',
  'Young people: partly',
  'Young people: not kept',
  'The two colours differ',
];

/** Statuses still running: such a pledge belongs to every period from the day it was made. */
const RUNNING_SQL = `(${PLEDGE_STATUSES.filter(
  (s) => s === 'unconfirmed' || PLEDGE_STATUS_RULES[s].takesUpdates,
)
  .map((s) => `'${s}'`)
  .join(', ')})`;

const ragCell = (rag: Rag | null): string | null => (rag ? RAG_LABELS[rag] : null);
const countCell = (count: ShownCount): Cell => count ?? FEWER_THAN_FIVE;

/**
 * A pledge as cells. The young people's verdicts are counts only (never their words, which could
 * name them), withheld under five like every count of young people a leader sees.
 */
function cellsOf(p: PledgeSummary): Cell[] {
  const { counts, rag } = p.ratings.youngPeople;
  const [kept, partly, notKept] = shownParts([counts.kept, counts.partly, counts.not_kept]);
  return [
    p.id,
    p.madeBy.displayName,
    p.role,
    p.forum,
    p.madeOn,
    p.theme.name,
    p.words,
    p.targetDate,
    PLEDGE_STATUS_RULES[p.status].label,
    PLEDGE_STATUS_RULES[p.status].takesUpdates ? p.nextUpdateDue : null,
    ragCell(p.ratings.leader.rag),
    p.ratings.leader.reason,
    ragCell(rag),
    countCell(kept),
    countCell(partly),
    countCell(notKept),
    p.ratings.flagged ? 'yes' : 'no',
  ];
}

const SHEET: SheetShape<SummaryRow> = {
  name: 'Pledges',
  header: PLEDGES_EXPORT_HEADER,
  cellsOf: (r) => cellsOf(toSummary(r)),
};

/** The file's name says what it is and the period; never anyone's name. */
export function pledgesExportFileName(period: LeadersViewQuery, format: ExportFormat): string {
  return `pledges-${period.from}-to-${period.to}.${format}`;
}

/**
 * The pledges of a period as CSV or XLSX (issue 13 §5, docs/pledges.md "Downloads"): those made
 * by its end that were made in it, are still running, or changed in it. A leader gets their own.
 */
@Injectable()
export class PledgesExportService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Recorded before the first byte goes: a download cut short was still a download. */
  async recordDownload(actor: Actor, period: LeadersViewQuery, format: ExportFormat): Promise<void> {
    await this.audit.for(actor).record(null, {
      action: AuditAction.Read,
      type: AuditRecordType.PledgeExport,
      detail: { event: 'download', format, from: period.from, to: period.to },
    });
  }

  write(actor: Actor, period: LeadersViewQuery, format: ExportFormat, out: Writable): Promise<number> {
    const params: unknown[] = [period.from, period.to];
    const sql = `${SUMMARY_SQL}
      WHERE ${readablePledgesSql(actor, params)} AND p.made_on <= $2::date
        AND (p.made_on >= $1::date OR p.status IN ${RUNNING_SQL}
             OR (p.updated_at AT TIME ZONE 'Europe/London')::date >= $1::date)
      ORDER BY p.made_on, p.id`;
    return writeSpreadsheet(out, format, SHEET, cursorBatches<SummaryRow>(this.db, sql, params));
  }
}
