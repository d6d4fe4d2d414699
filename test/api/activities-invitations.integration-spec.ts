import {
  ActivityDayRequest,
  AuditAction,
  ConsentGiver,
  ConsentMethod,
  ConsentPurpose,
  InvitationChannel,
  ConsentRecordRequest,
  InvitationCreateRequest,
  Role,
  ServiceExperienceKind,
  TrustedAdultRelationship,
  addDays,
  todayInLondon,
} from '@heard/domain';
import { ReminderJob } from '@heard/api/app/invitations/reminder.job';
import { InvitationNotifier } from '@heard/api/app/invitations/invitation-notifier';
import { AuditEvent } from '@heard/api/platform/audit/audit-event.entity';
import { MailMessage } from '@heard/api/platform/mail/mail-message.entity';
import { createGroup, createYoungPerson, dateOfBirthForAge } from './support/factories';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();
const inTwoWeeks = addDays(today, 14);

function activityRequest(overrides: Partial<ActivityDayRequest> = {}): ActivityDayRequest {
  return {
    title: 'Bowling and pizza',
    date: inTwoWeeks,
    startTime: '13:00',
    endTime: '16:00',
    venue: 'Lanes Bowling, High Street',
    accessibility: 'Step-free entrance; quiet room available.',
    capacity: 2,
    cohort: { minAge: 10, maxAge: 17, serviceExperiences: [], groupIds: [] },
    professionals: 'Two reviewing officers',
    budgetPence: 25000,
    transport: 'Minibus from the civic centre at 12:30',
    agenda: 'Try the new "My plan" booklet',
    requiredConsents: [ConsentPurpose.TakingPart],
    reminderDaysBefore: 2,
    ...overrides,
  };
}

const emailContact = (email: string) => ({
  email,
  phone: null,
  whatsapp: null,
  letter: null,
  onlyViaTrustedAdult: false,
});

/** The personal link in the emails about an invitation, as the young person would follow it. */
async function tokenFromMail(t: TestApp, invitationId: string): Promise<string> {
  const mails = await t.db
    .getRepository(MailMessage)
    .find({ where: { relatedType: 'invitation', relatedId: invitationId }, order: { createdAt: 'DESC' } });
  for (const mail of mails) {
    const match = /\/rsvp\/([A-Za-z0-9_.-]+)/.exec(mail.textBody ?? '');
    if (match) return match[1];
  }
  throw new Error(`No link in any of ${mails.length} emails about ${invitationId}`);
}

