import {
  MAX_PLAN_BLOCKS,
  MAX_PLAN_LIST_ITEMS,
  MAX_PLAN_RUN_LENGTH,
  MAX_PLAN_TEXT_CHARACTERS,
  PlanDocument,
  PlanDocumentSchema,
  PlanInline,
  PlanTextRun,
  isEmptyPlanText,
  isSafePlanLink,
  planDocumentOf,
  planPlainText,
  planTextLength,
} from './plan-text';

const text = (t: string, marks?: ('emphasis' | 'strong')[]): PlanTextRun =>
  marks ? { type: 'text', text: t, marks } : { type: 'text', text: t };
const para = (...children: PlanInline[]) => ({ type: 'paragraph' as const, children });
/** For what the schema must refuse: anything at all inside a paragraph. */
const rawPara = (...children: unknown[]) => ({ type: 'paragraph', children });

const WHOLE: PlanDocument = {
  blocks: [
    { type: 'heading', level: 2, children: [text('How we listen')] },
    para(text('We ask you '), text('every time', ['emphasis']), text(' we meet.')),
    {
      type: 'list',
      ordered: false,
      items: [[text('At your review')], [text('In the Children in Care Council')]],
    },
    para(
      text('Read more on '),
      { type: 'link', href: 'https://example.org/plan', children: [text('our website', ['strong'])] },
      text('.'),
    ),
  ],
};

function firstMessage(value: unknown): string | undefined {
  const result = PlanDocumentSchema.safeParse(value);
  return result.success ? undefined : result.error.issues[0].message;
}

describe('the safe text of a plan section', () => {
  it('accepts paragraphs, headings, lists, links and emphasis', () => {
    expect(PlanDocumentSchema.parse(WHOLE)).toEqual(WHOLE);
  });

  it('accepts an empty document: a draft section not yet written', () => {
    expect(PlanDocumentSchema.parse({ blocks: [] })).toEqual({ blocks: [] });
  });

  it('keeps script and HTML as the characters typed', () => {
    const doc = { blocks: [para(text('<script>alert(1)</script> & <b>bold</b>'))] };
    expect(PlanDocumentSchema.parse(doc)).toEqual(doc);
    expect(planPlainText(doc)).toBe('<script>alert(1)</script> & <b>bold</b>');
  });

  const long = (n: number) => 'a'.repeat(n);
  it.each([
    ['raw HTML instead of a document', '<p>Hello</p>', 'expected object'],
    [
      'an unknown block',
      { blocks: [{ type: 'html', html: '<p>x</p>' }] },
      'Use paragraphs, headings, lists and pictures.',
    ],
    [
      'an unknown inline',
      { blocks: [{ type: 'paragraph', children: [{ type: 'image', src: 'x' }] }] },
      'This is not text or a link.',
    ],
    ['an extra property', { blocks: [{ ...para(text('x')), style: 'color:red' }] }, 'Unrecognized key'],
    [
      'a heading of level 1',
      { blocks: [{ type: 'heading', level: 1, children: [text('x')] }] },
      'Use a heading of level 2, 3 or 4.',
    ],
    [
      'a heading of level 5',
      { blocks: [{ type: 'heading', level: 5, children: [text('x')] }] },
      'Use a heading of level 2, 3 or 4.',
    ],
    ['an empty paragraph', { blocks: [para()] }, 'Remove empty lines, or write something in them.'],
    ['an empty piece of text', { blocks: [para(text(''))] }, 'A piece of text cannot be empty.'],
    [
      'a line break inside text',
      { blocks: [para(text('one\ntwo'))] },
      'Remove line breaks and hidden characters: start a new paragraph instead.',
    ],
    [
      'a tab',
      { blocks: [para(text('one\ttwo'))] },
      'Remove line breaks and hidden characters: start a new paragraph instead.',
    ],
    [
      'a NUL',
      { blocks: [para(text('one\u0000'))] },
      'Remove line breaks and hidden characters: start a new paragraph instead.',
    ],
    [
      'a C1 control',
      { blocks: [para(text('one\u0085two'))] },
      'Remove line breaks and hidden characters: start a new paragraph instead.',
    ],
    [
      'an unknown mark',
      { blocks: [rawPara({ type: 'text', text: 'x', marks: ['underline'] })] },
      'Text can be emphasised or strong, nothing else.',
    ],
    ['a mark twice', { blocks: [para(text('x', ['strong', 'strong']))] }, 'Give each emphasis once.'],
    [
      'a list with no items',
      { blocks: [{ type: 'list', ordered: true, items: [] }] },
      'A list needs at least one item.',
    ],
    [
      'a list without ordered',
      { blocks: [{ type: 'list', items: [[text('x')]] }] },
      'Say whether the list is numbered.',
    ],
    [
      'a link without words',
      { blocks: [para({ type: 'link', href: 'https://example.org', children: [] })] },
      'A link needs words to click on.',
    ],
    [
      'a javascript: link',
      { blocks: [rawPara({ type: 'link', href: 'javascript:alert(1)', children: [text('x')] })] },
      'Link to an https:// web page or a mailto: email address.',
    ],
    [
      'a link inside a link',
      {
        blocks: [
          rawPara({
            type: 'link',
            href: 'https://example.org',
            children: [{ type: 'link', href: 'https://example.org', children: [text('x')] }],
          }),
        ],
      },
      'Invalid input',
    ],
    [
      'a piece of text too long',
      { blocks: [para(text(long(MAX_PLAN_RUN_LENGTH + 1)))] },
      `Keep each piece of text under ${MAX_PLAN_RUN_LENGTH} characters.`,
    ],
    [
      'too many blocks',
      { blocks: Array.from({ length: MAX_PLAN_BLOCKS + 1 }, () => para(text('x'))) },
      `At most ${MAX_PLAN_BLOCKS} paragraphs, headings and lists.`,
    ],
    [
      'too many list items',
      {
        blocks: [
          {
            type: 'list',
            ordered: false,
            items: Array.from({ length: MAX_PLAN_LIST_ITEMS + 1 }, () => [text('x')]),
          },
        ],
      },
      `At most ${MAX_PLAN_LIST_ITEMS} items in a list.`,
    ],
    [
      'too many characters in all',
      { blocks: Array.from({ length: 5 }, () => para(text(long(MAX_PLAN_TEXT_CHARACTERS / 4)))) },
      `Keep a section under ${MAX_PLAN_TEXT_CHARACTERS} characters.`,
    ],
  ])('refuses %s', (_, value, message) => {
    expect(firstMessage(value)).toContain(message);
  });

  it('allows exactly the most characters', () => {
    const doc = { blocks: Array.from({ length: 4 }, () => para(text(long(MAX_PLAN_TEXT_CHARACTERS / 4)))) };
    expect(PlanDocumentSchema.safeParse(doc).success).toBe(true);
  });
});

