import {
  ENROLMENT_CODE_ALPHABET,
  ENROLMENT_CODE_LENGTH,
  enrolmentCodeExpiry,
  enrolmentCodeRefusal,
  formatEnrolmentCode,
  newEnrolmentCode,
  normaliseEnrolmentCode,
} from './enrolment-code';
import { EnrolmentRequestSchema } from './enrolment.contract';

describe('enrolment codes', () => {
  it.each(['0', 'O', 'Q', '1', 'I', 'L', '2', 'Z', '5', 'S', '8', 'B', 'U', 'V', 'G'])(
    'should leave the look-alike %s out of the alphabet',
    (character) => {
      expect(ENROLMENT_CODE_ALPHABET).not.toContain(character);
    },
  );

  it('should have 21 distinct characters, so 10 of them make about 43.9 bits', () => {
    expect(new Set(ENROLMENT_CODE_ALPHABET).size).toBe(21);
    expect(ENROLMENT_CODE_LENGTH * Math.log2(ENROLMENT_CODE_ALPHABET.length)).toBeCloseTo(43.9, 1);
  });

  it.each([
    ['ACDEFHJKMN', 'ACDEFHJKMN'],
    ['acdef-hjkmn', 'ACDEFHJKMN'],
    ['  acdef hjkmn ', 'ACDEFHJKMN'],
    ['AC-DE-FH-JK-MN', 'ACDEFHJKMN'],
    ['acdef–hjkmn', 'ACDEFHJKMN'],
    ['A.C.D.E.F.H.J.K.M.N', 'ACDEFHJKMN'],
    ['34679-ACDEF', '34679ACDEF'],
    ['ACDEF-HJKM', null],
    ['ACDEF-HJKMNP', null],
    ['ACDEF-HJKM0', null],
    ['ACDEF-HJKMO', null],
    ['ACDEF_HJKMN', null],
    ['', null],
    ['<script>ACD', null],
  ])('should read %p as %p', (typed, expected) => {
    expect(normaliseEnrolmentCode(typed)).toBe(expected);
  });

  it.each([
    ['ACDEFHJKMN', 'ACDEF-HJKMN'],
    ['34679ACDEF', '34679-ACDEF'],
  ])('should show %p as %p', (code, shown) => {
    expect(formatEnrolmentCode(code)).toBe(shown);
    expect(normaliseEnrolmentCode(shown)).toBe(code);
  });

  it('should make codes only from the alphabet, each character chosen by the random source', () => {
    const picks: number[] = [];
    const code = newEnrolmentCode((bound) => {
      expect(bound).toBe(21);
      picks.push(picks.length % bound);
      return picks[picks.length - 1];
    });
    expect(code).toBe('ACDEFHJKMN');
    expect(newEnrolmentCode(() => 20)).toBe('9999999999');
  });

  it('should last ten minutes from its issue', () => {
    expect(enrolmentCodeExpiry(new Date('2026-12-03T09:00:00Z')).toISOString()).toBe(
      '2026-12-03T09:10:00.000Z',
    );
  });

  const now = new Date('2026-12-03T09:05:00Z');
  const live = { usedAt: null, retiredAt: null, expiresAt: new Date('2026-12-03T09:10:00Z') };
  it.each([
    ['a live code', live, null],
    ['a used code', { ...live, usedAt: new Date('2026-12-03T09:01:00Z') }, 'used'],
    ['a code replaced by a newer one', { ...live, retiredAt: new Date('2026-12-03T09:02:00Z') }, 'retired'],
    ['a code at its expiry', { ...live, expiresAt: now }, 'expired'],
    ['a code past its expiry', { ...live, expiresAt: new Date('2026-12-03T09:04:59Z') }, 'expired'],
  ])('should judge %s', (_what, code, expected) => {
    expect(enrolmentCodeRefusal(code, now)).toBe(expected);
  });

  it.each([
    [{ code: 'acdef hjkmn' }, true],
    [{ code: 'ACDEF-HJKM' }, false],
    [{ code: 'A'.repeat(41) }, false],
    [{ code: 42 }, false],
    [{}, false],
    [{ code: 'ACDEFHJKMN', extra: 1 }, false],
  ])('should take %p as a request: %p', (body, ok) => {
    expect(EnrolmentRequestSchema.safeParse(body).success).toBe(ok);
  });
});
