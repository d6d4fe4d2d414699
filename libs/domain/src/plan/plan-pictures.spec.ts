import { diffPlanTexts } from './plan-diff';
import { planDocumentFromMarkup, planMarkupOf } from './plan-markup';
import {
  MAX_PLAN_PICTURE_BYTES,
  PlanPictureUploadRequestSchema,
  checkPlanPicture,
  orientationSegment,
  pictureMediaType,
} from './plan-pictures';
import {
  EXIF_SEGMENT,
  PORTRAIT_PHOTO,
  cameraExif,
  ICC_SEGMENT,
  JPEG_COMMENT,
  XMP_SEGMENT,
  holds,
  jpegSegment,
  plainPng,
  pngChunk,
  tinyJpeg,
  tinyPng,
} from './plan-pictures.test-images';
import { PlanDocument, PlanDocumentSchema, planPictureIds, planPlainText } from './plan-text';

const ID = '3f2b8c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b';
const OTHER = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('pictureMediaType', () => {
  it.each([
    ['a PNG', tinyPng(1, 1), 'image/png'],
    ['a JPEG', tinyJpeg(1, 1), 'image/jpeg'],
    ['a GIF', Uint8Array.from(Buffer.from('GIF89a\u0001\u0000', 'latin1')), null],
    ['an SVG', Uint8Array.from(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), null],
    ['nothing', new Uint8Array(0), null],
    ['half a PNG signature', tinyPng(1, 1).subarray(0, 5), null],
  ])('%s', (_, bytes, expected) => {
    expect(pictureMediaType(bytes)).toBe(expected);
  });
});

describe('checkPlanPicture: size from the header', () => {
  it.each([
    ['PNG 1×1', tinyPng(1, 1), 'image/png', 1, 1],
    ['PNG 7×3', tinyPng(7, 3), 'image/png', 7, 3],
    ['JPEG 3×2', tinyJpeg(3, 2), 'image/jpeg', 3, 2],
    ['JPEG 8×5 after Exif', tinyJpeg(8, 5, [EXIF_SEGMENT]), 'image/jpeg', 8, 5],
  ])('%s', (_, bytes, mediaType, width, height) => {
    expect(checkPlanPicture(bytes)).toMatchObject({ mediaType, width, height });
  });
});

