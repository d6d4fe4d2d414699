/**
 * Every fixed text a young person reads on the answer form and the round link page. One file, so
 * the readability test can measure all of them: short sentences, plain words, for age 10.
 * The worry words themselves are WORRY_BEFORE_YOU_SEND in libs/domain (their one copy).
 */

/** The name of each "Read aloud" button; the thing it reads is added after it. */
export const READ_ALOUD = 'Read aloud';

export const CHOSEN_FACE = 'You chose:';

export const WRITE_HINT = 'You can write as much or as little as you like.';

export const QUOTE_HINT = 'We may share these words. We will not use your name.';

export const SKIP_HINT = 'You can skip a question.';

export const PICTURE_MODE_SWITCH = 'Pictures and big faces';

export const LINK_PAGE_TITLE = 'Tell us what you think';

export const LINK_LOADING = 'Getting the questions.';

export const UNKNOWN_LINK = [
  'We could not find these questions.',
  'The link may be wrong. Ask the person who gave it to you.',
];

export const ROUND_NOT_OPEN_YET = ['These questions are not open yet.', 'Please come back later.'];

export const ROUND_CLOSED = ['These questions are closed now.', 'Thank you for coming to look.'];

export const BEFORE_YOU_SEND_HEADING = 'Before you send';

export const BEFORE_YOU_SEND = [
  'We do not ask your name.',
  'The council staff who make this tool will read what you say.',
  'They use it to make the tool better.',
];

export const SEND_ANSWERS = 'Send my answers';

export const SENDING = 'Sending.';

export const ANSWER_ONE_FIRST = 'Answer at least one question first.';

export const SEND_FAILED = 'That did not send. Check your signal and try again.';

export const THANK_YOU = ['Thank you!', 'We got your answers.', 'What you said will help.'];

export const WORRIED_CHOICE = "I'm worried about something";

export const WORRY_HEADING = 'Tell us your worry';

export const WORRY_LABEL = 'What is worrying you?';

export const SEND_WORRY = 'Send my worry';

export const WORRY_NOT_NOW = 'Not now';

export const WORRY_EMPTY = 'Write your worry first.';

export const WORRY_SENT = [
  'Thank you for telling us.',
  'Your worry has gone to the staff who keep young people safe.',
];

export const WORRY_SEND_FAILED = 'Your worry did not send. Check your signal and try again.';
