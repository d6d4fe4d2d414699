import {
  ConsentGiver,
  ConsentMethod,
  ConsentPurpose,
  ConsentRecordRequest,
  InvitationChannel,
  Role,
  TrustedAdultRelationship,
  YoungPersonRequest,
  addDays,
  todayInLondon,
  youngPersonReachOf,
} from '@heard/domain';
import request from 'supertest';
import { createYoungPerson, groupRequest, youngPersonRequest } from './support/factories';
import { MailMessage } from '@heard/api/platform/mail/mail-message.entity';
import { declaredRoutes } from './support/routes';
import { SignedInClient, TestApp, createTestApp, createUser, expectProblem } from './support/test-app';

const today = todayInLondon();

/**
 * Routes that reach a young person through their path: the young person themselves, or an
 * invitation (and its letter), a consent record, attendance, a group membership or a one-to-one.
 */
const REACHES_A_YOUNG_PERSON = [
  /^\/api\/young-people\/:id(\/|$)/,
  /^\/api\/invitations\/:id(\/|$)/,
  /^\/api\/consents\/:id(\/|$)/,
  /^\/api\/one-to-ones\/:id(\/|$)/,
  /\/attendance$/,
  /\/members(\/|$)/,
];

/** What one walk of the routes needs: a young person and one fresh record of each kind of theirs. */
interface Fixture {
  youngPersonId: string;
  invitationId: string;
  consentId: string;
}

interface Case {
  route: string;
  call: (c: SignedInClient, f: Fixture) => request.Test;
}

const consent = (): ConsentRecordRequest => ({
  purpose: ConsentPurpose.PhotosVideo,
  givenBy: ConsentGiver.Parent,
  method: ConsentMethod.Verbal,
  wording: 'Happy for photos at the bowling.',
  givenOn: today,
  scope: 'standing',
  activityId: null,
  expiresOn: null,
});

/** Every route a linked role may call that reaches a young person, keyed as the route table names it. */
const CASES: Case[] = [
  { route: 'GET /api/young-people/:id', call: (c, f) => c.get(`/api/young-people/${f.youngPersonId}`) },
  {
    route: 'GET /api/young-people/:id/attendance',
    call: (c, f) => c.get(`/api/young-people/${f.youngPersonId}/attendance`),
  },
  {
    route: 'GET /api/young-people/:id/consents',
    call: (c, f) => c.get(`/api/young-people/${f.youngPersonId}/consents`),
  },
  {
    route: 'POST /api/young-people/:id/consents',
    call: (c, f) => c.post(`/api/young-people/${f.youngPersonId}/consents`, consent()),
  },
  {
    route: 'GET /api/young-people/:id/reviews',
    call: (c, f) => c.get(`/api/young-people/${f.youngPersonId}/reviews`),
  },
  {
    // The reviewing officer records how the young person took part in their review.
    route: 'POST /api/young-people/:id/reviews',
    call: (c, f) =>
      c.post(`/api/young-people/${f.youngPersonId}/reviews`, { heldOn: today, code: 'PN1', chaired: true }),
  },
  {
    route: 'POST /api/consents/:id/withdraw',
    call: (c, f) => c.post(`/api/consents/${f.consentId}/withdraw`, { reason: 'Changed their mind' }),
  },
  {
    route: 'GET /api/invitations/:id/letter',
    call: (c, f) => c.get(`/api/invitations/${f.invitationId}/letter`).buffer(true),
  },
  {
    route: 'POST /api/invitations/:id/handed-over',
    call: (c, f) => c.post(`/api/invitations/${f.invitationId}/handed-over`, {}),
  },
  {
    // The trusted adult records the answer the young person gave them.
    route: 'POST /api/invitations/:id/answer',
    call: (c, f) => c.post(`/api/invitations/${f.invitationId}/answer`, { answer: 'yes' }),
  },
];

