import { EvaluationQuestion } from './evaluation-rules';
import {
  ParticipationFacts,
  RatingTally,
  SMALL_NUMBERS_NOTE,
  VersionTallies,
  csvCell,
  distributionOf,
  participationOf,
  ratingResult,
  ratingSummary,
  resultsCsv,
  roundResults,
  versionChange,
  wordsResults,
} from './evaluation-results';

const overall: EvaluationQuestion = { key: 'overall', kind: 'rating', prompt: 'What do you think of it?' };
const easy: EvaluationQuestion = { key: 'easy', kind: 'rating', prompt: 'How easy was it?' };
const liked: EvaluationQuestion = { key: 'liked', kind: 'open', prompt: 'What did you like?' };
const quote: EvaluationQuestion = { key: 'quote', kind: 'quote', prompt: 'In your own words?' };

const tallies = (key: string, counts: [number, number, number, number, number]): RatingTally[] =>
  counts.flatMap((count, i) => (count > 0 ? [{ questionKey: key, rating: i + 1, count }] : []));

describe('distributionOf', () => {
  it.each([
    ['nobody answered', [], [0, 0, 0, 0, 0]],
    ['only "Really good"', tallies('overall', [0, 0, 0, 0, 7]), [0, 0, 0, 0, 7]],
    ['every face', tallies('overall', [1, 2, 3, 4, 5]), [1, 2, 3, 4, 5]],
    ['another question ignored', tallies('easy', [9, 9, 9, 9, 9]), [0, 0, 0, 0, 0]],
    ['a rating off the scale ignored', [{ questionKey: 'overall', rating: 6, count: 3 }], [0, 0, 0, 0, 0]],
  ] as const)('%s', (_name, rows, expected) => {
    const d = distributionOf(rows, 'overall');
    expect(d.map((f) => f.count)).toEqual(expected);
    expect(d.map((f) => f.words)).toEqual(['Really bad', 'Bad', 'OK', 'Good', 'Really good']);
  });
});

describe('ratingSummary and ratingResult', () => {
  it.each([
    [[0, 0, 0, 0, 0], 'Nobody has answered this question yet.', true],
    [
      [0, 0, 0, 0, 1],
      'Of 1 young person who answered, 1 said Good or Really good, 0 said OK and 0 said Bad or Really bad.',
      true,
    ],
    [
      [1, 1, 0, 1, 1],
      'Of 4 young people who answered, 2 said Good or Really good, 0 said OK and 2 said Bad or Really bad.',
      true,
    ],
    [
      [1, 1, 3, 4, 3],
      'Of 12 young people who answered, 7 said Good or Really good, 3 said OK and 2 said Bad or Really bad.',
      false,
    ],
    [
      [0, 0, 5, 0, 0],
      'Of 5 young people who answered, 0 said Good or Really good, 5 said OK and 0 said Bad or Really bad.',
      false,
    ],
  ] as const)('%j → %s (small numbers: %s)', (counts, summary, small) => {
    const result = ratingResult(overall, tallies('overall', [...counts]));
    expect(ratingSummary(result.distribution)).toBe(summary);
    expect(result.summary).toBe(summary);
    expect(result.smallNumbers).toBe(small);
    expect(result.smallNumbersNote).toBe(small ? SMALL_NUMBERS_NOTE : null);
    expect(result.answered).toBe((counts as readonly number[]).reduce((a, b) => a + b, 0));
    // Never an average: the result carries counts only.
    expect(Object.keys(result)).not.toContain('average');
    expect(Object.keys(result)).not.toContain('mean');
  });
});

describe('wordsResults', () => {
  it('should keep words as text, sorted within each question, and skip rating questions', () => {
    const words = wordsResults(
      [overall, liked, quote],
      [
        { questionKey: 'liked', text: 'the pictures' },
        { questionKey: 'quote', text: '<b>bold</b>' },
        { questionKey: 'liked', text: 'Bigger writing' },
        { questionKey: 'other', text: 'not asked' },
      ],
    );
    expect(words).toEqual([
      {
        questionKey: 'liked',
        prompt: liked.prompt,
        kind: 'open',
        answers: ['Bigger writing', 'the pictures'],
      },
      { questionKey: 'quote', prompt: quote.prompt, kind: 'quote', answers: ['<b>bold</b>'] },
    ]);
  });
});

const facts = (overrides: Partial<ParticipationFacts> = {}): ParticipationFacts => ({
  tookPart: 6,
  throughLink: 2,
  pictureMode: 1,
  helped: 3,
  ageBands: [
    { ageBand: '13-15', count: 3 },
    { ageBand: '10-12', count: 1 },
    { ageBand: null, count: 2 },
  ],
  groups: [
    { groupId: 'a', name: 'Seniors', count: 1 },
    { groupId: 'b', name: 'Juniors', count: 3 },
  ],
  inNoGroup: 0,
  ...overrides,
});

