/**
 * Password rules for staff accounts, following NIST SP 800-63B and NCSC guidance: length over
 * complexity, no composition rules (no "one capital, one digit"), refuse the obviously guessable.
 * The check against the list of common and breached passwords needs the list, so it lives in the
 * API (platform/auth/common-passwords.ts); this file holds the rules that need nothing but the text.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** What the API says when a password is on the list of common and breached passwords. */
export const COMMON_PASSWORD_PROBLEM =
  'This password is on a list of common or leaked passwords. Choose another, such as three or four random words.';

/**
 * Words anyone could guess for a Heard account (OWASP ASVS 5.0 6.1.2 and 6.2.11): the product, the
 * kind of organisation, the work and its groups, and the words people reach for at a password prompt.
 * A password built only from these (with digits, spaces and symbols) is refused; one that also has
 * enough words of its own is fine. Kept in lower case, longest first so "young experts" goes before
 * "young".
 */
export const CONTEXT_WORDS: readonly string[] = [
  'children in care council',
  'childrens services',
  'children',
  'young experts',
  'young people',
  'participation',
  'safeguarding',
  'council',
  'heard',
  'voice',
  'young',
  'expert',
  'care',
  'password',
  'passw0rd',
  'welcome',
  'letmein',
  'qwerty',
  'admin',
  'staff',
].sort((a, b) => b.length - a.length);

/** Letters a password must have besides the context words (a strong one has far more). */
const OWN_LETTERS_MIN = 6;

export const CONTEXT_WORDS_PROBLEM =
  'Do not build your password from words about Heard or the council, such as "heard", "participation" or "council".';

function ownLetters(password: string): number {
  let rest = password.toLowerCase().replace(/[^a-z]/g, ' ');
  for (const word of CONTEXT_WORDS) rest = rest.split(word.replace(/[^a-z]/g, ' ')).join(' ');
  for (const word of CONTEXT_WORDS)
    rest = rest.split(word.replace(/[^a-z ]/g, '').replace(/ /g, '')).join(' ');
  return rest.replace(/ /g, '').length;
}

/** The rule in plain words, for the forms that ask for a new password. */
export const PASSWORD_RULE_IN_WORDS = `Use at least ${PASSWORD_MIN_LENGTH} characters. Any letters, numbers, spaces or symbols are fine: a few random words you can remember work well. We refuse passwords that are known to be common or leaked, that contain your email name, or that are made of words about Heard or the council.`;

/** Returns the reasons a password is not acceptable; an empty list means it is fine. */
export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push(`Use at least ${PASSWORD_MIN_LENGTH} characters.`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push(`Use at most ${PASSWORD_MAX_LENGTH} characters.`);
  }
  if (
    email &&
    password.toLowerCase().includes(email.split('@')[0].toLowerCase()) &&
    email.split('@')[0].length >= 4
  ) {
    problems.push('Do not use your email address in your password.');
  }
  if (password.length >= PASSWORD_MIN_LENGTH && ownLetters(password) < OWN_LETTERS_MIN) {
    problems.push(CONTEXT_WORDS_PROBLEM);
  }
  if (/^(.)\1+$/.test(password)) {
    problems.push('Do not repeat one character.');
  }
  return problems;
}
