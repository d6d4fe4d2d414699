import {
  LUNDY_QUESTIONS,
  MAX_PLAN_COMMENT,
  MAX_PLAN_REPLY,
  MyPlanComment,
  MyPlanResponse,
  PlanCommentsResponse,
  PlanDocument,
  PlanVersionResponse,
  Role,
  WORRY_WORDS_MAX,
  WorryRaisedResponse,
  planSectionsFor,
} from '@heard/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { makeTheme } from './support/action-log-office-fixtures';
import { createYoungPerson, dateOfBirthForAge } from './support/factories';
import { SignedInClient, TestApp, createTestApp, expectProblem } from './support/test-app';

const doc = (...paragraphs: string[]): PlanDocument => ({
  blocks: paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })),
});

/** The comments, their audit rows and the versions: a refused request leaves them exactly as they were. */
async function commentState(db: DataSource): Promise<unknown> {
  const [row]: unknown[] = await db.query(
    `SELECT (SELECT json_agg(c ORDER BY c.id) FROM plan_comments c) AS comments,
            (SELECT json_agg(v ORDER BY v.id) FROM plan_versions v) AS versions,
            (SELECT count(*)::int FROM audit_events WHERE entity_type = 'plan_version') AS audited`,
  );
  return row;
}

/**
 * Young experts' comments on the plan in scrutiny (issue 14 §4; docs/plan.md): a young expert
 * comments on a section's child-friendly text on their own pages, an officer sees it beside the
 * section from "a young expert" and replies with what was changed, and the young expert sees the
 * reply. Comments are taken only in scrutiny; each young expert sees only their own; every refusal
 * is problem+json that writes nothing.
 */
