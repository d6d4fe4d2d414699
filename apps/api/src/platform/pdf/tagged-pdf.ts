import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Response } from 'express';
import PDFDocument from 'pdfkit';

// One home for what every tagged PDF Heard makes needs (letters, subject access): ADR 0012.

/**
 * DejaVu Sans covers Latin, Greek, Cyrillic and Arabic (with its joining forms) in one file, so a
 * young person's name prints in their own script without per-script fallbacks. Resolved at run
 * time from node_modules: the webpack bundle keeps packages external, so the files stay on disk.
 */
const fontFile = (name: string) => createRequire(__filename).resolve(`dejavu-fonts-ttf/ttf/${name}`);
interface Fonts {
  regular: Buffer;
  bold: Buffer;
  italic: Buffer;
  boldItalic: Buffer;
  regularPath: string;
}
let fonts: Fonts | null = null;
function loadFonts(): Fonts {
  if (!fonts) {
    const regularPath = fontFile('DejaVuSans.ttf');
    fonts = {
      regular: readFileSync(regularPath),
      bold: readFileSync(fontFile('DejaVuSans-Bold.ttf')),
      // Emphasis in a plan's text (plan-text.ts) prints as it reads on the page.
      italic: readFileSync(fontFile('DejaVuSans-Oblique.ttf')),
      boldItalic: readFileSync(fontFile('DejaVuSans-BoldOblique.ttf')),
      regularPath,
    };
  }
  return fonts;
}

/** Collects a pdfkit document's bytes once it ends. */
function toBuffer(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** pdfkit (0.20) takes 'PDF/UA' as a subset; @types/pdfkit lists only the PDF/A ones. */
type DocumentSettings = Omit<PDFKit.PDFDocumentOptions, 'subset'> & {
  subset?: PDFKit.PDFDocumentOptions['subset'] | 'PDF/UA';
};

/** A tagged document, its bytes once it ends, and the root its structure elements go under. */
export interface TaggedDocument {
  doc: PDFKit.PDFDocument;
  done: Promise<Uint8Array>;
  root: ReturnType<PDFKit.PDFDocument['struct']>;
}

/**
 * A new A4 tagged PDF in English (structure tree, language, its title shown by readers) set in
 * DejaVu, with 'regular', 'bold', 'italic' and 'boldItalic' registered (a font is embedded only
 * when something is set in it). The title shows in window titles and file lists. `pdfUa` also says
 * in the document's metadata that it is made to PDF/UA-1: the published plan says so; the letters
 * and the subject access copy do not yet, as nobody has checked them against it.
 */
export function taggedDocument(title: string, options: { pdfUa?: boolean } = {}): TaggedDocument {
  const { regular, bold, italic, boldItalic, regularPath } = loadFonts();
  const settings: DocumentSettings = {
    size: 'A4',
    margin: 56,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    // Starting in DejaVu keeps pdfkit from loading its built-in Helvetica, which covers Latin-1 only.
    font: regularPath,
    info: { Title: title, Author: 'Heard' },
    ...(options.pdfUa ? { subset: 'PDF/UA' } : {}),
  };
  const doc = new PDFDocument(settings as PDFKit.PDFDocumentOptions);
  const done = toBuffer(doc);
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  doc.registerFont('italic', italic);
  doc.registerFont('boldItalic', boldItalic);
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { doc, done, root };
}

/** Sends a made PDF: `inline` to open in the browser (a letter to print), `attachment` to save (a copy of data). */
export function sendPdf(
  res: Response,
  pdf: Uint8Array,
  filename: string,
  disposition: 'inline' | 'attachment',
): void {
  res
    .status(200)
    .type('application/pdf')
    .setHeader('Content-Disposition', `${disposition}; filename="${filename}"`)
    .send(Buffer.from(pdf));
}
