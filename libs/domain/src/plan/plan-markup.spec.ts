import { planDocumentFromMarkup, planMarkupOf } from './plan-markup';
import {
  MAX_PLAN_RUN_LENGTH,
  MAX_PLAN_TEXT_CHARACTERS,
  PlanBlock,
  PlanDocument,
  PlanDocumentSchema,
  PlanInline,
  PlanTextRun,
  planPlainText,
} from './plan-text';

const text = (t: string, marks?: ('emphasis' | 'strong')[]): PlanTextRun =>
  marks ? { type: 'text', text: t, marks } : { type: 'text', text: t };
const para = (...children: PlanInline[]): PlanBlock => ({ type: 'paragraph', children });
const heading = (level: 2 | 3 | 4, words: string): PlanBlock => ({
  type: 'heading',
  level,
  children: [text(words)],
});
const list = (ordered: boolean, ...items: string[]): PlanBlock => ({
  type: 'list',
  ordered,
  items: items.map((i) => [text(i)]),
});
const link = (href: string, ...children: PlanTextRun[]): PlanInline => ({ type: 'link', href, children });
const doc = (...blocks: PlanBlock[]): PlanDocument => ({ blocks });

describe('planDocumentFromMarkup', () => {
  it.each<[string, string, PlanDocument]>([
    ['nothing', '', doc()],
    ['only spaces and blank lines', '  \n\n \t \n', doc()],
    ['one paragraph', 'We listen.', doc(para(text('We listen.')))],
    ['a blank line starts a new paragraph', 'One.\n\nTwo.', doc(para(text('One.')), para(text('Two.')))],
    ['lines without a blank one between are one paragraph', 'One\ntwo', doc(para(text('One two')))],
    ['Windows line breaks', 'One.\r\n\r\nTwo.', doc(para(text('One.')), para(text('Two.')))],
    ['spaces inside a line become one', 'We   ask\tyou', doc(para(text('We ask you')))],
    ['hidden control characters are dropped', 'We\u0000ask', doc(para(text('We ask')))],
    ['heading of level 2', '## How we listen', doc(heading(2, 'How we listen'))],
    ['heading of level 3', '### At reviews', doc(heading(3, 'At reviews'))],
    ['heading of level 4', '#### Notes', doc(heading(4, 'Notes'))],
    ['one hash is not a heading', '# Title', doc(para(text('# Title')))],
    ['five hashes are not a heading', '##### Deep', doc(para(text('##### Deep')))],
    ['a heading with no words is text', '##', doc(para(text('##')))],
    ['no space after the hashes is text', '##Close', doc(para(text('##Close')))],
    [
      'a heading ends the paragraph before it',
      'Before\n## After',
      doc(para(text('Before')), heading(2, 'After')),
    ],
    ['a bulleted list', '- One\n- Two', doc(list(false, 'One', 'Two'))],
    ['a numbered list, whatever the numbers', '1. One\n7. Two', doc(list(true, 'One', 'Two'))],
    ['bullets then numbers are two lists', '- One\n1. Two', doc(list(false, 'One'), list(true, 'Two'))],
    [
      'a blank line between items makes two lists',
      '- One\n\n- Two',
      doc(list(false, 'One'), list(false, 'Two')),
    ],
    ['text after a list is a paragraph', '- One\nAfter', doc(list(false, 'One'), para(text('After')))],
    ['a dash with nothing after it is text', '-', doc(para(text('-')))],
    ['a dash with no space is text', '-One', doc(para(text('-One')))],
    ['emphasis', 'We *always* ask', doc(para(text('We '), text('always', ['emphasis']), text(' ask')))],
    ['strong', 'We **always** ask', doc(para(text('We '), text('always', ['strong']), text(' ask')))],
    ['both', '***Always***', doc(para(text('Always', ['emphasis', 'strong'])))],
    [
      'strong then emphasis side by side',
      '**a***b*',
      doc(para(text('a', ['strong']), text('b', ['emphasis']))),
    ],
    ['a star with spaces round it is text', '5 * 3 = 15', doc(para(text('5 * 3 = 15')))],
    ['an unclosed star is text', 'We *always ask', doc(para(text('We *always ask')))],
    ['four stars are text', '****', doc(para(text('****')))],
    ['a closing star after a space closes nothing', '*a *', doc(para(text('*a *')))],
    [
      'an https link',
      'See [our plan](https://example.org/plan).',
      doc(para(text('See '), link('https://example.org/plan', text('our plan')), text('.'))),
    ],
    [
      'a mailto link',
      '[Email us](mailto:voice@example.org)',
      doc(para(link('mailto:voice@example.org', text('Email us')))),
    ],
    [
      'a link with brackets in its address',
      '[Lundy](https://example.org/wiki/Lundy_(model))',
      doc(para(link('https://example.org/wiki/Lundy_(model)', text('Lundy')))),
    ],
    [
      'emphasis inside a link’s words',
      '[our **plan**](https://example.org)',
      doc(para(link('https://example.org', text('our '), text('plan', ['strong'])))),
    ],
    [
      'a javascript: link stays as the characters typed',
      '[click](javascript:alert(1))',
      doc(para(text('[click](javascript:alert(1))'))),
    ],
    [
      'a plain http link stays as text',
      '[old](http://example.org)',
      doc(para(text('[old](http://example.org)'))),
    ],
    [
      'an address hiding a user name stays as text',
      '[bank](https://user:pass@example.org)',
      doc(para(text('[bank](https://user:pass@example.org)'))),
    ],
    [
      'a data: link stays as text',
      '[x](data:text/html,<b>hi</b>)',
      doc(para(text('[x](data:text/html,<b>hi</b>)'))),
    ],
    ['a link with no words is text', '[](https://example.org)', doc(para(text('[](https://example.org)')))],
    [
      'an address with a space is text',
      '[a](https://example.org/a b)',
      doc(para(text('[a](https://example.org/a b)'))),
    ],
    ['brackets with no address are text', '[just brackets]', doc(para(text('[just brackets]')))],
    [
      'script is kept as characters',
      '<script>alert("hi")</script>',
      doc(para(text('<script>alert("hi")</script>'))),
    ],
    [
      'HTML is kept as characters',
      '<a href="javascript:x">y</a> <b>z</b>',
      doc(para(text('<a href="javascript:x">y</a> <b>z</b>'))),
    ],
    ['an escaped star is a star', 'a \\*b\\* c', doc(para(text('a *b* c')))],
    ['an escaped hash starts no heading', '\\## Not a heading', doc(para(text('## Not a heading')))],
    ['an escaped dash starts no list', '\\- not a list', doc(para(text('- not a list')))],
    ['an escaped full stop starts no list', '1\\. not a list', doc(para(text('1. not a list')))],
    ['a backslash before a letter stays', 'C:\\Users', doc(para(text('C:\\Users')))],
  ])('%s', (_name, markup, expected) => {
    const parsed = planDocumentFromMarkup(markup);
    expect(parsed).toEqual(expected);
    // Whatever is typed makes a document the API accepts (when within its bounds).
    expect(PlanDocumentSchema.safeParse(parsed).success).toBe(true);
  });

  it('splits a paragraph longer than one run may hold into runs, so the schema takes it', () => {
    const words = 'word '.repeat(2_400).trim();
    const parsed = planDocumentFromMarkup(words);
    const block = parsed.blocks[0];
    expect(block.type).toBe('paragraph');
    const runs = block.type === 'paragraph' ? block.children : [];
    expect(runs.length).toBe(Math.ceil(words.length / MAX_PLAN_RUN_LENGTH));
    expect(runs.every((r) => r.type === 'text' && r.text.length <= MAX_PLAN_RUN_LENGTH)).toBe(true);
    expect(planPlainText(parsed)).toBe(words);
    expect(PlanDocumentSchema.safeParse(parsed).success).toBe(true);
  });

  it('keeps a section over the size limit whole, for the schema to refuse with its message', () => {
    const paragraph = 'x'.repeat(4_000);
    const markup = Array.from({ length: 6 }, () => paragraph).join('\n\n');
    const parsed = planDocumentFromMarkup(markup);
    expect(planPlainText(parsed).replace(/\n\n/g, '').length).toBe(24_000);
    const result = PlanDocumentSchema.safeParse(parsed);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(
      `Keep a section under ${MAX_PLAN_TEXT_CHARACTERS} characters.`,
    );
  });

  it.each([
    ['opening stars', '*a '.repeat(6_000)],
    ['opening brackets', '[a '.repeat(6_000)],
    ['links with no address', '[a] '.repeat(6_000)],
  ])('reads a long line of unmatched %s as text', (_name, line) => {
    const parsed = planDocumentFromMarkup(line);
    expect(planPlainText(parsed)).toBe(line.trim());
  });
});

