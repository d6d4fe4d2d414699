import { Role } from '../roles/role';
import { AGE_BANDS, AgeBand } from '../young-people/age';
import { IsoDate } from '../shared/dates';
import { neutraliseCell } from '../shared/spreadsheet-cell';
import { SMALL_NUMBER_THRESHOLD } from '../shared/small-numbers';
import type { EvaluationRoundOccasion } from './evaluations.contract';
import { EvaluationQuestion, RATING_SCALE, Rating, RoundAudience, isRating } from './evaluation-rules';

/**
 * Results of evaluations, always with their context (issue 11 §6, docs/evaluations.md "Results").
 * The research behind Heard (seed 002, chapter two) warns that a score stripped of its context
 * misleads: a child who ticks "Really good" five times may be anxious to seem compliant. So a
 * rating is shown as its whole distribution over the five faces, never as an average; a summary
 * figure is a count of faces beside it; fewer than five answers are flagged where the figure is;
 * the young people's own words sit beside the numbers. No zod: the results page imports this.
 */

/** Who reads results: the practice tools' readers. Aggregates and unnamed words only. */
export const EVALUATION_RESULT_READERS = [Role.ParticipationOfficer, Role.SeniorLeader] as const;

export const SMALL_NUMBERS_NOTE = `Fewer than ${SMALL_NUMBER_THRESHOLD} young people answered: read with care.`;

/** The faces a summary counts as liking it: "Good" and "Really good". */
export const POSITIVE_RATINGS: readonly Rating[] = [4, 5];
export const NEGATIVE_RATINGS: readonly Rating[] = [1, 2];

/** One row of SQL's count of a round's ratings: how many chose a face for a question. */
export interface RatingTally {
  questionKey: string;
  rating: number;
  count: number;
}

/** An answer in words: open questions and quote boxes. No evaluation, no person, no date. */
export interface WordsRow {
  questionKey: string;
  text: string;
}

export interface FaceCount {
  rating: Rating;
  /** What the face says: the distribution is read in words, never as bare numbers. */
  words: string;
  face: string;
  count: number;
}

export interface RatingResult {
  questionKey: string;
  prompt: string;
  /** All five faces, worst first, zero counts included. */
  distribution: FaceCount[];
  /** How many answered this question (skipping is allowed). */
  answered: number;
  /** How many chose "Good" or "Really good". */
  positive: number;
  negative: number;
  /** A plain sentence with the counts, for the page and screen readers. */
  summary: string;
  smallNumbers: boolean;
  /** SMALL_NUMBERS_NOTE when smallNumbers, else null: shown beside the figure. */
  smallNumbersNote: string | null;
}

export interface WordsResult {
  questionKey: string;
  prompt: string;
  kind: 'open' | 'quote';
  /** Sorted, so their order says nothing about who answered when. */
  answers: string[];
}

export interface CountByKey<K extends string> {
  key: K;
  count: number;
}

export interface GroupCount {
  groupId: string;
  name: string;
  count: number;
}

export interface Participation {
  /** Evaluations given in the round (each is one young person answering once). */
  tookPart: number;
  /** Through the round's link: no identity, age band or group is kept for these. */
  throughLink: number;
  /** Every band, zeros included, then those with no band known (link answers). */
  byAgeBand: CountByKey<AgeBand>[];
  ageBandNotKnown: number;
  /**
   * The groups young people were members of on the day they answered; one young person may be
   * in several, so these can add up to more than tookPart.
   */
  byGroup: GroupCount[];
  /** Named young people who were in no group on the day. */
  inNoGroup: number;
  pictureMode: number;
  helped: number;
  smallNumbers: boolean;
  smallNumbersNote: string | null;
}

export interface RoundResults {
  round: {
    id: string;
    title: string;
    toolId: string;
    toolName: string;
    versionLabel: string;
    occasion: EvaluationRoundOccasion | null;
    opensOn: IsoDate;
    closesOn: IsoDate;
    audience: RoundAudience;
  };
  participation: Participation;
  ratings: RatingResult[];
  words: WordsResult[];
}

/** What the SQL counted about who took part. */
export interface ParticipationFacts {
  tookPart: number;
  throughLink: number;
  pictureMode: number;
  helped: number;
  ageBands: { ageBand: string | null; count: number }[];
  groups: GroupCount[];
  inNoGroup: number;
}

const smallNote = (n: number): string | null => (n < SMALL_NUMBER_THRESHOLD ? SMALL_NUMBERS_NOTE : null);

const peopleWord = (n: number): string => (n === 1 ? 'young person' : 'young people');

