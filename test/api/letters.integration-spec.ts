import {
  ActivityDayRequest,
  ConsentPurpose,
  InvitationChannel,
  Role,
  TrustedAdultRelationship,
  YoungPersonRequest,
  addDays,
  todayInLondon,
} from '@heard/domain';
import { writeFileSync } from 'node:fs';
import { Invitation } from '@heard/api/app/invitations/entities/invitation.entity';
import {
  activityRequest as defaultActivity,
  createYoungPerson,
  youngPersonRequest,
} from './support/factories';
import { pdfDictionaries, pdfText, scanQrCode } from './support/pdf';
import { SignedInClient, TestApp, countRows, createTestApp, expectProblem } from './support/test-app';

const TEAM_PHONE = '01632 960123';
const address = { addressLines: ['Flat 2, 10 Example Road', 'Sampleton'], postcode: 'ZZ1 1ZZ' };
const letterContact = (letter: typeof address | null = address) => ({
  email: null,
  phone: null,
  whatsapp: null,
  letter,
  onlyViaTrustedAdult: false,
});

const activityRequest = (overrides: Partial<ActivityDayRequest> = {}): ActivityDayRequest =>
  defaultActivity({
    title: 'Climbing wall taster',
    venue: 'Riverside Climbing Centre',
    accessibility: 'Lift to every floor.',
    requiredConsents: [ConsentPurpose.TakingPart],
    ...overrides,
  });

