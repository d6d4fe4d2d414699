import { WaitingEntry, nextToPromote, placeAnswer, waitingListPosition } from './waiting-list';

describe('placeAnswer', () => {
  it.each<[number | null, number, 'accepted' | 'waitlisted']>([
    [null, 0, 'accepted'],
    [null, 10_000, 'accepted'],
    [12, 0, 'accepted'],
    [12, 11, 'accepted'],
    [12, 12, 'waitlisted'],
    [12, 13, 'waitlisted'],
    [1, 0, 'accepted'],
    [1, 1, 'waitlisted'],
  ])('capacity %p with %i places taken → %s', (capacity, taken, expected) => {
    expect(placeAnswer(capacity, taken)).toBe(expected);
  });
});

const at = (time: string) => new Date(`2026-07-01T${time}:00Z`);
const waiting: WaitingEntry[] = [
  { id: 'c', answeredAt: at('10:00') },
  { id: 'b', answeredAt: at('09:00') },
  { id: 'a', answeredAt: at('09:00') },
  { id: 'd', answeredAt: at('08:00') },
];

describe('nextToPromote', () => {
  it.each<[string, WaitingEntry[], string | null]>([
    ['nobody is waiting', [], null],
    ['one person is waiting', [{ id: 'x', answeredAt: at('12:00') }], 'x'],
    ['several are waiting', waiting, 'd'],
    ['two answered at the same moment', waiting.slice(0, 3), 'a'],
  ])('should pick the longest waiting when %s', (_name, list, expected) => {
    expect(nextToPromote(list)).toBe(expected);
  });

  it('should not reorder the list it is given', () => {
    const list = [...waiting];
    nextToPromote(list);
    expect(list).toEqual(waiting);
  });
});

describe('waitingListPosition', () => {
  it.each<[string, number | null]>([
    ['d', 1],
    ['a', 2],
    ['b', 3],
    ['c', 4],
    ['z', null],
  ])('%s should be at %p', (id, expected) => {
    expect(waitingListPosition(waiting, id)).toBe(expected);
  });
});