describe('planMarkupOf', () => {
  it.each<[string, PlanDocument, string]>([
    ['nothing', doc(), ''],
    ['paragraphs with a blank line between', doc(para(text('One.')), para(text('Two.'))), 'One.\n\nTwo.'],
    ['headings', doc(heading(2, 'A'), heading(3, 'B'), heading(4, 'C')), '## A\n\n### B\n\n#### C'],
    ['lists', doc(list(false, 'a', 'b'), list(true, 'c', 'd')), '- a\n- b\n\n1. c\n2. d'],
    [
      'marks',
      doc(
        para(
          text('x', ['emphasis']),
          text(' '),
          text('y', ['strong']),
          text(' '),
          text('z', ['strong', 'emphasis']),
        ),
      ),
      '*x* **y** ***z***',
    ],
    [
      'spaces at the ends of a marked run go outside the stars',
      doc(para(text(' we ', ['strong']))),
      ' **we** ',
    ],
    ['a link', doc(para(link('https://example.org', text('here')))), '[here](https://example.org)'],
    ['stars and brackets typed as text', doc(para(text('5 * [3]'))), '5 \\* \\[3\\]'],
    ['a paragraph that looks like a heading', doc(para(text('## no'))), '\\## no'],
    ['a paragraph that looks like a list', doc(para(text('- no'))), '\\- no'],
    ['a paragraph that looks like a numbered list', doc(para(text('2. no'))), '2\\. no'],
    [
      'an address with a space and a lone bracket',
      doc(para(link('https://example.org/a b)', text('x')))),
      '[x](https://example.org/a%20b%29)',
    ],
  ])('%s', (_name, document, expected) => {
    expect(planMarkupOf(document)).toBe(expected);
  });

  it.each<[string, PlanDocument]>([
    [
      'a whole section',
      doc(
        heading(2, 'How we listen'),
        para(text('We ask you '), text('every time', ['emphasis']), text(' we meet.')),
        list(false, 'At your review', 'In the Children in Care Council'),
        list(true, 'First', 'Second'),
        para(
          text('Read more on '),
          link('https://example.org/plan', text('our '), text('website', ['strong'])),
          text('.'),
        ),
      ),
    ],
    ['characters the markup uses', doc(para(text('a \\ b * c [d] e # f - g 1. h')))],
    ['paragraphs that look like markup', doc(para(text('## x')), para(text('- y')), para(text('3. z')))],
    ['script', doc(para(text('<script>alert(1)</script>')))],
    ['list items that look like markup', doc(list(false, '## a', '- b', '1. c'))],
    ['a link with brackets in its address', doc(para(link('https://example.org/a_(b)', text('a'))))],
    ['a mailto link', doc(para(link('mailto:voice@example.org', text('email', ['emphasis']))))],
  ])('reads back as the same document: %s', (_name, document) => {
    expect(planDocumentFromMarkup(planMarkupOf(document))).toEqual(document);
  });

  it.each([
    'Plain words.',
    '## A\nwith text\n- and\n- a list\n\n1. numbered',
    'a *b* **c** ***d*** [e](https://example.org) \\* 5 * 3',
    '[bad](javascript:alert(1)) <script>x</script>',
  ])('typed text, read, written and read again, is the same document: %p', (markup) => {
    const once = planDocumentFromMarkup(markup);
    expect(planDocumentFromMarkup(planMarkupOf(once))).toEqual(once);
  });
});
