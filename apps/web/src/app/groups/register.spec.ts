import {
  changedEntries,
  entriesToSave,
  markEveryone,
  marksChanged,
  marksFrom,
  registerSummary,
  rowErrors,
} from './register';
import { problemBody } from '../../testing/fixtures';

const register = [
  { youngPersonId: 'a', preferredName: 'Ali', status: null },
  { youngPersonId: 'b', preferredName: 'Bea', status: 'apologies' as const },
  { youngPersonId: 'c', preferredName: 'Cal', status: null },
];

describe('register', () => {
  it('starts from the saved marks', () => {
    expect(marksFrom(register)).toEqual({ a: null, b: 'apologies', c: null });
  });

  it('marks everyone present', () => {
    expect(markEveryone(register, 'present')).toEqual({ a: 'present', b: 'present', c: 'present' });
  });

  it('sends only the people who are marked, in register order', () => {
    expect(entriesToSave(register, { c: 'absent', a: 'present', b: null })).toEqual([
      { youngPersonId: 'a', status: 'present' },
      { youngPersonId: 'c', status: 'absent' },
    ]);
  });

  it('keeps apart only the marks that changed, each as one entry, for the outbox', () => {
    expect(changedEntries(register, { a: 'present', b: 'apologies', c: 'absent' })).toEqual([
      { youngPersonId: 'a', status: 'present' },
      { youngPersonId: 'c', status: 'absent' },
    ]);
    expect(changedEntries(register, marksFrom(register))).toEqual([]);
  });

  it('puts each entry’s error on the person it was about', () => {
    const sent = [{ youngPersonId: 'a' }, { youngPersonId: 'c' }];
    const problem = problemBody(400, 'Only members of the group on the day can be on the register.', {
      'entries.1.youngPersonId': ['This young person was not a member of the group on the day.'],
      'entries.7.youngPersonId': ['Ignored: no such entry.'],
      entries: ['The session is cancelled.'],
    });
    expect(rowErrors(problem, sent)).toEqual({
      c: 'This young person was not a member of the group on the day.',
    });
    expect(rowErrors(null, sent)).toEqual({});
  });

  it('sums up the marks in words', () => {
    expect(registerSummary(register, { a: 'present', b: 'apologies', c: null })).toBe(
      '1 present, 1 sent apologies, 0 absent, 1 not marked yet',
    );
    expect(registerSummary(register, markEveryone(register, 'absent'))).toBe(
      '0 present, 0 sent apologies, 3 absent',
    );
  });

  it('knows when the marks differ from what is saved', () => {
    expect(marksChanged(register, marksFrom(register))).toBe(false);
    expect(marksChanged(register, { ...marksFrom(register), c: 'present' })).toBe(true);
  });
});
