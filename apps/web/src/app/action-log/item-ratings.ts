import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import type { ItemRatingsResponse } from '@heard/domain';
import { toProblem } from '../core/problem';
import { dateInWordsOf } from './reading-words';
import { BoardReviewApi } from './board-review-api';

/**
 * The young experts' ratings of an item's answers, for the item page: every rating beside its
 * comment, and how many chose each face. Never an average alone.
 */
@Component({
  selector: 'heard-item-ratings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="heard-item-ratings" aria-labelledby="item-ratings-heading">
      <h2 id="item-ratings-heading">How well did we do? Young experts’ ratings</h2>
      @if (problem()) {
        <p role="alert">{{ problem() }}</p>
      } @else if (ratings(); as r) {
        @if (r.ratings.length === 0) {
          <p>No young expert has rated the answers to this item yet.</p>
        } @else {
          <p>
            @for (f of r.faces; track f.face.value; let last = $last) {
              {{ f.face.words }}: {{ f.count }}{{ last ? '' : ', ' }}
            }
          </p>
          <ul>
            @for (rating of r.ratings; track rating.id) {
              <li>
                <span aria-hidden="true">{{ rating.face.face }}</span>
                <strong>{{ rating.face.words }}</strong>
                ({{ when(rating.ratedAt) }})
                @if (rating.comment) {
                  <q>{{ rating.comment }}</q>
                } @else {
                  <span>No comment.</span>
                }
              </li>
            }
          </ul>
        }
      } @else {
        <p role="status">Loading ratings…</p>
      }
    </section>
  `,
})
export class ItemRatings {
  private readonly api = inject(BoardReviewApi);
  readonly itemId = input.required<string>();
  /** Emitted after each load, so the page can refresh anything that depends on the ratings. */
  readonly changed = output<ItemRatingsResponse>();
  protected readonly ratings = signal<ItemRatingsResponse | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly when = dateInWordsOf;

  constructor() {
    effect(() => {
      const id = this.itemId();
      this.ratings.set(null);
      this.problem.set(null);
      this.api.ratings(id).subscribe({
        next: (r) => {
          this.ratings.set(r);
          this.changed.emit(r);
        },
        error: (e: unknown) => this.problem.set(toProblem(e).detail ?? 'The ratings could not be loaded.'),
      });
    });
  }
}
