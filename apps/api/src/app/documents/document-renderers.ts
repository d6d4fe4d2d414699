import { PlanPdfFacts, renderPlanPdf } from '../plans/plan-pdf';
import { renderReportDocx } from '../reports/report-docx';
import { renderReportPdf } from '../reports/report-pdf';

/**
 * A picture's bytes cross to the thread as a plain Uint8Array (structured cloning does not keep
 * Buffer), and pdfkit reads only a Buffer as image data: the same memory, seen as one again.
 */
function withPictureBuffers(facts: PlanPdfFacts): PlanPdfFacts {
  if (!facts.pictures) return facts;
  const pictures = new Map(
    [...facts.pictures].map(([id, p]) => [
      id,
      { ...p, bytes: Buffer.from(p.bytes.buffer, p.bytes.byteOffset, p.bytes.byteLength) },
    ]),
  );
  return { ...facts, pictures };
}

/** Every document Heard makes off the request path, by name: what the document thread runs (ADR 0038). */
export const DOCUMENT_RENDERERS = {
  planPdf: (facts: PlanPdfFacts) => renderPlanPdf(withPictureBuffers(facts)),
  reportPdf: renderReportPdf,
  reportDocx: renderReportDocx,
};

export type DocumentRenderers = typeof DOCUMENT_RENDERERS;
