import jsQR from 'jsqr';
import { inflateSync } from 'node:zlib';

/**
 * Just enough of a PDF reader to check Heard's letters as a reader would meet them: the objects,
 * the text through each font's ToUnicode map, and the QR code scanned from the drawn squares.
 * It reads what pdfkit writes (no object streams, no cross-reference streams), nothing more.
 */
interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

export function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text))) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    const streamAt = text.indexOf('stream\n', start);
    if (streamAt < 0 || streamAt > end) {
      objects.set(Number(match[1]), { dict: text.slice(start, end), stream: null });
      header.lastIndex = end;
      continue;
    }
    const dict = text.slice(start, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const raw = pdf.subarray(streamAt + 7, streamAt + 7 + length);
    objects.set(Number(match[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
    header.lastIndex = streamAt + 7 + length;
  }
  return objects;
}

/** Everything outside the page streams, where the catalogue, info and structure tree are. */
export function pdfDictionaries(pdf: Buffer): string {
  return [...pdfObjects(pdf).values()].map((o) => o.dict).join('\n');
}

/** The document's XMP metadata (the catalogue's /Metadata stream), where PDF/A and PDF/UA say so. */
export function pdfMetadata(pdf: Buffer): string {
  const ref = /\/Metadata (\d+) 0 R/.exec(pdfDictionaries(pdf))?.[1];
  return ref ? (pdfObjects(pdf).get(Number(ref))?.stream?.toString('utf8') ?? '') : '';
}

function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, from, , entries] of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
    [...entries.matchAll(/<([0-9a-f ]+)>/gi)].forEach(([, hex], i) => {
      const units = hex.split(' ').map((h) => parseInt(h, 16));
      map.set(parseInt(from, 16) + i, String.fromCharCode(...units));
    });
  }
  return map;
}

function fontMaps(objects: Map<number, PdfObject>): Map<string, Map<number, string>> {
  const fonts = new Map<string, Map<number, string>>();
  for (const object of objects.values()) {
    const resources = /\/Font\s*<<([^>]*)>>/.exec(object.dict);
    if (!resources) continue;
    for (const [, name, ref] of resources[1].matchAll(/\/([\w.]+)\s+(\d+) 0 R/g)) {
      const cmapRef = /\/ToUnicode (\d+) 0 R/.exec(objects.get(Number(ref))?.dict ?? '')?.[1];
      const cmap = cmapRef ? objects.get(Number(cmapRef))?.stream : null;
      if (cmap) fonts.set(name, toUnicode(cmap.toString('latin1')));
    }
  }
  return fonts;
}

function pageStreams(objects: Map<number, PdfObject>): string[] {
  const contents = new Set<number>();
  for (const object of objects.values()) {
    const ref = /\/Type \/Page\b[\s\S]*?\/Contents (\d+) 0 R/.exec(object.dict)?.[1];
    if (ref) contents.add(Number(ref));
  }
  return [...contents].map((id) => objects.get(id)?.stream?.toString('latin1') ?? '');
}

/** The printed text, one line of the page per line, in the order it was drawn. */
export function pdfText(pdf: Buffer): string {
  const objects = pdfObjects(pdf);
  const fonts = fontMaps(objects);
  const lines: string[] = [];
  for (const content of pageStreams(objects)) {
    let font = new Map<number, string>();
    let lastY: string | null = null;
    const ops = /\/([\w.]+)\s+[\d.]+\s+Tf|1 0 0 -?1 [\d.-]+ ([\d.-]+) Tm|\[([^\]]*)\]\s*TJ/g;
    for (const [, fontName, y, array] of content.matchAll(ops)) {
      if (fontName) font = fonts.get(fontName) ?? new Map();
      else if (y !== undefined) {
        if (y !== lastY) lines.push('');
        lastY = y;
      } else {
        const glyphs = [...array.matchAll(/<([0-9a-f]*)>/gi)].flatMap(([, hex]) => hex.match(/.{4}/g) ?? []);
        lines[lines.length - 1] += glyphs.map((g) => font.get(parseInt(g, 16)) ?? '\uFFFD').join('');
      }
    }
  }
  return lines.join('\n');
}

/** A structure element as a screen reader meets it: its type, its words, and what it holds, in order. */
export interface PdfStructElement {
  type: string;
  /** Every word inside it (its own marked content and its children's), lines joined by a space. */
  text: string;
  alt: string | null;
  children: PdfStructElement[];
}

