import { DOCUMENT } from '@angular/common';
import { Injectable, Injector, afterNextRender, inject } from '@angular/core';
import { type ActivatedRoute, type Params, Router } from '@angular/router';

/** Anything that can take focus back: an element, or a Material control such as MatSelect. */
export interface Focusable {
  focus(options?: FocusOptions): void;
}

export interface InPageNavigationOptions {
  /** Replace the history entry instead of adding one (e.g. for tabs). */
  replaceUrl?: boolean;
  /** What to focus afterwards; by default the element that has focus now. */
  focus?: Focusable | null;
}

/**
 * Changes only the address's query parameters (a filter, a sort, a page, a tab), keeping the
 * person where they were. The router would otherwise scroll to the top, and the app shell moves
 * focus to the main content after every navigation, which is right for a new page but loses
 * the place of someone using a keyboard or screen reader who just chose a filter. Focus goes back
 * to the control they used, once the shell has moved it.
 */
@Injectable({ providedIn: 'root' })
export class InPageNavigation {
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);

  async setQueryParams(
    route: ActivatedRoute,
    queryParams: Params,
    options: InPageNavigationOptions = {},
  ): Promise<boolean> {
    const target = options.focus ?? this.focusedControl();
    const done = await this.router.navigate([], {
      relativeTo: route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl: options.replaceUrl ?? false,
      scroll: 'manual',
    });
    if (target) {
      // The shell moves focus in the render after the navigation; put it back in the one after that.
      const restore = () => {
        if (target instanceof HTMLElement && (!target.isConnected || this.document.activeElement === target))
          return;
        target.focus({ preventScroll: true });
      };
      afterNextRender(() => afterNextRender(restore, { injector: this.injector }), {
        injector: this.injector,
      });
    }
    return done;
  }

  /** The focused element, unless it is the page itself or a pop-up (an open select's panel) about to close. */
  private focusedControl(): HTMLElement | null {
    const active = this.document.activeElement as HTMLElement | null;
    if (!active || active === this.document.body || active.closest('.cdk-overlay-container')) return null;
    return active;
  }
}
