import { PDFDocument, PDFFont, PDFPage, StandardFonts, rgb } from 'pdf-lib';

export interface LetterFacts {
  firstName: string;
  title: string;
  dayWords: string;
  time: string | null;
  venue: string | null;
  accessibility: string | null;
  link: string;
  /** The trusted adult handing it over, named so the young person knows who to ask. */
  handedOverBy: string | null;
}

const PURPLE = rgb(0.357, 0.165, 0.525);
const SUN = rgb(1, 0.82, 0.4);
const MINT = rgb(0.62, 0.89, 0.8);
const CORAL = rgb(1, 0.6, 0.55);
const INK = rgb(0.106, 0.106, 0.122);

/** Standard PDF fonts cover Latin-1 only; anything else (emoji, other scripts) becomes a plain "?". */
function printable(text: string): string {
  return text
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\xFF]/g, '?');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of printable(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else {
        line = next;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * A printed invitation, colourful and friendly as young people asked for: big words, bright
 * shapes, what, when and where, and the link to answer. A4, one page.
 */
export async function renderLetter(facts: LetterFacts): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Invitation: ${printable(facts.title)}`);
  pdf.setAuthor('Heard');
  const page: PDFPage = pdf.addPage([595.28, 841.89]);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const { width, height } = page.getSize();
  const margin = 56;
  const textWidth = width - margin * 2;

  // Bright blobs around a sunny banner.
  page.drawCircle({ x: width - 60, y: height - 40, size: 90, color: MINT });
  page.drawCircle({ x: 40, y: 60, size: 70, color: CORAL });
  page.drawCircle({ x: width - 30, y: 120, size: 40, color: SUN });
  page.drawRectangle({ x: margin - 16, y: height - 190, width: textWidth + 32, height: 120, color: SUN });
  page.drawText(printable(`Hi ${facts.firstName}!`), {
    x: margin,
    y: height - 115,
    size: 30,
    font: bold,
    color: PURPLE,
  });
  page.drawText('You are invited', { x: margin, y: height - 160, size: 26, font: bold, color: INK });

  let y = height - 240;
  const write = (text: string, size: number, font: PDFFont, color = INK, gap = 8) => {
    for (const line of wrap(text, font, size, textWidth)) {
      page.drawText(line, { x: margin, y, size, font, color });
      y -= size + gap;
    }
    y -= 6;
  };

  write(facts.title, 24, bold, PURPLE);
  write(`When: ${facts.dayWords}${facts.time ? `, ${facts.time}` : ''}`, 16, regular);
  if (facts.venue) write(`Where: ${facts.venue}`, 16, regular);
  if (facts.accessibility) write(`Getting there and getting in: ${facts.accessibility}`, 13, regular);
  y -= 10;
  write('Can you come? Tell us yes or no. You can change your mind until the day.', 16, bold);
  write('Go to this link on a phone, tablet or computer:', 14, regular);
  page.drawRectangle({ x: margin - 8, y: y - 14, width: textWidth + 16, height: 52, color: MINT });
  y += 8;
  write(facts.link, 11, bold, INK, 4);
  y -= 16;
  if (facts.handedOverBy) {
    write(`${facts.handedOverBy} gave you this letter. You can ask them anything about it.`, 14, regular);
  }
  write('It is fine to say no. Being invited still counts, and we will ask you again.', 14, regular);
  write('From the participation team', 14, bold, PURPLE);
  return pdf.save();
}
