import { ContactPreferences } from '../young-people/young-people.contract';
import {
  LOOP_MESSAGE_WORDS,
  LoopMessageAction,
  draftLoopMessage,
  longestSentenceWords,
  loopRouteFor,
} from './loop-rules';

const contact = (over: Partial<ContactPreferences>): ContactPreferences => ({
  email: null,
  phone: null,
  whatsapp: null,
  letter: null,
  onlyViaTrustedAdult: false,
  ...over,
});
const ADULT = 'adult-1';
const SESSION = 'session-1';

describe('how a young person hears what became of what they said', () => {
  it.each([
    ['agreed to email', contact({ email: 'sam@example.org' }), ADULT, SESSION, { channel: 'email' }],
    ['email, no one else', contact({ email: 'sam@example.org' }), null, null, { channel: 'email' }],
    [
      'only through a trusted adult',
      contact({ email: 'sam@example.org', onlyViaTrustedAdult: true }),
      ADULT,
      SESSION,
      { channel: 'trusted_adult', trustedAdultId: ADULT },
    ],
    [
      'no email, a trusted adult',
      contact({ phone: '07700900123' }),
      ADULT,
      SESSION,
      { channel: 'trusted_adult', trustedAdultId: ADULT },
    ],
    [
      'no email, no adult, a group',
      contact({ phone: '07700900123' }),
      null,
      SESSION,
      { channel: 'session', sessionId: SESSION },
    ],
    [
      'only via an adult, none linked, a group',
      contact({ onlyViaTrustedAdult: true }),
      null,
      SESSION,
      { channel: 'session', sessionId: SESSION },
    ],
    ['nothing agreed, no group', contact({}), null, null, { channel: 'in_person' }],
  ])('%s', (_, c, trustedAdultId, nextSessionId, expected) => {
    expect(loopRouteFor(c, { trustedAdultId, nextSessionId })).toEqual(expected);
  });
});

describe('the drafted message', () => {
  const item = { words: 'The leaflet about reviews is hard to read.', youngWords: null };
  const action = (over: Partial<LoopMessageAction>): LoopMessageAction => ({
    status: 'done',
    words: 'Rewrite the review leaflet with the Young Experts',
    youngWords: null,
    dueOn: null,
    cantReason: null,
    ...over,
  });

  it.each([
    ['done', action({}), 'We did this: Rewrite the review leaflet with the Young Experts.'],
    [
      'planned',
      action({
        status: 'planned',
        dueOn: '2026-07-31',
        youngWords: 'We will make the leaflet easy to read.',
      }),
      'We will do this: We will make the leaflet easy to read. We plan to do it by Friday 31 July 2026.',
    ],
    [
      'cant',
      action({ status: 'cant', cantReason: 'The law says what it must include' }),
      'We can’t do this: Rewrite the review leaflet with the Young Experts. This is why: The law says what it must include.',
    ],
  ])('says a %s plainly', (_, a, line) => {
    const draft = draftLoopMessage(a, item);
    expect(draft).toContain(line);
    expect(draft.startsWith(LOOP_MESSAGE_WORDS.thanks)).toBe(true);
    expect(draft).toContain('You said: The leaflet about reviews is hard to read.');
  });

  it('uses the young people’s words of the item when it has them, and tells each action', () => {
    const draft = draftLoopMessage([action({}), action({ status: 'cant', cantReason: 'No money.' })], {
      ...item,
      youngWords: 'Leaflets are too hard.',
    });
    expect(draft).toContain('You said: Leaflets are too hard.');
    expect(draft.match(/We did this|We can’t do this/g)).toHaveLength(2);
  });

  it('keeps its own sentences short', () => {
    for (const words of Object.values(LOOP_MESSAGE_WORDS))
      expect(longestSentenceWords(words)).toBeLessThanOrEqual(10);
    const draft = draftLoopMessage(action({ status: 'planned', dueOn: '2026-07-31', words: 'Fix it' }), {
      words: 'Fix it',
      youngWords: null,
    });
    expect(longestSentenceWords(draft)).toBeLessThanOrEqual(10);
  });

  it.each([
    ['One. Two three.', 2],
    ['A long one here with six words', 7],
    ['', 0],
  ])('longest sentence of %j is %p words', (text, n) => {
    expect(longestSentenceWords(text)).toBe(n);
  });
});