describe('links', () => {
  it.each([
    ['https://example.org/plan', true],
    ['https://example.org/plan?year=2026#c', true],
    ['mailto:participation@example.org', true],
    ['mailto:', false],
    ['http://example.org', false],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['file:///etc/passwd', false],
    ['https://user:secret@example.org', false],
    ['https://example.org@evil.example', false],
    ['/relative/page', false],
    ['example.org', false],
    ['', false],
  ])('%s is safe: %s', (href, safe) => {
    expect(isSafePlanLink(href)).toBe(safe);
  });
});

describe('plain text', () => {
  it('puts every heading, paragraph and list item on its own, a blank line apart', () => {
    expect(planPlainText(WHOLE)).toBe(
      'How we listen\n\nWe ask you every time we meet.\n\nAt your review\n\nIn the Children in Care Council\n\nRead more on our website.',
    );
  });

  it.each([
    [{ blocks: [] }, true],
    [{ blocks: [para(text('   '))] }, true],
    [{ blocks: [para(text(' ')), { type: 'list', ordered: false, items: [[text('  ')]] }] }, true],
    [{ blocks: [para(text(' x '))] }, false],
  ] as [PlanDocument, boolean][])('%j is empty: %s', (doc, empty) => {
    expect(isEmptyPlanText(doc)).toBe(empty);
  });

  it('counts the characters of the words, not the markup', () => {
    expect(planTextLength(WHOLE)).toBe(
      'How we listen'.length +
        'We ask you every time we meet.'.length +
        'At your review'.length +
        'In the Children in Care Council'.length +
        'Read more on our website.'.length,
    );
  });

  it.each([
    ['', []],
    ['One.', ['One.']],
    ['One\nstill one.\n\n\nTwo.', ['One still one.', 'Two.']],
    ['  \n\n  Two \t words  ', ['Two words']],
  ])('makes %j into paragraphs %j', (plain, paragraphs) => {
    const doc = planDocumentOf(plain);
    expect(doc.blocks.map((b) => (b.type === 'paragraph' ? planPlainText({ blocks: [b] }) : b.type))).toEqual(
      paragraphs,
    );
    expect(PlanDocumentSchema.safeParse(doc).success).toBe(true);
  });
});
