import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { EmptyState } from './empty-state';
import { ICON_PATHS } from '../icon/icon-paths';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EmptyState],
  template: `<heard-empty-state heading="Coming soon" message="This page is being built." icon="groups">
    <a href="/home">Go to home</a>
  </heard-empty-state>`,
})
class Host {}

describe('EmptyState', () => {
  it('shows the heading as an h2 and the message', async () => {
    const fixture = TestBed.createComponent(EmptyState);
    fixture.componentRef.setInput('heading', 'Nothing here yet');
    fixture.componentRef.setInput('message', 'When there is something to show, it will be here.');
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('h2')?.textContent?.trim()).toBe('Nothing here yet');
    expect(el.querySelector('p')?.textContent?.trim()).toBe(
      'When there is something to show, it will be here.',
    );
    expect(el.querySelector('path')?.getAttribute('d')).toBe(ICON_PATHS['hourglass']);
  });

  it('uses the given icon and projects a next step', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('path')?.getAttribute('d')).toBe(ICON_PATHS['groups']);
    expect(el.querySelector('.actions a')?.textContent).toBe('Go to home');
  });
});