describe('checkPlanPicture: metadata taken out', () => {
  it.each([
    ['PNG tEXt', tinyPng(2, 2, [pngChunk('tEXt', [...Buffer.from('Author\u0000Sam')])]), 'Author'],
    ['PNG zTXt', tinyPng(2, 2, [pngChunk('zTXt', [...Buffer.from('Comment\u0000\u0000xx')])]), 'Comment'],
    ['PNG iTXt', tinyPng(2, 2, [pngChunk('iTXt', [...Buffer.from('XML:com.adobe.xmp\u0000')])]), 'adobe'],
    ['PNG eXIf', tinyPng(2, 2, [pngChunk('eXIf', [...Buffer.from('MM GPS')])]), 'GPS'],
    ['PNG tIME', tinyPng(2, 2, [pngChunk('tIME', [7, 234, 12, 7, 10, 0, 0])]), 'tIME'],
    ['PNG provenance (C2PA caBX)', tinyPng(2, 2, [pngChunk('caBX', [...Buffer.from('c2pa place')])]), 'c2pa'],
    ['an app’s private PNG chunk', tinyPng(2, 2, [pngChunk('prVt', [...Buffer.from('owner Sam')])]), 'owner'],
    ['JPEG Exif', tinyJpeg(2, 2, [EXIF_SEGMENT]), 'Exif'],
    ['JPEG XMP', tinyJpeg(2, 2, [XMP_SEGMENT]), 'xmpmeta'],
    ['JPEG comment', tinyJpeg(2, 2, [JPEG_COMMENT]), 'youth centre'],
    [
      'JPEG IPTC (APP13)',
      tinyJpeg(2, 2, [jpegSegment(0xed, [...Buffer.from('Photoshop 3.0 city')])]),
      'city',
    ],
  ])('%s is gone, the picture kept', (_, bytes, marker) => {
    expect(holds(bytes, marker)).toBe(true);
    const checked = checkPlanPicture(bytes);
    if ('status' in checked) throw new Error(checked.message);
    expect(holds(checked.bytes, marker)).toBe(false);
    expect(checkPlanPicture(checked.bytes)).toMatchObject({ width: 2, height: 2 });
  });

  it.each([
    ['a plain PNG', tinyPng(3, 3)],
    ['a plain JPEG', tinyJpeg(3, 3)],
  ])('%s is stored byte for byte', (_, bytes) => {
    const checked = checkPlanPicture(bytes);
    if ('status' in checked) throw new Error(checked.message);
    expect(Buffer.from(checked.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('drops what a phone appends after a JPEG’s end (a motion photo’s video), and metadata between scans', () => {
    const jpeg = tinyJpeg(2, 2);
    const withTrailer = Uint8Array.from([...jpeg, ...Buffer.from('ftypmp42 video of the room')]);
    const checked = checkPlanPicture(withTrailer);
    if ('status' in checked) throw new Error(checked.message);
    expect(Buffer.from(checked.bytes).equals(Buffer.from(jpeg))).toBe(true);

    // A second scan after a comment, as in a progressive JPEG: both scans kept, the comment gone.
    const end = jpeg.length - 2;
    const twoScans = Uint8Array.from([
      ...jpeg.subarray(0, end),
      ...JPEG_COMMENT,
      ...jpegSegment(0xda, [1, 1, 0x00, 0, 63, 0]),
      0x3f,
      0xff,
      0xd9,
    ]);
    const progressive = checkPlanPicture(twoScans);
    if ('status' in progressive) throw new Error(progressive.message);
    expect(holds(progressive.bytes, 'youth centre')).toBe(false);
    expect(progressive.bytes.length).toBe(twoScans.length - JPEG_COMMENT.length);
  });

  it('keeps the JFIF header and the colour profile of a JPEG', () => {
    const checked = checkPlanPicture(tinyJpeg(2, 2, [ICC_SEGMENT, EXIF_SEGMENT]));
    if ('status' in checked) throw new Error(checked.message);
    expect(holds(checked.bytes, 'JFIF')).toBe(true);
    expect(holds(checked.bytes, 'ICC_PROFILE')).toBe(true);
    expect(holds(checked.bytes, 'Exif')).toBe(false);
  });
});

describe('checkPlanPicture: a photo turned by its Exif Orientation', () => {
  const kept = (bytes: Uint8Array) => {
    const checked = checkPlanPicture(bytes);
    if ('status' in checked) throw new Error(checked.message);
    return checked;
  };
  const MINIMAL_EXIF_LENGTH = 36;

  it.each([
    [1, 'MM', 8, 4],
    [2, 'MM', 8, 4],
    [3, 'II', 8, 4],
    [4, 'MM', 8, 4],
    [5, 'II', 4, 8],
    [6, 'MM', 4, 8],
    [7, 'MM', 4, 8],
    [8, 'II', 4, 8],
  ] as const)(
    'orientation %i (%s) is kept on its own, the picture %i by %i as seen',
    (orientation, order, width, height) => {
      const plain = tinyJpeg(8, 4);
      const checked = kept(tinyJpeg(8, 4, [cameraExif(orientation, order)]));
      expect(checked).toMatchObject({ mediaType: 'image/jpeg', orientation, width, height });
      // The camera, the time and the GPS IFD pointer (tag 0x8825, in either byte order) are gone.
      for (const gone of ['PhoneCo', '2026:05:14', 'Cam\u0000', '\u0088\u0025', '\u0025\u0088'])
        expect(holds(checked.bytes, gone)).toBe(false);
      if (orientation === 1) {
        expect(Buffer.from(checked.bytes).equals(Buffer.from(plain))).toBe(true);
        return;
      }
      // SOI and the JFIF header, then the one-tag Exif, then the picture as it was.
      const jfifEnd = 2 + 2 + ((plain[4] << 8) | plain[5]);
      const segment = orientationSegment(orientation);
      expect(segment.length).toBe(MINIMAL_EXIF_LENGTH);
      expect(
        Buffer.from(checked.bytes).equals(
          Buffer.concat([plain.subarray(0, jfifEnd), segment, plain.subarray(jfifEnd)]),
        ),
      ).toBe(true);
      // What is stored reads back the same: checking it again changes nothing.
      expect(Buffer.from(kept(checked.bytes).bytes).equals(Buffer.from(checked.bytes))).toBe(true);
      expect(kept(checked.bytes)).toMatchObject({ orientation, width, height });
    },
  );

  it('writes the Orientation as Exif a reader finds: big-endian, one IFD entry, tag 0x0112, SHORT', () => {
    expect([...orientationSegment(6)]).toEqual([
      ...[0xff, 0xe1, 0x00, 0x22],
      ...Buffer.from('Exif\u0000\u0000MM', 'latin1'),
      ...[0x00, 0x2a, 0x00, 0x00, 0x00, 0x08],
      ...[0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00],
      ...[0x00, 0x00, 0x00, 0x00],
    ]);
  });

  it('a phone’s portrait photo is 4 by 8 as seen, with nothing but its orientation left of its Exif', () => {
    const checked = kept(PORTRAIT_PHOTO);
    expect(checked).toMatchObject({ orientation: 6, width: 4, height: 8 });
    expect(checked.bytes.length).toBe(tinyJpeg(8, 4).length + MINIMAL_EXIF_LENGTH);
  });

  it('the first Exif decides, as it does for a browser and the PDF', () => {
    expect(kept(tinyJpeg(8, 4, [cameraExif(6), cameraExif(3)]))).toMatchObject({ orientation: 6 });
    expect(kept(tinyJpeg(8, 4, [XMP_SEGMENT, cameraExif(8, 'II')]))).toMatchObject({ orientation: 8 });
  });

  const exif6 = cameraExif(6);
  const tiffAt = 4 + 6;
  const damaged = (at: number, ...bytes: number[]) => damagedIn(exif6, at, ...bytes);
  const damagedIn = (exif: number[], at: number, ...bytes: number[]) => {
    const copy = [...exif];
    bytes.forEach((b, i) => (copy[tiffAt + at + i] = b));
    return copy;
  };
  it.each([
    ['no orientation tag', cameraExif(null)],
    ['the Exif header alone', jpegSegment(0xe1, [...Buffer.from('Exif\u0000\u0000', 'latin1')])],
    ['no TIFF byte order', damaged(0, 0x58, 0x58)],
    ['not 42 after the byte order', damaged(2, 0, 43)],
    ['an IFD past the segment’s end', damaged(4, 0x7f, 0xff, 0xff, 0xff)],
    ['more IFD entries than the segment holds', damagedIn(cameraExif(null), 8, 0x7f, 0xff)],
    ['an orientation of 9', damaged(8 + 2 + 12 + 8, 0, 9)],
    ['an orientation of 0', damaged(8 + 2 + 12 + 8, 0, 0)],
    ['an orientation that is not a SHORT', damaged(8 + 2 + 12 + 2, 0, 4)],
    ['Exif cut short inside its IFD', jpegSegment(0xe1, exif6.slice(4, tiffAt + 8 + 2 + 12))],
    ['a GPS-looking text, no TIFF', EXIF_SEGMENT],
  ])('malformed Exif (%s) reads as upright, its bytes gone', (_, segment) => {
    const checked = kept(tinyJpeg(8, 4, [segment]));
    expect(checked).toMatchObject({ orientation: 1, width: 8, height: 4 });
    expect(holds(checked.bytes, 'Exif')).toBe(false);
  });

  it('drops the palette a truecolour PNG suggests, which a PDF reader would take for its colours; keeps an indexed PNG’s', () => {
    const suggested = pngChunk('PLTE', [255, 0, 0, 0, 0, 255]);
    const truecolour = checkPlanPicture(tinyPng(2, 2, [suggested]));
    if ('status' in truecolour) throw new Error(truecolour.message);
    expect(holds(truecolour.bytes, 'PLTE')).toBe(false);
    // The same picture as one that never had the chunk.
    expect(truecolour.bytes).toEqual(tinyPng(2, 2));
    const indexed = checkPlanPicture(plainPng({ width: 2, height: 2, bits: 8, colorType: 3 }, [suggested]));
    if ('status' in indexed) throw new Error(indexed.message);
    expect(holds(indexed.bytes, 'PLTE')).toBe(true);
  });

  it('a PNG is upright', () => {
    expect(kept(tinyPng(3, 2))).toMatchObject({ orientation: 1, width: 3, height: 2 });
  });
});

describe('checkPlanPicture: refused', () => {
  const png = tinyPng(2, 2);
  const jpeg = tinyJpeg(2, 2);
  it.each([
    ['a GIF', Uint8Array.from(Buffer.from('GIF89a\u0001\u0000\u0001\u0000', 'latin1')), 'not_a_picture'],
    ['text', Uint8Array.from(Buffer.from('hello')), 'not_a_picture'],
    ['a PNG cut short', png.subarray(0, png.length - 10), 'broken'],
    ['a PNG without IHDR first', Uint8Array.from([...png.subarray(0, 8), ...pngChunk('IEND', [])]), 'broken'],
    ['a JPEG cut before the picture', jpeg.subarray(0, 30), 'broken'],
    ['a JPEG without its end', jpeg.subarray(0, jpeg.length - 2), 'broken'],
    ['a JPEG that ends before a scan', Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]), 'broken'],
    ['a JPEG with a length past its end', Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0x7f, 0xff, 0]), 'broken'],
    ['a PNG of 0 pixels', tinyPng(0, 0), 'broken'],
    [
      'a PNG wider than 10,000 pixels',
      Uint8Array.from([...png.subarray(0, 16), 0, 0, 0x27, 0x11, ...png.subarray(20)]),
      'too_large',
    ],
    [
      'a PNG of 6,000 by 6,000 pixels (36 million: more than it unpacks to safely)',
      Uint8Array.from([...png.subarray(0, 16), 0, 0, 0x17, 0x70, 0, 0, 0x17, 0x70, ...png.subarray(24)]),
      'too_large',
    ],
    ['more than 2 MB', new Uint8Array(MAX_PLAN_PICTURE_BYTES + 1), 'too_large'],
    [
      'a PNG whose IHDR is too short to hold its colour type',
      Uint8Array.from([
        ...png.subarray(0, 8),
        ...pngChunk('IHDR', [0, 0, 0, 2, 0, 0, 0, 2, 8]),
        ...pngChunk('IEND', []),
      ]),
      'broken',
    ],
    [
      'an indexed PNG whose palette is not whole colours',
      plainPng({ width: 2, height: 2, bits: 8, colorType: 3 }, [pngChunk('PLTE', [0, 0, 0, 255])]),
      'broken',
    ],
    [
      'an indexed PNG with an empty palette',
      plainPng({ width: 2, height: 2, bits: 8, colorType: 3 }, [pngChunk('PLTE', [])]),
      'broken',
    ],
    [
      'an indexed PNG of more than 256 colours',
      plainPng({ width: 2, height: 2, bits: 8, colorType: 3 }, [
        pngChunk('PLTE', new Array<number>(771).fill(7)),
      ]),
      'broken',
    ],
  ])('%s', (_, bytes, status) => {
    expect(checkPlanPicture(bytes)).toMatchObject({ status });
  });
});

