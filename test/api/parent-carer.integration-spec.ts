import {
  InvitationChannel,
  ParentCarer,
  Role,
  TrustedAdultRelationship,
  addDays,
  todayInLondon,
} from '@heard/domain';
import { MailMessage } from '@heard/api/platform/mail/mail-message.entity';
import { contactPreferences, createYoungPerson, planActivity, youngPersonRequest } from './support/factories';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

const today = todayInLondon();

const byEmail: ParentCarer = {
  name: 'Dana Carer',
  relationship: 'Foster carer',
  channel: 'email',
  email: 'dana.carer@family.example',
  phone: null,
  purpose: 'Their foster carer brings them to activities and asked to hear about them.',
};
const byPhone: ParentCarer = {
  name: 'Lee Parent',
  relationship: 'Dad',
  channel: 'phone',
  email: null,
  phone: '07700 900222',
  purpose: 'Aged 11: their dad takes them to activities.',
};

/**
 * Where a purpose needs it, an invitation also goes to the young person's parent or carer, through
 * the one channel they agreed to; the answer stays the young person's.
 */
describe('a parent or carer who also hears of invitations', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let practitioner: SignedInClient;
  let activityId: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    practitioner = await t.signInAs(Role.Practitioner);
    const activity = await planActivity(officer, {
      title: 'Trampoline park',
      date: addDays(today, 14),
      startTime: '10:30',
      endTime: '12:30',
      venue: 'Bounce Zone, Quay Street',
      transport: 'Minibus from the Youth Hub at 10',
    });
    expect(activity.status).toBe(201);
    activityId = activity.body.id;
  });
  afterAll(() => t.close());

  const mailsAbout = (relatedId: string) => t.db.getRepository(MailMessage).findBy({ relatedId });

  it('should keep a parent or carer on the record only with its purpose and one channel', async () => {
    const created = await createYoungPerson(officer, { preferredName: 'Nell', parentCarer: byEmail });
    const read = await officer.get(`/api/young-people/${created.id}`);
    expect(read.body.parentCarer).toEqual(byEmail);

    const before = await countRows(t.db, 'young_people');
    const refusals: [Partial<ParentCarer>, string][] = [
      [{ purpose: '' }, 'parentCarer.purpose'],
      [{ purpose: undefined }, 'parentCarer.purpose'],
      [{ name: '  ' }, 'parentCarer.name'],
      [{ name: 'x'.repeat(81) }, 'parentCarer.name'],
      [{ email: null }, 'parentCarer.email'],
      // One channel: the phone is more than the purpose needs.
      [{ phone: '07700 900333' }, 'parentCarer.phone'],
      [{ channel: 'post' as ParentCarer['channel'] }, 'parentCarer.channel'],
      [{ email: 'not an email' }, 'parentCarer.email'],
    ];
    for (const [change, field] of refusals) {
      const res = await officer.post(
        '/api/young-people',
        youngPersonRequest({
          preferredName: 'Refused',
          parentCarer: { ...byEmail, ...change } as ParentCarer,
        }),
      );
      expectProblem(res, 400);
      expect(Object.keys(res.body.errors)).toContain(field);
    }
    expectProblem(
      await officer.post('/api/young-people', {
        ...youngPersonRequest(),
        parentCarer: { ...byEmail, nickname: 'Dee' },
      }),
      400,
    );
    expect(await countRows(t.db, 'young_people')).toBe(before);
  });

  it('should email the parent or carer a copy with no answer link, and leave the answer to the young person', async () => {
    const person = await createYoungPerson(officer, {
      preferredName: 'Ossie',
      contact: contactPreferences({ email: 'ossie@young.example' }),
      parentCarer: byEmail,
    });
    const res = await officer.post('/api/invitations', {
      target: { kind: 'activity_day', id: activityId },
      invitees: [{ youngPersonId: person.id, channel: InvitationChannel.Email, alsoToParentCarer: true }],
    });
    expect(res.status).toBe(201);
    const [invitation] = res.body.created;
    expect(invitation.parentCarer).toMatchObject({ name: 'Dana Carer', channel: 'email' });
    expect(invitation.parentCarer.toldAt).not.toBeNull();

    const mails = await mailsAbout(invitation.id);
    const copy = mails.find((m) => m.kind === 'parent_carer_invitation');
    const own = mails.find((m) => m.kind === 'young_person_invitation');
    expect(copy?.toAddress).toBe('dana.carer@family.example');
    expect(copy?.textBody).toContain('Hello Dana Carer,');
    expect(copy?.textBody).toContain('We have invited Ossie to Trampoline park.');
    expect(copy?.textBody).toContain('Getting there: Minibus from the Youth Hub at 10');
    expect(copy?.textBody).toContain('Ossie gives their own answer, with their own invitation.');
    expect(copy?.textBody).not.toMatch(/\/rsvp\//);
    expect(own?.toAddress).toBe('ossie@young.example');
    expect(own?.textBody).toMatch(/\/rsvp\//);
    const [sent] = await t.db.query(
      `SELECT detail FROM audit_events WHERE entity_id = $1 AND detail->>'event' = 'send'`,
      [invitation.id],
    );
    expect(sent.detail.parentCarerCopy).toBe('emailed');

    // Invited in person with an emailed copy: the invitation's mail status is never the copy's.
    const inPerson = await createYoungPerson(officer, { preferredName: 'Wren', parentCarer: byEmail });
    const handed = await officer.post('/api/invitations', {
      target: { kind: 'activity_day', id: activityId },
      invitees: [
        { youngPersonId: inPerson.id, channel: InvitationChannel.InPerson, alsoToParentCarer: true },
      ],
    });
    expect(handed.body.created[0].parentCarer.toldAt).not.toBeNull();
    expect(handed.body.created[0].mail).toBeNull();
  });

  it('should show the parent or carer only to officers, and keep a trail when it comes and goes', async () => {
    const person = await createYoungPerson(officer, {
      preferredName: 'Tam',
      trustedAdults: [{ userId: practitioner.user.id, relationship: TrustedAdultRelationship.SocialWorker }],
      parentCarer: byPhone,
    });
    expect((await officer.get(`/api/young-people/${person.id}`)).body.parentCarer).toEqual(byPhone);
    const asPractitioner = await practitioner.get(`/api/young-people/${person.id}`);
    expect(asPractitioner.status).toBe(200);
    expect(asPractitioner.body.parentCarer).toBeNull();

    const edit = (parentCarer: ParentCarer | null) =>
      officer.put(
        `/api/young-people/${person.id}`,
        youngPersonRequest({
          preferredName: 'Tam',
          trustedAdults: [
            { userId: practitioner.user.id, relationship: TrustedAdultRelationship.SocialWorker },
          ],
          parentCarer,
        }),
      );
    expect((await edit({ ...byPhone, phone: '07700 900999' })).status).toBe(200);
    expect((await edit(null)).status).toBe(200);
    const trail = await t.db.query(
      `SELECT detail->>'parentCarer' AS change FROM audit_events
        WHERE entity_id = $1 AND action = 'update' ORDER BY at, id`,
      [person.id],
    );
    expect(trail.map((r: { change: string | null }) => r.change)).toEqual(['changed', 'removed']);
  });

  it('should put a parent or carer who agreed to phone calls on the by-hand list until someone phones', async () => {
    const person = await createYoungPerson(officer, { preferredName: 'Pip', parentCarer: byPhone });
    const res = await officer.post('/api/invitations', {
      target: { kind: 'activity_day', id: activityId },
      invitees: [{ youngPersonId: person.id, channel: InvitationChannel.InPerson, alsoToParentCarer: true }],
    });
    expect(res.status).toBe(201);
    const id = res.body.created[0].id as string;
    expect(res.body.created[0].parentCarer).toEqual({ name: 'Lee Parent', channel: 'phone', toldAt: null });
    expect((await mailsAbout(id)).filter((m) => m.kind === 'parent_carer_invitation')).toHaveLength(0);

    const listed = (await officer.get('/api/invitations/by-hand')).body.parentCarersToTell as {
      invitation: { id: string };
      parentCarer: { name: string; relationship: string | null; phone: string };
    }[];
    expect(listed.find((p) => p.invitation.id === id)?.parentCarer).toEqual({
      name: 'Lee Parent',
      relationship: 'Dad',
      phone: '07700 900222',
    });

    const told = await officer.post(`/api/invitations/${id}/parent-carer-told`, {});
    expect(told.status).toBe(200);
    expect(told.body.parentCarer.toldAt).not.toBeNull();
    const audits = await t.db.query(
      `SELECT detail FROM audit_events WHERE entity_id = $1 AND detail->>'event' = 'parent_carer_told'`,
      [id],
    );
    expect(audits).toHaveLength(1);
    // A double tap changes nothing and writes no second audit row.
    expect((await officer.post(`/api/invitations/${id}/parent-carer-told`, {})).body.parentCarer.toldAt).toBe(
      told.body.parentCarer.toldAt,
    );
    expect(
      await t.db.query(
        `SELECT 1 FROM audit_events WHERE entity_id = $1 AND detail->>'event' = 'parent_carer_told'`,
        [id],
      ),
    ).toHaveLength(1);
    const after = (await officer.get('/api/invitations/by-hand')).body.parentCarersToTell as {
      invitation: { id: string };
    }[];
    expect(after.map((p) => p.invitation.id)).not.toContain(id);
  });

  it('should tell parents and carers with a copy when the day moves and when it is cancelled', async () => {
    const day = await planActivity(officer, {
      title: 'Ice skating',
      date: addDays(today, 12),
      startTime: '14:00',
      endTime: '16:00',
      venue: 'City Rink',
    });
    const byMail = await createYoungPerson(officer, { preferredName: 'Ari', parentCarer: byEmail });
    const byCall = await createYoungPerson(officer, { preferredName: 'Bo', parentCarer: byPhone });
    const made = await officer.post('/api/invitations', {
      target: { kind: 'activity_day', id: day.body.id },
      invitees: [
        { youngPersonId: byMail.id, channel: InvitationChannel.InPerson, alsoToParentCarer: true },
        { youngPersonId: byCall.id, channel: InvitationChannel.InPerson, alsoToParentCarer: true },
      ],
    });
    const [mailId, callId] = (made.body.created as { id: string }[]).map((c) => c.id);
    for (const id of [mailId, callId]) {
      expect((await officer.post(`/api/invitations/${id}/delivered`, {})).status).toBe(200);
    }
    expect((await officer.post(`/api/invitations/${callId}/parent-carer-told`, {})).status).toBe(200);

    const moved = await officer.post(`/api/activities/${day.body.id}/move`, {
      date: addDays(today, 13),
      startTime: '15:00',
      endTime: '17:00',
      reason: 'The rink needed resurfacing',
    });
    expect(moved.status).toBe(200);
    const [movedMail] = (await mailsAbout(mailId)).filter((m) => m.kind === 'parent_carer_moved');
    expect(movedMail.toAddress).toBe(byEmail.email);
    expect(movedMail.textBody).toContain('Ice skating has moved.');
    expect(movedMail.textBody).toContain('Why: The rink needed resurfacing');
    expect(movedMail.textBody).not.toMatch(/\/rsvp\//);
    const onList = async () =>
      (
        (await officer.get('/api/invitations/by-hand')).body.parentCarersToTell as {
          invitation: { id: string };
          news: string | null;
        }[]
      ).find((p) => p.invitation.id === callId);
    expect((await onList())?.news).toBe('moved');
    expect((await officer.post(`/api/invitations/${callId}/parent-carer-told`, {})).status).toBe(200);
    expect(await onList()).toBeUndefined();

    const cancelled = await officer.post(`/api/activities/${day.body.id}/cancel`, {
      reason: 'The rink closed',
    });
    expect(cancelled.status).toBe(200);
    expect((await mailsAbout(mailId)).map((m) => m.kind)).toContain('parent_carer_cancelled');
    expect((await onList())?.news).toBe('cancelled');
  });

  it('should refuse a copy for someone with no parent or carer on their record, inviting nobody', async () => {
    const withCarer = await createYoungPerson(officer, { preferredName: 'Kit', parentCarer: byPhone });
    const without = await createYoungPerson(officer, { preferredName: 'Sol' });
    const before = await countRows(t.db, 'invitations');
    const res = await officer.post('/api/invitations', {
      target: { kind: 'activity_day', id: activityId },
      invitees: [
        { youngPersonId: withCarer.id, channel: InvitationChannel.InPerson, alsoToParentCarer: true },
        { youngPersonId: without.id, channel: InvitationChannel.InPerson, alsoToParentCarer: true },
      ],
    });
    expectProblem(res, 400);
    expect(Object.keys(res.body.errors)).toEqual(['invitees.1.alsoToParentCarer']);
    expectProblem(
      await officer.post('/api/invitations', {
        target: { kind: 'activity_day', id: activityId },
        invitees: [
          { youngPersonId: without.id, channel: InvitationChannel.InPerson, alsoToParentCarer: 'yes' },
        ],
      }),
      400,
    );
    expect(await countRows(t.db, 'invitations')).toBe(before);
  });

  it('should send no copy when the parent or carer was taken off the record before the draft went out', async () => {
    const person = await createYoungPerson(officer, {
      preferredName: 'Bea',
      contact: contactPreferences({ email: 'bea@young.example' }),
      parentCarer: byEmail,
    });
    const draft = await officer.post('/api/invitations', {
      target: { kind: 'activity_day', id: activityId },
      invitees: [{ youngPersonId: person.id, channel: InvitationChannel.Email, alsoToParentCarer: true }],
      send: false,
    });
    const id = draft.body.created[0].id as string;
    const edited = await officer.put(
      `/api/young-people/${person.id}`,
      youngPersonRequest({
        preferredName: 'Bea',
        contact: contactPreferences({ email: 'bea@young.example' }),
        parentCarer: null,
      }),
    );
    expect(edited.status).toBe(200);
    const sent = await officer.post(`/api/invitations/${id}/send`, {});
    expect(sent.status).toBe(200);
    expect(sent.body.parentCarer).toBeNull();
    expect((await mailsAbout(id)).map((m) => m.kind)).toEqual(['young_person_invitation']);
  });

  it('should answer bad requests to the phoned route with problem+json and change nothing', async () => {
    const person = await createYoungPerson(officer, {
      preferredName: 'Ivo',
      contact: contactPreferences({ email: 'ivo@young.example' }),
    });
    const plain = await officer.post('/api/invitations', {
      target: { kind: 'activity_day', id: activityId },
      invitees: [{ youngPersonId: person.id, channel: InvitationChannel.Email }],
    });
    const id = plain.body.created[0].id as string;
    const withCarer = await createYoungPerson(officer, { preferredName: 'Rue', parentCarer: byPhone });
    const draft = await officer.post('/api/invitations', {
      target: { kind: 'activity_day', id: activityId },
      invitees: [
        { youngPersonId: withCarer.id, channel: InvitationChannel.InPerson, alsoToParentCarer: true },
      ],
      send: false,
    });
    const draftId = draft.body.created[0].id as string;
    const written = async () =>
      (
        await t.db.query(
          `SELECT (SELECT count(*) FROM audit_events WHERE action <> 'access_refused')::int
                + (SELECT count(*) FROM invitations WHERE parent_carer_told_at IS NOT NULL)::int AS n`,
        )
      )[0].n as number;
    const before = await written();
    // Nobody waits for a call about an invitation with no copy, or about one not sent yet.
    expectProblem(await officer.post(`/api/invitations/${id}/parent-carer-told`, {}), 409);
    expectProblem(await officer.post(`/api/invitations/${draftId}/parent-carer-told`, {}), 409);
    expectProblem(await officer.post('/api/invitations/not-a-uuid/parent-carer-told', {}), 404);
    expectProblem(await officer.post(`/api/invitations/${crypto.randomUUID()}/parent-carer-told`, {}), 404);
    expectProblem(await officer.post(`/api/invitations/${id}/parent-carer-told`, { phoned: true }), 400);
    expectProblem(
      await officer.post(`/api/invitations/${id}/parent-carer-told`, { note: 'x'.repeat(200_000) }),
      413,
    );
    expectProblem(await practitioner.post(`/api/invitations/${id}/parent-carer-told`, {}), 403);
    expectProblem(await t.anonymous().post(`/api/invitations/${id}/parent-carer-told`).send({}), 401);
    expect(await written()).toBe(before);
  });
});
