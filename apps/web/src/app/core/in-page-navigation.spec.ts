import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
} from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, NavigationEnd, Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { filter } from 'rxjs';
import { InPageNavigation } from './in-page-navigation';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<main tabindex="-1"><button type="button">Next page</button></main>`,
})
class Page {
  readonly route = inject(ActivatedRoute);
  readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  constructor() {
    // Like the app shell: after each navigation, move focus to the main content.
    const injector = inject(Injector);
    inject(Router)
      .events.pipe(filter((e) => e instanceof NavigationEnd))
      .subscribe(() =>
        afterNextRender(() => this.host.nativeElement.querySelector('main')?.focus(), { injector }),
      );
  }
}

describe('InPageNavigation', () => {
  it('changes the query parameters and gives focus back to the control that was used', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'list', component: Page }])] });
    const harness = await RouterTestingHarness.create();
    const page = await harness.navigateByUrl('/list?sort=age', Page);
    const button = page.host.nativeElement.querySelector('button') as HTMLButtonElement;
    button.focus();

    await TestBed.inject(InPageNavigation).setQueryParams(page.route, { page: 2 });
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/list?sort=age&page=2');
    expect(document.activeElement).toBe(button);
  });

  it('leaves focus where the shell put it when the control has gone', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'list', component: Page }])] });
    const harness = await RouterTestingHarness.create();
    const page = await harness.navigateByUrl('/list', Page);
    const button = page.host.nativeElement.querySelector('button') as HTMLButtonElement;
    button.focus();
    const navigation = TestBed.inject(InPageNavigation).setQueryParams(page.route, { q: 'x' });
    button.remove();
    await navigation;
    await harness.fixture.whenStable();
    expect(document.activeElement).toBe(page.host.nativeElement.querySelector('main'));
  });

  it('focuses the control it is given, e.g. a select whose panel had focus', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'list', component: Page }])] });
    const harness = await RouterTestingHarness.create();
    const page = await harness.navigateByUrl('/list', Page);
    const button = page.host.nativeElement.querySelector('button') as HTMLButtonElement;
    const focus = jest.fn(() => button.focus());
    await TestBed.inject(InPageNavigation).setQueryParams(
      page.route,
      { ageBand: '13-15' },
      { focus: { focus } },
    );
    await harness.fixture.whenStable();
    expect(focus).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(button);
  });
});
