import { InvitationChannel, Role, addDays, todayInLondon } from '@heard/domain';
import type { HomeSummary, InvitationCreateResponse } from '@heard/domain';
import { createYoungPerson } from './support/factories';
import { TestApp, createTestApp } from './support/test-app';

describe('the home page counts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const auditEventsToday = async (): Promise<HomeSummary['cards'][number]> => {
    const admin = await t.signInAs(Role.Administrator);
    const res = await admin.get('/api/home');
    expect(res.status).toBe(200);
    const card = (res.body as HomeSummary).cards.find((c) => c.label === 'Audit events today');
    if (!card) throw new Error('The administrator has no "Audit events today" card');
    return card;
  };

  it('should count the audit events of today in London, and stop counting past 1,000 on a busy day', async () => {
    // The audit log is append-only (nothing can be deleted to start from zero), so the test counts
    // what its own rows add to the card.
    const staffEvents = async (): Promise<number> => {
      const rows: { n: number }[] = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE entity_type <> 'young_person'`,
      );
      return rows[0].n;
    };
    const before = await auditEventsToday();
    expect(before.valueIsLowerBound).toBeUndefined();
    const staffBefore = await staffEvents();
    // London's day began at local midnight: an event a minute before it belongs to yesterday.
    await t.db.query(
      `INSERT INTO audit_events (at, action, entity_type)
       VALUES ((date_trunc('day', now() AT TIME ZONE 'Europe/London') - interval '1 minute') AT TIME ZONE 'Europe/London', 'read', 'young_person'),
              (date_trunc('day', now() AT TIME ZONE 'Europe/London') AT TIME ZONE 'Europe/London', 'read', 'young_person')`,
    );
    // Signing in is itself audited, so the count includes the administrator's own sign-in.
    const quiet = await auditEventsToday();
    expect(quiet.value).toBe(before.value + 1 + ((await staffEvents()) - staffBefore));
    expect(quiet.valueIsLowerBound).toBeUndefined();

    await t.db.query(
      `INSERT INTO audit_events (action, entity_type) SELECT 'read', 'young_person' FROM generate_series(1, 1200)`,
    );
    const busy = await auditEventsToday();
    expect(busy).toMatchObject({ value: 1001, valueIsLowerBound: true, path: 'admin/audit' });
  });

  it('should count for an officer what is still to do by hand, linked to the list', async () => {
    const officer = await t.signInAs(Role.ParticipationOfficer);
    const byHand = async () => {
      const res = await officer.get('/api/home');
      expect(res.status).toBe(200);
      return (res.body as HomeSummary).cards.find((c) => c.label === 'To do by hand');
    };
    const before = await byHand();
    expect(before).toMatchObject({ path: 'invitations/by-hand' });

    const person = await createYoungPerson(officer, { preferredName: 'Tobin' });
    const activity = await officer.post('/api/activities', {
      title: 'Kayaking taster',
      date: addDays(todayInLondon(), 10),
      startTime: '10:00',
      endTime: '12:00',
      cohort: { minAge: 10, maxAge: 25 },
    });
    expect(activity.status).toBe(201);
    const made = await officer.post('/api/invitations', {
      target: { kind: 'activity_day', id: (activity.body as { id: string }).id },
      invitees: [{ youngPersonId: person.id, channel: InvitationChannel.InPerson }],
    });
    expect(made.status).toBe(201);
    expect((await byHand())?.value).toBe((before?.value ?? 0) + 1);

    const [invitation] = (made.body as InvitationCreateResponse).created;
    expect((await officer.post(`/api/invitations/${invitation.id}/delivered`, {})).status).toBe(200);
    expect((await byHand())?.value).toBe(before?.value);
  });
});
