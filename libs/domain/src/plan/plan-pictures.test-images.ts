import { deflateSync } from 'node:zlib';
import { PNG_ADAM7_PASSES, PNG_CHANNELS } from './plan-pictures';

/**
 * Tiny real pictures for tests (plan-pictures.spec.ts, test/api/plan-pictures.integration-spec.ts):
 * made byte by byte so they decode in a browser, with the metadata a camera would add on request.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const be32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const text = (s: string) => [...Buffer.from(s, 'latin1')];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function pngChunk(type: string, data: readonly number[]): number[] {
  const typed = [...text(type), ...data];
  return [...be32(data.length), ...typed, ...be32(crc32(Uint8Array.from(typed)))];
}

/** A red RGB PNG of the size asked, with extra chunks (metadata) placed after IHDR. */
export function tinyPng(width: number, height: number, extra: readonly number[][] = []): Uint8Array {
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) rows.push(0xff, 0, 0);
  }
  return Uint8Array.from([
    ...PNG_SIGNATURE,
    ...pngChunk('IHDR', [...be32(width), ...be32(height), 8, 2, 0, 0, 0]),
    ...extra.flat(),
    ...pngChunk('IDAT', [...deflateSync(Uint8Array.from(rows))]),
    ...pngChunk('IEND', []),
  ]);
}

export interface PngHeader {
  width: number;
  height: number;
  bits: number;
  colorType: number;
  interlaced?: boolean;
}

/**
 * A PNG of every colour type, bit depth and interlacing the format has, its pixels all zero
 * (black, or the palette's first colour), filter 0 on each row; or with `idat` as its pixel data,
 * whole or not. `extra` chunks (PLTE, tRNS) come before the pixel data.
 */
export function plainPng(
  header: PngHeader,
  extra: readonly number[][] = [],
  idat?: readonly number[],
): Uint8Array {
  const { width, height, bits, colorType, interlaced = false } = header;
  const bitsPerPixel = bits * (PNG_CHANNELS.get(colorType) ?? 1);
  const passes = interlaced ? PNG_ADAM7_PASSES : ([[0, 0, 1, 1]] as const);
  let size = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const columns = Math.ceil((width - x0) / dx);
    const rows = Math.ceil((height - y0) / dy);
    if (columns > 0 && rows > 0) size += rows * (1 + Math.ceil((columns * bitsPerPixel) / 8));
  }
  return Uint8Array.from([
    ...PNG_SIGNATURE,
    ...pngChunk('IHDR', [...be32(width), ...be32(height), bits, colorType, 0, 0, interlaced ? 1 : 0]),
    ...extra.flat(),
    ...pngChunk('IDAT', idat ?? [...deflateSync(new Uint8Array(size))]),
    ...pngChunk('IEND', []),
  ]);
}

/** A JPEG segment: marker and its data, with the length the format wants. */
export function jpegSegment(marker: number, data: readonly number[]): number[] {
  const length = data.length + 2;
  return [0xff, marker, (length >> 8) & 0xff, length & 0xff, ...data];
}

/** Exif with a GPS-looking payload: what must never be stored. */
export const EXIF_SEGMENT = jpegSegment(0xe1, [
  ...text('Exif\u0000\u0000'),
  ...text('GPS 51.5N 0.12W Phone X'),
]);
/**
 * A camera's Exif as a phone writes it: an IFD0 with the maker, the Orientation (when given), the
 * time and a pointer (tag 0x8825) to a GPS IFD holding a latitude, in either byte order.
 */
export function cameraExif(orientation: number | null, order: 'MM' | 'II' = 'MM'): number[] {
  const little = order === 'II';
  const s16 = (n: number) => (little ? [n & 0xff, n >> 8] : [n >> 8, n & 0xff]);
  const s32 = (n: number) => (little ? [...be32(n)].reverse() : be32(n));
  const entry = (tag: number, type: number, count: number, value: number[]) => [
    ...s16(tag),
    ...s16(type),
    ...s32(count),
    ...value,
    ...new Array<number>(4 - value.length).fill(0),
  ];
  const make = text('PhoneCo\u0000');
  const time = text('2026:05:14 18:30:00\u0000');
  const entries = orientation === null ? 4 : 5;
  const ifd0End = 8 + 2 + entries * 12 + 4;
  const [makeAt, timeAt] = [ifd0End, ifd0End + make.length];
  const gpsAt = timeAt + time.length;
  const ifd0 = [
    ...s16(entries),
    ...entry(0x010f, 2, make.length, s32(makeAt)),
    ...(orientation === null ? [] : entry(0x0112, 3, 1, s16(orientation))),
    ...entry(0x0131, 2, 4, text('Cam\u0000')),
    ...entry(0x0132, 2, time.length, s32(timeAt)),
    ...entry(0x8825, 4, 1, s32(gpsAt)),
    ...s32(0),
  ];
  const gps = [...s16(1), ...entry(0x0001, 2, 2, text('N\u0000')), ...s32(0)];
  const tiff = [...text(order), ...s16(42), ...s32(8), ...ifd0, ...make, ...time, ...gps];
  return jpegSegment(0xe1, [...text('Exif\u0000\u0000'), ...tiff]);
}

/** A phone's portrait photo: 8 pixels wide, 4 tall, turned a quarter clockwise (6) to be seen 4 by 8. */
export const PORTRAIT_PHOTO = tinyJpeg(8, 4, [cameraExif(6)]);

export const XMP_SEGMENT = jpegSegment(0xe1, text('http://ns.adobe.com/xap/1.0/\u0000<x:xmpmeta/>'));
export const JPEG_COMMENT = jpegSegment(0xfe, text('taken at the youth centre'));
export const ICC_SEGMENT = jpegSegment(0xe2, [...text('ICC_PROFILE\u0000'), 1, 1, 0, 0]);

/**
 * A grey baseline JPEG of up to 8×8 pixels (one block: a DC difference of 0, then end of block,
 * each a one-bit code), with `extra` segments after the JFIF header. `frame` sets another sample
 * precision or count of components in its frame header, for JPEGs a PDF cannot draw.
 */
export function tinyJpeg(
  width: number,
  height: number,
  extra: readonly number[][] = [],
  frame: { precision: number; components: number } = { precision: 8, components: 1 },
): Uint8Array {
  const components = Array.from({ length: frame.components }, (_, i) => [i + 1, 0x11, 0]).flat();
  return Uint8Array.from([
    0xff,
    0xd8,
    ...jpegSegment(0xe0, [...text('JFIF\u0000'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...extra.flat(),
    ...jpegSegment(0xdb, [0, ...new Array<number>(64).fill(1)]),
    ...jpegSegment(0xc0, [frame.precision, 0, height, 0, width, frame.components, ...components]),
    ...jpegSegment(0xc4, [0x00, 1, ...new Array<number>(15).fill(0), 0]),
    ...jpegSegment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0]),
    ...jpegSegment(0xda, [1, 1, 0x00, 0, 63, 0]),
    0x3f,
    0xff,
    0xd9,
  ]);
}

/** Whether `needle` occurs in `bytes`: how a test sees that metadata is gone. */
export function holds(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes).includes(Buffer.from(needle, 'latin1'));
}
