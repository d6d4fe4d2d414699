import { howToTell } from '../invitations/channels';
import { dayInWords } from '../shared/dates';
import { ContactPreferences } from '../young-people/young-people.contract';
import { ACTION_STATUS_RULES, ActionStatus } from './action-status';

/**
 * How a young person hears what became of what they said: Heard emails them; their trusted adult
 * passes it on; it is read out to their group at its next session; or the officer tells them in
 * person. Stored in loop_tellings.channel (whose CHECK also allows 'board', for items with no one to tell).
 */
export const LOOP_CHANNELS = ['email', 'trusted_adult', 'session', 'in_person'] as const;
export type LoopChannel = (typeof LOOP_CHANNELS)[number];

export const LOOP_CHANNEL_LABELS: Readonly<Record<LoopChannel, string>> = {
  email: 'By email',
  trusted_adult: 'Their trusted adult passes it on',
  session: 'Read out at their group’s next session',
  in_person: 'Told in person by the officer',
};

export type LoopRoute =
  | { channel: 'email' }
  | { channel: 'trusted_adult'; trustedAdultId: string }
  | { channel: 'session'; sessionId: string }
  | { channel: 'in_person' };

/**
 * The way to tell one young person, on the occasion/invitation rule for passing on news
 * (howToTell, on their contact preferences as they are today): their trusted adult when Heard may
 * not or cannot email them and they have one who can still be reached; email when they agreed to
 * it; otherwise what Heard cannot send goes to their group's next session, or to the officer in person.
 */
export function loopRouteFor(
  contact: ContactPreferences,
  reach: { trustedAdultId: string | null; nextSessionId: string | null },
): LoopRoute {
  const hasAdult = reach.trustedAdultId !== null;
  const by = howToTell(contact, {
    viaTrustedAdult: hasAdult && (contact.onlyViaTrustedAdult || !contact.email),
    trustedAdultReachable: hasAdult,
  });
  if (by === 'email') return { channel: 'email' };
  if (by === 'trusted_adult' && reach.trustedAdultId)
    return { channel: 'trusted_adult', trustedAdultId: reach.trustedAdultId };
  if (reach.nextSessionId) return { channel: 'session', sessionId: reach.nextSessionId };
  return { channel: 'in_person' };
}

/**
 * The fixed words of a drafted message, for young people: short sentences, measured for age 10 by
 * test/api/young-people-readability.integration-spec.ts. The action's own words fill the gaps.
 */
export const LOOP_MESSAGE_WORDS = {
  thanks: 'Thank you for telling us what you think.',
  youSaid: 'You said:',
  weDid: 'We did this:',
  weWill: 'We will do this:',
  doneBy: 'We plan to do it by',
  weCant: 'We can’t do this:',
  because: 'This is why:',
  end: 'We will tell you if anything changes.',
} as const;

/** What the draft needs from an action: its status and the words a young person reads. */
export interface LoopMessageAction {
  status: ActionStatus;
  words: string;
  youngWords: string | null;
  dueOn: string | null;
  cantReason: string | null;
}

/** What the draft needs from the item: what was said, in young people's words when there are some. */
export interface LoopMessageItem {
  words: string;
  youngWords: string | null;
}

/** A sentence ends with a full stop, whatever the officer typed. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** What one action says, in plain words: We did / We will (and when) / We can't (and why). */
export function actionInPlainWords(action: LoopMessageAction): string {
  const what = sentence(action.youngWords ?? action.words);
  const W = LOOP_MESSAGE_WORDS;
  switch (ACTION_STATUS_RULES[action.status].answer) {
    case 'we_did':
      return `${W.weDid} ${what}`;
    case 'we_will':
      return action.dueOn
        ? `${W.weWill} ${what} ${W.doneBy} ${dayInWords(action.dueOn)}.`
        : `${W.weWill} ${what}`;
    case 'we_cant':
      return action.cantReason
        ? `${W.weCant} ${what} ${W.because} ${sentence(action.cantReason)}`
        : `${W.weCant} ${what}`;
  }
}

/**
 * Heard's draft of what to tell the young people who spoke, from the action (or actions) that
 * answer what they said; the officer edits it before it goes.
 */
export function draftLoopMessage(
  actions: LoopMessageAction | readonly LoopMessageAction[],
  item: LoopMessageItem,
): string {
  const list = Array.isArray(actions)
    ? (actions as readonly LoopMessageAction[])
    : [actions as LoopMessageAction];
  const W = LOOP_MESSAGE_WORDS;
  return [
    W.thanks,
    `${W.youSaid} ${sentence(item.youngWords ?? item.words)}`,
    ...list.map(actionInPlainWords),
    W.end,
  ].join('\n\n');
}

/** The longest sentence, in words: a draft for young people keeps every sentence short. */
export function longestSentenceWords(text: string): number {
  return Math.max(
    0,
    ...text
      .split(/[.!?:\n]+/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0)
      .map((s) => s.split(/\s+/).length),
  );
}
