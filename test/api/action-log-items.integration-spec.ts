import { randomUUID } from 'node:crypto';
import {
  AuditRecordType,
  ConsentGiver,
  ConsentMethod,
  ConsentPurpose,
  CreateItemRequest,
  MAX_ITEM_SUMMARY_LENGTH,
  MAX_SESSION_ITEMS,
  Role,
  TrustedAdultRelationship,
  addDays,
  todayInLondon,
  zonedToUtc,
} from '@heard/domain';
import { createGroup, createYoungPerson, dateOfBirthForAge } from './support/factories';
import {
  ManualClock,
  QueryCounter,
  SignedInClient,
  TestApp,
  countRows,
  createTestApp,
  expectProblem,
} from './support/test-app';

const today = todayInLondon();

/** Every table recording or changing an item could write, to prove a refusal changed nothing. */
const counts = async (t: TestApp) => ({
  items: await countRows(t.db, 'you_said_items'),
  speakers: await countRows(t.db, 'you_said_speakers'),
  quotes: await countRows(t.db, 'you_said_quotes'),
  timeline: await countRows(t.db, 'you_said_timeline'),
  services: await countRows(t.db, 'action_log_services'),
  themes: await countRows(t.db, 'action_log_themes'),
  changed: (
    (await t.db.query(`SELECT coalesce(max(updated_at)::text, '') AS at FROM you_said_items`)) as {
      at: string;
    }[]
  )[0].at,
  settings: (
    (await t.db.query(`SELECT acknowledge_within_working_days AS days FROM action_log_settings`)) as {
      days: number;
    }[]
  )[0].days,
  audit: await countRows(
    t.db,
    `audit_events WHERE entity_type IN ('${AuditRecordType.YouSaidItem}', '${AuditRecordType.ActionLogSettings}')`,
  ),
});

/**
 * You said items (issue 12 §1–2): recorded by officers, seen by whoever may see the young people
 * they are from, taken on in time, several at once from a group session. Every refusal is
 * problem+json and writes nothing.
 */
