import { randomUUID } from 'node:crypto';
import {
  ConsentPurpose,
  InvitationChannel,
  Role,
  SPECIAL_CATEGORY_FIELDS,
  ServiceExperienceKind,
  addDays,
  specialCategoryColumnComments,
  todayInLondon,
} from '@heard/domain';
import ExcelJS from 'exceljs';
import type request from 'supertest';
import { makeItem } from './support/action-log-office-fixtures';
import { createGroup, createYoungPerson, planActivity } from './support/factories';
import { pdfText } from './support/pdf';
import { SignedInClient, TestApp, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();

/** A value no export could hold by chance, one per special category field. */
const MARKERS = {
  accessibility: 'ZZ-HEALTH-MARKER uses a wheelchair',
  communication: 'ZZ-DISABILITY-MARKER signs in BSL',
  worry: 'ZZ-WORRY-MARKER words about being unsafe',
};
/** How a file could name the service experiences that are special category. */
const EXPERIENCE_WORDS = ['send_ehcp', 'SEND', 'EHCP', 'youth_justice', 'Youth justice'];

/** Reads a download as bytes, whatever its type. */
function bytes(res: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** Every cell of every sheet, as text: an XLSX is compressed, so its bytes cannot be searched. */
async function workbookText(buffer: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text))));
  return cells.join('\n');
}

/**
 * Special category data (issue 17 §4): the schema marks exactly the columns SPECIAL_CATEGORY_FIELDS
 * lists, and no download carries their values unless it was chosen for a reason and is kept to the
 * roles that reason covers (docs/security.md, "Special category data").
 */
