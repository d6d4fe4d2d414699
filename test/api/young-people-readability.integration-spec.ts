import { join } from 'node:path';

/**
 * Every fixed text a young person reads is measured for age 10 (issue 11 §9, docs/young-experts.md):
 * retext-readability flags a sentence when most of its seven formulas put it above that age, and
 * this test fails naming each flagged sentence. Rewrite the words; never raise the age or the
 * thresholds. To measure another file, add one line below: its path and, when it also holds words
 * for staff, the names of the exports young people read.
 */
const YOUNG_PEOPLE_WORDS: readonly { path: string; only?: readonly string[] }[] = [
  { path: 'apps/web/src/app/young-people-area/my-space-words.ts' },
  { path: 'libs/domain/src/young-experts/my-space-messages.ts' },
  { path: 'libs/domain/src/worries/worries.contract.ts', only: ['WORRY_BEFORE_YOU_SEND'] },
  { path: 'apps/web/src/app/evaluations/answer-form/answer-words.ts' },
  { path: 'apps/web/src/app/enrolment/enrol-words.ts' },
  { path: 'libs/domain/src/action-log/loop-rules.ts', only: ['LOOP_MESSAGE_WORDS'] },
];

const AGE = 10;

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

type Processor = { process(text: string): Promise<{ messages: { actual?: string; reason: string }[] }> };

/**
 * retext is ESM only and this project compiles tests to CommonJS, where TypeScript would turn
 * import() into require(). Evaluated, the import() stays native and Jest's VM modules load it.
 */
const importEsm = (name: string): Promise<Record<string, unknown>> => eval(`import('${name}')`);

describe('young people’s words read at age 10', () => {
  let processor: Processor;

  beforeAll(async () => {
    const { retext } = (await importEsm('retext')) as {
      retext: () => { use(p: unknown, o: object): Processor };
    };
    const readability = (await importEsm('retext-readability')).default;
    processor = retext().use(readability, { age: AGE });
  });

  it('should flag a sentence written for adults, so a pass means something', async () => {
    const result = await processor.process(
      'Consent to the publication of attributable quotations is recorded independently of participation.',
    );
    expect(result.messages).toHaveLength(1);
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
        const result = await processor.process(text);
        for (const m of result.messages) flagged.push(`${at}: "${m.actual ?? text}" (${m.reason})`);
      }
      expect(flagged).toEqual([]);
    },
  );
});
