import { ANONYMISED_KINDS, ANONYMOUS_NAME, ERASED_WORDS, Role } from '@heard/domain';
import { anonymiseYoungPerson } from '@heard/api/app/erasure/anonymise-young-person';
import { createYoungPerson } from './support/factories';
import { EverythingAbout, everythingAbout, wholeDatabase, whereItAppears } from './support/erasure-fixtures';
import { SignedInClient, TestApp, countRows, createTestApp } from './support/test-app';

/**
 * Erasure on request (issue 17 §2): one young person anonymised everywhere, in one transaction;
 * history keeps that something happened, not who.
 */
describe('anonymiseYoungPerson', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let quillon: EverythingAbout;
  let otherId: string;

  const totals = async (id: string) => ({
    attendance: await countRows(t.db, `attendance WHERE young_person_id = '${id}'`),
    invitations: await countRows(t.db, `invitations WHERE young_person_id = '${id}'`),
    consents: await countRows(t.db, `consent_records WHERE young_person_id = '${id}'`),
    memberships: await countRows(t.db, `group_memberships WHERE young_person_id = '${id}'`),
    ratings: await countRows(t.db, `response_ratings WHERE young_person_id = '${id}'`),
    evaluations: await countRows(t.db, 'evaluations'),
    answers: await countRows(t.db, 'evaluation_answers'),
    items: await countRows(t.db, 'you_said_items'),
    worries: await countRows(t.db, `worries WHERE young_person_id = '${id}'`),
    oneToOnes: await countRows(t.db, `one_to_ones WHERE young_person_id = '${id}'`),
    mail: await countRows(t.db, 'mail_outbox'),
  });

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    quillon = await everythingAbout(t, officer, 'Vantreese', 37);
    otherId = (await createYoungPerson(officer, { preferredName: 'Zara Quillfeather' })).id;
  }, 180_000);

  afterAll(() => t?.close());

  it('should leave none of their details anywhere in the database, keeping the counts and published anonymous text', async () => {
    for (const secret of quillon.secrets)
      expect([secret, await whereItAppears(t.db, secret)]).not.toEqual([secret, []]);
    const before = await totals(quillon.youngPersonId);

    const counts = await t.db.transaction((em) =>
      anonymiseYoungPerson(em, quillon.youngPersonId, {
        reason: 'erasure',
        at: new Date(),
        byUserId: officer.user.id,
      }),
    );

    // Every kind the fixture wrote was changed.
    expect(Object.keys(counts).sort()).toEqual([...ANONYMISED_KINDS].sort());
    expect(counts).toMatchObject({
      record: 1,
      serviceExperiences: 1,
      trustedAdults: 1,
      groupMemberships: 1,
      oneToOnes: 1,
      consents: 2,
      evaluations: 1,
      evaluationAnswers: 1,
      evaluationQuotes: 1,
      youSaidSpeakers: 1,
      quotesRemoved: 1,
      quotesKeptAnonymous: 1,
      responseRatings: 1,
      loopTellings: 1,
      worries: 1,
      deletionRequests: 1,
      enrolmentCodes: 1,
      account: 1,
      passkeys: 1,
      recoveryCodes: 1,
    });
    expect(counts.invitations).toBeGreaterThanOrEqual(2);
    expect(counts.mailWithdrawn).toBeGreaterThanOrEqual(1);
    expect(counts.mailAnonymised).toBeGreaterThanOrEqual(1);
    expect(counts.sessions).toBeGreaterThanOrEqual(1);
    expect(counts.namesRemovedFromText).toBeGreaterThanOrEqual(1);

    for (const secret of quillon.secrets)
      expect([secret, await whereItAppears(t.db, secret)]).toEqual([secret, []]);

    // History keeps that it happened: the same rows, now about "a young person".
    const after = await totals(quillon.youngPersonId);
    expect(after).toEqual(before);
    const [record] = await t.db.query(
      `SELECT preferred_name AS name, anonymised_reason AS reason, archived_at IS NOT NULL AS archived,
              contact, parent_carer AS "parentCarer" FROM young_people WHERE id = $1`,
      [quillon.youngPersonId],
    );
    expect(record).toEqual({
      name: ANONYMOUS_NAME,
      reason: 'erasure',
      archived: true,
      contact: { email: null, phone: null, whatsapp: null, letter: null, onlyViaTrustedAdult: false },
      parentCarer: null,
    });

    // Published material keeps only anonymous text.
    const [answer] = await t.db.query(
      `SELECT a.text, e.young_person_id AS "youngPersonId", q.published_named AS named
         FROM evaluation_answers a JOIN evaluations e ON e.id = a.evaluation_id
         JOIN evaluation_quotes q ON q.answer_id = a.id WHERE a.text = $1`,
      [quillon.publishedAnswer],
    );
    expect(answer).toEqual({ text: quillon.publishedAnswer, youngPersonId: null, named: false });
    const board = await t.anonymous().get('/api/board');
    expect(board.status).toBe(200);
    expect(JSON.stringify(board.body)).toContain(quillon.boardQuote);
    const [quote] = await t.db.query(
      `SELECT young_person_id AS "youngPersonId" FROM you_said_quotes WHERE words = $1`,
      [quillon.boardQuote],
    );
    expect(quote).toEqual({ youngPersonId: null });
    expect(await countRows(t.db, `evaluation_answers WHERE text = '${ERASED_WORDS}'`)).toBe(1);

    // Nothing is left to send them, and their account cannot sign in.
    expect(
      await countRows(
        t.db,
        `mail_outbox WHERE status IN ('pending', 'sending') AND to_address = 'erased@erased.invalid'`,
      ),
    ).toBe(0);
    expect(
      await countRows(
        t.db,
        `invitations WHERE young_person_id = '${quillon.youngPersonId}' AND short_code IS NOT NULL`,
      ),
    ).toBe(0);
    expect(
      await countRows(
        t.db,
        `invitations WHERE young_person_id = '${quillon.youngPersonId}' AND status <> 'withdrawn' AND event_date >= CURRENT_DATE`,
      ),
    ).toBe(0);
    expect((await quillon.client.get('/api/me')).status).toBe(401);
    expect(
      await countRows(
        t.db,
        `consent_records WHERE young_person_id = '${quillon.youngPersonId}' AND withdrawn_at IS NULL`,
      ),
    ).toBe(0);

    // Nobody else was touched.
    expect(await whereItAppears(t.db, 'Zara Quillfeather')).toEqual(['young_people (1)']);
    expect(otherId).toBeTruthy();
  }, 180_000);

  it('should change nothing more and not fail when run again, for erasure or retention', async () => {
    const before = await wholeDatabase(t.db);
    for (const reason of ['erasure', 'retention'] as const) {
      const counts = await t.db.transaction((em) =>
        anonymiseYoungPerson(em, quillon.youngPersonId, { reason, at: new Date(), byUserId: null }),
      );
      expect(counts).toEqual(Object.fromEntries(ANONYMISED_KINDS.map((k) => [k, 0])));
    }
    expect(await wholeDatabase(t.db)).toEqual(before);
  }, 120_000);

  it('should refuse a young person who does not exist, changing nothing', async () => {
    const before = await wholeDatabase(t.db);
    await expect(
      t.db.transaction((em) =>
        anonymiseYoungPerson(em, '00000000-0000-4000-8000-000000000000', {
          reason: 'retention',
          at: new Date(),
          byUserId: null,
        }),
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await wholeDatabase(t.db)).toEqual(before);
  }, 60_000);
});
