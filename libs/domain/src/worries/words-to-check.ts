/**
 * Words and phrases that may show a young person is unsafe. A match PROMPTS an officer to look
 * again at what was written and decide whether to raise a worry; it never raises one by itself,
 * and no match never means "safe". Keep entries lower case; a space or hyphen matches either (and
 * runs of them), an apostrophe matches ' or ’. Add a phrase here, with a row in the spec, rather
 * than a second list anywhere else.
 */
export const WORDS_TO_CHECK: readonly string[] = [
  'hurt',
  'hurts',
  'hurting',
  'hurt me',
  'hit',
  'hits',
  'hitting',
  'hit me',
  'beat me',
  'beats me',
  'kicked me',
  'punched me',
  'scared',
  'afraid',
  'frightened',
  'unsafe',
  'not safe',
  'not safe at home',
  "don't want to go home",
  'kill myself',
  'killing myself',
  'want to die',
  'suicide',
  'self-harm',
  'self-harming',
  'cut myself',
  'cutting myself',
  'hate myself',
  'abuse',
  'abused',
  'abusing',
  'touched me',
  'touches me',
  'touching me',
  'runaway',
  'run away',
  'ran away',
  'running away',
  'bullied',
  'bullying',
  'groomed',
  'neglect',
  'neglected',
  'no food',
  'locked in',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A phrase as a whole-word, case-insensitive pattern: no match inside a longer word ("hit" in "white"). */
function patternFor(phrase: string): RegExp {
  const body = phrase
    .split(/[\s-]+/)
    .map((word) => escape(word).replace(/'/g, "['’]"))
    .join('[\\s-]+');
  // Letters, digits and apostrophes continue a word; lookarounds rather than \b, which knows only ASCII.
  return new RegExp(`(?<![\\p{L}\\p{N}'’])${body}(?![\\p{L}\\p{N}])`, 'iu');
}

const PATTERNS: readonly { phrase: string; pattern: RegExp }[] = WORDS_TO_CHECK.map((phrase) => ({
  phrase,
  pattern: patternFor(phrase),
}));

/**
 * The listed phrases found in `text`, in list order, without a phrase that only repeats part of a
 * longer one also found ("not safe" when "not safe at home" matched). A hint for a person, never a
 * decision: see WORDS_TO_CHECK.
 */
export function wordsToCheck(text: string): string[] {
  const found = PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ phrase }) => phrase);
  return found.filter((p) => !found.some((q) => q !== p && patternFor(p).test(q)));
}
