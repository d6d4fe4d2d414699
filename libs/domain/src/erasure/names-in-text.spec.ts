import { namesIn, wholeWordsPattern } from './names-in-text';

describe('namesIn', () => {
  it.each([
    ['Kai Okafor', ['Kai Okafor', 'Kai']],
    ['  Kai   Okafor ', ['Kai Okafor', 'Kai']],
    ['Robin', ['Robin']],
    ['Jo Smith', ['Jo Smith']],
    ['J', []],
    ['', []],
  ])('finds %j as %j', (name, expected) => {
    expect(namesIn(name)).toEqual(expected);
  });
});

describe('wholeWordsPattern', () => {
  it.each([
    [['Kai Okafor', 'Kai'], '\\m(Kai Okafor|Kai)\\M'],
    [['Ana-Maria (Mia)'], '\\m(Ana-Maria \\(Mia\\))\\M'],
    [['A.J.'], '\\m(A\\.J\\.)\\M'],
    [[], null],
  ])('makes %j into %j', (names, expected) => {
    expect(wholeWordsPattern(names)).toBe(expected);
  });
});