/** Each page's marked content by MCID: the text drawn inside `/Tag << /MCID n >> BDC … EMC`. */
function markedText(objects: Map<number, PdfObject>): Map<number, Map<number, string>> {
  const fonts = fontMaps(objects);
  const pages = new Map<number, Map<number, string>>();
  for (const [id, object] of objects) {
    const ref = /\/Type \/Page\b[\s\S]*?\/Contents (\d+) 0 R/.exec(object.dict)?.[1];
    if (!ref) continue;
    const content = objects.get(Number(ref))?.stream?.toString('latin1') ?? '';
    const byMcid = new Map<number, string>();
    // Marked content nests: the innermost owns the text, and an artifact's (no MCID) is nobody's.
    const open: (number | null)[] = [];
    let font = new Map<number, string>();
    let lastY: string | null = null;
    const ops =
      /\/\w+\s*<<([^>]*)>>\s*BDC|\/\w+\s+BMC|\bEMC\b|\/([\w.]+)\s+[\d.]+\s+Tf|1 0 0 -?1 [\d.-]+ ([\d.-]+) Tm|\[([^\]]*)\]\s*TJ/g;
    for (const match of content.matchAll(ops)) {
      const [op, properties, fontName, y, array] = match;
      const mcid = open.length > 0 ? open[open.length - 1] : null;
      if (properties !== undefined) {
        const own = /\/MCID (\d+)/.exec(properties)?.[1];
        open.push(own === undefined ? null : Number(own));
      } else if (/BMC$/.test(op)) open.push(null);
      else if (op === 'EMC') open.pop();
      else if (fontName) font = fonts.get(fontName) ?? new Map();
      else if (mcid === null) continue;
      else if (y !== undefined) {
        // A new line: the words either side of a wrap are two words.
        if (y !== lastY) byMcid.set(mcid, `${byMcid.get(mcid) ?? ''} `);
        lastY = y;
      } else {
        const glyphs = [...array.matchAll(/<([0-9a-f]*)>/gi)].flatMap(([, hex]) => hex.match(/.{4}/g) ?? []);
        const words = glyphs.map((g) => font.get(parseInt(g, 16)) ?? '\uFFFD').join('');
        byMcid.set(mcid, `${byMcid.get(mcid) ?? ''}${words}`);
      }
    }
    pages.set(id, byMcid);
  }
  return pages;
}

/** A PDF literal string's text: pdfkit writes ASCII as (…) and the rest as UTF-16 <FEFF…>. */
function pdfString(raw: string): string {
  if (raw.startsWith('<')) {
    const hex = raw.slice(1, -1).replace(/^feff/i, '');
    return String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  }
  return raw.slice(1, -1).replace(/\\([()\\])/g, '$1');
}

/**
 * The structure tree under the catalogue's /StructTreeRoot, each element with its words, in the
 * order a screen reader reads them (the tree's order, not the page's). Null when it is untagged.
 */
export function pdfStructure(pdf: Buffer): PdfStructElement | null {
  const objects = pdfObjects(pdf);
  const pages = markedText(objects);
  const rootId = /\/StructTreeRoot (\d+) 0 R/.exec(pdfDictionaries(pdf))?.[1];
  if (!rootId) return null;
  const kids = (dict: string): string => /\/K\s*(\[[^\]]*\]|\d+ 0 R|\d+)/.exec(dict)?.[1] ?? '';
  const element = (id: number): PdfStructElement => {
    const dict = objects.get(id)?.dict ?? '';
    // The element's own page, not one named by a marked-content reference inside its /K.
    const page = Number(/\/Pg (\d+) 0 R/.exec(dict.replace(kids(dict), ''))?.[1]);
    const children: PdfStructElement[] = [];
    const parts: string[] = [];
    for (const [, mcr, child, mcid] of kids(dict).matchAll(/(<<[^>]*>>)|(\d+) 0 R|(\d+)/g)) {
      if (mcr) {
        const on = Number(/\/Pg (\d+) 0 R/.exec(mcr)?.[1]);
        parts.push(pages.get(on)?.get(Number(/\/MCID (\d+)/.exec(mcr)?.[1])) ?? '');
      } else if (child) {
        const made = element(Number(child));
        children.push(made);
        parts.push(made.text);
      } else parts.push(pages.get(page)?.get(Number(mcid)) ?? '');
    }
    const alt = /\/Alt (\([^)]*\)|<[0-9a-f]*>)/i.exec(dict)?.[1];
    return {
      type: /\/S \/(\w+)/.exec(dict)?.[1] ?? '',
      text: parts.join(' ').replace(/\s+/g, ' ').trim(),
      alt: alt ? pdfString(alt) : null,
      children,
    };
  };
  const root = objects.get(Number(rootId))?.dict ?? '';
  return {
    type: 'StructTreeRoot',
    text: '',
    alt: null,
    children: [...kids(root).matchAll(/(\d+) 0 R/g)].map(([, id]) => element(Number(id))),
  };
}

/** Every element of a structure tree in reading order, the tree's root left out. */
export function pdfReadingOrder(tree: PdfStructElement): PdfStructElement[] {
  return tree.children.flatMap((child) => [child, ...pdfReadingOrder(child)]);
}

/** Scans the QR code drawn inside the /Figure marked content, as a phone camera would read the print. */
export function scanQrCode(pdf: Buffer): string | null {
  for (const content of pageStreams(pdfObjects(pdf))) {
    const figure = /\/Figure <<[^>]*>> BDC([\s\S]*?)EMC/.exec(content)?.[1];
    if (!figure) continue;
    const squares = [...figure.matchAll(/([\d.-]+) ([\d.-]+) ([\d.]+) ([\d.]+) re/g)]
      .map((m) => m.slice(1, 5).map(Number))
      .filter(([, , w, h]) => Math.abs(w - h) < 0.01 && w < 10);
    if (squares.length === 0) continue;
    const cell = squares[0][2];
    const minX = Math.min(...squares.map(([x]) => x));
    const minY = Math.min(...squares.map(([, y]) => y));
    const modules = Math.round((Math.max(...squares.map(([x]) => x)) - minX) / cell) + 1;
    const scale = 4;
    const side = (modules + 8) * scale;
    const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
    for (const [x, y] of squares) {
      const col = Math.round((x - minX) / cell) + 4;
      const row = Math.round((y - minY) / cell) + 4;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const at = ((row * scale + dy) * side + col * scale + dx) * 4;
          pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
        }
    }
    return jsQR(pixels, side, side)?.data ?? null;
  }
  return null;
}
