import { z } from 'zod';

/**
 * Pictures in a plan's text (issue 14 §3, docs/decisions/0035-plan-pictures.md). What is stored is
 * checked here, byte by byte: only PNG and JPEG, their size read from their own header, and every
 * piece of metadata a camera or an editor writes (place, time, device, comments) taken out before
 * the bytes are kept, so a picture of a council session never carries where or when it was taken.
 */

export const PLAN_PICTURE_MEDIA_TYPES = ['image/png', 'image/jpeg'] as const;
export type PlanPictureMediaType = (typeof PLAN_PICTURE_MEDIA_TYPES)[number];

/** A photo from a phone, resized for a page, fits in this; a bigger file is a page too slow to open. */
export const MAX_PLAN_PICTURE_BYTES = 2 * 1024 * 1024;
/** Wider or taller than this is no picture for a page, and a decoder's memory at risk. */
export const MAX_PLAN_PICTURE_SIDE = 10_000;
/**
 * Pixels in all: a 2 MB file can still unpack to hundreds of MB (10,000 by 10,000 with alpha is
 * 400 MB) when the PDF is made; a 24-megapixel camera's photo fits.
 */
export const MAX_PLAN_PICTURE_PIXELS = 25_000_000;
/** The base64 text of the largest picture: four characters for every three bytes. */
export const MAX_PLAN_PICTURE_BASE64_LENGTH = Math.ceil(MAX_PLAN_PICTURE_BYTES / 3) * 4;
/** More people than this in one picture is a crowd: "no one can be recognised" or several pictures. */
export const MAX_PLAN_PICTURE_PEOPLE = 30;

/** What the public page and the PDF say in place of a picture that may no longer be shown. */
export const PLAN_PICTURE_GONE = 'This picture is no longer shown.';
/**
 * What an upload is answered with when the PDF could not draw the picture, though its bytes are a
 * whole PNG or JPEG (an unusual colour format, damaged pixel data): saved again by an ordinary
 * app, it draws.
 */
export const PLAN_PICTURE_UNREADABLE =
  'This picture could not be read: save it again as PNG or JPEG and upload it.';
/** What the PDF says, after the alt text, in place of a stored picture it could not draw. */
export const PLAN_PICTURE_NOT_DRAWN = 'This picture could not be printed.';

/** Exif's Orientation (tag 0x0112): 1 is upright, 5–8 turn the picture a quarter, so it is seen tall for wide. */
export type PictureOrientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface CheckedPicture {
  mediaType: PlanPictureMediaType;
  /** Its size as it is seen: a phone's portrait photo, stored wide and turned by its orientation, is tall. */
  width: number;
  height: number;
  /** How the stored pixels are turned to be seen; always 1 for a PNG. */
  orientation: PictureOrientation;
  /** The picture without its metadata: what is stored. */
  bytes: Uint8Array;
}

export type PictureRefusal =
  | { status: 'not_a_picture'; message: string }
  | { status: 'broken'; message: string }
  | { status: 'too_large'; message: string };

const NOT_A_PICTURE: PictureRefusal = {
  status: 'not_a_picture',
  message: 'Upload a PNG or JPEG picture.',
};
const broken = (what: string): PictureRefusal => ({
  status: 'broken',
  message: `This ${what} file is damaged or incomplete: save it again and upload it.`,
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Which kind of picture the bytes are, by their first bytes: never by the name or what the sender says. */
export function pictureMediaType(bytes: Uint8Array): PlanPictureMediaType | null {
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

const u16 = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const u32 = (b: Uint8Array, at: number) =>
  ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3];
const ascii = (b: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...b.subarray(from, from + length));

/**
 * The PNG chunks kept: those that make up the picture and how its colours read. Every other chunk
 * goes, named or not: text (author, software, comments, sometimes a place), Exif (camera, GPS), the
 * time it was changed, provenance records (C2PA's caBX) and an app's private chunks alike. A list of
 * what to keep, since a list of what to drop misses whatever is made up next.
 */
export const PNG_PICTURE_CHUNKS: ReadonlySet<string> = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'sBIT',
  'pHYs',
  'bKGD',
]);

