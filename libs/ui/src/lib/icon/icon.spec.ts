import { TestBed } from '@angular/core/testing';
import { HeardIcon } from './icon';
import { FALLBACK_ICON_PATH, ICON_PATHS } from './icon-paths';
import { ALL_ROLES, navigationFor } from '@heard/domain';

/** Every icon name the shared navigation can ask for, across all roles. */
const navigationIconNames = [
  ...new Set(ALL_ROLES.flatMap((role) => navigationFor(role).map((item) => item.icon))),
];

async function render(name: string): Promise<HTMLElement> {
  const fixture = TestBed.createComponent(HeardIcon);
  fixture.componentRef.setInput('name', name);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('HeardIcon', () => {
  it('draws the path registered for its name', async () => {
    const el = await render('home');
    expect(el.querySelector('path')?.getAttribute('d')).toBe(ICON_PATHS['home']);
  });

  it('draws a visible fallback for an unknown name', async () => {
    const el = await render('no-such-icon');
    expect(el.querySelector('path')?.getAttribute('d')).toBe(FALLBACK_ICON_PATH);
  });

  it('is hidden from assistive technology', async () => {
    const el = await render('home');
    expect(el.getAttribute('aria-hidden')).toBe('true');
    expect(el.querySelector('svg')?.getAttribute('focusable')).toBe('false');
  });

  it.each(navigationIconNames)('has a drawing for the navigation icon "%s"', (name) => {
    expect(ICON_PATHS[name]).toEqual(expect.any(String));
  });
});
