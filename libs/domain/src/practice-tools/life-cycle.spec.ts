import {
  PRACTICE_TOOL_STAGES,
  PracticeToolStage,
  allowedMoves,
  checkStageMove,
  nextStage,
  previousStage,
} from './life-cycle';

type Outcome = 'free' | 'reason' | 'refused';

/** Rows are from, columns to, in life-cycle order. */
const TABLE: Record<PracticeToolStage, Outcome[]> = {
  //                      co_prod    evaluated  shared     embedded   retired
  co_producing: /*     */ ['refused', 'free', /**/ 'refused', 'refused', 'reason'],
  being_evaluated: /*  */ ['reason', 'refused', 'free', /*  */ 'refused', 'reason'],
  shared_with_workforce: ['refused', 'reason', 'refused', 'free', /*  */ 'reason'],
  embedded: /*         */ ['refused', 'refused', 'reason', 'refused', 'reason'],
  retired: /*          */ ['refused', 'refused', 'refused', 'refused', 'refused'],
};

describe('practice tool life cycle', () => {
  const cases = PRACTICE_TOOL_STAGES.flatMap((from) =>
    PRACTICE_TOOL_STAGES.map((to, i) => [from, to, TABLE[from][i]] as const),
  );

  it.each(cases)('from %s to %s should be %s', (from, to, expected) => {
    const check = checkStageMove(from, to);
    const outcome: Outcome = !check.allowed ? 'refused' : check.needsReason ? 'reason' : 'free';
    expect(outcome).toBe(expected);
    if (!check.allowed) expect(check.message).toMatch(/\.$/);
  });

  it('should say plainly why a move is refused', () => {
    expect(checkStageMove('co_producing', 'embedded')).toEqual({
      allowed: false,
      message: 'A tool moves one stage at a time: next is "Being evaluated".',
    });
    expect(checkStageMove('embedded', 'being_evaluated')).toEqual({
      allowed: false,
      message: 'A tool can go back only one stage, to "Shared with the workforce".',
    });
    expect(checkStageMove('retired', 'embedded')).toEqual({
      allowed: false,
      message: 'A retired tool cannot move to another stage.',
    });
    expect(checkStageMove('embedded', 'embedded')).toEqual({
      allowed: false,
      message: 'The tool is already at "Embedded".',
    });
  });

  it('should name the next and previous stage, and none beyond the ends or once retired', () => {
    expect(nextStage('co_producing')).toBe('being_evaluated');
    expect(nextStage('embedded')).toBe('retired');
    expect(nextStage('retired')).toBeNull();
    expect(previousStage('co_producing')).toBeNull();
    expect(previousStage('embedded')).toBe('shared_with_workforce');
    expect(previousStage('retired')).toBeNull();
  });

  it('should list the allowed moves from a stage in order', () => {
    expect(allowedMoves('being_evaluated')).toEqual([
      { to: 'co_producing', needsReason: true },
      { to: 'shared_with_workforce', needsReason: false },
      { to: 'retired', needsReason: true },
    ]);
    expect(allowedMoves('retired')).toEqual([]);
  });
});
