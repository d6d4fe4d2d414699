import { SessionVerdict, sessionVerdict } from './session-expiry';

const lifetime = { idleMinutes: 30, absoluteMinutes: 720 };
const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 8, 0) + m * 60_000);

describe('sessionVerdict', () => {
  it.each<[string, number, number, number, SessionVerdict]>([
    ['fresh', 0, 0, 1, 'active'],
    ['used a minute ago', 0, 100, 101, 'active'],
    ['idle 29 minutes', 0, 100, 129, 'active'],
    ['idle exactly 30 minutes', 0, 100, 130, 'idle-expired'],
    ['busy but 12 hours old', 0, 719, 720, 'absolute-expired'],
    ['both idle and too old: absolute wins', 0, 10, 800, 'absolute-expired'],
  ])('%s', (_name, created, lastSeen, now, expected) => {
    expect(sessionVerdict({ createdAt: at(created), lastSeenAt: at(lastSeen) }, at(now), lifetime)).toBe(
      expected,
    );
  });
});
