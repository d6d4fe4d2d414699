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

export interface CheckedPicture {
  mediaType: PlanPictureMediaType;
  width: number;
  height: number;
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

function checkPng(bytes: Uint8Array): CheckedPicture | PictureRefusal {
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  let size: { width: number; height: number } | null = null;
  let ended = false;
  while (at + 12 <= bytes.length) {
    const length = u32(bytes, at);
    const type = ascii(bytes, at + 4, 4);
    const end = at + 12 + length;
    if (end > bytes.length || !/^[A-Za-z]{4}$/.test(type)) return broken('PNG');
    if (size === null) {
      if (type !== 'IHDR' || length < 8) return broken('PNG');
      size = { width: u32(bytes, at + 8), height: u32(bytes, at + 12) };
    }
    if (PNG_PICTURE_CHUNKS.has(type)) kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') {
      ended = true;
      break;
    }
  }
  if (!size || !ended) return broken('PNG');
  return { mediaType: 'image/png', ...size, bytes: concat(kept) };
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

/**
 * Segment by segment to the end of the image (EOI), scans included, so a progressive JPEG's later
 * tables and scans are kept and whatever a phone appends after the end (a "motion photo" video,
 * a maker's trailer) is not.
 */
function checkJpeg(bytes: Uint8Array): CheckedPicture | PictureRefusal {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  let size: { width: number; height: number } | null = null;
  let scanned = false;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return broken('JPEG');
    // Fill bytes: 0xFF may repeat, as often as it likes, before a marker.
    while (bytes[at + 1] === 0xff) at++;
    const marker = bytes[at + 1];
    if (marker === undefined) return broken('JPEG');
    if (marker === 0xd9) {
      if (!size || !scanned) return broken('JPEG');
      kept.push(bytes.subarray(at, at + 2));
      return { mediaType: 'image/jpeg', ...size, bytes: concat(kept) };
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
    if (keepJpegSegment(marker, bytes, at + 4)) kept.push(bytes.subarray(at, end));
    at = end;
  }
  // No end of image: the file was cut short.
  return broken('JPEG');
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
