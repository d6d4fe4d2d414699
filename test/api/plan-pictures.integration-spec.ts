import { deflateSync } from 'node:zlib';
import {
  ConsentGiver,
  ConsentMethod,
  ConsentPurpose,
  PLAN_PICTURE_GONE,
  PLAN_PICTURE_NOT_DRAWN,
  PLAN_PICTURE_UNREADABLE,
  PlanDocument,
  PlanPictureResponse,
  PlanSectionKey,
  PlanVersionResponse,
  Role,
  checkPlanPicture,
  orientationSegment,
} from '@heard/domain';
import request from 'supertest';
import { anonymiseYoungPerson } from '@heard/api/app/erasure/anonymise-young-person';
import { PlanDocumentsWorker } from '@heard/api/app/plans/plan-documents.worker';
import {
  EXIF_SEGMENT,
  PORTRAIT_PHOTO,
  holds,
  plainPng,
  pngChunk,
  tinyJpeg,
  tinyPng,
} from '@heard/domain/testing';
import { makeTheme } from './support/action-log-office-fixtures';
import { createYoungPerson } from './support/factories';
import { pdfObjects, pdfReadingOrder, pdfStructure } from './support/pdf';
import { fillPlanVersion, planText, publishPlanVersion } from './support/plan-fixtures';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const NO_ONE = { noOneRecognisable: true, youngPersonIds: [] };

/**
 * Pictures in the voice plan's text (issue 14 §3, ADR 0035): uploaded by officers with their
 * metadata taken out, stored only when every young person who can be recognised has photo consent,
 * shown publicly only from a published version and only while that consent is in force.
 */
