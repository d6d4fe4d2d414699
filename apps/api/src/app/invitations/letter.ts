import { ContactPreferences } from '@heard/domain';
import QRCode from 'qrcode';
import { EntityManager } from 'typeorm';
import { taggedDocument } from '../../platform/pdf/tagged-pdf';

export interface PostalAddress {
  name: string;
  lines: string[];
  postcode: string;
}

export interface LetterContact {
  /** The officer who sent the invitation; null when their account is gone. */
  name: string | null;
  phone: string | null;
}

export interface LetterFacts {
  firstName: string;
  title: string;
  dayWords: string;
  time: string | null;
  venue: string | null;
  accessibility: string | null;
  /** The personal answer link, put in the QR code and printed small for anyone who copies links. */
  link: string;
  /** The same answer page by a code short enough to type from paper (short-codes.ts). */
  shortLink: string;
  contact: LetterContact;
  /** Only for letters that go by post, placed for a window envelope. */
  address: PostalAddress | null;
  /** The trusted adult handing it over, named so the young person knows who to ask. */
  handedOverBy: string | null;
}

const PURPLE = '#5b2a86';
const SUN = '#ffd166';
const MINT = '#9ee3cc';
const CORAL = '#ff998c';
const INK = '#1b1b1f';

/** Whom the letter tells the young person to ask: the officer who invited them, on the team's phone. */
export async function letterContact(
  em: EntityManager,
  createdBy: string | null,
  teamPhone: string | null,
): Promise<LetterContact> {
  const [row]: { display_name: string }[] = createdBy
    ? await em.query(`SELECT display_name FROM users WHERE id = $1`, [createdBy])
    : [];
  return { name: row?.display_name ?? null, phone: teamPhone };
}

/**
 * The address block, only for a letter Heard's team posts: the young person agreed to letters and
 * gave an address, and nobody hands this one over. A handed-over letter carries no address, so
 * nothing on it says where they live.
 */
export function postalAddressFor(
  person: { preferredName: string; contact: ContactPreferences },
  viaTrustedAdultId: string | null,
): PostalAddress | null {
  const letter = person.contact.letter;
  if (!letter || viaTrustedAdultId || person.contact.onlyViaTrustedAdult) return null;
  return { name: person.preferredName, lines: letter.addressLines, postcode: letter.postcode };
}

function qrModules(link: string): { size: number; dark: (row: number, col: number) => boolean } {
  const { modules } = QRCode.create(link, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, col) => modules.get(row, col) === 1 };
}

/**
 * A printed invitation, colourful and friendly as young people asked for, and tagged so a screen
 * reader reads it in order: headings, paragraphs, the QR code as a figure with its words, and the
 * shapes marked as decoration. A4, one page.
 */