describe('printed invitation letters', () => {
  let t: TestApp;
  let officer: SignedInClient;
  let practitioner: SignedInClient;
  let activityId: string;

  beforeAll(async () => {
    t = await createTestApp({ TEAM_PHONE });
    officer = await t.signInAs(Role.ParticipationOfficer);
    practitioner = await t.signInAs(Role.Practitioner);
    const activity = await officer.post('/api/activities', activityRequest());
    expect(activity.status).toBe(201);
    activityId = activity.body.id;
  });
  afterAll(() => t.close());

  /** A posted letter (or one a trusted adult hands over), sent, so it can be answered. */
  async function letterFor(
    person: Partial<YoungPersonRequest>,
    viaTrustedAdultId: string | null = null,
  ): Promise<{ id: string; youngPersonId: string }> {
    const young = await createYoungPerson(officer, person);
    const created = await officer.post('/api/invitations', {
      target: { kind: 'activity_day', id: activityId },
      invitees: [{ youngPersonId: young.id, channel: InvitationChannel.Letter, viaTrustedAdultId }],
    });
    expect(created.status).toBe(201);
    const id = created.body.created[0].id as string;
    const sent = await officer.post(`/api/invitations/${id}/send`, {});
    if (sent.status !== 200) expect(sent.body).toBeUndefined();
    return { id, youngPersonId: young.id };
  }

  async function printed(client: SignedInClient, id: string): Promise<Buffer> {
    const res = await client.get(`/api/invitations/${id}/letter`).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = Buffer.from(res.body as Buffer);
    // LETTER_SAMPLES=<folder> keeps each letter, to look at what a young person will get.
    if (process.env.LETTER_SAMPLES) writeFileSync(`${process.env.LETTER_SAMPLES}/letter-${id}.pdf`, pdf);
    return pdf;
  }

  const shortCodeOf = async (id: string) =>
    (await t.db.getRepository(Invitation).findOneByOrFail({ id })).shortCode;

  it('should print a tagged letter with the name in its own script, the short link, QR code, contact and address', async () => {
    const { id } = await letterFor({ preferredName: 'Zoë Ελένη Алёна', contact: letterContact() });
    const pdf = await printed(officer, id);

    const dictionaries = pdfDictionaries(pdf);
    expect(dictionaries).toContain('/StructTreeRoot');
    expect(dictionaries).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(dictionaries).toContain('/Marked true');
    expect(dictionaries).toContain('/Lang (en-GB)');
    expect(dictionaries).toContain('/DisplayDocTitle true');
    expect(dictionaries).toMatch(/\/Title \d+ 0 R/);
    expect(dictionaries).toContain('(Invitation: Climbing wall taster)');
    for (const role of ['/H1', '/H2', '/P', '/Figure']) expect(dictionaries).toContain(`/S ${role}`);
    expect(dictionaries).toMatch(/\/Alt \(A QR code/);
    // Only DejaVu is embedded: no standard font that would print other scripts as "?".
    expect(dictionaries).not.toContain('/Helvetica');

    const code = await shortCodeOf(id);
    expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{10}$/);
    const text = pdfText(pdf);
    expect(text).toContain('Hi Zoë!');
    expect(text).toContain('You are invited');
    expect(text).toContain(`heard.test/r/${code?.slice(0, 5)}-${code?.slice(5)}`);
    expect(text).toContain(`Call ${officer.user.displayName} on ${TEAM_PHONE}.`);
    // The address block, for a window envelope: the full name, each line, the postcode.
    expect(text).toContain('Zoë Ελένη Алёна\nFlat 2, 10 Example Road\nSampleton\nZZ1 1ZZ');

    const link = scanQrCode(pdf);
    expect(link).toMatch(/^http:\/\/heard\.test\/rsvp\/[\w-]+\.[\w-]+$/);
    const token = (link as string).split('/rsvp/')[1];
    expect(text.replace(/\n/g, '')).toContain(`Or the full link: ${link}`);
    const page = await t.anonymous().get(`/api/rsvp/${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ firstName: 'Zoë', title: 'Climbing wall taster' });

    // Printing again keeps the code, so every copy of the letter works.
    await printed(officer, id);
    expect(await shortCodeOf(id)).toBe(code);
  });

  it('should print an Arabic name with its letters joined', async () => {
    const { id } = await letterFor({ preferredName: 'مريم', contact: letterContact() });
    const text = pdfText(await printed(officer, id));
    const nameLine = text.split('\n').find((line) => line.startsWith('Hi ')) ?? '';
    // Drawn right to left in joined forms; each letter is still read back as itself.
    expect([...nameLine.slice(3, -1)].sort()).toEqual([...'مريم'].sort());
    expect(text).not.toContain('\uFFFD');
  });

  it('should leave the address off a letter a trusted adult hands over, and keep it from other practitioners', async () => {
    const { id } = await letterFor(
      {
        preferredName: 'Kit',
        contact: letterContact(),
        trustedAdults: [
          { userId: practitioner.user.id, relationship: TrustedAdultRelationship.SocialWorker },
        ],
      },
      practitioner.user.id,
    );
    const text = pdfText(await printed(practitioner, id));
    expect(text).toContain(`${practitioner.user.displayName} gave you this letter.`);
    expect(text).toContain(`Or call ${officer.user.displayName} on ${TEAM_PHONE}.`);
    expect(text).not.toContain('ZZ1 1ZZ');

    const other = await t.signInAs(Role.Practitioner);
    expectProblem(await other.get(`/api/invitations/${id}/letter`), 404);
  });

  describe('the short link', () => {
    it('should open and answer the invitation by its code, however it is typed', async () => {
      const { id } = await letterFor({ preferredName: 'Ash', contact: letterContact() });
      await printed(officer, id);
      const code = (await shortCodeOf(id)) as string;
      const typed = `${code.slice(0, 5).toLowerCase()} ${code.slice(5)}`;

      const page = await t.anonymous().get(`/api/rsvp/${encodeURIComponent(typed)}`);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ firstName: 'Ash', title: 'Climbing wall taster', answer: null });

      const answered = await t
        .anonymous()
        .post(`/api/rsvp/${code.slice(0, 5)}-${code.slice(5)}`)
        .send({ answer: 'yes' });
      expect(answered.status).toBe(200);
      expect(answered.body).toMatchObject({ answer: 'yes' });
      expect((await t.db.getRepository(Invitation).findOneByOrFail({ id })).status).toBe('accepted');
    });

    it.each([
      ['a code never given out', '23456-789AB'],
      ['a code with letters left out of the alphabet', 'OIL10-UUUUU'],
      ['a code far too long', 'A'.repeat(5000)],
    ])('should answer %s with the same 404', async (_label, code) => {
      const res = await t.anonymous().get(`/api/rsvp/${code}`);
      expectProblem(res, 404);
      expect(res.body.detail).toMatch(/This link does not work/);
    });

    it('should stop opening once the day has passed, with the same 404 as a wrong code', async () => {
      const { id } = await letterFor({ preferredName: 'Remy', contact: letterContact() });
      await printed(officer, id);
      const code = (await shortCodeOf(id)) as string;
      expect((await t.anonymous().get(`/api/rsvp/${code}`)).status).toBe(200);
      await t.db.query(`UPDATE invitations SET event_date = $2 WHERE id = $1`, [
        id,
        addDays(todayInLondon(), -1),
      ]);
      const res = await t.anonymous().get(`/api/rsvp/${code}`);
      expectProblem(res, 404);
      expect(res.body.detail).toMatch(/This link does not work/);
    });

    it('should stop opening once the invitation is withdrawn, with the same 404 as a wrong code', async () => {
      const { id } = await letterFor({ preferredName: 'Sol', contact: letterContact() });
      await printed(officer, id);
      const code = (await shortCodeOf(id)) as string;
      expect((await officer.post(`/api/invitations/${id}/withdraw`, { reason: null })).status).toBe(200);
      const res = await t.anonymous().get(`/api/rsvp/${code}`);
      expectProblem(res, 404);
      expect(res.body.detail).toMatch(/This link does not work/);
    });
  });

  describe('the postal address', () => {
    it.each([
      [
        'a line over 100 characters',
        { addressLines: ['x'.repeat(101)], postcode: 'ZZ1 1ZZ' },
        'contact.letter.addressLines.0',
      ],
      [
        'six lines',
        { addressLines: ['a', 'b', 'c', 'd', 'e', 'f'], postcode: 'ZZ1 1ZZ' },
        'contact.letter.addressLines',
      ],
      ['no lines', { addressLines: [], postcode: 'ZZ1 1ZZ' }, 'contact.letter.addressLines'],
      [
        'a postcode that is not one',
        { addressLines: ['1 Test Lane'], postcode: 'X'.repeat(40) },
        'contact.letter.postcode',
      ],
      ['an unknown field', { ...address, country: 'Nowhere' }, 'contact.letter.country'],
    ])('should refuse %s, naming the field, and write nothing', async (_label, letter, field) => {
      const before = await countRows(t.db, 'young_people');
      const created = await officer.post(
        '/api/young-people',
        youngPersonRequest({ contact: { ...letterContact(), letter: letter as typeof address } }),
      );
      expectProblem(created, 400);
      expect(Object.keys(created.body.errors)).toContain(field);
      expect(await countRows(t.db, 'young_people')).toBe(before);

      const young = await createYoungPerson(officer, { contact: letterContact() });
      const updated = await officer.agent
        .put(`/api/young-people/${young.id}`)
        .set('X-XSRF-TOKEN', officer.session.csrfToken)
        .send(youngPersonRequest({ contact: { ...letterContact(), letter: letter as typeof address } }));
      expectProblem(updated, 400);
      expect(Object.keys(updated.body.errors)).toContain(field);
      const stored = await officer.get(`/api/young-people/${young.id}`);
      expect(stored.body.contact.letter).toEqual(address);
    });
  });
});
