/**
 * Every fixed text on a young expert's own pages, in one file: the readability test
 * (test/api/young-people-readability.integration-spec.ts) measures each one for age 10.
 * Short sentences and plain words. No nudges: no points, streaks or "don't miss out".
 * Plain data only (no functions), so every word can be measured.
 */
import { PLAN_SECTIONS, type PlanSectionKey } from '@heard/domain';

export const COMMON = {
  back: 'Back to my space',
  loading: 'Getting your things.',
  failed: 'That did not work. Check your signal and try again.',
  tryAgain: 'Try again',
  sending: 'Sending.',
  yes: 'Yes',
  no: 'No',
};

export const HOME = {
  title: 'My space',
  hello: 'Hi',
  intro: 'This is your space. Only you can see it.',
  menuHeading: 'What you can do',
  rounds: 'Things to try',
  roundsWaiting: 'Waiting for you:',
  evaluations: 'What I said before',
  responses: 'What we did',
  promises: 'Leaders’ promises',
  plan: 'Our plan',
  invitations: 'My invitations',
  invitationsWaiting: 'To answer:',
  oneToOne: 'Ask for a one-to-one',
  choices: 'My choices',
  data: 'My data',
  deletion: 'Ask us to delete something',
  worry: "I'm worried about something",
  goodToKnow: 'Good to know',
  goodToKnowList: [
    'You choose what you tell us. It is fine to say no.',
    'Other young people cannot see your space.',
  ],
};

export const ROUNDS = {
  title: 'Things to try',
  intro: 'Tell us what you think about these things. You do not have to.',
  none: 'There is nothing here for you right now.',
  open: 'Have a go',
  until: 'Open until',
  at: 'From',
};

export const EVALUATE = {
  pictureMode: 'Pictures and big faces',
  beforeYouSendHeading: 'Before you send',
  beforeYouSend: [
    'Our team will read what you say.',
    'The people who made this thing will read it too. They will not see your name.',
  ],
  send: 'Send my answers',
  answerOneFirst: 'Answer at least one question first.',
  notFound: 'We could not find this. It may be closed now.',
  thanks: ['Thank you!', 'We got your answers.'],
  seeWhatYouSaid: 'See what you said',
};

export const EVALUATIONS = {
  title: 'What I said before',
  intro: 'These are the things you told us about.',
  none: 'You have not told us about a thing yet.',
  on: 'You told us on',
  pictures: 'You used pictures and big faces.',
  notAnswered: 'You did not answer this one.',
  notFound: 'We could not find this. It may not be yours.',
  allOfThem: 'All the things I said',
};

export const INVITATIONS = {
  title: 'My invitations',
  intro: 'These are the things we asked you to come to.',
  none: 'You do not have an invitation right now.',
  when: 'When',
  where: 'Where',
  yourAnswer: 'Your answer',
  notAnsweredYet: 'You have not said yet.',
  question: 'Can you come?',
  yes: 'Yes, I can come',
  no: 'No, I cannot come',
  canChange: 'You can change your answer until the day.',
  saved: 'Thank you. We saved your answer.',
};

export const ONE_TO_ONE = {
  title: 'Ask for a one-to-one',
  intro: ['A one-to-one is a chat with just you and one of our team.', 'You do not have to be in a group.'],
  aboutLabel: 'What do you want to talk about? You can leave this empty.',
  send: 'Ask for a one-to-one',
  sent: 'Thank you. Someone from our team will get in touch to plan a time with you.',
};

export const CHOICES = {
  title: 'My choices',
  intro: 'You can change these when you want.',
  quotesHeading: 'Can we use your words?',
  quotesExplain: [
    'Sometimes we share what young people said, like in a report.',
    'Your words are only used if you say yes.',
  ],
  quotesYes: 'Yes, you can use my words',
  quotesNo: 'No, do not use my words',
  quotesNowYes: 'Right now you have said yes.',
  quotesNowNo: 'Right now you have said no.',
  quotesAskAnAdult: 'An adult who looks after you needs to agree to this too. Ask our team to help.',
  nameHeading: 'Can we use your name with your words?',
  nameExplain: 'If you say no, we will not say who said it.',
  nameYes: 'Yes, use my name',
  nameNo: 'No, do not use my name',
  save: 'Save my choices',
  saved: 'Your choices are saved.',
};

