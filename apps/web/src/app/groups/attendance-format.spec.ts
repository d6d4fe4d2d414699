import { attendanceRate } from '@heard/domain';
import { formatPercent, formatRate, markedCount } from './attendance-format';

describe('formatPercent', () => {
  it.each([
    [0, '0%'],
    [0.75, '75%'],
    [0.6667, '67%'],
    [1, '100%'],
    [0.001, '1%'],
    [0.996, '99%'],
  ])('%s → %s', (rate, expected) => {
    expect(formatPercent(rate)).toBe(expected);
  });
});

describe('formatRate', () => {
  it('shows the percentage with the counts beside it', () => {
    expect(formatRate(attendanceRate({ present: 3, apologies: 1, absent: 0 }))).toBe(
      '75% (present at 3 of 4 marked sessions)',
    );
  });

  it('uses the singular for one session', () => {
    expect(formatRate(attendanceRate({ present: 0, apologies: 0, absent: 1 }))).toBe(
      '0% (present at 0 of 1 marked session)',
    );
  });

  it('says when nothing is marked, instead of showing 0%', () => {
    expect(formatRate(attendanceRate({ present: 0, apologies: 0, absent: 0 }))).toBe(
      'No attendance marked yet',
    );
  });
});

describe('markedCount', () => {
  it('adds up every mark', () => {
    expect(markedCount({ present: 2, apologies: 3, absent: 4 })).toBe(9);
  });
});