describe('PlanPictureUploadRequestSchema', () => {
  const data = Buffer.from(tinyPng(1, 1)).toString('base64');
  it.each([
    ['no one recognisable', { data, noOneRecognisable: true, youngPersonIds: [] }, true],
    ['two young people', { data, noOneRecognisable: false, youngPersonIds: [ID, OTHER] }, true],
    ['both said', { data, noOneRecognisable: true, youngPersonIds: [ID] }, false],
    ['neither said', { data, noOneRecognisable: false, youngPersonIds: [] }, false],
    ['the same person twice', { data, noOneRecognisable: false, youngPersonIds: [ID, ID] }, false],
    ['not base64', { data: 'not base64!', noOneRecognisable: true, youngPersonIds: [] }, false],
    ['no data', { noOneRecognisable: true, youngPersonIds: [] }, false],
    ['an extra field', { data, noOneRecognisable: true, youngPersonIds: [], name: 'x' }, false],
  ])('%s', (_, body, ok) => {
    expect(PlanPictureUploadRequestSchema.safeParse(body).success).toBe(ok);
  });
});

describe('a picture block in the typed text', () => {
  const picture = (alt: unknown, pictureId: unknown = ID) => ({
    blocks: [{ type: 'picture', pictureId, alt }],
  });
  it.each([
    ['alt text', picture('Young people voting with stickers'), true],
    ['alt text with spaces around, trimmed', picture('  A poster  '), true],
    ['250 characters', picture('a'.repeat(250)), true],
    ['251 characters', picture('a'.repeat(251)), false],
    ['no alt text', picture(''), false],
    ['only spaces', picture('   '), false],
    ['a line break', picture('two\nlines'), false],
    ['no id', picture('A poster', 'nope'), false],
    [
      'an extra field',
      { blocks: [{ type: 'picture', pictureId: ID, alt: 'x', src: 'https://x.test/a.png' }] },
      false,
    ],
  ])('%s', (_, doc, ok) => {
    expect(PlanDocumentSchema.safeParse(doc).success).toBe(ok);
  });

  it('keeps alt text trimmed', () => {
    expect(PlanDocumentSchema.parse(picture('  A poster ')).blocks[0]).toEqual({
      type: 'picture',
      pictureId: ID,
      alt: 'A poster',
    });
  });

  const doc: PlanDocument = {
    blocks: [
      { type: 'paragraph', children: [{ type: 'text', text: 'We met in May.' }] },
      { type: 'picture', pictureId: ID, alt: 'Our [best] poster' },
      { type: 'picture', pictureId: ID, alt: 'The same poster again' },
    ],
  };

  it('reads and writes as a line of markup', () => {
    const markup = planMarkupOf(doc);
    expect(markup).toContain(`![Our \\[best\\] poster](picture:${ID})`);
    expect(planDocumentFromMarkup(markup)).toEqual(doc);
  });

  it.each([
    [`![A poster](picture:${ID}) and more`, 'paragraph'],
    [`![](picture:${ID})`, 'paragraph'],
    [`![A poster](https://example.org/a.png)`, 'paragraph'],
    [`![A poster](picture:${ID.toUpperCase()})`, 'picture'],
  ])('%s is a %s', (markup, type) => {
    expect(planDocumentFromMarkup(markup).blocks[0].type).toBe(type);
  });

  it('lists each picture once and leaves it out of the words measured', () => {
    expect(planPictureIds(doc)).toEqual([ID]);
    expect(planPlainText(doc)).toBe('We met in May.');
  });

  it('shows a changed picture as changed words when versions are compared', () => {
    const before: PlanDocument = { blocks: [doc.blocks[0]] };
    const segments = diffPlanTexts(before, { blocks: doc.blocks.slice(0, 2) });
    expect(segments.filter((s) => s.kind === 'added').map((s) => s.text.trim())).toEqual([
      '[picture: Our [best] poster]',
    ]);
  });
});
