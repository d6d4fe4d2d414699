import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  newTotpSecret,
  otpauthUri,
  totpAt,
  totpStep,
} from './totp';

// RFC 6238 appendix B: the SHA-1 rows, secret "12345678901234567890", 8 digits.
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');
const RFC6238_SHA1: [seconds: number, code: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC6238_SHA1)('should give the RFC 6238 appendix B code at %i s', (seconds, code) => {
    expect(hotp(RFC_SECRET, totpStep(new Date(seconds * 1000)), 8)).toBe(code);
  });

  it('should give the last six digits for the six-digit codes apps show', () => {
    const secret = base32Encode(RFC_SECRET);
    expect(totpAt(secret, new Date(59_000))).toBe('287082');
  });

  it('should round-trip base32 and match the RFC 4648 test vector', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
  });

  it('should accept one step either side and nothing further', () => {
    const secret = base32Encode(RFC_SECRET);
    const at = new Date(1111111111 * 1000);
    const step = totpStep(at);
    for (const offset of [-1, 0, 1]) {
      const code = hotp(RFC_SECRET, step + offset);
      expect(matchTotp(secret, code, at, null)).toBe(step + offset);
    }
    for (const offset of [-3, -2, 2, 3]) {
      expect(matchTotp(secret, hotp(RFC_SECRET, step + offset), at, null)).toBeNull();
    }
  });

  it('should refuse a code from a step already used, or older', () => {
    const secret = base32Encode(RFC_SECRET);
    const at = new Date(1111111111 * 1000);
    const step = totpStep(at);
    expect(matchTotp(secret, hotp(RFC_SECRET, step), at, step)).toBeNull();
    expect(matchTotp(secret, hotp(RFC_SECRET, step - 1), at, step - 1)).toBeNull();
    expect(matchTotp(secret, hotp(RFC_SECRET, step + 1), at, step)).toBe(step + 1);
  });

  it('should refuse anything but six digits', () => {
    const secret = base32Encode(RFC_SECRET);
    for (const code of ['', '12345', '1234567', 'abcdef', ' 28708', '287082 ']) {
      expect(matchTotp(secret, code, new Date(59_000), null)).toBeNull();
    }
  });

  it('should build the otpauth URI authenticator apps read', () => {
    expect(otpauthUri('MZXW6YTBOI', 'ada.lovelace@council.example')).toBe(
      'otpauth://totp/Heard%3Aada.lovelace%40council.example?secret=MZXW6YTBOI&issuer=Heard&algorithm=SHA1&digits=6&period=30',
    );
  });
});
