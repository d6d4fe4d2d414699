import {
  DEVICE_TIME_MAX_AGE_DAYS,
  OFFLINE_OUTCOMES,
  OFFLINE_OUTCOME_ANSWER,
  OfflineChange,
  OfflineChangeKind,
  OfflineOutcome,
  OfflineServerState,
  StoredValue,
  checkDeviceTime,
  mayApplyHeld,
  resolveOfflineChange,
} from './offline-changes';

// 13:50 in London in June (BST): the officer's mark on the device.
const deviceTime = new Date('2026-06-13T12:50:00Z');
const at = (hhmm: string) => new Date(`2026-06-13T${hhmm}:00+01:00`);
const me = 'officer-me';
const them = 'officer-ola';

const change = (kind: OfflineChangeKind, value = 'came'): OfflineChange => ({
  kind,
  youngPersonName: 'Sam Example',
  value,
  deviceTime,
  officerId: me,
});
const mark = (value: string, byId: string, hhmm: string): StoredValue => ({
  value,
  byId,
  byName: byId === me ? 'Kit Officer' : 'Ola Officer',
  at: at(hhmm),
});
const state = (over: Partial<OfflineServerState> = {}): OfflineServerState => ({
  stored: null,
  occasion: { status: 'held' },
  consentWithdrawnAt: null,
  roundClosedAt: null,
  ...over,
});
const moved = (movedAt: string) =>
  ({
    status: 'moved',
    from: at('13:00'),
    to: new Date('2026-06-20T12:00:00Z'),
    movedAt: at(movedAt),
  }) as const;

describe('what becomes of a change made offline', () => {
  const rows: ReadonlyArray<[string, OfflineChangeKind, string, OfflineServerState, OfflineOutcome]> = [
    ['nothing stored: session', 'session-mark', 'came', state(), 'applied'],
    ['nothing stored: activity', 'activity-mark', 'came', state(), 'applied'],
    ['nothing stored: evaluation', 'evaluation', 'a1', state(), 'applied'],
    [
      'same mark by them, later',
      'session-mark',
      'came',
      state({ stored: mark('came', them, '14:05') }),
      'already',
    ],
    [
      'same mark by them, earlier',
      'session-mark',
      'came',
      state({ stored: mark('came', them, '13:00') }),
      'already',
    ],
    [
      'same mark by me (a resend after the key expired)',
      'activity-mark',
      'came',
      state({ stored: mark('came', me, '13:50') }),
      'already',
    ],
    ['same evaluation', 'evaluation', 'a1', state({ stored: mark('a1', them, '14:05') }), 'already'],
    [
      'their older mark',
      'session-mark',
      'came',
      state({ stored: mark('absent', them, '13:00') }),
      'replaced',
    ],
    ['my own older mark', 'session-mark', 'came', state({ stored: mark('absent', me, '13:10') }), 'replaced'],
    [
      'their mark at the same minute as mine',
      'session-mark',
      'came',
      state({ stored: mark('absent', them, '13:50') }),
      'replaced',
    ],
    [
      'their later mark',
      'session-mark',
      'came',
      state({ stored: mark('absent', them, '14:05') }),
      'kept-theirs',
    ],
    [
      'their later mark: activity',
      'activity-mark',
      'did not come',
      state({ stored: mark('came', them, '14:05') }),
      'kept-theirs',
    ],
    [
      'my own later mark (made online)',
      'session-mark',
      'came',
      state({ stored: mark('absent', me, '15:00') }),
      'kept-own-later',
    ],
    [
      'their earlier other evaluation: never overwritten',
      'evaluation',
      'a2',
      state({ stored: mark('a1', them, '13:00') }),
      'kept-theirs',
    ],
    [
      'my own earlier other evaluation',
      'evaluation',
      'a2',
      state({ stored: mark('a1', me, '13:00') }),
      'kept-own-later',
    ],
    ['cancelled', 'session-mark', 'came', state({ occasion: { status: 'cancelled' } }), 'refused-cancelled'],
    [
      'cancelled: activity',
      'activity-mark',
      'came',
      state({ occasion: { status: 'cancelled' } }),
      'refused-cancelled',
    ],
    [
      'cancelled outranks a stored mark',
      'session-mark',
      'came',
      state({ occasion: { status: 'cancelled' }, stored: mark('came', them, '14:05') }),
      'refused-cancelled',
    ],
    [
      'cancelled outranks withdrawn consent',
      'activity-mark',
      'came',
      state({ occasion: { status: 'cancelled' }, consentWithdrawnAt: at('14:00') }),
      'refused-cancelled',
    ],
    ['round closed', 'evaluation', 'a1', state({ roundClosedAt: at('14:00') }), 'refused-round-closed'],
    [
      'round closed before the device time too',
      'evaluation',
      'a1',
      state({ roundClosedAt: at('09:00') }),
      'refused-round-closed',
    ],
    [
      'a closed round means nothing to a mark',
      'activity-mark',
      'came',
      state({ roundClosedAt: at('09:00') }),
      'applied',
    ],
    [
      'consent withdrawn after the mark',
      'activity-mark',
      'came',
      state({ consentWithdrawnAt: at('14:00') }),
      'held-consent-withdrawn',
    ],
    [
      'consent withdrawn after the evaluation',
      'evaluation',
      'a1',
      state({ consentWithdrawnAt: at('14:00') }),
      'held-consent-withdrawn',
    ],
    [
      'consent withdrawn after: outranks their later mark',
      'activity-mark',
      'came',
      state({ consentWithdrawnAt: at('14:00'), stored: mark('absent', them, '14:05') }),
      'held-consent-withdrawn',
    ],
    [
      'consent withdrawn before the mark: the usual rules decide',
      'activity-mark',
      'came',
      state({ consentWithdrawnAt: at('09:00') }),
      'applied',
    ],
    [
      'consent withdrawn at the very instant: the device knew',
      'activity-mark',
      'came',
      state({ consentWithdrawnAt: at('13:50') }),
      'applied',
    ],
    ['moved after the mark', 'session-mark', 'came', state({ occasion: moved('14:00') }), 'held-moved'],
    [
      'moved after the mark: activity',
      'activity-mark',
      'came',
      state({ occasion: moved('14:00') }),
      'held-moved',
    ],
    [
      'moved before the mark: the device had the new time',
      'session-mark',
      'came',
      state({ occasion: moved('09:00') }),
      'applied',
    ],
    [
      'moved before, with their later mark',
      'session-mark',
      'came',
      state({ occasion: moved('09:00'), stored: mark('absent', them, '14:05') }),
      'kept-theirs',
    ],
    [
      'withdrawn consent outranks a move',
      'activity-mark',
      'came',
      state({ occasion: moved('14:00'), consentWithdrawnAt: at('14:00') }),
      'held-consent-withdrawn',
    ],
  ];

  it.each(rows)('%s', (_why, kind, value, s, expected) => {
    const r = resolveOfflineChange(change(kind, value), s);
    expect(r.outcome).toBe(expected);
    expect(r.answer).toBe(OFFLINE_OUTCOME_ANSWER[expected]);
    expect(r.detail).toContain('Sam Example');
  });

  it('says who kept their mark, and when, in plain words', () => {
    const r = resolveOfflineChange(change('session-mark'), state({ stored: mark('came', them, '14:05') }));
    expect(r.detail).toBe(
      'Sam Example was already recorded the same way by Ola Officer at 14:05; it is stored once.',
    );
    const k = resolveOfflineChange(
      change('session-mark', 'absent'),
      state({ stored: mark('came', them, '14:05') }),
    );
    expect(k.detail).toBe(
      "Sam Example was already marked 'came' by Ola Officer at 14:05, after your mark at 13:50; their mark was kept.",
    );
  });

  it('names the day when the other time is on another day', () => {
    const r = resolveOfflineChange(change('session-mark'), state({ occasion: moved('14:00') }));
    expect(r.detail).toContain('Saturday 20 June 2026');
  });

  it.each(OFFLINE_OUTCOMES)('%s has an answer', (outcome) => {
    expect(['stored', 'conflict', 'held']).toContain(OFFLINE_OUTCOME_ANSWER[outcome]);
  });
});

