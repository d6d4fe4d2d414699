import { z } from 'zod';
import type { PlanPeriod } from '../plan/plan-assembly';
import { PlanDocumentSchema } from '../plan/plan-text';
import type { PlanDocumentStatus } from '../plan/plan-documents.contract';
import { isoDateSchema } from '../shared/schemas';
import {
  REPORT_KINDS,
  REPORT_SECTION_KEYS,
  ReportKind,
  ReportSection,
  reportPeriodProblem,
} from './report-rules';

/** The reports over the wire (issue 14 §6, docs/reports.md). */

export const REPORT_FORMATS = ['pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const reportKindSchema = z.enum(REPORT_KINDS, {
  error: 'Choose a Family Feedback Report or an annual participation report.',
});
export const reportSectionKeySchema = z.enum(REPORT_SECTION_KEYS, { error: 'There is no such section.' });
export const reportFormatSchema = z.enum(REPORT_FORMATS, { error: 'Export as pdf or docx.' });

/** `POST /api/reports`: a kind, and a period or none (the kind's default: the last six months or year). */
export const ReportCreateRequestSchema = z
  .object({
    kind: reportKindSchema,
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if ((r.from === undefined) !== (r.to === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [r.from === undefined ? 'from' : 'to'],
        message: 'Give both the start and the end of the period, or neither.',
      });
      return;
    }
    if (r.from === undefined || r.to === undefined) return;
    const problem = reportPeriodProblem({ from: r.from, to: r.to });
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });
export type ReportCreateRequest = z.input<typeof ReportCreateRequestSchema>;
export type ReportCreateCommand = z.output<typeof ReportCreateRequestSchema>;

/** `PUT /api/reports/:id/sections/:key`: the section's text, and the report's version as last seen. */
export const ReportSectionRequestSchema = z
  .object({
    version: z
      .number({ error: 'Send the report’s version as you last saw it.' })
      .int('Send the report’s version as you last saw it.')
      .min(1, 'Send the report’s version as you last saw it.')
      .max(1_000_000, 'Send the report’s version as you last saw it.'),
    // A report's sections stay words: its exports (PDF, Word) draw no pictures (ADR 0035).
    text: PlanDocumentSchema.refine((doc) => doc.blocks.every((b) => b.type !== 'picture'), {
      message: 'A report’s sections hold words only: remove the picture.',
      path: ['blocks'],
    }),
  })
  .strict();
export type ReportSectionRequest = z.input<typeof ReportSectionRequestSchema>;
export type ReportSectionCommand = z.output<typeof ReportSectionRequestSchema>;

/** `POST /api/reports/:id/exports`. */
export const ReportExportRequestSchema = z.object({ format: reportFormatSchema }).strict();
export type ReportExportCommand = z.output<typeof ReportExportRequestSchema>;

export interface ReportSummary {
  id: string;
  kind: ReportKind;
  title: string;
  period: PlanPeriod;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReportResponse extends ReportSummary {
  sections: ReportSection[];
}

export interface ReportListResponse {
  reports: ReportSummary[];
}

/** Where an export is: waiting, being made (step of steps), made (with where to fetch it) or failed. */
export interface ReportExportStatusResponse {
  reportId: string;
  format: ReportFormat;
  /** Null: never asked for. */
  status: PlanDocumentStatus | null;
  step: number;
  steps: number;
  attempts: number;
  /** The kind of error of the last failed try, never the report's text. */
  lastError: string | null;
  madeAt: string | null;
  size: number | null;
  /** The made file, once ready. */
  href: string | null;
}
