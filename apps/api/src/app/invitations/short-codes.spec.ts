import {
  SHORT_CODE_ALPHABET,
  SHORT_CODE_LENGTH,
  formatShortCode,
  newShortCode,
  normaliseShortCode,
  shortLinkFor,
} from './short-codes';

describe('short codes', () => {
  it('should make codes of the right length from the unambiguous alphabet only', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = newShortCode();
      expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{10}$/);
      for (const c of code) seen.add(c);
    }
    // Every character turns up, so the alphabet is used whole and the codes are as strong as designed.
    expect(seen.size).toBe(SHORT_CODE_ALPHABET.length);
    expect(SHORT_CODE_ALPHABET).not.toMatch(/[01ILOU]/);
  });

  it.each([
    ['ABCDE-FGHJK', 'ABCDEFGHJK'],
    ['abcde fghjk', 'ABCDEFGHJK'],
    [' abcdefghjk ', 'ABCDEFGHJK'],
    ['ABCDE--FGHJK', 'ABCDEFGHJK'],
  ])('should read %j as it was printed', (typed, code) => {
    expect(normaliseShortCode(typed)).toBe(code);
  });

  it.each([
    ['too short', 'ABCDE-FGHJ'],
    ['too long', 'ABCDE-FGHJK2'],
    ['letters outside the alphabet', 'ABCDE-FGHIO'],
    ['a signed answer token', 'u9sWqGFASkid2esgq9PX0g.dUzrAy8yrRchM6maFB4nxg'],
    ['something huge', 'A'.repeat(5000)],
  ])('should not look up %s', (_label, typed) => {
    expect(normaliseShortCode(typed)).toBeNull();
  });

  it('should print the code in two groups after the address without its scheme', () => {
    expect(formatShortCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
    expect(shortLinkFor('https://heard.council.example', 'ABCDEFGHJK')).toBe(
      'heard.council.example/r/ABCDE-FGHJK',
    );
    expect(SHORT_CODE_LENGTH).toBe(10);
  });
});
