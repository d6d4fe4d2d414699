import {
  LUNDY_QUESTIONS,
  PLAN_SECTIONS,
  PlanBlock,
  PlanDocument,
  PlanInline,
  PlanLundyAnswerView,
  PlanSectionView,
  dateInWords,
  instantInWords,
} from '@heard/domain';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { taggedDocument } from '../../platform/pdf/tagged-pdf';

/** What a version's PDF shows: the published content, nothing about who wrote it. */
export interface PlanPdfFacts {
  year: number;
  number: number;
  publishedAt: string;
  whatChanged: string | null;
  sections: PlanSectionView[];
  lundy: PlanLundyAnswerView[];
  commitments: { words: string; childWords: string; dueOn: string | null }[];
}

/** The plan's title: plans carry no title of their own yet, so every year's reads the same way. */
export function planPdfTitle(year: number): string {
  return `Our plan for listening to children and young people, ${year}`;
}

/** How the file is called when saved: the year and the version, so two versions never share a name. */
export function planPdfFilename(year: number, number: number): string {
  return `heard-plan-${year}-v${number}.pdf`;
}

const PURPLE = '#5b2a86';
const INK = '#1b1b1f';
const SIZES = { H1: 22, H2: 17, H3: 14, H4: 12.5, H5: 11.5, H6: 11 } as const;
type HeadingType = keyof typeof SIZES;

/** A run as printed: its words and the font its emphasis asks for. */
interface Run {
  text: string;
  font: 'regular' | 'bold' | 'italic' | 'boldItalic';
}

/**
 * A line of typed text as runs. A link's address is written out after its words, since a printed
 * page cannot be clicked and a screen reader then reads where it goes.
 */
function runsOf(line: readonly PlanInline[], base: 'regular' | 'bold' = 'regular'): Run[] {
  const runs: Run[] = [];
  for (const inline of line) {
    const parts = inline.type === 'text' ? [inline] : inline.children;
    for (const part of parts) {
      const strong = base === 'bold' || (part.marks ?? []).includes('strong');
      const emphasis = (part.marks ?? []).includes('emphasis');
      runs.push({
        text: part.text,
        font: strong && emphasis ? 'boldItalic' : strong ? 'bold' : emphasis ? 'italic' : 'regular',
      });
    }
    if (inline.type === 'link')
      runs.push({ text: ` (${inline.href.replace(/^mailto:/, '')})`, font: 'regular' });
  }
  return runs;
}

/**
 * A published version of the annual voice plan as a tagged PDF (issue 14 §5, ADR 0012 and 0033):
 * the title (H1), the version and when it was published, then each section (H2, in a Sect) with its
 * child-friendly text first and its professional text after (each under an H3). The typed text's
 * paragraphs, headings and lists become P, H4–H6 and L/LI/LBody elements holding their words,
 * drawn in the order they are read, so the reading order is the document's. There are no pictures
 * in a plan's text yet, so there is no alternative text to give.
 */
export async function renderPlanPdf(facts: PlanPdfFacts): Promise<Uint8Array> {
  const title = planPdfTitle(facts.year);
  const { doc, done, root } = taggedDocument(title, { pdfUa: true });
  const textWidth = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  let parent = root;

  const write = (runs: Run[], size: number, color: string, indent = 0) => {
    const x = doc.page.margins.left + indent;
    runs.forEach((run, i) => {
      doc.font(run.font).fontSize(size).fillColor(color);
      const continued = i < runs.length - 1;
      if (i === 0) doc.text(run.text, x, doc.y, { width: textWidth - indent, continued });
      else doc.text(run.text, { continued });
    });
  };
  const heading = (type: HeadingType, runs: Run[]) => {
    doc.moveDown(type === 'H2' ? 0.8 : 0.4);
    parent.add(doc.struct(type, {}, () => write(runs, SIZES[type], type === 'H3' ? INK : PURPLE)));
    doc.moveDown(0.2);
  };
  const para = (runs: Run[]) => {
    parent.add(doc.struct('P', {}, () => write(runs, 11, INK)));
    doc.moveDown(0.4);
  };
  const list = (lines: Run[][], ordered: boolean) => {
    const l = doc.struct('L');
    parent.add(l);
    lines.forEach((line, i) => {
      const li = doc.struct('LI');
      l.add(li);
      // The mark is part of the item's text, as the letters and the subject access copy print it.
      const mark: Run = { text: ordered ? `${i + 1}. ` : '• ', font: 'regular' };
      li.add(doc.struct('LBody', {}, () => write([mark, ...line], 11, INK, 12)));
      li.end();
    });
    l.end();
    doc.moveDown(0.4);
  };
  const plain = (text: string): Run[] => [{ text, font: 'regular' }];
  /**
   * Headings inside a section's text start at 2 (plan-text.ts) and sit here under the text's H3, so
   * level 2 is an H4. PDF/UA refuses skipped levels, so a heading is at most one below the one
   * before it: a level 3 typed with no level 2 before it reads as an H4 too.
   */
  let lastLevel = 3;
  const block = (b: PlanBlock) => {
    if (b.type === 'heading') {
      lastLevel = Math.min(b.level + 2, lastLevel + 1);
      heading(`H${lastLevel}` as HeadingType, runsOf(b.children, 'bold'));
    } else if (b.type === 'paragraph') para(runsOf(b.children));
    else
      list(
        b.items.map((item) => runsOf(item)),
        b.ordered,
      );
  };
  /**
   * Laying out text is synchronous and the worker runs in the API's own process: between blocks the
   * event loop gets a turn, so requests answered meanwhile wait one block, not the whole plan
   * (docs/benchmarks.md, "The voice plan").
   */
  const text = async (document: PlanDocument) => {
    lastLevel = 3;
    if (document.blocks.length === 0) para(plain('Nothing is written here.'));
    for (const b of document.blocks) {
      block(b);
      await nextTurn();
    }
  };

  heading('H1', [{ text: title, font: 'bold' }]);
  para(plain(`Version ${facts.number}, published on ${instantInWords(new Date(facts.publishedAt))}.`));
  if (facts.whatChanged) para(plain(`What changed in this version: ${facts.whatChanged}`));

  for (const section of facts.sections) {
    const rule = PLAN_SECTIONS[section.key];
    const sect = doc.struct('Sect');
    root.add(sect);
    parent = sect;
    heading('H2', [{ text: rule.title, font: 'bold' }]);

    heading('H3', [{ text: `For children and young people: ${rule.childTitle}`, font: 'bold' }]);
    await text(section.childFriendly);
    if (section.key === 'commitments' && facts.commitments.length > 0)
      list(
        facts.commitments.map((c) => plain(c.childWords)),
        false,
      );

    heading('H3', [{ text: 'The full plan', font: 'bold' }]);
    await text(section.professional);
    if (section.key === 'lundy') {
      for (const q of LUNDY_QUESTIONS) {
        const answer = facts.lundy.find((a) => a.questionKey === q.key);
        if (!answer) continue;
        heading('H4', [{ text: q.question, font: 'bold' }]);
        para(plain(answer.answer));
        if (answer.evidence.length > 0)
          list(
            answer.evidence.map((e) => plain(`Evidence: ${e.words}`)),
            false,
          );
        await nextTurn();
      }
    }
    if (section.key === 'commitments' && facts.commitments.length > 0)
      list(
        facts.commitments.map((c) => plain(c.dueOn ? `${c.words} By ${dateInWords(c.dueOn)}.` : c.words)),
        true,
      );
    sect.end();
    parent = root;
    await nextTurn();
  }

  root.end();
  doc.end();
  return done;
}
