import { randomUUID } from 'node:crypto';
import { InvitationChannel, Role, TrustedAdultRelationship, addDays, todayInLondon } from '@heard/domain';
import { DataSource } from 'typeorm';
import { insertAction, insertItem, insertQuote } from './action-log-board-fixtures';
import {
  createGroup,
  createYoungPerson,
  dateOfBirthForAge,
  planActivity,
  reviewLetterVersion,
} from './factories';
import { SignedInClient, TestApp } from './test-app';

/**
 * A young person with something in every table that can hold something about them, each piece of it
 * a distinctive fictional string, so that after anonymisation a scan of every row of every table can
 * prove none of it is left. A new table that refers to a young person and is forgotten by
 * anonymiseYoungPerson shows up here as soon as this fixture writes to it.
 */
export interface EverythingAbout {
  youngPersonId: string;
  userId: string;
  client: SignedInClient;
  /** Strings that must appear nowhere once they are anonymised. */
  secrets: string[];
  /** Published anonymously: must stay, with no link to them. */
  publishedAnswer: string;
  boardQuote: string;
}

const ok = (status: number, expected: number, what: string, body: unknown) => {
  if (status !== expected) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
};

export async function everythingAbout(
  t: TestApp,
  officer: SignedInClient,
  tag: string,
  ageDaysToBirthday: number,
): Promise<EverythingAbout> {
  const db: DataSource = t.db;
  const today = todayInLondon();
  // Every string made by s() is a secret that must go; kept() makes the ones published anonymously.
  const written: string[] = [];
  const s = (what: string) => {
    written.push(`${what} ${tag}`);
    return `${what} ${tag}`;
  };
  const kept = (what: string) => `${what} ${tag}`;
  const name = `Quillon ${tag}`;
  const email = `quillon.${tag.toLowerCase()}@young.example`;
  const carerEmail = `marigold.${tag.toLowerCase()}@carer.example`;
  const dateOfBirth = dateOfBirthForAge(15, ageDaysToBirthday);
  const practitioner = await t.signInAs(Role.Practitioner);

  const yp = await createYoungPerson(officer, {
    preferredName: name,
    dateOfBirth,
    contact: {
      email,
      phone: '07700 900417',
      whatsapp: null,
      letter: null,
      onlyViaTrustedAdult: false,
    },
    accessibilityNeeds: s('Needs the hearing loop at Zephyrine Hall'),
    communicationNeeds: s('Prefers Makaton signs'),
    confidentialityNotes: s('Never contact through Brackenfold School'),
    parentCarer: {
      name: s('Marigold'),
      relationship: 'Aunt',
      channel: 'email',
      email: carerEmail,
      phone: null,
      purpose: s('Their aunt brings them to activities'),
    },
    trustedAdults: [{ userId: practitioner.user.id, relationship: TrustedAdultRelationship.SocialWorker }],
    decidesForThemselves: true,
    placedOutOfArea: true,
    placementAuthority: s('Wyndlemere Council'),
  });
  const youngPersonId = yp.id;
  // One of the team's categories on their record: the link goes, the list's entry stays.
  const [category]: { id: string }[] = await db.query(
    `INSERT INTO young_people_categories (name) VALUES ($1) RETURNING id`,
    [`Young carer ${tag}`],
  );
  await db.query(`INSERT INTO young_person_categories (young_person_id, category_id) VALUES ($1, $2)`, [
    youngPersonId,
    category.id,
  ]);
  const client = await t.signInAs(Role.YoungExpert, {
    displayName: name,
    email: `account.${tag.toLowerCase()}@young.example`,
    youngPersonId,
  });

  // Groups, a session and its register.
  const group = await createGroup(officer, { minAge: 10, maxAge: 25 });
  const joined = await officer.post(`/api/groups/${group.id}/members`, {
    youngPersonId,
    joinedOn: addDays(today, -30),
    role: 'member',
  });
  ok(joined.status, 201, 'join group', joined.body);
  const [session]: { id: string }[] = await db.query(
    `INSERT INTO group_sessions (group_id, starts_at, ends_at) VALUES ($1, now() - interval '7 days',
       now() - interval '7 days' + interval '1 hour') RETURNING id`,
    [group.id],
  );
  await db.query(
    `INSERT INTO attendance (session_id, young_person_id, status, recorded_by) VALUES ($1, $2, 'present', $3)`,
    [session.id, youngPersonId, officer.user.id],
  );

  // Invitations: one handed over (counts as invited), one by email still to be sent (pending mail),
  // one to their review with their name in the title.
  const past = await planActivity(officer, { title: 'Bowling' });
  const future = await planActivity(officer, { title: 'Go-karting', date: addDays(today, 20) });
  const handed = await officer.post('/api/invitations', {
    target: { kind: 'activity_day', id: past.body.id },
    invitees: [{ youngPersonId, channel: InvitationChannel.InPerson }],
  });
  ok(handed.status, 201, 'invite in person', handed.body);
  const delivered = await officer.post(`/api/invitations/${handed.body.created[0].id}/delivered`, {});
  ok(delivered.status, 200, 'delivered', delivered.body);
  const byEmail = await officer.post('/api/invitations', {
    target: { kind: 'activity_day', id: future.body.id },
    invitees: [{ youngPersonId, channel: InvitationChannel.Email }],
  });
  ok(byEmail.status, 201, 'invite by email', byEmail.body);
  const sent = await officer.post(`/api/invitations/${byEmail.body.created[0].id}/send`, {});
  ok(sent.status, 200, 'send by email', sent.body);
  await db.query(
    `INSERT INTO mail_outbox (kind, to_address, subject, text_body, related_type, related_id)
     VALUES ('invitation', $1, $2, $3, 'invitation', $4)`,
    [
      email,
      s('You are invited, Quillon'),
      s('Hello Quillon, come to go-karting'),
      byEmail.body.created[0].id,
    ],
  );
  await db.query(
    `INSERT INTO mail_outbox (kind, to_address, subject, text_body, status, sent_at)
     VALUES ('invitation_parent_carer', $1, $2, NULL, 'sent', now())`,
    [carerEmail, s('Quillon is invited')],
  );

  // Consents: quotes through their own choices, and one withdrawn with a reason in words.
  const chose = await client.patch('/api/me/choices', { quoteConsent: true, quotesNamed: true });
  ok(chose.status, 200, 'choices', chose.body);
  const photo = await officer.post(`/api/young-people/${youngPersonId}/consents`, {
    purpose: 'photos_video',
    givenBy: 'young_person',
    method: 'verbal',
    wording: 'You may take photos of me at activities.',
    givenOn: addDays(today, -10),
    scope: 'standing',
    activityId: null,
    expiresOn: null,
  });
  ok(photo.status, 201, 'photo consent', photo.body);
  const withdrawn = await officer.post(`/api/consents/${photo.body.id}/withdraw`, {
    reason: s('Their uncle Tobias must not see pictures'),
  });
  ok(withdrawn.status, 200, 'withdraw consent', withdrawn.body);

  // An evaluation with two text answers: one later published anonymously, one private.
  const toolVersionId = await reviewLetterVersion(officer);
  const round = await officer.post('/api/evaluation-rounds', {
    toolVersionId,
    title: 'The review letter round',
    opensOn: addDays(today, -1),
    closesOn: addDays(today, 14),
    audience: 'named',
    youngPersonIds: [youngPersonId],
  });
  ok(round.status, 201, 'round', round.body);
  const publishedAnswer = kept('The big friendly font helped');
  const answered = await client
    .post(`/api/me/rounds/${round.body.id}/evaluations`)
    .set('Idempotency-Key', randomUUID())
    .send({
      answers: [
        { questionKey: 'liked', text: publishedAnswer },
        { questionKey: 'change', text: s('My foster carer Priya read it to me') },
      ],
    });
  ok(answered.status, 201, 'evaluation', answered.body);
  const [liked]: { id: string; evaluationId: string }[] = await db.query(
    `SELECT a.id, a.evaluation_id AS "evaluationId" FROM evaluation_answers a JOIN evaluations e ON e.id = a.evaluation_id
      WHERE e.young_person_id = $1 AND a.question_key = 'liked'`,
    [youngPersonId],
  );
  await db.query(
    `INSERT INTO evaluation_quotes (answer_id, evaluation_id, state, chosen_by, chosen_at, published_by, published_at,
                                    published_where, published_named)
     VALUES ($1, $2, 'published', $3, now(), $3, now(), 'Family Feedback Report', true)`,
    [liked.id, liked.evaluationId, officer.user.id],
  );
  await db.query(`UPDATE evaluations SET helped_by = $2 WHERE young_person_id = $1`, [
    youngPersonId,
    s('Helped by Nan Odalys'),
  ]);

  // Requests from their own pages, a worry, and an enrolment code not yet used.
  const oneToOne = await client.post('/api/me/one-to-one-requests', {
    about: s('Moving to Harrowgate flat'),
  });
  ok(oneToOne.status, 201, 'one-to-one', oneToOne.body);
  const deletion = await client.post('/api/me/deletion-requests', {
    what: s('The photo at Ravensholme bowling'),
  });
  ok(deletion.status, 201, 'deletion request', deletion.body);
  const worry = await client.post('/api/me/worries', { words: s('Someone at Fenwick Court frightens me') });
  ok(worry.status, 201, 'worry', worry.body);
  await db.query(
    `INSERT INTO enrolment_codes (code_hash, young_person_id, issued_by, issued_at, expires_at)
     VALUES ($1, $2, $3, now(), now() + interval '7 days')`,
    ['e'.repeat(64), youngPersonId, officer.user.id],
  );
  await db.query(
    `INSERT INTO passkeys (user_id, credential_id, public_key, label, created_at) VALUES ($1, $2, $3, $4, now())`,
    [client.user.id, `cred-${tag}`, Buffer.from('key'), s('Quillon phone')],
  );
  await db.query(`INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES ($1, $2, now())`, [
    client.user.id,
    'r'.repeat(64),
  ]);

  // The action log: an item they spoke in, a quote kept private and one on the public board, a
  // rating of the answer with a comment, and telling them what happened.
  const item = await insertItem(db, {
    words: 'Staff summary about review letters',
    youngWords: s('Letters should not say Quillon is in care'),
    speakers: [youngPersonId],
    createdBy: officer.user.id,
  });
  const action = await insertAction(db, [item], { createdBy: officer.user.id });
  await db.query(`UPDATE action_answers SET published_at = now(), published_by = $2 WHERE item_id = $1`, [
    item,
    officer.user.id,
  ]);
  const boardQuote = kept('I read the letter three times');
  const onBoard = await insertQuote(db, item, {
    words: boardQuote,
    youngPersonId,
    createdBy: officer.user.id,
  });
  await db.query(
    `INSERT INTO board_quotes (action_id, item_id, quote_id, published_by) VALUES ($1, $2, $3, $4)`,
    [action, item, onBoard, officer.user.id],
  );
  const privateQuote = await insertQuote(db, item, {
    words: s('Quillon from Thistlewood said this'),
    youngPersonId,
    createdBy: officer.user.id,
  });
  await db.query(
    `INSERT INTO board_quotes (action_id, item_id, quote_id, published_by, taken_off_at, taken_off_why)
     VALUES ($1, $2, $3, $4, now(), 'unpublished')`,
    [action, item, privateQuote, officer.user.id],
  );
  await db.query(
    `INSERT INTO response_ratings (item_id, young_person_id, rating, comment) VALUES ($1, $2, 4, $3)`,
    [item, youngPersonId, s('Better, but Mr Okonkwo still forgets')],
  );
  // A pledge they gave their verdict on, in their own words.
  const [{ id: theme }]: { id: string }[] = await db.query(
    `INSERT INTO action_log_themes (name) VALUES ($1) RETURNING id`,
    [`Keeping in touch ${randomUUID().slice(0, 8)}`],
  );
  const [{ id: pledge }]: { id: string }[] = await db.query(
    `INSERT INTO pledges (made_by, role, forum, made_on, words, theme_id, target_date, update_every_days,
        next_update_due, remind_on, status, recorded_by, confirmed_at)
     VALUES ($1, 'Head of Service', 'Managers forum', CURRENT_DATE, 'We will answer every email within a week',
        $2, CURRENT_DATE + 90, 30,
        CURRENT_DATE + 30, CURRENT_DATE + 23, 'active', $1, now())
     RETURNING id`,
    [officer.user.id, theme],
  );
  await db.query(
    `INSERT INTO pledge_verdicts (pledge_id, source, young_person_id, verdict, words, recorded_by)
     VALUES ($1, 'young_expert', $2, 'partly', $3, $4)`,
    [pledge, youngPersonId, s('Quillon still waits a fortnight'), officer.user.id],
  );
  // A comment on a voice plan while it was with young people, with the officer's reply.
  const [{ id: plan }]: { id: string }[] = await db.query(
    `INSERT INTO voice_plans (year, period_from, period_to, created_by)
     SELECT y, make_date(y, 4, 1), make_date(y + 1, 3, 31), $1
       FROM (SELECT coalesce(max(year), 2079) + 1 AS y FROM voice_plans) n
     RETURNING id`,
    [officer.user.id],
  );
  const [{ id: planVersion }]: { id: string }[] = await db.query(
    `INSERT INTO plan_versions (plan_id, status, created_by) VALUES ($1, 'scrutiny', $2) RETURNING id`,
    [plan, officer.user.id],
  );
  await db.query(
    `INSERT INTO plan_comments (version_id, section_key, young_person_id, words, reply, replied_by, replied_at)
     VALUES ($1, 'commitments', $2, $3, 'We added a date to every promise.', $4, now())`,
    [planVersion, youngPersonId, s('Quillon wants answers by Friday'), officer.user.id],
  );
  await db.query(
    `INSERT INTO loop_tellings (item_id, action_id, action_status, message, channel, young_person_id, told_by)
     VALUES ($1, $2, 'done', $3, 'in_person', $4, $5)`,
    [item, action, s('Told Quillon at the Larkspur drop-in'), youngPersonId, officer.user.id],
  );

  return {
    youngPersonId,
    userId: client.user.id,
    client,
    publishedAnswer,
    boardQuote,
    secrets: [name, email, carerEmail, client.user.email, '07700 900417', dateOfBirth, ...written],
  };
}

/**
 * Every row of every table, as text, that contains `needle` (case-insensitive). A row cast to text
 * holds every column, so no table or column can be missed.
 */
export async function whereItAppears(db: DataSource, needle: string): Promise<string[]> {
  const tables: { name: string }[] = await db.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const [{ n }]: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM "${name}" r WHERE strpos(lower(r::text), lower($1)) > 0`,
      [needle],
    );
    if (n > 0) found.push(`${name} (${n})`);
  }
  return found;
}

/** Every row of every table, ordered, for proving a second run changes nothing. */
export async function wholeDatabase(db: DataSource): Promise<Record<string, string[]>> {
  const tables: { name: string }[] = await db.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const all: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows: { r: string }[] = await db.query(`SELECT r::text AS r FROM "${name}" r ORDER BY 1`);
    all[name] = rows.map((x) => x.r);
  }
  return all;
}