describe('pictures in the voice plan', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let leader: SignedInClient;
  let practitioner: SignedInClient;
  let expert: SignedInClient;
  let themeId: string;
  let withConsent: { id: string; preferredName: string };
  let withoutConsent: { id: string; preferredName: string };
  let consentId: string;
  let jpeg: PlanPictureResponse;
  let groupPhoto: PlanPictureResponse;
  let portrait: PlanPictureResponse;
  let published: PlanVersionResponse;

  const rows = async () => ({
    pictures: await countRows(t.db, 'plan_pictures'),
    people: await countRows(t.db, 'plan_picture_people'),
  });
  const upload = (by: SignedInClient, body: object) => by.post('/api/plans/pictures', body);
  const publicPicture = (id: string) =>
    request(t.app.getHttpServer()).get(`/api/published-plans/pictures/${id}`).buffer(true);
  const childText = (...pictures: { id: string; alt: string }[]): PlanDocument => ({
    blocks: [
      { type: 'paragraph', children: [{ type: 'text', text: 'We met in May and made a poster.' }] },
      ...pictures.map((p) => ({ type: 'picture' as const, pictureId: p.id, alt: p.alt })),
    ],
  });

  const texts = (key: PlanSectionKey) =>
    key === 'individual_work'
      ? {
          professional: planText('The full text.'),
          childFriendly: childText(
            { id: jpeg.id, alt: 'A poster that says "We were heard"' },
            { id: groupPhoto.id, alt: 'Rosa holding the poster' },
          ),
        }
      : { professional: planText(`The text of ${key}.`), childFriendly: planText(`For you: ${key}.`) };

  const madePdf = async (versionId: string) => {
    expect(await t.app.get(PlanDocumentsWorker).runOnce()).toBe(1);
    const pdf = await request(t.app.getHttpServer())
      .get(`/api/published-plans/${versionId}/pdf`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    return pdf.body as Buffer;
  };
  const pdfOf = async (versionId: string) => {
    const tree = pdfStructure(await madePdf(versionId));
    if (!tree) throw new Error('The PDF is not tagged.');
    return pdfReadingOrder(tree);
  };

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer, { displayName: 'Ola Officer' });
    leader = await t.signInAs(Role.SeniorLeader, { displayName: 'Dana Fairweather' });
    practitioner = await t.signInAs(Role.Practitioner);
    themeId = await makeTheme(t.db, 'Listening better');
    withConsent = await createYoungPerson(officer, { preferredName: 'Rosa' });
    withoutConsent = await createYoungPerson(officer, { preferredName: 'Theo' });
    expert = await t.signInAs(Role.YoungExpert, { displayName: 'Rosa', youngPersonId: withConsent.id });
    const given = await officer.post(`/api/young-people/${withConsent.id}/consents`, {
      purpose: ConsentPurpose.PhotosVideo,
      givenBy: ConsentGiver.Parent,
      method: ConsentMethod.Form,
      wording: 'I agree to photos of my child being used in the council’s plan.',
      givenOn: '2026-01-05',
      scope: 'standing',
      activityId: null,
      expiresOn: null,
    });
    expect(given.status).toBe(201);
    consentId = (given.body as { id: string }).id;
  });
  afterAll(() => t.close());

  it('stores a JPEG without its Exif, with its size read from its header', async () => {
    const sent = tinyJpeg(3, 2, [EXIF_SEGMENT]);
    expect(holds(sent, 'Exif')).toBe(true);
    const res = await upload(officer, { data: base64(sent), ...NO_ONE });
    expect(res.status).toBe(201);
    jpeg = res.body as PlanPictureResponse;
    expect(jpeg).toMatchObject({ mediaType: 'image/jpeg', width: 3, height: 2, noOneRecognisable: true });
    const [stored]: { bytes: Buffer; byte_size: number; sha256: string }[] = await t.db.query(
      `SELECT bytes, byte_size, sha256 FROM plan_pictures WHERE id = $1`,
      [jpeg.id],
    );
    expect(holds(stored.bytes, 'Exif')).toBe(false);
    expect(holds(stored.bytes, 'GPS')).toBe(false);
    expect(stored.byte_size).toBe(stored.bytes.length);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);

    const back = await officer.get(`/api/plans/pictures/${jpeg.id}`).buffer(true);
    expect(back.status).toBe(200);
    expect(back.headers['content-type']).toBe('image/jpeg');
    expect(back.headers['x-content-type-options']).toBe('nosniff');
    expect(holds(back.body as Buffer, 'Exif')).toBe(false);
    expect((await leader.get(`/api/plans/pictures/${jpeg.id}`)).status).toBe(200);
  });

  it('refuses what is not a whole PNG or JPEG, too large, or badly said, with nothing written', async () => {
    const before = await rows();
    const gif = Buffer.from('GIF89a\u0001\u0000\u0001\u0000', 'latin1');
    const png = tinyPng(2, 2, [pngChunk('tEXt', [...Buffer.from('Author\u0000Sam')])]);
    expectProblem(await upload(officer, { data: base64(gif), ...NO_ONE }), 415);
    expectProblem(await upload(officer, { data: base64(png.subarray(0, 30)), ...NO_ONE }), 400);
    expectProblem(await upload(officer, { data: 'not base64!', ...NO_ONE }), 400);
    expectProblem(await upload(officer, { ...NO_ONE }), 400);
    expectProblem(await upload(officer, { data: base64(png) }), 400);
    expectProblem(
      await upload(officer, { data: base64(png), noOneRecognisable: true, youngPersonIds: [withConsent.id] }),
      400,
    );
    expectProblem(
      await upload(officer, { data: base64(png), noOneRecognisable: false, youngPersonIds: [] }),
      400,
    );
    expectProblem(await upload(officer, { data: base64(png), ...NO_ONE, name: 'poster.png' }), 400);
    // Larger than 2 MB decoded: refused by the schema, and past the route's body limit by the guard.
    expectProblem(await upload(officer, { data: 'A'.repeat(2_800_000), ...NO_ONE }), 400);
    expectProblem(await upload(officer, { data: 'A'.repeat(3_200_000), ...NO_ONE }), 413);
    // Raw bytes are not JSON.
    const raw = await officer.agent
      .post('/api/plans/pictures')
      .set('Content-Type', 'image/png')
      .set('X-XSRF-TOKEN', 'x')
      .send(Buffer.from(png));
    expectProblem(raw, 415);
    expect(await rows()).toEqual(before);
  });

  it('keeps a phone photo’s Exif orientation and nothing else of its Exif, its size as seen', async () => {
    expect(holds(PORTRAIT_PHOTO, 'PhoneCo')).toBe(true);
    const res = await upload(officer, { data: base64(PORTRAIT_PHOTO), ...NO_ONE });
    expect(res.status).toBe(201);
    portrait = res.body as PlanPictureResponse;
    // Stored 8 wide and 4 tall, turned a quarter (6): 4 by 8 on the page and in the PDF.
    expect(portrait).toMatchObject({ mediaType: 'image/jpeg', width: 4, height: 8 });
    const [stored]: { width: number; height: number }[] = await t.db.query(
      `SELECT width, height FROM plan_pictures WHERE id = $1`,
      [portrait.id],
    );
    expect(stored).toEqual({ width: 4, height: 8 });

    const back = await officer.get(`/api/plans/pictures/${portrait.id}`).buffer(true);
    expect(back.status).toBe(200);
    const served = back.body as Buffer;
    expect(checkPlanPicture(served)).toMatchObject({ orientation: 6, width: 4, height: 8 });
    // Its only Exif is the one-tag segment: no camera, no time, no GPS IFD (tag 0x8825).
    expect(served.includes(Buffer.from(orientationSegment(6)))).toBe(true);
    expect(served.length).toBe(tinyJpeg(8, 4).length + orientationSegment(6).length);
    for (const gone of ['PhoneCo', '2026:05:14', '\u0088\u0025']) expect(holds(served, gone)).toBe(false);
  });

  it('refuses a picture the PDF could not draw (422), with nothing written, and takes those it can', async () => {
    const before = await rows();
    const rgb = { width: 2, height: 2, bits: 8, colorType: 2 };
    const rgba = { ...rgb, colorType: 6 };
    const palette = pngChunk('PLTE', [255, 0, 0, 0, 0, 255]);
    const undrawable: [string, Uint8Array][] = [
      ['a PNG with alpha whose pixel data is not zlib', plainPng(rgba, [], [...Buffer.from('not zlib')])],
      ['a PNG whose pixel data is not zlib', plainPng(rgb, [], [...Buffer.from('not zlib')])],
      [
        'a PNG with alpha and an unknown row filter',
        plainPng(
          rgba,
          [],
          [
            ...deflateSync(
              Uint8Array.from([9, ...new Array<number>(8).fill(0), 0, ...new Array<number>(8).fill(0)]),
            ),
          ],
        ),
      ],
      ['a PNG whose pixel data stops short', plainPng(rgb, [], [...deflateSync(new Uint8Array(7))])],
      ['a PNG of colour type 5, which there is not', plainPng({ ...rgb, colorType: 5 })],
      ['an RGB PNG of 4 bits', plainPng({ ...rgb, bits: 4 })],
      ['a palette PNG without its palette', plainPng({ ...rgb, colorType: 3 })],
      [
        'a 1-bit palette PNG with transparency',
        plainPng({ ...rgb, bits: 1, colorType: 3 }, [palette, pngChunk('tRNS', [0])]),
      ],
      ['an interlaced PNG smaller than 5 by 5', plainPng({ ...rgb, interlaced: true })],
      ['a JPEG of two colour components', tinyJpeg(2, 2, [], { precision: 8, components: 2 })],
      ['a JPEG of 12 bits a sample', tinyJpeg(2, 2, [], { precision: 12, components: 1 })],
    ];
    for (const [what, bytes] of undrawable) {
      expect({ what, checked: 'status' in checkPlanPicture(bytes) }).toEqual({ what, checked: false });
      const res = await upload(officer, { data: base64(bytes), ...NO_ONE });
      expectProblem(res, 422);
      expect({ what, detail: res.body.detail }).toEqual({ what, detail: PLAN_PICTURE_UNREADABLE });
    }
    expect(await rows()).toEqual(before);

    const drawable: [string, Uint8Array][] = [
      ['a PNG with alpha', plainPng(rgba)],
      ['a 16-bit PNG with alpha', plainPng({ ...rgba, bits: 16 })],
      ['a 16-bit RGB PNG', plainPng({ ...rgb, bits: 16 })],
      ['a 1-bit grey PNG', plainPng({ ...rgb, bits: 1, colorType: 0 })],
      [
        'an 8-bit palette PNG with transparency',
        plainPng({ ...rgb, colorType: 3 }, [palette, pngChunk('tRNS', [0])]),
      ],
      ['an interlaced PNG', plainPng({ ...rgb, width: 9, height: 7, interlaced: true })],
      [
        'an interlaced grey PNG with alpha',
        plainPng({ width: 5, height: 5, bits: 8, colorType: 4, interlaced: true }),
      ],
      ['a colour JPEG', tinyJpeg(2, 2, [], { precision: 8, components: 3 })],
    ];
    for (const [what, bytes] of drawable)
      expect({ what, status: (await upload(officer, { data: base64(bytes), ...NO_ONE })).status }).toEqual({
        what,
        status: 201,
      });
    expect((await rows()).pictures).toBe(before.pictures + drawable.length);
  });

  it('is for officers only: leaders, practitioners, young experts and the signed-out cannot upload', async () => {
    const before = await rows();
    const body = { data: base64(tinyPng(1, 1)), ...NO_ONE };
    expectProblem(await upload(leader, body), 403);
    expectProblem(await upload(practitioner, body), 403);
    expectProblem(await upload(expert, body), 403);
    expectProblem(await t.anonymous().post('/api/plans/pictures').send(body), 401);
    expectProblem(await practitioner.get(`/api/plans/pictures/${jpeg.id}`), 403);
    expectProblem(await expert.get(`/api/plans/pictures/${jpeg.id}`), 403);
    expectProblem(await t.anonymous().get(`/api/plans/pictures/${jpeg.id}`), 401);
    expectProblem(await officer.get('/api/plans/pictures/not-a-picture'), 404);
    expectProblem(await officer.get('/api/plans/pictures/00000000-0000-4000-8000-000000000000'), 404);
    expect(await rows()).toEqual(before);
  });

  it('refuses a picture with a young person who has no photo consent (422, naming them), or one out of reach', async () => {
    const before = await rows();
    const res = await upload(officer, {
      data: base64(tinyPng(2, 2)),
      noOneRecognisable: false,
      youngPersonIds: [withConsent.id, withoutConsent.id],
    });
    expectProblem(res, 422);
    expect(res.body.detail).toContain('Theo');
    expect(res.body.detail).not.toContain('Rosa');
    expect(res.body.errors['youngPersonIds.1'][0]).toContain('No photos');
    expectProblem(
      await upload(officer, {
        data: base64(tinyPng(2, 2)),
        noOneRecognisable: false,
        youngPersonIds: ['00000000-0000-4000-8000-000000000000'],
      }),
      400,
    );
    expect(await rows()).toEqual(before);

    const ok = await upload(officer, {
      data: base64(tinyPng(4, 3)),
      noOneRecognisable: false,
      youngPersonIds: [withConsent.id],
    });
    expect(ok.status).toBe(201);
    groupPhoto = ok.body as PlanPictureResponse;
    expect(groupPhoto).toMatchObject({ mediaType: 'image/png', youngPersonIds: [withConsent.id] });
  });

  it('saves a section that shows pictures that exist, and refuses one that does not (400)', async () => {
    const started = await officer.post('/api/plans', { year: 2026 });
    expect(started.status).toBe(201);
    const draft = await fillPlanVersion(officer, started.body as PlanVersionResponse, {
      texts,
      ownerId: leader.user.id,
      themeId,
      dueOn: '2026-12-01',
    });
    const section = draft.sections.find((s) => s.key === 'individual_work');
    expect(section?.childFriendly.blocks[1]).toEqual({
      type: 'picture',
      pictureId: jpeg.id,
      alt: 'A poster that says "We were heard"',
    });

    const missing = await officer.put(`/api/plans/versions/${draft.id}/sections/individual_work`, {
      expectedUpdatedAt: draft.updatedAt,
      professional: planText('x'),
      childFriendly: childText({ id: '00000000-0000-4000-8000-000000000000', alt: 'Gone' }),
    });
    expectProblem(missing, 400);
    expect(Object.keys(missing.body.errors)).toEqual(['childFriendly.blocks.1.pictureId']);
    const noAlt = await officer.put(`/api/plans/versions/${draft.id}/sections/individual_work`, {
      expectedUpdatedAt: draft.updatedAt,
      professional: planText('x'),
      childFriendly: childText({ id: jpeg.id, alt: '  ' }),
    });
    expectProblem(noAlt, 400);

    // Not public while a draft.
    expectProblem(await publicPicture(jpeg.id), 404);
    published = await publishPlanVersion(officer, leader, draft);
    expect(published.status).toBe('published');
  });

  it('serves a published version’s pictures to everyone, asked again before each use', async () => {
    const res = await publicPicture(groupPhoto.id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('public, no-cache');
    expect((await publicPicture(jpeg.id)).status).toBe(200);
    expectProblem(await publicPicture('00000000-0000-4000-8000-000000000000'), 404);
    expectProblem(await publicPicture('nope'), 404);
  });

  it('draws each picture in the PDF as a Figure with its alt text', async () => {
    const figures = (await pdfOf(published.id)).filter((e) => e.type === 'Figure');
    expect(figures.map((f) => f.alt)).toEqual([
      'A poster that says "We were heard"',
      'Rosa holding the poster',
    ]);
  });

  it('stops showing a picture publicly once consent is withdrawn (404), staff still see it', async () => {
    const withdrawn = await officer.post(`/api/consents/${consentId}/withdraw`, {
      reason: 'Changed their mind',
    });
    expect(withdrawn.status).toBeLessThan(300);
    expectProblem(await publicPicture(groupPhoto.id), 404);
    expect((await publicPicture(jpeg.id)).status).toBe(200);
    expect((await officer.get(`/api/plans/pictures/${groupPhoto.id}`)).status).toBe(200);

    // A correction published now prints that picture's alt text with the page's words, not the picture.
    const started = await officer.post(`/api/plans/${published.planId}/versions`, {
      whatChanged: 'New words.',
    });
    expect(started.status).toBe(201);
    const filled = await fillPlanVersion(officer, started.body as PlanVersionResponse, {
      texts,
      ownerId: leader.user.id,
      themeId,
      dueOn: '2026-12-01',
    });
    // In scrutiny, young experts see the pictures they may be shown; no one else outside staff does.
    let at = filled;
    const move = async (by: SignedInClient, to: string) => {
      const res = await by.post(`/api/plans/versions/${at.id}/moves`, {
        expectedUpdatedAt: at.updatedAt,
        to,
      });
      expect(res.status).toBe(200);
      at = res.body as PlanVersionResponse;
    };
    await move(officer, 'scrutiny');
    expect((await expert.get(`/api/me/plan/pictures/${jpeg.id}`)).status).toBe(200);
    expectProblem(await expert.get(`/api/me/plan/pictures/${groupPhoto.id}`), 404);
    expectProblem(await practitioner.get(`/api/me/plan/pictures/${jpeg.id}`), 403);
    expectProblem(await t.anonymous().get(`/api/me/plan/pictures/${jpeg.id}`), 401);
    await move(leader, 'approved');
    await move(officer, 'published');
    const v2 = at;
    const elements = await pdfOf(v2.id);
    expect(elements.filter((e) => e.type === 'Figure').map((f) => f.alt)).toEqual([
      'A poster that says "We were heard"',
    ]);
    expect(elements.map((e) => e.text)).toContain(`Rosa holding the poster (${PLAN_PICTURE_GONE})`);

    // Version 1's PDF, made while consent was in force, drew that picture and is kept as it is:
    // it is no longer given out, to anyone. Version 2's, which drew only the poster, is.
    const [made]: { drawn: string[] }[] = await t.db.query(
      `SELECT pictures_drawn AS drawn FROM plan_documents WHERE version_id = $1`,
      [published.id],
    );
    expect([...made.drawn].sort()).toEqual([groupPhoto.id, jpeg.id].sort());
    const kept = await t.anonymous().get(`/api/published-plans/${published.id}/pdf`);
    expectProblem(kept, 404);
    expect(kept.body.detail).toMatch(/picture that can no longer be shown/);
    expect((await t.anonymous().get(`/api/published-plans/${v2.id}/pdf`)).status).toBe(200);
  });

  it('refuses a picture in a report’s section (400): a report stays words', async () => {
    const res = await officer.put('/api/reports/00000000-0000-4000-8000-000000000000/sections/introduction', {
      version: 1,
      text: childText({ id: jpeg.id, alt: 'A poster' }),
    });
    expectProblem(res, 400);
    expect(JSON.stringify(res.body.errors)).toContain('remove the picture');
  });

  it('withdraws every picture a young person is in when they are erased: its bytes go, staff no longer see it', async () => {
    const counts = await t.db.transaction((em) =>
      anonymiseYoungPerson(em, withConsent.id, {
        reason: 'erasure',
        at: new Date(),
        byUserId: officer.user.id,
      }),
    );
    expect(counts.planPictures).toBe(1);
    const [row]: { withdrawn_at: Date | null; size: number }[] = await t.db.query(
      `SELECT withdrawn_at, octet_length(bytes) AS size FROM plan_pictures WHERE id = $1`,
      [groupPhoto.id],
    );
    expect(row.withdrawn_at).not.toBeNull();
    expect(row.size).toBe(0);
    expectProblem(await officer.get(`/api/plans/pictures/${groupPhoto.id}`), 404);
    expectProblem(await publicPicture(groupPhoto.id), 404);
    // The picture no one can be recognised in is untouched.
    expect((await publicPicture(jpeg.id)).status).toBe(200);

    // Version 1's PDF held the picture: erasure sent it back to be made again, its bytes gone, and
    // made again it prints the alt text. Version 2's, which never drew it, is as it was.
    expect(counts.planPdfsMadeAgain).toBe(1);
    const [queued]: { status: string; size: number | null }[] = await t.db.query(
      `SELECT status, octet_length(bytes) AS size FROM plan_documents WHERE version_id = $1`,
      [published.id],
    );
    expect(queued).toEqual({ status: 'queued', size: null });
    const remade = await pdfOf(published.id);
    expect(remade.filter((e) => e.type === 'Figure').map((f) => f.alt)).toEqual([
      'A poster that says "We were heard"',
    ]);
    expect(remade.map((e) => e.text)).toContain(`Rosa holding the poster (${PLAN_PICTURE_GONE})`);
    // Outside an erasure a made PDF is still kept as it is, whoever tries.
    await expect(
      t.db.query(
        `UPDATE plan_documents SET status = 'queued', bytes = NULL, made_at = NULL WHERE version_id = $1`,
        [published.id],
      ),
    ).rejects.toThrow(/kept as it is/);
  });

  it('draws a phone photo turned by its orientation, and prints the alt text of a stored picture it cannot draw', async () => {
    // Stored before uploads were asked whether the PDF can draw them: unpacking it throws in a
    // zlib callback, out of reach of every catch, unless it is never unpacked.
    const broken = plainPng({ width: 2, height: 2, bits: 8, colorType: 6 }, [], [...Buffer.from('not zlib')]);
    const [{ id: brokenId }]: { id: string }[] = await t.db.query(
      `INSERT INTO plan_pictures (bytes, media_type, width, height, byte_size, sha256, uploaded_by, no_one_recognisable)
       VALUES ($1, 'image/png', 2, 2, $2, repeat('0', 64), $3, true) RETURNING id`,
      [Buffer.from(broken), broken.length, officer.user.id],
    );
    const started = await officer.post(`/api/plans/${published.planId}/versions`, {
      whatChanged: 'A photo.',
    });
    expect(started.status).toBe(201);
    const filled = await fillPlanVersion(officer, started.body as PlanVersionResponse, {
      texts: (key) =>
        key === 'individual_work'
          ? {
              professional: planText('The full text.'),
              childFriendly: childText(
                { id: portrait.id, alt: 'The council in the town hall' },
                { id: brokenId, alt: 'A drawing of the youth centre' },
              ),
            }
          : texts(key),
      ownerId: leader.user.id,
      themeId,
      dueOn: '2026-12-01',
    });
    const v3 = await publishPlanVersion(officer, leader, filled);
    const pdf = await madePdf(v3.id);
    const tree = pdfStructure(pdf);
    if (!tree) throw new Error('The PDF is not tagged.');
    const elements = pdfReadingOrder(tree);
    expect(elements.filter((e) => e.type === 'Figure').map((f) => f.alt)).toEqual([
      'The council in the town hall',
    ]);
    expect(elements.map((e) => e.text)).toContain(
      `A drawing of the youth centre (${PLAN_PICTURE_NOT_DRAWN})`,
    );

    // pdfkit turns the photo by its orientation (6) as it draws it in its 4 by 8 box: a quarter
    // turn in the page's content, "0 1 -1 0 x y cm", before the picture is painted in it.
    const contents = [...pdfObjects(pdf).values()].map((o) => o.stream?.toString('latin1') ?? '');
    expect(contents.some((c) => /\n0 1 -1 0 -?[\d.]+ -?[\d.]+ cm\n[^\n]*\n\/I\d+ Do/.test(c))).toBe(true);
  });
});
