import { taggedDocument } from '@heard/api/platform/pdf/tagged-pdf';
import { typedTextWriter } from '@heard/api/platform/pdf/typed-text-pdf';
import type { PlanDocument } from '@heard/domain';
import { pdfDictionaries, pdfText } from './support/pdf';

/**
 * Each document opens its own fonts and embeds its own subset of the glyphs it used (tagged-pdf.ts).
 * Sharing opened fonts between documents was tried for speed and gave letters wrong characters in
 * their text layer now and then (docs/benchmarks.md): these make two documents at once,
 * interleaved block by block as the document workers' do, and read each back.
 */
const paragraphs = (lines: string[]): PlanDocument => ({
  blocks: lines.map((text, i) => ({
    type: 'paragraph',
    children: [{ type: 'text', text, ...(i % 2 ? { marks: ['strong' as const] } : {}) }],
  })),
});

async function make(title: string, lines: string[]): Promise<Buffer> {
  const tagged = taggedDocument(title, { pdfUa: true });
  await typedTextWriter(tagged).text(paragraphs(lines), 2);
  tagged.root.end();
  tagged.doc.end();
  return Buffer.from(await tagged.done);
}

describe('tagged PDFs made at once', () => {
  it('makes two documents at once, each with its own words and its own embedded subset', async () => {
    const greek = ['Ελένη μίλησε για το σχολείο.', 'Ο Νίκος ρώτησε γιατί.', 'Η ομάδα συναντήθηκε.'];
    const cyrillic = ['Дарья пришла первой.', 'Мы слушали друг друга.', 'Всё было понятно.'];
    const [first, second] = await Promise.all([make('First', greek), make('Second', cyrillic)]);

    for (const [pdf, own, other] of [
      [first, greek, cyrillic],
      [second, cyrillic, greek],
    ] as const) {
      const text = pdfText(pdf);
      for (const line of own) expect(text).toContain(line);
      for (const line of other) expect(text).not.toContain(line);
      const dictionaries = pdfDictionaries(pdf);
      // Regular and bold were both used: each embedded, none left to a reader's own fonts.
      expect(dictionaries.match(/\/FontFile2/g)?.length).toBe(2);
      expect(dictionaries).toMatch(/DejaVuSans-Bold/);
    }
    // A later document reads the same.
    expect(pdfText(await make('Third', greek))).toBe(pdfText(first));
  });
});
