/**
 * Every fixed text on the young person's /enrol page, in one place so a readability test can
 * measure them all (written for age 10: short sentences, everyday words).
 */
export const ENROL_WORDS = {
  title: 'Sign in with your code',
  codeHeading: 'Type your code',
  codeHint: 'Someone from our team gave you a code. It has ten letters and numbers.',
  codeLabel: 'Your code',
  codeMissing: 'Type the code first.',
  next: 'Next',
  deviceHeading: 'Is this your own phone or computer?',
  deviceHint: 'Only say yes if nobody else uses it.',
  yes: 'Yes, it is mine',
  yesHint: 'We will keep a key on it. Next time you can sign in with your face, finger or PIN.',
  no: 'No, just this time',
  noHint: 'You will need a new code next time.',
  passkeyHeading: 'Make a key for this phone or computer',
  passkeyHint: 'Your phone or computer will ask for your face, finger or PIN.',
  passkeyGo: 'Make my key',
  passkeyCancelled: 'The key was not made. You can try again.',
  working: 'Please wait…',
  tooMany: 'Too many tries. Wait a little, then try again.',
  codeRefused: 'That code does not work. Ask our team for a new one.',
  startAgain: 'Start again with a new code',
} as const;