describe('access policy: a practitioner reaches a young person only while linked', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let practitioner: SignedInClient;
  let person: { id: string; preferredName: string };
  let other: { id: string; preferredName: string };
  let asRequested: YoungPersonRequest;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
    practitioner = await t.signInAs(Role.Practitioner);
    asRequested = youngPersonRequest({
      preferredName: 'Kit Marlowe',
      trustedAdults: [{ userId: practitioner.user.id, relationship: TrustedAdultRelationship.SocialWorker }],
      contact: {
        email: null,
        phone: null,
        whatsapp: null,
        letter: { addressLines: ['1 Example Row', 'Northtown'], postcode: 'NT1 1AA' },
        onlyViaTrustedAdult: true,
      },
    });
    person = await createYoungPerson(officer, asRequested);
    // Still linked to someone else throughout, so "has any link" can never pass for "linked to this one".
    other = await createYoungPerson(officer, {
      preferredName: 'Ren Ostrava',
      trustedAdults: [{ userId: practitioner.user.id, relationship: TrustedAdultRelationship.SocialWorker }],
    });
  });
  afterAll(() => t.close());

  /** Made by the officer while the link holds, since an invitation may only go via a linked adult. */
  let activities = 0;
  async function fixture(): Promise<Fixture> {
    // An activity each, since a young person is invited to one activity once.
    const activity = await officer.post('/api/activities', {
      title: `Go-karting ${++activities}`,
      date: addDays(today, 14),
      startTime: '10:00',
      endTime: '12:00',
      venue: 'Track Lane',
      accessibility: 'Step-free.',
      capacity: null,
      cohort: { minAge: 10, maxAge: 17, serviceExperiences: [], groupIds: [] },
      professionals: 'A reviewing officer',
      budgetPence: 10000,
      transport: 'None needed',
      agenda: 'Try the new booklet',
      requiredConsents: [],
      reminderDaysBefore: 2,
    });
    expect({ status: activity.status, body: activity.status === 201 ? null : activity.body }).toEqual({
      status: 201,
      body: null,
    });
    const invited = await officer.post('/api/invitations', {
      target: { kind: 'activity_day', id: activity.body.id },
      invitees: [
        {
          youngPersonId: person.id,
          channel: InvitationChannel.Letter,
          viaTrustedAdultId: practitioner.user.id,
        },
      ],
      send: true,
    });
    expect(invited.status).toBe(201);
    const invitationId = invited.body.created[0].id as string;
    const recorded = await officer.post(`/api/young-people/${person.id}/consents`, consent());
    expect(recorded.status).toBe(201);
    return { youngPersonId: person.id, invitationId, consentId: recorded.body.id };
  }

  it('should cover every route that reaches a young person and that a linked role may call', () => {
    const linkedRoles = Object.values(Role).filter((r) => youngPersonReachOf(r) === 'linked');
    const reaching = declaredRoutes()
      .filter((r) => REACHES_A_YOUNG_PERSON.some((p) => p.test(r.path)))
      .filter(
        (r) =>
          r.rule?.kind === 'roles' &&
          linkedRoles.some((role) => r.rule?.kind === 'roles' && r.rule.roles.includes(role)),
      )
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(reaching).toEqual(CASES.map((c) => c.route).sort());
  });

  it('should answer each route while linked, and 404 problem+json for each the moment the link ends', async () => {
    // One fixture for the linked walk and a fresh one for afterwards, so a 404 can only come from access.
    const linked = await fixture();
    const later = await fixture();

    expect(
      (await practitioner.get('/api/young-people')).body.items.map((i: { id: string }) => i.id).sort(),
    ).toEqual([person.id, other.id].sort());
    expect(
      (await practitioner.get('/api/handover')).body.map((h: { invitationId: string }) => h.invitationId),
    ).toEqual(expect.arrayContaining([linked.invitationId, later.invitationId]));
    for (const c of CASES) {
      const res = await c.call(practitioner, linked);
      expect({ route: c.route, status: res.status, ok: res.status >= 200 && res.status < 300 }).toEqual({
        route: c.route,
        status: res.status,
        ok: true,
      });
    }

    // Unlinked the way the officer does it: the record saved without them as a trusted adult.
    const unlinked = await officer.agent
      .put(`/api/young-people/${person.id}`)
      .set('X-XSRF-TOKEN', officer.session.csrfToken)
      .send({
        ...asRequested,
        trustedAdults: [],
        contact: { ...asRequested.contact, onlyViaTrustedAdult: false },
      });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.trustedAdults).toEqual([]);

    for (const c of CASES) {
      const res = await c.call(practitioner, later);
      expect({ route: c.route, status: res.status }).toEqual({ route: c.route, status: 404 });
      expectProblem(res, 404);
    }
    expect((await practitioner.get('/api/young-people')).body.items.map((i: { id: string }) => i.id)).toEqual(
      [other.id],
    );
    expect((await practitioner.get('/api/handover')).body).toEqual([]);
    expect((await practitioner.get(`/api/young-people/${other.id}`)).status).toBe(200);
    // Nor do they hear about it by email when the activity moves.
    const activity: { activity_id: string } = (
      await t.db.query(`SELECT activity_id FROM invitations WHERE id = $1`, [later.invitationId])
    )[0];
    const moved = await officer.post(`/api/activities/${activity.activity_id}/move`, {
      date: addDays(today, 15),
      startTime: '10:00',
      endTime: '12:00',
      reason: 'The track was double-booked',
    });
    expect(moved.status).toBe(200);
    expect(
      await t.db
        .getRepository(MailMessage)
        .countBy({ relatedId: later.invitationId, toAddress: practitioner.user.email }),
    ).toBe(0);
    // Nothing changed behind the refusals: the later invitation is still waiting to be handed over.
    const [row]: { status: string }[] = await t.db.query(`SELECT status FROM invitations WHERE id = $1`, [
      later.invitationId,
    ]);
    expect(row.status).not.toBe('handed_over');
  });

  it('should keep senior leaders, young experts and administrators away from every such route', async () => {
    const f: Fixture = { youngPersonId: person.id, invitationId: person.id, consentId: person.id };
    for (const role of [Role.SeniorLeader, Role.YoungExpert, Role.Administrator]) {
      const client = await t.signInAs(role);
      for (const c of CASES) {
        // 403 while their role may not call the route at all; 404 from the policy if it ever may.
        const res = await c.call(client, f);
        expect({ role, route: c.route, refused: [403, 404].includes(res.status) }).toEqual({
          role,
          route: c.route,
          refused: true,
        });
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    }
  });
});