/** IHDR's colour type 3: pixels are indexes into the PLTE chunk. */
const PNG_INDEXED = 3;

/** The bit depths the PNG format allows for each colour type (grey, RGB, palette, grey+alpha, RGBA). */
export const PNG_BIT_DEPTHS: ReadonlyMap<number, readonly number[]> = new Map([
  [0, [1, 2, 4, 8, 16]],
  [2, [8, 16]],
  [3, [1, 2, 4, 8]],
  [4, [8, 16]],
  [6, [8, 16]],
]);
/** Samples a pixel, by colour type. */
export const PNG_CHANNELS: ReadonlyMap<number, number> = new Map([
  [0, 1],
  [2, 3],
  [3, 1],
  [4, 2],
  [6, 4],
]);
/** Adam7 interlacing: each pass's first column and row, and its steps across and down. */
export const PNG_ADAM7_PASSES = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

function checkPng(bytes: Uint8Array): CheckedPicture | PictureRefusal {
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  let size: { width: number; height: number } | null = null;
  let colorType = -1;
  let ended = false;
  while (at + 12 <= bytes.length) {
    const length = u32(bytes, at);
    const type = ascii(bytes, at + 4, 4);
    const end = at + 12 + length;
    if (end > bytes.length || !/^[A-Za-z]{4}$/.test(type)) return broken('PNG');
    if (size === null) {
      if (type !== 'IHDR' || length < 13) return broken('PNG');
      size = { width: u32(bytes, at + 8), height: u32(bytes, at + 12) };
      colorType = bytes[at + 17];
    }
    if (type === 'PLTE' && colorType === PNG_INDEXED) {
      // The palette the pixels index: whole colours (three bytes each), at most 256 of them.
      if (length === 0 || length % 3 !== 0 || length > 768) return broken('PNG');
    }
    // A PLTE in a truecolour PNG is only a suggestion for old screens, and a PDF reader given one
    // reads the picture as indexed colours: dropped.
    const keep = PNG_PICTURE_CHUNKS.has(type) && (type !== 'PLTE' || colorType === PNG_INDEXED);
    if (keep) kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') {
      ended = true;
      break;
    }
  }
  if (!size || !ended) return broken('PNG');
  return { mediaType: 'image/png', ...size, orientation: 1, bytes: concat(kept) };
}

/** Start-of-frame markers, which carry the size: C0–CF but for C4 (tables), C8 (reserved), CC (arithmetic). */
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/**
 * JPEG segments kept: APP0 (JFIF, how to read the pixels) and an APP2 colour profile; every other
 * APPn (APP1 is Exif and XMP, where GPS and camera live; APP13 Photoshop's IPTC) and comments go.
 */
function keepJpegSegment(marker: number, bytes: Uint8Array, dataAt: number): boolean {
  if (marker === 0xfe) return false;
  if (marker < 0xe0 || marker > 0xef) return true;
  if (marker === 0xe0) return true;
  return marker === 0xe2 && ascii(bytes, dataAt, 12) === 'ICC_PROFILE\u0000';
}

/**
 * Where a scan's entropy-coded data ends: the first 0xFF that is not a stuffed 0xFF00 or a restart
 * marker (0xFFD0–D7), which are part of the scan.
 */
function scanEnd(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length - 1; i++) {
    if (bytes[i] !== 0xff) continue;
    const next = bytes[i + 1];
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) continue;
    return i;
  }
  return bytes.length;
}

const EXIF_ORIENTATION_TAG = 0x0112;
const TIFF_SHORT = 3;

/**
 * The Orientation an APP1 segment's Exif holds (its first IFD's tag 0x0112), or null when the
 * segment is not Exif. Whatever cannot be read, cut short or out of range, is upright (1): a
 * damaged Exif never refuses a picture that draws.
 */
