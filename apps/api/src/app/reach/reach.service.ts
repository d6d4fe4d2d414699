import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  LeadersViewQuery,
  REACH_STAGES,
  REACH_STAGE_LABELS,
  Reach,
  ReachStage,
  reachCell,
  reachOf,
} from '@heard/domain';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { FiguresCache } from '../../platform/cache/figures-cache';
import { Cell, ExportFormat, SheetShape, writeSpreadsheet } from '../../platform/exports/spreadsheet';
import { YoungPeopleCategoriesService } from '../young-people/young-people-categories.service';
import { reachCounts } from './reach.queries';

/** A line of the download: which table, which group, and its counts as shown. */
interface ReachLine {
  dimension: string;
  group: string;
  counts: Record<ReachStage, number | null>;
}

export const REACH_EXPORT_HEADER = ['Grouped by', 'Group', ...REACH_STAGES.map((s) => REACH_STAGE_LABELS[s])];

const SHEET: SheetShape<ReachLine> = {
  name: 'Reach',
  header: REACH_EXPORT_HEADER,
  cellsOf: (line): Cell[] => [
    line.dimension,
    line.group,
    ...REACH_STAGES.map((s) => reachCell(line.counts[s])),
  ],
};

/** Everyone first, then each table's rows: the same counts, withheld the same way, as the page. */
function linesOf(reach: Reach): ReachLine[] {
  return [
    { dimension: 'Everyone', group: 'All young people', counts: reach.total },
    ...reach.tables.flatMap((table) =>
      table.rows.map((row) => ({ dimension: table.label, group: row.label, counts: row.counts })),
    ),
  ];
}

/** The file's name says what it is and the period. */
export function reachExportFileName(period: LeadersViewQuery, format: ExportFormat): string {
  return `reach-${period.from}-to-${period.to}.${format}`;
}

/** Reach (issue 13 §4 and §5, docs/reach.md): counted in SQL, withheld and judged in libs/domain. */
@Injectable()
export class ReachService {
  /** The same for everyone who may see it, so kept once a period until what it counts changes. */
  private readonly kept: FiguresCache<Reach>;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly categories: YoungPeopleCategoriesService,
  ) {
    this.kept = new FiguresCache(db);
  }

  reach(period: LeadersViewQuery): Promise<Reach> {
    return this.kept.get(`${period.from} ${period.to}`, async () => {
      const [{ total, rows }, categories] = await Promise.all([
        reachCounts(this.db, period),
        // The whole list: reachOf shows the current ones, and retired ones still on records.
        this.categories.list(),
      ]);
      return reachOf(period, total, rows, categories);
    });
  }

  /** Recorded before the first byte goes: a download cut short was still a download. */
  async recordDownload(actor: Actor, period: LeadersViewQuery, format: ExportFormat): Promise<void> {
    await this.audit.for(actor).record(null, {
      action: AuditAction.Read,
      type: AuditRecordType.ReachExport,
      detail: { event: 'download', format, from: period.from, to: period.to },
    });
  }

  write(reach: Reach, format: ExportFormat, out: Writable): Promise<number> {
    return writeSpreadsheet(out, format, SHEET, [linesOf(reach)]);
  }
}
