import { renderPlanPdf } from '../plans/plan-pdf';
import { renderReportDocx } from '../reports/report-docx';
import { renderReportPdf } from '../reports/report-pdf';

/** Every document Heard makes off the request path, by name: what the document thread runs (ADR 0038). */
export const DOCUMENT_RENDERERS = {
  planPdf: renderPlanPdf,
  reportPdf: renderReportPdf,
  reportDocx: renderReportDocx,
};

export type DocumentRenderers = typeof DOCUMENT_RENDERERS;
