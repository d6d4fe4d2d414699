import { PNG_ADAM7_PASSES, PNG_BIT_DEPTHS, PNG_CHANNELS } from '@heard/domain';
import { createInflate } from 'node:zlib';
import PDFDocument from 'pdfkit';

/*
 * Whether pdfkit can draw a picture, asked before it tries (ADR 0035). Bytes that pass
 * plan-pictures.ts's checks can still be beyond it, and the worst of those fail where nothing can
 * catch them: png-js, pdfkit's PNG reader, unpacks a PNG with alpha, an indexed PNG with
 * transparency and an interlaced PNG in a zlib callback that throws on damaged data or an unknown
 * row filter, an uncaught exception that ends the process. So the picture is opened by pdfkit
 * (which throws at once on what it cannot read) and its pixel data is then unpacked here, as a
 * stream holding no more than a chunk at a time, row by row as png-js reads it.
 */

/** What pdfkit's PDFImage.open answers: only what is asked of it here (its types do not list it). */
interface PdfKitJpeg {
  width: number;
  height: number;
  bits: number;
  colorSpace?: string;
}
interface PngJs {
  width: number;
  height: number;
  bits: number;
  colorType: number;
  interlaceMethod: number;
  palette: number[];
  transparency: { indexed?: number[] };
  imgData: Uint8Array;
}
interface PdfKitPng {
  width: number;
  height: number;
  image: PngJs;
}
/** A picture pdfkit opened, ready for doc.image: drawing it cannot fail. */
export type DrawablePicture = PdfKitJpeg | PdfKitPng;
interface Opener {
  openImage(src: Buffer): DrawablePicture;
}

/** Row filters 0–4; png-js throws on every other. */
const LAST_PNG_FILTER = 4;
/** Unpacked data past the last row is ignored by every reader; this much more is a zip bomb's doing. */
const SLACK_BYTES = 64 * 1024;

/** The length of each row as png-js reads them, filter byte first, pass by pass. */
function pngRowLengths(png: PngJs, channels: number): number[] {
  const bitsPerPixel = png.bits * channels;
  const passes = png.interlaceMethod === 1 ? PNG_ADAM7_PASSES : ([[0, 0, 1, 1]] as const);
  return passes.flatMap(([x0, y0, dx, dy]) => {
    const columns = Math.ceil((png.width - x0) / dx);
    const rows = Math.ceil((png.height - y0) / dy);
    return new Array<number>(Math.max(0, rows)).fill(1 + Math.ceil((columns * bitsPerPixel) / 8));
  });
}

/**
 * Every row's filter known and the data whole, unpacked as a stream: what png-js's one-shot
 * unpacking would otherwise find out by throwing where it cannot be caught.
 */
function pngRowsWhole(png: PngJs, rowLengths: readonly number[]): Promise<boolean> {
  const needed = rowLengths.reduce((n, l) => n + l, 0);
  return new Promise((resolve) => {
    const inflate = createInflate();
    let row = 0;
    let left = rowLengths[0] ?? 0;
    let seen = 0;
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(ok);
    };
    inflate.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > needed + SLACK_BYTES) return finish(false);
      let at = 0;
      while (at < chunk.length && row < rowLengths.length) {
        if (left === rowLengths[row] && chunk[at] > LAST_PNG_FILTER) return finish(false);
        const step = Math.min(left, chunk.length - at);
        at += step;
        left -= step;
        if (left === 0) left = rowLengths[++row] ?? 0;
      }
    });
    inflate.on('error', () => finish(false));
    inflate.on('end', () => finish(row === rowLengths.length));
    inflate.end(Buffer.from(png.imgData.buffer, png.imgData.byteOffset, png.imgData.byteLength));
  });
}

async function pngDrawable({ image: png }: PdfKitPng): Promise<boolean> {
  const channels = PNG_CHANNELS.get(png.colorType);
  if (!channels || !PNG_BIT_DEPTHS.get(png.colorType)?.includes(png.bits)) return false;
  if (png.interlaceMethod !== 0 && png.interlaceMethod !== 1) return false;
  if (png.colorType === 3 && png.palette.length < 3) return false;
  const unpackedByPngJs =
    png.colorType === 4 || png.colorType === 6 || png.interlaceMethod === 1 || !!png.transparency.indexed;
  // png-js unpacks whole bytes a pixel: fewer bits than 8 come out scrambled.
  if (unpackedByPngJs && png.bits < 8) return false;
  // png-js reads a row of an Adam7 pass that has no columns, which the format leaves out: every
  // pass has some once the picture is 5 pixels or more each way.
  if (png.interlaceMethod === 1 && (png.width < 5 || png.height < 5)) return false;
  return pngRowsWhole(png, pngRowLengths(png, channels));
}

/**
 * A JPEG is handed to the PDF as it is (DCTDecode): what a reader decodes is 8 bits a sample in
 * grey, RGB or CMYK, which pdfkit names; its other colour counts it leaves unnamed.
 */
const jpegDrawable = (jpeg: PdfKitJpeg) => jpeg.bits === 8 && !!jpeg.colorSpace;

/**
 * The picture opened by `doc` and known to draw, or null: pdfkit could not read it, or would fail
 * (or take the process down) unpacking it.
 */
export async function drawablePicture(
  doc: PDFKit.PDFDocument,
  bytes: Uint8Array,
): Promise<DrawablePicture | null> {
  let opened: DrawablePicture;
  try {
    opened = (doc as unknown as Opener).openImage(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    );
  } catch {
    // pdfkit throws strings as well as errors ('Invalid JPEG.'): whichever, it cannot read it.
    return null;
  }
  if (!(opened.width >= 1 && opened.height >= 1)) return null;
  const ok = 'image' in opened ? await pngDrawable(opened) : jpegDrawable(opened);
  return ok ? opened : null;
}

/** Whether pdfkit can draw these bytes: opened in a document that is thrown away. */
export async function canDrawPicture(bytes: Uint8Array): Promise<boolean> {
  return (await drawablePicture(new PDFDocument({ autoFirstPage: false }), bytes)) !== null;
}
