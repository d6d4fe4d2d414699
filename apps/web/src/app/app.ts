import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ROLE_LABELS, Role } from '@heard/domain';
import { HeardIcon } from '@heard/ui';
import { catchError, filter, map, of } from 'rxjs';
import { SessionService } from './core/session.service';
import { OutboxStatus } from './offline/outbox-status';

/** Below this width the menu slides over the page instead of sitting beside it. */
const NARROW = '(max-width: 839.98px)';

@Component({
  selector: 'heard-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatButtonModule,
    HeardIcon,
    OutboxStatus,
  ],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  host: { '[class.heard-young]': 'young()' },
})
export class App {
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly user = this.session.user;
  protected readonly navigation = this.session.navigation;
  protected readonly roleLabel = computed(() => {
    const user = this.user();
    return user ? ROLE_LABELS[user.role] : '';
  });
  /** Young experts get the warmer, larger look everywhere they go. */
  protected readonly young = computed(() => this.user()?.role === Role.YoungExpert);
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly menuOpen = signal(false);
  protected readonly signingOut = signal(false);
  private readonly path = signal('');
  /**
   * A round's link (/evaluate/) is answered by whoever holds the device, even on a browser where a
   * member of staff is signed in (a trusted adult handing over their laptop): no staff menu there.
   * The top bar still says who is signed in, so they can sign out. (The young person's answer page,
   * /rsvp/, is the API's own HTML page and never loads this app.)
   */
  protected readonly staffMenu = computed(() => this.user() !== null && !/^\/evaluate\//.test(this.path()));
  /** What became of the changes made without signal: for staff, who mark registers and days. */
  protected readonly staffOutbox = computed(() => this.staffMenu() && this.user()?.role !== Role.YoungExpert);

  constructor() {
    // After moving to another page, start keyboard and screen reader users at its content. A change
    // of query only (filters, sorting, paging, tabs) stays on the same page, so focus stays put.
    let previousPath: string | null = null;
    this.router.events
      .pipe(
        filter((event): event is NavigationEnd => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe((event) => {
        const path = event.urlAfterRedirects.split(/[?#]/)[0];
        this.path.set(path);
        const firstPage = previousPath === null;
        const samePage = path === previousPath;
        previousPath = path;
        this.menuOpen.set(false);
        if (firstPage || samePage) return;
        afterNextRender(() => this.main().nativeElement.focus({ preventScroll: true }), {
          injector: this.injector,
        });
      });
  }

  /** The skip link moves focus itself: with `<base href="/">` a bare `#main` would reload the app. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    const main = this.main().nativeElement;
    main.focus();
    main.scrollIntoView?.();
  }

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  protected signOut(): void {
    if (this.signingOut()) return;
    this.signingOut.set(true);
    this.session
      .signOut()
      .pipe(catchError(() => of(undefined)))
      .subscribe(() => {
        this.signingOut.set(false);
        void this.router.navigateByUrl('/sign-in');
      });
  }
}
