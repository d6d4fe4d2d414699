/**
 * Password rules for staff accounts, following NCSC guidance: length over complexity,
 * no composition rules, refuse the obviously guessable.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const COMMON = new Set([
  'password1234',
  'passwordpassword',
  '123456789012',
  'qwertyuiopas',
  'letmeinletmein',
  'welcome12345',
  'changeme1234',
]);

/** Returns the reasons a password is not acceptable; an empty list means it is fine. */
export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push(`Use at least ${PASSWORD_MIN_LENGTH} characters.`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push(`Use at most ${PASSWORD_MAX_LENGTH} characters.`);
  }
  if (COMMON.has(password.toLowerCase())) {
    problems.push('This password is too easy to guess.');
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
