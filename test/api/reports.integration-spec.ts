import {
  FEWER_THAN_FIVE,
  PlanDocument,
  ReportExportStatusResponse,
  ReportResponse,
  Role,
  addDays,
  defaultReportPeriod,
  planPlainText,
  todayInLondon,
} from '@heard/domain';
import { unzipSync, strFromU8 } from 'fflate';
import { ReportDocumentsWorker } from '@heard/api/app/reports/report-documents.worker';
import { insertQuote } from './support/action-log-board-fixtures';
import { makeAction, makeItem, makeService, makeTheme } from './support/action-log-office-fixtures';
import { createYoungPerson, planActivity } from './support/factories';
import { PdfStructElement, pdfDictionaries, pdfReadingOrder, pdfStructure, pdfText } from './support/pdf';
import { SignedInClient, TestApp, createTestApp, expectProblem } from './support/test-app';

/** The six whole months before this one: what a Family Feedback Report drafted today covers. */
const PERIOD = defaultReportPeriod('family_feedback', todayInLondon());
const inPeriod = (days: number) => addDays(PERIOD.from, days);
const FILE = `family-feedback-report-${PERIOD.from.slice(0, 7)}-to-${PERIOD.to.slice(0, 7)}`;

const SCRIPT = '<script>alert("report")</script> <b>stays as words</b>';
const EDITED: PlanDocument = {
  blocks: [
    { type: 'paragraph', children: [{ type: 'text', text: `We listened all year. ${SCRIPT}` }] },
    { type: 'heading', level: 2, children: [{ type: 'text', text: 'What we learned' }] },
    {
      type: 'list',
      ordered: false,
      items: [[{ type: 'text', text: 'Tell families sooner.' }], [{ type: 'text', text: 'Write plainly.' }]],
    },
  ],
};

/** Every element of a structure tree, depth first. */
function elements(tree: PdfStructElement): PdfStructElement[] {
  return [tree, ...tree.children.flatMap(elements)];
}

/**
 * The reports (issue 14 §6, docs/reports.md): a Family Feedback Report for the last six months,
 * drafted from the data in seed 000's shape, edited, and exported as a tagged PDF and an accessible
 * DOCX off the request path, both read back here. Counts under five are withheld in both; words
 * that look like HTML stay words; bad input is refused with problem+json and writes nothing.
 *
 * The fictional period: a theme with seven done actions and one with two; a service; an activity
 * day; two quotes on the board, one from a young person without quote consent (left out) and one
 * from a parent (in).
 */