describe('participationOf', () => {
  it('should list every age band with zeros, the unknown, and groups largest first', () => {
    const p = participationOf(facts());
    expect(p.byAgeBand).toEqual([
      { key: '10-12', count: 1 },
      { key: '13-15', count: 3 },
      { key: '16-17', count: 0 },
      { key: '18-25', count: 0 },
    ]);
    expect(p.ageBandNotKnown).toBe(2);
    expect(p.byGroup.map((g) => g.name)).toEqual(['Juniors', 'Seniors']);
    expect(p.smallNumbers).toBe(false);
  });

  it.each([
    [0, true],
    [4, true],
    [5, false],
  ])('%i took part: small numbers %s', (tookPart, small) => {
    const p = participationOf(facts({ tookPart, ageBands: [] }));
    expect(p.smallNumbers).toBe(small);
    expect(p.smallNumbersNote).toBe(small ? SMALL_NUMBERS_NOTE : null);
  });
});

describe('versionChange', () => {
  const version = (
    label: string,
    addedAt: string,
    questions: EvaluationQuestion[],
    rows: RatingTally[],
  ): VersionTallies => ({
    versionId: `id-${label}`,
    label,
    addedAt,
    rounds: 1,
    tookPart: rows.reduce((s, r) => s + r.count, 0),
    questions,
    tallies: rows,
  });

  it('should put each common rating question side by side per version, oldest first', () => {
    const change = versionChange({ id: 't', name: 'Roles index' }, [
      version('v2', '2026-02-01', [overall, easy, liked], tallies('overall', [0, 0, 1, 3, 4])),
      version('v1', '2026-01-01', [overall, liked], tallies('overall', [2, 2, 1, 0, 0])),
      version('v3', '2026-03-01', [easy], tallies('easy', [0, 0, 0, 1, 0])),
    ]);
    expect(change.versions.map((v) => v.label)).toEqual(['v1', 'v2', 'v3']);
    expect(change.questions.map((q) => q.questionKey)).toEqual(['overall', 'easy']);
    const [o, e] = change.questions;
    expect(o.versions.map((v) => v.distribution.map((d) => d.count))).toEqual([
      [2, 2, 1, 0, 0],
      [0, 0, 1, 3, 4],
      [0, 0, 0, 0, 0],
    ]);
    expect(o.versions.map((v) => v.asked)).toEqual([true, true, false]);
    expect(o.versions[2].summary).toBe('This version’s rounds did not ask this question.');
    expect(o.versions[2].smallNumbers).toBe(false);
    expect(o.versions[1]).toMatchObject({ answered: 8, positive: 7, smallNumbers: false });
    expect(o.versions[0]).toMatchObject({ answered: 5, positive: 0, smallNumbers: false });
    expect(e.versions.map((v) => v.asked)).toEqual([false, true, true]);
    expect(e.versions[2]).toMatchObject({
      answered: 1,
      smallNumbers: true,
      smallNumbersNote: SMALL_NUMBERS_NOTE,
    });
  });

  it('should have no questions to compare with one version', () => {
    expect(
      versionChange({ id: 't', name: 'x' }, [version('v1', '2026-01-01', [overall], [])]).questions,
    ).toEqual([]);
  });
});

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    [3, '3'],
    [null, ''],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tTAB', "'\tTAB"],
    ['=HYPERLINK("x", "y")', '"\'=HYPERLINK(""x"", ""y"")"'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ] as const)('%j → %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('resultsCsv', () => {
  it('should have a row per face with counts, the summary, who took part and the words', () => {
    const results = roundResults(
      {
        id: 'r',
        title: 'Round',
        toolId: 't',
        toolName: 'Tool',
        versionLabel: 'v1',
        occasion: null,
        opensOn: '2026-01-01',
        closesOn: '2026-01-31',
        audience: 'link',
      },
      [overall, liked],
      tallies('overall', [0, 0, 1, 0, 2]),
      [{ questionKey: 'liked', text: '=cmd, "quoted"' }],
      facts({ tookPart: 3, throughLink: 3, ageBands: [], groups: [] }),
    );
    const lines = resultsCsv(results).split('\r\n');
    expect(lines[0]).toBe('section,question key,question,choice,count,answered,note');
    expect(lines).toContain('took part,,,everyone,3,3,Fewer than 5 young people answered: read with care.');
    expect(lines).toContain(
      'rating,overall,What do you think of it?,Really bad,0,3,Fewer than 5 young people answered: read with care.',
    );
    expect(lines).toContain(
      'rating,overall,What do you think of it?,Really good,2,3,Fewer than 5 young people answered: read with care.',
    );
    expect(lines).toContain(
      'summary,overall,What do you think of it?,"Of 3 young people who answered, 2 said Good or Really good, 1 said OK and 0 said Bad or Really bad.",2,3,Fewer than 5 young people answered: read with care.',
    );
    expect(lines).toContain(`words,liked,What did you like?,"'=cmd, ""quoted""",,,`);
    expect(lines[lines.length - 1]).toBe('');
  });
});