/** The five faces with their counts, zeros included, from a question's tallies (others ignored). */
export function distributionOf(tallies: readonly RatingTally[], questionKey: string): FaceCount[] {
  const counts = new Map<number, number>();
  for (const t of tallies)
    if (t.questionKey === questionKey && isRating(t.rating))
      counts.set(t.rating, (counts.get(t.rating) ?? 0) + t.count);
  return RATING_SCALE.map((step) => ({
    rating: step.value,
    words: step.words,
    face: step.face,
    count: counts.get(step.value) ?? 0,
  }));
}

/**
 * The plain-text sentence for a distribution: counts of faces, never an average.
 * "Of 12 young people who answered, 7 said Good or Really good, 3 said OK and 2 said Bad or Really bad."
 */
export function ratingSummary(distribution: readonly FaceCount[]): string {
  const count = (ratings: readonly Rating[]) =>
    distribution.filter((d) => ratings.includes(d.rating)).reduce((sum, d) => sum + d.count, 0);
  const answered = distribution.reduce((sum, d) => sum + d.count, 0);
  if (answered === 0) return 'Nobody has answered this question yet.';
  const positive = count(POSITIVE_RATINGS);
  const negative = count(NEGATIVE_RATINGS);
  const ok = answered - positive - negative;
  return (
    `Of ${answered} ${peopleWord(answered)} who answered, ${positive} said Good or Really good, ` +
    `${ok} said OK and ${negative} said Bad or Really bad.`
  );
}

export function ratingResult(question: EvaluationQuestion, tallies: readonly RatingTally[]): RatingResult {
  const distribution = distributionOf(tallies, question.key);
  const answered = distribution.reduce((sum, d) => sum + d.count, 0);
  const sum = (ratings: readonly Rating[]) =>
    distribution.filter((d) => ratings.includes(d.rating)).reduce((s, d) => s + d.count, 0);
  return {
    questionKey: question.key,
    prompt: question.prompt,
    distribution,
    answered,
    positive: sum(POSITIVE_RATINGS),
    negative: sum(NEGATIVE_RATINGS),
    summary: ratingSummary(distribution),
    smallNumbers: answered < SMALL_NUMBER_THRESHOLD,
    smallNumbersNote: smallNote(answered),
  };
}

/** Made once: `localeCompare` with a locale builds a collator on every call, and a round has many words. */
const COLLATOR = new Intl.Collator('en-GB');
const byText = (a: string, b: string) => COLLATOR.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** The words given to each open question and quote box, in the round's order, sorted within. */
export function wordsResults(
  questions: readonly EvaluationQuestion[],
  rows: readonly WordsRow[],
): WordsResult[] {
  return questions.flatMap((q) =>
    q.kind === 'rating'
      ? []
      : [
          {
            questionKey: q.key,
            prompt: q.prompt,
            kind: q.kind,
            answers: rows
              .filter((r) => r.questionKey === q.key)
              .map((r) => r.text)
              .sort(byText),
          },
        ],
  );
}

export function participationOf(facts: ParticipationFacts): Participation {
  const bands = new Map(facts.ageBands.map((b) => [b.ageBand, b.count]));
  const known = AGE_BANDS.map((band) => ({ key: band, count: bands.get(band) ?? 0 }));
  const knownTotal = known.reduce((s, b) => s + b.count, 0);
  return {
    tookPart: facts.tookPart,
    throughLink: facts.throughLink,
    byAgeBand: known,
    ageBandNotKnown: facts.tookPart - knownTotal,
    byGroup: [...facts.groups].sort((a, b) => b.count - a.count || COLLATOR.compare(a.name, b.name)),
    inNoGroup: facts.inNoGroup,
    pictureMode: facts.pictureMode,
    helped: facts.helped,
    smallNumbers: facts.tookPart < SMALL_NUMBER_THRESHOLD,
    smallNumbersNote: smallNote(facts.tookPart),
  };
}

/** A round's results from what SQL counted: every rating question, even one nobody answered. */
export function roundResults(
  round: RoundResults['round'],
  questions: readonly EvaluationQuestion[],
  tallies: readonly RatingTally[],
  words: readonly WordsRow[],
  participation: ParticipationFacts,
): RoundResults {
  return {
    round,
    participation: participationOf(participation),
    ratings: questions.filter((q) => q.kind === 'rating').map((q) => ratingResult(q, tallies)),
    words: wordsResults(questions, words),
  };
}

/** One version of a tool, with every rating tally of its rounds and the questions they asked. */
export interface VersionTallies {
  versionId: string;
  label: string;
  /** Oldest first: the order versions are compared in. */
  addedAt: string;
  rounds: number;
  tookPart: number;
  questions: readonly EvaluationQuestion[];
  tallies: readonly RatingTally[];
}

