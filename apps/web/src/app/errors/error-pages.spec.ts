import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { axeViolations } from '../../testing/axe';
import ErrorPage from './error-page';
import NotFoundPage from './not-found-page';

describe('error pages', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideRouter([])] }));

  it.each([
    [NotFoundPage, 'Page not found'],
    [ErrorPage, 'Sorry, something went wrong'],
  ])('%p says "%s" in its one h1 and offers a way home', async (component, heading) => {
    const fixture = TestBed.createComponent(component);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(Array.from(el.querySelectorAll('h1')).map((h) => h.textContent)).toEqual([heading]);
    expect(el.querySelector('a[href="/home"]')).not.toBeNull();
    expect(await axeViolations(el)).toEqual([]);
  });
});
