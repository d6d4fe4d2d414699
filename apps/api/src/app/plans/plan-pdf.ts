import {
  LUNDY_QUESTIONS,
  PLAN_SECTIONS,
  PlanDocument,
  PlanLundyAnswerView,
  PlanSectionView,
  dateInWords,
  instantInWords,
} from '@heard/domain';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { taggedDocument } from '../../platform/pdf/tagged-pdf';
import { PdfPictures, plainRun, typedTextWriter } from '../../platform/pdf/typed-text-pdf';

/** What a version's PDF shows: the published content, nothing about who wrote it. */
export interface PlanPdfFacts {
  year: number;
  number: number;
  publishedAt: string;
  whatChanged: string | null;
  sections: PlanSectionView[];
  lundy: PlanLundyAnswerView[];
  commitments: { words: string; childWords: string; dueOn: string | null }[];
  /** The pictures that may be shown when the PDF is made (ADR 0035); the rest print their alt text. */
  pictures?: PdfPictures;
}

/** The plan's title: plans carry no title of their own yet, so every year's reads the same way. */
export function planPdfTitle(year: number): string {
  return `Our plan for listening to children and young people, ${year}`;
}

/** How the file is called when saved: the year and the version, so two versions never share a name. */
export function planPdfFilename(year: number, number: number): string {
  return `heard-plan-${year}-v${number}.pdf`;
}

/**
 * A published version of the annual voice plan as a tagged PDF (issue 14 §5, ADR 0012 and 0033):
 * the title (H1), the version and when it was published, then each section (H2, in a Sect) with its
 * child-friendly text first and its professional text after (each under an H3). The typed text's
 * paragraphs, headings and lists become P, H4–H6 and L/LI/LBody elements holding their words,
 * drawn in the order they are read, so the reading order is the document's. A picture is a Figure
 * with its alt text (ADR 0035).
 */
export async function renderPlanPdf(facts: PlanPdfFacts): Promise<Uint8Array> {
  const title = planPdfTitle(facts.year);
  const tagged = taggedDocument(title, { pdfUa: true });
  const { doc, done, root } = tagged;
  const writer = typedTextWriter(tagged);
  const { heading, para, list } = writer;
  const plain = plainRun;
  /** Headings inside a section's text sit under the text's H3, so a level 2 is an H4. */
  const text = (document: PlanDocument) => writer.text(document, 3, facts.pictures);

  heading('H1', [{ text: title, font: 'bold' }]);
  para(plain(`Version ${facts.number}, published on ${instantInWords(new Date(facts.publishedAt))}.`));
  if (facts.whatChanged) para(plain(`What changed in this version: ${facts.whatChanged}`));

  for (const section of facts.sections) {
    const rule = PLAN_SECTIONS[section.key];
    const sect = doc.struct('Sect');
    root.add(sect);
    writer.parent = sect;
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
    writer.parent = root;
    await nextTurn();
  }

  root.end();
  doc.end();
  return done;
}