describe('the reports', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let leader: SignedInClient;
  let practitioner: SignedInClient;
  let youngExpert: SignedInClient;
  let worker: ReportDocumentsWorker;
  let report: ReportResponse;

  const rows = async () =>
    t.db.query(
      `SELECT (SELECT count(*)::int FROM reports) AS reports,
              (SELECT count(*)::int FROM report_documents) AS documents,
              (SELECT coalesce(max(version), 0)::int FROM reports) AS version`,
    );
  const download = (client: SignedInClient, format: string) =>
    client
      .get(`/api/reports/${report.id}/exports/${format}/file`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    leader = await t.signInAs(Role.SeniorLeader);
    practitioner = await t.signInAs(Role.Practitioner);
    const kai = await createYoungPerson(officer, { preferredName: 'Kai Report' });
    youngExpert = await t.signInAs(Role.YoungExpert, { displayName: 'Kai', youngPersonId: kai.id });
    worker = t.app.get(ReportDocumentsWorker);
    const by = officer.user.id;

    const sharing = await makeTheme(t.db, 'Sharing learning');
    const openness = await makeTheme(t.db, 'Being open');
    const fostering = await makeService(t.db, 'Fostering');
    const sharingItem = await makeItem(t.db, {
      createdBy: by,
      themeId: sharing,
      serviceId: fostering,
      saidOn: inPeriod(5),
    });
    const opennessItem = await makeItem(t.db, { createdBy: by, themeId: openness, saidOn: inPeriod(6) });
    for (let day = 10; day < 17; day++)
      await makeAction(t.db, {
        createdBy: by,
        itemIds: [sharingItem],
        status: 'done',
        doneOn: inPeriod(day),
      });
    const answer = await makeAction(t.db, {
      createdBy: by,
      itemIds: [opennessItem],
      status: 'done',
      doneOn: inPeriod(20),
    });
    await makeAction(t.db, { createdBy: by, itemIds: [opennessItem], status: 'done', doneOn: inPeriod(21) });

    // Quotes on the board beside a published answer: Kai has not agreed to be quoted, a parent needs no consent.
    await t.db.query(
      `UPDATE action_answers SET published_at = now(), published_by = $2 WHERE action_id = $1`,
      [answer, by],
    );
    for (const [words, youngPersonId] of [
      ['Nobody told me when my review was.', kai.id],
      ['They rang me back the same day.', null],
    ] as const) {
      const quoteId = await insertQuote(t.db, opennessItem, { words, youngPersonId, createdBy: by });
      await t.db.query(
        `INSERT INTO board_quotes (action_id, item_id, quote_id, published_by) VALUES ($1, $2, $3, $4)`,
        [answer, opennessItem, quoteId, by],
      );
    }
    // Planned ahead, then moved into the period as held: the page refuses a day in the past.
    const day = await planActivity(officer, { title: 'Summer activity day' });
    expect(day.status).toBe(201);
    await t.db.query(`UPDATE activity_days SET date = $2 WHERE id = $1`, [day.body.id, inPeriod(30)]);
  });
  afterAll(() => t.close());

  it('refuses bad, missing and oversized input, and the wrong people, with problem+json, writing nothing', async () => {
    const before = await rows();
    for (const body of [
      { kind: 'weekly' },
      {},
      { kind: 'family_feedback', from: PERIOD.from },
      { kind: 'family_feedback', from: '2026-05-01', to: '2026-01-01' },
      { kind: 'family_feedback', from: '2020-01-01', to: '2026-01-01' },
      { kind: 'family_feedback', from: '2026-02-30', to: '2026-03-31' },
      { kind: 'family_feedback', notes: 'x'.repeat(100_000) },
    ])
      expectProblem(await officer.post('/api/reports', body), 400);
    expectProblem(await t.anonymous().post('/api/reports').send({ kind: 'family_feedback' }), 401);
    for (const client of [youngExpert, practitioner, leader])
      expectProblem(await client.post('/api/reports', { kind: 'family_feedback' }), 403);
    expectProblem(await t.anonymous().get('/api/reports'), 401);
    expectProblem(await youngExpert.get('/api/reports'), 403);
    expectProblem(await practitioner.get('/api/reports'), 403);
    expectProblem(await officer.get('/api/reports/not-a-report'), 404);
    expectProblem(await officer.get('/api/reports/00000000-0000-4000-8000-000000000000'), 404);
    expect(await rows()).toEqual(before);
  });

  it('drafts a Family Feedback Report for the last six months from the data, in seed 000’s shape', async () => {
    const res = await officer.post('/api/reports', { kind: 'family_feedback' });
    expect(res.status).toBe(201);
    report = res.body as ReportResponse;
    expect(report).toMatchObject({ kind: 'family_feedback', period: PERIOD, version: 1 });
    expect(report.sections.map((s) => s.key)).toEqual([
      'introduction',
      'you_said_we_did',
      'service_updates',
      'young_experts_review',
      'activity_days',
      'quotes',
      'next_steps',
    ]);
    const text = (key: string) =>
      planPlainText(report.sections.find((s) => s.key === key)?.text ?? { blocks: [] });
    const table = (key: string) => report.sections.find((s) => s.key === key)?.tables[0];
    expect(table('you_said_we_did')?.rows).toEqual([
      { label: 'Being open', values: [null, 0, 0] },
      { label: 'Sharing learning', values: [7, 0, 0] },
    ]);
    expect(text('you_said_we_did')).toContain(`Being open\n\nWe did ${FEWER_THAN_FIVE}`);
    expect(text('service_updates')).toContain('Fostering did 7 things');
    expect(text('activity_days')).toContain(`We held ${FEWER_THAN_FIVE} activity days`);
    expect(table('activity_days')?.rows[0]).toMatchObject({
      label: expect.stringContaining('Summer activity day'),
    });
    // Only the quote whose consent is in force (a parent's needs none).
    expect(text('quotes')).toContain('They rang me back the same day.');
    expect(text('quotes')).not.toContain('Nobody told me');

    expect((await leader.get('/api/reports')).body).toEqual({
      reports: [expect.objectContaining({ id: report.id, title: report.title })],
    });
    expect((await leader.get(`/api/reports/${report.id}`)).body).toEqual(report);
    const [audit] = await t.db.query(
      `SELECT action, detail FROM audit_events WHERE entity_type = 'report' AND entity_id = $1`,
      [report.id],
    );
    expect(audit).toMatchObject({ action: 'create', detail: { kind: 'family_feedback' } });
  });

  it('edits a section, keeping script as text, and refuses a stale or bad edit writing nothing', async () => {
    const url = `/api/reports/${report.id}/sections/introduction`;
    const res = await officer.put(url, { version: 1, text: EDITED });
    expect(res.status).toBe(200);
    report = res.body as ReportResponse;
    expect(report.version).toBe(2);
    expect(report.sections[0].text).toEqual(EDITED);

    const before = await rows();
    expectProblem(await officer.put(url, { version: 1, text: EDITED }), 409);
    expectProblem(await officer.put(url, { version: 2 }), 400);
    expectProblem(await officer.put(url, { text: EDITED }), 400);
    expectProblem(await officer.put(url, { version: 2, text: { blocks: 'words' } }), 400);
    const huge: PlanDocument = {
      blocks: Array.from({ length: 10 }, () => ({
        type: 'paragraph' as const,
        children: [{ type: 'text' as const, text: 'x'.repeat(4_000) }],
      })),
    };
    expectProblem(await officer.put(url, { version: 2, text: huge }), 400);
    expectProblem(
      await officer.put(`/api/reports/${report.id}/sections/appendix`, { version: 2, text: EDITED }),
      400,
    );
    expectProblem(await leader.put(url, { version: 2, text: EDITED }), 403);
    expectProblem(await youngExpert.put(url, { version: 2, text: EDITED }), 403);
    expectProblem(await t.anonymous().put(url).send({ version: 2, text: EDITED }), 401);
    expect(await rows()).toEqual(before);
  });

  it('exports a tagged PDF off the request path, with its progress, and reads it back', async () => {
    expectProblem(await officer.post(`/api/reports/${report.id}/exports`, { format: 'rtf' }), 400);
    expectProblem(await officer.post(`/api/reports/${report.id}/exports`, {}), 400);
    expectProblem(await leader.post(`/api/reports/${report.id}/exports`, { format: 'pdf' }), 403);
    expectProblem(await officer.get(`/api/reports/${report.id}/exports/rtf`), 400);
    expectProblem(await officer.get(`/api/reports/${report.id}/exports/pdf/file`), 404);

    const asked = await officer.post(`/api/reports/${report.id}/exports`, { format: 'pdf' });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ status: 'queued', step: 0, href: null });
    expect(await worker.runOnce()).toBe(1);
    const status = (await officer.get(`/api/reports/${report.id}/exports/pdf`))
      .body as ReportExportStatusResponse;
    expect(status).toMatchObject({ status: 'ready', step: 8, steps: 8, attempts: 1, lastError: null });

    const res = await download(leader, 'pdf');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${FILE}.pdf"`);
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfDictionaries(pdf)).toContain('/Lang (en-GB)');

    const tree = pdfStructure(pdf);
    if (!tree) throw new Error('The PDF has no structure tree.');
    const all = elements(tree);
    expect(all.filter((e) => e.type === 'H1').map((e) => e.text.trim())).toEqual([report.title]);
    expect(all.filter((e) => e.type === 'H2').map((e) => e.text.trim())).toEqual(
      report.sections.map((s) => s.title),
    );
    expect(all.filter((e) => e.type === 'H3').map((e) => e.text.trim())).toContain('What we learned');
    const order = pdfReadingOrder(tree).map((e) => e.text.trim());
    expect(order).toContain(`We listened all year. ${SCRIPT}`);
    // The small cell reads as withheld, never its digit.
    const cells = all.filter((e) => e.type === 'TR').map((tr) => tr.children.map((c) => c.text.trim()));
    expect(cells).toContainEqual(['Being open', FEWER_THAN_FIVE, '0', '0']);
    expect(cells).toContainEqual(['Sharing learning', '7', '0', '0']);
    expect(all.filter((e) => e.type === 'TH').length).toBeGreaterThan(0);
    expect(pdfText(pdf)).not.toContain('Nobody told me');

    const [audit] = await t.db.query(
      `SELECT actor_user_id AS "by" FROM audit_events
        WHERE entity_type = 'report' AND entity_id = $1 AND detail->>'event' = 'download' AND detail->>'format' = 'pdf'`,
      [report.id],
    );
    expect(audit).toEqual({ by: leader.user.id });
  });

  it('exports an accessible DOCX and reads it back, headings, language and withheld counts', async () => {
    expect((await officer.post(`/api/reports/${report.id}/exports`, { format: 'docx' })).status).toBe(202);
    expect(await worker.runOnce()).toBe(1);
    const status = (await officer.get(`/api/reports/${report.id}/exports/docx`))
      .body as ReportExportStatusResponse;
    expect(status).toMatchObject({ status: 'ready', href: `/api/reports/${report.id}/exports/docx/file` });

    const res = await download(officer, 'docx');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${FILE}.docx"`);
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    const xml = strFromU8(files['word/document.xml']);
    const paragraphs = [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((m) => ({
      style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? null,
      text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    }));
    const decode = (s: string) =>
      s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => decode(p.text))).toEqual([
      report.title,
    ]);
    expect(paragraphs.filter((p) => p.style === 'Heading2').map((p) => decode(p.text))).toEqual(
      report.sections.map((s) => s.title),
    );
    expect(paragraphs.filter((p) => p.style === 'Heading3').map((p) => p.text)).toContain('What we learned');
    expect(paragraphs.map((p) => decode(p.text))).toContain(`We listened all year. ${SCRIPT}`);
    // Script is escaped text in the XML, never markup.
    expect(xml).not.toContain('<script>');
    expect(xml).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1)"\/>/);
    const rowsXml = [...xml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((m) =>
      [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) =>
        [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join(''),
      ),
    );
    expect(rowsXml).toContainEqual(['Being open', FEWER_THAN_FIVE, '0', '0']);
    expect(xml).not.toContain('Nobody told me');
    const styles = strFromU8(files['word/styles.xml']);
    expect(styles).toMatch(/<w:lang w:val="en-GB"/);
    expect(strFromU8(files['docProps/core.xml'])).toContain(`<dc:title>${report.title}</dc:title>`);
  });

  it('queues an export again when asked again, and answers unknown reports with 404', async () => {
    const again = await officer.post(`/api/reports/${report.id}/exports`, { format: 'pdf' });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ status: 'queued', attempts: 0, href: null });
    expect(await worker.runOnce()).toBe(1);
    expectProblem(
      await officer.post('/api/reports/00000000-0000-4000-8000-000000000000/exports', { format: 'pdf' }),
      404,
    );
    expectProblem(await officer.get('/api/reports/00000000-0000-4000-8000-000000000000/exports/pdf'), 404);
    expectProblem(await t.anonymous().get(`/api/reports/${report.id}/exports/pdf/file`), 401);
    expectProblem(await youngExpert.get(`/api/reports/${report.id}/exports/pdf/file`), 403);
  });

  it('leaves out of a new export a drafted quote that may no longer be shown', async () => {
    // The parent's quote is taken off the board after the draft: the officer's text still holds it.
    expect(planPlainText(report.sections.find((s) => s.key === 'quotes')?.text ?? { blocks: [] })).toContain(
      'They rang me back the same day.',
    );
    const docxText = async (): Promise<string> =>
      strFromU8(
        unzipSync(new Uint8Array((await download(officer, 'docx')).body as Buffer))['word/document.xml'],
      );
    // The DOCX made before holds it, and is given out while the quote may be shared.
    expect(await docxText()).toContain('They rang me back');
    await t.db.query(
      `UPDATE board_quotes SET taken_off_at = now(), taken_off_why = 'unpublished' WHERE taken_off_at IS NULL`,
    );
    // Not any more: that file is not given out but made again, without the quote.
    expectProblem(await officer.get(`/api/reports/${report.id}/exports/docx/file`), 409);
    expect((await officer.get(`/api/reports/${report.id}/exports/docx`)).body).toMatchObject({
      status: 'queued',
      href: null,
    });
    expect(await worker.runOnce()).toBe(1);
    const remade = await docxText();
    expect(remade).toContain('In their own words');
    expect(remade).not.toContain('They rang me back');
    // The new file left the quote out, so it is given out; asked for again, it is made without it again.
    expect((await download(officer, 'docx')).status).toBe(200);
    expect((await officer.post(`/api/reports/${report.id}/exports`, { format: 'docx' })).status).toBe(202);
    expect(await worker.runOnce()).toBe(1);
    expect(await docxText()).not.toContain('They rang me back');
  });

  it('queues an export asked for while it is being made afresh: the older making loses its claim', async () => {
    expect((await officer.post(`/api/reports/${report.id}/exports`, { format: 'pdf' })).status).toBe(202);
    await t.db.query(
      `UPDATE report_documents SET status = 'making', claim_token = gen_random_uuid(), lease_until = now() + interval '5 minutes'
        WHERE report_id = $1 AND kind = 'pdf'`,
      [report.id],
    );
    const again = await officer.post(`/api/reports/${report.id}/exports`, { format: 'pdf' });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ status: 'queued', step: 0, href: null });
    const [row]: { status: string; claim: string | null }[] = await t.db.query(
      `SELECT status, claim_token AS claim FROM report_documents WHERE report_id = $1 AND kind = 'pdf'`,
      [report.id],
    );
    expect(row).toEqual({ status: 'queued', claim: null });
    expect(await worker.runOnce()).toBe(1);
    expect((await download(officer, 'pdf')).status).toBe(200);
  });
});