describe('activity days, invitations and consent', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let practitioner: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    practitioner = await t.signInAs(Role.Practitioner);
  });
  afterAll(() => t.close());

  async function planActivity(overrides: Partial<ActivityDayRequest> = {}): Promise<{ id: string }> {
    const res = await officer.post('/api/activities', activityRequest(overrides));
    expect(res.status).toBe(201);
    return res.body;
  }

  async function invite(body: InvitationCreateRequest) {
    return officer.post('/api/invitations', body);
  }

  describe('planning', () => {
    it('should plan an activity day with its cohort, consents and budget, and list it', async () => {
      const group = await createGroup(officer, { minAge: 10, maxAge: 17 });
      const res = await officer.post(
        '/api/activities',
        activityRequest({ cohort: { minAge: 11, maxAge: 15, serviceExperiences: [], groupIds: [group.id] } }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        title: 'Bowling and pizza',
        date: inTwoWeeks,
        capacity: 2,
        status: 'planned',
        requiredConsents: ['taking_part'],
        cohortGroups: [{ id: group.id, name: group.name }],
        counts: { invited: 0, accepted: 0, waitlisted: 0, attended: 0 },
      });
      const list = await officer.get(`/api/activities?from=${today}`);
      expect(list.body.items.map((a: { id: string }) => a.id)).toContain(res.body.id);
    });

    it.each([
      ['an end before the start', { startTime: '16:00', endTime: '13:00' }, 'endTime'],
      ['a date in the past', { date: addDays(today, -1) }, 'date'],
      ['a title too long', { title: 'x'.repeat(121) }, 'title'],
      ['an unknown consent', { requiredConsents: ['tattoos'] }, 'requiredConsents.0'],
      ['photo consent as needed to come', { requiredConsents: ['photos_video'] }, 'requiredConsents.0'],
      [
        'quote consent as needed to come',
        { requiredConsents: ['taking_part', 'quotes'] },
        'requiredConsents.1',
      ],
      [
        'a youngest age below 10',
        { cohort: { minAge: 9, maxAge: 12, serviceExperiences: [], groupIds: [] } },
        'cohort.minAge',
      ],
      [
        'an age range upside down',
        { cohort: { minAge: 16, maxAge: 12, serviceExperiences: [], groupIds: [] } },
        'cohort.maxAge',
      ],
      [
        'an unknown group',
        {
          cohort: {
            minAge: 10,
            maxAge: 12,
            serviceExperiences: [],
            groupIds: ['00000000-0000-4000-8000-000000000000'],
          },
        },
        'cohort.groupIds.0',
      ],
      ['an unknown field', { colour: 'blue' }, 'colour'],
    ])('should refuse %s, naming the field, and write nothing', async (_label, overrides, field) => {
      const before = await countRows(t.db, 'activity_days');
      const res = await officer.post('/api/activities', { ...activityRequest(), ...overrides });
      expectProblem(res, 400);
      expect(Object.keys(res.body.errors)).toContain(field);
      expect(await countRows(t.db, 'activity_days')).toBe(before);
    });

    it('should refuse a missing body, a body over the size limit, and anyone but an officer', async () => {
      expectProblem(await officer.post('/api/activities', {}), 400);
      const huge = await officer.post('/api/activities', activityRequest({ agenda: 'x'.repeat(2_000_000) }));
      expect(huge.status).toBe(413);
      expect(huge.headers['content-type']).toMatch(/application\/problem\+json/);
      expectProblem(await practitioner.post('/api/activities', activityRequest()), 403);
      expectProblem(await t.anonymous().get('/api/activities'), 401);
      expectProblem(await officer.get('/api/activities/not-a-uuid'), 404);
    });
  });

  describe('invitations and answers', () => {
    it('should suggest the cohort, offer a one-to-one to those who prefer it, and say why others are left out', async () => {
      const activity = await planActivity({
        cohort: { minAge: 13, maxAge: 15, serviceExperiences: [], groupIds: [] },
      });
      const fits = await createYoungPerson(officer, {
        preferredName: 'Suggest Fits',
        dateOfBirth: dateOfBirthForAge(14),
        contact: emailContact('fits@young.example'),
      });
      const prefersOne = await createYoungPerson(officer, {
        preferredName: 'Suggest Quiet',
        dateOfBirth: dateOfBirthForAge(14),
        participationPreference: 'one_to_one',
      });
      const viaAdult = await createYoungPerson(officer, {
        preferredName: 'Suggest Via Adult',
        dateOfBirth: dateOfBirthForAge(13),
        trustedAdults: [
          { userId: practitioner.user.id, relationship: TrustedAdultRelationship.SocialWorker },
        ],
        contact: { ...emailContact('hidden@young.example'), onlyViaTrustedAdult: true },
      });
      const tooOld = await createYoungPerson(officer, {
        preferredName: 'Suggest Older',
        dateOfBirth: dateOfBirthForAge(19),
      });

      const res = await officer.get(`/api/activities/${activity.id}/suggestions?q=suggest%20older`);
      expect(res.status).toBe(200);
      const suggested = res.body.suggested as {
        youngPerson: { id: string };
        channel: string;
        viaTrustedAdult: { id: string } | null;
      }[];
      // Each comes with the only channels to offer them: the ones they agreed to, best first.
      expect(suggested.find((s) => s.youngPerson.id === fits.id)).toMatchObject({
        channel: InvitationChannel.Email,
        channels: [InvitationChannel.Email, InvitationChannel.InPerson],
        viaTrustedAdult: null,
      });
      expect(suggested.find((s) => s.youngPerson.id === viaAdult.id)).toMatchObject({
        viaTrustedAdult: { id: practitioner.user.id },
        channels: [InvitationChannel.Letter, InvitationChannel.InPerson],
      });
      expect(suggested.find((s) => s.youngPerson.id === viaAdult.id)?.channel).not.toBe('email');
      expect(res.body.offerOneToOne.map((o: { youngPerson: { id: string } }) => o.youngPerson.id)).toContain(
        prefersOne.id,
      );
      const older = res.body.notSuggested.find(
        (n: { youngPerson: { id: string } }) => n.youngPerson.id === tooOld.id,
      );
      expect(older.reason).toMatch(/19/);
      expect(older.channels).toEqual([InvitationChannel.InPerson]);
      expectProblem(await officer.get(`/api/activities/${activity.id}/suggestions?colour=red`), 400);
    });

    it('should invite by email through the outbox, let the young person answer by link, and fill the waiting list', async () => {
      const activity = await planActivity({ capacity: 1 });
      const ana = await createYoungPerson(officer, {
        preferredName: 'Ana Example',
        contact: emailContact('ana@young.example'),
      });
      const ben = await createYoungPerson(officer, {
        preferredName: 'Ben Example',
        contact: emailContact('ben@young.example'),
      });
      const res = await invite({
        target: { kind: 'activity_day', id: activity.id },
        invitees: [
          { youngPersonId: ana.id, channel: InvitationChannel.Email },
          { youngPersonId: ben.id, channel: InvitationChannel.Email },
        ],
      });
      expect(res.status).toBe(201);
      const [anaInvite, benInvite] = res.body.created as {
        id: string;
        status: string;
        mail: { status: string };
      }[];
      expect(anaInvite).toMatchObject({ status: 'sent', mail: { status: 'pending' } });
      const mail = await t.db.getRepository(MailMessage).findOneByOrFail({ relatedId: anaInvite.id });
      expect(mail).toMatchObject({
        toAddress: 'ana@young.example',
        subject: 'You are invited: Bowling and pizza',
      });
      expect(mail.textBody).toMatch(/^Hi Ana,/);
      expect(mail.htmlBody).toMatch(/Say yes or no/);

      const anaToken = await tokenFromMail(t, anaInvite.id);
      const page = await t.anonymous().get(`/api/rsvp/${anaToken}`);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({
        firstName: 'Ana',
        title: 'Bowling and pizza',
        answer: null,
        canStillChange: true,
      });

      const yes = await t.anonymous().post(`/api/rsvp/${anaToken}`).send({ answer: 'yes' });
      expect(yes.status).toBe(200);
      expect(yes.body).toMatchObject({ answer: 'yes' });

      // Full: Ben goes on the waiting list and is told where he is.
      const benToken = await tokenFromMail(t, benInvite.id);
      const benYes = await t.anonymous().post(`/api/rsvp/${benToken}`).send({ answer: 'yes' });
      expect(benYes.body).toMatchObject({ answer: 'waiting_list', waitingListPosition: 1 });

      // Ana says no: Ben moves up and gets a "place free" email.
      const anaNo = await t
        .anonymous()
        .post(`/api/rsvp/${anaToken}`)
        .send({ answer: 'no', reason: 'Football match' });
      expect(anaNo.body).toMatchObject({ answer: 'no', canStillChange: true });
      expect((await t.anonymous().get(`/api/rsvp/${benToken}`)).body).toMatchObject({ answer: 'yes' });
      const placeFree = await t.db
        .getRepository(MailMessage)
        .findOneByOrFail({ relatedId: benInvite.id, kind: 'young_person_place_free' });
      expect(placeFree.subject).toMatch(/A place is free/);

      const funnel = await officer.get(`/api/activities/${activity.id}/funnel`);
      expect(funnel.body).toMatchObject({ invited: 2, accepted: 1, attended: 0, declined: 1 });
      expect(funnel.body.declineReasons).toEqual([{ reason: 'Football match', count: 1 }]);
    });

    it('should move the longest-waiting up, and tell them, when the capacity is raised', async () => {
      const activity = await planActivity({ capacity: 1 });
      const names = ['Oona Example', 'Pip Example', 'Quin Example', 'Rae Example'];
      const people = [];
      for (const name of names)
        people.push(
          await createYoungPerson(officer, {
            preferredName: name,
            contact: emailContact(`${name.split(' ')[0].toLowerCase()}@young.example`),
          }),
        );
      const created = (
        await invite({
          target: { kind: 'activity_day', id: activity.id },
          invitees: people.map((p) => ({ youngPersonId: p.id, channel: InvitationChannel.Email })),
        })
      ).body.created as { id: string }[];
      // Oona takes the one place; Pip, Quin and Rae wait, in the order they answered.
      for (const inv of created)
        expect((await officer.post(`/api/invitations/${inv.id}/answer`, { answer: 'yes' })).status).toBe(200);
      const statuses = async () =>
        (
          (await officer.get(`/api/activities/${activity.id}/invitations`)).body as {
            status: string;
            youngPerson: { preferredName: string };
          }[]
        ).map((i) => [i.youngPerson.preferredName, i.status]);
      expect(await statuses()).toEqual([
        ['Oona Example', 'accepted'],
        ['Pip Example', 'waitlisted'],
        ['Quin Example', 'waitlisted'],
        ['Rae Example', 'waitlisted'],
      ]);

      const raised = await officer.put(`/api/activities/${activity.id}`, activityRequest({ capacity: 3 }));
      expect(raised.status).toBe(200);
      expect(raised.body.counts).toMatchObject({ accepted: 3, waitlisted: 1 });
      expect(await statuses()).toEqual([
        ['Oona Example', 'accepted'],
        ['Pip Example', 'accepted'],
        ['Quin Example', 'accepted'],
        ['Rae Example', 'waitlisted'],
      ]);
      const placeFree = await t.db
        .getRepository(MailMessage)
        .find({ where: { kind: 'young_person_place_free' }, order: { toAddress: 'ASC' } });
      const told = placeFree
        .filter((m) => created.some((c) => c.id === m.relatedId))
        .map((m) => [m.toAddress, m.subject]);
      expect(told).toEqual([
        ['pip@young.example', expect.stringMatching(/A place is free/)],
        ['quin@young.example', expect.stringMatching(/A place is free/)],
      ]);

      // No limit at all: everyone still waiting comes.
      await officer.put(`/api/activities/${activity.id}`, activityRequest({ capacity: null }));
      expect((await statuses()).map(([, status]) => status)).toEqual([
        'accepted',
        'accepted',
        'accepted',
        'accepted',
      ]);
    });

    it('should refuse a tampered, unknown or withdrawn link with a kind 404, and an answer after the day', async () => {
      const activity = await planActivity({ capacity: null });
      const cal = await createYoungPerson(officer, {
        preferredName: 'Cal',
        contact: emailContact('cal@young.example'),
      });
      const created = await invite({
        target: { kind: 'activity_day', id: activity.id },
        invitees: [{ youngPersonId: cal.id, channel: InvitationChannel.Email }],
      });
      const invitationId = created.body.created[0].id as string;
      const token = await tokenFromMail(t, invitationId);
      const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
      for (const bad of [tampered, 'nonsense', `${token}.extra`, 'x'.repeat(200)]) {
        const res = await t.anonymous().get(`/api/rsvp/${encodeURIComponent(bad)}`);
        expectProblem(res, 404);
        expect(res.body.detail).toMatch(/This link does not work/);
      }
      expectProblem(await t.anonymous().post(`/api/rsvp/${token}`).send({ answer: 'maybe' }), 400);
      expectProblem(await t.anonymous().post(`/api/rsvp/${token}`).send({}), 400);

      await t.db.query(`UPDATE invitations SET event_date = $2 WHERE id = $1`, [
        invitationId,
        addDays(today, -1),
      ]);
      const late = await t.anonymous().post(`/api/rsvp/${token}`).send({ answer: 'yes' });
      expectProblem(late, 409);
      expect(late.body.detail).toMatch(/day has passed/);
      await t.db.query(`UPDATE invitations SET event_date = $2 WHERE id = $1`, [invitationId, inTwoWeeks]);

      expect(
        (await officer.post(`/api/invitations/${invitationId}/withdraw`, { reason: 'Moved away' })).status,
      ).toBe(200);
      const withdrawn = await t.anonymous().get(`/api/rsvp/${token}`);
      expectProblem(withdrawn, 404);
      expect(withdrawn.body.detail).toMatch(/taken back/);
      const statusBefore = (
        await t.db.query(`SELECT status FROM invitations WHERE id = $1`, [invitationId])
      )[0].status;
      expectProblem(await t.anonymous().post(`/api/rsvp/${token}`).send({ answer: 'yes' }), 404);
      expect(
        (await t.db.query(`SELECT status FROM invitations WHERE id = $1`, [invitationId]))[0].status,
      ).toBe(statusBefore);
    });

    it('should refuse, all or nothing, a channel not agreed, someone outside the cohort without a reason, and a duplicate', async () => {
      const activity = await planActivity({
        cohort: { minAge: 13, maxAge: 15, serviceExperiences: [], groupIds: [] },
      });
      const noEmail = await createYoungPerson(officer, {
        preferredName: 'Dee',
        dateOfBirth: dateOfBirthForAge(14),
      });
      const onlyAdult = await createYoungPerson(officer, {
        preferredName: 'Eve',
        dateOfBirth: dateOfBirthForAge(14),
        contact: { ...emailContact('eve@young.example'), onlyViaTrustedAdult: true },
      });
      const older = await createYoungPerson(officer, {
        preferredName: 'Fin',
        dateOfBirth: dateOfBirthForAge(17),
      });
      const before = await countRows(t.db, 'invitations');
      const mailBefore = await countRows(t.db, 'mail_outbox');

      const refused = await invite({
        target: { kind: 'activity_day', id: activity.id },
        invitees: [
          { youngPersonId: noEmail.id, channel: InvitationChannel.Email },
          { youngPersonId: onlyAdult.id, channel: InvitationChannel.Email },
          { youngPersonId: older.id, channel: InvitationChannel.InPerson },
        ],
      });
      expectProblem(refused, 400);
      // Each message is said once: the field path names who, and pages put the name in front.
      expect(refused.body.errors['invitees.0.channel']).toEqual([
        'They have not agreed to email: add their email address first.',
      ]);
      expect(refused.body.errors['invitees.1.channel']).toEqual([
        'They are only contacted through a trusted adult: choose one of their trusted adults to hand it over.',
      ]);
      expect(refused.body.errors['invitees.2.youngPersonId']).toEqual([
        'Outside who this is for: They are 17; this is for ages 13 to 15. Give a reason to invite them anyway.',
      ]);
      expect(await countRows(t.db, 'invitations')).toBe(before);
      expect(await countRows(t.db, 'mail_outbox')).toBe(mailBefore);

      const unlinked = await invite({
        target: { kind: 'activity_day', id: activity.id },
        invitees: [
          {
            youngPersonId: onlyAdult.id,
            channel: InvitationChannel.InPerson,
            viaTrustedAdultId: practitioner.user.id,
          },
        ],
      });
      expectProblem(unlinked, 400);
      expect(unlinked.body.errors['invitees.0.viaTrustedAdultId'][0]).toMatch(/not linked/);

      // With a reason the officer may invite someone outside the cohort; it is flagged and audited.
      const allowed = await invite({
        target: { kind: 'activity_day', id: activity.id },
        invitees: [{ youngPersonId: older.id, channel: InvitationChannel.InPerson }],
        outsideCohortReason: 'Helping the younger ones as a peer mentor',
      });
      expect(allowed.status).toBe(201);
      expect(allowed.body.created[0]).toMatchObject({
        outsideCohort: true,
        outsideCohortReason: 'Helping the younger ones as a peer mentor',
        // In person: nobody has told them yet, so it is not counted as invited until someone has.
        status: 'to_deliver',
      });
      const override = await t.db
        .getRepository(AuditEvent)
        .findOneByOrFail({ entityId: allowed.body.created[0].id, action: AuditAction.Override });
      expect(override.detail).toMatchObject({ outsideCohort: true });

      const again = await invite({
        target: { kind: 'activity_day', id: activity.id },
        invitees: [{ youngPersonId: older.id, channel: InvitationChannel.InPerson }],
        outsideCohortReason: 'Still a peer mentor',
      });
      expectProblem(again, 409);
      expect(again.body.errors['invitees.0.youngPersonId'][0]).toMatch(/already invited/);

      for (const bad of [
        {},
        { target: { kind: 'activity_day', id: activity.id }, invitees: [] },
        {
          target: { kind: 'party', id: activity.id },
          invitees: [{ youngPersonId: older.id, channel: InvitationChannel.Email }],
        },
        {
          target: { kind: 'activity_day', id: activity.id },
          invitees: [{ youngPersonId: older.id, channel: 'carrier_pigeon' }],
        },
        {
          target: { kind: 'activity_day', id: activity.id },
          invitees: Array.from({ length: 201 }, () => ({
            youngPersonId: older.id,
            channel: InvitationChannel.Email,
          })),
        },
      ]) {
        expectProblem(await officer.post('/api/invitations', bad), 400);
      }
      expectProblem(
        await invite({
          target: { kind: 'activity_day', id: '00000000-0000-4000-8000-000000000000' },
          invitees: [{ youngPersonId: older.id, channel: InvitationChannel.InPerson }],
        }),
        404,
      );
      expectProblem(
        await practitioner.post('/api/invitations', {
          target: { kind: 'activity_day', id: activity.id },
          invitees: [{ youngPersonId: older.id, channel: InvitationChannel.InPerson }],
        }),
        403,
      );
      expect(await countRows(t.db, 'invitations')).toBe(before + 1);
    });

    it('should put hand-overs on the trusted adult’s list, print the letter, and record the hand-over', async () => {
      const activity = await planActivity({ capacity: null });
      const gus = await createYoungPerson(officer, {
        preferredName: 'Gus',
        trustedAdults: [
          { userId: practitioner.user.id, relationship: TrustedAdultRelationship.SocialWorker },
        ],
        contact: { ...emailContact('gus@young.example'), onlyViaTrustedAdult: true },
      });
      const created = await invite({
        target: { kind: 'activity_day', id: activity.id },
        invitees: [
          {
            youngPersonId: gus.id,
            channel: InvitationChannel.Letter,
            viaTrustedAdultId: practitioner.user.id,
          },
        ],
      });
      expect(created.status).toBe(201);
      const id = created.body.created[0].id as string;
      // Only via a trusted adult: Heard sends Gus nothing itself.
      expect(await t.db.getRepository(MailMessage).countBy({ relatedId: id })).toBe(0);

      const list = await practitioner.get('/api/handover');
      expect(list.status).toBe(200);
      expect(list.body).toEqual([
        expect.objectContaining({
          invitationId: id,
          youngPerson: { id: gus.id, preferredName: 'Gus' },
          letterUrl: `/api/invitations/${id}/letter`,
          handedOverAt: null,
        }),
      ]);

      const letter = await practitioner.get(`/api/invitations/${id}/letter`).buffer(true);
      expect(letter.status).toBe(200);
      expect(letter.headers['content-type']).toBe('application/pdf');
      expect(
        Buffer.from(letter.body as Buffer)
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');

      const other = await t.signInAs(Role.Practitioner);
      expectProblem(await other.get(`/api/invitations/${id}/letter`), 404);
      expectProblem(await other.post(`/api/invitations/${id}/handed-over`, {}), 404);
      expect(await other.get('/api/handover').then((r) => r.body)).toEqual([]);

      const handed = await practitioner.post(`/api/invitations/${id}/handed-over`, {});
      expect(handed.status).toBe(200);
      expect(handed.body).toMatchObject({ status: 'handed_over' });
      expect(handed.body.handedOverAt).toEqual(expect.any(String));
      expectProblem(await practitioner.post(`/api/invitations/${id}/handed-over`, { note: 'x' }), 400);
    });

    it('should tell invitees when an activity moves or is cancelled, and remind those coming', async () => {
      const activity = await planActivity({ capacity: null, date: addDays(today, 5), reminderDaysBefore: 2 });
      const hal = await createYoungPerson(officer, {
        preferredName: 'Hal',
        contact: emailContact('hal@young.example'),
      });
      const created = await invite({
        target: { kind: 'activity_day', id: activity.id },
        invitees: [{ youngPersonId: hal.id, channel: InvitationChannel.Email }],
      });
      const id = created.body.created[0].id as string;
      await officer.post(`/api/invitations/${id}/answer`, { answer: 'yes' });
      const ivo = await createYoungPerson(officer, {
        preferredName: 'Ivo',
        contact: { ...emailContact('ivo@young.example'), email: null, phone: '07700 900456' },
      });
      const ivoInvited = await invite({
        target: { kind: 'activity_day', id: activity.id },
        invitees: [{ youngPersonId: ivo.id, channel: InvitationChannel.Phone }],
      });
      expect(ivoInvited.status).toBe(201);
      const ivoId = ivoInvited.body.created[0].id as string;
      // A phone invitation is to deliver until the officer records the call.
      expect(ivoInvited.body.created[0].status).toBe('to_deliver');
      const delivered = await officer.post(`/api/invitations/${ivoId}/delivered`, {});
      expect(delivered.status).toBe(200);
      expect(delivered.body).toMatchObject({ status: 'sent', deliveredAt: expect.any(String) });

      const reminders = t.app.get(ReminderJob);
      expect(await reminders.runOnce()).toBe(0); // five days away, reminders two days before
      const moved = await officer.post(`/api/activities/${activity.id}/move`, {
        date: addDays(today, 1),
        startTime: '10:00',
        endTime: '12:00',
        reason: 'The lanes were double-booked',
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ date: addDays(today, 1), startTime: '10:00' });
      const movedMail = await t.db
        .getRepository(MailMessage)
        .findOneByOrFail({ relatedId: id, kind: 'young_person_moved' });
      expect(movedMail.textBody).toMatch(/double-booked/);
      // Heard cannot phone Ivo: the officer who moved it is asked to, with the number.
      const byHand = await t.db
        .getRepository(MailMessage)
        .findOneByOrFail({ relatedId: activity.id, kind: 'officer_tell_by_hand' });
      expect(byHand.toAddress).toBe(officer.user.email);
      expect(byHand.subject).toBe('Please tell 1 young person: Bowling and pizza');
      expect(byHand.textBody).toMatch(/- Ivo: invited by phone call \(07700 900456\)/);
      expect(byHand.textBody).not.toMatch(/Hal/);
      // …and Ivo waits on the officers' "tell by hand" list until someone records they told him.
      const list = await officer.get('/api/invitations/by-hand');
      expect(list.status).toBe(200);
      expect(list.body.toTell.map((i: { id: string; toTell: string }) => [i.id, i.toTell])).toEqual([
        [ivoId, 'moved'],
      ]);
      expect((await officer.post(`/api/invitations/${ivoId}/told`, {})).body.toTell).toBeNull();
      expect((await officer.get('/api/invitations/by-hand')).body.toTell).toEqual([]);
      expectProblem(await officer.post(`/api/invitations/${ivoId}/told`, {}), 409);
      expect(await reminders.runOnce()).toBe(1);
      expect(await reminders.runOnce()).toBe(0);
      expect(
        await t.db.getRepository(MailMessage).countBy({ relatedId: id, kind: 'young_person_reminder' }),
      ).toBe(1);

      expectProblem(await officer.post(`/api/activities/${activity.id}/cancel`, {}), 400);
      const cancelled = await officer.post(`/api/activities/${activity.id}/cancel`, {
        reason: 'Storm warning',
      });
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Storm warning' });
      expect(
        await t.db.getRepository(MailMessage).countBy({ relatedId: id, kind: 'young_person_cancelled' }),
      ).toBe(1);
      const token = await tokenFromMail(t, id);
      expect((await t.anonymous().get(`/api/rsvp/${token}`)).body).toMatchObject({
        cancelled: true,
        canStillChange: false,
      });
      expectProblem(await officer.post(`/api/activities/${activity.id}/cancel`, { reason: 'Again' }), 409);
    });
  });

  describe('consent', () => {
    const consent = (overrides: Partial<ConsentRecordRequest> = {}): ConsentRecordRequest => ({
      purpose: ConsentPurpose.PhotosVideo,
      givenBy: ConsentGiver.Parent,
      method: ConsentMethod.Form,
      wording: 'I agree to photos of my child being taken at participation events.',
      givenOn: today,
      scope: 'standing',
      activityId: null,
      expiresOn: null,
      ...overrides,
    });

    it('should record consent, warn when a parent consents for someone who decides for themselves, and keep withdrawn history', async () => {
      const ivy = await createYoungPerson(officer, {
        preferredName: 'Ivy',
        dateOfBirth: dateOfBirthForAge(14),
        decidesForThemselves: true,
      });
      const recorded = await officer.post(`/api/young-people/${ivy.id}/consents`, consent());
      expect(recorded.status).toBe(201);
      expect(recorded.body.giverWarning).toMatch(/deciding for themselves/);

      const panel = await officer.get(`/api/young-people/${ivy.id}/consents`);
      expect(panel.status).toBe(200);
      const photos = panel.body.purposes.find((p: { purpose: string }) => p.purpose === 'photos_video');
      expect(photos.effective).toMatchObject({ status: 'valid', recordId: recorded.body.id });
      expect(photos.effective.warnings[0]).toMatch(/check with them/);

      const withdrawn = await officer.post(`/api/consents/${recorded.body.id}/withdraw`, {
        reason: 'Changed their mind',
      });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.withdrawal).toMatchObject({
        reason: 'Changed their mind',
        by: { id: officer.user.id },
      });
      const after = (await officer.get(`/api/young-people/${ivy.id}/consents`)).body.purposes.find(
        (p: { purpose: string }) => p.purpose === 'photos_video',
      );
      expect(after.effective.status).toBe('withdrawn');
      expect(after.history).toHaveLength(1);
      expectProblem(await officer.post(`/api/consents/${recorded.body.id}/withdraw`, {}), 409);
    });

    it('should refuse consent from the wrong person, expiring before the activity, or in the future, and write nothing', async () => {
      const jo = await createYoungPerson(officer, {
        preferredName: 'Jo',
        dateOfBirth: dateOfBirthForAge(12),
      });
      const adult = await createYoungPerson(officer, {
        preferredName: 'Kit',
        dateOfBirth: dateOfBirthForAge(19),
      });
      const activity = await planActivity();
      const before = await countRows(t.db, 'consent_records');
      const cases: [string, Partial<ConsentRecordRequest>, string][] = [
        [jo.id, { givenBy: ConsentGiver.YoungPerson }, 'givenBy'],
        [adult.id, { givenBy: ConsentGiver.Parent }, 'givenBy'],
        [jo.id, { scope: 'activity', activityId: activity.id, expiresOn: addDays(today, 3) }, 'expiresOn'],
        [jo.id, { givenOn: addDays(today, 1) }, 'givenOn'],
        [jo.id, { scope: 'activity', activityId: null }, 'activityId'],
        [jo.id, { purpose: 'tattoos' as ConsentPurpose }, 'purpose'],
        [jo.id, { wording: 'x'.repeat(1001) }, 'wording'],
      ];
      for (const [personId, overrides, field] of cases) {
        const res = await officer.post(`/api/young-people/${personId}/consents`, consent(overrides));
        expectProblem(res, 400);
        expect(Object.keys(res.body.errors)).toContain(field);
      }
      // A practitioner not linked to Jo is told Jo does not exist.
      expectProblem(await practitioner.post(`/api/young-people/${jo.id}/consents`, consent()), 404);
      expectProblem(await practitioner.get(`/api/young-people/${jo.id}/consents`), 404);
      const expert = await t.signInAs(Role.YoungExpert);
      expectProblem(await expert.get(`/api/young-people/${jo.id}/consents`), 403);
      expect(await countRows(t.db, 'consent_records')).toBe(before);
    });

    it('should show missing consents, refuse attendance without them unless overridden, and keep the day sheet right after a withdrawal', async () => {
      const activity = await planActivity({
        date: today,
        startTime: '00:00',
        endTime: '23:59',
        capacity: null,
        requiredConsents: [ConsentPurpose.TakingPart, ConsentPurpose.EmergencyTreatment],
      });
      const lou = await createYoungPerson(officer, {
        preferredName: 'Lou',
        accessibilityNeeds: 'Wheelchair user',
      });
      const max = await createYoungPerson(officer, { preferredName: 'Max' });
      await invite({
        target: { kind: 'activity_day', id: activity.id },
        invitees: [
          { youngPersonId: lou.id, channel: InvitationChannel.InPerson },
          { youngPersonId: max.id, channel: InvitationChannel.InPerson },
        ],
      });
      const invitations = (await officer.get(`/api/activities/${activity.id}/invitations`)).body as {
        id: string;
        youngPerson: { id: string };
      }[];
      for (const inv of invitations)
        await officer.post(`/api/invitations/${inv.id}/answer`, { answer: 'yes' });

      for (const purpose of [
        ConsentPurpose.TakingPart,
        ConsentPurpose.PhotosVideo,
        ConsentPurpose.EmergencyTreatment,
      ]) {
        const res = await officer.post(
          `/api/young-people/${lou.id}/consents`,
          consent({ purpose, wording: `Consent for ${purpose}` }),
        );
        expect(res.status).toBe(201);
      }
      const matrix = await officer.get(`/api/activities/${activity.id}/consents`);
      expect(matrix.status).toBe(200);
      const byName = new Map(
        (
          matrix.body.rows as {
            youngPerson: { preferredName: string };
            allInPlace: boolean;
            consents: { status: string; message: string | null }[];
          }[]
        ).map((r) => [r.youngPerson.preferredName, r]),
      );
      expect(byName.get('Lou')?.allInPlace).toBe(true);
      expect(byName.get('Max')?.allInPlace).toBe(false);
      expect(byName.get('Max')?.consents.map((c) => c.status)).toEqual(['missing', 'missing']);

      let sheet = (await officer.get(`/api/activities/${activity.id}/day-sheet`)).body;
      expect(
        sheet.coming.map((c: { youngPerson: { preferredName: string } }) => c.youngPerson.preferredName),
      ).toEqual(['Lou', 'Max']);
      expect(sheet.coming[0]).toMatchObject({ accessibilityNeeds: 'Wheelchair user', consentFlags: [] });
      expect(
        sheet.coming[1].consentFlags.map((f: { purpose: string; status: string }) => [f.purpose, f.status]),
      ).toEqual([
        ['taking_part', 'missing'],
        ['emergency_treatment', 'missing'],
      ]);
      expect(sheet.doNotPhotograph.map((d: { preferredName: string }) => d.preferredName)).toEqual(['Max']);

      // Lou's photo consent is withdrawn this morning: the sheet says so at once.
      const panel = (await officer.get(`/api/young-people/${lou.id}/consents`)).body;
      const photoId = panel.purposes.find((p: { purpose: string }) => p.purpose === 'photos_video').effective
        .recordId;
      await officer.post(`/api/consents/${photoId}/withdraw`, { reason: 'Does not want to be in photos' });
      sheet = (await officer.get(`/api/activities/${activity.id}/day-sheet`)).body;
      expect(sheet.doNotPhotograph).toEqual([
        expect.objectContaining({ preferredName: 'Lou', reason: expect.stringMatching(/^Withdrawn on/) }),
        expect.objectContaining({ preferredName: 'Max' }),
      ]);

      const refused = await officer.post(`/api/activities/${activity.id}/attendance`, {
        youngPersonId: max.id,
        attended: true,
      });
      expectProblem(refused, 409);
      expect(refused.body.detail).toMatch(
        /Max cannot be marked as here without taking part and emergency medical treatment consent/,
      );
      expect(refused.body.errors.overrideReason).toBeDefined();
      const maxInvite = invitations.find((i) => i.youngPerson.id === max.id);
      expect(
        (await t.db.query(`SELECT status FROM invitations WHERE id = $1`, [maxInvite?.id]))[0].status,
      ).toBe('accepted');

      const overridden = await officer.post(`/api/activities/${activity.id}/attendance`, {
        youngPersonId: max.id,
        attended: true,
        overrideReason: 'Parent gave consent by phone on arrival; form to follow',
      });
      expect(overridden.status).toBe(200);
      expect(overridden.body.status).toBe('attended');
      expect(
        await t.db
          .getRepository(AuditEvent)
          .countBy({ entityId: maxInvite?.id, action: AuditAction.Override }),
      ).toBe(1);

      // Lou withdrew photo consent: she is on the do-not-photograph list, and still takes part.
      const louHere = await officer.post(`/api/activities/${activity.id}/attendance`, {
        youngPersonId: lou.id,
        attended: true,
      });
      expect(louHere.status).toBe(200);
      expect(louHere.body.status).toBe('attended');
      expect(
        await t.db
          .getRepository(AuditEvent)
          .countBy({ entityId: louHere.body.id, action: AuditAction.Override }),
      ).toBe(0);
      expect(
        (
          await officer.post(`/api/activities/${activity.id}/attendance`, {
            youngPersonId: lou.id,
            attended: false,
          })
        ).body.status,
      ).toBe('did_not_attend');

      expectProblem(
        await officer.post(`/api/activities/${activity.id}/attendance`, {
          youngPersonId: '00000000-0000-4000-8000-000000000000',
          attended: true,
        }),
        409,
      );
      expectProblem(await officer.post(`/api/activities/${activity.id}/attendance`, { attended: true }), 400);

      const funnel = (await officer.get(`/api/funnel?from=${today}&to=${today}`)).body;
      expect(funnel).toMatchObject({ activityId: null, from: today, to: today });
      expect(funnel.attended).toBeGreaterThanOrEqual(1);
      expectProblem(await officer.get(`/api/funnel?from=${today}&to=${addDays(today, -1)}`), 400);
    });

    it('should flag on the day sheet every consent the day needs that is missing or withdrawn', async () => {
      const activity = await planActivity({
        capacity: null,
        requiredConsents: [ConsentPurpose.TakingPart, ConsentPurpose.Transport],
      });
      const nia = await createYoungPerson(officer, { preferredName: 'Nia' });
      const created = await invite({
        target: { kind: 'activity_day', id: activity.id },
        invitees: [{ youngPersonId: nia.id, channel: InvitationChannel.InPerson }],
      });
      await officer.post(`/api/invitations/${created.body.created[0].id}/answer`, { answer: 'yes' });
      const takingPart = await officer.post(
        `/api/young-people/${nia.id}/consents`,
        consent({ purpose: ConsentPurpose.TakingPart, wording: 'I agree to Nia taking part.' }),
      );
      await officer.post(`/api/consents/${takingPart.body.id}/withdraw`, {
        reason: 'Parent changed their mind',
      });

      const sheet = await officer.get(`/api/activities/${activity.id}/day-sheet`);
      expect(sheet.status).toBe(200);
      expect(sheet.body.coming).toHaveLength(1);
      expect(sheet.body.coming[0].consentFlags).toEqual([
        {
          purpose: 'taking_part',
          status: 'withdrawn',
          message: expect.stringMatching(/^Taking part consent was withdrawn on/),
        },
        { purpose: 'transport', status: 'missing', message: 'No transport consent has been recorded.' },
        {
          purpose: 'emergency_treatment',
          status: 'missing',
          message: 'No emergency medical treatment consent has been recorded.',
        },
      ]);
    });

    it('should not mark attendance before the day', async () => {
      const activity = await planActivity({ capacity: null, requiredConsents: [] });
      const ned = await createYoungPerson(officer, { preferredName: 'Ned' });
      await invite({
        target: { kind: 'activity_day', id: activity.id },
        invitees: [{ youngPersonId: ned.id, channel: InvitationChannel.InPerson }],
      });
      const res = await officer.post(`/api/activities/${activity.id}/attendance`, {
        youngPersonId: ned.id,
        attended: true,
      });
      expectProblem(res, 409);
      expect(res.body.detail).toMatch(/from the day itself/);
    });
  });

  describe('other things to invite to', () => {
    it("should keep an invitation's day in step when its group session or one-to-one moves", async () => {
      const group = await createGroup(officer, { minAge: 10, maxAge: 17 });
      const session = await officer.post(`/api/groups/${group.id}/sessions`, {
        date: addDays(today, 5),
        startTime: '17:00',
        durationMinutes: 60,
      });
      expect(session.status).toBe(201);
      const kit = await createYoungPerson(officer, {
        preferredName: 'Kit',
        contact: emailContact('kit@young.example'),
      });
      const joined = await officer.post(`/api/groups/${group.id}/members`, {
        youngPersonId: kit.id,
        joinedOn: today,
      });
      expect(joined.status).toBe(201);
      const toSession = await invite({
        target: { kind: 'group_session', id: session.body.id },
        invitees: [{ youngPersonId: kit.id, channel: InvitationChannel.Email }],
      });
      expect(toSession.status).toBe(201);
      const sessionInvitation: string = toSession.body.created[0].id;
      // As if its reminder had gone: the move must make another due.
      await t.db.query(`UPDATE invitations SET reminder_sent_at = now() WHERE id = $1`, [sessionInvitation]);
      const moved = await officer.post(`/api/sessions/${session.body.id}/move`, {
        date: addDays(today, 9),
        startTime: '18:00',
      });
      expect(moved.status).toBe(200);

      const offered = await officer.post('/api/one-to-ones', {
        youngPersonId: kit.id,
        requestedBy: 'young_person',
        topic: 'Talking about college',
      });
      await officer.patch(`/api/one-to-ones/${offered.body.id}`, {
        status: 'scheduled',
        scheduledAt: `${addDays(today, 3)}T15:30:00.000Z`,
      });
      const toOneToOne = await invite({
        target: { kind: 'one_to_one', id: offered.body.id },
        invitees: [{ youngPersonId: kit.id, channel: InvitationChannel.Email }],
      });
      expect(toOneToOne.status).toBe(201);
      const rebooked = await officer.patch(`/api/one-to-ones/${offered.body.id}`, {
        status: 'scheduled',
        scheduledAt: `${addDays(today, 6)}T10:00:00.000Z`,
      });
      expect(rebooked.status).toBe(200);

      const days: { id: string; event_date: string; reminder_sent_at: Date | null }[] = await t.db.query(
        `SELECT id, event_date::text AS event_date, reminder_sent_at FROM invitations WHERE id = ANY($1::uuid[])`,
        [[sessionInvitation, toOneToOne.body.created[0].id]],
      );
      expect(Object.fromEntries(days.map((d) => [d.id, [d.event_date, d.reminder_sent_at]]))).toEqual({
        [sessionInvitation]: [addDays(today, 9), null],
        [toOneToOne.body.created[0].id]: [addDays(today, 6), null],
      });
    });

    it('should invite a young person to chair their own review meeting, and to a one-to-one once it has a time', async () => {
      const olu = await createYoungPerson(officer, {
        preferredName: 'Olu',
        serviceExperiences: [{ kind: ServiceExperienceKind.LookedAfter, from: '2020-01-01', to: null }],
        contact: emailContact('olu@young.example'),
      });
      const review = await invite({
        target: {
          kind: 'review_meeting',
          title: 'Your review meeting',
          date: addDays(today, 10),
          startTime: '15:00',
          venue: 'Civic centre, room 2',
        },
        invitees: [{ youngPersonId: olu.id, channel: InvitationChannel.Email }],
      });
      expect(review.status).toBe(201);
      expect(review.body.created[0].target).toMatchObject({
        kind: 'review_meeting',
        title: 'Your review meeting',
      });

      const offered = await officer.post('/api/one-to-ones', {
        youngPersonId: olu.id,
        requestedBy: 'young_person',
        topic: 'Talking about school',
      });
      expect(offered.status).toBe(201);
      expect(offered.body).toMatchObject({ status: 'requested', youngPerson: { id: olu.id } });
      expectProblem(
        await invite({
          target: { kind: 'one_to_one', id: offered.body.id },
          invitees: [{ youngPersonId: olu.id, channel: InvitationChannel.Email }],
        }),
        409,
      );
      const scheduled = await officer.patch(`/api/one-to-ones/${offered.body.id}`, {
        status: 'scheduled',
        scheduledAt: `${addDays(today, 3)}T15:30:00.000Z`,
        location: 'Youth hub',
      });
      expect(scheduled.status).toBe(200);
      const oneToOneInvite = await invite({
        target: { kind: 'one_to_one', id: offered.body.id },
        invitees: [{ youngPersonId: olu.id, channel: InvitationChannel.Email }],
      });
      expect(oneToOneInvite.status).toBe(201);

      expectProblem(
        await officer.patch(`/api/one-to-ones/${offered.body.id}`, { status: 'done', scheduledAt: null }),
        400,
      );
      expectProblem(
        await officer.patch(`/api/one-to-ones/${offered.body.id}`, {
          status: 'scheduled',
          scheduledAt: `${today}T10:00:00.000Z`,
          outcome: 'x',
        }),
        400,
      );
      const done = await officer.patch(`/api/one-to-ones/${offered.body.id}`, {
        status: 'done',
        scheduledAt: `${addDays(today, 3)}T15:30:00.000Z`,
        outcome: 'Agreed to try the homework club.',
      });
      expect(done.body).toMatchObject({ status: 'done', outcome: 'Agreed to try the homework club.' });
      expectProblem(
        await officer.patch(`/api/one-to-ones/${offered.body.id}`, {
          status: 'requested',
          scheduledAt: null,
        }),
        400,
      );
      expect((await officer.get('/api/one-to-ones')).body.map((o: { id: string }) => o.id)).toContain(
        offered.body.id,
      );
      expectProblem(
        await officer.post('/api/one-to-ones', { youngPersonId: olu.id, requestedBy: 'officer' }),
        400,
      );
      expectProblem(
        await officer.post('/api/one-to-ones', {
          youngPersonId: '00000000-0000-4000-8000-000000000000',
          requestedBy: 'officer',
          topic: 'x',
        }),
        400,
      );
      expectProblem(await practitioner.get('/api/one-to-ones'), 403);
    });

    it("should list one young person's invitations and one-to-ones for their profile, to officers only", async () => {
      const [pia, rex] = [
        await createYoungPerson(officer, { preferredName: 'Pia' }),
        await createYoungPerson(officer, { preferredName: 'Rex' }),
      ];
      const activity = await planActivity({ capacity: null, title: 'Cook and share' });
      await invite({
        target: { kind: 'activity_day', id: activity.id },
        invitees: [
          { youngPersonId: pia.id, channel: InvitationChannel.InPerson },
          { youngPersonId: rex.id, channel: InvitationChannel.InPerson },
        ],
      });
      for (const person of [pia, rex])
        expect(
          (
            await officer.post('/api/one-to-ones', {
              youngPersonId: person.id,
              requestedBy: 'young_person',
              topic: 'Talking about school',
            })
          ).status,
        ).toBe(201);

      const invitations = await officer.get(`/api/invitations?youngPersonId=${pia.id}`);
      expect(invitations.status).toBe(200);
      expect(invitations.body.items).toEqual([
        expect.objectContaining({
          youngPerson: { id: pia.id, preferredName: 'Pia' },
          target: expect.objectContaining({ kind: 'activity_day', title: 'Cook and share' }),
          // In person, and nobody has recorded telling her yet.
          status: 'to_deliver',
        }),
      ]);
      const oneToOnes = await officer.get(`/api/one-to-ones?youngPersonId=${pia.id}`);
      expect(oneToOnes.status).toBe(200);
      expect(oneToOnes.body.map((o: { youngPerson: { id: string } }) => o.youngPerson.id)).toEqual([pia.id]);

      expectProblem(await officer.get('/api/one-to-ones?youngPersonId=not-an-id'), 400);
      expectProblem(await officer.get('/api/invitations?youngPersonId=not-an-id'), 400);
      expectProblem(await officer.get(`/api/one-to-ones?youngPersonId=${pia.id}&colour=red`), 400);
      expectProblem(await practitioner.get(`/api/invitations?youngPersonId=${pia.id}`), 403);
      expectProblem(await practitioner.get(`/api/one-to-ones?youngPersonId=${pia.id}`), 403);
    });

    it('should make the links only Heard can make', async () => {
      const links = t.app.get(InvitationNotifier);
      const link = links.linkFor('12345678-1234-4123-8123-123456789abc');
      expect(link).toMatch(/^http:\/\/heard\.test\/rsvp\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
    });
  });
});