describe('the device time a change carries', () => {
  const arrived = new Date('2026-06-14T09:00:00Z');
  const rows: ReadonlyArray<[string, string, boolean]> = [
    ['with Z', '2026-06-13T12:50:00Z', true],
    ['with an offset', '2026-06-13T13:50:00+01:00', true],
    ['with milliseconds', '2026-06-13T13:50:00.123+01:00', true],
    ['without seconds', '2026-06-13T13:50+01:00', true],
    ['4 minutes ahead: a clock a little fast', '2026-06-14T09:04:00Z', true],
    ['exactly 5 minutes ahead', '2026-06-14T09:05:00Z', true],
    ['6 minutes ahead', '2026-06-14T09:06:00Z', false],
    ['next year', '2027-06-14T09:00:00Z', false],
    ['6 days ago', '2026-06-08T09:00:00Z', true],
    [`exactly ${DEVICE_TIME_MAX_AGE_DAYS} days ago`, '2026-06-07T09:00:00Z', true],
    ['8 days ago', '2026-06-06T09:00:00Z', false],
    ['without an offset', '2026-06-13T13:50:00', false],
    ['a date only', '2026-06-13', false],
    ['garbage', 'yesterday afternoon', false],
    ['empty', '', false],
    ['a number', '1781355000000', false],
    ['month 13', '2026-13-01T10:00:00Z', false],
    ['hour 25', '2026-06-13T25:00:00Z', false],
  ];

  it.each(rows)('%s: %s', (_why, sent, ok) => {
    const r = checkDeviceTime(sent, arrived);
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.at.getTime()).toBe(new Date(sent).getTime());
    else expect(r.message).toContain('Heard-Recorded-At');
  });
});

describe('applying a held change', () => {
  const rows: ReadonlyArray<
    ['consent-withdrawn' | 'moved', boolean, string | undefined, boolean, string | null]
  > = [
    ['moved', true, undefined, true, null],
    ['moved', false, undefined, true, null],
    ['moved', false, 'They were ill.', true, null],
    ['consent-withdrawn', true, 'They were there and we must know who was.', true, null],
    ['consent-withdrawn', true, undefined, false, 'reason'],
    ['consent-withdrawn', false, 'They did not come.', true, null],
    ['consent-withdrawn', false, undefined, true, null],
  ];
  it.each(rows)('%s, came=%s, reason=%s', (why, attended, reason, ok, field) => {
    const r = mayApplyHeld(why, attended, reason);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.field).toBe(field);
  });
});
