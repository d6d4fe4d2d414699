import { IdempotencyKeys } from './idempotency-keys';

describe('IdempotencyKeys', () => {
  const numbered = () => {
    let n = 0;
    return new IdempotencyKeys(() => `key-${++n}`);
  };

  it('keeps the key while the body is the same, so a resend is stored once', () => {
    const keys = numbered();
    expect(keys.for({ answers: [1] })).toBe('key-1');
    expect(keys.for({ answers: [1] })).toBe('key-1');
  });

  it('makes a new key when the body changes, since the server refuses an old key with new answers', () => {
    const keys = numbered();
    expect(keys.for({ answers: [1] })).toBe('key-1');
    expect(keys.for({ answers: [2] })).toBe('key-2');
    expect(keys.for({ answers: [1] })).toBe('key-3');
  });

  it('makes a new key once the server has the body', () => {
    const keys = numbered();
    expect(keys.for({ answers: [1] })).toBe('key-1');
    keys.done();
    expect(keys.for({ answers: [1] })).toBe('key-2');
  });

  it('makes keys the server accepts by default', () => {
    expect(new IdempotencyKeys().for({})).toMatch(/^[0-9a-f-]{36}$/);
  });
});