export async function renderLetter(facts: LetterFacts): Promise<Uint8Array> {
  const { doc, done, root } = taggedDocument(`Invitation: ${facts.title}`);
  const { width, height } = doc.page;
  const margin = 56;
  const textWidth = width - margin * 2;

  const decoration = (draw: () => void) => {
    doc.markContent('Artifact', { type: 'Layout' });
    draw();
    doc.endMarkedContent();
  };
  const block = (type: string, draw: () => void, options: { alt?: string } = {}) => {
    root.add(doc.struct(type, options, draw));
  };
  const write = (
    text: string,
    size: number,
    font: 'regular' | 'bold' = 'regular',
    color = INK,
    x = margin,
    w = textWidth,
  ) =>
    block('P', () => {
      doc.font(font).fontSize(size).fillColor(color).text(text, x, doc.y, { width: w });
    });

  decoration(() => {
    doc.circle(width - 60, 40, 90).fill(MINT);
    doc.circle(40, height - 60, 70).fill(CORAL);
    doc.circle(width - 30, height - 120, 40).fill(SUN);
  });

  let bannerTop = 70;
  if (facts.address) {
    const address = facts.address;
    // Where a DL window envelope shows it: 20 mm in, 45 mm down.
    doc.y = 128;
    block('P', () => {
      doc.font('regular').fontSize(11).fillColor(INK);
      for (const line of [address.name, ...address.lines, address.postcode]) doc.text(line, margin, doc.y);
    });
    bannerTop = doc.y + 24;
  }

  decoration(() => {
    doc.rect(margin - 16, bannerTop, textWidth + 32, 120).fill(SUN);
  });
  doc.y = bannerTop + 18;
  block('P', () => {
    doc.font('bold').fontSize(30).fillColor(PURPLE);
    // The name on its own run, so a right-to-left name is shaped and ordered on its own.
    doc.text('Hi ', margin, doc.y, { continued: true });
    doc.text(facts.firstName, { continued: true });
    doc.text('!');
  });
  block('H1', () => {
    doc
      .font('bold')
      .fontSize(26)
      .fillColor(INK)
      .text('You are invited', margin, doc.y + 4);
  });
  doc.y = bannerTop + 120 + 24;

  block('H2', () => {
    doc.font('bold').fontSize(22).fillColor(PURPLE).text(facts.title, margin, doc.y, { width: textWidth });
  });
  doc.moveDown(0.3);
  write(`When: ${facts.dayWords}${facts.time ? `, ${facts.time}` : ''}`, 14);
  if (facts.venue) write(`Where: ${facts.venue}`, 14);
  if (facts.accessibility) write(`Getting there and getting in: ${facts.accessibility}`, 12);
  doc.moveDown(0.8);

  block('H2', () => {
    doc.font('bold').fontSize(18).fillColor(INK).text('Can you come?', margin, doc.y);
  });
  write('Tell us yes or no. You can change your mind until the day.', 13);
  doc.moveDown(0.4);

  const qrSize = 116;
  const answerTop = doc.y;
  const answerWidth = textWidth - qrSize - 24;
  const qr = qrModules(facts.link);
  const cell = qrSize / (qr.size + 8);
  const qrX = margin + textWidth - qrSize;
  block(
    'Figure',
    () => {
      doc.rect(qrX, answerTop, qrSize, qrSize).fill('#ffffff');
      for (let row = 0; row < qr.size; row++)
        for (let col = 0; col < qr.size; col++)
          if (qr.dark(row, col)) doc.rect(qrX + (col + 4) * cell, answerTop + (row + 4) * cell, cell, cell);
      doc.fill(INK);
    },
    { alt: 'A QR code. Scan it with a phone camera to open your answer page.' },
  );

  decoration(() => {
    doc.roundedRect(margin - 8, answerTop - 6, answerWidth + 8, 78, 10).fill(MINT);
  });
  doc.y = answerTop;
  write('Scan the code with a phone camera, or type this link:', 12, 'regular', INK, margin, answerWidth - 8);
  write(facts.shortLink, 16, 'bold', INK, margin, answerWidth - 8);
  doc.y = Math.max(doc.y, answerTop + 78) + 6;
  write(`Or the full link: ${facts.link}`, 8, 'regular', INK, margin, answerWidth);
  doc.y = Math.max(doc.y, answerTop + qrSize) + 16;

  block('H2', () => {
    doc.font('bold').fontSize(18).fillColor(INK).text('Questions?', margin, doc.y);
  });
  if (facts.handedOverBy)
    write(`${facts.handedOverBy} gave you this letter. You can ask them anything about it.`, 13);
  const { name, phone } = facts.contact;
  const ask =
    name && phone
      ? `call ${name} on ${phone}.`
      : name
        ? `ask ${name} in the participation team.`
        : phone
          ? `call the participation team on ${phone}.`
          : 'ask the participation team.';
  write(facts.handedOverBy ? `Or ${ask}` : `${ask[0].toUpperCase()}${ask.slice(1)}`, 13);
  doc.moveDown(0.6);
  write('It is fine to say no. Being invited still counts, and we will ask you again.', 13);
  write('From the participation team', 13, 'bold', PURPLE);

  root.end();
  doc.end();
  return done;
}