describe('action log items', () => {
  let t: TestApp;
  let queries: QueryCounter;
  let officer: SignedInClient;
  let admin: SignedInClient;
  let practitioner: SignedInClient;
  let leader: SignedInClient;
  let serviceId: string;
  let themeId: string;
  let linked: { id: string };
  let unlinked: { id: string };

  beforeAll(async () => {
    queries = new QueryCounter();
    t = await createTestApp({}, { queryLogger: queries });
    officer = await t.signInAs(Role.ParticipationOfficer);
    admin = await t.signInAs(Role.Administrator);
    practitioner = await t.signInAs(Role.Practitioner);
    leader = await t.signInAs(Role.SeniorLeader);
    const service = await admin.post('/api/action-log/services', { name: 'Fostering' });
    expect(service.status).toBe(201);
    serviceId = service.body.id;
    const theme = await admin.post('/api/action-log/themes', { name: 'Sharing learning' });
    expect(theme.status).toBe(201);
    themeId = theme.body.id;
    linked = await createYoungPerson(officer, {
      preferredName: 'Linked Lark',
      dateOfBirth: dateOfBirthForAge(15),
      trustedAdults: [{ userId: practitioner.user.id, relationship: TrustedAdultRelationship.SocialWorker }],
    });
    unlinked = await createYoungPerson(officer, { preferredName: 'Unlinked Umber' });
  });
  afterAll(() => t.close());

  const itemRequest = (overrides: Partial<CreateItemRequest> = {}): CreateItemRequest => ({
    source: 'young_person',
    serviceId,
    themeId,
    saidOn: today,
    channel: 'in_person',
    summary: 'I want to know who will be at my review before it starts.',
    attributable: false,
    youngPersonIds: [linked.id],
    ...overrides,
  });
  const record = async (overrides: Partial<CreateItemRequest> = {}) => {
    const res = await officer.post('/api/action-log/items', itemRequest(overrides));
    expect(res.status).toBe(201);
    return res.body as { id: string; updatedAt: string };
  };

  describe('recording and reading', () => {
    it('should record an item with its young people and quote, and read it back with its timeline', async () => {
      const res = await officer.post(
        '/api/action-log/items',
        itemRequest({
          youngPersonIds: [linked.id, unlinked.id],
          quotes: [{ words: 'Nobody told me who the man in the suit was.', youngPersonId: linked.id }],
        }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        source: 'young_person',
        serviceName: 'Fostering',
        themeName: 'Sharing learning',
        saidOn: today,
        stage: 'to_acknowledge',
        overdue: false,
        speakerCount: 2,
        channel: 'in_person',
        attributable: false,
        acknowledgedBy: null,
        quotes: [
          {
            words: 'Nobody told me who the man in the suit was.',
            youngPersonId: linked.id,
            publishable: false,
          },
        ],
        timeline: [{ event: 'item_recorded', byName: officer.user.displayName }],
      });
      expect(res.body.speakers.map((s: { name: string }) => s.name).sort()).toEqual([
        'Linked Lark',
        'Unlinked Umber',
      ]);
      // Two working days, so never before the end of the second working day from today.
      expect(new Date(res.body.acknowledgeBy).getTime()).toBeGreaterThan(
        zonedToUtc(addDays(today, 2), '00:00').getTime(),
      );
      const read = await officer.get(`/api/action-log/items/${res.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(res.body);
      const [audit] = await t.db.query(
        `SELECT detail FROM audit_events WHERE entity_type = $1 AND entity_id = $2 AND action = 'create'`,
        [AuditRecordType.YouSaidItem, res.body.id],
      );
      expect(audit.detail).toMatchObject({ source: 'young_person', speakers: 2, quotes: 1 });
      expect(JSON.stringify(audit.detail)).not.toMatch(/Lark|suit/);
    });

    it('should page the log newest first with a stable cursor, filtered in one query', async () => {
      const group = await createGroup(officer, { minAge: 10, maxAge: 25 });
      const marker = `paging-${Date.now()}`;
      const made = [];
      for (const [i, saidOn] of [addDays(today, -3), addDays(today, -1), addDays(today, -1), today].entries())
        made.push(
          await record({ saidOn, summary: `${marker} ${i}`, groupId: group.id, source: 'group_session' }),
        );
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      const statements: number[] = [];
      do {
        queries.count = 0;
        const query = `/api/action-log/items?groupId=${group.id}&q=${marker}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await officer.get(query);
        expect(res.status).toBe(200);
        statements.push(queries.count);
        seen.push(...res.body.items.map((i: { id: string }) => i.id));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(2);
      // The session check and the page itself: a full page costs what a short one does.
      expect(statements[0]).toBe(statements[1]);
      expect(statements[0]).toBeLessThanOrEqual(3);
      const sameDay = [made[1].id, made[2].id].sort();
      expect(seen).toEqual([made[3].id, ...sameDay, made[0].id]);

      const filtered = await officer.get(
        `/api/action-log/items?q=${marker}&from=${addDays(today, -2)}&to=${addDays(today, -1)}&stage=to_acknowledge&source=group_session&serviceId=${serviceId}&themeId=${themeId}&overdue=false`,
      );
      expect(filtered.status).toBe(200);
      expect(filtered.body.items.map((i: { id: string }) => i.id)).toEqual(sameDay);
      expect(filtered.body.items[0]).toMatchObject({ groupName: group.name, speakerCount: 1 });
    });

    it('should let an officer take an item on once', async () => {
      const item = await record();
      const taken = await officer.post(`/api/action-log/items/${item.id}/acknowledge`, {});
      expect(taken.status).toBe(200);
      expect(taken.body).toMatchObject({
        stage: 'to_answer',
        overdue: false,
        acknowledgedBy: { id: officer.user.id, name: officer.user.displayName },
      });
      expect(taken.body.timeline.map((e: { event: string }) => e.event)).toEqual([
        'item_recorded',
        'item_acknowledged',
      ]);
      const before = await counts(t);
      const again = await officer.post(`/api/action-log/items/${item.id}/acknowledge`, {});
      expectProblem(again, 409);
      expect(await counts(t)).toEqual(before);
    });

    it('should change an item, keeping which fields changed, and refuse a stale change', async () => {
      const item = await record();
      const other = await admin.post('/api/action-log/themes', { name: 'Developing family feedback' });
      const changed = await officer.patch(`/api/action-log/items/${item.id}`, {
        summary: 'Tell me who is coming to my review.',
        themeId: other.body.id,
        attributable: false,
        expectedUpdatedAt: item.updatedAt,
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        summary: 'Tell me who is coming to my review.',
        themeName: 'Developing family feedback',
      });
      const entry = changed.body.timeline.at(-1);
      expect(entry).toMatchObject({ event: 'item_changed', detail: { fields: ['themeId', 'summary'] } });
      expect(JSON.stringify(entry)).not.toMatch(/review/);

      const before = await counts(t);
      const stale = await officer.patch(`/api/action-log/items/${item.id}`, {
        summary: 'Overwriting what someone else wrote.',
        expectedUpdatedAt: item.updatedAt,
      });
      expectProblem(stale, 409);
      expect(await counts(t)).toEqual(before);
      expect((await officer.get(`/api/action-log/items/${item.id}`)).body.summary).toBe(
        'Tell me who is coming to my review.',
      );
    });

    it('should keep a quote publishable only while quote consent is in force', async () => {
      const person = await createYoungPerson(officer, {
        preferredName: 'Quoted Quince',
        dateOfBirth: dateOfBirthForAge(17),
      });
      const item = await record({ youngPersonIds: [person.id] });
      const quoted = await officer.post(`/api/action-log/items/${item.id}/quotes`, {
        words: 'Ask us before the meeting, not after.',
        youngPersonId: person.id,
      });
      expect(quoted.status).toBe(201);
      expect(quoted.body.quotes).toEqual([
        expect.objectContaining({ youngPersonId: person.id, publishable: false }),
      ]);
      expect(quoted.body.timeline.at(-1)).toMatchObject({ event: 'quote_added' });
      const consent = await officer.post(`/api/young-people/${person.id}/consents`, {
        purpose: ConsentPurpose.Quotes,
        givenBy: ConsentGiver.YoungPerson,
        method: ConsentMethod.Verbal,
        wording: 'You can use my words in council reports.',
        givenOn: today,
        scope: 'standing',
        activityId: null,
        expiresOn: null,
      });
      expect({ status: consent.status, body: consent.body }).toMatchObject({ status: 201 });
      expect((await officer.get(`/api/action-log/items/${item.id}`)).body.quotes[0].publishable).toBe(true);
      const withdrawn = await officer.post(`/api/consents/${consent.body.id}/withdraw`, {
        reason: 'Changed their mind.',
      });
      expect(withdrawn.status).toBe(200);
      expect((await officer.get(`/api/action-log/items/${item.id}`)).body.quotes[0].publishable).toBe(false);

      const before = await counts(t);
      for (const body of [
        { words: 'From someone else.', youngPersonId: unlinked.id },
        { words: 'From nobody, on an item from someone.' },
        { words: 'x'.repeat(1001), youngPersonId: person.id },
        { youngPersonId: person.id },
      ])
        expectProblem(await officer.post(`/api/action-log/items/${item.id}/quotes`, body), 400);
      expectProblem(
        await practitioner.post(`/api/action-log/items/${item.id}/quotes`, { words: 'Not theirs to add.' }),
        403,
      );
      expect(await counts(t)).toEqual(before);
    });
  });

  describe('who sees what', () => {
    it('should show a practitioner and a senior leader only the items of young people linked to them', async () => {
      // A senior leader who is also linked (not pickable through the form, so linked here).
      await t.db.query(
        `INSERT INTO young_person_trusted_adults (young_person_id, user_id, relationship) VALUES ($1, $2, 'other')`,
        [unlinked.id, leader.user.id],
      );
      const marker = `seen-${Date.now()}`;
      const theirs = await record({ summary: `${marker} linked`, youngPersonIds: [linked.id] });
      const both = await record({ summary: `${marker} both`, youngPersonIds: [linked.id, unlinked.id] });
      const notTheirs = await record({ summary: `${marker} unlinked`, youngPersonIds: [unlinked.id] });
      const nobody = await record({ summary: `${marker} survey`, source: 'survey', youngPersonIds: [] });

      const ids = async (c: SignedInClient) =>
        (await c.get(`/api/action-log/items?q=${marker}`)).body.items.map((i: { id: string }) => i.id).sort();
      expect(await ids(officer)).toEqual([theirs.id, both.id, notTheirs.id, nobody.id].sort());
      expect(await ids(practitioner)).toEqual([theirs.id, both.id].sort());
      expect(await ids(leader)).toEqual([both.id, notTheirs.id].sort());

      const shared = await practitioner.get(`/api/action-log/items/${both.id}`);
      expect(shared.status).toBe(200);
      expect(shared.body.speakerCount).toBe(2);
      expect(shared.body.speakers).toEqual([{ youngPersonId: linked.id, name: 'Linked Lark' }]);
      expectProblem(await practitioner.get(`/api/action-log/items/${notTheirs.id}`), 404);
      expectProblem(await practitioner.get(`/api/action-log/items/${nobody.id}`), 404);
      // The moment a link ends, so does the sight of the items it gave.
      await t.db.query(`DELETE FROM young_person_trusted_adults WHERE user_id = $1`, [leader.user.id]);
      expect(await ids(leader)).toEqual([]);
      expectProblem(await leader.get(`/api/action-log/items/${both.id}`), 404);
      expectProblem(await admin.get(`/api/action-log/items/${theirs.id}`), 403);
      expectProblem(await t.anonymous().get(`/api/action-log/items`), 401);
    });
  });

  describe('bad input', () => {
    it('should refuse invalid, missing, oversized, unreachable and unauthorised items, writing nothing', async () => {
      const retired = await admin.post('/api/action-log/services', { name: 'A retired service' });
      await admin.patch(`/api/action-log/services/${retired.body.id}`, { retired: true });
      const before = await counts(t);
      const refusals: [string, object, number, string?][] = [
        ['an unknown source', itemRequest({ source: 'gossip' as 'survey' }), 400, 'source'],
        ['an evaluation as source', itemRequest({ source: 'evaluation' as 'survey' }), 400, 'source'],
        ['no summary', { ...itemRequest(), summary: undefined }, 400, 'summary'],
        ['no date', { ...itemRequest(), saidOn: undefined }, 400, 'saidOn'],
        [
          'an oversized summary',
          itemRequest({ summary: 'x'.repeat(MAX_ITEM_SUMMARY_LENGTH + 1) }),
          400,
          'summary',
        ],
        ['a date after today', itemRequest({ saidOn: addDays(today, 1) }), 400, 'saidOn'],
        ['a retired service', itemRequest({ serviceId: retired.body.id }), 400, 'serviceId'],
        ['a theme that does not exist', itemRequest({ themeId: randomUUID() }), 400, 'themeId'],
        [
          'a young person who does not exist',
          itemRequest({ youngPersonIds: [randomUUID()] }),
          400,
          'youngPersonIds',
        ],
        ['a session that does not exist', itemRequest({ sessionId: randomUUID() }), 400, 'sessionId'],
        ['a field it does not know', { ...itemRequest(), words: 'x' }, 400, 'words'],
      ];
      for (const [what, body, status, field] of refusals) {
        const res = await officer.post('/api/action-log/items', body);
        expect({ what, status: res.status }).toEqual({ what, status });
        expectProblem(res, status);
        if (field)
          expect({ what, fields: Object.keys(res.body.errors ?? {}) }).toEqual({ what, fields: [field] });
      }
      expectProblem(await practitioner.post('/api/action-log/items', itemRequest()), 403);
      expectProblem(await leader.post('/api/action-log/items', itemRequest()), 403);
      expectProblem(await admin.post('/api/action-log/items', itemRequest()), 403);
      expectProblem(await t.anonymous().post('/api/action-log/items').send(itemRequest()), 401);
      expectProblem(await officer.get('/api/action-log/items?limit=101'), 400);
      expectProblem(await officer.get('/api/action-log/items?cursor=not-a-cursor'), 400);
      expectProblem(await officer.get(`/api/action-log/items/${randomUUID()}`), 404);
      expectProblem(await officer.get('/api/action-log/items/not-an-id'), 404);
      expect(await counts(t)).toEqual(before);
    });

    it('should refuse bad changes and acknowledgements, writing nothing', async () => {
      const item = await record();
      const before = await counts(t);
      const url = `/api/action-log/items/${item.id}`;
      const at = { expectedUpdatedAt: item.updatedAt };
      expectProblem(await officer.patch(url, { summary: '', ...at }), 400);
      expectProblem(
        await officer.patch(url, { summary: 'x'.repeat(MAX_ITEM_SUMMARY_LENGTH + 1), ...at }),
        400,
      );
      expectProblem(await officer.patch(url, { summary: 'No version sent' }), 400);
      expectProblem(await officer.patch(url, at), 400);
      expectProblem(await officer.patch(url, { source: 'evaluation', ...at }), 400);
      expectProblem(await officer.patch(url, { saidOn: addDays(today, 3), ...at }), 400);
      expectProblem(await practitioner.patch(url, { summary: 'Not theirs', ...at }), 403);
      expectProblem(
        await officer.patch(`/api/action-log/items/${randomUUID()}`, { summary: 'x', ...at }),
        404,
      );
      expectProblem(await officer.post(`${url}/acknowledge`, { please: true }), 400);
      expectProblem(await practitioner.post(`${url}/acknowledge`, {}), 403);
      expectProblem(await officer.post(`/api/action-log/items/${randomUUID()}/acknowledge`, {}), 404);
      expect(await counts(t)).toEqual(before);
    });
  });

  describe('what was said at a group session', () => {
    let group: { id: string; name: string };
    let sessionId: string;
    let members: { id: string }[];
    let stranger: { id: string };

    const sessionOn = async (day: string, status = 'scheduled') => {
      const [{ id }] = (await t.db.query(
        `INSERT INTO group_sessions (group_id, starts_at, ends_at, status) VALUES ($1, $2, $3, $4) RETURNING id`,
        [group.id, zonedToUtc(day, '17:00'), zonedToUtc(day, '18:30'), status],
      )) as { id: string }[];
      return id;
    };

    beforeAll(async () => {
      group = await createGroup(officer, { minAge: 10, maxAge: 25 });
      members = [];
      for (const name of ['Member Maple', 'Member Moss']) {
        const person = await createYoungPerson(officer, { preferredName: name });
        const joined = await officer.post(`/api/groups/${group.id}/members`, {
          youngPersonId: person.id,
          joinedOn: addDays(today, -30),
        });
        expect(joined.status).toBe(201);
        members.push(person);
      }
      stranger = await createYoungPerson(officer, { preferredName: 'Not A Member' });
      sessionId = await sessionOn(addDays(today, -2));
    });

    it('should record several items in one step and list them on the session', async () => {
      const res = await officer.post(`/api/groups/sessions/${sessionId}/you-said`, {
        items: [
          { summary: 'More time to talk at the start.', youngPersonIds: [members[0].id], themeId },
          { summary: 'Meet somewhere with food.', youngPersonIds: members.map((m) => m.id), serviceId },
          { summary: 'Said by the whole group.' },
        ],
      });
      expect(res.status).toBe(201);
      expect(res.body.map((i: { summary: string }) => i.summary)).toEqual([
        'More time to talk at the start.',
        'Meet somewhere with food.',
        'Said by the whole group.',
      ]);
      for (const item of res.body)
        expect(item).toMatchObject({
          source: 'group_session',
          groupId: group.id,
          groupName: group.name,
          sessionId,
          saidOn: addDays(today, -2),
          stage: 'to_acknowledge',
        });
      const listed = await officer.get(`/api/groups/sessions/${sessionId}/you-said`);
      expect(listed.status).toBe(200);
      expect(listed.body.map((i: { id: string }) => i.id).sort()).toEqual(
        res.body.map((i: { id: string }) => i.id).sort(),
      );
      const detail = await officer.get(`/api/action-log/items/${res.body[1].id}`);
      expect(detail.body).toMatchObject({ channel: 'group_session', speakerCount: 2 });
      // A practitioner linked to none of them sees none of them.
      expect((await practitioner.get(`/api/groups/sessions/${sessionId}/you-said`)).body).toEqual([]);
    });

    it('should record all or nothing: a speaker not on the session refuses the whole list', async () => {
      const cancelled = await sessionOn(addDays(today, -1), 'cancelled');
      const future = await sessionOn(addDays(today, 7));
      const before = await counts(t);
      const notOnIt = await officer.post(`/api/groups/sessions/${sessionId}/you-said`, {
        items: [
          { summary: 'This one is fine.', youngPersonIds: [members[0].id] },
          { summary: 'This one names a stranger.', youngPersonIds: [stranger.id] },
        ],
      });
      expectProblem(notOnIt, 400);
      expect(Object.keys(notOnIt.body.errors)).toEqual(['items.1.youngPersonIds']);
      const tooMany = Array.from({ length: MAX_SESSION_ITEMS + 1 }, (_, i) => ({ summary: `Point ${i}` }));
      expectProblem(
        await officer.post(`/api/groups/sessions/${sessionId}/you-said`, { items: tooMany }),
        400,
      );
      expectProblem(await officer.post(`/api/groups/sessions/${sessionId}/you-said`, { items: [] }), 400);
      expectProblem(await officer.post(`/api/groups/sessions/${sessionId}/you-said`, {}), 400);
      expectProblem(
        await officer.post(`/api/groups/sessions/${sessionId}/you-said`, {
          items: [{ summary: 'x'.repeat(MAX_ITEM_SUMMARY_LENGTH + 1) }],
        }),
        400,
      );
      const said = { items: [{ summary: 'Something said.' }] };
      expectProblem(await officer.post(`/api/groups/sessions/${cancelled}/you-said`, said), 409);
      expectProblem(await officer.post(`/api/groups/sessions/${future}/you-said`, said), 409);
      expectProblem(await officer.post(`/api/groups/sessions/${randomUUID()}/you-said`, said), 404);
      expectProblem(await practitioner.post(`/api/groups/sessions/${sessionId}/you-said`, said), 403);
      expect(await counts(t)).toEqual(before);
    });
  });

  describe('services, themes and settings', () => {
    it('should let administrators keep the lists, rename and retire without deleting', async () => {
      const added = await admin.post('/api/action-log/services', { name: 'Early Help' });
      expect(added.status).toBe(201);
      const renamed = await admin.patch(`/api/action-log/services/${added.body.id}`, {
        name: 'Early Help Hub',
      });
      expect(renamed.body).toEqual({ id: added.body.id, name: 'Early Help Hub', retired: false });
      const item = await record({ serviceId: added.body.id });
      const retired = await admin.patch(`/api/action-log/services/${added.body.id}`, { retired: true });
      expect(retired.body.retired).toBe(true);
      const list = await officer.get('/api/action-log/services');
      expect(list.body.at(-1)).toEqual(retired.body);
      // A retired service stays on the items that name it.
      expect((await officer.get(`/api/action-log/items/${item.id}`)).body.serviceName).toBe('Early Help Hub');
      expect((await practitioner.get('/api/action-log/themes')).status).toBe(200);

      const before = await counts(t);
      expectProblem(await admin.post('/api/action-log/services', { name: 'early help hub' }), 409);
      expectProblem(await admin.post('/api/action-log/themes', { name: '' }), 400);
      expectProblem(await admin.post('/api/action-log/themes', { name: 'x'.repeat(81) }), 400);
      expectProblem(await admin.patch(`/api/action-log/themes/${themeId}`, {}), 400);
      expectProblem(await admin.patch(`/api/action-log/themes/${randomUUID()}`, { name: 'Gone' }), 404);
      expectProblem(
        await officer.post('/api/action-log/themes', { name: 'Officers do not keep lists' }),
        403,
      );
      expectProblem(await officer.patch(`/api/action-log/themes/${themeId}`, { retired: true }), 403);
      expect(await counts(t)).toEqual(before);
    });

    it('should let administrators set the working days to acknowledge within, for items from then on', async () => {
      expect((await officer.get('/api/action-log/settings')).body).toEqual({
        acknowledgeWithinWorkingDays: 2,
      });
      const before = await counts(t);
      for (const days of [0, 21, 1.5, '3', null])
        expectProblem(
          await admin.put('/api/action-log/settings', { acknowledgeWithinWorkingDays: days }),
          400,
        );
      expectProblem(await officer.put('/api/action-log/settings', { acknowledgeWithinWorkingDays: 3 }), 403);
      expect(await counts(t)).toEqual(before);
      const earlier = await record();
      const set = await admin.put('/api/action-log/settings', { acknowledgeWithinWorkingDays: 10 });
      expect(set.body).toEqual({ acknowledgeWithinWorkingDays: 10 });
      const later = (await officer.post('/api/action-log/items', itemRequest())).body;
      const first = (await officer.get(`/api/action-log/items/${earlier.id}`)).body;
      expect(new Date(later.acknowledgeBy).getTime()).toBeGreaterThan(
        new Date(first.acknowledgeBy).getTime(),
      );
      await admin.put('/api/action-log/settings', { acknowledgeWithinWorkingDays: 2 });
    });
  });
});

describe('action log items: acknowledged in time', () => {
  // Christmas Eve 2026 is a Thursday: Christmas (Friday) and Boxing Day's substitute (Monday 28th)
  // are bank holidays, so two working days run to the end of Tuesday 29th and Wednesday 30th.
  const clock = new ManualClock(new Date('2026-12-24T10:00:00Z'));
  let t: TestApp;
  let officer: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp({}, { clock });
    officer = await t.signInAs(Role.ParticipationOfficer);
  });
  afterAll(() => t.close());

  it('should flag an item overdue only after two working days, bank holidays not counted', async () => {
    const made = await officer.post('/api/action-log/items', {
      source: 'parent_carer',
      saidOn: '2026-12-24',
      channel: 'phone',
      summary: 'The letter about the review came after the review.',
    });
    expect(made.status).toBe(201);
    expect(made.body.acknowledgeBy).toBe('2026-12-31T00:00:00.000Z');
    const taken = await officer.post('/api/action-log/items', {
      source: 'parent_carer',
      saidOn: '2026-12-24',
      channel: 'phone',
      summary: 'Taken on in time.',
    });
    expect((await officer.post(`/api/action-log/items/${taken.body.id}/acknowledge`, {})).status).toBe(200);

    const overdueNow = async () => {
      const client = await t.signIn(officer.user.email);
      const read = await client.get(`/api/action-log/items/${made.body.id}`);
      const listed = await client.get('/api/action-log/items?overdue=true');
      expect(listed.status).toBe(200);
      return {
        item: read.body.overdue as boolean,
        listed: listed.body.items.map((i: { id: string }) => i.id) as string[],
      };
    };
    clock.advance(((Date.parse('2026-12-30T23:59:00Z') - clock.now().getTime()) / 1000) | 0);
    expect(await overdueNow()).toEqual({ item: false, listed: [] });
    clock.advance(120);
    expect(await overdueNow()).toEqual({ item: true, listed: [made.body.id] });
  });
});
