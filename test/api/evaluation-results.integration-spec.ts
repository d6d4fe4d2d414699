import { randomUUID } from 'node:crypto';
import {
  AuditAction,
  EvaluationRoundRequest,
  Role,
  SMALL_NUMBERS_NOTE,
  addDays,
  todayInLondon,
} from '@heard/domain';
import { createGroup, createYoungPerson, dateOfBirthForAge, planActivity } from './support/factories';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();
const HOSTILE = '<script>alert("hi")</script><b>bold</b>';
const FORMULA = '=HYPERLINK("http://evil.example","click")';
const WORRY_WORDS = 'Words of a worry that must never reach results';

/**
 * Results of evaluations (issue 11 §6): each rating's distribution over the five faces with zeros,
 * the small-numbers note, who took part, the words as text with no names, CSV, and the change
 * between versions. Reads only: every refusal is problem+json and nothing is written.
 */
describe('evaluation results', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let leader: SignedInClient;
  let practitioner: SignedInClient;
  let admin: SignedInClient;
  let youngExpert: SignedInClient;
  let toolId: string;
  let roundId: string;
  let laterRoundId: string;
  const names = ['Results Person Alpha', 'Results Person Beta', 'Results Person Gamma'];
  const personIds: string[] = [];

  const enter = (roundId: string, body: object) =>
    officer.post(`/api/evaluation-rounds/${roundId}/evaluations`, body).set('Idempotency-Key', randomUUID());
  const byLink = (token: string, body: object) =>
    t
      .anonymous()
      .post(`/api/evaluation-links/${token}/evaluations`)
      .set('Idempotency-Key', randomUUID())
      .send(body);

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    leader = await t.signInAs(Role.SeniorLeader);
    practitioner = await t.signInAs(Role.Practitioner);
    admin = await t.signInAs(Role.Administrator);
    youngExpert = await t.signInAs(Role.YoungExpert);
    const tool = await officer.post('/api/practice-tools', {
      name: 'Roles and responsibilities index',
      purpose: 'Who is who at a child protection conference.',
      owningService: 'Safeguarding',
      coProducedWith: 'Young Experts',
    });
    expect(tool.status).toBe(201);
    toolId = tool.body.id;
    const v1 = await officer.post(`/api/practice-tools/${toolId}/versions`, {
      label: 'v1',
      link: 'https://tools.example/roles-v1.pdf',
      notes: null,
    });
    expect(v1.status).toBe(201);
    const v2 = await officer.post(`/api/practice-tools/${toolId}/versions`, {
      label: 'v2',
      link: 'https://tools.example/roles-v2.pdf',
      notes: null,
    });
    expect(v2.status).toBe(201);
    const versionId = (label: string): string =>
      v2.body.versions.find((v: { label: string }) => v.label === label).id;
    const activity = await planActivity(officer, { title: 'Go-karting day' });
    expect(activity.status).toBe(201);
    const group = await createGroup(officer, { name: 'Results Juniors', minAge: 10, maxAge: 25 });

    const roundRequest = (version: string): EvaluationRoundRequest => ({
      toolVersionId: versionId(version),
      title: `Roles index ${version} at go-karting`,
      occasion: { kind: 'activity_day', id: activity.body.id },
      opensOn: addDays(today, -1),
      closesOn: addDays(today, 30),
      audience: 'link',
    });
    const round = await officer.post('/api/evaluation-rounds', roundRequest('v1'));
    expect(round.status).toBe(201);
    roundId = round.body.id;
    const ages = [11, 12, 14];
    for (const [i, name] of names.entries()) {
      const person = await createYoungPerson(officer, {
        preferredName: name,
        dateOfBirth: dateOfBirthForAge(ages[i]),
      });
      personIds.push(person.id);
    }
    for (const id of personIds.slice(0, 2)) {
      const joined = await officer.post(`/api/groups/${group.id}/members`, {
        youngPersonId: id,
        joinedOn: today,
        role: 'member',
      });
      expect(joined.status).toBe(201);
    }
    const answers = [
      [
        { questionKey: 'overall', rating: 5 },
        { questionKey: 'easy-to-understand', rating: 3 },
        { questionKey: 'liked', text: HOSTILE },
      ],
      [
        { questionKey: 'overall', rating: 4 },
        { questionKey: 'liked', text: 'Bigger pictures, please' },
      ],
      [
        { questionKey: 'overall', rating: 4 },
        { questionKey: 'easy-to-understand', rating: 4 },
        { questionKey: 'change', text: FORMULA },
      ],
    ];
    for (const [i, id] of personIds.entries()) {
      const res = await enter(roundId, {
        youngPersonId: id,
        answeredOn: today,
        helpedBy: i === 0 ? 'Their foster carer' : null,
        pictureMode: i === 2,
        answers: answers[i],
      });
      expect(res.status).toBe(201);
    }
    const linked = await byLink(round.body.link.token, { answers: [{ questionKey: 'overall', rating: 1 }] });
    expect(linked.status).toBe(201);

    // A later version, asked of five through its link: no small-numbers note.
    const later = await officer.post('/api/evaluation-rounds', roundRequest('v2'));
    expect(later.status).toBe(201);
    laterRoundId = later.body.id;
    for (const rating of [5, 5, 4, 3, 2]) {
      const res = await byLink(later.body.link.token, { answers: [{ questionKey: 'overall', rating }] });
      expect(res.status).toBe(201);
    }

    // A worry raised from one of these evaluations lives in its own table and is never counted here.
    const [evaluation] = await t.db.query(`SELECT id FROM evaluations WHERE round_id = $1 LIMIT 1`, [
      roundId,
    ]);
    await t.db.query(`INSERT INTO worries (words, source_kind, source_id) VALUES ($1, 'evaluation', $2)`, [
      WORRY_WORDS,
      evaluation.id,
    ]);
  });
  afterAll(() => t.close());

  /** Every table a read could write to, to prove reading changed nothing. */
  const counts = async () => ({
    evaluations: await countRows(t.db, 'evaluations'),
    answers: await countRows(t.db, 'evaluation_answers'),
    // A refusal is audited by the access guard, on purpose; nothing else may be written.
    audit: await countRows(t.db, `audit_events WHERE action <> '${AuditAction.AccessRefused}'`),
    worries: await countRows(t.db, 'worries'),
  });

  it('should give each rating question its distribution over the five faces, zeros included, with counts in words', async () => {
    const res = await officer.get(`/api/evaluation-rounds/${roundId}/results`);
    expect(res.status).toBe(200);
    expect(res.body.round).toMatchObject({
      id: roundId,
      toolName: 'Roles and responsibilities index',
      versionLabel: 'v1',
      occasion: { kind: 'activity_day', title: 'Go-karting day' },
      audience: 'link',
    });
    const [overall, easy] = res.body.ratings;
    expect(overall.questionKey).toBe('overall');
    expect(overall.distribution).toEqual([
      { rating: 1, words: 'Really bad', face: '😣', count: 1 },
      { rating: 2, words: 'Bad', face: '🙁', count: 0 },
      { rating: 3, words: 'OK', face: '😐', count: 0 },
      { rating: 4, words: 'Good', face: '🙂', count: 2 },
      { rating: 5, words: 'Really good', face: '😄', count: 1 },
    ]);
    expect(overall).toMatchObject({
      answered: 4,
      positive: 3,
      negative: 1,
      summary:
        'Of 4 young people who answered, 3 said Good or Really good, 0 said OK and 1 said Bad or Really bad.',
      smallNumbers: true,
      smallNumbersNote: SMALL_NUMBERS_NOTE,
    });
    expect(overall).not.toHaveProperty('average');
    expect(easy.distribution.map((d: { count: number }) => d.count)).toEqual([0, 0, 1, 1, 0]);
    expect(easy.answered).toBe(2);
  });

  it('should say who took part by age band and group, with the context of picture mode and help', async () => {
    const res = await officer.get(`/api/evaluation-rounds/${roundId}/results`);
    expect(res.body.participation).toEqual({
      tookPart: 4,
      throughLink: 1,
      byAgeBand: [
        { key: '10-12', count: 2 },
        { key: '13-15', count: 1 },
        { key: '16-17', count: 0 },
        { key: '18-25', count: 0 },
      ],
      ageBandNotKnown: 1,
      byGroup: [{ groupId: expect.any(String), name: 'Results Juniors', count: 2 }],
      inNoGroup: 1,
      pictureMode: 1,
      helped: 1,
      smallNumbers: true,
      smallNumbersNote: SMALL_NUMBERS_NOTE,
    });
  });

  it('should give the words as text, sorted, with no names, ids or worries', async () => {
    const res = await officer.get(`/api/evaluation-rounds/${roundId}/results`);
    expect(res.body.words).toEqual([
      {
        questionKey: 'liked',
        prompt: 'What did you like?',
        kind: 'open',
        answers: [HOSTILE, 'Bigger pictures, please'],
      },
      { questionKey: 'change', prompt: 'What would you change?', kind: 'open', answers: [FORMULA] },
      {
        questionKey: 'quote',
        prompt: 'Anything you want to say in your own words?',
        kind: 'quote',
        answers: [],
      },
    ]);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const raw = JSON.stringify(res.body);
    for (const name of names) expect(raw).not.toContain(name);
    for (const id of personIds) expect(raw).not.toContain(id);
    expect(raw).not.toContain(WORRY_WORDS);
    expect(raw).not.toContain('Their foster carer');
  });

  it('should let a senior leader read the same aggregates, counting young people they are not linked to', async () => {
    const mine = await officer.get(`/api/evaluation-rounds/${roundId}/results`);
    const theirs = await leader.get(`/api/evaluation-rounds/${roundId}/results`);
    expect(theirs.status).toBe(200);
    expect(theirs.body).toEqual(mine.body);
  });

  it('should give CSV with a row per face, the summary, who took part and the words, safely quoted', async () => {
    const before = await counts();
    const res = await officer.get(`/api/evaluation-rounds/${roundId}/results.csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="evaluation-results-${roundId}.csv"`,
    );
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe('section,question key,question,choice,count,answered,note');
    const note = SMALL_NUMBERS_NOTE;
    expect(lines).toEqual(
      expect.arrayContaining([
        `took part,,,everyone,4,4,${note}`,
        `took part,,,through the link,1,4,${note}`,
        `took part,,,aged 10-12,2,4,${note}`,
        `took part,,,group: Results Juniors,2,4,${note}`,
        `rating,overall,What do you think of it?,Really bad,1,4,${note}`,
        `rating,overall,What do you think of it?,Bad,0,4,${note}`,
        `rating,overall,What do you think of it?,OK,0,4,${note}`,
        `rating,overall,What do you think of it?,Good,2,4,${note}`,
        `rating,overall,What do you think of it?,Really good,1,4,${note}`,
        `rating,easy-to-understand,How easy was it to understand?,OK,1,2,${note}`,
        `words,liked,What did you like?,"<script>alert(""hi"")</script><b>bold</b>",,,`,
        `words,liked,What did you like?,"Bigger pictures, please",,,`,
        // A formula is made text: a leading apostrophe, and quoted for its commas and quotes.
        `words,change,What would you change?,"'=HYPERLINK(""http://evil.example"",""click"")",,,`,
      ]),
    );
    for (const name of names) expect(res.text).not.toContain(name);
    expect(res.text).not.toContain(WORRY_WORDS);
    expect(await counts()).toEqual(before);
  });

  it('should leave out the small-numbers note where five or more answered', async () => {
    const res = await leader.get(`/api/evaluation-rounds/${laterRoundId}/results`);
    expect(res.status).toBe(200);
    expect(res.body.ratings[0]).toMatchObject({ answered: 5, smallNumbers: false, smallNumbersNote: null });
    expect(res.body.participation).toMatchObject({ tookPart: 5, throughLink: 5, ageBandNotKnown: 5 });
    const csv = await leader.get(`/api/evaluation-rounds/${laterRoundId}/results.csv`);
    expect(csv.text.split('\r\n')).toContain('rating,overall,What do you think of it?,Really good,2,5,');
  });

  it('should put each version side by side for the questions they share', async () => {
    const res = await officer.get(`/api/practice-tools/${toolId}/results`);
    expect(res.status).toBe(200);
    expect(res.body.toolName).toBe('Roles and responsibilities index');
    expect(res.body.versions).toEqual([
      { versionId: expect.any(String), label: 'v1', rounds: 1, tookPart: 4 },
      { versionId: expect.any(String), label: 'v2', rounds: 1, tookPart: 5 },
    ]);
    const overall = res.body.questions.find((q: { questionKey: string }) => q.questionKey === 'overall');
    expect(
      overall.versions.map((v: { label: string; distribution: { count: number }[] }) => [
        v.label,
        v.distribution.map((d) => d.count),
      ]),
    ).toEqual([
      ['v1', [1, 0, 0, 2, 1]],
      ['v2', [0, 1, 1, 1, 2]],
    ]);
    expect(overall.versions.map((v: { smallNumbers: boolean }) => v.smallNumbers)).toEqual([true, false]);
    const easy = res.body.questions.find(
      (q: { questionKey: string }) => q.questionKey === 'easy-to-understand',
    );
    expect(easy.versions.map((v: { answered: number }) => v.answered)).toEqual([2, 0]);
    expect((await leader.get(`/api/practice-tools/${toolId}/results`)).status).toBe(200);
  });

  it('should answer 404 for an unknown round or tool and 400 for a malformed or oversized id, as problem+json', async () => {
    const before = await counts();
    for (const path of [
      `/api/evaluation-rounds/${randomUUID()}/results`,
      `/api/evaluation-rounds/${randomUUID()}/results.csv`,
      `/api/practice-tools/${randomUUID()}/results`,
    ])
      expectProblem(await officer.get(path), 404);
    for (const bad of ['not-a-uuid', '1', `${randomUUID()}x`, 'a'.repeat(2000)]) {
      for (const path of [
        `/api/evaluation-rounds/${bad}/results`,
        `/api/evaluation-rounds/${bad}/results.csv`,
        `/api/practice-tools/${bad}/results`,
      ]) {
        const res = await officer.get(path);
        expectProblem(res, 400);
        expect(Object.keys(res.body.errors)).toEqual(['id']);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('should refuse the signed out (401) and roles that may not read results (403), as problem+json', async () => {
    const before = await counts();
    const paths = [
      `/api/evaluation-rounds/${roundId}/results`,
      `/api/evaluation-rounds/${roundId}/results.csv`,
      `/api/practice-tools/${toolId}/results`,
    ];
    for (const path of paths) {
      expectProblem(await t.anonymous().get(path), 401);
      for (const client of [practitioner, admin, youngExpert]) expectProblem(await client.get(path), 403);
    }
    // Results are read only: a write to them is not a route at all.
    const post = await officer.post(`/api/evaluation-rounds/${roundId}/results`, {});
    expect(post.status).toBe(404);
    expect(post.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await counts()).toEqual(before);
  });
  it('should count an evaluation added or corrected after the results were last read', async () => {
    const round = await officer.post('/api/evaluation-rounds', {
      toolVersionId: (
        await t.db.query(`SELECT tool_version_id FROM evaluation_rounds WHERE id = $1`, [roundId])
      )[0].tool_version_id,
      title: 'Roles index, read again',
      occasion: null,
      opensOn: addDays(today, -1),
      closesOn: addDays(today, 30),
      audience: 'link',
    });
    expect(round.status).toBe(201);
    const overallCounts = async () => {
      const res = await officer.get(`/api/evaluation-rounds/${round.body.id}/results`);
      expect(res.status).toBe(200);
      return res.body.ratings[0].distribution.map((d: { count: number }) => d.count);
    };
    const first = await enter(round.body.id, {
      youngPersonId: personIds[0],
      answeredOn: today,
      answers: [{ questionKey: 'overall', rating: 2 }],
    });
    expect(first.status).toBe(201);
    expect(await overallCounts()).toEqual([0, 1, 0, 0, 0]);
    expect(await overallCounts()).toEqual([0, 1, 0, 0, 0]);
    const second = await enter(round.body.id, {
      youngPersonId: personIds[1],
      answeredOn: today,
      answers: [{ questionKey: 'overall', rating: 5 }],
    });
    expect(second.status).toBe(201);
    expect(await overallCounts()).toEqual([0, 1, 0, 0, 1]);
    const corrected = await officer.patch(`/api/evaluations/${first.body.id}`, {
      answers: [{ questionKey: 'overall', rating: 4 }],
    });
    expect(corrected.status).toBe(200);
    expect(await overallCounts()).toEqual([0, 0, 0, 1, 1]);
  });
});
