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

/** The rule in plain words, for the forms that ask for a new password. */
export const PASSWORD_RULE_IN_WORDS = `Use at least ${PASSWORD_MIN_LENGTH} characters. Any letters, numbers, spaces or symbols are fine: a few random words you can remember work well. We refuse passwords that are known to be common or leaked, or that contain your email name.`;

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
  if (/^(.)\1+$/.test(password)) {
    problems.push('Do not repeat one character.');
  }
  return problems;
}
