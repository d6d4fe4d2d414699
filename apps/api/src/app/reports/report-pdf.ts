import { PlanPeriod, ReportSection, ReportTable, reportCount, reportPeriodInWords } from '@heard/domain';
import { taggedDocument } from '../../platform/pdf/tagged-pdf';
import { PDF_INK, plainRun, typedTextWriter } from '../../platform/pdf/typed-text-pdf';

/** What a report's documents show: its title, period and sections, nothing about who drafted it. */
export interface ReportFacts {
  title: string;
  period: PlanPeriod;
  sections: ReportSection[];
}

/** Says how far the making has got, for the page to show: step of steps. */
export type ReportProgress = (step: number, steps: number) => Promise<void>;

/** A section a step, and the file itself one more. */
export const reportSteps = (facts: ReportFacts) => facts.sections.length + 1;

/**
 * A report as a tagged PDF (PDF/UA, ADR 0033 and 0034): the title (H1) and period, then each section
 * in a Sect under its H2 with its typed text drawn by the plan's writer (typed-text-pdf.ts: a level 2
 * heading in the text is an H3), then its tables as Table/TR/TH/TD with a header row. Counts are the
 * draft's, already through the small-number rules: a withheld one reads "fewer than 5".
 */
export async function renderReportPdf(facts: ReportFacts, progress: ReportProgress): Promise<Uint8Array> {
  const tagged = taggedDocument(facts.title, { pdfUa: true });
  const { doc, done, root } = tagged;
  const writer = typedTextWriter(tagged);
  const steps = reportSteps(facts);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  const table = (t: ReportTable) => {
    writer.para([{ text: t.caption, font: 'bold' }]);
    const el = doc.struct('Table');
    writer.parent.add(el);
    const first = Math.round(width * 0.45);
    const rest = t.columns.length > 1 ? (width - first) / (t.columns.length - 1) : 0;
    const row = (cells: string[], header: boolean) => {
      if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
      const tr = doc.struct('TR');
      el.add(tr);
      const top = doc.y;
      let bottom = top;
      cells.forEach((cell, i) => {
        const x = doc.page.margins.left + (i === 0 ? 0 : first + rest * (i - 1));
        const w = i === 0 ? first : rest;
        tr.add(
          doc.struct(header ? 'TH' : 'TD', {}, () => {
            doc
              .font(header || i === 0 ? 'bold' : 'regular')
              .fontSize(10.5)
              .fillColor(PDF_INK);
            doc.text(cell, x, top, { width: w - 6 });
          }),
        );
        bottom = Math.max(bottom, doc.y);
      });
      tr.end();
      doc.y = bottom + 4;
    };
    row(t.columns, true);
    for (const r of t.rows) row([r.label, ...r.values.map(reportCount)], false);
    el.end();
    doc.x = doc.page.margins.left;
    doc.moveDown(0.6);
  };

  writer.heading('H1', [{ text: facts.title, font: 'bold' }]);
  writer.para(
    plainRun(
      `The period it covers: ${reportPeriodInWords(facts.period)} (${facts.period.from} to ${facts.period.to}).`,
    ),
  );
  for (const [i, section] of facts.sections.entries()) {
    const sect = doc.struct('Sect');
    root.add(sect);
    writer.parent = sect;
    writer.heading('H2', [{ text: section.title, font: 'bold' }]);
    await writer.text(section.text, 2);
    section.tables.forEach(table);
    sect.end();
    writer.parent = root;
    await progress(i + 1, steps);
  }
  root.end();
  doc.end();
  return done;
}
