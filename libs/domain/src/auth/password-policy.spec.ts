import { passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it.each<[string, string | undefined, string[]]>([
    ['correct horse battery', undefined, []],
    ['short', undefined, ['Use at least 12 characters.']],
    // The list of common passwords is checked by the API, which holds the list.
    ['Password1234', undefined, []],
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
  ])('%p', (password, email, expected) => {
    expect(passwordProblems(password, email)).toEqual(expected);
  });
});
