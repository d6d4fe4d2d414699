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
