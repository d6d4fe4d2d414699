import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { BoardItem } from '@heard/domain';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { BoardApi } from './board-api';
import { BoardItemCard } from './board-item-card';
import { BOARD } from './board-words';

type One = { state: 'loading' } | { state: 'ready'; item: BoardItem } | { state: 'failed' };

/** One pair on its own page: the board's link for sharing and printing a single item. */
@Component({
  selector: 'heard-board-item-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [BoardItemCard, RouterLink],
  template: `
    <div class="heard-board">
      <h1>{{ words.title }}</h1>
      @switch (one().state) {
        @case ('loading') {
          <p role="status">{{ words.loading }}</p>
        }
        @case ('failed') {
          <p role="alert">{{ words.notFound }}</p>
        }
        @case ('ready') {
          @if (item(); as item) {
            <heard-board-item-card [item]="item" [linked]="false" />
          }
          <div class="board-tools no-print">
            <button type="button" class="print" (click)="print()">{{ words.print }}</button>
          </div>
        }
      }
      <a class="no-print" routerLink="/board">{{ words.back }}</a>
    </div>
  `,
  styleUrl: './board.scss',
})
export default class BoardItemPage {
  private readonly api = inject(BoardApi);
  protected readonly words = BOARD;
  protected readonly one = toSignal(
    inject(ActivatedRoute).paramMap.pipe(
      map((p) => p.get('itemId') ?? ''),
      switchMap((id) =>
        this.api.item(id).pipe(
          map((item): One => ({ state: 'ready', item })),
          catchError(() => of<One>({ state: 'failed' })),
          startWith<One>({ state: 'loading' }),
        ),
      ),
    ),
    { initialValue: { state: 'loading' } as One },
  );

  protected item(): BoardItem | null {
    const o = this.one();
    return o.state === 'ready' ? o.item : null;
  }

  protected print(): void {
    window.print();
  }
}