function exifOrientation(bytes: Uint8Array, from: number, end: number): PictureOrientation | null {
  if (from + 6 > end || ascii(bytes, from, 6) !== 'Exif\u0000\u0000') return null;
  const tiff = from + 6;
  if (tiff + 8 > end) return 1;
  const order = ascii(bytes, tiff, 2);
  if (order !== 'II' && order !== 'MM') return 1;
  const little = order === 'II';
  const read16 = (at: number) => (little ? bytes[at] | (bytes[at + 1] << 8) : u16(bytes, at));
  const read32 = (at: number) =>
    little
      ? ((bytes[at + 3] << 24) >>> 0) + (bytes[at + 2] << 16) + (bytes[at + 1] << 8) + bytes[at]
      : u32(bytes, at);
  if (read16(tiff + 2) !== 42) return 1;
  const ifd = tiff + read32(tiff + 4);
  if (ifd + 2 > end) return 1;
  const entries = read16(ifd);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return 1;
    if (read16(entry) !== EXIF_ORIENTATION_TAG) continue;
    const value = read16(entry + 8);
    return read16(entry + 2) === TIFF_SHORT && value >= 1 && value <= 8 ? (value as PictureOrientation) : 1;
  }
  return 1;
}

/**
 * The only Exif a stored JPEG keeps: one IFD with one entry, its Orientation, big-endian. No
 * place, time or camera: a browser and the PDF turn the picture by it, and it says nothing else.
 */
export function orientationSegment(orientation: PictureOrientation): Uint8Array {
  const tiff = [
    ...[0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08],
    ...[0x00, 0x01],
    ...[0x01, 0x12, 0x00, TIFF_SHORT, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00],
    ...[0x00, 0x00, 0x00, 0x00],
  ];
  const data = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00, ...tiff];
  return Uint8Array.from([0xff, 0xe1, 0x00, data.length + 2, ...data]);
}

/**
 * Segment by segment to the end of the image (EOI), scans included, so a progressive JPEG's later
 * tables and scans are kept and whatever a phone appends after the end (a "motion photo" video,
 * a maker's trailer) is not. A phone stores a portrait photo as wide pixels and an Exif
 * Orientation: that one tag is written back, on its own, after the JFIF header.
 */
function checkJpeg(bytes: Uint8Array): CheckedPicture | PictureRefusal {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  let size: { width: number; height: number } | null = null;
  let scanned = false;
  let orientation: PictureOrientation | null = null;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return broken('JPEG');
    // Fill bytes: 0xFF may repeat, as often as it likes, before a marker.
    while (bytes[at + 1] === 0xff) at++;
    const marker = bytes[at + 1];
    if (marker === undefined) return broken('JPEG');
    if (marker === 0xd9) {
      if (!size || !scanned) return broken('JPEG');
      kept.push(bytes.subarray(at, at + 2));
      return orientedJpeg(kept, size, orientation ?? 1);
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      kept.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (at + 4 > bytes.length) return broken('JPEG');
    const length = u16(bytes, at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) return broken('JPEG');
    if (isStartOfFrame(marker)) {
      if (length < 7) return broken('JPEG');
      size = { height: u16(bytes, at + 5), width: u16(bytes, at + 7) };
    }
    if (marker === 0xda) {
      // Start of scan: its header, then the picture's coded data up to the next marker.
      if (!size) return broken('JPEG');
      const dataEnd = scanEnd(bytes, end);
      kept.push(bytes.subarray(at, dataEnd));
      scanned = true;
      at = dataEnd;
      continue;
    }
    // The first Exif is the one a browser and pdfkit read: so is it here.
    if (marker === 0xe1 && orientation === null) orientation = exifOrientation(bytes, at + 4, end);
    if (keepJpegSegment(marker, bytes, at + 4)) kept.push(bytes.subarray(at, end));
    at = end;
  }
  // No end of image: the file was cut short.
  return broken('JPEG');
}

