import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  PlanPeriod,
  ReportCreateCommand,
  ReportExportStatusResponse,
  DraftedQuote,
  ReportFormat,
  ReportKind,
  ReportListResponse,
  ReportResponse,
  ReportSection,
  ReportSectionCommand,
  ReportSectionKey,
  ReportSummary,
  defaultReportPeriod,
  draftReport,
  draftedQuotes,
  reportFilename,
  reportTitle,
  todayInLondon,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { FunnelService } from '../activities/funnel.service';
import { ConsentService } from '../consent/consent.service';
import { quotesNoLongerShown, reportData } from './reports.queries';

/** The most recent reports listed; there are two or three a year. */
const REPORTS_LISTED = 100;

interface ReportRow {
  id: string;
  kind: ReportKind;
  title: string;
  from: string;
  to: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  sections?: ReportSection[];
}

const SUMMARY_SQL = `SELECT id, kind, title, period_from::text AS "from", period_to::text AS "to", version,
                            created_at AS "createdAt", updated_at AS "updatedAt"`;

function summaryOf(row: ReportRow): ReportSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    period: { from: row.from, to: row.to },
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** A report's document over the wire: where it is, and the file once made. */
interface DocumentRow {
  status: ReportExportStatusResponse['status'];
  step: number;
  steps: number;
  attempts: number;
  lastError: string | null;
  madeAt: Date | null;
  size: number | null;
}

