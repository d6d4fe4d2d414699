import { AnyIdempotencyKeySchema } from './evaluations.contract';

describe('AnyIdempotencyKeySchema', () => {
  it.each([
    ['a UUID', '3f1c2a9e-8b7d-4c6e-9f01-23456789abcd', '3f1c2a9e-8b7d-4c6e-9f01-23456789abcd'],
    [
      'a UUID in capitals, compared without case',
      '3F1C2A9E-8B7D-4C6E-9F01-23456789ABCD',
      '3f1c2a9e-8b7d-4c6e-9f01-23456789abcd',
    ],
    ['16 characters, the shortest', 'abcdefghijklmnop', 'abcdefghijklmnop'],
    ['128 characters, the longest', 'k'.repeat(128), 'k'.repeat(128)],
    ['dots, colons and underscores', 'device_7:outbox.42', 'device_7:outbox.42'],
  ])('should take %s', (_, key, stored) => {
    expect(AnyIdempotencyKeySchema.parse(key)).toBe(stored);
  });

  it.each([
    ['15 characters', 'abcdefghijklmno'],
    ['129 characters', 'k'.repeat(129)],
    ['spaces', 'a key with spaces in it'],
    ['slashes', 'key/with/slashes/0123'],
    ['letters outside ASCII', 'schlüssel-0123456789'],
    ['nothing', ''],
  ])('should refuse %s', (_, key) => {
    expect(AnyIdempotencyKeySchema.safeParse(key).success).toBe(false);
  });
});
