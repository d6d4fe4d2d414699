import { TestBed } from '@angular/core/testing';
import type { PlanDocument } from '@heard/domain';
import { PlanDocumentView } from './plan-document-view';

function render(document: PlanDocument, headingBase = 2): HTMLElement {
  const fixture = TestBed.createComponent(PlanDocumentView);
  fixture.componentRef.setInput('document', document);
  fixture.componentRef.setInput('headingBase', headingBase);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('PlanDocumentView', () => {
  it('draws headings one level below the section, paragraphs, lists, links and emphasis', () => {
    const el = render({
      blocks: [
        { type: 'heading', level: 2, children: [{ type: 'text', text: 'What we did' }] },
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'We listened ' },
            { type: 'text', text: 'every', marks: ['strong'] },
            { type: 'text', text: ' month', marks: ['emphasis'] },
            { type: 'text', text: ' and ' },
            {
              type: 'link',
              href: 'https://example.org/plan',
              children: [{ type: 'text', text: 'wrote it down' }],
            },
          ],
        },
        {
          type: 'list',
          ordered: true,
          items: [[{ type: 'text', text: 'One' }], [{ type: 'text', text: 'Two' }]],
        },
        { type: 'list', ordered: false, items: [[{ type: 'text', text: 'Bullet' }]] },
      ],
    });
    const heading = el.querySelector('[role="heading"]');
    expect(heading?.getAttribute('aria-level')).toBe('3');
    expect(heading?.textContent?.trim()).toBe('What we did');
    expect(el.querySelector('p strong')?.textContent).toBe('every');
    expect(el.querySelector('p em')?.textContent).toBe(' month');
    const link = el.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.org/plan');
    expect(link?.textContent?.trim()).toBe('wrote it down');
    expect(Array.from(el.querySelectorAll('ol li')).map((li) => li.textContent?.trim())).toEqual([
      'One',
      'Two',
    ]);
    expect(Array.from(el.querySelectorAll('ul li')).map((li) => li.textContent?.trim())).toEqual(['Bullet']);
  });

  it('shows typed HTML and script as the characters typed', () => {
    const el = render({
      blocks: [
        { type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script><b>bold</b>' }] },
      ],
    });
    expect(el.querySelector('script')).toBeNull();
    expect(el.querySelector('b')).toBeNull();
    expect(el.querySelector('p')?.textContent?.trim()).toBe('<script>alert(1)</script><b>bold</b>');
  });

  it('starts headings below a deeper section heading', () => {
    const el = render(
      { blocks: [{ type: 'heading', level: 3, children: [{ type: 'text', text: 'Deep' }] }] },
      3,
    );
    expect(el.querySelector('[role="heading"]')?.getAttribute('aria-level')).toBe('5');
  });
});
