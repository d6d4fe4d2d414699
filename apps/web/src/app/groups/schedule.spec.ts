import { describeException, describeGenerated, exceptionCandidates } from './schedule';

const pattern = {
  rrule: 'FREQ=WEEKLY;BYDAY=TH',
  startsOn: '2026-01-08',
  startTime: '17:00',
  durationMinutes: 90,
};

describe('exceptionCandidates', () => {
  it('lists coming meeting dates without an exception', () => {
    expect(
      exceptionCandidates(pattern, [{ date: '2026-03-12', kind: 'cancelled' }], '2026-03-04', 3),
    ).toEqual(['2026-03-05', '2026-03-19', '2026-03-26']);
  });

  it('is empty without a pattern', () => {
    expect(exceptionCandidates(null, [], '2026-03-04')).toEqual([]);
  });
});

describe('describeException', () => {
  it('describes a cancellation with its reason', () => {
    expect(describeException({ date: '2026-02-19', kind: 'cancelled', reason: 'half term' })).toBe(
      'Cancelled on Thursday 19 February 2026 (half term)',
    );
  });

  it('describes a move', () => {
    expect(
      describeException({
        date: '2026-02-19',
        kind: 'moved',
        movedTo: { date: '2026-02-20', startTime: '16:00' },
      }),
    ).toBe('Moved from 19 Feb 2026 to Friday 20 February 2026 at 16:00');
  });
});

describe('describeGenerated', () => {
  it('counts what changed', () => {
    expect(describeGenerated({ created: 1, updated: 2, until: '2026-06-02' })).toBe(
      'Created 1 session and updated 2, up to Tuesday 2 June 2026.',
    );
  });

  it('says when nothing needed to change', () => {
    expect(describeGenerated({ created: 0, updated: 0, until: '2026-06-02' })).toBe(
      'The schedule was already up to date until Tuesday 2 June 2026.',
    );
  });
});