function orientedJpeg(
  kept: Uint8Array[],
  stored: { width: number; height: number },
  orientation: PictureOrientation,
): CheckedPicture {
  const turned = orientation >= 5;
  const size = turned ? { width: stored.height, height: stored.width } : stored;
  if (orientation === 1) return { mediaType: 'image/jpeg', ...size, orientation, bytes: concat(kept) };
  // After SOI and the JFIF header (APP0), where a camera puts its Exif.
  let after = 1;
  while (after < kept.length && kept[after][1] === 0xe0) after++;
  const bytes = concat([...kept.slice(0, after), orientationSegment(orientation), ...kept.slice(after)]);
  return { mediaType: 'image/jpeg', ...size, orientation, bytes };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The picture as it will be stored, or why it is refused: PNG or JPEG by their bytes, whole, no
 * larger than the limits, with its metadata taken out.
 */
export function checkPlanPicture(bytes: Uint8Array): CheckedPicture | PictureRefusal {
  if (bytes.length > MAX_PLAN_PICTURE_BYTES)
    return {
      status: 'too_large',
      message: `A picture may be at most ${MAX_PLAN_PICTURE_BYTES / 1024 / 1024} MB: make it smaller and upload it again.`,
    };
  const mediaType = pictureMediaType(bytes);
  if (!mediaType) return NOT_A_PICTURE;
  const checked = mediaType === 'image/png' ? checkPng(bytes) : checkJpeg(bytes);
  if ('status' in checked) return checked;
  if (checked.width < 1 || checked.height < 1) return broken(mediaType === 'image/png' ? 'PNG' : 'JPEG');
  if (checked.width > MAX_PLAN_PICTURE_SIDE || checked.height > MAX_PLAN_PICTURE_SIDE)
    return {
      status: 'too_large',
      message: `A picture may be at most ${MAX_PLAN_PICTURE_SIDE} pixels wide and tall.`,
    };
  if (checked.width * checked.height > MAX_PLAN_PICTURE_PIXELS)
    return {
      status: 'too_large',
      message: `A picture may have at most ${MAX_PLAN_PICTURE_PIXELS / 1_000_000} million pixels: make it smaller and upload it again.`,
    };
  return checked;
}

/**
 * An officer's upload. Who can be recognised is stated, never assumed: either no one, or the young
 * people who can be, each of whom must have photo consent in force (consent.ts, checked by the API).
 */
export const PlanPictureUploadRequestSchema = z
  .object({
    data: z
      .string({ error: 'Send the picture’s bytes as base64 text.' })
      .min(1, 'Choose a picture to upload.')
      .max(
        MAX_PLAN_PICTURE_BASE64_LENGTH,
        `A picture may be at most ${MAX_PLAN_PICTURE_BYTES / 1024 / 1024} MB: make it smaller and upload it again.`,
      )
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Send the picture’s bytes as base64 text.'),
    noOneRecognisable: z.boolean({ error: 'Say whether a young person can be recognised in the picture.' }),
    youngPersonIds: z
      .array(z.uuid({ error: 'Choose young people from the list.' }))
      .max(MAX_PLAN_PICTURE_PEOPLE, `At most ${MAX_PLAN_PICTURE_PEOPLE} young people in one picture.`)
      .refine((ids) => new Set(ids).size === ids.length, 'Name each young person once.'),
  })
  .strict()
  .refine((b) => b.noOneRecognisable === (b.youngPersonIds.length === 0), {
    message: 'Either say no one can be recognised, or choose the young people who can be: one or the other.',
    path: ['youngPersonIds'],
  });

export type PlanPictureUploadCommand = z.infer<typeof PlanPictureUploadRequestSchema>;

export interface PlanPictureResponse {
  id: string;
  mediaType: PlanPictureMediaType;
  width: number;
  height: number;
  byteSize: number;
  noOneRecognisable: boolean;
  youngPersonIds: string[];
  uploadedAt: string;
}
