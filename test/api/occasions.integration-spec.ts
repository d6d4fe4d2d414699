import {
  InvitationChannel,
  InvitationCreateRequest,
  PhotoPlan,
  Role,
  TrustedAdultRelationship,
  addDays,
  photoPlanWords,
  todayInLondon,
} from '@heard/domain';
import { MailMessage } from '@heard/api/platform/mail/mail-message.entity';
import {
  contactPreferences as contact,
  createGroup,
  createYoungPerson,
  planActivity,
  youngPersonRequest,
} from './support/factories';
import { SignedInClient, TestApp, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();

/**
 * One home for occasions: whatever kind of occasion moves or is cancelled, everyone still expected
 * hears of it through the way they can be reached today; invitations someone has to pass on count
 * only once they have; and every kind is on the staff calendars.
 */
describe('occasions: changes announced once, honest invitation states, calendars', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let adult: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    adult = await t.signInAs(Role.Practitioner);
  });
  afterAll(() => t.close());

  const invite = async (body: InvitationCreateRequest): Promise<string[]> => {
    const res = await officer.post('/api/invitations', body);
    expect(res.status).toBe(201);
    return (res.body.created as { id: string }[]).map((c) => c.id);
  };

  const mailsAbout = (relatedId: string, kind: string) =>
    t.db.getRepository(MailMessage).findBy({ relatedId, kind });

  /** Three young people, each reached a different way, invited to one occasion and told once they have it. */
  async function threeInvitees(target: InvitationCreateRequest['target']) {
    const byEmail = await createYoungPerson(officer, {
      preferredName: 'Esme',
      contact: contact({ email: 'esme@young.example' }),
    });
    const byAdult = await createYoungPerson(officer, {
      preferredName: 'Tomasz',
      contact: contact({ onlyViaTrustedAdult: true }),
      trustedAdults: [{ userId: adult.user.id, relationship: TrustedAdultRelationship.SocialWorker }],
    });
    const byPhone = await createYoungPerson(officer, {
      preferredName: 'Ruby',
      contact: contact({ phone: '07700 900111' }),
    });
    const [email, viaAdult, phone] = await invite({
      target,
      invitees: [
        { youngPersonId: byEmail.id, channel: InvitationChannel.Email },
        { youngPersonId: byAdult.id, channel: InvitationChannel.InPerson, viaTrustedAdultId: adult.user.id },
        { youngPersonId: byPhone.id, channel: InvitationChannel.Phone },
      ],
      outsideCohortReason: 'Part of the test',
    });
    // The adult hands theirs over and the officer phones Ruby: now all three have been told.
    expect((await adult.post(`/api/invitations/${viaAdult}/handed-over`, {})).status).toBe(200);
    expect((await officer.post(`/api/invitations/${phone}/delivered`, {})).status).toBe(200);
    return { email, viaAdult, phone, byEmail, byPhone };
  }

  async function expectEveryoneTold(
    ids: { email: string; viaAdult: string; phone: string; byPhone: { id: string } },
    change: string,
  ) {
    expect(await mailsAbout(ids.email, `young_person_${change}`)).toHaveLength(1);
    expect(await mailsAbout(ids.viaAdult, `trusted_adult_${change}`)).toHaveLength(1);
    const list = await officer.get('/api/invitations/by-hand');
    expect(list.status).toBe(200);
    expect((list.body.toTell as { id: string; toTell: string }[]).filter((i) => i.id === ids.phone)).toEqual([
      expect.objectContaining({ id: ids.phone, toTell: change }),
    ]);
    // The officer is the one phoning: the list gives the number Ruby agreed to.
    expect(list.body.numbers[ids.byPhone.id]).toEqual({ phone: '07700 900111', whatsapp: null });
  }

  it('should tell everyone invited to a group session that moved, each the way they can be reached', async () => {
    const group = await createGroup(officer, { minAge: 10, maxAge: 17 });
    const session = await officer.post(`/api/groups/${group.id}/sessions`, {
      date: addDays(today, 5),
      startTime: '17:00',
      durationMinutes: 60,
    });
    expect(session.status).toBe(201);
    const ids = await threeInvitees({ kind: 'group_session', id: session.body.id });
    const moved = await officer.post(`/api/sessions/${session.body.id}/move`, {
      date: addDays(today, 8),
      startTime: '18:00',
    });
    expect(moved.status).toBe(200);
    await expectEveryoneTold(ids, 'moved');
    const rows: { event_date: string }[] = await t.db.query(
      `SELECT DISTINCT event_date::text AS event_date FROM invitations WHERE session_id = $1`,
      [session.body.id],
    );
    expect(rows).toEqual([{ event_date: addDays(today, 8) }]);
    // The officer who moved it is asked, by email too, to tell Ruby.
    const [byHandMail] = await t.db
      .getRepository(MailMessage)
      .findBy({ relatedId: session.body.id, kind: 'officer_tell_by_hand' });
    expect(byHandMail.textBody).toMatch(/- Ruby: invited by phone call \(07700 900111\)/);
  });

  it('should tell everyone invited to a one-to-one that was cancelled', async () => {
    const person = await createYoungPerson(officer, { preferredName: 'Nell' });
    const offered = await officer.post('/api/one-to-ones', {
      youngPersonId: person.id,
      requestedBy: 'officer',
      topic: 'Your plan',
    });
    await officer.patch(`/api/one-to-ones/${offered.body.id}`, {
      status: 'scheduled',
      scheduledAt: `${addDays(today, 4)}T15:00:00.000Z`,
    });
    const ids = await threeInvitees({ kind: 'one_to_one', id: offered.body.id });
    const cancelled = await officer.patch(`/api/one-to-ones/${offered.body.id}`, {
      status: 'cancelled',
      scheduledAt: `${addDays(today, 4)}T15:00:00.000Z`,
    });
    expect(cancelled.status).toBe(200);
    await expectEveryoneTold(ids, 'cancelled');
  });

  it('should tell someone who has taken back their email address by hand, not by email', async () => {
    const activity = await planActivity(officer, {
      title: 'Go-karting',
      date: addDays(today, 10),
      startTime: '10:00',
      endTime: '12:00',
      venue: 'Track',
    });
    expect(activity.status).toBe(201);
    const zain = await createYoungPerson(officer, {
      preferredName: 'Zain',
      contact: contact({ email: 'zain@young.example' }),
    });
    const [id] = await invite({
      target: { kind: 'activity_day', id: activity.body.id },
      invitees: [{ youngPersonId: zain.id, channel: InvitationChannel.Email }],
    });
    const changed = await officer.agent
      .put(`/api/young-people/${zain.id}`)
      .set('X-XSRF-TOKEN', officer.session.csrfToken)
      .send(youngPersonRequest({ preferredName: 'Zain', contact: contact({ phone: '07700 900222' }) }));
    expect(changed.status).toBe(200);
    await officer.post(`/api/activities/${activity.body.id}/cancel`, { reason: 'The track flooded' });
    expect(await mailsAbout(id, 'young_person_cancelled')).toHaveLength(0);
    const list = await officer.get('/api/invitations/by-hand');
    expect((list.body.toTell as { id: string }[]).map((i) => i.id)).toContain(id);
  });

  it('should close a finished one-to-one, and say so on its answer page', async () => {
    const mo = await createYoungPerson(officer, {
      preferredName: 'Mo',
      contact: contact({ email: 'mo@young.example' }),
    });
    const offered = await officer.post('/api/one-to-ones', {
      youngPersonId: mo.id,
      requestedBy: 'young_person',
      topic: 'College',
    });
    const at = `${today}T23:30:00.000Z`;
    await officer.patch(`/api/one-to-ones/${offered.body.id}`, { status: 'scheduled', scheduledAt: at });
    const [id] = await invite({
      target: { kind: 'one_to_one', id: offered.body.id },
      invitees: [{ youngPersonId: mo.id, channel: InvitationChannel.Email }],
    });
    const [mail] = await mailsAbout(id, 'young_person_invitation');
    const token = /\/rsvp\/([A-Za-z0-9_.-]+)/.exec(mail.textBody ?? '')?.[1] as string;
    const done = await officer.patch(`/api/one-to-ones/${offered.body.id}`, {
      status: 'done',
      scheduledAt: at,
      outcome: 'Talked it through',
    });
    expect(done.status).toBe(200);
    const page = await t.anonymous().get(`/api/rsvp/${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ closed: true, cancelled: false, canStillChange: false });
    // Nobody was told it was cancelled: it was not.
    expect(await mailsAbout(id, 'young_person_cancelled')).toHaveLength(0);
    expectProblem(await t.anonymous().post(`/api/rsvp/${token}`).send({ answer: 'yes' }), 409);
  });

  it('should tell the young person what they are saying yes to, with the times in words', async () => {
    const activity = await planActivity(officer, {
      title: 'Climbing wall',
      date: addDays(today, 9),
      startTime: '10:30',
      endTime: '13:00',
      venue: 'Peak Climbing Centre',
      transport: 'Minibus from the Youth Hub at 10',
      photos: PhotoPlan.Photos,
      agenda: 'What should the new "My plan" booklet say?',
    });
    const lou = await createYoungPerson(officer, {
      preferredName: 'Lou',
      contact: contact({ email: 'lou@young.example' }),
    });
    const [id] = await invite({
      target: { kind: 'activity_day', id: activity.body.id },
      invitees: [{ youngPersonId: lou.id, channel: InvitationChannel.Email }],
      send: true,
    });
    const [mail] = await mailsAbout(id, 'young_person_invitation');
    expect(mail.textBody).toContain("from half past 10 in the morning to 1 o'clock in the afternoon");
    expect(mail.textBody).toContain('We will ask you about: What should the new "My plan" booklet say?');
    expect(mail.textBody).toContain('Getting there: Minibus from the Youth Hub at 10');
    expect(mail.textBody).toContain(photoPlanWords(PhotoPlan.Photos) as string);
    expect(mail.textBody).toContain(`Questions? Ask ${officer.user.displayName}`);
    const token = /\/rsvp\/([A-Za-z0-9_.-]+)/.exec(mail.textBody ?? '')?.[1] as string;
    const page = await t.anonymous().get(`/api/rsvp/${token}`);
    expect(page.body).toMatchObject({
      timeWords: "from half past 10 in the morning to 1 o'clock in the afternoon",
      askedAbout: 'What should the new "My plan" booklet say?',
      transport: 'Minibus from the Youth Hub at 10',
      photosWords:
        'We will take photos. You do not have to be in them. Just tell us, and you can still come.',
      contact: { name: officer.user.displayName },
    });
  });

  it('should say on the answer page when no photos will be taken, and nothing where nobody said', async () => {
    const activity = await planActivity(officer, {
      title: 'Quiet crafts',
      date: addDays(today, 9),
      startTime: '10:00',
      endTime: '12:00',
      venue: 'Youth Hub',
      photos: PhotoPlan.None,
    });
    expect(activity.body.photos).toBe(PhotoPlan.None);
    const mo = await createYoungPerson(officer, {
      preferredName: 'Mo',
      contact: contact({ email: 'mo@young.example' }),
    });
    const [id] = await invite({
      target: { kind: 'activity_day', id: activity.body.id },
      invitees: [{ youngPersonId: mo.id, channel: InvitationChannel.Email }],
      send: true,
    });
    const [mail] = await mailsAbout(id, 'young_person_invitation');
    expect(mail.textBody).toContain('We will not take photos or film.');
    const token = /\/rsvp\/([A-Za-z0-9_.-]+)/.exec(mail.textBody ?? '')?.[1] as string;
    expect((await t.anonymous().get(`/api/rsvp/${token}`)).body.photosWords).toBe(
      'We will not take photos or film.',
    );
    // Where the officer has not said, Heard promises nothing either way.
    const unsaid = await planActivity(officer, {
      title: 'Pizza night',
      date: addDays(today, 9),
      startTime: '18:00',
      endTime: '20:00',
      venue: 'Youth Hub',
    });
    expect(unsaid.body.photos).toBeNull();
    const [unsaidInvite] = await invite({
      target: { kind: 'activity_day', id: unsaid.body.id },
      invitees: [{ youngPersonId: mo.id, channel: InvitationChannel.Email }],
      send: true,
    });
    const [unsaidMail] = await mailsAbout(unsaidInvite, 'young_person_invitation');
    expect(unsaidMail.textBody).not.toContain('photos');
    // A review meeting is not the council's event to photograph: its page says nothing about it.
    const [review] = await invite({
      target: { kind: 'review_meeting', title: 'Your review meeting', date: addDays(today, 20) },
      invitees: [{ youngPersonId: mo.id, channel: InvitationChannel.Email }],
      send: true,
    });
    const [reviewMail] = await mailsAbout(review, 'young_person_invitation');
    expect(reviewMail.textBody).not.toContain('photos');
    const reviewToken = /\/rsvp\/([A-Za-z0-9_.-]+)/.exec(reviewMail.textBody ?? '')?.[1] as string;
    expect((await t.anonymous().get(`/api/rsvp/${reviewToken}`)).body.photosWords).toBeNull();
    // An unknown plan is refused and nothing is planned.
    const before = (await officer.get('/api/activities?pageSize=100')).body.total;
    const refused = await planActivity(officer, {
      title: 'Drone day',
      date: addDays(today, 9),
      startTime: '10:00',
      endTime: '12:00',
      venue: 'Field',
      photos: 'drone' as PhotoPlan,
    });
    expectProblem(refused, 400);
    expect(refused.body.errors).toHaveProperty('photos');
    expect((await officer.get('/api/activities?pageSize=100')).body.total).toBe(before);
  });

  describe('invitations to deliver', () => {
    it('should count an invitation in person as invited only once someone records it reached them', async () => {
      const activity = await planActivity(officer, {
        title: 'Cook and share',
        date: addDays(today, 12),
        startTime: '17:00',
        endTime: '19:00',
        venue: 'Community kitchen',
      });
      const ada = await createYoungPerson(officer, { preferredName: 'Ada' });
      const [id] = await invite({
        target: { kind: 'activity_day', id: activity.body.id },
        invitees: [{ youngPersonId: ada.id, channel: InvitationChannel.InPerson }],
        send: true,
      });
      const counts = async () =>
        (await officer.get(`/api/activities/${activity.body.id}`)).body.counts.invited;
      expect(await counts()).toBe(0);
      const list = await officer.get('/api/invitations/by-hand');
      expect(
        (list.body.toDeliver as { id: string; status: string }[]).find((i) => i.id === id),
      ).toMatchObject({
        status: 'to_deliver',
      });
      const funnel = await officer.get(`/api/activities/${activity.body.id}/funnel`);
      expect(funnel.body.invited).toBe(0);

      expect((await officer.post(`/api/invitations/${id}/delivered`, {})).body.status).toBe('sent');
      expect(await counts()).toBe(1);
      expect((await officer.get(`/api/activities/${activity.body.id}/funnel`)).body.invited).toBe(1);
      expect(
        ((await officer.get('/api/invitations/by-hand')).body.toDeliver as { id: string }[]).map((i) => i.id),
      ).not.toContain(id);
      // A double tap on "Delivered" changes nothing.
      expect((await officer.post(`/api/invitations/${id}/delivered`, {})).body.status).toBe('sent');
    });

    it('should let the trusted adult record the answer the young person gave them, and nobody else', async () => {
      const group = await createGroup(officer, { minAge: 10, maxAge: 17 });
      const session = await officer.post(`/api/groups/${group.id}/sessions`, {
        date: addDays(today, 6),
        startTime: '16:00',
        durationMinutes: 90,
      });
      const sky = await createYoungPerson(officer, {
        preferredName: 'Sky',
        trustedAdults: [{ userId: adult.user.id, relationship: TrustedAdultRelationship.SocialWorker }],
      });
      const [id] = await invite({
        target: { kind: 'group_session', id: session.body.id },
        invitees: [
          { youngPersonId: sky.id, channel: InvitationChannel.InPerson, viaTrustedAdultId: adult.user.id },
        ],
        outsideCohortReason: 'Part of the test',
        send: true,
      });
      const other = await t.signInAs(Role.Practitioner);
      expectProblem(await other.post(`/api/invitations/${id}/answer`, { answer: 'yes' }), 404);
      const answered = await adult.post(`/api/invitations/${id}/answer`, { answer: 'yes' });
      expect(answered.status).toBe(200);
      expect(answered.body.status).toBe('accepted');
    });

    it('should send once however often Send is pressed, and not at all through a channel since taken back', async () => {
      const activity = await planActivity(officer, {
        title: 'Football tournament',
        date: addDays(today, 11),
        startTime: '09:00',
        endTime: '12:00',
        venue: 'Rec ground',
      });
      const cal = await createYoungPerson(officer, {
        preferredName: 'Cal',
        contact: contact({ email: 'cal@young.example' }),
      });
      const dee = await createYoungPerson(officer, {
        preferredName: 'Dee',
        contact: contact({ email: 'dee@young.example' }),
      });
      const [calId, deeId] = await invite({
        target: { kind: 'activity_day', id: activity.body.id },
        invitees: [
          { youngPersonId: cal.id, channel: InvitationChannel.Email },
          { youngPersonId: dee.id, channel: InvitationChannel.Email },
        ],
        send: false,
      });
      expect((await officer.post(`/api/invitations/${calId}/send`, {})).body.status).toBe('sent');
      expect((await officer.post(`/api/invitations/${calId}/send`, {})).body.status).toBe('sent');
      expect(await mailsAbout(calId, 'young_person_invitation')).toHaveLength(1);

      const changed = await officer.agent
        .put(`/api/young-people/${dee.id}`)
        .set('X-XSRF-TOKEN', officer.session.csrfToken)
        .send(youngPersonRequest({ preferredName: 'Dee', contact: contact({ phone: '07700 900333' }) }));
      expect(changed.status).toBe(200);
      const refused = await officer.post(`/api/invitations/${deeId}/send`, {});
      expectProblem(refused, 409);
      expect(refused.body.errors.channel[0]).toMatch(/email/);
      expect((await officer.get(`/api/invitations?youngPersonId=${dee.id}`)).body.items[0].status).toBe(
        'draft',
      );
      expect(await mailsAbout(deeId, 'young_person_invitation')).toHaveLength(0);
    });

    it('should take back invitations nobody has delivered when their occasion is cancelled', async () => {
      const activity = await planActivity(officer, {
        title: 'Residential',
        date: addDays(today, 20),
        startTime: '09:00',
        endTime: '17:00',
        venue: 'Outdoor centre',
      });
      const eve = await createYoungPerson(officer, {
        preferredName: 'Eve',
        contact: contact({ phone: '07700 900444' }),
      });
      const [id] = await invite({
        target: { kind: 'activity_day', id: activity.body.id },
        invitees: [{ youngPersonId: eve.id, channel: InvitationChannel.Phone }],
        send: true,
      });
      await officer.post(`/api/activities/${activity.body.id}/cancel`, { reason: 'Not enough staff' });
      const list = await officer.get('/api/invitations/by-hand');
      expect((list.body.toDeliver as { id: string }[]).map((i) => i.id)).not.toContain(id);
      expect((list.body.toTell as { id: string }[]).map((i) => i.id)).not.toContain(id);
      expect((await officer.get(`/api/invitations?youngPersonId=${eve.id}`)).body.items[0].status).toBe(
        'withdrawn',
      );
      expectProblem(await officer.post(`/api/invitations/${id}/delivered`, {}), 409);
    });

    it('should answer bad requests to the new routes with problem+json and change nothing', async () => {
      // Refusals are audited as such; nothing else may be written.
      const written = async () =>
        (
          await t.db.query(
            `SELECT (SELECT count(*) FROM audit_events WHERE action <> 'access_refused')::int
                  + (SELECT count(*) FROM mail_outbox)::int
                  + (SELECT count(*) FROM invitations WHERE updated_at > now() - interval '1 hour')::int AS n`,
          )
        )[0].n as number;
      const before = await written();
      expectProblem(await officer.post('/api/invitations/not-a-uuid/delivered', {}), 404);
      expectProblem(await officer.post(`/api/invitations/${crypto.randomUUID()}/delivered`, {}), 404);
      expectProblem(await officer.post(`/api/invitations/${crypto.randomUUID()}/told`, {}), 404);
      expectProblem(
        await officer.post(`/api/invitations/${crypto.randomUUID()}/delivered`, { extra: 1 }),
        400,
      );
      expectProblem(
        await officer.post(`/api/invitations/${crypto.randomUUID()}/told`, { note: 'x'.repeat(200_000) }),
        413,
      );
      expectProblem(await adult.get('/api/invitations/by-hand'), 403);
      expectProblem(await adult.post(`/api/invitations/${crypto.randomUUID()}/delivered`, {}), 403);
      expectProblem(await t.anonymous().get('/api/invitations/by-hand'), 401);
      expect(await written()).toBe(before);
    });
  });

  describe('calendars', () => {
    it('should put activity days and one-to-ones on the staff calendar and in the staff feed', async () => {
      const day = addDays(today, 3);
      const activity = await planActivity(officer, {
        title: 'Family gala',
        date: day,
        startTime: '11:00',
        endTime: '15:00',
        venue: 'The park',
      });
      const person = await createYoungPerson(officer, { preferredName: 'Ari' });
      const offered = await officer.post('/api/one-to-ones', {
        youngPersonId: person.id,
        requestedBy: 'officer',
        topic: 'Catching up',
      });
      await officer.patch(`/api/one-to-ones/${offered.body.id}`, {
        status: 'scheduled',
        scheduledAt: `${day}T09:00:00.000Z`,
        staffUserId: officer.user.id,
      });

      const week = await officer.get(`/api/calendar?from=${day}&to=${day}`);
      expect(week.status).toBe(200);
      const kinds = (week.body as { kind: string; id: string; title: string }[]).map((o) => [
        o.kind,
        o.id,
        o.title,
      ]);
      expect(kinds).toEqual(
        expect.arrayContaining([
          ['activity_day', activity.body.id, 'Family gala'],
          ['one_to_one', offered.body.id, 'A one-to-one chat'],
        ]),
      );
      // No young person's name on a calendar.
      expect(JSON.stringify(week.body)).not.toMatch(/Ari/);

      const feed = await officer.post('/api/calendar-feeds', { scope: 'mine' });
      const path = new URL(feed.body.url as string).pathname;
      const before = await t.anonymous().get(path);
      expect(before.status).toBe(200);
      expect(before.text).toContain(`UID:activity_day-${activity.body.id}@heard`);
      expect(before.text).toContain(`UID:one_to_one-${offered.body.id}@heard`);
      expect(before.text).toContain('SUMMARY:Family gala');
      expect(before.text).not.toMatch(/Ari/);
      // Nor the one-to-one's topic: it is staff's note about one young person.
      expect(before.text).not.toContain('Catching up');

      await officer.post(`/api/activities/${activity.body.id}/cancel`, { reason: 'Rain' });
      const cancelledWeek = await officer.get(`/api/calendar?from=${day}&to=${day}`);
      expect(
        (cancelledWeek.body as { id: string; status: string; cancelReason: string | null }[]).find(
          (o) => o.id === activity.body.id,
        ),
      ).toMatchObject({ status: 'cancelled', cancelReason: 'Rain', moved: false });
      const after = await t.anonymous().get(path);
      const event = after.text
        .split('BEGIN:VEVENT')
        .find((e) => e.includes(`activity_day-${activity.body.id}`));
      expect(event).toMatch(/SEQUENCE:1/);
      expect(event).toMatch(/STATUS:CANCELLED/);
    });

    it('should refuse a calendar range that is upside down, too long, malformed or unknown', async () => {
      expectProblem(await officer.get(`/api/calendar?from=${today}&to=${addDays(today, -1)}`), 400);
      expectProblem(await officer.get(`/api/calendar?from=${today}&to=${addDays(today, 60)}`), 400);
      expectProblem(await officer.get(`/api/calendar?from=yesterday&to=${today}`), 400);
      expectProblem(await officer.get(`/api/calendar?from=${today}`), 400);
      expectProblem(await officer.get(`/api/calendar?from=${today}&to=${today}&x=1`), 400);
      expectProblem(await adult.get(`/api/calendar?from=${today}&to=${today}`), 403);
    });
  });
});
