import { deflateSync } from 'node:zlib';

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
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...pngChunk('IHDR', [...be32(width), ...be32(height), 8, 2, 0, 0, 0]),
    ...extra.flat(),
    ...pngChunk('IDAT', [...deflateSync(Uint8Array.from(rows))]),
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
export const XMP_SEGMENT = jpegSegment(0xe1, text('http://ns.adobe.com/xap/1.0/\u0000<x:xmpmeta/>'));
export const JPEG_COMMENT = jpegSegment(0xfe, text('taken at the youth centre'));
export const ICC_SEGMENT = jpegSegment(0xe2, [...text('ICC_PROFILE\u0000'), 1, 1, 0, 0]);

/**
 * A grey baseline JPEG of up to 8×8 pixels (one block: a DC difference of 0, then end of block,
 * each a one-bit code), with `extra` segments after the JFIF header.
 */
export function tinyJpeg(width: number, height: number, extra: readonly number[][] = []): Uint8Array {
  return Uint8Array.from([
    0xff,
    0xd8,
    ...jpegSegment(0xe0, [...text('JFIF\u0000'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...extra.flat(),
    ...jpegSegment(0xdb, [0, ...new Array<number>(64).fill(1)]),
    ...jpegSegment(0xc0, [8, 0, height, 0, width, 1, 1, 0x11, 0]),
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
