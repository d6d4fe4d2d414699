import { TestBed } from '@angular/core/testing';
import { PageHeader } from './page-header';

async function render(inputs: { heading: string; subtitle?: string }): Promise<HTMLElement> {
  const fixture = TestBed.createComponent(PageHeader);
  fixture.componentRef.setInput('heading', inputs.heading);
  if (inputs.subtitle !== undefined) fixture.componentRef.setInput('subtitle', inputs.subtitle);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('PageHeader', () => {
  it('renders the heading as the page h1', async () => {
    const el = await render({ heading: 'Users' });
    const headings = el.querySelectorAll('h1');
    expect(headings).toHaveLength(1);
    expect(headings[0].textContent?.trim()).toBe('Users');
  });

  it('leaves the subtitle out when there is none', async () => {
    const el = await render({ heading: 'Users' });
    expect(el.querySelector('.subtitle')).toBeNull();
  });

  it('shows the subtitle under the heading', async () => {
    const el = await render({ heading: 'Users', subtitle: 'Who can sign in to Heard.' });
    expect(el.querySelector('.subtitle')?.textContent?.trim()).toBe('Who can sign in to Heard.');
  });

  it('spaces its buttons with the shared button-row class, so they never touch', async () => {
    const el = await render({ heading: 'Sam' });
    expect(el.querySelector('.actions')?.classList).toContain('heard-buttons');
  });
});
