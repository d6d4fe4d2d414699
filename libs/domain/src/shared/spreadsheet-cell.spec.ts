import { neutraliseCell } from './spreadsheet-cell';

describe('neutraliseCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+44 1632 960123', "'+44 1632 960123"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['Bigger pictures, please', 'Bigger pictures, please'],
    ['a = b', 'a = b'],
    ['', ''],
    ["'already text", "'already text"],
    [' =not at the start', ' =not at the start'],
  ])('%j becomes %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });
});