describe('who may be picked as staff', () => {
  let t: TestApp;
  let officer: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signInAs(Role.ParticipationOfficer);
  });
  afterAll(() => t.close());

  it('should refuse a senior leader, an administrator or a deactivated practitioner wherever staff are picked, as the directory leaves them out', async () => {
    const refused = await Promise.all(
      [
        createUser(t.db, { role: Role.SeniorLeader, displayName: 'Quill Leader' }),
        createUser(t.db, { role: Role.Administrator, displayName: 'Quill Admin' }),
        createUser(t.db, { role: Role.YoungExpert, displayName: 'Quill Young' }),
        createUser(t.db, { role: Role.Practitioner, displayName: 'Quill Gone', status: 'deactivated' }),
        createUser(t.db, {
          role: Role.ParticipationOfficer,
          displayName: 'Quill Invited',
          status: 'invited',
        }),
      ].map((u) => u.then((user) => user.id)),
    );
    const picked = await createUser(t.db, { role: Role.Practitioner, displayName: 'Quill Here' });

    const directory = await officer.get('/api/staff?q=quill');
    expect(directory.status).toBe(200);
    expect(directory.body.items.map((i: { id: string }) => i.id)).toEqual([picked.id]);

    const person = await createYoungPerson(officer, { preferredName: 'Jem Ashby' });
    for (const id of refused) {
      const asTrustedAdult = await officer.post(
        '/api/young-people',
        youngPersonRequest({
          trustedAdults: [{ userId: id, relationship: TrustedAdultRelationship.SocialWorker }],
        }),
      );
      expectProblem(asTrustedAdult, 400);
      expect(Object.keys(asTrustedAdult.body.errors)).toEqual(['trustedAdults.0.userId']);

      const asFacilitator = await officer.post('/api/groups', groupRequest({ facilitatorIds: [id] }));
      expectProblem(asFacilitator, 400);
      expect(Object.keys(asFacilitator.body.errors)).toEqual(['facilitatorIds.0']);

      const asOneToOneStaff = await officer.post('/api/one-to-ones', {
        youngPersonId: person.id,
        requestedBy: 'young_person',
        topic: 'Talking about school',
        staffUserId: id,
      });
      expectProblem(asOneToOneStaff, 400);
      expect(Object.keys(asOneToOneStaff.body.errors)).toEqual(['staffUserId']);
    }

    // The one the directory offers is accepted in each place.
    const linked = await officer.post(
      '/api/young-people',
      youngPersonRequest({
        trustedAdults: [{ userId: picked.id, relationship: TrustedAdultRelationship.SocialWorker }],
      }),
    );
    expect(linked.status).toBe(201);
    expect((await officer.post('/api/groups', groupRequest({ facilitatorIds: [picked.id] }))).status).toBe(
      201,
    );
    const meeting = await officer.post('/api/one-to-ones', {
      youngPersonId: person.id,
      requestedBy: 'young_person',
      topic: 'Talking about school',
      staffUserId: picked.id,
    });
    expect(meeting.status).toBe(201);
  });
});
