import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import type { BoardResponse } from '@heard/domain';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { BoardApi } from './board-api';
import { BoardItemCard } from './board-item-card';
import { BOARD } from './board-words';

type Board = { state: 'loading' } | { state: 'ready'; board: BoardResponse } | { state: 'failed' };

/**
 * The public "You said, We did" board: no sign-in, what officers chose to publish, filtered by
 * theme (kept in the address, so a filtered board can be shared and printed).
 */
@Component({
  selector: 'heard-board-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [BoardItemCard],
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
          @if (items().length === 0) {
            <p>{{ themeId() ? words.noneForTheme : words.none }}</p>
          } @else {
            <ul class="board-list">
              @for (item of items(); track item.itemId) {
                <li><heard-board-item-card [item]="item" /></li>
              }
            </ul>
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
      map((q) => q.get('theme')),
      switchMap((theme) =>
        this.api.board(theme).pipe(
          map((board): Board => ({ state: 'ready', board })),
          catchError(() => of<Board>({ state: 'failed' })),
          startWith<Board>({ state: 'loading' }),
        ),
      ),
    ),
    { initialValue: { state: 'loading' } as Board },
  );
  /** The whole board's themes, asked once: the filter stays put (and keeps focus) while a theme loads. */
  protected readonly themes = toSignal(
    this.api.board(null).pipe(
      map((b) => b.themes),
      catchError(() => of([])),
    ),
    {
      initialValue: [],
    },
  );
  protected readonly items = computed(() => {
    const b = this.board();
    return b.state === 'ready' ? b.board.items : [];
  });

  protected chooseTheme(event: Event): void {
    const theme = (event.target as HTMLSelectElement).value || null;
    void this.router.navigate([], { queryParams: { theme }, relativeTo: this.route });
  }

  protected print(): void {
    window.print();
  }
}
