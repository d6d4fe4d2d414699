import { ContactPreferences } from '../young-people/young-people.contract';
import {
  INVITATION_CHANNEL_LABELS,
  InvitationChannel,
  TellBy,
  agreedChannels,
  channelProblem,
  howToTell,
} from './channels';

const { Email, Letter, Phone, WhatsApp, VoiceNote, InPerson } = InvitationChannel;

const nothing: ContactPreferences = {
  email: null,
  phone: null,
  whatsapp: null,
  letter: null,
  onlyViaTrustedAdult: false,
};
const everything: ContactPreferences = {
  email: 'sam@example.org',
  phone: '07700 900123',
  whatsapp: '07700 900456',
  letter: { addressLines: ['1 High Street', 'Townville'], postcode: 'AB1 2CD' },
  onlyViaTrustedAdult: false,
};
const onlyViaAdult: ContactPreferences = { ...everything, onlyViaTrustedAdult: true };

describe('channelProblem', () => {
  it.each<[string, ContactPreferences, InvitationChannel, boolean, RegExp | null]>([
    ['email with an email address', { ...nothing, email: 'a@example.org' }, Email, false, null],
    ['email without one', nothing, Email, false, /email/],
    ['a letter with an address', { ...nothing, letter: everything.letter }, Letter, false, null],
    ['a letter without one', nothing, Letter, false, /address/],
    ['a phone call with a phone number', { ...nothing, phone: '07700 900123' }, Phone, false, null],
    ['a phone call without one', { ...nothing, whatsapp: '07700 900123' }, Phone, false, /phone number/],
    ['a voice note with a phone number', { ...nothing, phone: '07700 900123' }, VoiceNote, false, null],
    ['a voice note without one', nothing, VoiceNote, false, /phone number/],
    ['WhatsApp with a WhatsApp number', { ...nothing, whatsapp: '07700 900123' }, WhatsApp, false, null],
    ['WhatsApp with only a phone number', { ...nothing, phone: '07700 900123' }, WhatsApp, false, /WhatsApp/],
    ['in person with nothing agreed', nothing, InPerson, false, null],
    ['email delivered by a trusted adult', everything, Email, true, null],
    ['a letter a trusted adult hands over, with no address of theirs', nothing, Letter, true, null],
    ['in person through a trusted adult', nothing, InPerson, true, null],
    ['only via a trusted adult, none assigned', onlyViaAdult, InPerson, false, /choose one/],
    ['only via a trusted adult, by letter', onlyViaAdult, Letter, true, null],
    [
      'only via a trusted adult, by letter without their address',
      { ...nothing, onlyViaTrustedAdult: true },
      Letter,
      true,
      null,
    ],
    ['only via a trusted adult, in person', onlyViaAdult, InPerson, true, null],
    ['only via a trusted adult, by email', onlyViaAdult, Email, true, /letter or hand it over/],
    ['only via a trusted adult, by phone', onlyViaAdult, Phone, true, /letter or hand it over/],
    ['only via a trusted adult, by WhatsApp', onlyViaAdult, WhatsApp, true, /letter or hand it over/],
    ['only via a trusted adult, by voice note', onlyViaAdult, VoiceNote, true, /letter or hand it over/],
  ])('should judge %s', (_name, contact, channel, viaAdult, expected) => {
    const problem = channelProblem(contact, channel, viaAdult);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('agreedChannels', () => {
  it.each<[string, ContactPreferences, boolean, InvitationChannel[]]>([
    ['nothing is agreed', nothing, false, [InPerson]],
    ['everything is agreed', everything, false, [Email, Letter, WhatsApp, Phone, VoiceNote, InPerson]],
    ['only a phone', { ...nothing, phone: '07700 900123' }, false, [Phone, VoiceNote, InPerson]],
    ['only via a trusted adult, with one assigned', onlyViaAdult, true, [Letter, InPerson]],
    ['only via a trusted adult, with none assigned', onlyViaAdult, false, []],
  ])('should list the agreed channels, best first, when %s', (_name, contact, viaAdult, expected) => {
    expect(agreedChannels(contact, viaAdult)).toEqual(expected);
  });
});

describe('INVITATION_CHANNEL_LABELS', () => {
  it.each(Object.values(InvitationChannel).map((c) => [c]))('should have a label for %s', (channel) => {
    expect(INVITATION_CHANNEL_LABELS[channel as InvitationChannel]).toMatch(/\S/);
  });
});

describe('howToTell', () => {
  const direct = { viaTrustedAdult: false, trustedAdultReachable: false };
  const viaAdult = { viaTrustedAdult: true, trustedAdultReachable: true };
  const viaGoneAdult = { viaTrustedAdult: true, trustedAdultReachable: false };
  it.each<[string, ContactPreferences, typeof direct, TellBy]>([
    ['someone who agrees to email', everything, direct, 'email'],
    [
      'someone who agrees to nothing Heard can send',
      { ...nothing, phone: '07700 900123' },
      direct,
      'by_hand',
    ],
    ['someone invited through a trusted adult', everything, viaAdult, 'trusted_adult'],
    [
      'someone whose trusted adult can no longer be reached, but who agrees to email',
      everything,
      viaGoneAdult,
      'email',
    ],
    ['someone only reached through a trusted adult who has gone', onlyViaAdult, viaGoneAdult, 'by_hand'],
    [
      'someone who has since asked to be reached only through a trusted adult',
      onlyViaAdult,
      direct,
      'by_hand',
    ],
    ['someone who has since taken back their email address', nothing, direct, 'by_hand'],
  ])('should tell %s by %s', (_name, contact, invitation, expected) => {
    expect(howToTell(contact, invitation)).toBe(expected);
  });
});
