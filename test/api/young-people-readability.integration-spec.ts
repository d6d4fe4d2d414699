import { join } from 'node:path';
import { PLAIN_WORDS_AGE, readingLevel } from '@heard/api/platform/text/reading-level';

/**
 * Every fixed text a young person reads is measured for age 10 (issue 11 §9, docs/young-experts.md):
 * retext-readability flags a sentence when most of its seven formulas put it above that age, and
 * this test fails naming each flagged sentence. Rewrite the words; never raise the age or the
 * thresholds (both live in platform/text/reading-level.ts, the API's one measure of plain
 * words). To measure another file, add one line below: its path and, when it also holds words
 * for staff, the names of the exports young people read.
 */
const YOUNG_PEOPLE_WORDS: readonly { path: string; only?: readonly string[] }[] = [
  { path: 'apps/web/src/app/young-people-area/my-space-words.ts' },
  { path: 'libs/domain/src/young-experts/my-space-messages.ts' },
  { path: 'libs/domain/src/worries/worries.contract.ts', only: ['WORRY_BEFORE_YOU_SEND'] },
  { path: 'apps/web/src/app/evaluations/answer-form/answer-words.ts' },
  { path: 'apps/web/src/app/enrolment/enrol-words.ts' },
  { path: 'libs/domain/src/action-log/loop-rules.ts', only: ['LOOP_MESSAGE_WORDS'] },
  { path: 'apps/web/src/app/board/board-words.ts' },
  { path: 'apps/web/src/app/our-plan/our-plan-words.ts' },
  { path: 'apps/web/src/app/plans/view/plan-compare-words.ts' },
  { path: 'apps/api/src/app/young-experts/subject-access-pdf.ts', only: ['SUBJECT_ACCESS_SECTIONS'] },
  { path: 'apps/api/src/app/invitations/answer-pages.ts', only: ['ANSWER_PAGE_WORDS'] },
];

/** Every string in an export: plain, in an array, or a value of an object. */
function textsIn(value: unknown, at: string): { at: string; text: string }[] {
  if (typeof value === 'string') return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => textsIn(v, `${at}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => textsIn(v, `${at}.${k}`));
  if (typeof value === 'function')
    throw new Error(`${at} is a function: write young people's words as fixed text so they can be measured.`);
  return [];
}

describe(`young people’s words read at age ${PLAIN_WORDS_AGE}`, () => {
  it('should flag a sentence written for adults, so a pass means something', async () => {
    const result = await readingLevel(
      'Consent to the publication of attributable quotations is recorded independently of participation.',
    );
    expect(result.hardSentences).toHaveLength(1);
  });

  it.each(YOUNG_PEOPLE_WORDS.map((f) => [f.path, f] as const))(
    '%s has no sentence flagged',
    async (_, file) => {
      const exports: Record<string, unknown> = require(join(__dirname, '..', '..', file.path));
      const texts = Object.entries(exports)
        .filter(([name]) => !file.only || file.only.includes(name))
        .flatMap(([name, value]) => textsIn(value, name));
      expect(texts.length).toBeGreaterThan(0);
      const flagged: string[] = [];
      for (const { at, text } of texts) {
        const { hardSentences } = await readingLevel(text);
        for (const h of hardSentences) flagged.push(`${at}: "${h.sentence}" (${h.reason})`);
      }
      expect(flagged).toEqual([]);
    },
  );
});