describe('special category data', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let practitioner: SignedInClient;
  let leader: SignedInClient;
  let admin: SignedInClient;
  let marked: SignedInClient;
  let personId: string;
  let activityId: string;
  let invitationId: string;
  let roundId: string;
  let groupFeedPath: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    practitioner = await t.signInAs(Role.Practitioner);
    leader = await t.signInAs(Role.SeniorLeader);
    admin = await t.signInAs(Role.Administrator);

    personId = (
      await createYoungPerson(officer, {
        preferredName: 'Marked Person',
        accessibilityNeeds: MARKERS.accessibility,
        communicationNeeds: MARKERS.communication,
        serviceExperiences: [
          { kind: ServiceExperienceKind.SendEhcp, from: '2021-09-01', to: null },
          { kind: ServiceExperienceKind.YouthJustice, from: '2024-02-01', to: null },
        ],
        contact: {
          email: null,
          phone: null,
          whatsapp: null,
          letter: { addressLines: ['1 Example Lane', 'Sampleton'], postcode: 'ZZ1 1ZZ' },
          onlyViaTrustedAdult: false,
        },
      })
    ).id;
    marked = await t.signInAs(Role.YoungExpert, { displayName: 'Marked Person', youngPersonId: personId });
    await t.db.query(`INSERT INTO worries (words, source_kind, young_person_id) VALUES ($1, 'staff', $2)`, [
      MARKERS.worry,
      personId,
    ]);

    // A group they belong to, with its calendar feed.
    const group = await createGroup(officer, { name: 'Marked Group', minAge: 10, maxAge: 25 });
    const joined = await officer.post(`/api/groups/${group.id}/members`, {
      youngPersonId: personId,
      joinedOn: today,
      role: 'member',
    });
    expect(joined.status).toBe(201);
    const feed = await officer.post('/api/calendar-feeds', { scope: 'group', groupId: group.id });
    expect(feed.status).toBe(201);
    groupFeedPath = new URL(feed.body.url).pathname;

    // An activity day they are coming to, invited by letter.
    const activity = await planActivity(officer, {
      title: 'Marked climbing day',
      date: addDays(today, 7),
      requiredConsents: [ConsentPurpose.TakingPart],
    });
    expect(activity.status).toBe(201);
    activityId = activity.body.id;
    const created = await officer.post('/api/invitations', {
      target: { kind: 'activity_day', id: activityId },
      invitees: [{ youngPersonId: personId, channel: InvitationChannel.Letter, viaTrustedAdultId: null }],
    });
    expect(created.status).toBe(201);
    invitationId = created.body.created[0].id;
    expect((await officer.post(`/api/invitations/${invitationId}/send`, {})).status).toBe(200);
    expect((await officer.post(`/api/invitations/${invitationId}/answer`, { answer: 'yes' })).status).toBe(
      200,
    );

    // Their evaluation of a practice tool at that day.
    const tool = await officer.post('/api/practice-tools', {
      name: 'Marked tool',
      purpose: 'A tool to evaluate.',
      owningService: 'Participation',
      coProducedWith: null,
    });
    expect(tool.status).toBe(201);
    const version = await officer.post(`/api/practice-tools/${tool.body.id}/versions`, {
      label: 'v1',
      link: 'https://tools.example/marked.pdf',
      notes: null,
    });
    expect(version.status).toBe(201);
    const round = await officer.post('/api/evaluation-rounds', {
      toolVersionId: version.body.versions[0].id,
      title: 'Marked round',
      occasion: { kind: 'activity_day', id: activityId },
      opensOn: addDays(today, -1),
      closesOn: addDays(today, 30),
      audience: 'link',
    });
    expect(round.status).toBe(201);
    roundId = round.body.id;
    const evaluation = await officer
      .post(`/api/evaluation-rounds/${roundId}/evaluations`, {
        youngPersonId: personId,
        answeredOn: today,
        helpedBy: null,
        pictureMode: false,
        answers: [
          { questionKey: 'overall', rating: 4 },
          { questionKey: 'liked', text: 'The pictures' },
        ],
      })
      .set('Idempotency-Key', randomUUID());
    expect(evaluation.status).toBe(201);

    // Something they said, in the action log.
    await makeItem(t.db, { createdBy: officer.user.id, words: 'Later buses, please', speakers: [personId] });
  });
  afterAll(() => t.close());

  it('should mark in the schema exactly the columns the domain lists, with its words', async () => {
    const rows: { column: string; comment: string }[] = await t.db.query(
      `SELECT c.relname || '.' || a.attname AS column, d.description AS comment
         FROM pg_catalog.pg_description d
         JOIN pg_catalog.pg_class c ON c.oid = d.objoid
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid
        WHERE d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid > 0
          AND n.nspname = current_schema() AND d.description ILIKE '%special category%'
        ORDER BY 1`,
    );
    const expected = [...specialCategoryColumnComments()]
      .map(([column, comment]) => ({ column, comment }))
      .sort((a, b) => a.column.localeCompare(b.column));
    expect(rows).toEqual(expected);
    expect(rows.map((r) => r.column)).toEqual(
      expect.arrayContaining(SPECIAL_CATEGORY_FIELDS.map((f) => `${f.table}.${f.column}`)),
    );
  });

  it('should keep every marked value out of every staff download and the calendar feed', async () => {
    const downloads: [string, string][] = [];
    const csv = await officer.get('/api/action-log/export.csv').buffer(true).parse(bytes);
    expect(csv.status).toBe(200);
    downloads.push(['action log CSV', (csv.body as Buffer).toString('utf8')]);
    const xlsx = await officer.get('/api/action-log/export.xlsx').buffer(true).parse(bytes);
    expect(xlsx.status).toBe(200);
    downloads.push(['action log XLSX', await workbookText(xlsx.body as Buffer)]);
    const results = await officer.get(`/api/evaluation-rounds/${roundId}/results.csv`);
    expect(results.status).toBe(200);
    downloads.push(['evaluation results CSV', results.text]);
    const letter = await officer.get(`/api/invitations/${invitationId}/letter`).buffer(true).parse(bytes);
    expect(letter.status).toBe(200);
    downloads.push(['invitation letter PDF', pdfText(letter.body as Buffer)]);
    const calendar = await t.anonymous().get(groupFeedPath);
    expect(calendar.status).toBe(200);
    downloads.push(['group calendar feed', calendar.text]);

    // Each file really is about them, so an absent marker means it was left out, not never reached.
    expect(downloads.find(([name]) => name === 'action log CSV')?.[1]).toContain('Later buses, please');
    expect(results.text).toContain('The pictures');
    expect(downloads.find(([name]) => name === 'invitation letter PDF')?.[1]).toContain('Hi Marked!');
    expect(calendar.text).toContain('Marked Group');

    for (const [name, text] of downloads) {
      for (const marker of [...Object.values(MARKERS), ...EXPERIENCE_WORDS])
        expect({ download: name, holds: text.includes(marker) ? marker : null }).toEqual({
          download: name,
          holds: null,
        });
    }
  });

  it('should give the needs on the day sheet, chosen for safety on the day, to participation officers only', async () => {
    const sheet = await officer.get(`/api/activities/${activityId}/day-sheet`);
    expect(sheet.status).toBe(200);
    expect(sheet.body.coming).toEqual([
      expect.objectContaining({
        youngPerson: { id: personId, preferredName: 'Marked Person' },
        accessibilityNeeds: MARKERS.accessibility,
        communicationNeeds: MARKERS.communication,
      }),
    ]);
    // The sheet needs what keeps someone safe and included on the day, not why they use services.
    const text = JSON.stringify(sheet.body);
    for (const marker of [MARKERS.worry, ...EXPERIENCE_WORDS]) expect(text).not.toContain(marker);
    for (const client of [practitioner, leader, admin, marked])
      expectProblem(await client.get(`/api/activities/${activityId}/day-sheet`), 403);
    expectProblem(await t.anonymous().get(`/api/activities/${activityId}/day-sheet`), 401);
  });

  it("should give a young expert their own needs in My data, chosen by them, and no one else's download", async () => {
    const file = await marked.get('/api/me/data/download');
    expect(file.status).toBe(200);
    const own = JSON.parse(file.text);
    expect(own.record).toMatchObject({
      accessibilityNeeds: MARKERS.accessibility,
      communicationNeeds: MARKERS.communication,
    });
    // A worry's words are for the safeguarding contacts; the young person is told only that they told us.
    expect(file.text).not.toContain(MARKERS.worry);
    for (const client of [officer, practitioner, leader, admin])
      expectProblem(await client.get('/api/me/data/download'), 403);
  });
});
