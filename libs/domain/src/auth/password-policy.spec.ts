import { CONTEXT_WORDS_PROBLEM, passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it.each<[string, string | undefined, string[]]>([
    ['correct horse battery', undefined, []],
    ['short', undefined, ['Use at least 12 characters.']],
    // The list of common passwords is checked by the API, which holds the list.
    ['iloveyou1234', undefined, []],
    ['Tr0ub4dor&3', undefined, ['Use at least 12 characters.']],
    ['no capitals or digits at all', undefined, []],
    ['ALL CAPITALS AND SPACES', undefined, []],
    ['aaaaaaaaaaaaaa', undefined, ['Do not repeat one character.']],
    [
      'sam.okonjo-my-password',
      'sam.okonjo@council.example',
      ['Do not use your email address in your password.'],
    ],
    ['x'.repeat(300) + 'y', undefined, ['Use at most 256 characters.']],
    // Made of the words anyone would guess for this service (ASVS 6.2.11), in any case and spacing.
    ['HeardCouncil2026!', undefined, [CONTEXT_WORDS_PROBLEM]],
    ['Participation#1', undefined, [CONTEXT_WORDS_PROBLEM]],
    ['Welcome2Heard!', undefined, [CONTEXT_WORDS_PROBLEM]],
    ['Passw0rd-Council', undefined, [CONTEXT_WORDS_PROBLEM]],
    ['children in care council 1', undefined, [CONTEXT_WORDS_PROBLEM]],
    ['childrenincarecouncil', undefined, [CONTEXT_WORDS_PROBLEM]],
    ['heard-demo-2026', undefined, [CONTEXT_WORDS_PROBLEM]],
    // With enough words of its own, a context word is fine.
    ['heard the young voices sing', undefined, []],
    ['council kettle violet', undefined, []],
  ])('%p', (password, email, expected) => {
    expect(passwordProblems(password, email)).toEqual(expected);
  });
});
