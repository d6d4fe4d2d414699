import { PlanBlock, PlanInline, ReportTable, reportCount, reportPeriodInWords } from '@heard/domain';
import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { ReportFacts, ReportProgress, reportSteps } from './report-pdf';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** The numbering of ordered lists; each list is its own instance, so each starts at 1. */
const NUMBERED = 'report-numbered';

/** A line of typed text as runs: emphasis and strong as italics and bold, a link a real hyperlink with its address. */
function runsOf(line: readonly PlanInline[], bold = false): (TextRun | ExternalHyperlink)[] {
  return line
    .map((inline) => {
      const runs = (inline.type === 'text' ? [inline] : inline.children).map(
        (part) =>
          new TextRun({
            text: part.text,
            bold: bold || (part.marks ?? []).includes('strong') || undefined,
            italics: (part.marks ?? []).includes('emphasis') || undefined,
            style: inline.type === 'link' ? 'Hyperlink' : undefined,
          }),
      );
      return inline.type === 'link'
        ? new ExternalHyperlink({
            link: inline.href,
            children: [...runs, new TextRun(` (${inline.href.replace(/^mailto:/, '')})`)],
          })
        : runs;
    })
    .flat();
}

/**
 * A report as an accessible DOCX (ADR 0034): the document's title and language (en-GB) set, real
 * heading styles in order (the title Heading 1, each section Heading 2, a level 2 heading in the
 * typed text Heading 3, never skipping a level), lists as Word lists, and tables whose first row is
 * marked as the header row (repeated on each page and read as headers). Counts are the draft's,
 * already through the small-number rules.
 */
export async function renderReportDocx(facts: ReportFacts, progress: ReportProgress): Promise<Uint8Array> {
  const steps = reportSteps(facts);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(facts.title)] }),
    new Paragraph(
      `The period it covers: ${reportPeriodInWords(facts.period)} (${facts.period.from} to ${facts.period.to}).`,
    ),
  ];
  let lists = 0;
  const block = (b: PlanBlock, last: { level: number }) => {
    if (b.type === 'heading') {
      last.level = Math.min(b.level + 1, last.level + 1, 6);
      children.push(new Paragraph({ heading: HEADINGS[last.level - 1], children: runsOf(b.children) }));
    } else if (b.type === 'paragraph') children.push(new Paragraph({ children: runsOf(b.children) }));
    // A report's sections hold no pictures (ReportSectionRequestSchema refuses them, ADR 0035).
    else if (b.type === 'picture') return;
    else {
      lists += 1;
      for (const item of b.items)
        children.push(
          new Paragraph({
            children: runsOf(item),
            ...(b.ordered
              ? { numbering: { reference: NUMBERED, level: 0, instance: lists } }
              : { bullet: { level: 0 } }),
          }),
        );
    }
  };
  const table = (t: ReportTable) => {
    children.push(new Paragraph({ children: [new TextRun({ text: t.caption, bold: true })] }));
    const cell = (text: string, bold: boolean) =>
      new TableCell({
        children: [new Paragraph({ children: [new TextRun({ text, bold: bold || undefined })] })],
      });
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: t.columns.map((c) => cell(c, true)) }),
          ...t.rows.map(
            (r) =>
              new TableRow({
                children: [cell(r.label, true), ...r.values.map((v) => cell(reportCount(v), false))],
              }),
          ),
        ],
      }),
    );
  };
  for (const [i, section] of facts.sections.entries()) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.title)] }));
    const last = { level: 2 };
    if (section.text.blocks.length === 0) children.push(new Paragraph('Nothing is written here.'));
    section.text.blocks.forEach((b) => block(b, last));
    section.tables.forEach(table);
    await progress(i + 1, steps);
  }
  const doc = new Document({
    title: facts.title,
    creator: 'Heard',
    description: `${facts.title}.`,
    styles: { default: { document: { run: { language: { value: 'en-GB' }, font: 'Arial', size: 24 } } } },
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: 'left' }],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
