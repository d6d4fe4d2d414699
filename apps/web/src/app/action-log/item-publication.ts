import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MAX_READING_LEVEL_TEXT } from '@heard/domain';
import type { ItemPublicationResponse, ReadingLevelResponse } from '@heard/domain';
import { Subject, debounceTime, distinctUntilChanged, switchMap } from 'rxjs';
import { toProblem } from '../core/problem';
import { BoardReviewApi } from './board-review-api';
import { readingLevelWords } from './reading-words';

/**
 * The item's place on the public board, for the officer: each answer published or not, the quotes
 * that may go with it (only while consent is in force), and the reading level of the young words,
 * measured as they type a draft.
 */
@Component({
  selector: 'heard-item-publication',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="heard-item-publication" aria-labelledby="item-publication-heading">
      <h2 id="item-publication-heading">On the public board</h2>
      @if (problem()) {
        <p role="alert">{{ problem() }}</p>
      }
      @if (publication(); as p) {
        <label for="young-words-draft">
          Try the young people’s words here to see how easy they are to read (edit the item to keep them)
        </label>
        <textarea
          id="young-words-draft"
          rows="3"
          [attr.maxlength]="maxText"
          [value]="p.youngWords ?? ''"
          (input)="measure($event)"
        ></textarea>
        <div aria-live="polite">
          @if (level(); as l) {
            <p>{{ levelWords(l) }}</p>
            @if (l.hardSentences.length > 0) {
              <ul>
                @for (s of l.hardSentences; track $index) {
                  <li>{{ s }}</li>
                }
              </ul>
            }
          }
        </div>
        @if (p.quotes.length > 0) {
          <fieldset>
            <legend>Quotes to show with it</legend>
            @for (q of p.quotes; track q.id) {
              <label>
                <input
                  type="checkbox"
                  [checked]="chosen().includes(q.id)"
                  [disabled]="!q.consentInForce"
                  (change)="toggle(q.id)"
                />
                “{{ q.words }}”
                @if (!q.consentInForce) {
                  (no quote consent in force)
                }
              </label>
            }
          </fieldset>
        }
        <ul>
          @for (pair of p.pairs; track pair.actionId) {
            <li>
              <strong>{{ pair.label }}</strong
              >: {{ pair.youngWords ?? 'No young people’s words yet.' }}
              @if (pair.publishedAt) {
                <span> (on the board)</span>
                <!-- Publishing again keeps the board's quotes as chosen now, and, for an item naming no
                     one, tells them an answer that has changed (docs/action-log.md). -->
                <button type="button" [disabled]="busy()" (click)="publish(pair.actionId)">
                  Update on the board
                </button>
                <button type="button" [disabled]="busy()" (click)="unpublish(pair.actionId)">
                  Take off the board
                </button>
              } @else {
                <button type="button" [disabled]="busy()" (click)="publish(pair.actionId)">Publish</button>
              }
            </li>
          }
        </ul>
      } @else if (!problem()) {
        <p role="status">Loading…</p>
      }
    </section>
  `,
})
export class ItemPublication {
  private readonly api = inject(BoardReviewApi);
  readonly itemId = input.required<string>();
  /** Emitted after each publish or unpublish, with the item's publication as it now is. */
  readonly changed = output<ItemPublicationResponse>();
  protected readonly publication = signal<ItemPublicationResponse | null>(null);
  protected readonly level = signal<ReadingLevelResponse | null>(null);
  protected readonly chosen = signal<string[]>([]);
  protected readonly problem = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly maxText = MAX_READING_LEVEL_TEXT;
  protected readonly levelWords = readingLevelWords;
  private readonly typed = new Subject<string>();

  constructor() {
    effect(() => {
      const id = this.itemId();
      this.api.publication(id).subscribe({
        next: (p) => this.show(p),
        error: (e: unknown) => this.problem.set(toProblem(e).detail ?? 'This could not be loaded.'),
      });
    });
    this.typed
      .pipe(
        debounceTime(400),
        distinctUntilChanged(),
        switchMap((text) => this.api.readingLevel(text)),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe({ next: (l) => this.level.set(l) });
  }

  protected measure(event: Event): void {
    this.typed.next((event.target as HTMLTextAreaElement).value);
  }

  protected toggle(quoteId: string): void {
    this.chosen.update((c) => (c.includes(quoteId) ? c.filter((id) => id !== quoteId) : [...c, quoteId]));
  }

  protected publish(actionId: string): void {
    this.run(this.api.publish(actionId, this.itemId(), { quoteIds: this.chosen() }));
  }

  protected unpublish(actionId: string): void {
    this.run(this.api.unpublish(actionId, this.itemId()));
  }

  private run(call: ReturnType<BoardReviewApi['publish']>): void {
    this.busy.set(true);
    this.problem.set(null);
    call.subscribe({
      next: (p) => {
        this.busy.set(false);
        this.show(p);
        this.changed.emit(p);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.problem.set(toProblem(e).detail ?? 'That did not work.');
      },
    });
  }

  private show(p: ItemPublicationResponse): void {
    this.publication.set(p);
    this.level.set(p.readingLevel);
    this.chosen.set([...new Set(p.pairs.flatMap((pair) => pair.quoteIds))]);
  }
}
