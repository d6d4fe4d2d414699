import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { axeViolations } from '../../testing/axe';
import { ComingSoonPage } from './coming-soon-page';

describe('ComingSoonPage', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({ imports: [ComingSoonPage], providers: [provideRouter([])] }),
  );

  it('says plainly that the page is coming soon, with a way home', async () => {
    const fixture = TestBed.createComponent(ComingSoonPage);
    fixture.componentRef.setInput('heading', 'Young people');
    fixture.componentRef.setInput('message', 'Soon you will find the young people you work with here.');
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('h1')?.textContent).toBe('Young people');
    expect(el.querySelector('h2')?.textContent).toBe('Coming soon');
    expect(el.textContent).toContain('Soon you will find the young people you work with here.');
    expect(el.querySelector('a[href="/home"]')?.textContent?.trim()).toBe('Go to home');
    expect(await axeViolations(el)).toEqual([]);
  });
});
