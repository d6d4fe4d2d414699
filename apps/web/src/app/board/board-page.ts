import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  ViewEncapsulation,
  afterRenderEffect,
  computed,
  inject,
  linkedSignal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, ParamMap, Router, RouterLink } from '@angular/router';
import { MAX_BOARD_PAGE_SIZE, type BoardResponse } from '@heard/domain';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { BoardApi } from './board-api';
import { BoardItemCard } from './board-item-card';
import { BOARD } from './board-words';

type Board = { state: 'loading' } | { state: 'ready'; board: BoardResponse } | { state: 'failed' };

/** A whole number from the address, or null (the API's default) when it is missing or not one. */
function wholeNumber(q: ParamMap, name: string, max: number): number | null {
  const n = Number(q.get(name));
  return Number.isInteger(n) && n >= 1 && n <= max ? n : null;
}

/** The board's address: the theme, page and page size, each kept only when asked for. */
function boardQuery(q: ParamMap) {
  return {
    themeId: q.get('theme'),
    page: wholeNumber(q, 'page', 100_000),
    pageSize: wholeNumber(q, 'pageSize', MAX_BOARD_PAGE_SIZE),
  };
}

/**
 * The public "You said, We did" board: no sign-in, what officers chose to publish, a page at a
 * time, filtered by theme. The theme and page are kept in the address, so a page can be shared,
 * bookmarked and printed, and "Newer" / "Older" are real links.
 */
@Component({
  selector: 'heard-board-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [BoardItemCard, RouterLink],
  template: `
    <div class="heard-board">
      <h1>{{ words.title }}</h1>
      <p class="intro">{{ words.intro }}</p>
      <p>{{ words.noNames }}</p>
      <div class="board-tools no-print">
        @if (themes().length > 0) {
          <label for="board-theme">{{ words.themeLabel }}</label>
          <select id="board-theme" [value]="themeId() ?? ''" (change)="chooseTheme($event)">
            <option value="">{{ words.allThemes }}</option>
            @for (theme of themes(); track theme.id) {
              <option [value]="theme.id" [selected]="theme.id === themeId()">{{ theme.name }}</option>
            }
          </select>
        }
        <button type="button" class="print" (click)="print()">{{ words.print }}</button>
      </div>
      @switch (board().state) {
        @case ('loading') {
          <p role="status">{{ words.loading }}</p>
        }
        @case ('failed') {
          <p role="alert">{{ words.failed }}</p>
        }
        @case ('ready') {
          @let p = paging();
          @if (items().length > 0) {
            <ul class="board-list">
              @for (item of items(); track item.itemId) {
                <li><heard-board-item-card [item]="item" /></li>
              }
            </ul>
          } @else if (p && p.total > 0) {
            <p>{{ words.emptyPage }}</p>
          } @else {
            <p>{{ themeId() ? words.noneForTheme : words.none }}</p>
          }
          @if (p && (p.pages > 1 || p.page > 1)) {
            <nav class="board-pages" [attr.aria-label]="words.pages">
              @if (p.page > 1) {
                <a
                  class="no-print"
                  routerLink="."
                  [queryParams]="{ page: p.newer === 1 ? null : p.newer }"
                  queryParamsHandling="merge"
                  (click)="moving()"
                  >{{ words.newer }}</a
                >
              }
              <p #pageStatus role="status" tabindex="-1" class="page-of">{{ p.pageOf }}</p>
              @if (p.page < p.pages) {
                <a
                  class="no-print"
                  routerLink="."
                  [queryParams]="{ page: p.page + 1 }"
                  queryParamsHandling="merge"
                  (click)="moving()"
                  >{{ words.older }}</a
                >
              }
            </nav>
          }
        }
      }
    </div>
  `,
  styleUrl: './board.scss',
})
export default class BoardPage {
  private readonly api = inject(BoardApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly words = BOARD;

  protected readonly themeId = toSignal(this.route.queryParamMap.pipe(map((q) => q.get('theme'))), {
    initialValue: null,
  });
  protected readonly board = toSignal(
    this.route.queryParamMap.pipe(
      map(boardQuery),
      switchMap((query) =>
        this.api.board(query).pipe(
          map((board): Board => ({ state: 'ready', board })),
          catchError(() => of<Board>({ state: 'failed' })),
          startWith<Board>({ state: 'loading' }),
        ),
      ),
    ),
    { initialValue: { state: 'loading' } as Board },
  );
  /**
   * Every page carries the whole board's themes. The last ones are kept while a page loads, so the
   * filter stays put (and keeps focus) meanwhile.
   */
  protected readonly themes = linkedSignal<Board, BoardResponse['themes']>({
    source: this.board,
    computation: (b, previous) => (b.state === 'ready' ? b.board.themes : (previous?.value ?? [])),
  });
  protected readonly items = computed(() => {
    const b = this.board();
    return b.state === 'ready' ? b.board.items : [];
  });
  protected readonly paging = computed(() => {
    const b = this.board();
    if (b.state !== 'ready') return null;
    const { page, pageSize, total } = b.board;
    const pages = Math.max(1, Math.ceil(total / pageSize));
    return {
      page,
      pages,
      total,
      // Past the end, "Newer" goes to the last page there is.
      newer: Math.min(page - 1, pages),
      pageOf: BOARD.pageOf.replace('{page}', String(page)).replace('{pages}', String(pages)),
    };
  });

  private readonly pageStatus = viewChild<ElementRef<HTMLElement>>('pageStatus');
  /** Set by "Newer" / "Older": the new page's "Page 2 of 3" takes focus once it is shown. */
  private focusPageStatus = false;

  constructor() {
    afterRenderEffect(() => {
      const status = this.pageStatus();
      if (status && this.focusPageStatus) {
        this.focusPageStatus = false;
        status.nativeElement.focus();
      }
    });
  }

  protected moving(): void {
    this.focusPageStatus = true;
  }

  protected chooseTheme(event: Event): void {
    const theme = (event.target as HTMLSelectElement).value || null;
    // A theme starts at its first page.
    void this.router.navigate([], {
      queryParams: { theme, page: null },
      queryParamsHandling: 'merge',
      relativeTo: this.route,
    });
  }

  protected print(): void {
    window.print();
  }
}
