import { ActivityCohort, OPEN_COHORT } from '../activities/cohort';
import { ServiceExperienceKind } from '../young-people/service-experience';
import { ContactPreferences } from '../young-people/young-people.contract';
import { InvitationChannel } from './channels';
import { InviteTarget, InviteeCandidate, suggestInvitees } from './suggestions';

const { Email, Letter, WhatsApp, Phone, InPerson } = InvitationChannel;
const ON = '2026-09-01';
const noContact: ContactPreferences = {
  email: null,
  phone: null,
  whatsapp: null,
  letter: null,
  onlyViaTrustedAdult: false,
};
const letter = { addressLines: ['1 High Street'], postcode: 'AB1 2CD' };

const person = (id: string, name: string, extra: Partial<InviteeCandidate> = {}): InviteeCandidate => ({
  id,
  preferredName: name,
  dateOfBirth: '2012-01-01', // 14 on ON
  serviceExperiences: [],
  groupIds: ['g1'],
  contact: { ...noContact, email: `${id}@example.org` },
  participationPreference: 'either',
  trustedAdultIds: [],
  alreadyInvited: false,
  ...extra,
});
const cohort: ActivityCohort = { minAge: 13, maxAge: 17, serviceExperiences: [], groupIds: [] };
const activity: InviteTarget = { kind: 'activity_day', cohort, on: ON };

describe('suggestInvitees', () => {
  it.each<[string, Partial<ContactPreferences>, InvitationChannel]>([
    [
      'everything is agreed',
      { email: 'a@example.org', letter, whatsapp: '07700 900123', phone: '07700 900123' },
      Email,
    ],
    ['all but email is agreed', { letter, whatsapp: '07700 900123', phone: '07700 900123' }, Letter],
    ['WhatsApp and phone are agreed', { whatsapp: '07700 900123', phone: '07700 900123' }, WhatsApp],
    ['only a phone is agreed', { phone: '07700 900123' }, Phone],
    ['nothing is agreed', {}, InPerson],
  ])('should choose the best agreed channel when %s', (_name, contact, expected) => {
    const result = suggestInvitees([person('a', 'Ava', { contact: { ...noContact, ...contact } })], activity);
    expect(result.suggested.map((s) => s.channel)).toEqual([expected]);
  });

  it('should suggest a letter through the first linked trusted adult for someone only reachable that way', () => {
    const result = suggestInvitees(
      [
        person('a', 'Ava', {
          contact: { ...noContact, email: 'a@example.org', onlyViaTrustedAdult: true },
          trustedAdultIds: ['sw1', 'iro1'],
        }),
      ],
      activity,
    );
    expect(result.suggested).toEqual([
      { id: 'a', channel: Letter, viaTrustedAdultId: 'sw1', note: expect.stringMatching(/trusted adult/) },
    ]);
  });

  it.each<[string, InviteeCandidate, RegExp]>([
    ['they are already invited', person('a', 'Ava', { alreadyInvited: true }), /^Already invited\.$/],
    [
      'they are too young',
      person('a', 'Ava', { dateOfBirth: '2016-01-01' }),
      /They are 10; this is for ages 13 to 17\./,
    ],
    [
      'they are only reachable through a trusted adult and none is linked',
      person('a', 'Ava', { contact: { ...noContact, onlyViaTrustedAdult: true } }),
      /none is linked/,
    ],
  ])('should not suggest someone when %s, and say why', (_name, candidate, reason) => {
    const result = suggestInvitees([candidate], activity);
    expect(result.suggested).toEqual([]);
    expect(result.offerOneToOne).toEqual([]);
    expect(result.notSuggested).toEqual([{ id: 'a', reason: expect.stringMatching(reason) }]);
  });

  it('should give every failed cohort rule as the reason', () => {
    const narrow: InviteTarget = {
      ...activity,
      cohort: { ...cohort, serviceExperiences: [ServiceExperienceKind.LookedAfter], groupIds: ['g9'] },
    };
    expect(suggestInvitees([person('a', 'Ava')], narrow).notSuggested[0].reason).toBe(
      'This is for young people who are looked after. This is for members of one group, and they are not in it.',
    );
  });

  it.each<[InviteTarget['kind'], 'offer' | 'suggest']>([
    ['activity_day', 'offer'],
    ['group_session', 'offer'],
    ['one_to_one', 'suggest'],
    ['review_meeting', 'suggest'],
  ])('for a %s, someone who prefers one-to-one should be → %s', (kind, expected) => {
    const result = suggestInvitees([person('a', 'Ava', { participationPreference: 'one_to_one' })], {
      kind,
      cohort: kind === 'activity_day' || kind === 'group_session' ? cohort : OPEN_COHORT,
      on: ON,
    });
    expect(result.offerOneToOne.length).toBe(expected === 'offer' ? 1 : 0);
    expect(result.suggested.length).toBe(expected === 'suggest' ? 1 : 0);
  });

  it('should list everyone in name order whatever order they come in', () => {
    const people = [
      person('3', 'zoe'),
      person('1', 'Ava'),
      person('4', 'Ben', { alreadyInvited: true }),
      person('2', 'Ava'),
      person('5', 'Ali', { alreadyInvited: true }),
    ];
    const forwards = suggestInvitees(people, activity);
    const backwards = suggestInvitees([...people].reverse(), activity);
    expect(forwards).toEqual(backwards);
    expect(forwards.suggested.map((s) => s.id)).toEqual(['1', '2', '3']);
    expect(forwards.notSuggested.map((s) => s.id)).toEqual(['5', '4']);
  });

  it('should sort every candidate into exactly one list', () => {
    const people = [
      person('a', 'A'),
      person('b', 'B', { alreadyInvited: true }),
      person('c', 'C', { participationPreference: 'one_to_one' }),
      person('d', 'D', { dateOfBirth: '2000-01-01' }),
    ];
    const result = suggestInvitees(people, activity);
    const ids = [...result.suggested, ...result.offerOneToOne, ...result.notSuggested]
      .map((x) => x.id)
      .sort();
    expect(ids).toEqual(['a', 'b', 'c', 'd']);
  });
});
