import { passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it.each<[string, string | undefined, string[]]>([
    ['correct horse battery', undefined, []],
    ['short', undefined, ['Use at least 12 characters.']],
    ['Password1234', undefined, ['This password is too easy to guess.']],
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
