import { ErasureDecisionSchema, ErasureRequestSchema } from './erasure.contract';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : (result.error?.issues.map((i) => i.path.join('.')) ?? []);

describe('ErasureDecisionSchema', () => {
  it.each([
    [{ decision: 'erase', confirmCannotBeUndone: true }, []],
    [{ decision: 'erase' }, ['confirmCannotBeUndone']],
    [{ decision: 'erase', confirmCannotBeUndone: false, reason: 'Because.' }, ['confirmCannotBeUndone']],
    [{ decision: 'refuse', reason: 'We must keep it while you are in care.' }, []],
    [{ decision: 'refuse', reason: '   ' }, ['reason']],
    [{ decision: 'erase_part' }, ['reason']],
    [{ decision: 'erase_part', reason: 'Only the photo.' }, []],
    [{ decision: 'shred' }, ['decision']],
    [{ decision: 'refuse', reason: 'x'.repeat(2001) }, ['reason']],
    [{ decision: 'erase', confirmCannotBeUndone: true, extra: 1 }, ['']],
  ])('%j has problems at %j', (body, expected) => {
    expect(issues(ErasureDecisionSchema.safeParse(body))).toEqual(expected);
  });
});

describe('ErasureRequestSchema', () => {
  const ok = { askedBy: 'young_person', receivedHow: 'email', receivedOn: '2026-03-02' };
  it.each([
    [ok, []],
    [{ ...ok, askedBy: 'cat' }, ['askedBy']],
    [{ ...ok, receivedOn: '2026-02-30' }, ['receivedOn']],
    [{ ...ok, details: 'y'.repeat(2001) }, ['details']],
    [{ ...ok, deletionRequestId: 'nope' }, ['deletionRequestId']],
  ])('%j has problems at %j', (body, expected) => {
    expect(issues(ErasureRequestSchema.safeParse(body))).toEqual(expected);
  });

  it('treats empty details as none', () => {
    expect(ErasureRequestSchema.parse({ ...ok, details: '  ' })).toMatchObject({
      details: null,
      deletionRequestId: null,
    });
  });
});
