import {
  BOARD_PAGE_SIZE,
  ConsentGiver,
  ConsentMethod,
  ConsentPurpose,
  MAX_BOARD_PAGE_SIZE,
  MAX_BOARD_QUOTES,
  MAX_READING_LEVEL_TEXT,
  Role,
  addDays,
  todayInLondon,
} from '@heard/domain';
import { randomUUID } from 'node:crypto';
import { COMPRESS_FROM_BYTES } from '@heard/api/platform/http/published-json';
import {
  boardRevision,
  insertAction,
  insertItem,
  insertQuote,
  insertTheme,
} from './support/action-log-board-fixtures';
import { createYoungPerson, dateOfBirthForAge } from './support/factories';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();

/**
 * Publishing pairs and the public board (issue 12 §7, docs/action-log.md, "Public board"): an
 * officer chooses what goes on it, in child-friendly words, with quotes only while consent is in
 * force; the board is public, names no one, is filtered by theme and is cached until it changes.
 */
describe('action log: publication and the public board', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let practitioner: SignedInClient;
  let expert: SignedInClient;
  let admin: SignedInClient;
  let officerId: string;
  let quoted: { id: string };
  let transparency: string;
  let sharing: string;
  let itemId: string;
  let actionId: string;
  let quoteId: string;
  let anonymousQuoteId: string;

  /** What a publication could write: a refusal leaves every one of these as it was. */
  const written = async () => ({
    published: await countRows(t.db, 'action_answers WHERE published_at IS NOT NULL'),
    quotes: await countRows(t.db, 'board_quotes'),
    onBoard: await countRows(t.db, 'board_quotes WHERE taken_off_at IS NULL'),
    timeline: await countRows(t.db, 'you_said_timeline'),
    audit: await countRows(t.db, `audit_events WHERE action <> 'access_refused'`),
    revision: await boardRevision(t.db),
  });
  const publicationUrl = (action: string, item: string) =>
    `/api/action-log/answers/${action}/${item}/publication`;

  /** Private things about the young people and staff that must never reach the board. */
  const PRIVATE = {
    name: 'Quillon',
    otherName: 'Marisabel',
    email: 'quillon.private@young.example',
    dateOfBirth: dateOfBirthForAge(17),
    staffWords: 'Quillon (DOB on file) raised this privately with Marisabel',
    actionWords: 'Emailed quillon.private@young.example about the review dates',
  };

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    officerId = officer.user.id;
    practitioner = await t.signInAs(Role.Practitioner);
    admin = await t.signInAs(Role.Administrator);
    const expertPerson = await createYoungPerson(officer, {
      preferredName: 'Ori',
      dateOfBirth: dateOfBirthForAge(16),
    });
    expert = await t.signInAs(Role.YoungExpert, { displayName: 'Ori', youngPersonId: expertPerson.id });
    quoted = await createYoungPerson(officer, {
      preferredName: PRIVATE.name,
      dateOfBirth: PRIVATE.dateOfBirth,
      contact: {
        email: PRIVATE.email,
        phone: null,
        whatsapp: null,
        letter: null,
        onlyViaTrustedAdult: false,
      },
    });
    const other = await createYoungPerson(officer, {
      preferredName: PRIVATE.otherName,
      dateOfBirth: dateOfBirthForAge(13),
    });
    transparency = await insertTheme(t.db, 'Transparency and managing expectations');
    sharing = await insertTheme(t.db, 'Sharing learning');
    itemId = await insertItem(t.db, {
      words: PRIVATE.staffWords,
      youngWords: 'Tell us sooner when our review is.',
      themeId: transparency,
      speakers: [quoted.id, other.id],
      createdBy: officerId,
    });
    actionId = await insertAction(t.db, [itemId], { words: PRIVATE.actionWords, createdBy: officerId });
    quoteId = await insertQuote(t.db, itemId, {
      words: 'I found out the day before, every time.',
      youngPersonId: quoted.id,
      createdBy: officerId,
    });
    anonymousQuoteId = await insertQuote(t.db, itemId, {
      words: 'We want time to get ready.',
      youngPersonId: null,
      createdBy: officerId,
    });
  });
  afterAll(() => t.close());

  describe('reading level', () => {
    it('should measure plain words as readable at 10 and an adult sentence as hard', async () => {
      const plain = await officer.post('/api/action-log/reading-level', {
        text: 'We now tell you four weeks before.',
      });
      expect(plain.status).toBe(200);
      expect(plain.body).toMatchObject({ forAge: 10, hardSentences: [] });
      expect(plain.body.readingAge).toBeLessThanOrEqual(10);
      const hard =
        'Consent to the publication of attributable quotations is recorded independently of participation.';
      const adult = await officer.post('/api/action-log/reading-level', { text: hard });
      expect(adult.status).toBe(200);
      expect(adult.body.hardSentences).toEqual([hard]);
      expect(adult.body.readingAge === null || adult.body.readingAge > 10).toBe(true);
    });

    it('should refuse bad input and anyone but staff who write it, as problem+json', async () => {
      for (const body of [
        {},
        { text: 42 },
        { text: 'x'.repeat(MAX_READING_LEVEL_TEXT + 1) },
        { text: 'ok', more: 1 },
      ])
        expectProblem(await officer.post('/api/action-log/reading-level', body), 400);
      expectProblem(await t.anonymous().post('/api/action-log/reading-level').send({ text: 'Hi.' }), 401);
      expectProblem(await expert.post('/api/action-log/reading-level', { text: 'Hi.' }), 403);
      expectProblem(await admin.post('/api/action-log/reading-level', { text: 'Hi.' }), 403);
    });
  });

  describe('publishing', () => {
    it('should refuse a quote without its young person’s consent, writing nothing', async () => {
      const before = await written();
      const res = await officer.put(publicationUrl(actionId, itemId), { quoteIds: [quoteId] });
      expectProblem(res, 409);
      expect(res.body.detail).toMatch(/consent to quoting/);
      expect(await written()).toEqual(before);
      const board = await t.anonymous().get('/api/board');
      expect(board.body.items).toEqual([]);
    });

    it('should refuse a pair without child-friendly words, writing nothing', async () => {
      const bare = await insertItem(t.db, { youngWords: null, createdBy: officerId });
      const bareAction = await insertAction(t.db, [bare], { createdBy: officerId });
      const unworded = await insertAction(t.db, [itemId], { youngWords: null, createdBy: officerId });
      const before = await written();
      expectProblem(await officer.put(publicationUrl(bareAction, bare), {}), 409);
      expectProblem(await officer.put(publicationUrl(unworded, itemId), {}), 409);
      expect(await written()).toEqual(before);
    });

    it('should refuse invalid, missing, oversized and unknown input, writing nothing', async () => {
      const before = await written();
      const tooMany = Array.from({ length: MAX_BOARD_QUOTES + 1 }, () => randomUUID());
      for (const body of [
        { quoteIds: 'all' },
        { quoteIds: ['not-an-id'] },
        { quoteIds: tooMany },
        { quoteIds: [anonymousQuoteId, anonymousQuoteId] },
        { quoteIds: [], note: 'extra' },
      ])
        expectProblem(await officer.put(publicationUrl(actionId, itemId), body), 400);
      // A quote that is not this item's.
      const elsewhere = await insertItem(t.db, { createdBy: officerId });
      const strayQuote = await insertQuote(t.db, elsewhere, {
        words: 'Somewhere else.',
        youngPersonId: null,
        createdBy: officerId,
      });
      expectProblem(await officer.put(publicationUrl(actionId, itemId), { quoteIds: [strayQuote] }), 400);
      // A pair that does not exist, and ids that are not ids.
      expectProblem(await officer.put(publicationUrl(randomUUID(), itemId), {}), 404);
      expectProblem(await officer.put(publicationUrl(actionId, randomUUID()), {}), 404);
      expectProblem(await officer.put(publicationUrl('nope', itemId), {}), 404);
      expectProblem(await officer.delete(publicationUrl(actionId, 'nope')), 404);
      // Not published yet: nothing to take off.
      expectProblem(await officer.delete(publicationUrl(actionId, itemId)), 409);
      // Only a participation officer publishes.
      expectProblem(await t.anonymous().put(publicationUrl(actionId, itemId)).send({}), 401);
      for (const who of [practitioner, expert, admin]) {
        expectProblem(await who.put(publicationUrl(actionId, itemId), {}), 403);
        expectProblem(await who.delete(publicationUrl(actionId, itemId)), 403);
        expectProblem(await who.get(`/api/action-log/items/${itemId}/publication`), 403);
      }
      expect(await written()).toEqual(before);
    });

    it('should publish with a consented quote and show the pair on the public board, naming no one', async () => {
      // Quote consent decides what the board may show: giving it makes the board's cache forget.
      const revisionBefore = await boardRevision(t.db);
      const consent = await officer.post(`/api/young-people/${quoted.id}/consents`, {
        purpose: ConsentPurpose.Quotes,
        givenBy: ConsentGiver.YoungPerson,
        method: ConsentMethod.Verbal,
        wording: 'You can use my words on the board.',
        givenOn: today,
        scope: 'standing',
        activityId: null,
        expiresOn: null,
      });
      expect(consent.status).toBe(201);
      expect(await boardRevision(t.db)).toBe(revisionBefore + 1);
      const view = await officer.get(`/api/action-log/items/${itemId}/publication`);
      expect(view.status).toBe(200);
      expect(view.body.quotes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: quoteId, needsConsent: true, consentInForce: true }),
          expect.objectContaining({ id: anonymousQuoteId, needsConsent: false, consentInForce: true }),
        ]),
      );
      expect(view.body.readingLevel).toMatchObject({ forAge: 10, hardSentences: [] });

      const res = await officer.put(publicationUrl(actionId, itemId), {
        quoteIds: [quoteId, anonymousQuoteId],
      });
      expect(res.status).toBe(200);
      const pair = res.body.pairs.find((p: { actionId: string }) => p.actionId === actionId);
      expect(pair).toMatchObject({ answer: 'we_did', label: 'We did' });
      expect(pair.publishedAt).not.toBeNull();
      expect([...pair.quoteIds].sort()).toEqual([quoteId, anonymousQuoteId].sort());
      const [entry] = await t.db.query(
        `SELECT event, by_user FROM you_said_timeline WHERE item_id = $1 AND action_id = $2 ORDER BY id DESC LIMIT 1`,
        [itemId, actionId],
      );
      expect(entry).toEqual({ event: 'published', by_user: officerId });

      const board = await t.anonymous().get('/api/board');
      expect(board.status).toBe(200);
      expect(board.body.items).toHaveLength(1);
      expect(board.body.items[0]).toMatchObject({
        itemId,
        theme: { id: transparency, name: 'Transparency and managing expectations' },
        youSaid: 'Tell us sooner when our review is.',
        answers: [
          { answer: 'we_did', label: 'We did', words: 'We now tell you four weeks before.', because: null },
        ],
      });
      expect([...board.body.items[0].quotes].sort()).toEqual(
        ['I found out the day before, every time.', 'We want time to get ready.'].sort(),
      );
      expect(board.body.items[0].month).toMatch(/^\d{4}-\d{2}$/);
      const item = await t.anonymous().get(`/api/board/items/${itemId}`);
      expect(item.status).toBe(200);
      expect(item.body).toEqual(board.body.items[0]);
    });

    it('should show nothing identifying: no names, emails, dates of birth or staff words', async () => {
      const everything = [
        JSON.stringify((await t.anonymous().get('/api/board')).body),
        JSON.stringify((await t.anonymous().get(`/api/board/items/${itemId}`)).body),
        JSON.stringify((await t.anonymous().get(`/api/board?themeId=${transparency}`)).body),
      ].join('\n');
      for (const secret of [
        PRIVATE.name,
        PRIVATE.otherName,
        PRIVATE.email,
        PRIVATE.dateOfBirth,
        PRIVATE.staffWords,
        PRIVATE.actionWords,
        quoted.id,
        officerId,
        officer.user.email,
      ])
        expect(everything).not.toContain(secret);
      // A day of the month would narrow who said it: months only.
      expect(everything).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    });

    it('should filter by theme, and refuse a theme that is not an id', async () => {
      const other = await insertItem(t.db, {
        youngWords: 'Let us share what we learn.',
        themeId: sharing,
        createdBy: officerId,
      });
      const otherAction = await insertAction(t.db, [other], {
        status: 'cant',
        youngWords: 'We can not do a yearly event.',
        cantReason: 'There is no money for it this year.',
        createdBy: officerId,
      });
      expect((await officer.put(publicationUrl(otherAction, other), {})).status).toBe(200);
      const all = await t.anonymous().get('/api/board');
      expect(all.body.items.map((i: { itemId: string }) => i.itemId).sort()).toEqual([itemId, other].sort());
      expect(all.body.themes.map((th: { name: string }) => th.name)).toEqual([
        'Sharing learning',
        'Transparency and managing expectations',
      ]);
      const sharingOnly = await t.anonymous().get(`/api/board?themeId=${sharing}`);
      expect(sharingOnly.body.items).toEqual([
        expect.objectContaining({
          itemId: other,
          answers: [
            expect.objectContaining({ answer: 'we_cant', because: 'There is no money for it this year.' }),
          ],
        }),
      ]);
      expectProblem(await t.anonymous().get('/api/board?themeId=transparency'), 400);
      expectProblem(await t.anonymous().get(`/api/board?themeId=${sharing}&sort=new`), 400);
      expectProblem(await t.anonymous().get(`/api/board?themeId=${'a'.repeat(5000)}`), 400);
      expectProblem(await t.anonymous().get(`/api/board/items/${randomUUID()}`), 404);
      expectProblem(await t.anonymous().get('/api/board/items/not-an-id'), 404);
      expect((await officer.delete(publicationUrl(otherAction, other))).status).toBe(200);
    });

    it('should answer 304 to a browser with the current board, and a new board after a change', async () => {
      const first = await t.anonymous().get('/api/board');
      const tag = first.headers['etag'];
      expect(tag).toMatch(/^"/);
      expect(first.headers['cache-control']).toBe('public, no-cache');
      const again = await t.anonymous().get('/api/board').set('If-None-Match', tag);
      expect(again.status).toBe(304);
      // A page this small is sent as it is, even to a browser that takes brotli (sendPublishedJson).
      expect(Buffer.byteLength(JSON.stringify(first.body))).toBeLessThan(COMPRESS_FROM_BYTES);
      const brotli = await t.anonymous().get('/api/board').set('Accept-Encoding', 'br');
      expect(brotli.body).toEqual(first.body);
      expect(brotli.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(brotli.headers['content-encoding']).toBeUndefined();

      const later = await insertItem(t.db, {
        youngWords: 'Put the dates on the wall.',
        createdBy: officerId,
      });
      const laterAction = await insertAction(t.db, [later], { status: 'planned', createdBy: officerId });
      const revision = await boardRevision(t.db);
      expect((await officer.put(publicationUrl(laterAction, later), {})).status).toBe(200);
      expect(await boardRevision(t.db)).toBe(revision + 1);
      const changed = await t.anonymous().get('/api/board').set('If-None-Match', tag);
      expect(changed.status).toBe(200);
      expect(changed.headers['etag']).not.toBe(tag);
      const added = changed.body.items.find((i: { itemId: string }) => i.itemId === later);
      expect(added.answers).toEqual([expect.objectContaining({ answer: 'we_will', label: 'We will' })]);
      expect(added.answers[0].month).toMatch(/^\d{4}-\d{2}$/);

      expect((await officer.delete(publicationUrl(laterAction, later))).status).toBe(200);
      const gone = await t.anonymous().get('/api/board').set('If-None-Match', changed.headers['etag']);
      expect(gone.status).toBe(200);
      expect(gone.body.items.map((i: { itemId: string }) => i.itemId)).not.toContain(later);
      expectProblem(await t.anonymous().get(`/api/board/items/${later}`), 404);
      const [entry] = await t.db.query(
        `SELECT event FROM you_said_timeline WHERE item_id = $1 ORDER BY id DESC LIMIT 1`,
        [later],
      );
      expect(entry.event).toBe('unpublished');
    });

    it('should take a quote off the board when its young person withdraws quote consent', async () => {
      const [record] = await t.db.query(
        `SELECT id FROM consent_records WHERE young_person_id = $1 AND purpose = $2 AND withdrawn_at IS NULL`,
        [quoted.id, ConsentPurpose.Quotes],
      );
      const before = (await t.anonymous().get(`/api/board/items/${itemId}`)).body;
      expect(before.quotes).toContain('I found out the day before, every time.');
      const withdrawn = await officer.post(`/api/consents/${record.id}/withdraw`, {
        reason: 'Changed their mind.',
      });
      expect(withdrawn.status).toBe(200);
      const after = await t.anonymous().get(`/api/board/items/${itemId}`).set('If-None-Match', `"stale"`);
      expect(after.status).toBe(200);
      expect(after.body.quotes).toEqual(['We want time to get ready.']);
      const [row] = await t.db.query(`SELECT taken_off_why FROM board_quotes WHERE quote_id = $1`, [quoteId]);
      expect(row.taken_off_why).toBe('consent_withdrawn');
      // Publishing it again is refused: consent is no longer in force.
      const before2 = await written();
      expectProblem(await officer.put(publicationUrl(actionId, itemId), { quoteIds: [quoteId] }), 409);
      expect(await written()).toEqual(before2);
    });
  });

  describe('paging', () => {
    /** Published in the beforeAll below, newest said first; the first test's pair is the oldest. */
    const newest: string[] = [];
    const ids = (res: { body: { items: { itemId: string }[] } }) => res.body.items.map((i) => i.itemId);
    const publishNew = async (saidOn: string, youngWords: string, themeId: string | null) => {
      const item = await insertItem(t.db, { youngWords, themeId, saidOn, createdBy: officerId });
      const action = await insertAction(t.db, [item], { createdBy: officerId });
      expect((await officer.put(publicationUrl(action, item), {})).status).toBe(200);
      return { item, action };
    };

    beforeAll(async () => {
      newest.push((await publishNew(addDays(today, -1), 'Put the dates on the wall.', sharing)).item);
      newest.push((await publishNew(addDays(today, -2), 'Let us share what we learn.', sharing)).item);
      newest.push((await publishNew(addDays(today, -3), 'Ask us before you change things.', null)).item);
    });

    it('should send a page at a time, newest first, with every theme on every page', async () => {
      const everyone = [...newest, itemId];
      const themeNames = ['Sharing learning', 'Transparency and managing expectations'];
      const first = await t.anonymous().get('/api/board');
      expect(first.status).toBe(200);
      expect(first.headers['content-type']).toMatch(/^application\/json; charset=utf-8/);
      expect(first.body).toMatchObject({ total: 4, page: 1, pageSize: BOARD_PAGE_SIZE });
      expect(ids(first)).toEqual(everyone);
      for (const [n, expected] of everyone.entries()) {
        const one = await t.anonymous().get(`/api/board?pageSize=1&page=${n + 1}`);
        expect(one.status).toBe(200);
        expect(one.body).toMatchObject({ total: 4, page: n + 1, pageSize: 1 });
        expect(ids(one)).toEqual([expected]);
        expect(one.body.themes.map((th: { name: string }) => th.name)).toEqual(themeNames);
      }
      const [a, b] = await Promise.all([
        t.anonymous().get('/api/board?pageSize=3&page=1'),
        t.anonymous().get('/api/board?pageSize=3&page=2'),
      ]);
      expect([...ids(a), ...ids(b)]).toEqual(everyone);
      // A theme's pages count only that theme, and still list every theme for the filter.
      const sharingSecond = await t.anonymous().get(`/api/board?themeId=${sharing}&pageSize=1&page=2`);
      expect(sharingSecond.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(ids(sharingSecond)).toEqual([newest[1]]);
      expect(sharingSecond.body.themes.map((th: { name: string }) => th.name)).toEqual(themeNames);
      // Past the end: nothing on the page, and the total to find the way back.
      for (const page of [5, 100_000]) {
        const past = await t.anonymous().get(`/api/board?pageSize=1&page=${page}`);
        expect(past.status).toBe(200);
        expect(past.body).toEqual({ items: [], total: 4, page, pageSize: 1, themes: first.body.themes });
      }
      const unknownTheme = await t.anonymous().get(`/api/board?themeId=${randomUUID()}`);
      expect(unknownTheme.body).toMatchObject({ items: [], total: 0, themes: first.body.themes });
      const biggest = await t.anonymous().get(`/api/board?pageSize=${MAX_BOARD_PAGE_SIZE}`);
      expect(ids(biggest)).toEqual(everyone);
      // Over a kilobyte, so a browser that takes gzip (as this test client does) is sent the kept
      // gzip copy, under its own tag; one that takes neither is sent the JSON as it is.
      const whole = await t
        .anonymous()
        .get(`/api/board?pageSize=${MAX_BOARD_PAGE_SIZE}`)
        .set('Accept-Encoding', 'identity');
      expect(Number(whole.headers['content-length'])).toBeGreaterThanOrEqual(COMPRESS_FROM_BYTES);
      expect(whole.headers['content-encoding']).toBeUndefined();
      expect(biggest.headers['content-encoding']).toBe('gzip');
      expect(biggest.headers['etag']).toBe(`${whole.headers['etag'].replace(/"$/, '')}.gzip"`);
      expect(biggest.body).toEqual(whole.body);
    });

    it('should tag each page, answer 304 per page, and forget every page when the board changes', async () => {
      const url = (page: number) => `/api/board?pageSize=1&page=${page}`;
      const first = await t.anonymous().get(url(1));
      const second = await t.anonymous().get(url(2));
      const sharingFirst = await t.anonymous().get(`/api/board?themeId=${sharing}&pageSize=1&page=1`);
      const tags = [first, second, sharingFirst].map((r) => r.headers['etag']);
      expect(new Set(tags).size).toBe(3);
      for (const res of [first, second, sharingFirst]) {
        expect(res.headers['etag']).toMatch(/^"/);
        expect(res.headers['cache-control']).toBe('public, no-cache');
      }
      // A kept page is the same text with the same tag.
      const again = await t.anonymous().get(url(1));
      expect(again.headers['etag']).toBe(first.headers['etag']);
      expect(again.text).toBe(first.text);
      expect((await t.anonymous().get(url(1)).set('If-None-Match', first.headers['etag'])).status).toBe(304);
      const weak = await t
        .anonymous()
        .get(url(2))
        .set('If-None-Match', `"other", W/${second.headers['etag']}`);
      expect(weak.status).toBe(304);
      // Another page's tag is not this page's.
      const notThis = await t.anonymous().get(url(2)).set('If-None-Match', first.headers['etag']);
      expect(notThis.status).toBe(200);
      expect(ids(notThis)).toEqual([newest[1]]);

      // Publishing puts a new pair first: every kept page moves along.
      const added = await publishNew(today, 'Tell us who to ask for help.', null);
      const changed = await t.anonymous().get(url(1)).set('If-None-Match', first.headers['etag']);
      expect(changed.status).toBe(200);
      expect(changed.headers['etag']).not.toBe(first.headers['etag']);
      expect(changed.body.total).toBe(5);
      expect(ids(changed)).toEqual([added.item]);
      const moved = await t.anonymous().get(url(2)).set('If-None-Match', second.headers['etag']);
      expect(moved.status).toBe(200);
      expect(ids(moved)).toEqual([newest[0]]);

      // Taking it off brings the pages back as they were, under new tags.
      expect((await officer.delete(publicationUrl(added.action, added.item))).status).toBe(200);
      const back = await t.anonymous().get(url(1)).set('If-None-Match', changed.headers['etag']);
      expect(back.status).toBe(200);
      expect(back.body.total).toBe(4);
      expect(ids(back)).toEqual([newest[0]]);
      expect([first.headers['etag'], changed.headers['etag']]).not.toContain(back.headers['etag']);
      // A theme's page, kept before, is made again too.
      const sharingBack = await t
        .anonymous()
        .get(`/api/board?themeId=${sharing}&pageSize=1&page=1`)
        .set('If-None-Match', sharingFirst.headers['etag']);
      expect(sharingBack.status).toBe(200);
      expect(ids(sharingBack)).toEqual([newest[0]]);
      // Single items stay linkable, whatever page they are on.
      const last = await t.anonymous().get(`/api/board/items/${itemId}`);
      expect(last.status).toBe(200);
      expect(last.body.itemId).toBe(itemId);
    });

    it('should refuse a page or page size that is missing its number, too small or too big, as problem+json', async () => {
      for (const query of [
        'page=0',
        'page=-1',
        'page=1.5',
        'page=two',
        'page=',
        'page=100001',
        `page=${'9'.repeat(5000)}`,
        'page=1&page=2',
        'pageSize=0',
        `pageSize=${MAX_BOARD_PAGE_SIZE + 1}`,
        'pageSize=all',
        'pageSize=',
        `pageSize=${'5'.repeat(5000)}`,
        `themeId=${sharing}&page=0`,
        'page=1&limit=5',
      ])
        expectProblem(await t.anonymous().get(`/api/board?${query}`), 400);
    });
  });
});