export const MY_DATA = {
  title: 'My data',
  intro: 'This is what we keep about you.',
  download: 'Save a copy',
  downloadPdf: 'Save a copy to read or print',
  downloadHint: 'The copy is a file you can keep.',
  record: 'About you',
  name: 'Your name',
  birthday: 'Your birthday',
  needs: 'What helps you',
  groups: 'Your groups',
  joined: 'Joined',
  sessions: 'Sessions you came to',
  invitations: 'Your invitations',
  consents: 'What you or an adult agreed to',
  said: 'What you said',
  oneToOnes: 'Your one-to-ones',
  deletions: 'Things you asked us to delete',
  ourAnswer: 'Our answer:',
  noAnswerYet: 'We have not answered yet.',
  ratings: 'How you rated what we did',
  pledgeVerdicts: 'Promises our leaders made: what you said',
  replaced: 'You changed this later.',
  planComments: 'What you said about our plan to listen to you',
  planPart: 'Part:',
  whatWeChanged: 'What we changed:',
  planPictures: 'Pictures of you in our plan',
  pictureAdded: 'A picture added on',
  pictureNoLongerShown: 'We stopped showing it on',
  reviewMeetings: 'Your review meetings',
  reviewOn: 'Review meeting on',
  howYouTookPart: 'How you took part:',
  youChaired: 'You chaired it.',
  youDidNotChair: 'You did not chair it.',
  reviewNote: 'Note:',
  writtenDownBy: 'Written down by:',
  heldChanges: 'Marks we kept aside to check',
  notDecidedYet: 'We have not decided yet.',
  youSaid: 'You said:',
  yourWords: 'Your words:',
  worries: 'Worries',
  worryOn: 'You told us something was worrying you on',
  whoLooked: 'Staff who looked at your record',
  toldYouBack: 'What we told you back',
  emails: 'Emails we sent',
  emailsNote:
    'We keep when we sent an email and what it was about. We do not keep the words after it is sent.',
  emailTo: 'To:',
  notSentYet: 'Not sent yet.',
  nothing: 'Nothing here.',
  notInHere: 'Some notes about keeping you safe are not shown here. Ask our team about them.',
};

export const DELETION = {
  title: 'Ask us to delete something',
  intro: [
    'You can ask us to delete something we keep about you.',
    'Someone from our team will read it and tell you what they can do.',
    'Some things we have to keep. They will tell you why.',
  ],
  whatLabel: 'What do you want us to delete?',
  whatFirst: 'Tell us what you want us to delete.',
  send: 'Send my ask',
  sent: 'Thank you. Someone from our team will read this and tell you what they can do.',
};

export const WORRY = {
  title: "I'm worried about something",
  beforeHeading: 'Before you send',
  label: 'What is worrying you?',
  writeFirst: 'Write your worry first.',
  send: 'Send my worry',
};

/** Pledges, in young people's words: a leader's promise, and whether it was kept. */
export const PROMISES = {
  title: 'Leaders’ promises',
  intro: 'Our leaders said they would do these things. Did they do them? Tell us.',
  noNames: 'The leader will not see your name.',
  none: 'There are no promises here yet. When a leader makes one to you, you will see it here.',
  at: 'at',
  doneBy: 'To be done by',
  latest: 'What the leader says now',
  question: 'Did they keep it?',
  words: 'Tell us more (you do not have to)',
  save: 'Send',
  saved: 'Thank you. We got it.',
  yours: 'You said:',
  change: 'You can change it at any time.',
  chooseOne: 'Choose an answer first.',
};

export const RESPONSES = {
  title: 'What we did',
  intro: 'Your groups told us things. Here is what we did about them. Tell us how well we did.',
  noNames: 'We do not show who said each thing.',
  none: 'There is nothing here yet. When we answer your groups, you will see it here.',
  youSaid: 'Your group said',
  question: 'How well did we do?',
  comment: 'Tell us more (you do not have to)',
  save: 'Send',
  saved: 'Thank you. We got it.',
  yourRating: 'You said:',
  change: 'You can change it at any time.',
  chooseFace: 'Choose a face first.',
};

/**
 * The plan for how we listen to young people, while young experts look at it (issue 14 §4). Before
 * they send, they are told who reads their words and that a worry goes somewhere else.
 */
export const OUR_PLAN = {
  title: 'Our plan',
  /** Each part's child-friendly title, taken from PLAN_SECTIONS (their one copy) so they are measured too. */
  parts: Object.fromEntries(
    Object.entries(PLAN_SECTIONS).map(([key, rule]) => [key, rule.childTitle]),
  ) as Record<PlanSectionKey, string>,
  intro: [
    'This is our plan for how we listen to young people.',
    'It is not finished yet. Read each part and tell us what you think.',
    'You do not have to.',
  ],
  runs: 'The plan is for',
  to: 'to',
  none: [
    'There is no plan for you to look at right now.',
    'When we want to know what you think of our plan, you will find it here.',
    'Thank you for coming to look.',
  ],
  label: 'What do you think? What should we change?',
  used: 'Letters and spaces used:',
  of: 'of',
  // "participation" reads as too hard at age 10, so the team is said in what it does.
  whoReads: [
    'Only our team will read what you send.',
    'That is the team who run the young experts group.',
    'Other young people will not see it.',
  ],
  notForWorries: 'This box is not for worries. To tell us about a worry, go to',
  send: 'Send',
  sent: 'Thank you. We got it.',
  writeFirst: 'Write what you think first.',
  tooLong: 'This is too long. Make it a bit shorter, then send it again.',
  closed: 'We are not asking about this plan now, so it did not send. Your words are still in the box.',
  changed: 'This part of the plan has changed, so it did not send. Your words are still in the box.',
  yoursHeading: 'What you said',
  youSaidOn: 'You said on',
  whatWeChanged: 'What we changed because of this',
  noAnswerYet: 'We have not said what we changed yet.',
};
