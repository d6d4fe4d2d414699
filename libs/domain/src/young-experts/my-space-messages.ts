/**
 * What the API says to a young expert on their own pages, in words for age 10 (the readability
 * test in test/api/young-people-readability.integration-spec.ts measures every one). No zod here.
 */
export const MY_SPACE_MESSAGES = {
  evaluationNotFound: 'We could not find this. It may not be yours.',
  roundAnswered: 'You told us about this one already. Thank you.',
  roundNotForYou: 'This one is not for you. Look at the list of things to try.',
  invitationNotFound: 'We could not find it.',
  oneToOneSent: 'Thank you. Someone from our team will get in touch to plan a time with you.',
  deletionSent: 'Thank you. Someone from our team will read this and tell you what they can do.',
  deletionAboutWhat: 'Tell us what you want us to delete.',
  worrySent: 'Thank you for telling us. It has gone to the staff who keep young people safe.',
  worryNoOneToTell:
    'We have saved it, but no one can read it yet. Please tell an adult you trust today. You can also call Childline on 0800 1111.',
  quotesNeedAnAdult: 'An adult who looks after you needs to agree to this too. Ask our team to help.',
  quotesAlreadyGiven: 'You have already said yes to this.',
  quotesAlreadyNo: 'You have already said no to this.',
  chooseSomething: 'Choose something to change.',
} as const;

/**
 * The words a young expert agrees to when they say yes to their words being used: kept on the
 * consent record exactly as shown (the lawful basis rule keeps the wording agreed to).
 */
export const QUOTE_CONSENT_WORDING =
  'You can use my words when you share what young people said. You can only use my name if I say so.';

/** What an evaluation keeps as "who helped" when a young expert answers on their own pages. */
export const ANSWERED_ON_OWN_PAGES = 'No one: they answered on their own pages';

/** The words in a copy of everything Heard keeps about a young person (JSON and PDF alike). */
export const MY_DATA_WORDS = {
  aboutThisFile: [
    'This is all we keep about you.',
    'Staff notes about keeping you safe are not in it.',
    'If you sent us a worry, it shows only the day you sent it.',
    'For emails, we keep when we sent them and what they were about. We do not keep the words after they are sent.',
    'Ask our team if you have a question about it.',
  ],
  you: 'You',
  parentCarer: 'Your parent or carer',
  trustedAdult: 'Your trusted adult',
  /** How we told them what happened after they spoke (loop_tellings.channel). */
  toldYouHow: {
    email: 'We emailed you.',
    trusted_adult: 'Your trusted adult passed it on.',
    session: 'We read it out at your group.',
    in_person: 'We told you in person.',
    board: 'We put it on the board.',
  },
  /** A change made without signal and kept aside (held_changes): what it was, why it waited, what was decided. */
  heldChange: {
    what: {
      'session-mark': 'A mark on your group register',
      'activity-mark': 'A mark on the register of an activity day',
      evaluation: 'An evaluation',
    },
    why: {
      'held-consent-withdrawn': 'Your consent was taken back after it was made.',
      'held-moved': 'The session moved after it was made.',
    },
    decision: { applied: 'It was kept.', discarded: 'It was let go.' },
  },
} as const;
