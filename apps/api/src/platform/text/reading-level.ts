/**
 * "Plain words" in one place (ADR 0022): how hard a text is to read, with retext-readability.
 * The young people's pages test and the public board's child-friendly texts are both measured
 * here, with the same settings, so a pass means the same thing in both.
 */

/** The age young people's words are written for: the youngest young experts are 10. */
export const PLAIN_WORDS_AGE = 10;

/** Ages the reading age is looked for between; above the last, the text is for adults. */
const YOUNGEST = 6;
const OLDEST = 18;

export interface HardSentence {
  sentence: string;
  /** retext-readability's words: how many of its seven formulas put it above the age. */
  reason: string;
}

export interface ReadingLevel {
  /** The age it was measured for. */
  forAge: number;
  /** Each sentence most formulas put above that age; none means it reads at that age. */
  hardSentences: HardSentence[];
  /** The youngest age at which no sentence is hard, or null when it is hard even at OLDEST. */
  readingAge: number | null;
}

interface Processor {
  process(text: string): Promise<{ messages: { actual?: string; reason: string }[] }>;
}
type Retext = () => { use(plugin: unknown, options: object): Processor };

/**
 * retext is ESM only and the API (and its tests) run as CommonJS, where TypeScript turns import()
 * into require(), which Node 20 cannot do for an ES module. Evaluated, the import() stays native:
 * Node loads it in the built API, and Jest's VM modules load it in tests.
 */
const importEsm = (name: 'retext' | 'retext-readability'): Promise<Record<string, unknown>> =>
  eval(`import('${name}')`);

let loaded: Promise<(age: number) => Processor> | null = null;
const processors = new Map<number, Processor>();

/** Loads the two modules once per process; each age's processor is made once and reused. */
function processorFor(age: number): Promise<Processor> {
  loaded ??= Promise.all([importEsm('retext'), importEsm('retext-readability')]).then(
    ([r, readability]) =>
      (forAge: number) =>
        (r['retext'] as Retext)().use(readability['default'], { age: forAge }),
  );
  return loaded.then((make) => {
    let processor = processors.get(age);
    if (!processor) {
      processor = make(age);
      processors.set(age, processor);
    }
    return processor;
  });
}

async function hardSentencesAt(text: string, age: number): Promise<HardSentence[]> {
  const result = await (await processorFor(age)).process(text);
  return result.messages.map((m) => ({ sentence: m.actual ?? text, reason: m.reason }));
}

/** How hard `text` is to read: its hard sentences for `forAge`, and the youngest age it reads at. */
export async function readingLevel(text: string, forAge = PLAIN_WORDS_AGE): Promise<ReadingLevel> {
  const hardSentences = await hardSentencesAt(text, forAge);
  let readingAge: number | null = null;
  // Hard at an age means hard at every younger one (fewer formulas put it above an older age),
  // so the search starts where the answer can be.
  for (let age = hardSentences.length > 0 ? forAge + 1 : YOUNGEST; age <= OLDEST; age++) {
    const hard = age === forAge ? hardSentences : await hardSentencesAt(text, age);
    if (hard.length === 0) {
      readingAge = age;
      break;
    }
  }
  return { forAge, hardSentences, readingAge };
}