/**
 * The reports (issue 14 §6, docs/reports.md): drafted from the data for a period, edited section by
 * section by officers, exported as PDF and DOCX by ReportDocumentsWorker off the request path.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly funnels: FunnelService,
    private readonly consent: ConsentService,
  ) {}

  async create(actor: Actor, command: ReportCreateCommand): Promise<ReportResponse> {
    const period: PlanPeriod =
      command.from !== undefined && command.to !== undefined
        ? { from: command.from, to: command.to }
        : defaultReportPeriod(command.kind, todayInLondon(this.clock.now()));
    // Read before the transaction: counting a year is many queries, and nothing is written until it is done.
    const data = await reportData(this.db, this.funnels, this.consent, period, this.clock.now());
    const sections = draftReport(command.kind, data);
    const id = await this.db.transaction(async (em) => {
      const [row]: { id: string }[] = await em.query(
        `INSERT INTO reports (kind, period_from, period_to, title, sections, created_by, quotes)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb) RETURNING id`,
        [
          command.kind,
          period.from,
          period.to,
          reportTitle(command.kind, period),
          JSON.stringify(sections),
          actor.userId,
          JSON.stringify(draftedQuotes(data)),
        ],
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Create,
        type: AuditRecordType.Report,
        id: row.id,
        detail: { kind: command.kind, from: period.from, to: period.to },
      });
      return row.id;
    });
    return this.report(id);
  }

  async list(): Promise<ReportListResponse> {
    const rows: ReportRow[] = await this.db.query(
      `${SUMMARY_SQL} FROM reports ORDER BY created_at DESC, id LIMIT ${REPORTS_LISTED}`,
    );
    return { reports: rows.map(summaryOf) };
  }

  async report(id: string, em: EntityManager = this.db.manager): Promise<ReportResponse> {
    const [row]: ReportRow[] = await em.query(`${SUMMARY_SQL}, sections FROM reports WHERE id = $1`, [id]);
    if (!row) throw DomainError.notFound('This report');
    return { ...summaryOf(row), sections: row.sections ?? [] };
  }

  /** A section's text, written over the report as the officer last saw it (409 when someone wrote since). */
  editSection(
    actor: Actor,
    id: string,
    key: ReportSectionKey,
    command: ReportSectionCommand,
  ): Promise<ReportResponse> {
    return this.db.transaction(async (em) => {
      const [row]: { version: number; sections: ReportSection[] }[] = await em.query(
        `SELECT version, sections FROM reports WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) throw DomainError.notFound('This report');
      if (row.version !== command.version)
        throw new DomainError(
          'conflict',
          'Someone changed this report since you opened it. Reload it to see their changes, then make yours again.',
        );
      const at = row.sections.findIndex((s) => s.key === key);
      if (at < 0) throw DomainError.notFound('This section of the report');
      const sections = row.sections.map((s, i) => (i === at ? { ...s, text: command.text } : s));
      await em.query(
        `UPDATE reports SET sections = $2::jsonb, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, JSON.stringify(sections)],
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.Report,
        id,
        detail: { event: 'section', section: key },
      });
      return this.report(id, em);
    });
  }

  /** Queues the report's document in a format; asking again queues it again (the report may have changed). */
  async requestExport(actor: Actor, id: string, format: ReportFormat): Promise<ReportExportStatusResponse> {
    await this.db.transaction(async (em) => {
      const [row]: { version: number }[] = await em.query(`SELECT version FROM reports WHERE id = $1`, [id]);
      if (!row) throw DomainError.notFound('This report');
      await requeueReportDocument(em, id, format, row.version);
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.Report,
        id,
        detail: { event: 'export', format },
      });
    });
    return this.exportStatus(id, format);
  }

  async exportStatus(id: string, format: ReportFormat): Promise<ReportExportStatusResponse> {
    const [exists]: unknown[] = await this.db.query(`SELECT 1 FROM reports WHERE id = $1`, [id]);
    if (!exists) throw DomainError.notFound('This report');
    const [row]: DocumentRow[] = await this.db.query(
      `SELECT status, step, steps, attempts, last_error AS "lastError", made_at AS "madeAt",
              octet_length(bytes) AS size
         FROM report_documents WHERE report_id = $1 AND kind = $2`,
      [id, format],
    );
    return {
      reportId: id,
      format,
      status: row?.status ?? null,
      step: row?.step ?? 0,
      steps: row?.steps ?? 0,
      attempts: row?.attempts ?? 0,
      lastError: row?.lastError ?? null,
      madeAt: row?.madeAt ? new Date(row.madeAt).toISOString() : null,
      size: row?.size ?? null,
      href: row?.status === 'ready' ? `/api/reports/${id}/exports/${format}/file` : null,
    };
  }

  /** The made file and its name; the download is audited before the first byte goes. */
  async file(actor: Actor, id: string, format: ReportFormat): Promise<{ bytes: Buffer; filename: string }> {
    const [row]: {
      kind: ReportKind;
      from: string;
      to: string;
      status: string | null;
      bytes: Buffer | null;
      version: number;
      quotes: DraftedQuote[];
      quotesLeftOut: string[];
    }[] = await this.db.query(
      `SELECT r.kind, r.period_from::text AS "from", r.period_to::text AS "to", d.status, d.bytes,
              r.version, r.quotes, coalesce(d.quotes_left_out, '[]'::jsonb) AS "quotesLeftOut"
           FROM reports r LEFT JOIN report_documents d ON d.report_id = r.id AND d.kind = $2
          WHERE r.id = $1`,
      [id, format],
    );
    if (!row) throw DomainError.notFound('This report');
    if (row.status !== 'ready' || !row.bytes)
      throw DomainError.notFound(`The ${format.toUpperCase()} of this report (export it first)`);
    // A quote in the file may have stopped being shareable since it was made: then the file is not
    // given out, but made again without it.
    const gone = await quotesNoLongerShown(this.db, this.consent, this.clock.now(), row.quotes);
    if (gone.some((q) => !row.quotesLeftOut.includes(q.quoteId))) {
      await requeueReportDocument(this.db.manager, id, format, row.version);
      throw new DomainError(
        'conflict',
        `This ${format.toUpperCase()} holds a quote that may no longer be shared, so it is being made again without it. Try again in a minute.`,
      );
    }
    await this.audit.for(actor).record(null, {
      action: AuditAction.Read,
      type: AuditRecordType.Report,
      id,
      detail: { event: 'download', format },
    });
    return {
      bytes: Buffer.from(row.bytes),
      filename: reportFilename(row.kind, { from: row.from, to: row.to }, format),
    };
  }
}

/**
 * Queues a report's document in a format, afresh: one being made loses its claim (its result is
 * not recorded, docs/reports.md) so the file always follows the last request and the report's
 * last text.
 */
async function requeueReportDocument(
  em: EntityManager,
  id: string,
  format: ReportFormat,
  version: number,
): Promise<void> {
  await em.query(
    `INSERT INTO report_documents (report_id, kind, report_version) VALUES ($1, $2, $3)
     ON CONFLICT (report_id, kind) DO UPDATE
       SET status = 'queued', step = 0, steps = 0, attempts = 0, next_attempt_at = now(),
           last_error = NULL, bytes = NULL, made_at = NULL, requested_at = now(),
           claim_token = NULL, lease_until = NULL, quotes_left_out = '[]',
           report_version = EXCLUDED.report_version`,
    [id, format, version],
  );
}
