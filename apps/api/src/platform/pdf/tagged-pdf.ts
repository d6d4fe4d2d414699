import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// One home for what every tagged PDF Heard makes needs (letters, subject access): ADR 0012.

/**
 * DejaVu Sans covers Latin, Greek, Cyrillic and Arabic (with its joining forms) in one file, so a
 * young person's name prints in their own script without per-script fallbacks. Resolved at run
 * time from node_modules: the webpack bundle keeps packages external, so the files stay on disk.
 */
const fontFile = (name: string) => createRequire(__filename).resolve(`dejavu-fonts-ttf/ttf/${name}`);
let fonts: { regular: Buffer; bold: Buffer; regularPath: string } | null = null;
export function loadFonts(): { regular: Buffer; bold: Buffer; regularPath: string } {
  if (!fonts) {
    const regularPath = fontFile('DejaVuSans.ttf');
    fonts = {
      regular: readFileSync(regularPath),
      bold: readFileSync(fontFile('DejaVuSans-Bold.ttf')),
      regularPath,
    };
  }
  return fonts;
}

/** Collects a pdfkit document's bytes once it ends. */
export function toBuffer(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