export interface VersionDistribution {
  versionId: string;
  label: string;
  /** False: this version's rounds did not ask it; the distribution is then all zeros. */
  asked: boolean;
  prompt: string | null;
  distribution: FaceCount[];
  answered: number;
  positive: number;
  summary: string;
  smallNumbers: boolean;
  smallNumbersNote: string | null;
}

export interface QuestionChange {
  questionKey: string;
  /** Each version in order, side by side. */
  versions: VersionDistribution[];
}

export interface VersionChange {
  toolId: string;
  toolName: string;
  versions: { versionId: string; label: string; rounds: number; tookPart: number }[];
  /** Rating questions asked in two or more versions (the same key). */
  questions: QuestionChange[];
}

/**
 * The change between versions of a tool: for each rating question key asked in at least two
 * versions, each version's distribution side by side, with counts. A version that did not ask it
 * says so rather than showing zeros as if nobody liked it.
 */
export function versionChange(
  tool: { id: string; name: string },
  versions: readonly VersionTallies[],
): VersionChange {
  const ordered = [...versions].sort(
    (a, b) => a.addedAt.localeCompare(b.addedAt) || a.versionId.localeCompare(b.versionId),
  );
  const ratingKeys = (v: VersionTallies) =>
    new Set(v.questions.filter((q) => q.kind === 'rating').map((q) => q.key));
  const keyCounts = new Map<string, number>();
  const keyOrder: string[] = [];
  for (const v of ordered)
    for (const key of ratingKeys(v)) {
      if (!keyCounts.has(key)) keyOrder.push(key);
      keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);
    }
  const common = keyOrder.filter((key) => (keyCounts.get(key) ?? 0) >= 2);
  return {
    toolId: tool.id,
    toolName: tool.name,
    versions: ordered.map((v) => ({
      versionId: v.versionId,
      label: v.label,
      rounds: v.rounds,
      tookPart: v.tookPart,
    })),
    questions: common.map((key) => ({
      questionKey: key,
      versions: ordered.map((v) => {
        const question = v.questions.find((q) => q.key === key && q.kind === 'rating');
        const result = ratingResult(question ?? { key, kind: 'rating', prompt: '' }, v.tallies);
        return {
          versionId: v.versionId,
          label: v.label,
          asked: question !== undefined,
          prompt: question?.prompt ?? null,
          distribution: result.distribution,
          answered: result.answered,
          positive: result.positive,
          summary: question ? result.summary : 'This version’s rounds did not ask this question.',
          smallNumbers: question !== undefined && result.smallNumbers,
          smallNumbersNote: question ? result.smallNumbersNote : null,
        };
      }),
    })),
  };
}

/**
 * The questions of several rounds of one version, one per key (the latest round's wording wins,
 * as rounds come newest first).
 */
export function questionsOfRounds(rounds: readonly (readonly EvaluationQuestion[])[]): EvaluationQuestion[] {
  const byKey = new Map<string, EvaluationQuestion>();
  for (const questions of rounds) for (const q of questions) if (!byKey.has(q.key)) byKey.set(q.key, q);
  return [...byKey.values()];
}

/**
 * One CSV cell, safe to open in a spreadsheet: a cell that would start a formula is neutralised
 * (neutraliseCell), and a cell with a comma, quote or line break is quoted with its quotes doubled.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? neutraliseCell(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const RESULTS_CSV_HEADER = [
  'section',
  'question key',
  'question',
  'choice',
  'count',
  'answered',
  'note',
];

/**
 * A round's results as CSV rows: who took part, one row per rating question and face with its
 * count (zeros included) and the small-numbers note, each question's summary, then the words.
 */
export function resultsCsv(results: RoundResults): string {
  const rows: (string | number | null)[][] = [RESULTS_CSV_HEADER];
  const p = results.participation;
  const took = (choice: string, count: number) => [
    'took part',
    null,
    null,
    choice,
    count,
    p.tookPart,
    p.smallNumbersNote,
  ];
  rows.push(took('everyone', p.tookPart), took('through the link', p.throughLink));
  for (const b of p.byAgeBand) rows.push(took(`aged ${b.key}`, b.count));
  rows.push(took('age band not known', p.ageBandNotKnown));
  for (const g of p.byGroup) rows.push(took(`group: ${g.name}`, g.count));
  rows.push(took('in no group', p.inNoGroup));
  for (const r of results.ratings) {
    for (const d of r.distribution)
      rows.push(['rating', r.questionKey, r.prompt, d.words, d.count, r.answered, r.smallNumbersNote]);
    rows.push(['summary', r.questionKey, r.prompt, r.summary, r.positive, r.answered, r.smallNumbersNote]);
  }
  for (const w of results.words)
    for (const text of w.answers) rows.push(['words', w.questionKey, w.prompt, text, null, null, null]);
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
