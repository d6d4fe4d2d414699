import {
  LUNDY_QUESTIONS,
  PLAN_SECTIONS,
  PlanDocument,
  PlanDocumentStatusResponse,
  PlanInline,
  PlanSectionKey,
  PlanVersionResponse,
  Role,
  instantInWords,
  planSectionsFor,
} from '@heard/domain';
import request from 'supertest';
import { APP_CONFIG, AppConfig } from '@heard/api/platform/config/config';
import { DocumentThread } from '@heard/api/app/documents/document-thread.service';
import { PLAN_DOCUMENT_ATTEMPTS, PlanDocumentsWorker } from '@heard/api/app/plans/plan-documents.worker';
import { PlanPicturesService } from '@heard/api/app/plans/plan-pictures.service';
import { makeTheme } from './support/action-log-office-fixtures';
import { pdfDictionaries, pdfMetadata, pdfReadingOrder, pdfStructure, pdfText } from './support/pdf';
import { fillPlanVersion, planText, publishPlanVersion } from './support/plan-fixtures';
import { SignedInClient, TestApp, createTestApp, expectProblem } from './support/test-app';

/** Section A's texts use every kind of block and inline, and words that look like HTML. */
const CHILD_A: PlanDocument = {
  blocks: [
    { type: 'paragraph', children: [{ type: 'text', text: 'We listen to you in every meeting about you.' }] },
    // A level 3 with no level 2 before it: the PDF must not skip a heading level.
    { type: 'heading', level: 3, children: [{ type: 'text', text: 'What this means' }] },
    {
      type: 'paragraph',
      children: [{ type: 'text', text: '<script>alert(1)</script> stays as words you can read.' }],
    },
  ],
};
const PROFESSIONAL_A: PlanDocument = {
  blocks: [
    {
      type: 'paragraph',
      children: [
        { type: 'text', text: 'Practitioners record the child’s own words ' },
        { type: 'text', text: 'in every plan', marks: ['strong'] },
        { type: 'text', text: ', and ' },
        { type: 'text', text: 'managers check', marks: ['emphasis'] },
        { type: 'text', text: ' a sample each month.' },
      ],
    },
    { type: 'heading', level: 2, children: [{ type: 'text', text: 'How we check' }] },
    {
      type: 'list',
      ordered: true,
      items: [
        [{ type: 'text', text: 'Audits of case records each quarter.' }],
        [
          { type: 'text', text: 'Read ' },
          {
            type: 'link',
            href: 'https://council.example/voice',
            children: [{ type: 'text', text: 'our standards' }],
          },
          { type: 'text', text: '.' },
        ],
      ],
    },
  ],
};
const texts = (key: PlanSectionKey) =>
  key === 'individual_work'
    ? { professional: PROFESSIONAL_A, childFriendly: CHILD_A }
    : {
        professional: planText(`The full text of ${key}, for professionals.`),
        childFriendly: planText(`The words of ${key} for you.`),
      };

/** The words of a typed block as the PDF should hold them: a link's address written after its words. */
function expectedBlocks(document: PlanDocument): [string, string][] {
  const words = (inlines: PlanInline[]) =>
    inlines
      .map((i) => (i.type === 'text' ? i.text : `${i.children.map((c) => c.text).join('')} (${i.href})`))
      .join('');
  // Under the text's H3, a level 2 is an H4, and no heading is more than one below the one before.
  let last = 3;
  return document.blocks.flatMap((b): [string, string][] => {
    if (b.type === 'paragraph') return [['P', words(b.children)]];
    if (b.type === 'heading') {
      last = Math.min(b.level + 2, last + 1);
      return [[`H${last}`, words(b.children)]];
    }
    if (b.type === 'picture') return [['Figure', b.alt]];
    return b.items.map((item, i): [string, string] => [
      'LBody',
      `${b.ordered ? `${i + 1}.` : '•'} ${words(item)}`,
    ]);
  });
}

