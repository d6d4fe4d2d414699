import { randomUUID } from 'node:crypto';
import { AuditAction, Role, WORRY_WORDS_MAX, addDays, todayInLondon } from '@heard/domain';
import { AuditEvent } from '@heard/api/platform/audit/audit-event.entity';
import { MailMessage } from '@heard/api/platform/mail/mail-message.entity';
import { MailWorker } from '@heard/api/platform/mail/mail.worker';
import { planActivity } from './support/factories';
import { SmtpSink, startSmtpSink } from './support/smtp-sink';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();
/** Room for this file's other tests, which all speak from the loopback address. */
const WORRIES_PER_HOUR = 8;

/**
 * "I'm worried about something" from a round's link (POST /api/evaluation-links/:token/worries):
 * no account, no identity, and it still reaches every safeguarding contact at once, by email over
 * SMTP and on their home page, with the round and the occasion it was held at.
 */
describe('a worry sent from a round link', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let officer: SignedInClient;
  let contact: SignedInClient;
  let activityId: string;
  let versionId: string;

  const worry = (token: string, body: unknown) =>
    t
      .anonymous()
      .post(`/api/evaluation-links/${token}/worries`)
      .send(body as object);
  const written = async () => ({
    worries: await countRows(t.db, 'worries'),
    mail: await countRows(t.db, 'mail_outbox'),
    audit: await countRows(t.db, 'audit_events'),
  });
  const createRound = async (title: string, occasion: boolean) => {
    const res = await officer.post('/api/evaluation-rounds', {
      toolVersionId: versionId,
      title,
      occasion: occasion ? { kind: 'activity_day', id: activityId } : null,
      opensOn: addDays(today, -1),
      closesOn: addDays(today, 30),
      audience: 'link',
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; link: { token: string } };
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    // Behind a proxy on the loopback, so a test can speak from an address of its own (the limit is per address).
    t = await createTestApp({
      SMTP_URL: sink.url,
      TRUSTED_PROXIES: 'loopback',
      LINK_WORRIES_PER_HOUR: String(WORRIES_PER_HOUR),
    });
    const admin = await t.signInAs(Role.Administrator);
    officer = await t.signInAs(Role.ParticipationOfficer);
    contact = await t.signInAs(Role.SeniorLeader, { displayName: 'Sade Lead' });
    const flag = await admin.patch(`/api/users/${contact.user.id}/safeguarding-contact`, {
      safeguardingContact: true,
    });
    expect(flag.status).toBe(200);
    const tool = await officer.post('/api/practice-tools', {
      name: 'Invitation to chair letter',
      purpose: 'Asks a young person to chair their own review.',
      owningService: 'Independent reviewing service',
      coProducedWith: 'Young Experts',
    });
    const version = await officer.post(`/api/practice-tools/${tool.body.id}/versions`, {
      label: 'v2',
      link: 'https://tools.example/chair.pdf',
      notes: null,
    });
    versionId = version.body.versions[0].id;
    const day = await planActivity(officer, { title: 'Bowling day' });
    expect(day.status).toBe(201);
    activityId = day.body.id;
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('should reach the contact by email and on their home page, with the round and occasion and no identity', async () => {
    const round = await createRound('Chair letter at the bowling day', true);
    const before = sink.received.length;
    const res = await worry(round.link.token, { words: 'Someone at home scares me.' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ received: true });

    const [stored]: Record<string, unknown>[] = await t.db.query(
      `SELECT id, words, source_kind, source_id, occasion_kind, occasion_id, young_person_id, raised_by
         FROM worries WHERE source_id = $1`,
      [round.id],
    );
    expect(stored).toMatchObject({
      words: 'Someone at home scares me.',
      source_kind: 'round_link',
      occasion_kind: 'activity_day',
      occasion_id: activityId,
      young_person_id: null,
      raised_by: null,
    });
    const worryId = stored.id as string;
    const [created] = await t.db
      .getRepository(AuditEvent)
      .find({ where: { entityType: 'worry' as never, entityId: worryId, action: AuditAction.Create } });
    expect(created.actorUserId).toBeNull();

    const [mail] = await t.db
      .getRepository(MailMessage)
      .find({ where: { relatedType: 'worry', relatedId: worryId } });
    expect(mail.toAddress).toBe(contact.user.email);
    expect(mail.textBody).toMatch(/Who: a young person using a round link \(no name given\)/);
    expect(mail.textBody).toContain(`Round: ${round.id}`);
    expect(mail.textBody).toMatch(/Occasion: Activity day, Bowling day/);
    expect(mail.textBody).toContain('Someone at home scares me.');
    const worker = t.app.get(MailWorker);
    while ((await worker.runOnce()) > 0);
    const delivered = sink.received.slice(before);
    expect(delivered.map((m) => m.to[0])).toEqual([contact.user.email]);
    expect(delivered[0].raw).toContain('Someone at home scares me.');

    const home = await contact.get('/api/home');
    expect(home.body.worriesToAcknowledge).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: worryId,
          words: 'Someone at home scares me.',
          youngPerson: null,
          raisedBy: null,
          source: { kind: 'round_link', id: round.id },
          occasion: { kind: 'activity_day', id: activityId },
        }),
      ]),
    );
  });

  it('should take a worry from an online round, with no occasion', async () => {
    const round = await createRound('Chair letter online', false);
    const res = await worry(round.link.token, { words: 'I am sad a lot.' });
    expect(res.status).toBe(201);
    const [stored] = await t.db.query(`SELECT occasion_kind, occasion_id FROM worries WHERE source_id = $1`, [
      round.id,
    ]);
    expect(stored).toEqual({ occasion_kind: null, occasion_id: null });
  });

  it('should still take a worry after the round closed: a child is never refused', async () => {
    const round = await createRound('Chair letter, closed early', true);
    expect((await officer.post(`/api/evaluation-rounds/${round.id}/close`, {})).status).toBe(200);
    // Answers are refused now…
    const answer = await t
      .anonymous()
      .post(`/api/evaluation-links/${round.link.token}/evaluations`)
      .set('Idempotency-Key', randomUUID())
      .send({ answers: [{ questionKey: 'overall', rating: 3 }] });
    expectProblem(answer, 409);
    // …but a worry still reaches someone.
    const res = await worry(round.link.token, { words: 'I want to tell someone something.' });
    expect(res.status).toBe(201);
    expect(await countRows(t.db, `worries WHERE source_id = '${round.id}'`)).toBe(1);
  });

  it('should refuse an unknown link, and missing, empty, oversized, wrong-type and extra words, writing nothing', async () => {
    const round = await createRound('Chair letter, refusals', true);
    const token = round.link.token;
    const before = await written();

    const unknown = await worry(`${token}x`, { words: 'Hello' });
    expectProblem(unknown, 404);
    expect(unknown.body.detail).toMatch(/link was not found/);
    expectProblem(await worry(randomUUID(), { words: 'Hello' }), 404);

    for (const body of [
      {},
      { words: '' },
      { words: '   ' },
      { words: 42 },
      { words: ['a'] },
      { words: null },
      { words: 'x'.repeat(WORRY_WORDS_MAX + 1) },
      { words: 'Hello', youngPersonId: randomUUID() },
      { words: 'Hello', name: 'Kai' },
    ]) {
      const res = await worry(token, body);
      expectProblem(res, 400);
      expect(Object.keys(res.body.errors ?? {})).toEqual(expect.arrayContaining([expect.any(String)]));
    }
    // Bigger than the body limit every public route has: refused before it is read.
    expectProblem(await worry(token, { words: 'x'.repeat(200_000) }), 413);
    const notJson = await t
      .anonymous()
      .post(`/api/evaluation-links/${token}/worries`)
      .set('Content-Type', 'text/plain')
      .send('I am worried');
    expectProblem(notJson, 415);
    expect(await written()).toEqual(before);
  });

  it('should take the set number of worries an hour from one address, then say who to talk to and write nothing', async () => {
    const round = await createRound('Chair letter, a flood', true);
    const from = (address: string, words: string) =>
      worry(round.link.token, { words }).set('X-Forwarded-For', address);
    for (let n = 1; n <= WORRIES_PER_HOUR; n++)
      expect((await from('203.0.113.9', `Worry number ${n}`)).status).toBe(201);
    const before = await written();

    const refused = await from('203.0.113.9', 'One worry too many');
    expectProblem(refused, 429);
    expect(refused.body.detail).toMatch(/talk to an adult you trust/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Past the limit an unknown link is refused the same way: guessing links from there is held back too.
    const guess = t
      .anonymous()
      .post(`/api/evaluation-links/${round.link.token}x/worries`)
      .set('X-Forwarded-For', '203.0.113.9')
      .send({ words: 'And another' });
    expectProblem(await guess, 429);
    expect(await written()).toEqual(before);

    // Another address (another venue) is not held back by this one.
    expect((await from('198.51.100.7', 'A worry from elsewhere')).status).toBe(201);
  });
});
