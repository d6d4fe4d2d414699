import {
  PLAN_PICTURE_GONE,
  PLAN_PICTURE_NOT_DRAWN,
  PlanBlock,
  PlanDocument,
  PlanInline,
  PlanPicture,
} from '@heard/domain';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { drawablePicture } from './drawable-picture';
import { TaggedDocument } from './tagged-pdf';

/**
 * The one home of "typed text (plan-text.ts) in a tagged PDF": the published plan's PDF and the
 * reports' PDF draw their headings, paragraphs and lists through it, so the two read the same way
 * and tag the same way (ADR 0033).
 */

export const PDF_PURPLE = '#5b2a86';
export const PDF_INK = '#1b1b1f';
const SIZES = { H1: 22, H2: 17, H3: 14, H4: 12.5, H5: 11.5, H6: 11 } as const;
export type PdfHeadingType = keyof typeof SIZES;

/** A run as printed: its words and the font its emphasis asks for. */
export interface PdfRun {
  text: string;
  font: 'regular' | 'bold' | 'italic' | 'boldItalic';
}

export const plainRun = (text: string): PdfRun[] => [{ text, font: 'regular' }];

/**
 * A line of typed text as runs. A link's address is written out after its words, since a printed
 * page cannot be clicked and a screen reader then reads where it goes.
 */
export function runsOf(line: readonly PlanInline[], base: 'regular' | 'bold' = 'regular'): PdfRun[] {
  const runs: PdfRun[] = [];
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

type StructElement = TaggedDocument['root'];

/** Draws tagged headings, paragraphs, lists and typed text into a document, under a parent it is told. */
export interface TypedTextWriter {
  /** Where the next elements go: the root, or a section. */
  parent: StructElement;
  heading(type: PdfHeadingType, runs: PdfRun[]): void;
  para(runs: PdfRun[]): void;
  list(lines: PdfRun[][], ordered: boolean): void;
  /**
   * A typed document under a heading of level `under` (2: an H2, 3: an H3). Headings inside typed
   * text start at 2 (plan-text.ts), so a level 2 is one below `under`; PDF/UA refuses skipped
   * levels, so a heading is at most one below the one before it.
   */
  text(document: PlanDocument, under: number, pictures?: PdfPictures): Promise<void>;
}

/**
 * The pictures a document may show, by id (ADR 0035): one missing here is not shown, and its alt
 * text is printed with PLAN_PICTURE_GONE, the words the public page uses. The bytes are a
 * Uint8Array: on the document thread they arrive cloned, and cloning does not keep a Buffer.
 */
export type PdfPictures = ReadonlyMap<string, { bytes: Uint8Array; width: number; height: number }>;

/** A picture is at most this tall on the page, so one photo never fills a page of the plan. */
const MAX_PICTURE_HEIGHT = 260;

export function typedTextWriter({ doc, root }: TaggedDocument): TypedTextWriter {
  const textWidth = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const write = (runs: PdfRun[], size: number, color: string, indent = 0) => {
    const x = doc.page.margins.left + indent;
    runs.forEach((run, i) => {
      doc.font(run.font).fontSize(size).fillColor(color);
      const continued = i < runs.length - 1;
      if (i === 0) doc.text(run.text, x, doc.y, { width: textWidth - indent, continued });
      else doc.text(run.text, { continued });
    });
  };
  const writer: TypedTextWriter = {
    parent: root,
    heading(type, runs) {
      doc.moveDown(type === 'H2' ? 0.8 : 0.4);
      writer.parent.add(
        doc.struct(type, {}, () => write(runs, SIZES[type], type === 'H3' ? PDF_INK : PDF_PURPLE)),
      );
      doc.moveDown(0.2);
    },
    para(runs) {
      writer.parent.add(doc.struct('P', {}, () => write(runs, 11, PDF_INK)));
      doc.moveDown(0.4);
    },
    list(lines, ordered) {
      const l = doc.struct('L');
      writer.parent.add(l);
      lines.forEach((line, i) => {
        const li = doc.struct('LI');
        l.add(li);
        // The mark is part of the item's text, as the letters and the subject access copy print it.
        const mark: PdfRun = { text: ordered ? `${i + 1}. ` : '• ', font: 'regular' };
        li.add(doc.struct('LBody', {}, () => write([mark, ...line], 11, PDF_INK, 12)));
        li.end();
      });
      l.end();
      doc.moveDown(0.4);
    },
    async text(document, under, pictures = new Map()) {
      let lastLevel = under;
      const picture = async (p: PlanPicture) => {
        const image = pictures.get(p.pictureId);
        if (!image) {
          writer.para(plainRun(`${p.alt} (${PLAN_PICTURE_GONE})`));
          return;
        }
        /*
         * Asked before drawing, since pdfkit's failure to unpack some PNGs cannot be caught where
         * it happens (drawable-picture.ts): one picture it cannot draw costs its place in the PDF,
         * not the PDF. Uploads are refused such pictures; one stored before that still comes here.
         */
        const drawable = await drawablePicture(doc, image.bytes);
        if (!drawable) {
          writer.para(plainRun(`${p.alt} (${PLAN_PICTURE_NOT_DRAWN})`));
          return;
        }
        const scale = Math.min(1, textWidth / image.width, MAX_PICTURE_HEIGHT / image.height);
        const [width, height] = [image.width * scale, image.height * scale];
        if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
        const y = doc.y;
        // A Figure with its alt text: what a screen reader reads in place of the picture (PDF/UA).
        writer.parent.add(
          doc.struct('Figure', { alt: p.alt }, () => {
            // What pdfkit opened and was checked, drawn as it is (pdfkit's types list bytes only).
            // Exif's orientation (5–8) turns the picture within this box: its size is as seen.
            doc.image(drawable as unknown as Buffer, doc.page.margins.left, y, { width, height });
          }),
        );
        doc.y = y + height;
        doc.moveDown(0.6);
      };
      const block = async (b: PlanBlock) => {
        if (b.type === 'picture') await picture(b);
        else if (b.type === 'heading') {
          lastLevel = Math.min(b.level + under - 1, lastLevel + 1, 6);
          writer.heading(`H${lastLevel}` as PdfHeadingType, runsOf(b.children, 'bold'));
        } else if (b.type === 'paragraph') writer.para(runsOf(b.children));
        else
          writer.list(
            b.items.map((item) => runsOf(item)),
            b.ordered,
          );
      };
      if (document.blocks.length === 0) writer.para(plainRun('Nothing is written here.'));
      /*
       * Laying out text is synchronous and the document workers run in the API's own process:
       * between blocks the event loop gets a turn, so requests answered meanwhile wait one block,
       * not the whole document (docs/benchmarks.md, "The voice plan").
       */
      for (const b of document.blocks) {
        await block(b);
        await nextTurn();
      }
    },
  };
  return writer;
}
