import { TestBed } from '@angular/core/testing';
import { PLAN_SECTIONS } from '@heard/domain';
import type { PlanSectionComparison } from '@heard/domain';
import { axeViolations } from '../../../testing/axe';
import { PlanCompareTexts, PlanCompareView, compareSummary } from './plan-compare-view';
import { PLAN_COMPARE } from './plan-compare-words';

const CHANGED: PlanSectionComparison = {
  key: 'individual_work',
  professional: [
    { kind: 'same', text: 'We will listen to ' },
    { kind: 'removed', text: 'children' },
    { kind: 'added', text: 'every child' },
    { kind: 'same', text: ', and we will check.\n\nTwice a year.' },
  ],
  childFriendly: [{ kind: 'same', text: 'We will listen to you.' }],
};
const EMPTY: PlanSectionComparison = { key: 'lundy', professional: [], childFriendly: [] };

function render(
  sections: PlanSectionComparison[],
  texts: PlanCompareTexts = 'both',
  labels?: { before: string; after: string },
): HTMLElement {
  const fixture = TestBed.createComponent(PlanCompareView);
  fixture.componentRef.setInput('sections', sections);
  fixture.componentRef.setInput('texts', texts);
  if (labels) {
    fixture.componentRef.setInput('beforeLabel', labels.before);
    fixture.componentRef.setInput('afterLabel', labels.after);
  }
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

/** The words a sighted reader sees: without what only a screen reader hears. */
function seen(el: Element | null): string {
  const copy = el?.cloneNode(true) as Element | undefined;
  copy?.querySelectorAll('.cdk-visually-hidden').forEach((hidden) => hidden.remove());
  return copy?.textContent ?? '';
}

describe('compareSummary', () => {
  it.each([
    [[{ kind: 'same', text: 'We listen.' }], PLAN_COMPARE.noChanges],
    [[], PLAN_COMPARE.noChanges],
    [[{ kind: 'added', text: 'always ' }], '1 word added.'],
    [
      [
        { kind: 'removed', text: 'children and ' },
        { kind: 'added', text: 'every child and young person' },
      ],
      '5 words added, 2 words removed.',
    ],
    [[{ kind: 'removed', text: 'and then some' }], '3 words removed.'],
  ] as const)('%j reads "%s"', (segments, words) => {
    expect(compareSummary(segments)).toBe(words);
  });
});

describe('PlanCompareView', () => {
  it('marks added and removed words in words, signs and lines, not by colour alone, and passes axe', async () => {
    const el = render([CHANGED], 'both', { before: 'Version 1', after: 'Version 2' });
    const headings = Array.from(el.querySelectorAll('[role="heading"]')).map((h) => [
      h.getAttribute('aria-level'),
      h.textContent?.trim(),
    ]);
    expect(headings).toEqual([
      ['2', PLAN_SECTIONS.individual_work.title],
      ['3', PLAN_COMPARE.forProfessionals],
      ['3', PLAN_COMPARE.forYoungPeople],
    ]);
    const summaries = Array.from(el.querySelectorAll('.plan-compare-summary')).map((p) =>
      p.textContent?.trim(),
    );
    expect(summaries).toEqual(['2 words added, 1 word removed.', PLAN_COMPARE.noChanges]);

    // As one text (a phone, and paper): every change in its place, with its sign.
    const one = el.querySelector('.plan-compare-one');
    expect(seen(one)).toBe('We will listen to −children+every child, and we will check.\n\nTwice a year.');
    expect(one?.querySelector('ins')?.textContent).toBe(
      `${PLAN_COMPARE.addedStart} +every child ${PLAN_COMPARE.addedEnd} `,
    );
    expect(one?.querySelector('del')?.textContent).toBe(
      `${PLAN_COMPARE.removedStart} −children ${PLAN_COMPARE.removedEnd} `,
    );
    expect(one?.querySelector('ins .plan-compare-mark')?.getAttribute('aria-hidden')).toBe('true');

    // Side by side (a wide screen): what was there before, and what is there now.
    const [before, after] = Array.from(el.querySelectorAll('.plan-compare-side'));
    expect(before.getAttribute('aria-label')).toBe('Version 1');
    expect(after.getAttribute('aria-label')).toBe('Version 2');
    expect(seen(before.querySelector('.plan-compare-words'))).toBe(
      'We will listen to −children, and we will check.\n\nTwice a year.',
    );
    expect(before.querySelector('ins')).toBeNull();
    expect(seen(after.querySelector('.plan-compare-words'))).toBe(
      'We will listen to +every child, and we will check.\n\nTwice a year.',
    );
    expect(after.querySelector('del')).toBeNull();

    // An unchanged text is shown once, as it is.
    const texts = el.querySelectorAll('.plan-compare-text');
    expect(texts[1].querySelector('.plan-compare-sides')).toBeNull();
    expect(seen(texts[1].querySelector('.plan-compare-words'))).toBe('We will listen to you.');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('shows one text under the title young people read, and says when a section is empty in both', async () => {
    const el = render([CHANGED, EMPTY], 'childFriendly');
    const headings = Array.from(el.querySelectorAll('[role="heading"]')).map((h) => h.textContent?.trim());
    expect(headings).toEqual([PLAN_SECTIONS.individual_work.childTitle, PLAN_SECTIONS.lundy.childTitle]);
    expect(el.textContent).not.toContain('every child');
    expect(el.textContent).toContain(PLAN_COMPARE.empty);
    expect(el.querySelectorAll('.plan-compare-side-label')).toHaveLength(0);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('shows the professional text alone under its own title, with the default side labels', () => {
    const el = render([CHANGED], 'professional');
    expect(el.querySelector('[role="heading"]')?.textContent?.trim()).toBe(
      PLAN_SECTIONS.individual_work.title,
    );
    expect(Array.from(el.querySelectorAll('.plan-compare-side-label')).map((p) => p.textContent)).toEqual([
      PLAN_COMPARE.before,
      PLAN_COMPARE.after,
    ]);
    expect(el.textContent).not.toContain('We will listen to you.');
  });

  it('shows typed HTML as the characters typed', () => {
    const el = render([
      {
        key: 'individual_work',
        professional: [{ kind: 'added', text: '<script>alert(1)</script><b>bold</b>' }],
        childFriendly: [],
      },
    ]);
    expect(el.querySelector('script')).toBeNull();
    expect(el.querySelector('b')).toBeNull();
    expect(seen(el.querySelector('.plan-compare-one'))).toBe('+<script>alert(1)</script><b>bold</b>');
  });
});