/**
 * A published plan's PDF (issue 14 §5, docs/plan.md "The PDF", ADR 0033): queued when the version
 * is published, made off the request path by the worker, then given to everyone as a tagged PDF
 * whose structure tree is read back here. Two workers make it once, a crashed worker's claim is
 * taken back, a renderer that throws is tried again then marked failed (503), and a draft has no PDF.
 */
describe('the published plan’s PDF', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let leader: SignedInClient;
  let practitioner: SignedInClient;
  let worker: PlanDocumentsWorker;
  let themeId: string;
  let draft: PlanVersionResponse;
  let v1: PlanVersionResponse;
  /** The version whose PDF failed after its tries. */
  let failedVersion: PlanVersionResponse;

  const pdfUrl = (id: string) => `/api/published-plans/${id}/pdf`;
  const getPdf = (id: string, headers: Record<string, string> = {}) =>
    request(t.app.getHttpServer()).get(pdfUrl(id)).set(headers).buffer(true);
  const documentOf = async (id: string): Promise<PlanDocumentStatusResponse> => {
    const res = await officer.get(`/api/plans/versions/${id}/document`);
    expect(res.status).toBe(200);
    return res.body as PlanDocumentStatusResponse;
  };
  const documentRows = async (): Promise<unknown> =>
    t.db.query(
      `SELECT version_id, kind, status, attempts, last_error, octet_length(bytes) AS size, made_at
         FROM plan_documents ORDER BY created_at, version_id`,
    );
  /** A correction of the year's plan, filled and published: the next version. */
  const publishCorrection = async (whatChanged: string): Promise<PlanVersionResponse> => {
    const started = await officer.post(`/api/plans/${v1.planId}/versions`, { whatChanged });
    expect(started.status).toBe(201);
    const filled = await fillPlanVersion(officer, started.body as PlanVersionResponse, fill());
    return publishPlanVersion(officer, leader, filled);
  };
  const fill = () => ({ texts, ownerId: leader.user.id, themeId, dueOn: '2026-12-01' });
  /** As if the backoff had passed: the queue is in the database, so is its clock. */
  const dueNow = (id: string) =>
    t.db.query(
      `UPDATE plan_documents SET next_attempt_at = now() WHERE version_id = $1 AND status = 'queued'`,
      [id],
    );

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer, { displayName: 'Ola Officer' });
    leader = await t.signInAs(Role.SeniorLeader, { displayName: 'Dana Fairweather' });
    practitioner = await t.signInAs(Role.Practitioner);
    themeId = await makeTheme(t.db, 'Listening better');
    worker = t.app.get(PlanDocumentsWorker);
    const started = await officer.post('/api/plans', { year: 2026 });
    expect(started.status).toBe(201);
    draft = await fillPlanVersion(officer, started.body as PlanVersionResponse, fill());
  });
  afterAll(() => t.close());

  it('has no PDF for a draft, and refuses bad, oversized and unknown ids with problem+json', async () => {
    expectProblem(await getPdf(draft.id), 404);
    expect(await documentOf(draft.id)).toMatchObject({ status: null, href: null, attempts: 0 });
    expectProblem(await getPdf('not-a-version'), 400);
    expectProblem(await getPdf('1'.repeat(2000)), 400);
    expectProblem(await getPdf('00000000-0000-4000-8000-000000000000'), 404);
    expectProblem(await officer.get('/api/plans/versions/not-a-version/document'), 400);
    expectProblem(
      await officer.get('/api/plans/versions/00000000-0000-4000-8000-000000000000/document'),
      404,
    );
    // The officers' view of the queue is for plan readers, signed in.
    expectProblem(await t.anonymous().get(`/api/plans/versions/${draft.id}/document`), 401);
    expectProblem(await practitioner.get(`/api/plans/versions/${draft.id}/document`), 403);
    expect(await worker.runOnce()).toBe(0);
    expect(await documentRows()).toEqual([]);
  });

  it('queues the PDF in the transaction that publishes, and says so (202) until it is made', async () => {
    v1 = await publishPlanVersion(officer, leader, draft);
    expect(v1).toMatchObject({ status: 'published', number: 1 });
    expect(await documentOf(v1.id)).toMatchObject({
      status: 'queued',
      attempts: 0,
      madeAt: null,
      href: `/api/published-plans/${v1.id}/pdf`,
    });
    const res = await getPdf(v1.id);
    expect(res.status).toBe(202);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({ status: 'queued', detail: expect.stringContaining('waiting') });
  });

  it('makes it off the request path, then gives everyone a tagged PDF whose structure reads in order', async () => {
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0);
    const status = await documentOf(v1.id);
    expect(status).toMatchObject({ status: 'ready', attempts: 1, lastError: null });
    expect(status.size).toBeGreaterThan(1000);

    const res = await getPdf(v1.id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('inline; filename="heard-plan-2026-v1.pdf"');
    const pdf = Buffer.from(res.body as Buffer);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBe(status.size);

    const title = 'Our plan for listening to children and young people, 2026';
    const dictionaries = pdfDictionaries(pdf);
    expect(dictionaries).toContain('/Lang (en-GB)');
    expect(dictionaries).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(dictionaries).toContain('/Marked true');
    expect(dictionaries).toContain('/DisplayDocTitle true');
    expect(dictionaries).toContain(`(${title})`);
    expect(pdfMetadata(pdf)).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);

    const tree = pdfStructure(pdf);
    expect(tree).not.toBeNull();
    if (!tree) return;
    expect(tree.children.map((c) => c.type)).toEqual(['Document']);
    const [document] = tree.children;
    const keys = planSectionsFor(v1.yearOfPlan);
    expect(document.children.map((c) => [c.type, c.type === 'Sect' ? c.children[0].text : c.text])).toEqual([
      ['H1', title],
      ['P', `Version 1, published on ${instantInWords(new Date(v1.publishedAt ?? ''))}.`],
      ...keys.map((key) => ['Sect', PLAN_SECTIONS[key].title]),
    ]);

    // Every heading in reading order: H1, then each section's H2 with its two texts' H3s.
    const headings = pdfReadingOrder(tree)
      .filter((e) => /^H\d$/.test(e.type))
      .map((e) => [e.type, e.text]);
    expect(headings).toEqual([
      ['H1', title],
      ...keys.flatMap((key) => [
        ['H2', PLAN_SECTIONS[key].title],
        ['H3', `For children and young people: ${PLAN_SECTIONS[key].childTitle}`],
        ...expectedBlocks(texts(key).childFriendly).filter(([type]) => type.startsWith('H')),
        ['H3', 'The full plan'],
        ...expectedBlocks(texts(key).professional).filter(([type]) => type.startsWith('H')),
        ...(key === 'lundy' ? LUNDY_QUESTIONS.map((q) => ['H4', q.question]) : []),
      ]),
    ]);

    // PDF/UA: heading levels never skip one on the way down.
    const levels = headings.map(([type]) => Number(type.slice(1)));
    expect(levels.every((level, i) => i === 0 || level <= levels[i - 1] + 1)).toBe(true);
    expect(headings).toContainEqual(['H4', 'What this means']);

    // Section A in full: child-friendly text first, then the professional, each block with its words.
    const sectionA = document.children[2];
    expect(pdfReadingOrder(sectionA).every((e) => e.alt === null)).toBe(true);
    expect(
      pdfReadingOrder(sectionA)
        .filter((e) => ['H2', 'H3', 'H4', 'P', 'L', 'LI', 'LBody'].includes(e.type))
        .filter((e) => e.type !== 'LI' && e.type !== 'L')
        .map((e) => [e.type, e.text]),
    ).toEqual([
      ['H2', PLAN_SECTIONS.individual_work.title],
      ['H3', `For children and young people: ${PLAN_SECTIONS.individual_work.childTitle}`],
      ...expectedBlocks(CHILD_A),
      ['H3', 'The full plan'],
      ...expectedBlocks(PROFESSIONAL_A),
    ]);
    // Lists are L > LI > LBody, one LI an item.
    const list = sectionA.children.find((c) => c.type === 'L');
    expect(list?.children.map((li) => [li.type, li.children.map((b) => b.type)])).toEqual([
      ['LI', ['LBody']],
      ['LI', ['LBody']],
    ]);
    // The commitment in both its words, with its date, and the Lundy answers with their evidence.
    const read = pdfReadingOrder(tree).map((e) => `${e.type} ${e.text}`);
    expect(read).toContain('LBody • We will ask you what you thought of your review meeting.');
    expect(read).toContain(
      'LBody 1. Every service asks children what they thought of their review meeting. By 1 December 2026.',
    );
    expect(read.filter((e) => e === 'P Mostly, and we know where we fall short.')).toHaveLength(
      LUNDY_QUESTIONS.length,
    );
    expect(pdfText(pdf)).toContain('The Young DIB said so at its March session.');

    // A made PDF never changes: a browser that has it is told so.
    const again = await getPdf(v1.id, { 'If-None-Match': String(res.headers['etag']) });
    expect(again.status).toBe(304);
  });

  it('gives a correction its own PDF, made once by two workers at once; the superseded version keeps its own', async () => {
    const before = Buffer.from((await getPdf(v1.id)).body as Buffer);
    const v2 = await publishCorrection('We added how managers check.');
    expect(v2).toMatchObject({ status: 'published', number: 2 });
    // A second process: its own worker and its own document thread.
    const config = t.app.get<AppConfig>(APP_CONFIG);
    const otherThread = new DocumentThread(config);
    const other = new PlanDocumentsWorker(t.db, config, t.app.get(PlanPicturesService), otherThread);
    let renders = 0;
    const originals = [worker.render, other.render] as const;
    for (const w of [worker, other]) {
      const render = w.render;
      w.render = (facts) => {
        renders++;
        return render(facts);
      };
    }
    try {
      const claimed = await Promise.all([worker.runOnce(), other.runOnce()]);
      expect(claimed.reduce((a, b) => a + b, 0)).toBe(1);
    } finally {
      [worker.render, other.render] = originals;
      await otherThread.stop();
    }
    expect(renders).toBe(1);
    expect(await documentOf(v2.id)).toMatchObject({ status: 'ready', attempts: 1 });

    const res = await getPdf(v2.id);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('inline; filename="heard-plan-2026-v2.pdf"');
    expect(pdfText(Buffer.from(res.body as Buffer))).toContain(
      'What changed in this version: We added how managers check.',
    );
    const superseded = await getPdf(v1.id);
    expect(superseded.status).toBe(200);
    expect(Buffer.from(superseded.body as Buffer).equals(before)).toBe(true);
    // Kept as made: not even the database's owner's code may change or remove a made PDF.
    await expect(t.db.query(`DELETE FROM plan_documents WHERE version_id = $1`, [v1.id])).rejects.toThrow(
      /kept as it is/,
    );
  });

  it('takes back the claim of a worker that died mid-job once its lease runs out, and makes the PDF', async () => {
    const v3 = await publishCorrection('A typing mistake put right.');
    await t.db.query(
      `UPDATE plan_documents SET status = 'making', claim_token = gen_random_uuid(), attempts = 1,
              lease_until = now() - interval '1 second' WHERE version_id = $1`,
      [v3.id],
    );
    expect((await getPdf(v3.id)).body).toMatchObject({ status: 'making' });
    expect(await worker.runOnce()).toBe(1);
    expect(await documentOf(v3.id)).toMatchObject({ status: 'ready', attempts: 2, lastError: null });
    expect((await getPdf(v3.id)).status).toBe(200);
  });

  it(`tries a renderer that throws ${PLAN_DOCUMENT_ATTEMPTS} times, then marks it failed (503), keeping no plan text`, async () => {
    const v4 = await publishCorrection('Another small fix.');
    failedVersion = v4;
    const render = worker.render;
    worker.render = () => Promise.reject(new TypeError('Cannot draw "The words of lundy for you."'));
    try {
      for (let attempt = 1; attempt <= PLAN_DOCUMENT_ATTEMPTS; attempt++) {
        await dueNow(v4.id);
        expect(await worker.runOnce()).toBe(1);
        const status = await documentOf(v4.id);
        expect(status).toMatchObject({
          status: attempt < PLAN_DOCUMENT_ATTEMPTS ? 'queued' : 'failed',
          attempts: attempt,
          lastError: 'The PDF could not be made (TypeError).',
          madeAt: null,
        });
        if (attempt < PLAN_DOCUMENT_ATTEMPTS) {
          // Waiting for the backoff: not due, so a run now does nothing.
          expect(await worker.runOnce()).toBe(0);
          const waiting = await getPdf(v4.id);
          expect(waiting.status).toBe(202);
          expect(Number(waiting.headers['retry-after'])).toBeGreaterThanOrEqual(5);
        }
      }
    } finally {
      worker.render = render;
    }
    expectProblem(await getPdf(v4.id), 503);
    expect(await worker.runOnce()).toBe(0);
    const [row]: { lastError: string }[] = await t.db.query(
      `SELECT last_error AS "lastError" FROM plan_documents WHERE version_id = $1`,
      [v4.id],
    );
    expect(row.lastError).not.toContain('lundy');
  });

  it('lets an officer try a failed PDF again: queued with its tries restored, audited, made once; refuses the rest', async () => {
    const retryUrl = (id: string) => `/api/plans/versions/${id}/document/retry`;
    const id = failedVersion.id;
    expectProblem(await officer.post(retryUrl('not-a-version'), {}), 400);
    expectProblem(await officer.post(retryUrl('1'.repeat(2000)), {}), 400);
    expectProblem(await officer.post(retryUrl('00000000-0000-4000-8000-000000000000'), {}), 404);
    expectProblem(await t.anonymous().post(retryUrl(id)).send({}), 401);
    // Readers may see where the PDF is; only the plan's editors queue work.
    expectProblem(await leader.post(retryUrl(id), {}), 403);
    expectProblem(await practitioner.post(retryUrl(id), {}), 403);
    // A PDF that is ready, or a draft with none, is not failed.
    expectProblem(await officer.post(retryUrl(v1.id), {}), 409);
    expectProblem(await officer.post(retryUrl(draft.id), {}), 409);
    expect(await documentOf(id)).toMatchObject({ status: 'failed', attempts: PLAN_DOCUMENT_ATTEMPTS });
    const audited = async (): Promise<unknown[]> =>
      t.db.query(
        `SELECT actor_user_id AS actor, detail FROM audit_events
          WHERE entity_type = 'plan_version' AND entity_id = $1 AND detail->>'pdf' IS NOT NULL`,
        [id],
      );
    expect(await audited()).toEqual([]);

    const [again, twice] = await Promise.all([
      officer.post(retryUrl(id), {}),
      officer.post(retryUrl(id), {}),
    ]);
    // Two presses at once: one queues it, the other finds it no longer failed.
    expect([again.status, twice.status].sort()).toEqual([202, 409]);
    const accepted = again.status === 202 ? again : twice;
    expect(accepted.body).toMatchObject({
      status: 'queued',
      attempts: 0,
      href: `/api/published-plans/${id}/pdf`,
    });
    expect(await audited()).toEqual([{ actor: officer.user.id, detail: { pdf: 'queued again' } }]);
    expect((await getPdf(id)).status).toBe(202);

    expect(await worker.runOnce()).toBe(1);
    expect(await documentOf(id)).toMatchObject({ status: 'ready', attempts: 1, lastError: null });
    const pdf = await getPdf(id);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expectProblem(await officer.post(retryUrl(id), {}), 409);
  });
});