describe('young experts’ comments on the voice plan', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let leader: SignedInClient;
  let practitioner: SignedInClient;
  let kai: SignedInClient;
  let zara: SignedInClient;
  let v: PlanVersionResponse;
  let kaisComment: MyPlanComment;
  let kaiRecordId: string;

  const ok = <T>(res: { status: number; body: unknown }, status = 200): T => {
    expect({ status: res.status, body: res.body }).toMatchObject({ status });
    return res.body as T;
  };
  const refused = async (send: () => Promise<{ status: number }>, status: number, field?: string) => {
    const before = await commentState(t.db);
    const res = (await send()) as Parameters<typeof expectProblem>[0];
    expectProblem(res, status);
    if (field) expect(Object.keys(res.body.errors ?? {})).toContain(field);
    expect(await commentState(t.db)).toEqual(before);
  };
  const comment = (by: SignedInClient, body: object) => by.post('/api/me/plan/comments', body);
  const commentsUrl = () => `/api/plans/versions/${v.id}/comments`;
  const replyUrl = (id: string) => `${commentsUrl()}/${id}/reply`;
  const moveTo = async (by: SignedInClient, to: string) => {
    v = ok<PlanVersionResponse>(
      await by.post(`/api/plans/versions/${v.id}/moves`, { expectedUpdatedAt: v.updatedAt, to }),
    );
  };

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer, { displayName: 'Ola Officer' });
    leader = await t.signInAs(Role.SeniorLeader, { displayName: 'Dana Fairweather' });
    practitioner = await t.signInAs(Role.Practitioner);
    const kaiRecord = await createYoungPerson(officer, {
      preferredName: 'Kai Brightwater',
      dateOfBirth: dateOfBirthForAge(16),
    });
    kaiRecordId = kaiRecord.id;
    kai = await t.signInAs(Role.YoungExpert, { displayName: 'Kai', youngPersonId: kaiRecord.id });
    const zaraRecord = await createYoungPerson(officer, {
      preferredName: 'Zara Quillon',
      dateOfBirth: dateOfBirthForAge(15),
    });
    zara = await t.signInAs(Role.YoungExpert, { displayName: 'Zara', youngPersonId: zaraRecord.id });
    const themeId = await makeTheme(t.db, 'Listening better');

    // A whole 2026 plan, as the officer writes it over days, still a draft.
    v = ok<PlanVersionResponse>(await officer.post('/api/plans', { year: 2026 }), 201);
    for (const key of planSectionsFor(v.yearOfPlan))
      v = ok<PlanVersionResponse>(
        await officer.put(`/api/plans/versions/${v.id}/sections/${key}`, {
          expectedUpdatedAt: v.updatedAt,
          professional: doc(`How we listen in ${key}, and how we check.`),
          childFriendly: doc(`We listen to you (${key}).`),
        }),
      );
    for (const q of LUNDY_QUESTIONS)
      v = ok<PlanVersionResponse>(
        await officer.put(`/api/plans/versions/${v.id}/lundy/${q.key}`, {
          expectedUpdatedAt: v.updatedAt,
          answer: 'Mostly.',
          evidence: [{ words: 'The Young DIB said so in March.' }],
        }),
      );
    v = ok<PlanVersionResponse>(
      await officer.put(`/api/plans/versions/${v.id}/commitments`, {
        expectedUpdatedAt: v.updatedAt,
        commitments: [
          {
            words: 'Every service asks children what they thought of their review meeting.',
            childWords: 'We will ask you what you thought of your review meeting.',
            ownerId: leader.user.id,
            dueOn: '2026-12-01',
            themeId,
          },
        ],
      }),
    );
  });
  afterAll(() => t.close());

  it('takes no comment while the plan is a draft: the young expert has no plan to see yet', async () => {
    expect(ok<MyPlanResponse>(await kai.get('/api/me/plan'))).toEqual({ version: null });
    await refused(() => comment(kai, { versionId: v.id, section: 'commitments', words: 'Too early?' }), 409);
  });

  it('in scrutiny, a young expert sees the child-friendly text by section and comments; an officer replies; they see the reply', async () => {
    await moveTo(officer, 'scrutiny');
    const page = ok<MyPlanResponse>(await kai.get('/api/me/plan'));
    expect(page.version).toMatchObject({
      id: v.id,
      year: 2026,
      period: { from: '2026-04-01', to: '2027-03-31' },
      sections: planSectionsFor(1).map((key) => ({
        key,
        childFriendly: doc(`We listen to you (${key}).`),
        comments: [],
      })),
    });
    // The professional text is the officers' working copy, not theirs to read here.
    expect(JSON.stringify(page)).not.toContain('how we check');

    kaisComment = ok<MyPlanComment>(
      await comment(kai, {
        versionId: v.id,
        section: 'commitments',
        words: '  Say <b>when</b> you will ask us.  ',
      }),
      201,
    );
    expect(kaisComment).toMatchObject({
      section: 'commitments',
      words: 'Say <b>when</b> you will ask us.',
      reply: null,
    });
    ok(
      await comment(zara, {
        versionId: v.id,
        section: 'lundy',
        words: 'Zara thinks the groups are too big. I get scared to talk.',
      }),
      201,
    );
    const [audit]: { actor: string; detail: { event: string; section: string } }[] = await t.db.query(
      `SELECT actor_user_id AS actor, detail FROM audit_events
        WHERE entity_type = 'plan_version' AND entity_id = $1 AND detail->>'commentId' = $2`,
      [v.id, kaisComment.id],
    );
    expect(audit).toMatchObject({ actor: kai.user.id, detail: { event: 'comment', section: 'commitments' } });

    // Staff see every comment beside its section, from a young expert, never named.
    const seen = await leader.get(commentsUrl());
    const forLeader = ok<PlanCommentsResponse>(seen);
    expect(forLeader).toMatchObject({ versionId: v.id, status: 'scrutiny', mayReply: false });
    expect(forLeader.sections.find((s) => s.key === 'commitments')?.comments).toEqual([
      {
        id: kaisComment.id,
        section: 'commitments',
        words: kaisComment.words,
        at: kaisComment.at,
        reply: null,
        wordsToCheck: [],
      },
    ]);
    expect(forLeader.sections.find((s) => s.key === 'lundy')?.comments).toEqual([
      // Words that may show a young person is unsafe prompt the officer to look again (wordsToCheck).
      expect.objectContaining({
        words: 'Zara thinks the groups are too big. I get scared to talk.',
        wordsToCheck: ['scared'],
      }),
    ]);
    for (const name of ['Kai Brightwater', 'Zara Quillon', kai.user.id, zara.user.id])
      expect(seen.text).not.toContain(name);

    const replied = ok<PlanCommentsResponse>(
      await officer.post(replyUrl(kaisComment.id), { words: 'We added a date to every promise.' }),
    );
    expect(replied.mayReply).toBe(true);
    expect(replied.sections.find((s) => s.key === 'commitments')?.comments[0].reply).toEqual({
      words: 'We added a date to every promise.',
      by: { id: officer.user.id, displayName: 'Ola Officer' },
      at: expect.any(String),
    });

    // Kai sees what was changed because of his comment; the officer is not named to him.
    const mine = await kai.get('/api/me/plan');
    const commitments = ok<MyPlanResponse>(mine).version?.sections.find((s) => s.key === 'commitments');
    expect(commitments?.comments).toEqual([
      { ...kaisComment, reply: { words: 'We added a date to every promise.', at: expect.any(String) } },
    ]);
    expect(mine.text).not.toContain('Ola Officer');
    // Each young expert sees only their own words.
    expect(mine.text).not.toContain('Zara thinks');
    const hers = await zara.get('/api/me/plan');
    expect(hers.text).not.toContain('Say <b>when</b>');
    expect(ok<MyPlanResponse>(hers).version?.sections.flatMap((s) => s.comments)).toEqual([
      expect.objectContaining({ section: 'lundy', reply: null }),
    ]);
  });

  it('refuses invalid, missing and oversized words, unknown sections and versions as problem+json, writing nothing', async () => {
    const good = { versionId: v.id, section: 'commitments', words: 'Fine.' };
    await refused(() => comment(kai, { ...good, words: undefined }), 400, 'words');
    await refused(() => comment(kai, { ...good, words: '   ' }), 400, 'words');
    await refused(() => comment(kai, { ...good, words: 42 }), 400, 'words');
    await refused(() => comment(kai, { ...good, words: 'x'.repeat(MAX_PLAN_COMMENT + 1) }), 400, 'words');
    await refused(() => comment(kai, { ...good, section: 'nope' }), 400, 'section');
    await refused(() => comment(kai, { ...good, section: undefined }), 400, 'section');
    // A council's first plan has no last year to comment on.
    await refused(() => comment(kai, { ...good, section: 'last_year' }), 400, 'section');
    await refused(() => comment(kai, { ...good, versionId: 'not-an-id' }), 400, 'versionId');
    await refused(() => comment(kai, { ...good, versionId: undefined }), 400, 'versionId');
    await refused(() => comment(kai, { ...good, extra: true }), 400);
    await refused(() => comment(kai, { ...good, versionId: '00000000-0000-4000-8000-000000000000' }), 404);

    await refused(() => officer.post(replyUrl(kaisComment.id), {}), 400, 'words');
    await refused(() => officer.post(replyUrl(kaisComment.id), { words: ' ' }), 400, 'words');
    await refused(
      () => officer.post(replyUrl(kaisComment.id), { words: 'x'.repeat(MAX_PLAN_REPLY + 1) }),
      400,
      'words',
    );
    await refused(
      () => officer.post(replyUrl('00000000-0000-4000-8000-000000000000'), { words: 'We did.' }),
      404,
    );
    await refused(() => officer.post(replyUrl('not-an-id'), { words: 'We did.' }), 404);
    await refused(
      () =>
        officer.post(
          `/api/plans/versions/00000000-0000-4000-8000-000000000000/comments/${kaisComment.id}/reply`,
          { words: 'We did.' },
        ),
      404,
    );
    await refused(() => officer.get('/api/plans/versions/not-an-id/comments'), 404);
  });

  it('lets only young experts comment and only officers reply; signed out is 401', async () => {
    const body = { versionId: v.id, section: 'commitments', words: 'Staff words.' };
    await refused(() => officer.get('/api/me/plan'), 403);
    await refused(() => officer.post('/api/me/plan/comments', body), 403);
    await refused(() => leader.post('/api/me/plan/comments', body), 403);
    await refused(() => practitioner.get(commentsUrl()), 403);
    await refused(() => kai.get(commentsUrl()), 403);
    await refused(() => kai.post(replyUrl(kaisComment.id), { words: 'I reply to myself.' }), 403);
    await refused(() => leader.post(replyUrl(kaisComment.id), { words: 'Leaders do not reply.' }), 403);
    await refused(() => t.anonymous().get('/api/me/plan'), 401);
    await refused(() => t.anonymous().post('/api/me/plan/comments').send(body), 401);
    await refused(() => t.anonymous().get(commentsUrl()), 401);
    await refused(() => t.anonymous().post(replyUrl(kaisComment.id)).send({ words: 'Hi.' }), 401);
  });

  it('takes no comment or reply once the plan is approved or published, and the database refuses one too', async () => {
    await moveTo(leader, 'approved');
    await refused(() => comment(kai, { versionId: v.id, section: 'commitments', words: 'Late.' }), 409);
    await refused(() => officer.post(replyUrl(kaisComment.id), { words: 'Too late to change.' }), 409);
    await moveTo(officer, 'published');
    expect(ok<MyPlanResponse>(await kai.get('/api/me/plan'))).toEqual({ version: null });
    await refused(() => comment(kai, { versionId: v.id, section: 'commitments', words: 'Later.' }), 409);
    await refused(() => officer.post(replyUrl(kaisComment.id), { words: 'Changed again.' }), 409);
    // Staff still read what young people said about the published plan, and what was changed.
    const read = ok<PlanCommentsResponse>(await officer.get(commentsUrl()));
    expect(read).toMatchObject({ status: 'published', mayReply: false });
    expect(read.sections.flatMap((s) => s.comments)).toHaveLength(2);

    // Whichever code tries, a published version takes no new comment and keeps its replies.
    const [young] = (await t.db.query(`SELECT young_person_id AS id FROM plan_comments WHERE id = $1`, [
      kaisComment.id,
    ])) as { id: string }[];
    await expect(
      t.db.query(
        `INSERT INTO plan_comments (version_id, section_key, young_person_id, words) VALUES ($1, 'lundy', $2, 'Sneaked in.')`,
        [v.id, young.id],
      ),
    ).rejects.toThrow(/only while it is with them/);
    await expect(
      t.db.query(`UPDATE plan_comments SET reply = 'Rewritten.' WHERE id = $1`, [kaisComment.id]),
    ).rejects.toThrow(/stays as it was/);
    await expect(t.db.query(`DELETE FROM plan_comments WHERE id = $1`, [kaisComment.id])).rejects.toThrow(
      /stays as it was/,
    );
    // Erasure still replaces a young person's words, whichever version they are on.
    await t.db.query(`UPDATE plan_comments SET words = 'Removed.' WHERE id = $1`, [kaisComment.id]);
    const [after] = (await t.db.query(`SELECT words, reply FROM plan_comments WHERE id = $1`, [
      kaisComment.id,
    ])) as { words: string; reply: string }[];
    expect(after).toEqual({ words: 'Removed.', reply: 'We added a date to every promise.' });
  });

  it('raises a worry from a comment at once, naming its young person to the safeguarding contacts, after publishing too', async () => {
    // The plan is published by now: a worry does not wait for the workflow.
    const worryUrl = (id: string) => `${commentsUrl()}/${id}/worries`;
    const worriesNow = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM worries`))[0].n as number;
    const before = await worriesNow();
    // The comment's words as they are now (an earlier test erased Kai's first words).
    const [{ words }] = await t.db.query(`SELECT words FROM plan_comments WHERE id = $1`, [kaisComment.id]);
    // A safeguarding contact, so the worry reaches someone.
    const admin = await t.signInAs(Role.Administrator);
    const contact = await t.signInAs(Role.SeniorLeader, { displayName: 'Sade Contact' });
    ok(
      await admin.patch(`/api/users/${contact.user.id}/safeguarding-contact`, { safeguardingContact: true }),
    );
    const raised = ok<WorryRaisedResponse>(await officer.post(worryUrl(kaisComment.id), {}), 201);
    expect(raised.contactsTold).toBe(1);
    // Straight to the contact (through the mail outbox), naming who wrote it.
    const [mail] = await t.db.query(
      `SELECT to_address AS "to", text_body AS text FROM mail_outbox WHERE related_type = 'worry' AND related_id = $1`,
      [raised.id],
    );
    expect(mail.to).toBe(contact.user.email);
    expect(mail.text).toContain('Kai Brightwater');
    expect(mail.text).toContain("Raised from a young expert's comment on the plan");
    const [audited] = await t.db.query(
      `SELECT actor_user_id AS actor, detail FROM audit_events WHERE entity_type = 'worry' AND entity_id = $1`,
      [raised.id],
    );
    expect(audited).toEqual({
      actor: officer.user.id,
      detail: expect.objectContaining({ source: 'plan_comment' }),
    });
    const stored = await t.db.query(
      `SELECT words, source_kind AS kind, source_id AS "sourceId", young_person_id AS "youngPersonId",
              raised_by AS "raisedBy"
         FROM worries WHERE id = $1`,
      [raised.id],
    );
    expect(stored).toEqual([
      {
        words,
        kind: 'plan_comment',
        sourceId: kaisComment.id,
        youngPersonId: kaiRecordId,
        raisedBy: officer.user.id,
      },
    ]);
    const ownWords = ok<WorryRaisedResponse>(
      await officer.post(worryUrl(kaisComment.id), {
        words: 'Kai wrote that someone at home frightens them.',
      }),
      201,
    );
    expect((await t.db.query(`SELECT words FROM worries WHERE id = $1`, [ownWords.id]))[0].words).toBe(
      'Kai wrote that someone at home frightens them.',
    );
    expect(await worriesNow()).toBe(before + 2);

    const worriesBefore = await worriesNow();
    for (const [send, status] of [
      [() => leader.post(worryUrl(kaisComment.id), {}), 403],
      [() => practitioner.post(worryUrl(kaisComment.id), {}), 403],
      [() => kai.post(worryUrl(kaisComment.id), {}), 403],
      [() => t.anonymous().post(worryUrl(kaisComment.id)).send({}), 401],
      [() => officer.post(worryUrl(randomUUID()), {}), 404],
      [() => officer.post(`${commentsUrl()}/not-a-comment/worries`, {}), 404],
      [() => officer.post(`/api/plans/versions/${randomUUID()}/comments/${kaisComment.id}/worries`, {}), 404],
      [() => officer.post(worryUrl(kaisComment.id), { words: 'x'.repeat(WORRY_WORDS_MAX + 1) }), 400],
      [() => officer.post(worryUrl(kaisComment.id), { words: '   ' }), 400],
      [() => officer.post(worryUrl(kaisComment.id), { colour: 'red' }), 400],
    ] as const) {
      const res = await send();
      expectProblem(res, status);
    }
    expect(await worriesNow()).toBe(worriesBefore);
  });
});
