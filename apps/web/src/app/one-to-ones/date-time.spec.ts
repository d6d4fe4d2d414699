import { instantToLocalInput, localInputToInstant } from './date-time';

describe('one-to-one date and time', () => {
  it('reads the field as UK time, in summer and winter', () => {
    expect(localInputToInstant('2026-07-01T16:00')).toBe('2026-07-01T15:00:00.000Z');
    expect(localInputToInstant('2026-01-15T16:00')).toBe('2026-01-15T16:00:00.000Z');
  });

  it('gives null for an empty or partial value', () => {
    expect(localInputToInstant('')).toBeNull();
    expect(localInputToInstant('2026-07-01')).toBeNull();
  });

  it('fills the field back in UK time', () => {
    expect(instantToLocalInput('2026-07-01T15:00:00Z')).toBe('2026-07-01T16:00');
    expect(instantToLocalInput(null)).toBe('');
  });
});
